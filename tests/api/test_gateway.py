"""The store gateway: a pool of store threads, each with its own connection, closed on its own thread."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path

from detente.api.gateway import StoreGateway
from detente.store import EventStore, open_store


def test_a_slow_read_does_not_hold_up_another(tmp_path: Path):
    location = str(tmp_path / "events.db")
    open_store(location).close()
    gateway = StoreGateway(location, workers=2)
    release = threading.Event()

    def slow(store: EventStore) -> str:
        release.wait(timeout=10)
        return "slow"

    def fast(store: EventStore) -> int:
        return store.count_events()

    async def both() -> tuple[str, int, float]:
        slow_call = asyncio.ensure_future(gateway.call(slow))
        began = time.perf_counter()
        count = await gateway.call(fast)
        waited = time.perf_counter() - began
        release.set()
        return await slow_call, count, waited

    try:
        slow_result, count, waited = asyncio.run(both())
    finally:
        release.set()
        gateway.close()
    assert (slow_result, count) == ("slow", 0)
    assert waited < 5, "the fast call waited for the slow one"


def test_each_thread_opens_and_closes_its_own_store(tmp_path: Path):
    location = str(tmp_path / "events.db")
    opened: list[tuple[int, EventStore]] = []
    lock = threading.Lock()

    def opener() -> EventStore:
        store = open_store(location)
        with lock:
            opened.append((threading.get_ident(), store))
        return store

    gateway = StoreGateway(opener, workers=3)
    barrier = threading.Barrier(3)

    def on_every_thread(store: EventStore) -> int:
        barrier.wait(timeout=10)  # three calls at once: one per worker thread
        return threading.get_ident()

    async def three() -> list[int]:
        return list(await asyncio.gather(*(gateway.call(on_every_thread) for _ in range(3))))

    threads = asyncio.run(three())
    assert len(set(threads)) == 3 and sorted(t for t, _ in opened) == sorted(threads)
    gateway.close()  # SQLite refuses to close a connection from another thread: this would raise
    gateway.close()
    for _, store in opened:
        try:
            store.count_events()
        except Exception as exc:  # noqa: BLE001 - any error means closed
            assert "closed" in str(exc)
        else:
            raise AssertionError("a store was left open")


def test_a_given_store_is_one_connection_and_gets_one_thread(tmp_path: Path):
    store = open_store(str(tmp_path / "events.db"))
    gateway = StoreGateway(store, workers=4)
    assert gateway.workers == 1
    gateway.close()
    assert store.count_events() == 0, "a store handed in stays the caller's to close"
    store.close()
