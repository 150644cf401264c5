"""Event → row → dict equals ``Event.to_dict()`` (plus article_id), for arbitrary Unicode and hostile text."""

from __future__ import annotations

import dataclasses
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.records import STATUSES, Actor, ActorMention, Article, CodedArticle, Event, Evidence, Place
from detente.store import EventStore, open_store
from detente.store.rows import event_day

from .pg_schemas import is_postgres
from .store_records import coded, event, evidence

HOSTILE = (
    "'; DROP TABLE events; --",
    'Robert"); DROP TABLE articles;--',
    "?, ?, %s %(x)s {0} {autoincrement_pk}",
    "\\ \\' \\\" backslashes",
    "مرحبا עברית 中文 🇺🇦 e\u0301 \u202eRTL\u202c",
    "",
)

_offsets = st.integers(min_value=-1, max_value=2**31 - 1)
_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=8,
)
_evidence = st.builds(
    Evidence,
    sentence=st.text(),
    start=_offsets,
    end=_offsets,
    trigger=st.text(),
    rule=st.text(),
    trigger_start=_offsets,
    trigger_end=_offsets,
)
_actor = st.builds(
    Actor,
    code=st.text(),
    country=st.none() | st.text(),
    sector=st.none() | st.text(),
    name=st.none() | st.text(),
)
_mention = st.none() | st.builds(ActorMention, text=st.text(), start=_offsets, end=_offsets, actor=_actor)
_event = st.builds(
    Event,
    id=st.text(min_size=1),
    source=_mention,
    target=_mention,
    cameo=st.text(),
    cameo_label=st.text(),
    goldstein=st.floats(allow_nan=False, allow_infinity=False),
    quad_class=st.integers(min_value=-(2**31), max_value=2**31 - 1),
    plover=st.none() | st.text(),
    plover_mode=st.none() | st.text(),
    status=st.sampled_from(STATUSES),
    evidence=_evidence,
    reciprocal=st.booleans(),
    date=st.none() | st.text(),
    date_text=st.none() | st.text(),
    date_precision=st.none() | st.text(),
    date_source=st.none() | st.text(),
    location=st.none()
    | st.builds(
        Place,
        name=st.text(),
        country=st.none() | st.text(),
        feature=st.text(),
        lat=st.none() | st.floats(-90, 90),
        lon=st.none() | st.floats(-180, 180),
        admin1=st.none() | st.text(),
        text=st.none() | st.text(),
        start=st.integers(-1, 10**6),
        end=st.integers(-1, 10**6),
    ),
    mentions=st.lists(_evidence, max_size=3).map(tuple),
)


def _expected(event: Event, article: Article) -> dict[str, Any]:
    """What query_events gives for an event: its dict, its article and the day it is counted on."""
    published = article.published.isoformat() if article.published else None
    return {
        **event.to_dict(),
        "article_id": article.id,
        "day": event_day(event.date, article.published),
        "article_title": article.title,
        "article_published": published,
        "article_url": article.url,
        "article_source": article.source,
    }


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    article_id=st.text(min_size=1),
    text=st.text(),
    events=st.lists(_event, max_size=4, unique_by=lambda event: event.id),
)
def test_events_round_trip(article_id: str, text: str, events: list[Event]) -> None:
    article = Article(id=article_id, text=text, title=text or None)
    with open_store(":memory:") as store:
        summary = store.write_batch([CodedArticle(article=article, events=tuple(events))])
        assert summary.failed == []
        rows = store.query_events(limit=10)
        stored = store.get_article(article_id)
        again = store.write_batch([CodedArticle(article=article, events=tuple(events))])
    by_id = {row["id"]: row for row in rows}
    assert by_id == {event.id: _expected(event, article) for event in events}
    assert stored is not None and stored["text"] == text and stored["id"] == article_id
    assert again.articles_unchanged == 1


def test_hostile_strings_are_stored_verbatim(store: EventStore) -> None:
    events = []
    for number, hostile in enumerate(HOSTILE):
        actor = Actor(code="USA" + hostile, country="USA", name=hostile)
        source = ActorMention(hostile, 0, len(hostile), actor)
        place = Place(hostile, hostile, hostile, admin1=hostile)
        made = event(f"{hostile}#{number}", cameo_label=hostile, date_text=hostile, location=place)
        events.append(dataclasses.replace(made, source=source, evidence=evidence(sentence=hostile)))
    article_id = HOSTILE[0]
    written = coded(article_id, *events, text=" ".join(HOSTILE))
    summary = store.write_batch([written])
    assert summary.failed == []
    rows = {row["id"]: row for row in store.query_events()}
    assert rows == {item.id: _expected(item, written.article) for item in events}
    stored = store.get_article(article_id)
    assert stored is not None and stored["text"] == " ".join(HOSTILE)
    assert store.count_events() == len(HOSTILE)
    assert store.count_articles() == 1


def test_nul_characters_round_trip_on_sqlite_and_fail_cleanly_on_postgresql(
    store: EventStore, store_url: str
) -> None:
    nul = "before \x00 after"
    store.write_batch([coded("kept", event("e0"))])
    made = dataclasses.replace(event("e1", cameo_label=nul), evidence=evidence(sentence=nul))
    written = coded("a1", made, text=nul)
    summary = store.write_batch([written])
    if is_postgres(
        store_url
    ):  # PostgreSQL text cannot hold NUL: the article is refused, nothing half-written
        assert summary.articles_written == 0
        assert summary.failed == [
            ("a1", "article not written: PostgreSQL text fields cannot contain NUL (0x00) bytes")
        ]
        assert store.get_article("a1") is None
        assert store.count_events() == 1
    else:
        assert summary.failed == []
        assert store.get_event("e1") == {
            **_expected(made, written.article),
            "mention_list": [made.evidence.to_dict()],
        }


def test_hostile_filter_values_match_nothing_and_harm_nothing(store: EventStore) -> None:
    store.write_batch([coded("a1", event("e1"))])
    assert store.query_events(actor=HOSTILE[0]) == []
    assert store.query_events(country=HOSTILE[1]) == []
    assert store.query_events(dyad="X'; DROP TABLE events;-USA") == []
    assert store.get_article(HOSTILE[0]) is None
    assert store.count_events() == 1


def test_actor_without_optional_fields_round_trips(store: EventStore) -> None:
    bare = ActorMention("them", 3, 7, Actor(code="IGO"))
    item = dataclasses.replace(event("e1", target=None), source=bare, location=None, plover=None)
    written = coded("a1", item)
    store.write_batch([written])
    assert store.query_events() == [_expected(item, written.article)]
