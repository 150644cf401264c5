"""Live sources for ``detente watch``: feeds, news sitemaps and folders, polled into the event store.

::

    sources = load_sources("sources.toml")                 # [[source]] feed = "https://…", interval = "15m"
    with open_store("events.db") as store:
        watcher = Watcher(store, sources, settings=Settings.from_env())
        watcher.run(stop=stop_event)                       # until stop_event is set; once=True: one round
        WatchState(store).dead_letters()                   # pages given up on, with their errors

Coding on Dask workers: ``Watcher(..., cluster=ClusterCoder(client, settings, db=url))`` (see
:mod:`detente.scale`); ``watch_report(store)`` is what ``detente status`` and ``GET /api/watch`` show.

Needs the ``feeds`` extra (feedparser, httpx): ``pip install "detente[feeds]"``. The state (sources, the
fetch queue) lives in the store's ``sources`` and ``fetches`` tables (migration ``0010_watch_state``).
"""

from __future__ import annotations

from .discover import FeedError, parse_feed, parse_sitemap
from .fetch import Fetcher, FetchError, FetchLimits
from .sources import Source, load_sources, parse_interval
from .state import WatchState, watch_report
from .urls import canonical_url
from .watch import Watcher, WatchOptions, WatchStats

__all__ = [
    "FeedError",
    "FetchError",
    "FetchLimits",
    "Fetcher",
    "Source",
    "WatchOptions",
    "WatchState",
    "WatchStats",
    "Watcher",
    "canonical_url",
    "load_sources",
    "parse_feed",
    "parse_interval",
    "parse_sitemap",
    "watch_report",
]
