"""Acceptance: the seed article's twelve events carry the dates of its expectations file.

``../shared/corpus/000_6f473dc2bc7afc00.expected.md`` lists, for M1-M12, the date each event must get (as a
TIMEX3 value starting with the listed prefix; M1 is the weekend of 2023-06-17/18; M4 may take the publication
date). Events are found as in ``tests/test_seed_article.py``: by CAMEO root, status and the actors' countries
and sectors, and here also by words of the evidence sentence of one of their mentions.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.timex.values import value_range

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "corpus" / "000_6f473dc2bc7afc00.txt"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")]

# (label, source (country, sector|None), target, roots, status, evidence words, date prefix)
EXPECTED = [
    ("M1", ("USA", "GOV"), ("CHN", None), {"04"}, "planned", "going to China this weekend", "2023-W24-WE"),
    ("M2", ("CHN", "GOV"), ("USA", "GOV"), {"04"}, "occurred", "in a phone call on Wednesday", "2023-06-14"),
    ("M3", ("CHN", "GOV"), ("USA", None), {"11"}, "occurred", "whose responsibility", "2023-06-14"),
    ("M4", ("CHN", None), ("USA", None), {"11"}, "occurred", "The Asian giant accuses", "2023-06-14"),
    ("M5", ("CHN", "GOV"), ("USA", None), {"10"}, "occurred", "stop interfering", "2023-06-14"),
    ("M6", ("USA", "GOV"), ("CHN", "GOV"), {"04"}, "occurred", "met at the G20 summit", "2022-11"),
    ("M7", ("USA", "GOV"), ("CHN", "GOV"), {"03", "05"}, "occurred", "had agreed to cooperate", "2022-11"),
    ("M8", ("USA", "GOV"), ("CHN", None), {"11"}, "occurred", "spy", "2023-02"),
    ("M9", ("USA", "GOV"), ("CHN", "GOV"), {"04"}, "occurred", "closed-door meeting", "2023-05"),
    ("M10", ("CHN", "GOV"), ("USA", None), {"02", "03"}, "occurred", "China hopes that", "2023-06-14"),
    ("M11", ("USA", "GOV"), ("CHN", None), {"04"}, "occurred", "traveled in October 2018", "2018-10"),
    ("M12", ("USA", "GOV"), ("CHN", None), {"04"}, "cancelled", "postponed in February", "2023-02"),
]
RECIPROCAL = {"M2", "M6", "M7", "M9"}


@pytest.fixture(scope="module")
def events():
    from detente.ingest import read_inputs
    from detente.pipeline import get_coder

    items = list(read_inputs([SEED], published=dt.date(2023, 6, 14)))
    coded = next(iter(get_coder().code(items)))
    assert coded.error is None, coded.error
    return coded.events


def _side_ok(mention, want) -> bool:
    if mention is None or mention.actor.country != want[0]:
        return False
    return want[1] is None or mention.actor.sector == want[1]


def _matches(event, label, source, target, roots, status, words) -> bool:
    if event.cameo[:2] not in roots or event.status != status:
        return False
    if not any(words in evidence.sentence for evidence in (event.evidence, *event.mentions)):
        return False
    if _side_ok(event.source, source) and _side_ok(event.target, target):
        return True
    return label in RECIPROCAL and _side_ok(event.source, target) and _side_ok(event.target, source)


@pytest.mark.parametrize(
    ("label", "source", "target", "roots", "status", "words", "prefix"),
    EXPECTED,
    ids=[e[0] for e in EXPECTED],
)
def test_event_date(events, label, source, target, roots, status, words, prefix):
    found = [e for e in events if _matches(e, label, source, target, roots, status, words)]
    assert found, f"{label} not found"
    dates = [(e.date, e.date_source, e.date_text) for e in found]
    assert any(e.date and e.date.startswith(prefix) for e in found), f"{label}: {dates}"


def test_the_planned_visit_is_the_weekend_after_publication(events):
    (visit,) = [e for e in events if e.cameo == "042" and e.status == "planned"]
    assert value_range(visit.date) == (dt.date(2023, 6, 17), dt.date(2023, 6, 18))
    assert (visit.date_text, visit.date_precision, visit.date_source) == ("this weekend", "weekend", "text")


def test_every_event_is_dated_with_its_source(events):
    for event in events:
        assert event.date and event.date_precision and event.date_source in ("text", "reference", "published")
        if event.date_source == "published":
            assert event.date == "2023-06-14" and event.date_text is None
        else:
            assert event.date_text
