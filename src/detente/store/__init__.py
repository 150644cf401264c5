"""The event store: coded articles in, queryable events out (SQLite now, PostgreSQL next).

::

    from detente.store import open_store

    with open_store("events.db") as store:
        summary = store.write_batch(coded_articles)
        events = store.query_events(dyad="USA-CHN", root="04", date_from="2024-01-01")
"""

from __future__ import annotations

from .base import EventStore, WriteSummary
from .registry import BackendFactory, BackendRegistry, default_registry, open_store, register_backend

__all__ = [
    "BackendFactory",
    "BackendRegistry",
    "EventStore",
    "WriteSummary",
    "default_registry",
    "open_store",
    "register_backend",
]
