"""After the store: event instances across articles (one event, many reports), a dyad's pulse, alerts.

Everything here reads and writes through :mod:`detente.store`; nothing here codes text.

::

    from detente.analysis import link_pending
    from detente.store import open_store

    with open_store("events.db") as store:
        store.write_batch(coded_articles)
        link_pending(store)                     # each new event joins its instance, or starts one
        store.query_instances(dyad="USA-CHN")   # instances, with num_articles, num_sources, ...
"""

from __future__ import annotations

from .instances import LinkSummary, link_pending, related_instances
from .linking import DEFAULT_RULE, LinkRule

__all__ = ["DEFAULT_RULE", "LinkRule", "LinkSummary", "link_pending", "related_instances"]
