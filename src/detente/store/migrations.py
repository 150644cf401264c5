"""Apply the store's named, append-only migrations, each once, each in its own transaction.

Two processes opening a new store at once are safe: SQLite's ``BEGIN IMMEDIATE`` and PostgreSQL's advisory
lock (:attr:`Dialect.lock_migrations`) let one apply a migration while the other waits, then finds it
recorded. A migration that adds columns fills them for the rows already stored (its backfill, below).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any

from .dialect import Dialect
from .rows import event_day, location_values, quote_values
from .sql import (
    APPLIED_MIGRATIONS,
    MIGRATION_APPLIED,
    MIGRATIONS,
    MIGRATIONS_TABLE,
    RECORD_MIGRATION,
    Migration,
)

__all__ = ["applied_migrations", "apply_migrations"]


def applied_migrations(connection: Any, dialect: Dialect) -> list[str]:
    """Names of the migrations recorded in the ``migrations`` table, in order."""
    cursor = connection.cursor()
    try:
        cursor.execute(dialect.ddl(MIGRATIONS_TABLE))
        cursor.execute(dialect.sql(APPLIED_MIGRATIONS))
        return [row[0] for row in cursor.fetchall()]
    finally:
        cursor.close()


def apply_migrations(
    connection: Any,
    dialect: Dialect,
    *,
    migrations: tuple[Migration, ...] = MIGRATIONS,
) -> list[str]:
    """Apply the migrations not yet recorded; return the names applied now (empty when up to date)."""
    with _migration_lock(connection, dialect):
        done = set(applied_migrations(connection, dialect))
        applied = []
        for migration in migrations:
            if migration.name in done:
                continue
            with dialect.transaction(connection) as cursor:
                cursor.execute(dialect.sql(MIGRATION_APPLIED), (migration.name,))
                if cursor.fetchone() is not None:  # another process applied it meanwhile
                    continue
                for statement in migration.statements:
                    cursor.execute(dialect.ddl(statement))
                backfill = _BACKFILLS.get(migration.name)
                if backfill is not None:
                    backfill(cursor, dialect)
                now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
                cursor.execute(dialect.sql(RECORD_MIGRATION), (migration.name, now))
            applied.append(migration.name)
        return applied


@contextlib.contextmanager
def _migration_lock(connection: Any, dialect: Dialect) -> Iterator[None]:
    """Hold the dialect's migration lock (a PostgreSQL advisory lock) while migrating."""
    if dialect.lock_migrations is None:
        yield
        return
    cursor = connection.cursor()
    try:
        cursor.execute(dialect.lock_migrations)
        try:
            yield
        finally:
            cursor.execute(dialect.unlock_migrations)
    finally:
        cursor.close()


def _backfill_query_columns(cursor: Any, dialect: Dialect) -> None:
    """0003: each stored event's day and location columns, each stored quote's searchable columns."""
    cursor.execute(
        "SELECT e.id, e.date, e.location, a.published FROM events e JOIN articles a ON a.id = e.article_id"
    )
    events = cursor.fetchall()
    if events:
        names = ("day", "location_name", "location_country", "location_lat", "location_lon")
        update = dialect.sql(f"UPDATE events SET {', '.join(f'{name} = ?' for name in names)} WHERE id = ?")
        rows = []
        for event_id, date, location, published in events:
            place = _place(location)
            columns = {"day": event_day(date, published), **location_values(None)}
            if place is not None:
                columns.update(
                    location_name=place.get("name"),
                    location_country=place.get("country"),
                    location_lat=place.get("lat"),
                    location_lon=place.get("lon"),
                )
            rows.append((*(columns[name] for name in names), event_id))
        cursor.executemany(update, rows)
    cursor.execute("SELECT id, payload FROM quotes")
    quotes = cursor.fetchall()
    if quotes:
        names = ("speaker_code", "speaker_name", "speaker_text", "speaker_country", "kind", "text", '"start"')
        update = dialect.sql(f"UPDATE quotes SET {', '.join(f'{name} = ?' for name in names)} WHERE id = ?")
        rows = []
        for quote_id, payload in quotes:
            values = quote_values(json.loads(payload))
            rows.append((*(values[name] for name in names), quote_id))
        cursor.executemany(update, rows)


def _place(location: str | None) -> dict[str, Any] | None:
    return None if location is None else json.loads(location)


def _backfill_quote_speaker_types(cursor: Any, dialect: Dialect) -> None:
    """0008: each stored quote's speaker type, from its payload (NULL where the payload has none)."""
    cursor.execute("SELECT id, payload FROM quotes")
    rows = [
        (quote_values(json.loads(payload))["speaker_type"], quote_id)
        for quote_id, payload in cursor.fetchall()
    ]
    rows = [row for row in rows if row[0] is not None]
    if rows:
        cursor.executemany(dialect.sql("UPDATE quotes SET speaker_type = ? WHERE id = ?"), rows)


#: Migrations whose new columns are filled from the rows already stored, by name.
_BACKFILLS: dict[str, Callable[[Any, Dialect], None]] = {
    "0003_query_columns": _backfill_query_columns,
    "0008_quote_speaker_type": _backfill_quote_speaker_types,
}
