"""Several threads opening one new SQLite store at once all get it (the API's worker threads do this on a
fresh deployment). Switching a new file to WAL from two connections at once can fail at once with
"database is locked", without waiting on the busy timeout; before the switch was retried, this test failed
in most runs."""

from __future__ import annotations

import threading
from pathlib import Path

from detente.store import open_store


def _open_and_close(location: str, barrier: threading.Barrier, errors: list[Exception]) -> None:
    barrier.wait(timeout=10)
    try:
        store = open_store(location)
        store.count_events()
        store.close()
    except Exception as exc:  # noqa: BLE001 - any failure is the finding
        errors.append(exc)


def test_threads_open_a_new_store_at_once(tmp_path: Path):
    for round_ in range(20):
        barrier = threading.Barrier(3)
        errors: list[Exception] = []
        arguments = (str(tmp_path / f"events-{round_}.db"), barrier, errors)
        threads = [threading.Thread(target=_open_and_close, args=arguments) for _ in range(3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert not errors, (round_, errors)
