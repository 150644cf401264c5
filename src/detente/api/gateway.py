"""Every store call on one thread.

An SQLite connection belongs to the thread that opened it, and a store is one connection; the API serves
requests on many threads. The gateway opens the store lazily on its own single worker thread and runs every
call there, so one connection serves the whole app (SQLite has one writer anyway; reads take milliseconds).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from ..store import EventStore, open_store

__all__ = ["StoreGateway", "StoreSource"]

T = TypeVar("T")

#: A store, a function that opens one (called on the store thread), or a location for ``open_store``.
StoreSource = EventStore | Callable[[], EventStore] | str


class StoreGateway:
    """Run ``function(store, ...)`` on the store thread; the store opens on first use (retried on failure)."""

    def __init__(self, source: StoreSource) -> None:
        self._source = source
        self._store: EventStore | None = source if isinstance(source, EventStore) else None
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="detente-store"
        )
        self._lock = threading.Lock()
        self._closed = False

    async def call(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Await ``function(store, *args, **kwargs)`` run on the store thread (its exceptions propagate)."""
        future = self._executor.submit(self._run, function, args, kwargs)
        return await asyncio.wrap_future(future)

    def call_sync(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """As :meth:`call`, from synchronous code (blocks until done)."""
        return self._executor.submit(self._run, function, args, kwargs).result()

    def _run(self, function: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        return function(self._opened(), *args, **kwargs)

    def _opened(self) -> EventStore:
        if self._store is None:
            source = self._source
            self._store = open_store(source) if isinstance(source, str) else source()  # type: ignore[operator]
        return self._store

    def close(self) -> None:
        """Close the store (on its thread) and stop the thread. Closing twice is harmless."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self._store is not None and not isinstance(self._source, EventStore):
            self._executor.submit(self._close_store).result()
        self._executor.shutdown(wait=True)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
