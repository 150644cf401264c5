"""The event store: coded articles in, queryable events out (SQLite, or PostgreSQL: ``detente[postgres]``).

::

    from detente.store import EventQuery, open_store

    with open_store("events.db") as store:        # or "postgresql://user:password@host/db"
        summary = store.write_batch(coded_articles)
        events = store.query_events(dyad="USA-CHN", code="04", date_from="2024-01-01")
        months = store.series(interval="month", query=EventQuery.build(dyad="USA-CHN"))
"""

from __future__ import annotations

from .base import EventStore, WriteSummary
from .query import MAX_LIMIT, EventQuery, QuoteQuery
from .registry import (
    BackendFactory,
    BackendRegistry,
    StoreOpener,
    default_registry,
    display_location,
    open_store,
    register_backend,
)

__all__ = [
    "BackendFactory",
    "BackendRegistry",
    "EventQuery",
    "EventStore",
    "MAX_LIMIT",
    "QuoteQuery",
    "StoreOpener",
    "WriteSummary",
    "default_registry",
    "display_location",
    "open_store",
    "register_backend",
]
