"""Phenomena the extractor must handle, on sentences written for these tests (none from gold data).

Each case says why it is coded the way it is. Triples are (source country, CAMEO root, target country,
status); ``None`` means any actor on that side.
"""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)

CASES = [
    # (sentence, expected triple, why)
    (
        "Washington accused Beijing of hacking government computers.",
        ("USA", "11", "CHN", "occurred"),
        "a capital stands for its government",
    ),
    (
        "India expelled a Canadian diplomat on Tuesday.",
        ("IND", "16", "CAN", "occurred"),
        "expelling diplomats reduces relations; the diplomat's country is the target",
    ),
    (
        "Brazil and Argentina signed a trade agreement in Buenos Aires.",
        ("BRA", "05", "ARG", "occurred"),
        "a coordinated subject of a symmetric act: each with the other, not with the city",
    ),
    (
        "The talks between Armenia and Azerbaijan were postponed.",
        ("ARM", "04", "AZE", "cancelled"),
        "'between X and Y' is two-sided; a postponed meeting is cancelled, not held",
    ),
    (
        "The Indian foreign minister did not meet his Pakistani counterpart in Goa.",
        ("IND", "04", "PAK", "negated"),
        "negation",
    ),
    (
        "The Japanese prime minister spoke with the Indian prime minister by phone on Monday.",
        ("JPN", "04", "IND", "occurred"),
        "'spoke with X' is a conversation, by phone a phone call (041); plain 'spoke' is no event",
    ),
    (
        "French President Emmanuel Macron will travel to Beijing next week.",
        ("FRA", "04", "CHN", "planned"),
        "a scheduled trip is planned, not a trip",
    ),
    (
        "Germany pledged 500 million euros in aid to Ukraine.",
        ("DEU", "03", "UKR", "occurred"),
        "a pledge is an intent; the recipient sits inside the object phrase",
    ),
    (
        "The Kremlin warned NATO against sending troops to Ukraine.",
        ("RUS", "13", "IGO", "occurred"),
        "a warning is a threat; the Kremlin is Russia's government",
    ),
    (
        "Georgian demonstrators received weapons from the Georgian government.",
        ("GEO", "07", "GEO", "occurred"),
        "receiving turns the roles round: the giver is the source",
    ),
    (
        "Japan lodged a protest with China over the detention of a Japanese citizen.",
        ("JPN", "11", "CHN", "occurred"),
        "an official protest by a government is a complaint (114), not a demonstration",
    ),
    (
        "Syria says it is willing to withdraw its troops from Lebanon.",
        ("SYR", "03", "LBN", "occurred"),
        "a stated readiness to yield is an intent (03); 'it' is Syria",
    ),
    (
        "Colombian rebels said they would release the hostages.",
        ("COL", "03", None, "occurred"),
        "'said they would' is a future in the past: a promise",
    ),
    (
        "Iran rejected a Saudi proposal to hold talks.",
        ("IRN", "12", "SAU", "occurred"),
        "rejecting a proposal is a rejection, the proposer's country is the target",
    ),
    (
        "Israeli warplanes struck targets in Gaza overnight.",
        ("ISR", "19", "PSE", "occurred"),
        "force used in a place targets that place's country",
    ),
    (
        "Turkey deployed additional troops to its border with Syria.",
        ("TUR", "15", "SYR", "occurred"),
        "troops sent somewhere are the instrument; the place's country is the target",
    ),
    (
        "Japan sent 50 tonnes of humanitarian aid to earthquake-hit Turkey.",
        ("JPN", "07", "TUR", "occurred"),
        "a quantity of goods is the goods",
    ),
    (
        "Canada suspended its military cooperation with Saudi Arabia.",
        ("CAN", "16", "SAU", "occurred"),
        "ending cooperation reduces relations",
    ),
    (
        "Greek police used tear gas against protesters in Athens.",
        ("GRC", "17", "GRC", "occurred"),
        "tear gas is repression, not chemical warfare",
    ),
    (
        "China hopes that the United States will work with China to manage differences.",
        ("CHN", "02", "USA", "occurred"),
        "a hope that another will act is an appeal to it",
    ),
]


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _triples(coded):
    out = set()
    for event in coded.events:
        source = event.source.actor.country if event.source else None
        target = event.target.actor.country if event.target else None
        out.add((source, event.cameo[:2], target, event.status))
        if event.reciprocal:
            out.add((target, event.cameo[:2], source, event.status))
    return out


@pytest.mark.parametrize(("sentence", "expected", "why"), CASES, ids=[c[0][:40] for c in CASES])
def test_phenomenon(coder, sentence, expected, why):
    coded = coder.code_text(sentence, published=DAY)
    triples = _triples(coded)
    source, root, target, status = expected
    matching = [
        t
        for t in triples
        if t[1] == root
        and t[3] == status
        and (source is None or t[0] == source)
        and (target is None or t[2] == target)
    ]
    assert matching, f"{why}: wanted {expected}, got {sorted(triples, key=str)}"


def test_headline_and_dateline_code_nothing(coder):
    text = (
        "Russia threatens Ukraine\n\nKYIV, March 4 (Wire) - Officials met on Monday to discuss the harvest."
    )
    coded = coder.code_text(text, published=DAY)
    assert all(e.evidence.sentence.startswith("Officials") for e in coded.events)


def test_repeated_event_is_one_event_with_mentions(coder):
    text = (
        "Russia accused Ukraine of shelling the plant.\n\n"
        "Later on Monday, Russia again accused Ukraine of shelling it."
    )
    coded = coder.code_text(text, published=DAY)
    accusations = [e for e in coded.events if e.cameo.startswith("11")]
    assert len(accusations) == 1 and len(accusations[0].mentions) == 2
