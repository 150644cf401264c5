"""Exports: stored events out in the field's formats, streamed (constant memory, whatever the store's size).

::

    from detente.export import export_events, load_events
    from detente.store import EventQuery, open_store

    with open_store("events.db") as store, open("usa.csv", "wb") as out:
        export_events(store, EventQuery.build(country="USA", status="occurred"), "csv", out)
    frame = load_events("events.db", dyad="USA-CHN")          # a pandas DataFrame (pandas needed)

Formats (:func:`export_formats`): ``csv``, ``jsonl`` and ``parquet`` carry the flat columns of
:data:`FLAT_COLUMNS`; ``gdelt`` is the GDELT 2.0 event table, ``icews`` the ICEWS event file layout,
``plover`` a JSON array of PLOVER records. Each encoder reads the events the store streams page by page
(:meth:`detente.store.EventStore.iter_events`).
"""

from __future__ import annotations

import os
from typing import IO, Any

from ..errors import ConfigError
from ..store import EventQuery, EventStore, open_store
from .formats import Encoder, ExportFormat, export_formats, get_format, register_format
from .rows import FLAT_COLUMNS, flat_row

__all__ = [
    "FLAT_COLUMNS",
    "Encoder",
    "ExportFormat",
    "export_events",
    "export_formats",
    "flat_row",
    "get_format",
    "load_events",
    "register_format",
]

#: Events read from the store per page while exporting.
PAGE_SIZE = 1000


def export_events(
    store: EventStore, query: EventQuery | None, fmt: str | ExportFormat, out: IO[bytes]
) -> int:
    """Write every event matching ``query`` (its page is ignored) to ``out`` in the format; the number of
    events read from the store."""
    export_format = get_format(fmt) if isinstance(fmt, str) else fmt
    counted = _Counter(store.iter_events(query, page_size=PAGE_SIZE))
    for chunk in export_format.encode(counted):
        out.write(chunk)
    return counted.count


class _Counter:
    """Passes events through, counting them."""

    def __init__(self, events: Any) -> None:
        self._events = events
        self.count = 0

    def __iter__(self) -> Any:
        for event in self._events:
            self.count += 1
            yield event


def load_events(db: str | os.PathLike[str] | EventStore, **filters: Any) -> Any:
    """The events matching ``filters`` (the keywords of :meth:`EventQuery.build`) as a pandas DataFrame of
    the flat columns, days as dates. ``db`` is a store location or an open store. Needs pandas."""
    try:
        import pandas
    except ImportError:
        raise ConfigError('load_events needs pandas: pip install "detente[pandas]"') from None
    query = EventQuery.build(**filters)
    if isinstance(db, EventStore):
        return _frame(pandas, db, query)
    with open_store(db) as store:
        return _frame(pandas, store, query)


def _frame(pandas: Any, store: EventStore, query: EventQuery) -> Any:
    rows = (flat_row(event) for event in store.iter_events(query, page_size=PAGE_SIZE))
    frame = pandas.DataFrame.from_records(rows, columns=list(FLAT_COLUMNS))
    for column in ("day", "article_published"):
        frame[column] = pandas.to_datetime(frame[column], errors="coerce").dt.date
    return frame
