"""Fixtures for the event store tests: one ``store`` per backend, so every test runs on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store import EventStore, open_store


@pytest.fixture(params=["sqlite"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """One location per backend; a PostgreSQL backend adds its URL here and the whole suite runs on it."""
    return f"sqlite:///{tmp_path / 'events.db'}"


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    with open_store(store_url) as opened:
        yield opened
