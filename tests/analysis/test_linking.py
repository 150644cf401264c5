"""The pairwise rule, the linking features and the near-duplicate detection, on hand-made rows."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from detente.analysis.features import (
    NAMES_KEPT,
    LinkFeatures,
    article_day,
    article_names,
    link_features,
    type_family,
)
from detente.analysis.linking import (
    compatible,
    evidence_score,
    names_disjoint,
    numbers_conflict,
    same_action,
    same_event,
)
from detente.analysis.syndication import NEAR_DUPLICATE, outlet, signature, similarity
from detente.records import TimeExpression

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


def test_an_articles_day_is_the_first_full_date_it_states() -> None:
    times = [
        TimeExpression("May 3, 2013", 90, 101, "DATE", "2013-05-03", "day"),
        TimeExpression("2012", 10, 14, "DATE", "2012", "year"),  # a year, a month, a relative date: no day
        TimeExpression("last March", 20, 30, "DATE", "2013-03", "month"),
        TimeExpression("Friday", 40, 46, "DATE", "XXXX-WXX-5", "day"),
        TimeExpression("10pm", 50, 54, "TIME", "2013-05-01T22:00", "time"),
        TimeExpression("May 2, 2013", 60, 71, "DATE", "2013-05-02", "day"),
    ]
    assert article_day(times) == "2013-05-02"  # first in the text, not first in the list
    assert article_day(times[1:5]) is None and article_day([]) is None


def test_an_article_without_publication_day_is_dated_by_its_first_full_date() -> None:
    undated = {"date": None, "day": None, "article_published": None}
    stated = link_features(_row("e1", **undated, article_day="2024-05-07"))
    assert (stated.day_lo, stated.day_hi, stated.text_dated) == ("2024-05-05", "2024-05-07", False)
    assert compatible(stated, link_features(_row("e2")))  # a report dated 7 May by its own sentence
    assert not compatible(stated, link_features(_row("e3", date="2024-06-02")))
    # the publication day comes first, and an event's own date before both
    published = link_features(_row("e4", date=None, article_published="2024-06-02", article_day="2024-05-07"))
    assert published.day_hi == "2024-06-02"
    assert link_features(_row("e5", article_day="2024-01-01")).day_lo == "2024-05-07"
    # with neither, the report is undated
    assert link_features(_row("e6", **undated)).day_lo is None


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


def test_the_numbers_a_sentence_states() -> None:
    row = _row(
        "e1",
        evidence_sentence="Troops seized twenty-three boats, 1,200 rifles and 3.50 tonnes of fuel in 2011; "
        "one officer and a sailor were hurt.",
    )
    # digits (no thousands separators, decimals kept), hyphenated number words; "one" and "a" are no count
    assert link_features(row).numbers == ("1200", "2011", "23", "3.5")
    assert link_features(_row("e2")).numbers == ()
    identifiers = _row("e3", evidence_sentence="See story 20100505 - 268325 on the site.")
    assert link_features(identifiers).numbers == ()  # long digit runs with no separator are ids


def _capture(event_id: str, sentence: str, **fields: Any) -> LinkFeatures:
    capture = {"cameo": "173", "evidence_trigger": "captured"}
    capture |= {"target_country": "SOM", "target_code": "SOMCRM"}
    return link_features(_row(event_id, evidence_sentence=sentence, **{**capture, **fields}))


def test_conflicting_numbers_keep_two_reports_apart() -> None:
    first = _capture("e1", "The navy captured 23 pirates after a gun battle in the gulf.")
    again = _capture("e2", "Sailors captured 23 pirates in the gulf after a gun battle.")
    other = _capture("e3", "The navy captured 26 pirates after a gun battle in the gulf.")
    silent = _capture("e4", "The navy captured pirates after a gun battle in the gulf.")
    assert same_event(first, again) and not same_event(first, other)
    assert numbers_conflict(first, other) and not numbers_conflict(first, silent)
    assert same_event(first, silent) and same_event(other, silent)  # a sentence with no number says nothing
    # years are compared with years, counts with counts
    in_2008 = _capture("e5", "The navy captured 23 pirates in 2008 after a gun battle in the gulf.")
    in_2011 = _capture("e6", "The navy captured pirates in 2011 after a gun battle in the gulf.")
    assert same_event(first, in_2008) and same_event(first, in_2011) and not same_event(in_2008, in_2011)


def test_reports_must_name_the_same_action() -> None:
    sentence = "Navy commandos stormed the ship and the pirates were taken near the port."
    capture = _capture("e1", sentence)
    seizure = _capture("e2", sentence, cameo="171", evidence_trigger="took")  # same family, another action
    assert compatible(capture, seizure) and not same_action(capture, seizure)
    assert not same_event(capture, seizure)
    fight = {"cameo": "190", "evidence_trigger": "attacked", "evidence_sentence": "Jets attacked the depot."}
    airstrike = {"cameo": "195", "evidence_trigger": "bombed", "evidence_sentence": "Jets bombed the depot."}
    # 190 is the root's unspecified code: a 195 refines it; 1711 refines 171
    assert same_action(link_features(_row("e3", **fight)), link_features(_row("e4", **airstrike)))
    assert same_action(seizure, _capture("e5", sentence, cameo="1711", evidence_trigger="confiscated"))
    assert not same_action(_capture("e6", sentence, cameo="172"), seizure)


def test_evidence_is_symmetric() -> None:
    reports = [
        _capture("e1", "The navy captured 23 pirates after a gun battle in the gulf."),
        _capture("e2", "The navy captured 26 pirates after a gun battle in the gulf.", location_name="Aden"),
        _capture("e3", "Twelve pirates were captured.", cameo="171", evidence_trigger="seized"),
        link_features(_row("e4")),
        link_features(_row("e5", evidence_trigger="visit", date="2024-05")),
        _killing("e6", "Shots in Harwick."),
        _killing("e7", "Shots in Lowmere."),
        _killing("e8", ""),
    ]
    for a in reports:
        for b in reports:
            assert evidence_score(a, b) == evidence_score(b, a)
            assert same_event(a, b) == same_event(b, a)


def _hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest())


def test_an_articles_distinctive_names() -> None:
    text = (
        "Police said a gunman shot dead a shopkeeper in Harwick on Friday. Residents of Harwick and the "
        "nearby Bellmoor estate told the Daily Courier that the shop, owned by Amir Castellan, had been "
        "robbed in March. French and Indian tourists were in the street.\n\nCastellan was 54."
    )
    # capitalized words not first in their sentence, three letters or more, not stopwords; country names and
    # adjectives (French, Indian), weekdays and months (Friday, March) are left out; "Police" and "Residents"
    # open their sentences, "Castellan" counts where it does not
    expected = {"harwick", "bellmoor", "daily", "courier", "amir", "castellan"}
    assert article_names(text) == tuple(sorted(_hash(word) for word in expected))  # stable, not hash()
    assert article_names("the talks ended. nothing was said.") == ()


def test_an_article_keeps_its_most_frequent_names() -> None:
    rare = " ".join(f"Then came Visitor{chr(97 + i)}z." for i in range(NAMES_KEPT))
    text = "It was Farrow and Farrow again, with Quill. " + rare
    names = article_names(text)
    assert len(names) == NAMES_KEPT
    assert _hash("farrow") in names and _hash("quill") in names  # most frequent first, then earliest
    assert _hash(f"visitor{chr(97 + NAMES_KEPT - 1)}z") not in names


def _killing(event_id: str, names: str, sentence: str | None = None, **fields: Any) -> LinkFeatures:
    sentence = sentence or names or "Police said a man was killed in a shooting."
    row = _row(
        event_id,
        cameo="190",
        evidence_trigger="killed",
        evidence_sentence=sentence,
        source_country="USA",
        source_code="USACRM",
        target_country=None,
        target_code=None,
        date=None,
        day=None,
        article_published=None,
        link_names=json.dumps(list(article_names(names))) if names else None,
        **fields,
    )
    return link_features(row)


def test_articles_that_share_no_names_keep_bare_reports_apart() -> None:
    town = "A gunman killed a teacher in Harwick, said Sheriff Dunmore. Harwick mourned."
    same_town = "The Harwick shooting left the town in shock, the Courier said."
    other_town = "A gunman killed a cashier in Lowmere, said Chief Ostrander of the Lowmere police."
    first, again, other = _killing("e1", town), _killing("e2", same_town), _killing("e3", other_town)
    assert same_event(first, again)  # same trigger and code, and the articles both name Harwick
    assert names_disjoint(first, other) and not same_event(first, other)
    # an article with no names (or stored before names were) says nothing either way
    assert not names_disjoint(first, _killing("e4", "")) and same_event(first, _killing("e4", ""))
    # more evidence than the bare minimum (the same sentence) links articles that name nothing in common
    told = "Police said a man was killed in a shooting at the mall."
    assert same_event(_killing("e5", town, told), _killing("e6", other_town, told))
    assert evidence_score(first, other) == evidence_score(other, first)


def test_features_stored_before_names_still_load() -> None:
    features = _killing("e1", "A gunman killed a teacher in Harwick.")
    assert features.names == (_hash("harwick"),)
    stored = json.loads(features.to_json())
    del stored["names"]
    old = LinkFeatures.from_json(json.dumps(stored))
    assert old.names == () and not names_disjoint(old, _killing("e2", "Shots in Lowmere."))
    assert LinkFeatures.from_json(features.to_json()) == features


def test_features_stored_before_numbers_still_load() -> None:
    features = link_features(_row("e1", evidence_sentence="Talks on 12 points."))
    stored = features.to_json().replace(',"numbers":["12"]', "")
    assert '"numbers"' not in stored
    assert LinkFeatures.from_json(stored).numbers == ()
    assert LinkFeatures.from_json(features.to_json()) == features


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
