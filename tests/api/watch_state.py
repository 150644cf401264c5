"""A store with the state ``detente watch`` leaves: two sources (one failing), pages done, queued and dead,
with hostile text in an error message and a URL (for the API and the dashboard's health page)."""

from __future__ import annotations

import datetime as dt

from detente.feeds.sources import Source
from detente.feeds.state import WatchState, now
from detente.store.sql_store import SQLStore

HOSTILE = '<img src=x onerror="window.__pwned=1">'


def add_watch_state(store: SQLStore, *, at: dt.datetime | None = None) -> None:
    """Sources ``wire`` (polled 5 minutes ago, 15-minute interval) and ``stale`` (last success 3 hours ago,
    then 4 failed polls, 10-minute interval), as of ``at`` (now); ``wire`` has 2 pages done, 1 queued and
    1 dead."""
    at = at or now()
    state = WatchState(store)
    wire = Source(id="wire", kind="feed", location="https://wire.example/rss", interval=900)
    stale = Source(id="stale", kind="sitemap", location="https://stale.example/sitemap.xml", interval=600)
    state.sync_sources([wire, stale], at=at - dt.timedelta(hours=4))
    state.polled("stale", at=at - dt.timedelta(hours=3), next_poll=at - dt.timedelta(hours=2))
    for hours in (2.0, 1.5, 1.0, 0.5):
        state.polled(
            "stale",
            at=at - dt.timedelta(hours=hours),
            next_poll=at,
            error=f"HTTP 503 from the sitemap {HOSTILE}",
        )
    state.polled("wire", at=at - dt.timedelta(minutes=5), next_poll=at + dt.timedelta(minutes=10))
    pages = [(f"https://wire.example/story/{n}", f"Story {n}", None) for n in range(3)]
    pages.append((f"https://wire.example/gone?{HOSTILE}", "Gone", None))
    state.enqueue("wire", pages, at=at - dt.timedelta(minutes=5))
    claimed = state.claim(10, at=at - dt.timedelta(minutes=4), lease=dt.timedelta(minutes=5))
    by_url = {page.url: page for page in claimed}
    for n in range(2):
        state.finish(f"https://wire.example/story/{n}", "done", at=at - dt.timedelta(minutes=4))
    state.defer("https://wire.example/story/2", at=at, next_try=at + dt.timedelta(minutes=1))
    gone = pages[-1][0]
    assert gone in by_url
    state.finish(gone, "dead", at=at - dt.timedelta(minutes=3), code="http_404", error=f"HTTP 404 {HOSTILE}")
