"""The event store interface: what every backend (SQLite, PostgreSQL, a user's plugin) provides."""

from __future__ import annotations

import abc
import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from ..records import CodedArticle
from .query import EventQuery, QuoteQuery

__all__ = ["EventStore", "WriteSummary"]


@dataclass(frozen=True, slots=True)
class WriteSummary:
    """What one :meth:`EventStore.write_batch` did.

    ``articles_unchanged`` counts articles already stored exactly as given (nothing was written);
    ``rejected`` counts rejected input items by rejection code; ``failed`` lists ``(article id, message)``
    for articles that could not be written (each was rolled back on its own; the batch went on).
    """

    articles_written: int = 0
    articles_unchanged: int = 0
    events_written: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    failed: list[tuple[str | None, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles_written": self.articles_written,
            "articles_unchanged": self.articles_unchanged,
            "events_written": self.events_written,
            "rejected": dict(self.rejected),
            "failed": [list(item) for item in self.failed],
        }


class EventStore(abc.ABC):
    """Coded articles in, event dicts out. Use as a context manager, or call :meth:`close`."""

    @abc.abstractmethod
    def write_batch(self, coded: Iterable[CodedArticle]) -> WriteSummary:
        """Write coded articles, each in one transaction; rejected items go to ``rejections``.

        Idempotent: writing the same coded article again changes nothing. A new version of an article
        replaces its events, mentions and quotes atomically.
        """

    @abc.abstractmethod
    def query_events(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """One page of events matching a query (or the filters of :meth:`EventQuery.build`), in day order.

        Each is ``Event.to_dict()`` plus ``article_id``, ``day`` (the ISO day it is counted on, or None),
        ``article_title`` and ``article_published``. A bad filter raises :class:`detente.errors.ConfigError`.
        """

    def event_page(self, query: EventQuery, cursor: Any = None) -> tuple[list[dict[str, Any]], Any]:
        """The next ``query.limit`` events of a stream over the query's matches, and the cursor to pass for
        the page after them (None when the stream is done). ``cursor`` None starts the stream.

        Events come as :meth:`query_events` gives them. The order is the query's day order, the same on
        every page; the cursor is opaque. This default pages with offsets (``query.offset`` is where the
        stream starts); a backend that can seek should override it so each page costs the same.
        """
        offset = query.offset if cursor is None else int(cursor)
        rows = self.query_events(dataclasses.replace(query, offset=offset))
        return rows, (offset + len(rows) if len(rows) == query.limit else None)

    def iter_events(
        self, query: EventQuery | None = None, *, page_size: int = 1000
    ) -> Iterator[dict[str, Any]]:
        """Every event matching the query's filters (its ``limit`` is the page size read at a time), one at
        a time, in pages of :meth:`event_page`: memory stays constant whatever the number of events."""
        query = dataclasses.replace(query or EventQuery(), limit=page_size)
        cursor: Any = None
        while True:
            rows, cursor = self.event_page(query, cursor)
            yield from rows
            if cursor is None:
                return

    @abc.abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int:
        """How many events match the query's filters (its page is ignored); all events without one."""

    @abc.abstractmethod
    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """One event as :meth:`query_events` gives it, plus ``mention_list`` (every mention's evidence)."""

    @abc.abstractmethod
    def list_articles(
        self, *, text: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[dict[str, Any]]:
        """Articles, newest first: ``Article.to_dict()`` plus ``added_at``, ``event_count``, ``quote_count``.

        ``text`` keeps articles whose title or text contains it (ignoring case).
        """

    @abc.abstractmethod
    def count_articles(self, *, text: str | None = None) -> int:
        """How many articles are stored (whose title or text contains ``text``)."""

    @abc.abstractmethod
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article (``Article.to_dict()`` plus text, language, added_at), or None."""

    @abc.abstractmethod
    def query_quotes(self, query: QuoteQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """One page of quotes (``Quote.to_dict()`` plus ``article_id``), by article and position."""

    @abc.abstractmethod
    def count_quotes(self, query: QuoteQuery | None = None) -> int:
        """How many quotes match the query's filters (its page is ignored)."""

    @abc.abstractmethod
    def list_actors(
        self,
        *,
        text: str | None = None,
        country: str | None = None,
        limit: int = 100,
        offset: int = 0,
        instances: bool = False,
    ) -> list[dict[str, Any]]:
        """Actors of stored events, ``{"code", "country", "sector", "name", "events"}``, most events first.

        Grouped by code and name; ``text`` matches code or name (ignoring case), ``country`` the country.
        With ``instances``, ``events`` counts event instances (each once per actor) instead of reports.
        """

    @abc.abstractmethod
    def top_dyads(
        self,
        *,
        limit: int = 20,
        date_from: str | None = None,
        date_to: str | None = None,
        status: str | None = None,
        instances: bool = False,
    ) -> list[dict[str, Any]]:
        """The most active country pairs, undirected (``a`` < ``b``, both sides with a country, a != b).

        Each ``{"a", "b", "events", "goldstein_sum", "goldstein_mean", "quad_counts": {"1": n, ...}}``;
        with ``instances`` each event instance counts once (``events`` is then the number of instances).
        """

    def dyad_ranking(
        self, query: EventQuery | None = None, *, domestic: bool = True
    ) -> tuple[list[dict[str, Any]], int | None]:
        """One page (the query's ``limit`` and ``offset``) of the most active country pairs among the events
        matching the query's filters, in the shape of :meth:`top_dyads`, and how many pairs there are.

        ``domestic`` keeps a country's events with itself (``a`` == ``b``). This default ranks through
        :meth:`top_dyads` (dates and status only, no domestic pairs, no total); backends override it.
        """
        query = query or EventQuery()
        status = query.status[0] if query.status and len(query.status) == 1 else None
        ranked = self.top_dyads(
            limit=min(query.limit + query.offset, 1000),
            date_from=query.date_from,
            date_to=query.date_to,
            status=status,
            instances=query.instances,
        )
        return ranked[query.offset :], None

    def count_all_instances(self) -> int:
        """How many event instances the stored events make (an event not yet linked is its own). This
        default, for a backend without instances, counts every event as one."""
        return self.count_events()

    def event_instances(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Each stored event's instance id. This default, for a backend without instances, makes each event
        its own instance."""
        return {event_id: event_id for event_id in event_ids}

    @abc.abstractmethod
    def series(
        self, *, interval: str, query: EventQuery | None = None, basis: str = "event"
    ) -> list[dict[str, Any]]:
        """Events per period (``day``, ``week``, ``month``, ``year``) in time order, periods with events only.

        Each ``{"period", "start", "end", "events", "quad_counts", "goldstein_sum", "goldstein_mean"}``;
        events without a day are left out. A dyad series: ``query=EventQuery.build(dyad="USA-CHN")``.
        ``basis``: ``"event"`` counts an event on its day (the first day of its date), ``"published"`` on
        its article's publication day (the query's date range then applies to that day).
        With ``query.instances`` an event instance counts once, in the period of its earliest report
        matching the query (``events`` is then the number of instances; Goldstein values are the
        instances' means over those reports).
        """

    @abc.abstractmethod
    def dated_series(
        self, *, interval: str, query: EventQuery | None = None, basis: str = "event"
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """:meth:`series` as the dates were given: the periods count only the events dated at least as
        finely as the interval; the events dated to a longer period (an event of "March" in a series by
        day, of "2023" in one by month) come second, grouped by that period, each ``{"period": "2023-03",
        "precision": "month", "start", "end", "events", "quad_counts", "goldstein_sum",
        "goldstein_mean"}``. The publication basis has no such events (a publication date is a day)."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection. Closing twice is harmless."""

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
