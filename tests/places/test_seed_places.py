"""Acceptance: the seed article's events get the places of its expectations file.

``../shared/corpus/000_6f473dc2bc7afc00.expected.md``: M9 (Sullivan and Wang Yi meet) in Vienna, Austria
(48.21 N, 16.37 E); M6 and M7 (Biden and Xi meet and agree, at the G20 summit) in Indonesia; M1, M11 and
M12 (visits to China) in China. Events are found as ``tests/test_seed_article.py`` finds them: by CAMEO root,
status and the actors' countries and sectors. No rule in detente is written for these sentences.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "corpus" / "000_6f473dc2bc7afc00.txt"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")]

# (label, source (country, sector|None), target (country, sector|None), roots, status, reciprocal ok, place)
EXPECTED = [
    ("M1 Blinken visits China", ("USA", "GOV"), ("CHN", None), {"04"}, "planned", False, ("CHN", None)),
    (
        "M6 Biden and Xi meet at the G20",
        ("USA", "GOV"),
        ("CHN", "GOV"),
        {"04"},
        "occurred",
        True,
        ("IDN", None),
    ),
    (
        "M7 the two leaders agree",
        ("USA", "GOV"),
        ("CHN", "GOV"),
        {"03", "05"},
        "occurred",
        True,
        ("IDN", None),
    ),
    (
        "M9 Sullivan and Wang Yi in Vienna",
        ("USA", "GOV"),
        ("CHN", "GOV"),
        {"04"},
        "occurred",
        True,
        ("AUT", "city"),
    ),
    ("M11 Pompeo visited China", ("USA", "GOV"), ("CHN", None), {"04"}, "occurred", False, ("CHN", None)),
    (
        "M12 Blinken's visit postponed",
        ("USA", "GOV"),
        ("CHN", None),
        {"04"},
        "cancelled",
        False,
        ("CHN", None),
    ),
]


@pytest.fixture(scope="module")
def events():
    from detente.ingest import read_inputs
    from detente.pipeline import get_coder

    items = list(read_inputs([SEED], published=dt.date(2023, 6, 14)))
    return next(iter(get_coder().code(items))).to_dict()["events"]


def _side_ok(actor: dict | None, want: tuple[str, str | None]) -> bool:
    if actor is None or actor["country"] != want[0]:
        return False
    return want[1] is None or actor["sector"] == want[1]


def _matches(event: dict, source, target, roots, status, reciprocal) -> bool:
    if event["cameo"][:2] not in roots or event["status"] != status:
        return False
    if _side_ok(event["source"], source) and _side_ok(event["target"], target):
        return True
    return reciprocal and _side_ok(event["source"], target) and _side_ok(event["target"], source)


@pytest.mark.parametrize(
    ("label", "source", "target", "roots", "status", "reciprocal", "place"),
    EXPECTED,
    ids=[e[0] for e in EXPECTED],
)
def test_expected_place(events, label, source, target, roots, status, reciprocal, place):
    found = [e for e in events if _matches(e, source, target, roots, status, reciprocal)]
    assert found, f"{label}: event not found"
    country, feature = place
    located = [e["location"] for e in found if e["location"] and e["location"]["country"] == country]
    assert located, f"{label}: places {[e['location'] for e in found]}"
    assert feature is None or any(p["feature"] == feature for p in located)


def test_vienna_has_its_coordinates(events):
    vienna = [e["location"] for e in events if e["location"] and e["location"]["name"] == "Vienna"]
    assert vienna
    place = vienna[0]
    assert (place["country"], place["feature"]) == ("AUT", "city")
    assert abs(place["lat"] - 48.21) < 0.05 and abs(place["lon"] - 16.37) < 0.05


def test_visits_to_china_are_in_the_country(events):
    visits = [e for e in events if e["cameo"] == "042" and e["target"] and e["target"]["country"] == "CHN"]
    assert len(visits) >= 3
    for visit in visits:
        assert visit["location"] is not None
        assert (visit["location"]["name"], visit["location"]["feature"]) == ("China", "country")
        assert visit["location"]["lat"] is not None


def test_no_place_from_descriptors_dates_or_the_dateline(events):
    """ "Chinese Foreign Minister Qin Gang told Blinken in a phone call on Wednesday": no place; neither
    does the "(Washington)" dateline place the events of the lead, nor "the South China Sea" of the
    background sentence place anything."""
    for event in events:
        location = event["location"]
        if location is None:
            continue
        assert location["name"] not in ("Washington", "South China Sea", "Taiwan"), event["evidence"][
            "sentence"
        ]
    calls = [e for e in events if e["cameo"] in ("040", "041") and e["evidence"]["trigger"] == "call"]
    assert calls and all(e["location"] is None for e in calls)
