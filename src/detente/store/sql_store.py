"""An :class:`EventStore` over any DB-API connection in autocommit mode, with a :class:`Dialect`.

The SQLite backend uses it as is; a PostgreSQL backend only has to open a psycopg connection
(``autocommit=True``) and pass :data:`detente.store.dialect.POSTGRESQL`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import StoreError
from ..records import Article, CodedArticle, Rejection
from . import sql
from .base import EventStore, WriteSummary
from .dialect import Dialect
from .query import EventQuery
from .rows import (
    article_dict,
    article_row,
    event_dict,
    event_row,
    fingerprint,
    mention_rows,
    quote_rows,
    rejection_row,
)

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
    """The event store on one connection. ``errors`` are the driver's exception classes."""

    def __init__(
        self,
        connection: Any,
        dialect: Dialect,
        *,
        errors: tuple[type[Exception], ...],
        name: str,
    ) -> None:
        self._connection: Any = connection
        self._dialect = dialect
        self._errors = errors
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
            tally.failed.append((rejection.article_id, f"cannot record the rejection: {exc}"))

    def _write_article(self, coded: CodedArticle, article: Article, tally: _Tally) -> None:
        digest = fingerprint(article, coded)
        try:
            if self._stored_fingerprint(article.id) == digest:
                tally.unchanged += 1
                return
            with self._dialect.transaction(self._connection) as cursor:
                self._replace_article(cursor, coded, article, digest=digest)
        except (*self._errors, StoreError, TypeError, ValueError) as exc:
            tally.failed.append((article.id, f"article not written: {exc}"))
            return
        tally.written += 1
        tally.events += len(coded.events)

    def _stored_fingerprint(self, article_id: str) -> str | None:
        row = self._fetch_one(sql.ARTICLE_FINGERPRINT, (article_id,))
        return None if row is None else row["fingerprint"]

    def _replace_article(self, cursor: Any, coded: CodedArticle, article: Article, *, digest: str) -> None:
        dialect = self._dialect
        upsert = dialect.upsert(
            "articles", sql.ARTICLE_COLUMNS, conflict=("id",), update=sql.ARTICLE_UPDATE_COLUMNS
        )
        cursor.execute(upsert, article_row(article, digest=digest, added_at=_now()))
        for statement in (sql.DELETE_ARTICLE_MENTIONS, sql.DELETE_ARTICLE_EVENTS, sql.DELETE_ARTICLE_QUOTES):
            cursor.execute(dialect.sql(statement), (article.id,))
        insert_event = dialect.insert("events", sql.EVENT_COLUMNS)
        insert_mention = dialect.upsert("mentions", sql.MENTION_COLUMNS, conflict=sql.MENTION_KEY)
        for event in coded.events:
            self._check_event_id(cursor, event.id)
            cursor.execute(insert_event, event_row(event, article_id=article.id))
            cursor.executemany(insert_mention, mention_rows(event, article_id=article.id))
        quotes = quote_rows(coded, article_id=article.id)
        if quotes:
            cursor.executemany(dialect.insert("quotes", sql.QUOTE_COLUMNS), quotes)

    def _check_event_id(self, cursor: Any, event_id: str) -> None:
        cursor.execute(self._dialect.sql(sql.EVENT_OWNER), (event_id,))
        row = cursor.fetchone()
        if row is not None:
            raise StoreError(f"event id {event_id!r} is already stored for article {row[0]!r}")

    # -- reading -----------------------------------------------------------------------------------

    def query_events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: str | None = None,
        directed: bool = False,
        root: str | None = None,
        status: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        query = EventQuery.build(
            actor=actor,
            country=country,
            dyad=dyad,
            directed=directed,
            root=root,
            status=status,
            date_from=date_from,
            date_to=date_to,
            limit=limit,
            offset=offset,
        )
        statement, params = sql.event_query(query)
        return [event_dict(row) for row in self._fetch_all(statement, params)]

    def get_article(self, article_id: str) -> dict[str, Any] | None:
        row = self._fetch_one(sql.SELECT_ARTICLE, (article_id,))
        return None if row is None else article_dict(row)

    def count_events(self) -> int:
        return int(self._fetch_all(sql.COUNT_EVENTS, ())[0]["count"])

    def count_articles(self) -> int:
        return int(self._fetch_all(sql.COUNT_ARTICLES, ())[0]["count"])

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _check_open(self) -> None:
        if self._connection is None:
            raise StoreError(f"the event store {self._name} is closed")

    def _fetch_all(self, statement: str, params: Iterable[Any]) -> list[dict[str, Any]]:
        self._check_open()
        cursor = self._connection.cursor()
        try:
            cursor.execute(self._dialect.sql(statement), tuple(params))
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        except self._errors as exc:
            raise StoreError(f"cannot read the event store {self._name}: {exc}") from exc
        finally:
            cursor.close()

    def _fetch_one(self, statement: str, params: Iterable[Any]) -> dict[str, Any] | None:
        rows = self._fetch_all(statement, params)
        return rows[0] if rows else None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
