"""A fresh PostgreSQL schema per test (a uniquely named module, so other test folders cannot shadow it).

The server comes from ``DETENTE_TEST_POSTGRES`` (``.ci/run`` starts one and sets it). Without it the
PostgreSQL tests are skipped on a developer's machine, but fail under CI (``CI`` set): CI must never pass by
silently skipping the real server.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest

TABLES = ("articles", "events", "mentions", "quotes", "rejections")


def postgres_url() -> str:
    """The test server's URL, or skip (fail under CI) when there is none."""
    url = os.environ.get("DETENTE_TEST_POSTGRES")
    if url:
        return url
    message = (
        "DETENTE_TEST_POSTGRES is not set: the PostgreSQL store tests need a server URL such as "
        "postgresql://detente:detente@127.0.0.1:5432/detente_test (.ci/run starts one)"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run them", pytrace=False)
    pytest.skip(message)


def with_schema(url: str, schema: str) -> str:
    """The URL with ``search_path`` set to ``schema`` (libpq's ``options`` parameter)."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-c search_path={schema}')}"


@contextlib.contextmanager
def fresh_schema() -> Iterator[str]:
    """A URL whose tables live in a new, empty schema, dropped afterwards."""
    import psycopg

    url = postgres_url()
    schema = f"detente_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    try:
        yield with_schema(url, schema)
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")


def table_counts(url: str) -> dict[str, int]:
    """Rows per table, read past the store (sqlite:///path or a postgresql:// URL)."""
    if url.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(url, autocommit=True) as connection:
            return {
                table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES
            }
    connection = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        return {table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in TABLES}
    finally:
        connection.close()


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql://")
