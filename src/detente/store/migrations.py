"""Apply the store's named, append-only migrations, each once, each in its own transaction."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .dialect import Dialect
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
            now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
            cursor.execute(dialect.sql(RECORD_MIGRATION), (migration.name, now))
        applied.append(migration.name)
    return applied
