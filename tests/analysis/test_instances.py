"""Event instances: order-independent, idempotent, syndicated copies counted once, plans kept apart."""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
from typing import Any

from detente.analysis import link_pending, related_instances
from detente.records import Article, CodedArticle, TimeExpression
from detente.store import open_store
from tests.store.store_records import event, evidence_at

WIRE = (
    "The foreign ministers of the United States and China met in Geneva on Tuesday for talks on trade "
    "and security, the first such meeting this year. Officials said the talks lasted four hours and "
    "that both sides agreed to meet again. Analysts called the meeting a cautious step toward calmer ties."
)


def _article(
    article_id: str, events: list[Any], *, text: str, source: str | None, day: str, url: str | None = None
) -> CodedArticle:
    article = Article(
        id=article_id,
        text=text,
        title=None,
        published=dt.date.fromisoformat(day),
        source=source,
        url=url,
    )
    return CodedArticle(article=article, events=tuple(events))


def _meeting(event_id: str, sentence: str, *, trigger: str = "met", **fields: Any) -> Any:
    fields.setdefault("date", "2024-05-07")
    fields.setdefault("date_precision", "day")
    fields.setdefault("date_source", "text")
    return event(event_id, "USAGOV", "CHNGOV", cameo="040", evidence=evidence_at(sentence, trigger), **fields)


def _corpus() -> list[CodedArticle]:
    """Six articles: one meeting told by four (two of them one wire story), a strike, a planned visit."""
    own = "Washington and Beijing met on Tuesday in Geneva, a State Department spokesman said."
    other = "US and Chinese diplomats met in Geneva to discuss trade, Chinese state media reported."
    strike = "China accused the United States of a strike on its vessel."
    plan = "The US secretary will visit Beijing next week, officials said."
    return [
        _article("a1", [_meeting("e1", WIRE.split(". ")[0])], text=WIRE, source="Reuters", day="2024-05-07"),
        _article(
            "a2",
            [_meeting("e2", WIRE.split(". ")[0])],
            text="GENEVA (Wire) - " + WIRE,
            source="Yahoo",
            day="2024-05-08",
        ),
        _article(
            "a3",
            [_meeting("e3", own)],
            text=own + " More text here about other things.",
            source="AP",
            day="2024-05-07",
        ),
        _article(
            "a4",
            [
                _meeting("e4", other),
                event(
                    "e5",
                    "CHNGOV",
                    "USAGOV",
                    cameo="112",
                    evidence=evidence_at(strike, "accused"),
                    date="2024-05-06",
                    date_precision="day",
                    date_source="text",
                    quad_class=3,
                    goldstein=-2.0,
                ),
            ],
            text=other + " " + strike,
            source=None,
            url="https://www.xinhuanet.com/2024/05/08/story.html",
            day="2024-05-08",
        ),
        _article(
            "a5",
            [_meeting("e6", plan, trigger="visit", status="planned", date="2024-05-14")],
            text=plan,
            source="AP",
            day="2024-05-07",
        ),
        _article(
            "a6",
            [
                _meeting(
                    "e7",
                    "The US secretary visited Beijing on Tuesday.",
                    trigger="visited",
                    date="2024-05-14",
                    location=None,
                )
            ],
            text="The US secretary visited Beijing on Tuesday. It was a long day.",
            source="BBC",
            day="2024-05-14",
        ),
    ]


def _snapshot(store: Any) -> list[tuple[Any, ...]]:
    rows = store.query_instances(limit=1000)
    return sorted(
        (
            row["id"],
            tuple(sorted(report["id"] for report in store.get_instance(row["id"])["reports"])),
            row["num_reports"],
            row["num_articles"],
            row["num_sources"],
            row["num_mentions"],
            row["first_report"],
            row["last_report"],
            tuple(row["outlets"]),
        )
        for row in rows
    )


