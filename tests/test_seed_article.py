"""Acceptance: the seed article yields the twelve events of its expectations file (M1-M12), none forbidden.

The expectations (``../shared/corpus/000_6f473dc2bc7afc00.expected.md``) give, for each event, the actors'
countries and sectors, the CAMEO root(s) and the status. No rule in detente is written for these sentences;
this test only checks the outcome.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
SEED = SHARED / "corpus" / "000_6f473dc2bc7afc00.txt"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")]

# (label, source (country, sector|None), target (country, sector|None) or None, roots, status, reciprocal ok)
EXPECTED = [
    ("M1 Blinken visits China (planned)", ("USA", "GOV"), ("CHN", None), {"04"}, "planned"),
    ("M2 Qin-Blinken phone call", ("CHN", "GOV"), ("USA", "GOV"), {"04"}, "occurred"),
    ("M3 Qin blames the US", ("CHN", "GOV"), ("USA", None), {"11"}, "occurred"),
    ("M4 the Asian giant accuses the US", ("CHN", None), ("USA", None), {"11"}, "occurred"),
    ("M5 Qin demands the US stop interfering", ("CHN", "GOV"), ("USA", None), {"10"}, "occurred"),
    ("M6 Biden and Xi meet at the G20", ("USA", "GOV"), ("CHN", "GOV"), {"04"}, "occurred"),
    ("M7 the two leaders agree to cooperate", ("USA", "GOV"), ("CHN", "GOV"), {"03", "05"}, "occurred"),
    ("M8 US authorities accuse China of spying", ("USA", "GOV"), ("CHN", None), {"11"}, "occurred"),
    ("M9 Sullivan and Wang Yi meet in Vienna", ("USA", "GOV"), ("CHN", "GOV"), {"04"}, "occurred"),
    ("M10 China hopes the US will work with it", ("CHN", "GOV"), ("USA", None), {"02", "03"}, "occurred"),
    ("M11 Pompeo visited China in 2018", ("USA", "GOV"), ("CHN", None), {"04"}, "occurred"),
    ("M12 Blinken's visit postponed", ("USA", "GOV"), ("CHN", None), {"04"}, "cancelled"),
]
RECIPROCAL = {"M2", "M6", "M7", "M9"}


@pytest.fixture(scope="module")
def coded():
    from detente.ingest import read_inputs
    from detente.pipeline import get_coder

    items = list(read_inputs([SEED], published=dt.date(2023, 6, 14)))
    return next(iter(get_coder().code(items)))


def _side_ok(actor: dict | None, want: tuple[str, str | None] | None) -> bool:
    if want is None:
        return True
    if actor is None or actor["country"] != want[0]:
        return False
    return want[1] is None or actor["sector"] == want[1]


def _matches(event: dict, label: str, source, target, roots, status) -> bool:
    if event["cameo"][:2] not in roots or event["status"] != status:
        return False
    forward = _side_ok(event["source"], source) and _side_ok(event["target"], target)
    if forward:
        return True
    if label.split()[0] in RECIPROCAL:
        return _side_ok(event["source"], target) and _side_ok(event["target"], source)
    return False


@pytest.mark.parametrize(
    ("label", "source", "target", "roots", "status"), EXPECTED, ids=[e[0] for e in EXPECTED]
)
def test_expected_event_is_found(coded, label, source, target, roots, status):
    events = coded.to_dict()["events"]
    found = [e for e in events if _matches(e, label, source, target, roots, status)]
    summary = [
        (
            e["source"] and e["source"]["code"],
            e["cameo"],
            e["target"] and e["target"]["code"],
            e["status"],
            e["evidence"]["trigger"],
        )
        for e in events
    ]
    assert found, f"{label} not found among {summary}"


def test_the_article_is_coded(coded):
    assert coded.error is None, coded.error


def test_event_ids_are_unique(coded):
    ids = [event.id for event in coded.events]
    assert len(ids) == len(set(ids))


def test_planned_visit_is_one_event_with_two_mentions(coded):
    visits = [
        e
        for e in coded.events
        if e.cameo.startswith("04")
        and e.status == "planned"
        and e.source
        and e.source.actor.country == "USA"
        and e.target
        and e.target.actor.country == "CHN"
        and e.cameo == "042"
    ]
    assert visits and max(len(e.mentions) for e in visits) >= 2


@pytest.mark.parametrize(
    "fragment",
    [
        "Bilateral relations remain tense",
        "China considers Taiwan",
        "calculation errors",
        "First since 2018",
        "source site-59",
    ],
)
def test_forbidden_sentences_yield_no_usa_chn_event(coded, fragment):
    for event in coded.events:
        pair = {event.source and event.source.actor.country, event.target and event.target.actor.country}
        for evidence in event.mentions:
            if fragment in evidence.sentence:
                assert pair != {"USA", "CHN"}, f"{event.cameo} coded from {evidence.sentence!r}"


def test_evidence_offsets_slice_the_article_text(coded):
    text = coded.article.text
    for event in coded.events:
        for evidence in event.mentions:
            assert text[evidence.start : evidence.end].strip() == evidence.sentence
            assert text[evidence.trigger_start : evidence.trigger_end] == evidence.trigger
        for side in (event.source, event.target):
            if side is not None:
                assert text[side.start : side.end] == side.text
