"""Store calls on a small pool of store threads, each with its own connection.

An SQLite connection belongs to the thread that opened it, and a store is one connection; the API serves
requests on many threads. The gateway runs every store call on one of its own worker threads, and each worker
opens its own store on first use. With several workers, a slow read (a year-long series over a million
events) no longer holds up every other request: SQLite in WAL mode and PostgreSQL both serve readers side by
side, and writers wait for each other inside the database (SQLite's busy timeout, PostgreSQL's row locks).
A store object handed in by the caller is one connection, so it gets exactly one worker.

A store call that fails because the store itself failed (:attr:`StoreError.store_failed`: a PostgreSQL
connection lost in a server restart, an SQLite file deleted) closes that thread's connection; the next call
on the thread opens a new one, so the service answers 503 while the database is away and recovers on its own
when it is back. An SQLite file deleted or replaced is not reopened: see :class:`~detente.store.StoreOpener`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from ..errors import StoreError
from ..store import EventStore, StoreOpener

__all__ = ["DEFAULT_WORKERS", "StoreGateway", "StoreSource"]

T = TypeVar("T")

#: A store, a function that opens one (called on a store thread), or a location for ``open_store``.
StoreSource = EventStore | Callable[[], EventStore] | str

#: Store threads (and connections) when the gateway opens the stores itself.
DEFAULT_WORKERS = 4


class StoreGateway:
    """Run ``function(store, ...)`` on a store thread; each thread opens its store on first use."""

    def __init__(self, source: StoreSource, *, workers: int = DEFAULT_WORKERS) -> None:
        self._given = source if isinstance(source, EventStore) else None
        opener = StoreOpener(source) if isinstance(source, str) else source
        self._open: Callable[[], EventStore] = opener  # type: ignore[assignment]
        self._workers = 1 if self._given is not None else max(1, workers)
        self._executor = concurrent.futures.ThreadPoolExecutor(
            max_workers=self._workers, thread_name_prefix="detente-store"
        )
        self._local = threading.local()
        self._lock = threading.Lock()
        self._closed = False

    @property
    def workers(self) -> int:
        return self._workers

    async def call(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Await ``function(store, *args, **kwargs)`` run on a store thread (its exceptions propagate)."""
        future = self._executor.submit(self._run, function, args, kwargs)
        return await asyncio.wrap_future(future)

    def call_sync(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """As :meth:`call`, from synchronous code (blocks until done)."""
        return self._executor.submit(self._run, function, args, kwargs).result()

    def _run(self, function: Callable[..., T], args: tuple[Any, ...], kwargs: dict[str, Any]) -> T:
        store = self._opened()
        try:
            return function(store, *args, **kwargs)
        except StoreError as exc:
            if exc.store_failed and self._given is None:  # a dead connection: open a new one next time
                self._discard(store)
            raise

    def _opened(self) -> EventStore:
        if self._given is not None:
            return self._given
        store: EventStore | None = getattr(self._local, "store", None)
        if store is None:  # opened on failure again next time: a store that was down may be back
            store = self._open()
            self._local.store = store
        return store

    def _discard(self, store: EventStore) -> None:
        self._local.store = None
        with contextlib.suppress(Exception):  # the connection is already broken; closing it may fail too
            store.close()

    def close(self) -> None:
        """Close every store this gateway opened (each on its own thread) and stop the threads.

        Closing twice is harmless. One task per worker, held at a barrier until every worker has one, so
        that each thread closes its own connection.
        """
        with self._lock:
            if self._closed:
                return
            self._closed = True
        if self._given is None:
            barrier = threading.Barrier(self._workers)
            tasks = [self._executor.submit(self._close_own, barrier) for _ in range(self._workers)]
            for task in tasks:
                task.result()
        self._executor.shutdown(wait=True)

    def _close_own(self, barrier: threading.Barrier) -> None:
        barrier.wait(timeout=60)
        store: EventStore | None = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None
