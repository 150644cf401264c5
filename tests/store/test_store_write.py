"""Writing batches: idempotency, atomic replacement, per-article rollback, rejections."""

from __future__ import annotations

import datetime as dt

from detente.records import CodedArticle, Place
from detente.store import EventStore, WriteSummary, open_store

from .pg_schemas import table_counts
from .store_records import coded, event, evidence, rejected


def _batch() -> list[CodedArticle]:
    twice = (evidence(start=0), evidence(start=40, sentence="Again, Washington praised Beijing."))
    return [
        coded("a1", event("e1"), event("e2", "CHNGOV", "USAGOV", mentions=twice)),
        coded("a2", event("e3", "RUS", "UKR", cameo="190")),
        rejected("empty"),
        rejected("bad_json", origin="feed.jsonl:9"),
    ]


def test_first_write_counts_everything(store: EventStore) -> None:
    summary = store.write_batch(_batch())
    assert summary == WriteSummary(
        articles_written=2, articles_unchanged=0, events_written=3, rejected={"empty": 1, "bad_json": 1}
    )
    assert store.count_articles() == 2
    assert store.count_events() == 3


def test_writing_the_same_batch_twice_changes_nothing(store_url: str) -> None:
    with open_store(store_url) as store:
        store.write_batch(_batch())
        before = table_counts(store_url)
        first_added = store.get_article("a1")
        summary = store.write_batch(_batch())
        assert summary.articles_written == 0
        assert summary.articles_unchanged == 2
        assert summary.events_written == 0
        assert table_counts(store_url) == before
        assert store.get_article("a1") == first_added
    assert before == {"articles": 2, "events": 3, "mentions": 4, "quotes": 2, "rejections": 2}


def test_reingesting_an_article_replaces_its_events(store: EventStore) -> None:
    store.write_batch(_batch())
    summary = store.write_batch([coded("a1", event("e9", cameo="042"))])
    assert summary.articles_written == 1
    assert {row["id"] for row in store.query_events()} == {"e3", "e9"}
    assert store.count_events() == 2


def test_a_failing_article_is_rolled_back_and_the_batch_goes_on(store: EventStore) -> None:
    unserializable = event("bad2", location=Place("Nowhere", None, "city", lat=object()))
    batch = [coded("a1", event("e1")), coded("bad", event("bad1", "FRA", "DEU"), unserializable), coded("a3")]
    summary = store.write_batch(batch)
    assert summary.articles_written == 2
    assert summary.events_written == 1
    assert [article_id for article_id, _ in summary.failed] == ["bad"]
    assert store.get_article("bad") is None
    assert store.query_events(actor="FRA") == []
    assert store.count_events() == 1


def test_a_failed_reingest_keeps_the_stored_version(store: EventStore) -> None:
    store.write_batch([coded("a1", event("e1"), event("e2"))])
    broken = coded("a1", event("e5"), event("e6", location=Place("Nowhere", None, "city", lat=object())))
    summary = store.write_batch([broken])
    assert summary.failed and summary.failed[0][0] == "a1"
    assert {row["id"] for row in store.query_events()} == {"e1", "e2"}


def test_an_event_id_owned_by_another_article_fails_that_article(store: EventStore) -> None:
    store.write_batch([coded("a1", event("shared"))])
    summary = store.write_batch([coded("a2", event("shared"))])
    message = "article not written: event id 'shared' is already stored for article 'a1'"
    assert summary.failed == [("a2", message)]
    assert store.get_article("a2") is None
    assert store.query_events()[0]["article_id"] == "a1"


def test_changed_metadata_rewrites_the_article(store: EventStore) -> None:
    store.write_batch([coded("a1", event("e1"))])
    summary = store.write_batch([coded("a1", event("e1"), published=dt.date(2024, 5, 2))])
    assert summary.articles_written == 1
    stored = store.get_article("a1")
    assert stored is not None and stored["published"] == "2024-05-02"


def test_an_item_without_article_or_error_is_reported(store: EventStore) -> None:
    summary = store.write_batch([CodedArticle(article=None)])
    assert summary.failed == [(None, "a coded article with neither an article nor an error")]


def test_get_article_returns_the_stored_fields(store: EventStore) -> None:
    store.write_batch([coded("a1")])
    stored = store.get_article("a1")
    assert stored is not None
    assert stored["title"] == "Title a1"
    assert stored["published"] == "2024-03-01"
    assert stored["text"].startswith("Washington")
    assert stored["language"] == "en"
    assert store.get_article("missing") is None


def test_summary_serializes(store: EventStore) -> None:
    summary = store.write_batch(_batch())
    assert summary.to_dict()["rejected"] == {"empty": 1, "bad_json": 1}
