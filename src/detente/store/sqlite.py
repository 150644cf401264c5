"""The SQLite backend: one database file in WAL mode (or ``:memory:``, for tests)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from ..errors import StoreError
from .dialect import SQLITE
from .migrations import apply_migrations
from .sql_store import SQLStore

__all__ = ["SQLITE_URL_PREFIX", "open_sqlite"]

SQLITE_URL_PREFIX = "sqlite:///"
_MEMORY = ":memory:"
_BUSY_TIMEOUT_SECONDS = 30.0


def open_sqlite(location: str | os.PathLike[str]) -> SQLStore:
    """Open (creating and migrating when needed) the SQLite store at a path or ``sqlite:///path`` URL.

    Raises :class:`StoreError` when the folder is missing, the file is not an SQLite database, or the
    location cannot be written.
    """
    target = _resolve(location)
    try:
        connection = sqlite3.connect(target, isolation_level=None, timeout=_BUSY_TIMEOUT_SECONDS)
    except sqlite3.Error as exc:
        raise StoreError(_explain(target, exc)) from exc
    try:
        _configure(connection, target)
        apply_migrations(connection, SQLITE)
    except sqlite3.Error as exc:
        connection.close()
        raise StoreError(_explain(target, exc)) from exc
    except StoreError:
        connection.close()
        raise
    return SQLStore(connection, SQLITE, errors=(sqlite3.Error,), name=target)


def _resolve(location: str | os.PathLike[str]) -> str:
    """The file path to connect to, after checking what can be checked before connecting."""
    text = os.fspath(location)
    if text.startswith(SQLITE_URL_PREFIX):
        text = text[len(SQLITE_URL_PREFIX) :]
    if not text:
        raise StoreError("the event store location is empty")
    if text == _MEMORY:
        return text
    path = Path(text).expanduser()
    if path.is_dir():
        raise StoreError(f"cannot open the event store {path}: it is a folder, not a database file")
    if not path.parent.is_dir():
        raise StoreError(f"cannot open the event store {path}: the folder {path.parent} does not exist")
    return str(path)


def _configure(connection: sqlite3.Connection, target: str) -> None:
    mode = connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if target != _MEMORY and str(mode).lower() != "wal":
        raise StoreError(f"cannot open the event store {target}: WAL mode is unavailable (mode {mode})")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=NORMAL")


def _explain(target: str, exc: sqlite3.Error) -> str:
    message = str(exc)
    if "not a database" in message:
        return f"cannot open the event store {target}: the file is not an SQLite database ({message})"
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return (
            f"cannot open the event store {target}: the file or its folder is read-only "
            f"or not accessible ({message})"
        )
    return f"cannot open the event store {target}: {message}"
