"""The one batching helper the coder, the CLI and the Dask runner share."""

from __future__ import annotations

import pytest

from detente.batching import batched


def test_batches_keep_order_and_the_last_is_short():
    assert list(batched(range(7), 3)) == [[0, 1, 2], [3, 4, 5], [6]]


def test_empty_input_gives_no_batch():
    assert list(batched([], 4)) == []


def test_size_must_be_positive():
    with pytest.raises(ValueError):
        list(batched([1], 0))
