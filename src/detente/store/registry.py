"""Store backends by URL scheme: ``open_store("events.db")``, ``open_store("postgresql://…")``.

A plain path (or ``sqlite:///path``) is SQLite. Plugins add a scheme with :func:`register_backend`;
detente's own backends are registered the same way, in :func:`default_registry`.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Callable, Mapping

from ..errors import StoreError
from .base import EventStore
from .postgresql import open_postgresql
from .sqlite import FileIdentity, SQLiteStore, open_sqlite

__all__ = [
    "BackendFactory",
    "BackendRegistry",
    "StoreOpener",
    "default_registry",
    "display_location",
    "open_store",
    "register_backend",
]

#: Makes a store from the location string it was asked for (the full URL, or the path).
BackendFactory = Callable[[str], EventStore]

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")


class BackendRegistry:
    """Backend factories by lower-case URL scheme."""

    def __init__(self, factories: Mapping[str, BackendFactory] | None = None) -> None:
        self._factories: dict[str, BackendFactory] = {}
        for scheme, factory in (factories or {}).items():
            self.register(scheme, factory)

    def register(self, scheme: str, factory: BackendFactory, *, replace: bool = False) -> None:
        """Use ``factory`` for ``scheme://`` locations; replacing one needs ``replace=True``."""
        key = scheme.lower()
        if not re.fullmatch(r"[a-z][a-z0-9+.-]*", key):
            raise StoreError(f"not a URL scheme: {scheme!r}")
        if key in self._factories and not replace:
            raise StoreError(f"a store backend is already registered for {key}:// (pass replace=True)")
        self._factories[key] = factory

    def schemes(self) -> tuple[str, ...]:
        return tuple(sorted(self._factories))

    def open(self, location: str | os.PathLike[str]) -> EventStore:
        """Open the store at ``location``; a location without ``scheme://`` is an SQLite file path."""
        text = os.fspath(location)
        match = _SCHEME.match(text)
        scheme = match.group(1).lower() if match else "sqlite"
        factory = self._factories.get(scheme)
        if factory is None:  # never echo the URL: it may hold a password
            known = ", ".join(f"{name}://" for name in self.schemes())
            raise StoreError(f"no event store backend for {scheme}:// (known: {known})")
        return factory(text)


@functools.lru_cache(maxsize=1)
def default_registry() -> BackendRegistry:
    """The process-wide registry, made once, holding detente's own backends."""
    return BackendRegistry(
        {
            "sqlite": open_sqlite,
            "postgresql": open_postgresql,
            "postgres": open_postgresql,
        }
    )


def register_backend(scheme: str, factory: BackendFactory, *, replace: bool = False) -> None:
    """Add a store backend for ``scheme://`` URLs to the default registry."""
    default_registry().register(scheme, factory, replace=replace)


def open_store(location: str | os.PathLike[str], *, registry: BackendRegistry | None = None) -> EventStore:
    """Open the event store at a path or URL (``sqlite:///path``, ``postgresql://user:password@host/db``)."""
    return (registry or default_registry()).open(location)


def display_location(location: str | os.PathLike[str]) -> str:
    """The store location as it may be shown to a user: a URL's password is replaced by ``***``."""
    text = os.fspath(location)
    if "://" not in text:
        return text
    scheme, _, rest = text.partition("://")
    netloc, slash, path = rest.partition("/")
    login, at, host = netloc.rpartition("@")
    if at and ":" in login:
        login = login.split(":", 1)[0] + ":***"
    return f"{scheme}://{login}{at}{host}{slash}{path}"



class StoreOpener:
    """Opens the store at one location as often as asked (a connection per thread, again after a failure).

    Every store it opens is the same store: the first SQLite file it opens is pinned by its identity, and a
    later open of a path that is now missing or names another file raises :class:`StoreError` instead of
    creating or reading a different database.
    """

    def __init__(self, location: str | os.PathLike[str], *, registry: BackendRegistry | None = None) -> None:
        self.location = os.fspath(location)
        self._registry = registry
        self._identity: FileIdentity | None = None
        self._lock = threading.Lock()

    def __call__(self) -> EventStore:
        with self._lock:
            identity = self._identity
        if identity is not None:
            return open_sqlite(self.location, identity=identity)
        store = open_store(self.location, registry=self._registry)
        if isinstance(store, SQLiteStore) and store.identity is not None:
            with self._lock:
                if self._identity is None:
                    self._identity = store.identity
                elif self._identity != store.identity:  # another thread pinned a file replaced meanwhile
                    store.close()
                    return open_sqlite(self.location, identity=self._identity)
        return store
