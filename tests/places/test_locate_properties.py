"""Properties of locating events: arbitrary Unicode never makes the places stage raise.

The texts mix news sentences that name places (so that the stage has work to do) with arbitrary Unicode;
the stage is called directly (the coder would turn an exception into a ``coding_failed`` record), also on
events whose evidence offsets point anywhere, and the gazetteer is asked for arbitrary names.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import make_article

pytestmark = pytest.mark.slow

SENTENCES = [
    "Russian forces launched missile strikes on Kharkiv overnight.",
    "The foreign ministers of Japan and South Korea met in Seoul.",
    "Ukrainian President Volodymyr Zelensky visited Warsaw on Tuesday.",
    "Houthi rebels attacked a British ship off the coast of Yemen.",
    "Police arrested protesters in Paris, Texas, on Saturday.",
    "During the talks, the two sides agreed to cooperate.",
]
random_text = st.text(st.characters(codec="utf-8"), max_size=80)
pieces = st.one_of(st.sampled_from(SENTENCES), random_text)
texts = st.builds(" ".join, st.lists(pieces, min_size=1, max_size=6))
offsets = st.tuples(st.integers(-5, 2000), st.integers(-5, 2000))
DAY = dt.date(2024, 3, 4)


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _stage(coder, text: str):
    try:
        article = make_article(text, origin="<hypothesis>")
    except InputError:
        return None
    doc = coder.nlp(article.text)
    actors = coder.resolver.resolve(doc, published=DAY)
    events = tuple(coder.extractor.extract(doc, actors, article))
    return article, doc, actors, events


@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(texts, st.lists(offsets, max_size=4))
def test_arbitrary_text_never_makes_locate_events_raise(coder, text, bad_offsets):
    from detente.places import locate_events

    staged = _stage(coder, text)
    if staged is None:
        return
    article, doc, actors, events = staged
    located = locate_events(events, doc, actors, article)
    assert len(located) == len(events)
    for event in located:
        if event.location is not None and event.location.start >= 0:
            assert article.text[event.location.start : event.location.end] == event.location.text
    if events:
        moved = tuple(
            dataclasses.replace(
                events[i % len(events)],
                evidence=dataclasses.replace(
                    events[i % len(events)].evidence, trigger_start=a, trigger_end=b
                ),
            )
            for i, (a, b) in enumerate(bad_offsets)
        )
        assert len(locate_events(moved, doc, actors, article)) == len(moved)


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(st.characters(codec="utf-8"), max_size=40), st.sets(st.sampled_from(["USA", "CHN", "AUT"])))
def test_the_gazetteer_takes_any_name(name, countries):
    from detente.places import load_gazetteer

    entry = load_gazetteer().resolve(name, event_countries=countries, article_countries=countries)
    assert entry is None or entry.name