def _ingest(url: str, articles: list[CodedArticle], *, one_by_one: bool = True) -> list[tuple[Any, ...]]:
    with open_store(url) as store:
        if one_by_one:
            for article in articles:
                store.write_batch([article])
                link_pending(store)
        else:
            store.write_batch(articles)
            link_pending(store, chunk=2)
        return _snapshot(store)


def test_one_meeting_told_by_four_articles_is_one_instance(store_url: str) -> None:
    snapshot = _ingest(store_url, _corpus())
    meeting = next(row for row in snapshot if "e1" in row[1])
    assert meeting[1] == ("e1", "e2", "e3", "e4")
    assert meeting[0] == "e1"  # the representative: earliest day, then smallest id
    # a1 and a2 are one wire story: four reports, three articles, four outlets (the URL's host for a4)
    assert meeting[2:6] == (4, 3, 4, 4)
    assert meeting[6:8] == ("2024-05-07", "2024-05-08")
    assert meeting[8] == ("ap", "reuters", "xinhuanet.com", "yahoo")
    assert sorted(len(row[1]) for row in snapshot) == [1, 1, 1, 4]


def test_shuffled_orders_give_the_same_instances(tmp_path) -> None:
    articles = _corpus()
    expected = _ingest(f"sqlite:///{tmp_path / 'first.db'}", articles)
    for seed in range(4):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        url = f"sqlite:///{tmp_path / f'shuffled{seed}.db'}"
        assert _ingest(url, shuffled, one_by_one=seed % 2 == 0) == expected


def test_reingest_changes_nothing(store_url: str) -> None:
    articles = _corpus()
    before = _ingest(store_url, articles)
    with open_store(store_url) as store:
        summary = store.write_batch(articles)
        linked = link_pending(store)
        assert summary.articles_unchanged == len(articles)
        assert linked.events_linked == 0 and linked.instances_updated == 0
        assert _snapshot(store) == before


def test_a_new_version_of_an_article_relinks_its_instance(store_url: str) -> None:
    articles = _corpus()
    _ingest(store_url, articles)
    changed = _article("a1", [], text="Corrected: no meeting took place.", source="Reuters", day="2024-05-07")
    final = [changed, *articles[1:]]
    with open_store(store_url) as store:
        store.write_batch([changed])
        link_pending(store)
        after = _snapshot(store)
    meeting = next(row for row in after if "e2" in row[1])
    assert meeting[1] == ("e2", "e3", "e4") and meeting[3] == 3
    fresh = _ingest(store_url.replace("events.db", "fresh.db"), final) if "sqlite" in store_url else after
    assert after == fresh


def test_plans_are_linked_to_the_event_not_merged(store_url: str) -> None:
    _ingest(store_url, _corpus())
    with open_store(store_url) as store:
        assert related_instances(store, "e6") == {"planned": [], "occurred": ["e7"]}
        assert related_instances(store, "e7") == {"planned": ["e6"], "occurred": []}


def test_instances_count_once_in_series_and_dyads(store_url: str) -> None:
    _ingest(store_url, _corpus())
    with open_store(store_url) as store:
        reports = store.top_dyads()[0]["events"]
        instances = store.top_dyads(instances=True)[0]["events"]
        assert (reports, instances) == (7, 4)
        assert store.count_instances() == 4


def test_a_month_dated_report_joins_the_day_dated_ones(store_url: str) -> None:
    sentence = "Washington and Beijing met in Geneva in May, the spokesman said."
    late = _meeting("e9", sentence, date="2024-05", date_precision="month")
    articles = [
        *_corpus()[:3],
        _article("a9", [late], text=sentence + " Long after.", source="DW", day="2024-06-02"),
    ]
    snapshot = _ingest(store_url, articles)
    assert next(row for row in snapshot if "e1" in row[1])[1] == ("e1", "e2", "e3", "e9")


