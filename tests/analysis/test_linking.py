"""The pairwise rule, the linking features and the near-duplicate detection, on hand-made rows."""

from __future__ import annotations

from typing import Any

from detente.analysis.features import link_features, type_family
from detente.analysis.linking import compatible, same_event
from detente.analysis.syndication import NEAR_DUPLICATE, outlet, signature, similarity

STORY = (
    "Rescue teams searched through the rubble on Sunday after a strong earthquake struck the mountain "
    "region overnight, officials said, adding that roads to several villages were still cut off and that "
    "aid convoys were waiting for the bridges to be checked by engineers before they could move on."
)


def _row(event_id: str, **fields: Any) -> dict[str, Any]:
    row = {
        "id": event_id,
        "article_id": f"a-{event_id}",
        "source_country": "USA",
        "source_code": "USAGOV",
        "target_country": "CHN",
        "target_code": "CHNGOV",
        "reciprocal": 0,
        "cameo": "042",
        "status": "occurred",
        "date": "2024-05-07",
        "date_source": "text",
        "day": "2024-05-07",
        "location_country": None,
        "location_name": None,
        "evidence_trigger": "visited",
        "evidence_sentence": "The US secretary visited Beijing for talks on trade.",
        "article_published": "2024-05-08",
    }
    row.update(fields)
    return row


def test_a_month_date_overlaps_the_days_in_it() -> None:
    day = link_features(_row("e1"))
    month = link_features(_row("e2", date="2024-05", evidence_trigger="visit"))
    june = link_features(_row("e3", date="2024-06"))
    assert compatible(day, month) and not compatible(day, june)


def test_an_undated_report_covers_the_days_before_its_publication() -> None:
    undated = link_features(_row("e1", date=None, day="2024-05-08"))
    assert (undated.day_lo, undated.day_hi) == ("2024-05-06", "2024-05-08")
    assert compatible(undated, link_features(_row("e2")))
    assert not compatible(undated, link_features(_row("e3", date="2024-05-01")))


def test_families_join_related_roots_and_sides_must_agree() -> None:
    assert type_family("183")[0] == type_family("190")[0] == type_family("202")[0]
    assert type_family("040") != type_family("111")
    one_side = link_features(_row("e1", target_country=None, target_code=None))
    assert same_event(one_side, link_features(_row("e2")))
    other_pair = link_features(_row("e3", target_country="RUS", target_code="RUSGOV"))
    assert not compatible(link_features(_row("e2")), other_pair)


def test_direction_matters_unless_the_family_is_symmetric() -> None:
    accuse = {"cameo": "112", "evidence_trigger": "accused"}
    forward = link_features(_row("e1", **accuse))
    backward = link_features(
        _row(
            "e2",
            source_country="CHN",
            source_code="CHNGOV",
            target_country="USA",
            target_code="USAGOV",
            **accuse,
        )
    )
    assert not compatible(forward, backward)
    meet = link_features(_row("e3", source_country="CHN", target_country="USA"))
    assert compatible(link_features(_row("e4")), meet)


def test_places_in_different_countries_are_different_events() -> None:
    here = link_features(_row("e1", location_country="CHE"))
    assert not compatible(here, link_features(_row("e2", location_country="AUT")))


def test_plans_and_occurrences_are_not_merged() -> None:
    assert not same_event(link_features(_row("e1")), link_features(_row("e2", status="planned")))


def test_near_duplicates_and_different_stories() -> None:
    copy = "ANKARA (AP) - " + STORY + " Reporting by the AP."  # a dateline and a byline added
    other = (
        "The central bank raised interest rates by half a point on Thursday, its third increase this year, "
        "and signalled that more rises could follow if prices keep climbing faster than wages."
    )
    assert similarity(signature(STORY), signature(copy)) >= NEAR_DUPLICATE
    assert similarity(signature(STORY), signature(other)) < 0.2
    assert signature(STORY) == signature(STORY)


def test_outlet_is_the_source_else_the_host() -> None:
    assert outlet("Reuters", "https://example.com/x") == "reuters"
    assert outlet(None, "https://www.bbc.co.uk/news/1") == "bbc.co.uk"
    assert outlet(None, None) is None
