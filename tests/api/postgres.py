"""A PostgreSQL store for the API tests: a fresh schema on the server of ``DETENTE_TEST_POSTGRES``.

Without the variable the PostgreSQL runs are skipped on a developer's machine and fail under CI (``CI`` set).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator
from urllib.parse import quote

import pytest


def postgres_url() -> str:
    url = os.environ.get("DETENTE_TEST_POSTGRES")
    if url:
        return url
    message = (
        "DETENTE_TEST_POSTGRES is not set: the API tests over PostgreSQL need a server (.ci/run starts one)"
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


@contextlib.contextmanager
def postgres_schema() -> Iterator[str]:
    """A store URL whose tables live in a new schema, dropped afterwards."""
    import psycopg

    url = postgres_url()
    schema = f"detente_api_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in url else "?"
    try:
        yield f"{url}{separator}options={quote(f'-c search_path={schema}')}"
    finally:
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")