def _killings() -> list[CodedArticle]:
    """Three undated reports of a killing: two in one town, told in different words, one in another town."""
    told = [
        ("k1", "A gunman killed a teacher in Harwick on Friday, Sheriff Dunmore said."),
        ("k2", "Mourners gathered in Harwick, where a teacher was killed at the Elm Street school."),
        ("k3", "Police in Lowmere said a cashier was killed during a robbery at the Quarry Lane shop."),
    ]
    return [
        _article(
            f"a-{event_id}",
            [
                event(
                    event_id,
                    "USACRM",
                    None,
                    cameo="190",
                    evidence=evidence_at(sentence, "killed"),
                    location=None,
                    quad_class=4,
                    goldstein=-10.0,
                )
            ],
            text=f"{sentence} Neighbours said the family had lived there for years.",
            source=f"outlet-{event_id}",
            day="2024-05-07",
        )
        for event_id, sentence in told
    ]


def test_articles_naming_different_places_and_people_keep_bare_reports_apart(store_url: str) -> None:
    snapshot = _ingest(store_url, _killings())
    assert sorted(row[1] for row in snapshot) == [("k1", "k2"), ("k3",)]


def test_events_stored_before_names_still_link(tmp_path) -> None:
    path = tmp_path / "events.db"
    with open_store(f"sqlite:///{path}") as store:
        store.write_batch(_killings())
    connection = sqlite3.connect(path, isolation_level=None)
    try:  # back to a store from before 0013: no columns, no record of the migration
        names = connection.execute("SELECT link_names FROM events WHERE id = 'k3'").fetchone()[0]
        connection.execute("ALTER TABLE events DROP COLUMN link_names")
        connection.execute("ALTER TABLE events DROP COLUMN article_day")
        connection.execute("DELETE FROM migrations WHERE name = '0013_event_link_context'")
    finally:
        connection.close()
    assert json.loads(names)  # a JSON list of hashed names
    # the migration adds the columns, NULL for the stored events: no names, no evidence either way
    with open_store(f"sqlite:///{path}") as store:
        link_pending(store)
        assert sorted(row[1] for row in _snapshot(store)) == [("k1", "k2", "k3")]


def _undated_articles() -> list[CodedArticle]:
    """Articles with no publication day: one event dated by its sentence, one by the first full date its
    article states, one with neither."""
    dated = "Washington and Beijing met in Geneva on 7 May 2024, officials said."
    undated = "US and Chinese envoys met in Geneva, the ministry said."
    stated = "GENEVA - On May 7, 2024, diplomats gathered. " + undated
    day = TimeExpression("May 7, 2024", 14, 25, "DATE", "2024-05-07", "day")
    meeting = _meeting("u2", undated, date=None, date_precision=None, date_source=None)
    return [
        CodedArticle(Article(id="u1", text=dated), events=(_meeting("u1", dated),)),
        CodedArticle(Article(id="u2", text=stated), events=(meeting,), times=(day,)),
        CodedArticle(Article(id="u3", text=undated), events=(_meeting("u3", undated, date=None),)),
    ]


def test_an_article_without_publication_day_is_dated_by_the_first_full_date_it_states(store_url: str) -> None:
    snapshot = _ingest(store_url, _undated_articles())
    # the same report in an article that states no full date stays undated, apart
    assert sorted(row[1] for row in snapshot) == [("u1", "u2"), ("u3",)]


def test_article_names_and_days_keep_instances_order_independent(tmp_path) -> None:
    articles = _corpus() + _killings() + _undated_articles()
    expected = _ingest(f"sqlite:///{tmp_path / 'first.db'}", articles)
    groups = [row[1] for row in expected]
    # the Geneva meeting of 7 May: the four dated reports and the two of articles with no publication day
    assert ("k1", "k2") in groups and ("e1", "e2", "e3", "e4", "u1", "u2") in groups and ("u3",) in groups
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        url = f"sqlite:///{tmp_path / f'shuffled{seed}.db'}"
        assert _ingest(url, shuffled, one_by_one=seed % 2 == 0) == expected
