"""Events that were lost because a side was not recognised: peoples named by a plural noun ("Turks",
"Croats", "Britons"), and leaders of the 1980s and 1990s or outside the G20 that old wire stories name.
Sentences written for these tests; triples are (source country, CAMEO prefix, target country).
"""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

OLD_NEWS = dt.date(1995, 6, 1)

CODED = [
    (
        "Hundreds of ethnic Turks began a hunger strike to protest against Germany's asylum law.",
        ("TUR", "14", "DEU"),
    ),
    ("Croats attacked a police station in the north of Bosnia.", ("HRV", "1", None)),
    ("Britons marched against the French nuclear tests.", ("GBR", "14", "FRA")),
    ("The Swiss government welcomed President Mitterrand's new proposal.", ("CHE", "05", "FRA")),
    ("The Japanese foreign ministry criticized Saddam Hussein's threats.", ("JPN", "11", "IRQ")),
    ("Rabin met Mubarak in Cairo to discuss the peace process.", ("ISR", "04", "EGY")),
]

NOT_ACTORS = [
    "A team of scientists reached the North Pole on Monday.",
    "Sharon bought a new car on Monday.",
]


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _triples(coded):
    out = set()
    for event in coded.events:
        if event.status != "occurred":
            continue
        source = event.source.actor.country if event.source else None
        target = event.target.actor.country if event.target else None
        out.add((source, event.cameo, target))
        if event.reciprocal:
            out.add((target, event.cameo, source))
    return out


@pytest.mark.parametrize(("sentence", "expected"), CODED, ids=[c[0][:40] for c in CODED])
def test_event_with_both_sides(coder, sentence, expected):
    source, code, target = expected
    triples = _triples(coder.code_text(sentence, published=OLD_NEWS))
    assert any(
        s == source and c.startswith(code) and (target is None or t == target) for s, c, t in triples
    ), triples


def test_a_plural_people_noun_is_its_country(coder):
    coded = coder.code_text("Czechs and Slovaks protested against the treaty.", published=OLD_NEWS)
    assert {e.source.actor.country for e in coded.events if e.source} >= {"CZE", "SVK"}


@pytest.mark.parametrize("sentence", NOT_ACTORS)
def test_no_event_without_a_political_act(coder, sentence):
    assert not coder.code_text(sentence, published=OLD_NEWS).events


PREPARED = [
    ("The Serbian army prepared to resume shelling the town of Vukovar.", ("SRB", "150")),
    ("Russian troops are preparing to attack the Ukrainian port of Odesa.", ("RUS", "150")),
]


@pytest.mark.parametrize(("sentence", "expected"), PREPARED, ids=[p[0][:40] for p in PREPARED])
def test_forces_readied_for_an_attack_are_a_force_posture(coder, sentence, expected):
    source, code = expected
    events = [e for e in coder.code_text(sentence, published=OLD_NEWS).events if e.status == "occurred"]
    assert any(e.source and e.source.actor.country == source and e.cameo == code for e in events), events
    assert not any(e.cameo.startswith("138") for e in events)


def test_an_announced_attack_stays_a_threat(coder):
    events = coder.code_text("Iran said it would attack Israel.", published=OLD_NEWS).events
    assert any(e.cameo.startswith("138") for e in events)
    assert not any(e.cameo.startswith("15") for e in events)
