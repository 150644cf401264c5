"""UTF-16 without a byte-order mark (as some Windows exports write it) is text, not binary."""

from __future__ import annotations

import pytest

from detente.errors import InputError
from detente.ingest import decode_bytes

TEXT = "Ministers met in Geneva on Tuesday.\nThey agreed to meet again."


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_decodes(encoding):
    assert decode_bytes(TEXT.encode(encoding)) == TEXT


def test_random_bytes_with_nuls_stay_binary():
    with pytest.raises(InputError) as info:
        decode_bytes(bytes(range(256)) * 8)
    assert info.value.code == "binary"


def test_odd_length_with_nuls_stays_binary():
    with pytest.raises(InputError) as info:
        decode_bytes(TEXT.encode("utf-16-le") + b"\x00")
    assert info.value.code == "binary"
