"""Opening stores: the backend registry, SQLite files, WAL, migrations and clear errors."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest

from detente.errors import StoreError
from detente.store import BackendRegistry, EventStore, display_location, open_store, register_backend
from detente.store.dialect import POSTGRESQL, SQLITE
from detente.store.migrations import applied_migrations, apply_migrations
from detente.store.query import EventQuery
from detente.store.rows import article_row, event_row
from detente.store.sql import ARTICLE_COLUMNS, EVENT_COLUMNS, MIGRATIONS
from detente.store.sqlite import open_sqlite

from .pg_schemas import fresh_schema, postgres_url
from .store_records import coded, event


def test_plain_path_and_sqlite_url_open_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with open_store(path) as store:
        assert store.count_articles() == 0
    assert path.is_file()
    with open_store(f"sqlite:///{path}") as store:
        assert store.count_events() == 0


def test_wal_mode_is_on(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    open_store(str(path)).close()
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        connection.close()


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    open_store(path).close()
    open_store(path).close()
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        rows = connection.execute("SELECT name, applied_at FROM migrations").fetchall()
        assert [name for name, _ in rows] == [migration.name for migration in MIGRATIONS]
        assert all(applied_at for _, applied_at in rows)
        assert apply_migrations(connection, SQLITE) == []
        assert applied_migrations(connection, SQLITE) == [migration.name for migration in MIGRATIONS]
        kinds = connection.execute("SELECT type, name FROM sqlite_master").fetchall()
        tables = {name for kind, name in kinds if kind == "table"}
        indexes = {name for kind, name in kinds if kind == "index"}
        assert {"articles", "events", "mentions", "quotes", "rejections", "migrations"} <= tables
        wanted = {
            "events_pair_day",
            "events_source_root",
            "events_target_root",
            "events_cameo_root",
            "events_day",
        }
        assert wanted <= indexes
        assert not {"events_source_country", "events_target_country", "events_date"} & indexes
    finally:
        connection.close()


def test_migration_0003_fills_the_new_columns_of_stored_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        apply_migrations(connection, SQLITE, migrations=MIGRATIONS[:2])
        item = coded("a1", event("e1", date="2023-W24-WE"), event("e2"), published=dt.date(2023, 6, 14))
        assert item.article is not None
        connection.execute(
            SQLITE.insert("articles", ARTICLE_COLUMNS), article_row(item.article, digest="x", added_at="t")
        )
        old_columns = EVENT_COLUMNS[: EVENT_COLUMNS.index("day")]
        for stored in item.events:
            row = event_row(stored, article_id="a1")[: len(old_columns)]
            connection.execute(SQLITE.insert("events", old_columns), row)
        quote = item.quotes[0]
        payload = json.dumps(
            {
                **quote.to_dict(),
                "speaker": {"code": "CHNGOV", "name": "Wang Yi", "country": "CHN", "text": "Wang"},
            }
        )
        connection.execute(
            "INSERT INTO quotes (id, article_id, payload) VALUES (?, ?, ?)", (quote.id, "a1", payload)
        )
    finally:
        connection.close()
    with open_store(path) as store:
        assert {row["id"]: row["day"] for row in store.query_events()} == {
            "e1": "2023-06-17",
            "e2": "2023-06-14",
        }
        assert store.count_events(EventQuery.build(has_location=True)) == 2
        assert [row["id"] for row in store.query_quotes(speaker="wang", country="CHN")] == [quote.id]


def test_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "no-such-folder" / "events.db")


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a folder"):
        open_store(tmp_path)


def test_a_file_that_is_not_sqlite_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are my notes, not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError, match="not an SQLite database"):
        open_store(path)
    assert path.read_text(encoding="utf-8").startswith("these are my notes")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores permissions")
def test_read_only_folder_is_a_store_error(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(StoreError, match="read-only"):
            open_store(folder / "events.db")
    finally:
        folder.chmod(0o755)


def test_read_only_errors_from_sqlite_are_explained(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("attempt to write a readonly database")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    with pytest.raises(StoreError, match="read-only"):
        open_sqlite(tmp_path / "events.db")


def test_postgresql_without_psycopg_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg now raises ImportError
    with pytest.raises(StoreError, match=re.escape('pip install "detente[postgres]"')) as caught:
        open_store("postgresql://user:secret@127.0.0.1:1/events")
    assert "secret" not in str(caught.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "postgresql://user:secret@127.0.0.1:1/events",
            "cannot connect .* user@127.0.0.1:1/events: .*refused",
        ),
        ("postgres://user:secret@127.0.0.1:1/events", "cannot connect"),
        ("postgresql://user:secret@[::1/events", "URL is malformed"),
        ("postgresql://user:secret@127.0.0.1:nope/events", "cannot connect"),
    ],
)
def test_an_unreachable_postgresql_server_is_a_store_error(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(url)
    assert "secret" not in str(caught.value)


@pytest.mark.postgres
def test_a_wrong_postgresql_password_is_a_store_error() -> None:
    parts = urlsplit(postgres_url())
    netloc = f"{parts.username}:not-the-password@{parts.hostname}:{parts.port or 5432}"
    with pytest.raises(StoreError, match="password authentication failed") as caught:
        open_store(urlunsplit(parts._replace(netloc=netloc)))
    assert "not-the-password" not in str(caught.value)


@pytest.mark.postgres
def test_postgresql_migrations_are_recorded_once() -> None:
    with fresh_schema() as url:
        open_store(url).close()
        open_store(url).close()
        with psycopg.connect(url, autocommit=True) as connection:
            names = [row[0] for row in connection.execute("SELECT name FROM migrations ORDER BY name")]
            assert names == [migration.name for migration in MIGRATIONS]
            assert apply_migrations(connection, POSTGRESQL) == []
            indexes = {
                row[0]
                for row in connection.execute(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()"
                )
            }
        assert {
            "events_pair_day",
            "events_source_root",
            "events_target_root",
            "events_day",
            "events_day_desc",
        } <= indexes


def test_unknown_scheme_names_the_known_ones() -> None:
    with pytest.raises(StoreError, match="no event store backend for mongodb://.*sqlite://"):
        open_store("mongodb://localhost/events")


def test_a_registered_backend_is_used(tmp_path: Path) -> None:
    opened: list[str] = []

    def factory(location: str) -> EventStore:
        opened.append(location)
        return open_sqlite(tmp_path / "plugin.db")

    registry = BackendRegistry({"sqlite": open_sqlite})
    registry.register("Memo", factory)
    with open_store("memo://anything", registry=registry) as store:
        assert store.count_events() == 0
    assert opened == ["memo://anything"]
    assert registry.schemes() == ("memo", "sqlite")
    with pytest.raises(StoreError, match="already registered"):
        registry.register("memo", factory)
    registry.register("memo", factory, replace=True)


def test_register_backend_refuses_to_replace_by_accident() -> None:
    with pytest.raises(StoreError, match="already registered"):
        register_backend("sqlite", open_sqlite)


def test_dialects_render_placeholders_and_types() -> None:
    assert SQLITE.sql("SELECT ? , ?") == "SELECT ? , ?"
    assert POSTGRESQL.sql("SELECT ? , ?") == "SELECT %s , %s"
    assert "AUTOINCREMENT" in SQLITE.ddl("{autoincrement_pk}")
    assert POSTGRESQL.ddl("{float}") == "DOUBLE PRECISION"
    upsert = POSTGRESQL.upsert("t", ("id", "x"), conflict=("id",), update=("x",))
    assert upsert == "INSERT INTO t (id, x) VALUES (%s, %s) ON CONFLICT (id) DO UPDATE SET x = excluded.x"


def test_closed_store_raises(tmp_path: Path) -> None:
    store = open_store(tmp_path / "events.db")
    store.close()
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count_events()


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        ("events.db", "events.db"),
        ("postgresql://ana:s3cr%40t@db.example:5432/events", "postgresql://ana:***@db.example:5432/events"),
        ("postgresql://ana@db.example/events", "postgresql://ana@db.example/events"),
        ("postgresql://u:p@ss@host/db", "postgresql://u:***@host/db"),
    ],
)
def test_display_location_hides_passwords(location: str, shown: str) -> None:
    assert display_location(location) == shown
