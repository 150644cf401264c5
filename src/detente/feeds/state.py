"""What ``detente watch`` keeps in the store: its sources' polling state and the queue of pages to fetch.

::

    sources   one row per source: next poll, last success, consecutive errors, ETag / Last-Modified
    fetches   one row per page (its canonical URL): queued → fetching → done | duplicate | rejected | dead

A page is claimed (``fetching``, with a lease) before it is fetched; it is finished or sent back to the queue
with a later ``next_try`` after. A watcher killed at any moment leaves claimed rows behind: a new watcher on
SQLite (one writer) takes them back at start, and on PostgreSQL a lease that ran out makes them due again, so
several watchers can share one queue (claims use ``FOR UPDATE SKIP LOCKED``). Every change is one
transaction; times are UTC ISO strings, which sort as they compare.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..store.sql_store import SQLStore
from .sources import Source

__all__ = ["FINAL_STATUSES", "QueuedPage", "WatchState", "iso", "now", "watch_report"]

#: Statuses of a page that is finished with (nothing more will be tried).
FINAL_STATUSES = ("done", "duplicate", "rejected", "dead")


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


@dataclass(frozen=True, slots=True)
class QueuedPage:
    """One page to fetch, as claimed."""

    url: str
    source_id: str
    attempts: int
    title: str | None = None
    published: str | None = None


class WatchState:
    """The ``sources`` and ``fetches`` tables of one store."""

    def __init__(self, store: SQLStore) -> None:
        self.store = store
        self._dialect = store.dialect

    # -- sources -----------------------------------------------------------------------------------

    def sync_sources(self, sources: Sequence[Source], *, at: dt.datetime) -> None:
        """Add new sources (due now) and update the settings of known ones; their state is kept."""
        upsert = self._dialect.upsert(
            "sources",
            (
                "id",
                "kind",
                "location",
                "outlet",
                "country",
                "interval_seconds",
                "next_poll",
                "errors",
                "polls",
            ),
            conflict=("id",),
            update=("kind", "location", "outlet", "country", "interval_seconds"),
        )
        with self.store.transaction() as cursor:
            for source in sources:
                values = (source.id, source.kind, source.location, source.outlet, source.country)
                cursor.execute(upsert, (*values, source.interval, iso(at), 0, 0))

    def due_sources(self, ids: Iterable[str], *, at: dt.datetime) -> list[str]:
        """The ids among ``ids`` whose next poll is due."""
        wanted = set(ids)
        rows = self.store.rows("SELECT id FROM sources WHERE next_poll <= ? ORDER BY next_poll", (iso(at),))
        return [row["id"] for row in rows if row["id"] in wanted]

    def source(self, source_id: str) -> dict[str, Any] | None:
        rows = self.store.rows("SELECT * FROM sources WHERE id = ?", (source_id,))
        return rows[0] if rows else None

    def polled(
        self,
        source_id: str,
        *,
        at: dt.datetime,
        next_poll: dt.datetime,
        error: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Record one poll: a success (validators kept for the next conditional GET) or its error."""
        if error is None:
            statement = (
                "UPDATE sources SET last_poll = ?, last_success = ?, next_poll = ?, last_error = NULL, "
                "errors = 0, polls = polls + 1, etag = ?, last_modified = ? WHERE id = ?"
            )
            params: tuple[Any, ...] = (iso(at), iso(at), iso(next_poll), etag, last_modified, source_id)
        else:
            statement = (
                "UPDATE sources SET last_poll = ?, next_poll = ?, last_error = ?, errors = errors + 1, "
                "polls = polls + 1 WHERE id = ?"
            )
            params = (iso(at), iso(next_poll), error[:1000], source_id)
        with self.store.transaction() as cursor:
            cursor.execute(self._dialect.sql(statement), params)

    # -- the queue ---------------------------------------------------------------------------------

    def enqueue(
        self, source_id: str, pages: Iterable[tuple[str, str | None, str | None]], *, at: dt.datetime
    ) -> int:
        """Queue ``(url, title, published)`` pages not seen before (by URL); how many were new."""
        columns = (
            "url",
            "source_id",
            "status",
            "attempts",
            "next_try",
            "title",
            "published",
            "added_at",
            "updated_at",
        )
        insert = self._dialect.upsert("fetches", columns, conflict=("url",))
        added = 0
        with self.store.transaction() as cursor:
            for url, title, published in pages:
                cursor.execute(
                    insert, (url, source_id, "queued", 0, iso(at), title, published, iso(at), iso(at))
                )
                added += max(cursor.rowcount, 0)
        return added

    def release_claims(self, *, at: dt.datetime, all_claims: bool) -> int:
        """Send claimed pages back to the queue: all of them (one watcher on SQLite, starting) or those whose
        lease ran out. Returns how many."""
        statement = (
            "UPDATE fetches SET status = 'queued', claimed_until = NULL, updated_at = ? "
            "WHERE status = 'fetching'"
        )
        params: tuple[Any, ...] = (iso(at),)
        if not all_claims:
            statement += " AND claimed_until <= ?"
            params = (iso(at), iso(at))
        with self.store.transaction() as cursor:
            cursor.execute(self._dialect.sql(statement), params)
            return max(cursor.rowcount, 0)

    def claim(self, limit: int, *, at: dt.datetime, lease: dt.timedelta) -> list[QueuedPage]:
        """Take up to ``limit`` due pages (oldest first) for one lease; other watchers skip them."""
        lock = f"{self._dialect.for_update} SKIP LOCKED" if self._dialect.for_update else ""
        select = self._dialect.sql(
            "SELECT url, source_id, attempts, title, published FROM fetches "
            "WHERE (status = 'queued' AND next_try <= ?) OR (status = 'fetching' AND claimed_until <= ?) "
            f"ORDER BY next_try, url LIMIT ?{lock}"
        )
        update = self._dialect.sql(
            "UPDATE fetches SET status = 'fetching', claimed_until = ?, attempts = attempts + 1, "
            "updated_at = ? WHERE url = ?"
        )
        with self.store.transaction() as cursor:
            cursor.execute(select, (iso(at), iso(at), limit))
            rows = cursor.fetchall()
            for row in rows:
                cursor.execute(update, (iso(at + lease), iso(at), row[0]))
        return [
            QueuedPage(url=r[0], source_id=r[1], attempts=r[2] + 1, title=r[3], published=r[4]) for r in rows
        ]

    def finish(
        self,
        url: str,
        status: str,
        *,
        at: dt.datetime,
        article_id: str | None = None,
        code: str | None = None,
        error: str | None = None,
    ) -> None:
        """A page is done with: ``done``, ``duplicate`` (its text was stored), ``rejected`` or ``dead``."""
        if status not in FINAL_STATUSES:
            raise ValueError(f"not a final status: {status!r}")
        statement = (
            "UPDATE fetches SET status = ?, claimed_until = NULL, article_id = ?, error_code = ?, "
            "last_error = ?, updated_at = ? WHERE url = ?"
        )
        with self.store.transaction() as cursor:
            cursor.execute(
                self._dialect.sql(statement), (status, article_id, code, _cut(error), iso(at), url)
            )

    def retry(self, url: str, *, at: dt.datetime, next_try: dt.datetime, code: str, error: str) -> None:
        """Back to the queue until ``next_try`` after a failure that may pass."""
        statement = (
            "UPDATE fetches SET status = 'queued', claimed_until = NULL, next_try = ?, error_code = ?, "
            "last_error = ?, updated_at = ? WHERE url = ?"
        )
        with self.store.transaction() as cursor:
            cursor.execute(self._dialect.sql(statement), (iso(next_try), code, _cut(error), iso(at), url))

    def defer(self, url: str, *, at: dt.datetime, next_try: dt.datetime) -> None:
        """Back to the queue without counting an attempt (its host is asked too often, or shutting down)."""
        statement = (
            "UPDATE fetches SET status = 'queued', claimed_until = NULL, next_try = ?, "
            "attempts = attempts - 1, updated_at = ? WHERE url = ?"
        )
        with self.store.transaction() as cursor:
            cursor.execute(self._dialect.sql(statement), (iso(next_try), iso(at), url))

    def pending(self, *, before: dt.datetime) -> bool:
        """Whether a page is due before ``before`` (queued, or claimed by a lease that runs out by then)."""
        rows = self.store.rows(
            "SELECT COUNT(*) AS n FROM fetches WHERE (status = 'queued' AND next_try <= ?) "
            "OR (status = 'fetching' AND claimed_until <= ?)",
            (iso(before), iso(before)),
        )
        return int(rows[0]["n"]) > 0

    def next_due(self, source_ids: Iterable[str]) -> dt.datetime | None:
        """When the next poll (of ``source_ids``) or queued page is due (None: nothing is waiting)."""
        wanted = set(source_ids)
        polls = self.store.rows("SELECT id, next_poll AS at FROM sources")
        pages = self.store.rows(
            "SELECT MIN(next_try) AS at FROM fetches WHERE status = 'queued' UNION ALL "
            "SELECT MIN(claimed_until) AS at FROM fetches WHERE status = 'fetching'"
        )
        times = [row["at"] for row in polls if row["id"] in wanted] + [row["at"] for row in pages]
        return min((dt.datetime.fromisoformat(at) for at in times if at), default=None)

    # -- reports -----------------------------------------------------------------------------------

    def queue_counts(self) -> dict[str, int]:
        rows = self.store.rows("SELECT status, COUNT(*) AS n FROM fetches GROUP BY status")
        return {row["status"]: int(row["n"]) for row in rows}

    def sources_report(self, *, at: dt.datetime) -> list[dict[str, Any]]:
        """Each source: its poll interval, last success, lag (seconds since it), consecutive errors and the
        last one, next poll, and its pages by status."""
        sources = self.store.rows("SELECT * FROM sources ORDER BY id")
        pages = self.store.rows(
            "SELECT source_id, status, COUNT(*) AS n FROM fetches GROUP BY source_id, status"
        )
        by_source: dict[str, dict[str, int]] = {}
        for row in pages:
            by_source.setdefault(row["source_id"], {})[row["status"]] = int(row["n"])
        report = []
        for row in sources:
            success = row["last_success"]
            lag = None if success is None else (at - dt.datetime.fromisoformat(success)).total_seconds()
            report.append(
                {
                    "id": row["id"],
                    "kind": row["kind"],
                    "interval_seconds": row["interval_seconds"],
                    "last_success": success,
                    "lag_seconds": None if lag is None else round(lag, 1),
                    "errors": int(row["errors"]),
                    "last_error": row["last_error"],
                    "next_poll": row["next_poll"],
                    "pages": by_source.get(row["id"], {}),
                }
            )
        return report

    def dead_letters(self, *, limit: int = 100) -> list[dict[str, Any]]:
        """Pages given up on, newest first: URL, source, attempts, error code and message."""
        return self.store.rows(
            "SELECT url, source_id, attempts, error_code, last_error, updated_at FROM fetches "
            "WHERE status = 'dead' ORDER BY updated_at DESC, url LIMIT ?",
            (limit,),
        )


def watch_report(
    store: SQLStore, *, at: dt.datetime | None = None, dead_letters: int = 20
) -> dict[str, Any]:
    """What ``detente status --format json`` prints and ``GET /api/watch`` returns: each source (last
    success, lag, error counts, pages by status), the queue by status and the newest ``dead_letters`` pages
    given up on."""
    state = WatchState(store)
    return {
        "sources": state.sources_report(at=at or now()),
        "queue": state.queue_counts(),
        "dead_letters": state.dead_letters(limit=dead_letters),
    }


def _cut(text: str | None) -> str | None:
    return None if text is None else text[:1000]
