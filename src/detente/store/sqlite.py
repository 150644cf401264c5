"""The SQLite backend: one database file in WAL mode (or ``:memory:``, for tests).

An open store knows which file it opened (device and inode). Before every read and write it checks that the
path still names that file: a database deleted or replaced under a running server is a :class:`StoreError`
(the server's health fails and writes are refused) instead of answers that alternate between the old file,
still open, and a new empty one. ``open_sqlite(path, identity=...)`` refuses to open any other file than
the one a server started on, so a reconnecting server does not create a fresh store in its place.
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import StoreError
from .dialect import SQLITE
from .migrations import apply_migrations
from .sql_store import SQLStore

__all__ = ["SQLITE_URL_PREFIX", "FileIdentity", "SQLiteStore", "file_identity", "open_sqlite"]

SQLITE_URL_PREFIX = "sqlite:///"
_MEMORY = ":memory:"
_BUSY_TIMEOUT_SECONDS = 30.0


@dataclass(frozen=True, slots=True)
class FileIdentity:
    """Which file a path named when it was opened."""

    device: int
    inode: int


def file_identity(path: str | os.PathLike[str]) -> FileIdentity | None:
    """The identity of the file at ``path`` now, or None when there is none."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileIdentity(status.st_dev, status.st_ino)


class SQLiteStore(SQLStore):
    """An SQLite store that checks, before each use, that its path still names the file it opened."""

    def __init__(self, connection: Any, *, path: str, identity: FileIdentity | None) -> None:
        super().__init__(
            connection,
            SQLITE,
            errors=(sqlite3.Error,),
            per_article=(sqlite3.IntegrityError, sqlite3.DataError, sqlite3.InterfaceError),
            name=path,
        )
        self.path = path
        #: The file this store opened (None for ``:memory:``).
        self.identity = identity

    def _check_open(self) -> None:
        super()._check_open()
        if self.identity is not None:
            _check_same_file(self.path, self.identity)


def open_sqlite(location: str | os.PathLike[str], *, identity: FileIdentity | None = None) -> SQLiteStore:
    """Open (creating and migrating when needed) the SQLite store at a path or ``sqlite:///path`` URL.

    With ``identity``, only that file is opened: a path that is now missing or names another file raises
    :class:`StoreError`. Raises it also when the folder is missing, the file is not an SQLite database,
    or the location cannot be written.
    """
    target = _resolve(location)
    if identity is not None:
        _check_same_file(target, identity)
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
    opened = None if target == _MEMORY else file_identity(target)
    if identity is not None and opened != identity:  # replaced between the check and the connection
        connection.close()
        raise _changed(target, opened)
    return SQLiteStore(connection, path=target, identity=opened)


def _check_same_file(path: str, identity: FileIdentity) -> None:
    now = file_identity(path)
    if now != identity:
        raise _changed(path, now)


def _changed(path: str, now: FileIdentity | None) -> StoreError:
    what = "was deleted" if now is None else "was replaced by another file"
    return StoreError(
        f"the event store {path} {what} after it was opened: refusing to read or write a different "
        "store (restart to use the file now at that path)",
        failed=True,
    )


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
    mode = _journal_mode_wal(connection)
    if target != _MEMORY and str(mode).lower() != "wal":
        raise StoreError(f"cannot open the event store {target}: WAL mode is unavailable (mode {mode})")
    connection.execute("PRAGMA foreign_keys=ON")
    connection.execute("PRAGMA synchronous=NORMAL")


def _journal_mode_wal(connection: sqlite3.Connection) -> str:
    """Switch to WAL and return the journal mode now in force.

    Two connections switching a new file's mode at once can get "database is locked" at once: SQLite
    does not wait on its busy timeout there, to avoid a deadlock. The switch is tried again, with a short
    pause, until the busy timeout has passed.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_SECONDS
    pause = 0.01
    while True:
        try:
            return str(connection.execute("PRAGMA journal_mode=WAL").fetchone()[0])
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(pause)
        pause = min(pause * 2, 0.25)


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
