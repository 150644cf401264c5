"""The queries the REST API reads: filters, counts, single events, articles, quotes, actors, dyads, series."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from detente.errors import ConfigError
from detente.records import Actor, ActorMention, Quote
from detente.store import EventStore
from detente.store.query import MAX_LIMIT, EventQuery, QuoteQuery

from .store_records import coded, event, evidence, mention

METACHARACTERS = ("%", "_", "\\", "'", '"', "; --", "100%_\\'")


def _quote(
    quote_id: str, text: str, speaker: str | None, *, name: str | None = None, start: int = 0
) -> Quote:
    said_by = None
    if speaker is not None:
        said_by = ActorMention(name or speaker, 0, 5, Actor(code=speaker, country=speaker[:3], name=name))
    return Quote(id=quote_id, text=text, start=start, end=start + len(text), kind="direct", speaker=said_by)


@pytest.fixture
def filled(store: EventStore) -> EventStore:
    twice = (evidence(start=0), evidence(start=40, sentence="Again, Washington praised Beijing."))
    unplaced = dict(location=None)
    store.write_batch(
        [
            coded(
                "june",
                event("w1", "USAGOV", "CHNGOV", cameo="042", date="2023-W24-WE", mentions=twice),
                event("w2", "CHNMIL", "USAMIL", cameo="190", quad_class=4, goldstein=-10.0, plover="FIGHT"),
                event("w3", "USA", "CHN", cameo="036", date="2023-06", status="planned", **unplaced),
                published=dt.date(2023, 6, 14),
                text="June article about 50% tariffs",
            ),
            dataclasses.replace(
                coded(
                    "july",
                    event(
                        "j1",
                        "RUSMIL",
                        "UKRMIL",
                        cameo="190",
                        quad_class=4,
                        goldstein=-10.0,
                        date="2023-07-03",
                    ),
                    event("j2", "CHN", "USA", cameo="043", date="P3Y", plover="CONSULT"),
                    event("j3", "FRA", None, cameo="010", date="2023-07-31", quad_class=2, goldstein=0.0),
                    published=dt.date(2023, 7, 20),
                ),
                quotes=(
                    _quote("q1", "We reject 100% of it", "CHNGOV", name="Wang Yi", start=10),
                    _quote("q2", "A_b is fine", "USAGOV", name="Antony Blinken", start=5),
                    _quote("q3", "Nobody said this", None),
                ),
            ),
            coded("undated", event("u1", "DEU", "FRA", cameo="051"), published=None),
        ]
    )
    return store


def _ids(rows: list[dict[str, object]]) -> list[object]:
    return [row["id"] for row in rows]


# -- events ------------------------------------------------------------------------------------------------


def test_day_is_the_first_day_of_the_date_else_the_publication_day(filled: EventStore) -> None:
    days = {row["id"]: row["day"] for row in filled.query_events(limit=MAX_LIMIT)}
    assert days == {
        "w1": "2023-06-17",  # the weekend of ISO week 24
        "w2": "2023-06-14",  # no date: published
        "w3": "2023-06-01",
        "j1": "2023-07-03",
        "j2": "2023-07-20",  # a duration covers no fixed day: published
        "j3": "2023-07-31",
        "u1": None,
    }


def test_rows_carry_their_article(filled: EventStore) -> None:
    (row,) = filled.query_events(EventQuery.build(code="042"))
    assert row["article_id"] == "june"
    assert row["article_title"] == "Title june"
    assert row["article_published"] == "2023-06-14"


def test_order_is_by_day_undated_last_or_newest_first(filled: EventStore) -> None:
    assert _ids(filled.query_events()) == ["w3", "w2", "w1", "j1", "j2", "j3", "u1"]
    assert _ids(filled.query_events(descending=True)) == ["j3", "j2", "j1", "w1", "w2", "w3", "u1"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"sector": "mil"}, {"w2", "j1"}),
        ({"sector": "GOV"}, {"w1"}),
        ({"code": "19"}, {"w2", "j1"}),
        ({"root": "04"}, {"w1", "j2"}),
        ({"code": "043"}, {"j2"}),
        ({"plover": "consult"}, {"j2"}),
        ({"quad_class": 4}, {"w2", "j1"}),
        ({"quad_class": "2"}, {"j3"}),
        ({"article_id": "july"}, {"j1", "j2", "j3"}),
        ({"has_location": True}, {"w1", "w2", "j1", "j2", "j3", "u1"}),
        ({"dyad": "USA-CHN", "date_from": "2023-06-10"}, {"w1", "w2", "j2"}),
        ({"dyad": "USA-CHN", "directed": True}, {"w1", "w3"}),
        ({"country": "FRA"}, {"j3", "u1"}),
        ({"date_from": "2023-07-01", "date_to": "2023-07-31"}, {"j1", "j2", "j3"}),
        ({"text": "AGAIN"}, set()),  # only the evidence sentence of the event is searched, not its mentions
        ({"text": "washington PRAISED"}, {"w1", "w2", "w3", "j1", "j2", "j3", "u1"}),
        ({"text": "chngov"}, {"w1"}),  # actor text "Chngov"
        ({"text": "CHNMIL name"}, {"w2"}),  # actor name
    ],
)
def test_filters(filled: EventStore, filters: dict[str, object], expected: set[str]) -> None:
    query = EventQuery.build(**filters)  # type: ignore[arg-type]
    assert set(_ids(filled.query_events(query))) == expected
    assert filled.count_events(query) == len(expected)


def test_count_without_a_query_counts_everything(filled: EventStore) -> None:
    assert filled.count_events() == 7
    assert filled.count_events(EventQuery.build(limit=1)) == 7  # the page does not limit the count


def test_query_and_filters_are_exclusive(filled: EventStore) -> None:
    with pytest.raises(ConfigError, match="either"):
        filled.query_events(EventQuery(), status="planned")


@pytest.mark.parametrize("needle", METACHARACTERS)
def test_text_search_takes_sql_metacharacters_literally(store: EventStore, needle: str) -> None:
    plain = event("plain", evidence=evidence(sentence="Nothing special here at all"))
    special = event("special", evidence=evidence(sentence=f"It said {needle} there"))
    store.write_batch([coded("a1", plain, special)])
    assert _ids(store.query_events(text=needle)) == ["special"]
    assert store.count_events(EventQuery.build(text=needle)) == 1
    assert store.count_events() == 2


def test_text_search_with_wildcards_does_not_match_everything(store: EventStore) -> None:
    store.write_batch([coded("a1", event("e1", evidence=evidence(sentence="abc")))])
    for needle in ("%", "_", "a%c", "a_c", "%%"):
        assert store.query_events(text=needle) == []


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"limit": MAX_LIMIT + 1}, "limit"),
        ({"quad_class": 5}, "quad_class"),
        ({"quad_class": True}, "quad_class"),
        ({"code": "0x"}, "code"),
        ({"code": "04", "root": "04"}, "either code or root"),
        ({"text": "   "}, "text"),
        ({"text": "a\x00b"}, "NUL"),
        ({"sector": ""}, "sector"),
        ({"date_from": "2023-07-01", "date_to": "2023-06-01"}, "after"),
        ({"dyad": "USA-CHN-RUS"}, "dyad"),
    ],
)
def test_bad_filters(filters: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        EventQuery.build(**filters)  # type: ignore[arg-type]


def test_get_event_lists_every_mention(filled: EventStore) -> None:
    found = filled.get_event("w1")
    assert found is not None
    assert found["id"] == "w1" and found["mentions"] == 2 and found["day"] == "2023-06-17"
    assert [mention["start"] for mention in found["mention_list"]] == [0, 40]
    assert found["mention_list"][1]["sentence"] == "Again, Washington praised Beijing."
    assert set(found["mention_list"][0]) == {
        "sentence",
        "start",
        "end",
        "trigger",
        "trigger_start",
        "trigger_end",
        "rule",
    }
    single = filled.get_event("j1")
    assert single is not None and len(single["mention_list"]) == 1
    assert filled.get_event("missing") is None


# -- articles and quotes -----------------------------------------------------------------------------------


def test_list_articles_newest_first_with_counts(filled: EventStore) -> None:
    rows = filled.list_articles()
    assert [row["id"] for row in rows] == ["july", "june", "undated"]
    july = rows[0]
    assert july["event_count"] == 3 and july["quote_count"] == 3
    assert july["published"] == "2023-07-20" and july["title"] == "Title july"
    assert july["added_at"] and "text" not in july
    assert [row["id"] for row in filled.list_articles(limit=1, offset=1)] == ["june"]
    assert filled.count_articles() == 3


def test_article_text_search(filled: EventStore) -> None:
    assert [row["id"] for row in filled.list_articles(text="50%")] == ["june"]
    assert filled.count_articles(text="TITLE JUN") == 1
    assert filled.list_articles(text="_") == []
    with pytest.raises(ConfigError):
        filled.list_articles(limit=MAX_LIMIT + 1)


def test_get_article_has_text(filled: EventStore) -> None:
    stored = filled.get_article("june")
    assert stored is not None and stored["text"] == "June article about 50% tariffs"
    assert stored["language"] == "en"


def test_quotes_by_speaker_country_and_text(filled: EventStore) -> None:
    assert [row["id"] for row in filled.query_quotes()] == ["q3", "q2", "q1", "june-q1", "undated-q1"]
    assert [row["id"] for row in filled.query_quotes(speaker="chn")] == ["q1"]
    assert [row["id"] for row in filled.query_quotes(speaker="blinken")] == ["q2"]
    assert [row["id"] for row in filled.query_quotes(country="usa")] == ["q2"]
    assert [row["id"] for row in filled.query_quotes(text="100%")] == ["q1"]
    assert [row["id"] for row in filled.query_quotes(text="A_b")] == ["q2"]
    assert [row["id"] for row in filled.query_quotes(text="_")] == ["q2"]
    assert filled.count_quotes(QuoteQuery.build(article_id="july")) == 3
    assert filled.count_quotes() == 5


def test_quote_rows_are_the_quote_dict(filled: EventStore) -> None:
    (row,) = filled.query_quotes(QuoteQuery.build(speaker="Wang"))
    expected = _quote("q1", "We reject 100% of it", "CHNGOV", name="Wang Yi", start=10).to_dict()
    assert row == {**expected, "article_id": "july"}


# -- actors, dyads and series ------------------------------------------------------------------------------


def test_list_actors(filled: EventStore) -> None:
    actors = filled.list_actors()
    counts = {(row["code"], row["name"]): row["events"] for row in actors}
    assert counts[("CHN", "CHN name")] == 2 and counts[("USAGOV", "USAGOV name")] == 1
    assert actors[0]["events"] == max(counts.values())
    assert {row["code"] for row in filled.list_actors(country="usa")} == {"USAGOV", "USAMIL", "USA"}
    (mil,) = filled.list_actors(text="rusmil")
    assert mil == {"code": "RUSMIL", "country": "RUS", "sector": "MIL", "name": "RUSMIL name", "events": 1}
    assert len(filled.list_actors(limit=2)) == 2


def test_top_dyads_are_undirected(filled: EventStore) -> None:
    dyads = filled.top_dyads()
    assert [(row["a"], row["b"], row["events"]) for row in dyads] == [
        ("CHN", "USA", 4),
        ("DEU", "FRA", 1),
        ("RUS", "UKR", 1),
    ]
    top = dyads[0]
    assert top["quad_counts"] == {"1": 3, "2": 0, "3": 0, "4": 1}
    assert top["goldstein_sum"] == pytest.approx(3 * 3.5 - 10.0)
    assert top["goldstein_mean"] == pytest.approx((3 * 3.5 - 10.0) / 4)
    assert [row["a"] for row in filled.top_dyads(status="planned")] == ["CHN"]
    assert [row["a"] for row in filled.top_dyads(date_from="2023-07-01")] == ["CHN", "RUS"]
    assert len(filled.top_dyads(limit=1)) == 1


def test_dyad_series_by_month_week_day_year(filled: EventStore) -> None:
    query = EventQuery.build(dyad="USA-CHN")
    months = filled.series(interval="month", query=query)
    assert [(row["period"], row["start"], row["end"], row["events"]) for row in months] == [
        ("2023-06", "2023-06-01", "2023-06-30", 3),
        ("2023-07", "2023-07-01", "2023-07-31", 1),
    ]
    assert months[0]["quad_counts"] == {"1": 2, "2": 0, "3": 0, "4": 1}
    assert months[0]["goldstein_sum"] == pytest.approx(-3.0)
    assert months[0]["goldstein_mean"] == pytest.approx(-1.0)
    weeks = filled.series(interval="week", query=query)
    assert [(row["period"], row["start"], row["end"]) for row in weeks] == [
        ("2023-W22", "2023-05-29", "2023-06-04"),
        ("2023-W24", "2023-06-12", "2023-06-18"),
        ("2023-W29", "2023-07-17", "2023-07-23"),
    ]
    days = filled.series(interval="day", query=query)
    assert [row["period"] for row in days] == ["2023-06-01", "2023-06-14", "2023-06-17", "2023-07-20"]
    assert [row["events"] for row in filled.series(interval="year")] == [6]  # u1 has no day


def test_series_respects_filters_and_rejects_bad_intervals(filled: EventStore) -> None:
    query = EventQuery.build(dyad="USA-CHN", date_from="2023-06-10", date_to="2023-06-30")
    assert [row["period"] for row in filled.series(interval="day", query=query)] == [
        "2023-06-14",
        "2023-06-17",
    ]
    assert filled.series(interval="month", query=EventQuery.build(country="NOR")) == []
    with pytest.raises(ConfigError, match="interval"):
        filled.series(interval="fortnight")


def test_dyad_sides_of_three_letters_are_countries(store: EventStore) -> None:
    odd = dataclasses.replace(event("x1"), source=mention("USAGOV"), target=mention("IGOUNO"))
    store.write_batch([coded("a1", odd)])
    assert _ids(store.query_events(dyad="USA-IGO")) == ["x1"]
    assert _ids(store.query_events(dyad="USAGOV-IGOUNO")) == ["x1"]
    assert store.query_events(dyad="USAMIL-IGO") == []


def test_events_matching_both_sides_are_listed_and_counted_once(store: EventStore) -> None:
    store.write_batch(
        [coded("a1", event("self", "USAGOV", "USAGOV", date="2023-01-02"), event("other", "USAMIL", "CHN"))]
    )
    for filters in ({"country": "USA"}, {"dyad": "USA-USAGOV"}, {"dyad": "USA-USA"}, {"actor": "USAGOV"}):
        query = EventQuery.build(**filters)  # type: ignore[arg-type]
        ids = _ids(store.query_events(query))
        assert ids.count("self") == 1, filters
        assert store.count_events(query) == len(ids)
        assert sum(row["events"] for row in store.series(interval="year", query=query)) == len(ids)
    assert _ids(store.query_events(country="USA")) == ["self", "other"]
    assert store.top_dyads() == [
        {
            "a": "CHN",
            "b": "USA",
            "events": 1,
            "goldstein_sum": 3.5,
            "goldstein_mean": 3.5,
            "quad_counts": {"1": 1, "2": 0, "3": 0, "4": 0},
        }
    ]
