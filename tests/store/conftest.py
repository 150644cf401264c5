"""Fixtures for the event store tests: one ``store`` per backend, so every test runs on each backend.

The ``postgresql`` parameter gives each test a fresh schema on the server named by ``DETENTE_TEST_POSTGRES``
(skipped without it, except under CI, where a missing server fails).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.store import EventStore, open_store

from .pg_schemas import fresh_schema


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """One location per backend: an SQLite file, or a new PostgreSQL schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'events.db'}"
        return
    with fresh_schema() as url:
        yield url


@pytest.fixture
def store(store_url: str) -> Iterator[EventStore]:
    with open_store(store_url) as opened:
        yield opened
