"""Shared by the TimeML convention tables: the coder's spaCy pipeline, loaded once."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def nlp():
    from detente.pipeline import get_coder

    return get_coder().nlp
