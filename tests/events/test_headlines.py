"""Headline-style snippets and fragments code like sentences, on texts written for these tests.

A text that is only a headline is not an article's heading (headings of full articles are skipped: see
test_extract_phenomena.test_headline_and_dateline_code_nothing).
"""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _coded(coder, text):
    coded = coder.code_text(text, published=DAY)
    triples = set()
    for e in coded.events:
        if e.status == "occurred":
            source = e.source.actor.country if e.source else None
            target = e.target.actor.country if e.target else None
            triples.add((source, e.cameo[:2], target))
            if e.reciprocal:
                triples.add((target, e.cameo[:2], source))
    return triples, coded


@pytest.mark.parametrize(
    ("text", "expected", "why"),
    [
        ("Finland expels Belarusian diplomats", ("FIN", "16", "BLR"), "a present-tense headline"),
        ("Chile, Peru hold talks on fishing rights", ("CHL", "04", "PER"), "a list without 'and'"),
        (
            "and Thai police arrested two Cambodian activists in Bangkok, officials said.",
            ("THA", "17", "KHM"),
            "a snippet that starts mid-sentence",
        ),
    ],
)
def test_headline_codes(coder, text, expected, why):
    triples, _ = _coded(coder, text)
    assert expected in triples, f"{why}: got {sorted(triples, key=str)}"


def test_headline_infinitive_is_planned(coder):
    """ "X to do Y" in a headline announces Y: planned, not done."""
    _, coded = _coded(coder, "Chile to send troops to Peru")
    sends = [e for e in coded.events if e.source and e.source.actor.country == "CHL"]
    assert sends and all(e.status != "occurred" or not e.cameo.startswith("15") for e in sends), sends


def test_same_actor_named_twice_is_not_a_list(coder):
    """ "The Chilean President, Gabriel Boric, ..." is one side, not two."""
    triples, _ = _coded(coder, "The Chilean President, Gabriel Boric, met the Peruvian president in Lima.")
    assert ("CHL", "04", "PER") in triples and not any(s == t for s, _, t in triples), triples


def test_topic_of_a_warning_is_not_an_act(coder):
    """ "warns X over sanctions": the sanctions are what the warning is about, not the warner's act."""
    triples, _ = _coded(coder, "Venezuela warns Colombia over sanctions")
    assert ("VEN", "13", "COL") in triples and not [t for t in triples if t[1] == "16"], triples
