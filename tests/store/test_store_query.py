"""query_events filters: actor, country, dyad (either direction or directed), root, status, dates, paging."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.errors import ConfigError
from detente.store import EventQuery, EventStore

from .store_records import coded, event


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    store.write_batch(
        [
            coded(
                "march",
                event("e1", "USAGOV", "CHNGOV", cameo="042", date="2024-03-05"),
                event("e3", "RUS", "UKR", cameo="043", date="2024-02-10", status="planned"),
                event("e4", "USA", "RUS", cameo="036", date="2024-03-20T10:00"),
            ),
            coded(
                "april",
                event("e2", "CHNMIL", "USAMIL", cameo="190"),
                event("e5", None, "FRA", cameo="010", date="2024-01-15"),
                published=dt.date(2024, 4, 1),
            ),
        ]
    )
    return store


def _ids(rows: list[dict[str, object]]) -> set[object]:
    return {row["id"] for row in rows}


def test_no_filter_returns_all_in_date_order(filled: EventStore) -> None:
    assert [row["id"] for row in filled.query_events()] == ["e5", "e3", "e1", "e4", "e2"]


def test_dyad_matches_either_direction(filled: EventStore) -> None:
    assert _ids(filled.query_events(dyad="USA-CHN")) == {"e1", "e2"}
    assert _ids(filled.query_events(dyad="chn-usa")) == {"e1", "e2"}


def test_directed_dyad_matches_source_to_target_only(filled: EventStore) -> None:
    assert _ids(filled.query_events(dyad="USA-CHN", directed=True)) == {"e1"}
    assert _ids(filled.query_events(dyad="CHN-USA", directed=True)) == {"e2"}


def test_dyad_sides_match_actor_codes_too(filled: EventStore) -> None:
    assert _ids(filled.query_events(dyad="USAGOV-CHN")) == {"e1"}


def test_root_and_code_prefix(filled: EventStore) -> None:
    assert _ids(filled.query_events(root="04")) == {"e1", "e3"}
    assert _ids(filled.query_events(root="042")) == {"e1"}
    assert filled.query_events(root="05") == []


def test_date_range_uses_event_date_else_publication(filled: EventStore) -> None:
    assert _ids(filled.query_events(date_from="2024-03-01", date_to="2024-03-31")) == {"e1", "e4"}
    assert _ids(filled.query_events(date_from="2024-03-20", date_to="2024-03-20")) == {"e4"}
    assert _ids(filled.query_events(date_from="2024-04-01")) == {"e2"}
    assert _ids(filled.query_events(date_to="2024-02-10")) == {"e3", "e5"}


def test_actor_code_prefix_on_either_side(filled: EventStore) -> None:
    assert _ids(filled.query_events(actor="USA")) == {"e1", "e2", "e4"}
    assert _ids(filled.query_events(actor="usagov")) == {"e1"}


def test_country_on_either_side(filled: EventStore) -> None:
    assert _ids(filled.query_events(country="RUS")) == {"e3", "e4"}
    assert _ids(filled.query_events(country="FRA")) == {"e5"}


def test_status_and_combined_filters(filled: EventStore) -> None:
    assert _ids(filled.query_events(status="planned")) == {"e3"}
    assert _ids(filled.query_events(country="RUS", status="occurred", root="03")) == {"e4"}


def test_limit_and_offset_page_through(filled: EventStore) -> None:
    pages = [filled.query_events(limit=2, offset=offset) for offset in (0, 2, 4)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert [row["id"] for page in pages for row in page] == ["e5", "e3", "e1", "e4", "e2"]


def test_rows_carry_article_id_and_event_shape(filled: EventStore) -> None:
    (row,) = filled.query_events(dyad="USA-CHN", directed=True)
    assert row["article_id"] == "march"
    assert row["source"]["code"] == "USAGOV"
    assert row["evidence"]["rule"] == "test-rule"
    (sourceless,) = filled.query_events(country="FRA")
    assert sourceless["source"] is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"dyad": "USA"}, "dyad"),
        ({"dyad": "USA-"}, "dyad"),
        ({"root": "4"}, "root"),
        ({"root": "ab"}, "root"),
        ({"status": "rumoured"}, "status"),
        ({"date_from": "March 2024"}, "date_from"),
        ({"limit": 0}, "limit"),
        ({"offset": -1}, "offset"),
        ({"actor": "  "}, "actor"),
    ],
)
def test_bad_filters_raise_config_error(filled: EventStore, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        filled.query_events(**kwargs)  # type: ignore[arg-type]


def test_several_countries_codes_and_statuses(filled: EventStore) -> None:
    assert _ids(filled.query_events(country=["FRA", "ukr"])) == {"e3", "e5"}
    assert _ids(filled.query_events(country="FRA,UKR", dyad="RUS-UKR")) == {"e3"}
    assert _ids(filled.query_events(status="occurred,planned")) == {"e1", "e2", "e3", "e4", "e5"}
    assert _ids(filled.query_events(status=["planned"])) == {"e3"}
    assert _ids(filled.query_events(code=["042", "19"])) == {"e1", "e2"}
    assert _ids(filled.query_events(code="04,01")) == {"e1", "e3", "e5"}
    query = EventQuery.build(code="043,036", status="planned,occurred", country="RUS")
    assert _ids(filled.query_events(query)) == {"e3", "e4"} and filled.count_events(query) == 2
    with pytest.raises(ConfigError, match="status"):
        filled.query_events(status="occurred,rumoured")
