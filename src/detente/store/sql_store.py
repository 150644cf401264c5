"""An :class:`EventStore` over any DB-API connection in autocommit mode, with a :class:`Dialect`.

The SQLite backend uses it as is; a PostgreSQL backend only has to open a psycopg connection
(``autocommit=True``) and pass :data:`detente.store.dialect.POSTGRESQL`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import random
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import ConfigError, StoreError
from ..records import Article, CodedArticle, Rejection
from . import select, sql
from .base import EventStore, WriteSummary
from .dialect import Dialect
from .instances import InstanceReader, LinkSession, link_session
from .query import EventQuery, QuoteQuery
from .rows import (
    article_dict,
    article_row,
    article_summary,
    event_dict,
    event_row,
    fingerprint,
    mention_dict,
    mention_rows,
    quote_dict,
    quote_rows,
    rejection_row,
)
from .summaries import actor_summary, fold_series, fold_spans, period_function, top_dyads

__all__ = ["SQLStore"]


@dataclass(slots=True)
class _Tally:
    """What a batch has done so far (local to one ``write_batch`` call)."""

    written: int = 0
    unchanged: int = 0
    events: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    failed: list[tuple[str | None, str]] = field(default_factory=list)

    def summary(self) -> WriteSummary:
        return WriteSummary(
            articles_written=self.written,
            articles_unchanged=self.unchanged,
            events_written=self.events,
            rejected=dict(self.rejected),
            failed=list(self.failed),
        )


class SQLStore(EventStore):
    """The event store on one connection.

    ``errors`` are the driver's exception classes; ``conflicts`` those that mean another writer got in the
    way (a serialization failure, a deadlock, a unique key written meanwhile): the article's transaction
    is rolled back and tried again, up to ``attempts`` times. ``per_article`` are the driver errors that
    concern one article only (a constraint, a value a column refuses): that article fails and the batch goes
    on. Any other driver error means the store itself failed (disk full, connection lost, file gone):
    :meth:`write_batch` stops and raises :class:`StoreError` rather than fail every remaining article.
    """

    def __init__(
        self,
        connection: Any,
        dialect: Dialect,
        *,
        errors: tuple[type[Exception], ...],
        name: str,
        conflicts: tuple[type[Exception], ...] = (),
        per_article: tuple[type[Exception], ...] = (),
        attempts: int = 5,
    ) -> None:
        self._connection: Any = connection
        self._dialect = dialect
        self._errors = errors
        self._conflicts = conflicts
        self._per_article = per_article
        self._attempts = attempts
        self._name = name

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._dialect.name} {self._name}>"

    # -- writing -----------------------------------------------------------------------------------

    def write_batch(self, coded: Iterable[CodedArticle]) -> WriteSummary:
        self._check_open()
        tally = _Tally()
        for item in coded:
            if item.error is not None:
                self._write_rejection(item.error, tally)
            elif item.article is None:
                tally.failed.append((None, "a coded article with neither an article nor an error"))
            else:
                self._write_article(item, item.article, tally)
        return tally.summary()

    def _write_rejection(self, rejection: Rejection, tally: _Tally) -> None:
        tally.rejected[rejection.code] += 1
        statement = self._dialect.upsert("rejections", sql.REJECTION_COLUMNS, conflict=sql.REJECTION_KEY)
        try:
            with self._dialect.transaction(self._connection) as cursor:
                cursor.execute(statement, rejection_row(rejection, at=_now()))
        except self._errors as exc:
            self._raise_if_store_failed(exc)
            tally.failed.append((rejection.article_id, f"cannot record the rejection: {exc}"))

    def _write_article(self, coded: CodedArticle, article: Article, tally: _Tally) -> None:
        digest = fingerprint(article, coded)
        try:
            if self._stored_fingerprint(article.id) == digest:
                written = False
            else:
                written = self._write_with_retries(coded, article, digest=digest)
        except (*self._errors, StoreError, TypeError, ValueError) as exc:
            self._raise_if_store_failed(exc)
            tally.failed.append((article.id, f"article not written: {exc}"))
            return
        if not written:
            tally.unchanged += 1
            return
        tally.written += 1
        tally.events += len(coded.events)

    def _write_with_retries(self, coded: CodedArticle, article: Article, *, digest: str) -> bool:
        """One transaction for the article, tried again on a conflict; False when it was already stored."""
        for attempt in range(1, self._attempts + 1):
            try:
                with self._dialect.transaction(self._connection) as cursor:
                    return self._replace_article(cursor, coded, article, digest=digest)
            except self._conflicts:
                if attempt == self._attempts:
                    raise
                time.sleep(0.01 * attempt * (1 + random.random()))
        raise AssertionError("unreachable")  # pragma: no cover

    def _raise_if_store_failed(self, exc: Exception) -> None:
        """Raise :class:`StoreError` when ``exc`` is a failure of the store, not of one article."""
        if isinstance(exc, StoreError) and exc.store_failed:
            raise exc
        if not isinstance(exc, self._errors) or isinstance(exc, (*self._per_article, *self._conflicts)):
            return
        message = f"cannot write to the event store {self._name}: {_first_line(exc)}"
        raise StoreError(message, failed=True) from exc

    def _stored_fingerprint(self, article_id: str) -> str | None:
        row = self._fetch_one(sql.ARTICLE_FINGERPRINT, (article_id,))
        return None if row is None else row["fingerprint"]

    def _replace_article(self, cursor: Any, coded: CodedArticle, article: Article, *, digest: str) -> bool:
        """Replace the article's rows; False (nothing written) when another writer stored this version."""
        dialect = self._dialect
        cursor.execute(dialect.sql(sql.ARTICLE_FINGERPRINT + dialect.for_update), (article.id,))
        row = cursor.fetchone()
        if row is not None and row[0] == digest:
            return False
        upsert = dialect.upsert(
            "articles", sql.ARTICLE_COLUMNS, conflict=("id",), update=sql.ARTICLE_UPDATE_COLUMNS
        )
        cursor.execute(upsert, article_row(article, digest=digest, added_at=_now()))
        if row is not None:  # a new version: the instances of its old events are linked again
            cursor.execute(dialect.sql(sql.MARK_INSTANCES_DIRTY), (article.id,))
        for statement in (sql.DELETE_ARTICLE_MENTIONS, sql.DELETE_ARTICLE_EVENTS, sql.DELETE_ARTICLE_QUOTES):
            cursor.execute(dialect.sql(statement), (article.id,))
        insert_event = dialect.insert("events", sql.EVENT_COLUMNS)
        insert_mention = dialect.upsert("mentions", sql.MENTION_COLUMNS, conflict=sql.MENTION_KEY)
        link = _link_values(article, coded) if coded.events else {}
        for event in coded.events:
            self._check_event_id(cursor, event.id)
            row = event_row(event, article_id=article.id, published=article.published, **link)
            cursor.execute(insert_event, row)
            cursor.executemany(insert_mention, mention_rows(event, article_id=article.id))
        quotes = quote_rows(coded, article_id=article.id)
        if quotes:
            cursor.executemany(dialect.insert("quotes", sql.QUOTE_COLUMNS), quotes)
        return True

    def _check_event_id(self, cursor: Any, event_id: str) -> None:
        cursor.execute(self._dialect.sql(sql.EVENT_OWNER), (event_id,))
        row = cursor.fetchone()
        if row is not None:
            raise StoreError(f"event id {event_id!r} is already stored for article {row[0]!r}")

    # -- reading -----------------------------------------------------------------------------------

    def query_events(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        statement, params = select.event_list(_event_query(query, filters))
        return [event_dict(row) for row in self._fetch_all(statement, params)]

    def event_page(self, query: EventQuery, cursor: Any = None) -> tuple[list[dict[str, Any]], Any]:
        """A keyset page: the cursor is the ``(day, id)`` of the last event read (day None once the dated
        events are done and the undated ones follow), so every page is one index seek."""
        rows = self._fetch_all(*select.event_stream_page(query, cursor))
        events = [event_dict(row) for row in rows]
        if len(events) == query.limit:
            return events, (events[-1]["day"], events[-1]["id"])
        dated = cursor is None or cursor[0] is not None
        if dated and query.date_from is None and query.date_to is None:
            return events, (None, "")  # the undated events follow (a date filter leaves them out)
        return events, None

    def count_events(self, query: EventQuery | None = None) -> int:
        return self._count(*select.event_count(query))

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        row = self._fetch_one(*select.event_by_id(event_id))
        if row is None:
            return None
        event = event_dict(row)
        mentions = self._fetch_all(sql.SELECT_MENTIONS, (event_id,))
        event["mention_list"] = [mention_dict(item) for item in mentions]
        return event

    def list_articles(
        self, *, text: str | None = None, limit: int = 50, offset: int = 0
    ) -> list[dict[str, Any]]:
        text, limit, offset = _page(text, limit, offset)
        statement, params = select.article_list(text=text, limit=limit, offset=offset)
        return [article_summary(row) for row in self._fetch_all(statement, params)]

    def count_articles(self, *, text: str | None = None) -> int:
        text, _, _ = _page(text, 1, 0)
        return self._count(*select.article_count(text=text))

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self._fetch_one(sql.SELECT_ARTICLE, (article_id,))
        return None if row is None else article_dict(row)

    def query_quotes(self, query: QuoteQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        if query is None:
            query = QuoteQuery.build(**filters)
        elif filters:
            raise ConfigError("give either a QuoteQuery or filters, not both")
        statement, params = select.quote_list(query)
        return [quote_dict(row) for row in self._fetch_all(statement, params)]

    def count_quotes(self, query: QuoteQuery | None = None) -> int:
        return self._count(*select.quote_count(query))

    def list_actors(
        self,
        *,
        text: str | None = None,
        country: str | None = None,
        limit: int = 100,
        offset: int = 0,
        instances: bool = False,
    ) -> list[dict[str, Any]]:
        text, limit, offset = _page(text, limit, offset)
        country = QuoteQuery.build(country=country).country
        statement, params = select.actor_list(
            text=text, country=country, limit=limit, offset=offset, instances=instances
        )
        return [actor_summary(row) for row in self._fetch_all(statement, params)]

    def top_dyads(
        self,
        *,
        limit: int = 20,
        date_from: str | None = None,
        date_to: str | None = None,
        status: str | None = None,
        instances: bool = False,
    ) -> list[dict[str, Any]]:
        checked = EventQuery.build(
            limit=limit, date_from=date_from, date_to=date_to, status=status, instances=instances
        )
        statement, params = select.directed_dyad_totals(checked)
        return top_dyads(self._fetch_all(statement, params), limit=checked.limit)

    def dyad_ranking(
        self, query: EventQuery | None = None, *, domestic: bool = True
    ) -> tuple[list[dict[str, Any]], int | None]:
        query = query or EventQuery()
        statement, params = select.dyad_totals(query, domestic=domestic)
        ranked = top_dyads(self._fetch_all(statement, params), limit=None)
        return ranked[query.offset : query.offset + query.limit], len(ranked)

    def series(
        self, *, interval: str, query: EventQuery | None = None, basis: str = "event"
    ) -> list[dict[str, Any]]:
        periods = period_function(interval)
        statement, params = select.series_days(query or EventQuery(), basis=_basis(basis))
        return fold_series(self._fetch_all(statement, params), periods)

    def dated_series(
        self, *, interval: str, query: EventQuery | None = None, basis: str = "event"
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        period_function(interval)  # checks the interval
        if _basis(basis) == "published":  # a publication date is a day: nothing to spread
            return self.series(interval=interval, query=query, basis=basis), []
        statement, params = select.series_days(query or EventQuery(), spans=interval)
        return fold_spans(self._fetch_all(statement, params), interval)

    # -- event instances (filled by detente.analysis.instances) -----------------------------------------

    def link_session(self) -> contextlib.AbstractContextManager[LinkSession]:
        """One linking transaction under the store's linking lock (see :mod:`detente.store.instances`)."""
        self._check_open()
        return link_session(self._connection, self._dialect)

    def query_instances(self, query: EventQuery | None = None, **filters: Any) -> list[dict[str, Any]]:
        """One page of instances whose representative report matches the event filters, in day order.

        Each is the instance's row (counts, first and last report, outlets) plus ``representative``: that
        report as :meth:`query_events` gives it.
        """
        query = dataclasses.replace(_event_query(query, filters), instances=True)
        events = self.query_events(query)
        rows = self._instance_reader().rows([event["id"] for event in events])
        return [{**rows[event["id"]], "representative": event} for event in events if event["id"] in rows]

    def count_instances(self, query: EventQuery | None = None) -> int:
        """How many instances' representative reports match the filters."""
        return self.count_events(dataclasses.replace(query or EventQuery(), instances=True))

    def count_all_instances(self) -> int:
        """How many instances the stored events make: every linked instance once, every event not yet
        linked as its own."""
        return self._count(*select.instance_total())

    def event_instances(self, event_ids: Iterable[str]) -> dict[str, str]:
        """Each stored event's instance id (the event's own id while it is not linked)."""
        ids = list(event_ids)
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            statement, params = select.event_instances(ids[start : start + 500])
            found.update((row["id"], row["instance"]) for row in self._fetch_all(statement, params))
        return found

    def get_instance(self, instance_id: str) -> dict[str, Any] | None:
        """One instance with ``reports``: every report, its article and its mentions' evidence."""
        rows = self._instance_reader().rows([instance_id])
        if instance_id not in rows:
            return None
        return {**rows[instance_id], "reports": self._instance_reader().reports(instance_id)}

    def instance_of(self, event_id: str) -> str | None:
        """The instance an event belongs to (None when it is not stored or not linked yet)."""
        row = self._fetch_one("SELECT instance_id FROM events WHERE id = ?", (event_id,))
        return None if row is None else row["instance_id"]

    def instance_keys(self, instance_id: str) -> list[dict[str, Any]]:
        """The linking index rows of an instance's reports."""
        return self._instance_reader().keys(instance_id)

    def instance_candidates(
        self, block: str, day_range: tuple[str, str], *, lookback: str
    ) -> list[dict[str, Any]]:
        """Linking index rows of a block whose days overlap ``day_range`` (first day on or after
        ``lookback``)."""
        return self._instance_reader().candidates(block, day_range, lookback=lookback)

    def _instance_reader(self) -> InstanceReader:
        return InstanceReader(self._fetch_all)

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    @property
    def dialect(self) -> Dialect:
        """How this store's database spells SQL (placeholders, upserts, row locks)."""
        return self._dialect

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Any]:
        """One transaction on the store's connection, yielding a cursor (for state kept beside the events,
        such as ``detente watch``'s queue). A driver error is a :class:`StoreError` with ``store_failed``."""
        self._check_open()
        try:
            with self._dialect.transaction(self._connection) as cursor:
                yield cursor
        except self._errors as exc:
            message = f"cannot write to the event store {self._name}: {_first_line(exc)}"
            raise StoreError(message, failed=True) from exc

    def rows(self, statement: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """The rows of one statement (``?`` placeholders) as dicts."""
        return self._fetch_all(statement, params)

    def _check_open(self) -> None:
        """Raise :class:`StoreError` when the store cannot be used (closed; a backend adds its own checks)."""
        if self._connection is None:
            raise StoreError(f"the event store {self._name} is closed", failed=True)

    def _fetch_all(self, statement: str, params: Iterable[Any]) -> list[dict[str, Any]]:
        self._check_open()
        cursor = None
        try:  # a dead connection fails on cursor() already: that too is a store error, not a crash
            cursor = self._connection.cursor()
            cursor.execute(self._dialect.sql(statement), tuple(params))
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except self._errors as exc:
            message = f"cannot read the event store {self._name}: {_first_line(exc)}"
            raise StoreError(message, failed=True) from exc
        finally:
            if cursor is not None:
                with contextlib.suppress(*self._errors):
                    cursor.close()

    def _fetch_one(self, statement: str, params: Iterable[Any]) -> dict[str, Any] | None:
        rows = self._fetch_all(statement, params)
        return rows[0] if rows else None

    def _count(self, statement: str, params: Iterable[Any]) -> int:
        return int(self._fetch_all(statement, params)[0]["count"])


def _basis(basis: str) -> str:
    if basis not in ("event", "published"):
        raise ConfigError(f"basis must be 'event' or 'published', got {basis!r}")
    return basis


def _event_query(query: EventQuery | None, filters: dict[str, Any]) -> EventQuery:
    if query is None:
        return EventQuery.build(**filters)
    if filters:
        raise ConfigError("give either an EventQuery or filters, not both")
    return query


def _page(text: str | None, limit: int, offset: int) -> tuple[str | None, int, int]:
    """Check a listing's text filter and page the way the query objects do."""
    checked = QuoteQuery.build(text=text, limit=limit, offset=offset)
    return checked.text, checked.limit, checked.offset


def _first_line(exc: Exception) -> str:
    """The first line of a driver error (libpq adds hints and context lines below it)."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _link_values(article: Article, coded: CodedArticle) -> dict[str, Any]:
    """What instance linking reads of the article, stored on each of its events: its distinctive names (JSON)
    and the first full date it states (imported here, not at the top: :mod:`detente.analysis` is built on
    the store)."""
    from ..analysis.features import article_day, article_names

    return {
        "link_names": json.dumps(list(article_names(article.text))),
        "article_day": article_day(coded.times),
    }


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
