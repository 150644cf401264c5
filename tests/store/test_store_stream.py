"""event_page / iter_events: a whole store read page by page, each event once, in day order."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from detente.store import EventQuery, EventStore

from .store_records import coded, event


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    """Eleven events: several on one day (ties broken by id), two undated (no date, no publication day)."""
    store.write_batch(
        [
            coded(
                "dated",
                *(event(f"d{n:02d}", date="2024-03-05") for n in range(5)),
                event("e1", "RUS", "UKR", date="2024-01-02"),
                event("e2", "USA", "RUS", date="2024-06-30", status="planned"),
                published=dt.date(2024, 7, 1),
            ),
            coded("late", event("p1", "FRA", "DEU"), published=dt.date(2024, 8, 1)),
            coded("undated", event("u2", "CHN", "USA"), event("u1", "USA", "CHN"), published=None),
        ]
    )
    return store


def _stream(store: EventStore, query: EventQuery, size: int) -> list[str]:
    return [row["id"] for row in store.iter_events(query, page_size=size)]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 1000])
def test_stream_reads_every_event_once_in_day_order(filled: EventStore, size: int) -> None:
    ids = _stream(filled, EventQuery(), size)
    dated = ["e1", "d00", "d01", "d02", "d03", "d04", "e2", "p1"]
    assert ids == [*dated, "u1", "u2"]
    newest = _stream(filled, EventQuery(descending=True), size)
    assert newest == [*reversed(dated), "u1", "u2"]


@pytest.mark.parametrize("size", [1, 4])
def test_stream_keeps_the_filters(filled: EventStore, size: int) -> None:
    assert _stream(filled, EventQuery.build(country="RUS"), size) == ["e1", "e2"]
    assert _stream(filled, EventQuery.build(dyad="USA-CHN"), size) == [
        *(f"d{n:02d}" for n in range(5)),
        "u1",
        "u2",
    ]
    assert _stream(filled, EventQuery.build(date_from="2024-03-05", status="occurred"), size) == [
        *(f"d{n:02d}" for n in range(5)),
        "p1",
    ]


def test_stream_rows_carry_the_article_url_and_outlet(filled: EventStore) -> None:
    row = next(filled.iter_events(EventQuery.build(article_id="dated")))
    assert row["article_url"] == "https://example.org/dated"
    assert row["article_source"] == "example.org"
    assert row["article_published"] == "2024-07-01"


def test_the_default_offset_pages_give_the_same_stream(filled: EventStore) -> None:
    """A backend without a keyset page (the base class's offsets) streams the same events."""
    query = dataclasses.replace(EventQuery(), limit=3)
    rows, cursor = [], None
    while True:
        page, cursor = EventStore.event_page(filled, query, cursor)
        rows.extend(row["id"] for row in page)
        if cursor is None:
            break
    assert sorted(rows) == sorted(_stream(filled, EventQuery(), 3))
