"""The ``detente watch`` loop: poll due sources, queue the pages they list, fetch, code and store each once.

For each page: wait for its host's turn (the page goes back to the queue meanwhile), fetch it (robots.txt,
caps), extract the article (trafilatura), and skip it when its cleaned text is stored already (the article id
is a hash of that text, so the same story under two URLs is coded once); otherwise code it and store it.
A failure that may pass (timeout, 5xx, 429) is tried again after a backoff that doubles, up to
``max_attempts``; then, or at once for a final failure (404, redirect loop, PDF), the page is ``dead``: the
dead-letter list. A page that is not an article (no body, not English, too long) is ``rejected``, with its
rejection stored like ``ingest``'s.

On a Dask cluster (``cluster``, :class:`~detente.scale.ClusterCoder`; ``detente watch --scheduler``) the
watcher claims enough pages to keep every worker busy, fetches them one after another and hands each page's
articles to the workers as soon as it is read, so fetching overlaps coding; it then records the pages in
claim order. On PostgreSQL the workers write the articles themselves and only a summary comes back; on
SQLite (one writer) the watcher writes what they coded. The order of the steps, and so crash safety, is the
same either way.

Crash safety: the store write is idempotent and comes before the page is marked done; a watcher killed in
between fetches the page again at restart, finds its text stored, and codes nothing twice. A store that
fails (disk full, connection lost) raises :class:`~detente.errors.StoreError` out of :meth:`Watcher.run`.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..ingest import read_inputs
from ..ingest.articles import make_article
from ..ingest.decode import decode_bytes
from ..records import Article, CodedArticle, Rejection
from ..settings import Settings
from ..store import WriteSummary
from ..store.sql_store import SQLStore
from .discover import FILE_PREFIX, FeedError, file_path, folder_pages, parse_feed, parse_sitemap
from .fetch import FEED_TYPES, Fetcher, FetchError, FetchLimits, Page
from .sources import Source
from .state import QueuedPage, WatchState, now

if TYPE_CHECKING:
    from ..scale import ClusterCoder

__all__ = ["WatchOptions", "WatchStats", "Watcher"]

#: What became of each item of a page: (article id, None) or (None, its rejection).
PageOutcome = list[tuple[str | None, Rejection | None]]

logger = logging.getLogger("detente.watch")
_MIN_BODY_LINE_WORDS = 6


@dataclass(frozen=True, slots=True)
class WatchOptions:
    """How hard ``watch`` tries, and how it paces itself."""

    max_attempts: int = 5
    #: Seconds before the first retry of a page; each further retry waits twice as long.
    backoff: float = 60.0
    max_backoff: float = 6 * 3600.0
    #: How long a claimed page is another watcher's (PostgreSQL); a killed watcher's claims run out.
    lease: float = 300.0
    batch: int = 8
    #: Longest sleep when nothing is due.
    idle: float = 5.0
    limits: FetchLimits = field(default_factory=FetchLimits)


@dataclass(slots=True)
class WatchStats:
    """What this run did."""

    polls: int = 0
    poll_errors: int = 0
    queued: int = 0
    stored: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejected: int = 0
    retried: int = 0
    dead: int = 0
    events: int = 0

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}  # type: ignore[attr-defined]


@dataclass(frozen=True, slots=True)
class _Work:
    """A fetched page and its items not stored yet (rejections included), to code."""

    page: QueuedPage
    fresh: list[Article | Rejection]


class Watcher:
    """Watch ``sources`` into ``store``. ``coder`` codes articles (``Coder.code``; loaded on first use), or
    ``cluster`` (:class:`~detente.scale.ClusterCoder`) hands the coding to Dask workers: the watcher fetches
    the pages of a claimed batch while the workers code the ones fetched, and on PostgreSQL the workers write
    the articles themselves."""

    def __init__(
        self,
        store: SQLStore,
        sources: Sequence[Source],
        *,
        settings: Settings,
        options: WatchOptions | None = None,
        coder: Any = None,
        fetcher: Fetcher | None = None,
        cluster: ClusterCoder | None = None,
    ) -> None:
        self.store = store
        self.state = WatchState(store)
        self.sources = {source.id: source for source in sources}
        self.settings = settings
        self.options = options or WatchOptions()
        self.fetcher = fetcher or Fetcher(self.options.limits)
        self.stats = WatchStats()
        self._coder = coder
        self.cluster = cluster
        #: Pages claimed at once: on a cluster, enough to keep every worker busy while pages are fetched.
        self._batch = self.options.batch if cluster is None else max(self.options.batch, 2 * cluster.workers)

    # -- running -----------------------------------------------------------------------------------

    def run(
        self,
        *,
        stop: threading.Event | None = None,
        once: bool = False,
        progress: Callable[[WatchStats], None] | None = None,
    ) -> WatchStats:
        """Watch until ``stop`` is set; ``once``: poll every source once, fetch what is due, return."""
        stop = stop or threading.Event()
        self.start()
        if once:
            for source_id in self.sources:
                self.poll(self.sources[source_id])
            self._drain(stop, progress)
            return self.stats
        while not stop.is_set():
            at = now()
            for source_id in self.state.due_sources(self.sources, at=at):
                self.poll(self.sources[source_id])
            worked = self.process_batch(stop)
            if progress is not None:
                progress(self.stats)
            if not worked:
                stop.wait(self._idle_seconds())
        return self.stats

    def _idle_seconds(self) -> float:
        """How long to sleep: until the next poll or page is due, at most ``idle`` seconds."""
        due = self.state.next_due(self.sources)
        if due is None:
            return self.options.idle
        return min(self.options.idle, max(0.05, (due - now()).total_seconds()))

    def start(self) -> None:
        """Record the sources; take back the pages a killed watcher had claimed."""
        at = now()
        self.state.sync_sources(list(self.sources.values()), at=at)
        released = self.state.release_claims(at=at, all_claims=self.store.dialect.name == "sqlite")
        if released:
            logger.info("took back %d page(s) claimed by a watcher that stopped", released)

    def close(self) -> None:
        self.fetcher.close()

    def _drain(self, stop: threading.Event, progress: Callable[[WatchStats], None] | None) -> None:
        """Process due pages until none is due within a host's rate-limit interval."""
        horizon = dt.timedelta(seconds=self.options.limits.per_host_interval + 0.5)
        while not stop.is_set():
            if self.process_batch(stop):
                if progress is not None:
                    progress(self.stats)
                continue
            if not self.state.pending(before=now() + horizon):
                return
            stop.wait(0.2)

    def process_batch(self, stop: threading.Event) -> int:
        """Claim and process up to ``batch`` due pages; how many were claimed."""
        lease = dt.timedelta(seconds=self.options.lease)
        pages = self.state.claim(self._batch, at=now(), lease=lease)
        if self.cluster is not None:
            self._process_on_cluster(pages, stop)
            return len(pages)
        for index, page in enumerate(pages):
            if stop.is_set():  # shutting down: what is not started goes back to the queue as it was
                for left in pages[index:]:
                    self.state.defer(left.url, at=now(), next_try=now())
                break
            self.process(page)
        return len(pages)

    # -- sources -----------------------------------------------------------------------------------

    def poll(self, source: Source) -> int:
        """List a source's pages and queue the new ones; how many were new (errors are recorded)."""
        at = now()
        row = self.state.source(source.id) or {}
        next_poll = at + dt.timedelta(seconds=source.interval)
        try:
            if source.kind == "folder":
                listed, validators = list(folder_pages(source.location)), (None, None)
            else:
                listed, validators = self._poll_url(source, row)
        except (FetchError, FeedError) as exc:
            self.stats.poll_errors += 1
            message = exc.message if isinstance(exc, FetchError) else str(exc)
            logger.warning("source %s: %s", source.id, message, extra={"source": source.id})
            self.state.polled(source.id, at=at, next_poll=next_poll, error=message)
            return 0
        added = self.state.enqueue(source.id, listed, at=at) if listed else 0
        self.stats.polls += 1
        self.stats.queued += added
        self.state.polled(
            source.id, at=at, next_poll=next_poll, etag=validators[0], last_modified=validators[1]
        )
        logger.info(
            "source %s: %d listed, %d new", source.id, len(listed), added, extra={"source": source.id}
        )
        return added

    def _poll_url(self, source: Source, row: dict[str, Any]) -> tuple[list, tuple[str | None, str | None]]:
        page = self.fetcher.get(
            source.location, accept=FEED_TYPES, etag=row.get("etag"), last_modified=row.get("last_modified")
        )
        if page.not_modified:
            return [], (row.get("etag"), row.get("last_modified"))
        listed = parse_sitemap(page.content) if source.kind == "sitemap" else parse_feed(page.content)
        return listed, (page.etag, page.last_modified)

    # -- pages -------------------------------------------------------------------------------------

    def process(self, page: QueuedPage) -> None:
        """Fetch, code and store one claimed page, and record what became of it."""
        work = self._prepare(page)
        if work is not None:
            self._record(work, self._code(work.fresh))

    def _process_on_cluster(self, pages: list[QueuedPage], stop: threading.Event) -> None:
        """Fetch the claimed pages here, one after another, while the cluster codes those fetched already;
        then record each page's outcome in claim order (the pages in flight are finished on a stop too)."""
        cluster = self.cluster
        assert cluster is not None
        submitted: list[tuple[_Work, Any]] = []
        for index, page in enumerate(pages):
            if stop.is_set():
                for left in pages[index:]:
                    self.state.defer(left.url, at=now(), next_try=now())
                break
            work = self._prepare(page)
            if work is not None:
                submitted.append((work, cluster.submit(work.fresh)))
        for work, future in submitted:
            result = future.result()
            if cluster.db is None:
                self._record(work, result)
            else:
                summary, outcome = result
                self._record_written(work, summary, outcome)

    def _prepare(self, page: QueuedPage) -> _Work | None:
        """Fetch and read one page: its items and those not stored yet, or None when the page is dealt with
        already (deferred for its host's rate limit, failed, or all of it stored)."""
        wait = 0.0 if page.url.startswith(FILE_PREFIX) else self.fetcher.wait(page.url)
        if wait > 0:
            self.state.defer(page.url, at=now(), next_try=now() + dt.timedelta(seconds=wait))
            return None
        try:
            items = self._read(page)
        except FetchError as exc:
            self._failed(page, exc)
            return None
        fresh = [
            item for item in items if isinstance(item, Rejection) or self.store.get_article(item.id) is None
        ]
        if not fresh:  # every article is stored already
            self._stored_already(page, items)
            return None
        return _Work(page, fresh)

    def _record(self, work: _Work, coded: list[CodedArticle]) -> None:
        """Write a page's coded articles here, and record the page."""
        summary = self.store.write_batch(coded)
        outcome = [(item.article.id if item.article else None, item.error) for item in coded]
        self._record_written(work, summary, outcome)

    def _record_written(self, work: _Work, summary: WriteSummary, outcome: PageOutcome) -> None:
        """Record a page whose articles are written: done, rejected, or retried when the write failed."""
        page = work.page
        self.stats.stored += summary.articles_written
        self.stats.unchanged += summary.articles_unchanged
        self.stats.events += summary.events_written
        if summary.failed:
            error = FetchError("store_failed", summary.failed[0][1], retry=True)
            self._failed(page, error)
            return
        articles = [article_id for article_id, _ in outcome if article_id is not None]
        if not articles:
            rejection = outcome[0][1]
            self.stats.rejected += 1
            self.state.finish(
                page.url, "rejected", at=now(), code=rejection.code if rejection else None,
                error=rejection.message if rejection else None,
            )  # fmt: skip
            return
        self.state.finish(page.url, "done", at=now(), article_id=articles[0])

    def _read(self, page: QueuedPage) -> list[Article | Rejection]:
        """The articles (or rejections) of one page or file."""
        if page.url.startswith(FILE_PREFIX):
            path = file_path(page.url)
            if not path.is_file():
                raise FetchError("not_found", f"the file {path} is gone", retry=False)
            return list(
                read_inputs(
                    [path],
                    max_bytes=self.settings.max_article_bytes,
                    max_chars=self.settings.max_article_chars,
                )
            )
        fetched = self.fetcher.get(page.url)
        source = self.sources.get(page.source_id)
        try:
            return [article_from_page(fetched, page, source, max_chars=self.settings.max_article_chars)]
        except InputError as exc:
            return [Rejection(exc.code, exc.message, page.url)]

    def _stored_already(self, page: QueuedPage, items: list[Article | Rejection]) -> None:
        """Finish a page whose articles are all stored: ``done`` when they were stored from this very page
        (a watcher killed before it could say so), else ``duplicate`` (the same text under another URL)."""
        first = items[0]
        article_id = getattr(first, "id", None)
        stored = self.store.get_article(article_id) if article_id else None
        if page.url.startswith(FILE_PREFIX) or (stored is not None and stored.get("url") == page.url):
            self.state.finish(page.url, "done", at=now(), article_id=article_id)
            return
        self.stats.duplicates += 1
        self.state.finish(page.url, "duplicate", at=now(), article_id=article_id)

    def _code(self, items: list[Article | Rejection]) -> list[CodedArticle]:
        """Code articles in this process; rejections pass through."""
        return list(self._get_coder().code(items))

    def _get_coder(self) -> Any:
        if self._coder is None:
            from ..pipeline import get_coder

            self._coder = get_coder(self.settings)
        return self._coder

    def _failed(self, page: QueuedPage, exc: FetchError) -> None:
        at = now()
        extra = {"url": page.url, "code": exc.code, "attempt": page.attempts}
        if exc.retry and page.attempts < self.options.max_attempts:
            delay = min(self.options.backoff * 2 ** (page.attempts - 1), self.options.max_backoff)
            delay = max(delay, exc.retry_after or 0.0)
            self.stats.retried += 1
            self.state.retry(
                page.url, at=at, next_try=at + dt.timedelta(seconds=delay), code=exc.code, error=exc.message
            )
            logger.info("retry in %.0f s: %s: %s", delay, page.url, exc.message, extra=extra)
            return
        self.stats.dead += 1
        self.state.finish(page.url, "dead", at=at, code=exc.code, error=exc.message)
        logger.warning(
            "gave up on %s after %d attempt(s): %s", page.url, page.attempts, exc.message, extra=extra
        )


def article_from_page(page: Page, queued: QueuedPage, source: Source | None, *, max_chars: int) -> Article:
    """The article of a fetched page (HTML through trafilatura, or plain text), or :class:`InputError`."""
    text = decode_bytes(page.content)
    title, published, sitename = queued.title, queued.published, None
    if page.content_type != "text/plain":
        import trafilatura

        document = trafilatura.bare_extraction(
            text, url=page.url, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False,
        )  # fmt: skip
        body = getattr(document, "text", None) if document is not None else None
        lines = [line for line in (body or "").splitlines() if line.strip()]
        if not any(len(line.split()) >= _MIN_BODY_LINE_WORDS for line in lines):
            raise InputError("no_body", "no body text could be extracted from this page")
        text = "\n\n".join(lines)
        title = getattr(document, "title", None) or title  # the page's own title: the same story, same text
        published = published or getattr(document, "date", None)
        sitename = getattr(document, "sitename", None)
    return make_article(
        text,
        title=title,
        published=_date(published),
        url=queued.url,
        source=(source.outlet if source else None) or sitename,
        origin=queued.url,
        max_chars=max_chars,
    )


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
