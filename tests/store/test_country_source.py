"""An actor mention's ``country_source`` is stored with the event (migration 0007) and read back."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from detente.store import open_store
from detente.store.dialect import SQLITE
from detente.store.migrations import apply_migrations
from detente.store.sql import MIGRATIONS

from .store_records import coded, event, mention


def test_country_source_round_trips(tmp_path: Path) -> None:
    police = dataclasses.replace(mention("PERCOP", text="police"), country_source="dateline")
    stored = dataclasses.replace(event("e1"), source=police, target=mention("CHN"))
    with open_store(tmp_path / "events.db") as store:
        store.write_batch([coded("a1", stored)])
        (row,) = store.query_events()
    assert row["source"]["country_source"] == "dateline"
    assert row["target"]["country_source"] is None
    assert row["source"] == {**police.to_dict()}


def test_migration_0007_adds_the_columns_to_an_older_store(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        names = [migration.name for migration in MIGRATIONS]
        apply_migrations(connection, SQLITE, migrations=MIGRATIONS[: names.index("0007_country_sources")])
        before = {row[1] for row in connection.execute("PRAGMA table_info(events)")}
        assert "source_country_source" not in before
    finally:
        connection.close()
    with open_store(path) as store:
        store.write_batch([coded("a1", event("e1"))])
        assert [row["source"]["country_source"] for row in store.query_events()] == [None]
