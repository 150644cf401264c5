"""The places an article names, on sentences written for these tests (none from gold data): which words are
toponyms, how same-name places are settled by the rest of the article, country-level places as areas, and
the dateline fallback for domestic events."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.pipeline import get_coder
from detente.places.gazetteer import load_gazetteer
from detente.places.toponyms import ArticlePlaces

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)


def toponyms(text: str) -> dict[str, tuple[str | None, str, str | None]]:
    coder = get_coder()
    doc = coder.nlp(text)
    actors = coder.resolver.resolve(doc, published=DAY)
    found = ArticlePlaces(load_gazetteer(), doc, actors).toponyms
    return {t.text: (t.entry.country, t.entry.feature, t.entry.admin1) for t in found}


@pytest.mark.parametrize(
    "text, word",
    [
        ("The Bank of England raised interest rates on Thursday.", "Bank"),
        ("The Union said its members would walk out of the plant.", "Union"),
        ("Protesters gathered outside the University on Friday.", "University"),
        ("Senator Davis said the bill would pass.", "Davis"),
        ("Bell told reporters that he would resign.", "Bell"),
        ("They said it would not happen again.", "They"),
    ],
)
def test_common_words_person_names_and_pronouns_are_not_toponyms(text, word):
    assert word not in toponyms(text)


def test_places_the_recogniser_misses_by_their_syntax():
    found = toponyms("Riot police were deployed in Cairo, Giza and Alexandria after the vote.")
    assert {"Cairo", "Giza", "Alexandria"} <= found.keys()
    assert all(country == "EGY" for country, _, _ in found.values())


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("Storms hit Atlanta and Savannah as Georgia declared an emergency.", "Georgia", ("USA", "admin1")),
        (
            "Protests spread from Tbilisi to Batumi as Georgia's parliament met.",
            "Georgia",
            ("GEO", "country"),
        ),
        ("Police in Paris, Texas, arrested two men after the shooting.", "Paris", ("USA", "city")),
        ("Police in Columbus, Ohio, and in nearby Dublin searched homes.", "Dublin", ("USA", "city")),
        ("Flooding closed roads in Dublin and Cork on Monday.", "Dublin", ("IRL", "city")),
        (
            "Farmers blocked roads near Salisbury and Swindon in southern England.",
            "Salisbury",
            ("GBR", "city"),
        ),
    ],
)
def test_same_name_places_are_settled_by_the_article(text, name, expected):
    found = toponyms(text)
    assert name in found and found[name][:2] == expected


def test_one_name_one_place_per_article():
    found = toponyms("Troops entered Georgia from the north. Tbilisi said Georgia would resist.")
    assert found["Georgia"][:2] == ("GEO", "country")


def test_a_country_level_event_is_an_area_not_its_capital():
    coded = get_coder().code_text("Russian forces shelled towns in Ukraine on Tuesday.", published=DAY)
    located = [event.location for event in coded.events if event.location is not None]
    assert located
    gazetteer = load_gazetteer()
    kyiv = gazetteer.capital("UKR")
    for place in located:
        assert place.feature == "country" and place.country == "UKR"
        assert (place.lat, place.lon) != (kyiv.lat, kyiv.lon)
        assert place.source == "text"


def test_dateline_for_domestic_events_only():
    text = (
        "MANILA, March 3 (Wire) - Philippine police arrested dozens of protesters on Sunday, "
        "officials said.\n\n"
        "Philippine troops attacked Chinese fishermen on Monday."
    )
    coded = get_coder().code_text(text, published=DAY)
    by_target = {}
    for event in coded.events:
        by_target.setdefault(event.target.actor.country if event.target else None, []).append(event)
    domestic = [e for e in coded.events if e.cameo[:2] in ("17", "18", "19") and e.location is not None]
    assert domestic and all(e.location.source == "dateline" and e.location.name == "Manila" for e in domestic)
    foreign = by_target.get("CHN", [])
    assert all(e.location is None or e.location.source != "dateline" for e in foreign)
