"""Events named by nouns, and one act told by a verb and its noun, on sentences written for these tests.

Each case says the rule it checks. Triples are (source country, CAMEO code prefix, target country); ``None``
means any actor on that side. Only events that occurred are looked at.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .triples import assert_coded, assert_not_coded, occurred

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)

CODED = [
    (
        "Turkey's expulsion of nine Swedish diplomats angered Stockholm.",
        ("TUR", "161", "SWE"),
        "the possessor of an event noun is its source; expelling diplomats reduces relations",
    ),
    (
        "Egypt launched a mediation effort between Ethiopia and Sudan.",
        ("EGY", "045", "ETH"),
        "a noun carried by 'effort' is the event; 'between X and Y' of a mediation are the mediated parties",
    ),
    (
        "Pakistani jets carried out air strikes on Afghanistan.",
        ("PAK", "195", "AFG"),
        "the subject of the verb that carries the noun is the source; 'air' makes the strike aerial",
    ),
    (
        "Chilean students held a march towards the parliament in Santiago.",
        ("CHL", "141", "CHL"),
        "a march carried by a light verb takes the verb's subject",
    ),
    (
        "Fighting between Sudan and South Sudan broke out on the border.",
        ("SDN", "19", "SSD"),
        "'between X and Y' of a fight is two-sided",
    ),
    (
        "Militants in Mali staged a series of attacks on French troops.",
        (None, "19", "FRA"),
        "'a series of' carries the event noun: the light verb's subject reaches it",
    ),
    (
        "The Georgian opposition leader launched a scathing attack on the Georgian government's budget.",
        ("GEO", "111", None),
        "a verbal attack is criticism, not force",
    ),
]

NOT_CODED = [
    (
        "French musicians released a protest song about Germany.",
        "14",
        "an event noun that modifies another noun names a kind of thing ('a protest song')",
    ),
    (
        "Russian pilots tested a new attack helicopter near Ukraine.",
        "19",
        "'attack helicopter' is a helicopter",
    ),
    (
        "Japanese traders watched the strike price of the Chinese bond.",
        "14",
        "'strike price' is a price",
    ),
    (
        "The German minister's attack on the problem of inflation won praise in France.",
        "19",
        "an attack on a problem is no use of force",
    ),
    (
        "Indian dockers in Mumbai joined a strike over pay.",
        "19",
        "a strike over pay is a labour strike",
    ),
]


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


@pytest.mark.parametrize(("sentence", "expected", "why"), CODED, ids=[c[0][:40] for c in CODED])
def test_nominal_event_is_coded(coder, sentence, expected, why):
    assert_coded(coder, sentence, expected, why, DAY)


@pytest.mark.parametrize(("sentence", "root", "why"), NOT_CODED, ids=[c[0][:40] for c in NOT_CODED])
def test_no_false_alarm(coder, sentence, root, why):
    assert_not_coded(coder, sentence, root, why, DAY)


@pytest.mark.parametrize(
    "sentence",
    [
        "Syrian jets struck Idlib in an air strike on Sunday.",  # the noun is the verb's context
        "A Turkish drone strike on Kurdish rebels in Iraq killed four.",  # the noun is the verb's subject
        "Russia struck Odesa in a strike that killed six.",  # a strike told with a verb of force
    ],
)
def test_verb_and_its_noun_are_one_act(coder, sentence):
    """One physical event told by a verb and its noun is one event, with the more specific code."""
    events = [e for e in occurred(coder.code_text(sentence, published=DAY)) if e.cameo[:2] in ("14", "19")]
    codes = sorted(e.cameo for e in events)
    assert len(events) == 1 and events[0].cameo.startswith("19"), codes
    assert "+" in events[0].evidence.rule, "the folded event names both lines that produced it"


def test_different_acts_in_one_sentence_stay_apart(coder):
    """A cause is not a restatement: the border closing and the fighting are two events."""
    coded = coder.code_text(
        "Armenia closed its border with Turkey because of fighting between Azerbaijan and Armenia.",
        published=DAY,
    )
    codes = sorted(e.cameo for e in occurred(coded))
    assert "190" in codes and any(c.startswith("19") and c != "190" for c in codes), codes


def test_asked_to_stop_is_an_appeal_not_a_negated_act(coder):
    """'urged X to stop doing Y' is an appeal to X; the embedded 'stop doing Y' is not a negated Y."""
    coded = coder.code_text("The EU urged Belarus to stop jailing Belarusian journalists.", published=DAY)
    found = [(e.cameo, e.status) for e in coded.events]
    assert any(c.startswith("02") and st == "occurred" for c, st in found), found
    assert not [e for e in coded.events if e.status == "negated"], found
