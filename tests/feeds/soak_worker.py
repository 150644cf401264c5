"""One ``watch`` run for the soak test, in its own process (so the test can kill -9 it): the sources file,
the store, the file noting coded articles, and the lease in seconds.

    python -m tests.feeds.soak_worker SOURCES STORE CODED_LOG LEASE
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from detente.feeds import FetchLimits, Watcher, WatchOptions, load_sources
from detente.settings import Settings
from detente.store import open_store

from .stub_coder import StubCoder


def main(sources: str, location: str, log: str, lease: str) -> None:
    options = WatchOptions(
        backoff=0, max_attempts=3, lease=float(lease), batch=4,
        limits=FetchLimits(per_host_interval=0, timeout=5, respect_robots=False),
    )  # fmt: skip
    with open_store(location) as store:
        watcher = Watcher(
            store, load_sources(sources), settings=Settings(db=location), options=options,
            coder=StubCoder(Path(log)),
        )  # fmt: skip
        watcher.run(stop=threading.Event(), once=True)
        watcher.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
