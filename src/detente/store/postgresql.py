"""The PostgreSQL backend: psycopg 3 on one autocommit connection, the same schema and SQL as SQLite.

Needs the ``postgres`` extra (``pip install "detente[postgres]"``). Several processes may write one store at
once: migrations run under an advisory lock, and an article whose transaction meets another writer's (a
serialization failure, a deadlock, a unique key written meanwhile) is rolled back and written again.
"""

from __future__ import annotations

from typing import Any

from ..errors import StoreError
from .dialect import POSTGRESQL
from .migrations import apply_migrations
from .sql_store import SQLStore

__all__ = ["open_postgresql"]

_INSTALL = 'PostgreSQL support needs psycopg: pip install "detente[postgres]"'
_CONNECT_TIMEOUT_SECONDS = 10


def open_postgresql(url: str) -> SQLStore:
    """Open (migrating when needed) the PostgreSQL store at a ``postgresql://`` URL.

    Raises :class:`StoreError` when psycopg is not installed, the server cannot be reached or refuses the
    login, or the schema cannot be made. Messages name the server and database, never the password.
    """
    try:
        import psycopg
    except ImportError as exc:
        raise StoreError(_INSTALL) from exc
    name = _describe(url, psycopg)
    if name is None:  # the driver's message would quote the URL, password included
        raise StoreError("cannot open the PostgreSQL event store: the postgresql:// URL is malformed")
    try:
        connection = psycopg.connect(url, autocommit=True, connect_timeout=_CONNECT_TIMEOUT_SECONDS)
    except psycopg.Error as exc:
        raise StoreError(f"cannot connect to the PostgreSQL event store {name}: {_reason(exc)}") from exc
    try:
        apply_migrations(connection, POSTGRESQL)
    except psycopg.Error as exc:
        connection.close()
        raise StoreError(f"cannot prepare the PostgreSQL event store {name}: {_reason(exc)}") from exc
    conflicts = (
        psycopg.errors.SerializationFailure,
        psycopg.errors.DeadlockDetected,
        psycopg.errors.UniqueViolation,
    )
    return SQLStore(
        connection,
        POSTGRESQL,
        errors=(psycopg.Error,),
        conflicts=conflicts,
        per_article=(psycopg.IntegrityError, psycopg.DataError),
        name=name,
    )


def _describe(url: str, psycopg: Any) -> str | None:
    """``user@host:port/dbname`` of a URL, without its password; None when the URL cannot be parsed."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return None
    user = f"{info['user']}@" if info.get("user") else ""
    host = info.get("host") or "localhost"
    port = f":{info['port']}" if info.get("port") else ""
    return f"{user}{host}{port}/{info.get('dbname') or ''}"


def _reason(exc: Exception) -> str:
    """The first line of a driver error (libpq adds hints and context lines below it)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
