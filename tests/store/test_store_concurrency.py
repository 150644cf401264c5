"""Two processes writing one PostgreSQL store at once lose nothing and duplicate nothing.

Both start on a new, empty schema at the same moment (so they also race to migrate it), then write
overlapping batches: articles both write, articles only one writes, in opposite orders; after a barrier
both write a changed version of some shared articles. The store must end with every article once, the
final version of each changed article, and exactly the events, mentions and quotes of those versions.
First of all, each writes a different article holding an event id that a third writer (the test) has
inserted in a transaction still open: both must wait, meet the unique key, retry and report the clash.
"""

from __future__ import annotations

import multiprocessing
import queue
import time
from typing import Any

import psycopg
import pytest

from detente.records import CodedArticle, Quote
from detente.store import open_store
from detente.store.dialect import POSTGRESQL
from detente.store.rows import article_row, event_row
from detente.store.sql import ARTICLE_COLUMNS, EVENT_COLUMNS

from .pg_schemas import fresh_schema, table_counts
from .store_records import coded, event, evidence

pytestmark = pytest.mark.postgres

SHARED = [f"shared-{number:02d}" for number in range(40)]
CHANGED = SHARED[::4]  # ten shared articles get a second version
ONLY = {
    "first": [f"first-{number:02d}" for number in range(20)],
    "second": [f"second-{number:02d}" for number in range(20)],
}
_TIMEOUT_SECONDS = 120


def _version(article_id: str, version: int) -> CodedArticle:
    """An article with two mentions per event and a quote; version 2 has three other events."""
    count = 2 if version == 1 else 3
    twice = (evidence(start=0), evidence(start=40, sentence="Again, Washington praised Beijing."))
    events = [event(f"{article_id}-v{version}-e{number}", mentions=twice) for number in range(count)]
    item = coded(article_id, *events)
    quote = Quote(
        id=f"{article_id}-v{version}-q",
        text=f"version {version}",
        start=0,
        end=9,
        kind="direct",
        speaker=None,
    )
    return CodedArticle(article=item.article, events=item.events, quotes=(quote,))


def _writer(url: str, name: str, barrier: Any, results: Any) -> None:
    """One process: open the store with the other, write phase 1, wait, write phase 2; report summaries."""
    ids = SHARED + ONLY[name]
    if name == "second":
        ids = ids[::-1]
    clash = coded(f"clash-{name}", event("clash"))
    barrier.wait()  # both open (and migrate) the new store at once
    with open_store(url) as store:
        barrier.wait()  # both stores are open and migrated
        barrier.wait()  # the test now holds its uncommitted "clash" event
        first = [store.write_batch([clash])]
        first += [store.write_batch([_version(article_id, 1)]) for article_id in ids]
        barrier.wait()
        changed = CHANGED if name == "first" else CHANGED[::-1]
        second = store.write_batch([_version(article_id, 2) for article_id in changed])
    results.put((name, [summary.to_dict() for summary in (*first, second)]))


def _hold_the_clash(url: str, barrier: Any) -> None:
    """Insert an article with event "clash" and commit only once both writers wait on its unique key."""
    item = coded("clash-test", event("clash"))
    assert item.article is not None
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("BEGIN")
        connection.execute(
            POSTGRESQL.insert("articles", ARTICLE_COLUMNS),
            article_row(item.article, digest="-", added_at="-"),
        )
        connection.execute(
            POSTGRESQL.insert("events", EVENT_COLUMNS), event_row(item.events[0], article_id="clash-test")
        )
        barrier.wait()
        waiting = 0
        deadline = time.monotonic() + _TIMEOUT_SECONDS
        while waiting < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
            with psycopg.connect(url, autocommit=True) as observer:
                waiting = observer.execute(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                ).fetchone()[0]
        connection.execute("COMMIT")
    assert waiting == 2, "the two writers never waited on the uncommitted event"


def test_two_processes_writing_overlapping_batches_lose_and_duplicate_nothing() -> None:
    context = multiprocessing.get_context("spawn")
    with fresh_schema() as url:
        barrier = context.Barrier(3, timeout=_TIMEOUT_SECONDS)
        results = context.Queue()
        workers = [context.Process(target=_writer, args=(url, name, barrier, results)) for name in ONLY]
        for worker in workers:
            worker.start()
        reports = {}
        try:
            barrier.wait()  # the writers open the store together
            barrier.wait()  # both are open
            _hold_the_clash(url, barrier)
            barrier.wait()  # phase 1 written: the changed versions follow
            for _ in workers:
                name, summaries = results.get(timeout=_TIMEOUT_SECONDS)
                reports[name] = summaries
        except queue.Empty:
            pytest.fail("a writer process did not finish")
        finally:
            for worker in workers:
                worker.join(timeout=_TIMEOUT_SECONDS)
        assert [worker.exitcode for worker in workers] == [0, 0]

        clashes = [summaries.pop(0) for summaries in reports.values()]
        message = "article not written: event id 'clash' is already stored for article 'clash-test'"
        assert sorted(failure for summary in clashes for failure in summary["failed"]) == [
            ["clash-first", message],
            ["clash-second", message],
        ]
        for summaries in reports.values():
            assert all(summary["failed"] == [] for summary in summaries)
        written = sum(summary["articles_written"] for summaries in reports.values() for summary in summaries)
        unchanged = sum(
            summary["articles_unchanged"] for summaries in reports.values() for summary in summaries
        )
        assert written + unchanged == 2 * (len(SHARED) + len(CHANGED)) + len(ONLY["first"]) + len(
            ONLY["second"]
        )
        assert (
            written >= len(SHARED) + len(CHANGED) + 40
        )  # every article and every change written at least once

        final = {article_id: 2 if article_id in CHANGED else 1 for article_id in SHARED}
        final.update({article_id: 1 for ids in ONLY.values() for article_id in ids})
        expected_events = sum(2 if version == 1 else 3 for version in final.values())
        assert table_counts(url) == {
            "articles": len(final) + 1,  # and the test's own article with its "clash" event
            "events": expected_events + 1,
            "mentions": 2 * expected_events,
            "quotes": len(final),
            "rejections": 0,
        }
        with open_store(url) as store:
            for article_id, version in final.items():
                wanted = _version(article_id, version)
                rows = store.query_events(article_id=article_id)
                assert sorted(row["id"] for row in rows) == sorted(item.id for item in wanted.events)
                quotes = store.query_quotes(article_id=article_id)
                assert [quote["text"] for quote in quotes] == [f"version {version}"]
            # writing the final versions again changes nothing: the stored fingerprints are theirs
            again = store.write_batch(
                [_version(article_id, version) for article_id, version in final.items()]
            )
            assert again.articles_unchanged == len(final) and again.articles_written == 0
