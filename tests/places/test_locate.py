"""Where events happened, on sentences written for these tests (none from gold data).

Each case names the event (source country, CAMEO root, target country; None for any), the place it must get
(name, country, feature; None for no place) and why.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import Event

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)

CASES = [
    # (sentence, event, place, why)
    (
        "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi on Monday.",
        ("RUS", "04", "TUR"),
        ("Sochi", "RUS", "city"),
        "'in X' on the meeting verb",
    ),
    (
        "Russian Foreign Minister Sergei Lavrov met Chinese counterpart Wang Yi in Moscow.",
        ("RUS", "04", "CHN"),
        ("Moscow", "RUS", "city"),
        "the parser hangs 'in X' on the person met",
    ),
    (
        "The French president flew to Toulouse, France, on Monday.",
        ("FRA", "04", None),
        ("Toulouse", "FRA", "city"),
        "a name the tagger takes for a person is a place with a qualifier",
    ),
    (
        "Iranian and Saudi diplomats held talks in Geneva last week.",
        ("IRN", "04", "SAU"),
        ("Geneva", "CHE", "city"),
        "'in X' on the support verb of an event noun",
    ),
    (
        "Blinken and Lavrov met in Geneva on Friday.",
        ("USA", "04", "RUS"),
        ("Geneva", "CHE", "city"),
        "the actors' countries do not pull a world city to a small namesake (Geneva, Illinois)",
    ),
    (
        "A meeting between Israeli and Egyptian officials was held in Cairo on Sunday.",
        ("ISR", "04", "EGY"),
        ("Cairo", "EGY", "city"),
        "an event noun as the subject of 'was held in X'",
    ),
    (
        "US President Joe Biden met Chinese leader Xi Jinping on the sidelines of the APEC summit in "
        "San Francisco.",
        ("USA", "04", "CHN"),
        ("San Francisco", "USA", "city"),
        "'on the sidelines of the summit in X': the place further down the phrase",
    ),
    (
        "US Secretary of State Antony Blinken met Ukrainian President Volodymyr Zelensky in the Ukrainian "
        "capital on Wednesday.",
        ("USA", "04", "UKR"),
        ("Kyiv", "UKR", "city"),
        "'the Ukrainian capital' is the capital of the country its adjective names",
    ),
    (
        "Czech President Petr Pavel met Polish President Andrzej Duda in the capital, Warsaw, on Monday.",
        ("CZE", "04", "POL"),
        ("Warsaw", "POL", "city"),
        "'in the capital, X': the apposition names the place",
    ),
    (
        "Macron's trip to Beijing was postponed.",
        ("FRA", "04", "CHN"),
        ("Beijing", "CHN", "city"),
        "a nominal trip: 'trip to X'",
    ),
    (
        "Egyptian and Israeli officials met in Cairo. Israel rejected the proposal at the meeting.",
        ("ISR", "12", None),
        ("Cairo", "EGY", "city"),
        "'at the meeting' refers back to the meeting in Cairo",
    ),
    (
        "Ukrainian President Volodymyr Zelensky visited Warsaw on Tuesday.",
        ("UKR", "04", "POL"),
        ("Warsaw", "POL", "city"),
        "a visited capital is the city, though it also stands for the government",
    ),
    (
        "French President Emmanuel Macron arrived in Kyiv on Friday.",
        ("FRA", "04", "UKR"),
        ("Kyiv", "UKR", "city"),
        "'arrived in X'",
    ),
    (
        "Polish President Andrzej Duda arrived in Kiev on Monday.",
        ("POL", "04", "UKR"),
        ("Kyiv", "UKR", "city"),
        "an older spelling is an alternate name of the city",
    ),
    (
        "Chinese President Xi Jinping hosted French President Emmanuel Macron in Guangzhou.",
        ("CHN", "04", "FRA"),
        ("Guangzhou", "CHN", "city"),
        "a named place beats the host's country",
    ),
    (
        "The Israeli army launched strikes on Hamas.",
        ("ISR", None, None),
        None,
        "an organisation is no place, though a German city is called 'Hamas' in some language",
    ),
    (
        "Japanese Prime Minister Fumio Kishida will travel to Washington next month.",
        ("JPN", "04", "USA"),
        ("Washington", "USA", "city"),
        "'travel to X' names the destination; Washington is the capital, not the state",
    ),
    (
        "German Chancellor Olaf Scholz flew to Beijing to meet Chinese President Xi Jinping.",
        ("DEU", "04", "CHN"),
        ("Beijing", "CHN", "city"),
        "a visit named by its target",
    ),
    (
        "The Japanese foreign minister hosted his Indian counterpart.",
        ("JPN", "04", "IND"),
        ("Japan", "JPN", "country"),
        "a hosted visit with no place named happens in the host's country",
    ),
    (
        "Russian forces launched missile strikes on Kharkiv overnight.",
        ("RUS", None, None),
        ("Kharkiv", "UKR", "city"),
        "'strikes on X' on the object of the verb",
    ),
    (
        "Israeli jets bombed Gaza on Sunday.",
        ("ISR", "19", None),
        ("Gaza Strip", "PSE", "territory"),
        "the object of an attack; 'Gaza' is the strip, not only its city",
    ),
    (
        "The Pentagon said Iran seized a tanker in the Strait of Hormuz.",
        ("IRN", "17", None),
        ("Strait of Hormuz", None, "sea"),
        "a waterway with 'of' in its name, on the object of a seizure",
    ),
    (
        "Houthi rebels attacked a British ship off the coast of Yemen.",
        ("YEM", "19", None),
        ("Yemen", "YEM", "country"),
        "'off the coast of X'",
    ),
    (
        "Chinese coast guard ships fired water cannon at a Philippine supply boat in the South China Sea.",
        ("CHN", "19", "PHL"),
        ("South China Sea", None, "sea"),
        "a sea named after a country is not that country (our table, not the actor 'China')",
    ),
    (
        "Russian troops shelled villages in the Donbas region.",
        ("RUS", "19", None),
        ("Donbas", "UKR", "region"),
        "a region from our table, 'region' after its name",
    ),
    (
        "North Korea fired a missile into the Sea of Japan.",
        ("PRK", None, None),
        ("Sea of Japan", None, "sea"),
        "a sea",
    ),
    (
        "Armenian and Azerbaijani troops clashed in Nagorno-Karabakh.",
        ("ARM", "19", None),
        ("Nagorno-Karabakh", "AZE", "territory"),
        "a hyphenated territory from our own table",
    ),
    (
        "Indian and Pakistani troops exchanged fire in Kashmir.",
        ("IND", "19", None),
        ("Kashmir", None, "region"),
        "a divided region has no country",
    ),
    (
        "Protesters rallied outside the Russian embassy in Berlin.",
        (None, "14", None),
        ("Berlin", "DEU", "city"),
        "'outside the embassy in X'",
    ),
    (
        "Police arrested dozens of protesters in Paris, Texas, on Saturday.",
        (None, "17", None),
        ("Paris", "USA", "city"),
        "a qualifier ('Paris, Texas') beats the bigger Paris",
    ),
    (
        "Blinken arrived in Beijing on Sunday. He met Wang Yi there on Monday.",
        ("USA", "04", "CHN"),
        ("Beijing", "CHN", "city"),
        "'there' is the place named before",
    ),
    (
        "Turkish Foreign Minister Hakan Fidan discussed the war in Ukraine with his Greek counterpart.",
        ("TUR", "04", None),
        None,
        "the place of a topic ('the war in Ukraine') is not where the talks were",
    ),
    (
        "Gambian President Dawda Jawara will visit Mauritania and Senegal next week.",
        ("GMB", "04", "SEN"),
        ("Senegal", "SEN", "country"),
        "of two visited countries, the visit to Senegal is in Senegal",
    ),
    (
        "Israeli soldiers arrested dozens of Palestinians in a West Bank refugee camp.",
        ("ISR", "17", None),
        ("West Bank", "PSE", "territory"),
        "a place that modifies the noun of a locative phrase",
    ),
    (
        "A car bomb near the town of Samarra killed three Iraqi policemen on Sunday.",
        (None, "19", None),
        ("Sāmarrā’", "IRQ", "city"),
        "an attack as the subject of 'killed' says where it was; 'the town of X'",
    ),
    (
        "A roadside bomb killed a U.S. soldier on Sunday.",
        (None, None, "USA"),
        None,
        "a country as a modifier ('a U.S. soldier') is a nationality, not a place",
    ),
    (
        "Russian drones struck buildings in Kyiv's outskirts overnight.",
        ("RUS", "19", None),
        ("Kyiv", "UKR", "city"),
        "a city as the possessor of the locative noun ('in Kyiv's outskirts'), tagged a person or not",
    ),
    (
        "Beijing accused Washington of interfering in China's internal affairs.",
        ("CHN", "11", "USA"),
        None,
        "a country as a possessor ('China's internal affairs') is a topic, not a place",
    ),
    (
        "The British government outlawed the largest loyalist paramilitary group in Northern Ireland.",
        ("GBR", "17", None),
        ("Northern Ireland", "GBR", "admin1"),
        "a part of a country is not the country its name ends with",
    ),
    (
        "Russia closed its southern borders with Iran and Turkey.",
        ("RUS", "19", None),
        None,
        "the target of a border closure is not where it happened",
    ),
    (
        "The Chinese Foreign Minister criticized Japan on Tuesday.",
        ("CHN", "11", "JPN"),
        None,
        "a country in an actor's descriptor or as the target of a criticism is not where it happened",
    ),
    (
        "The Russian foreign ministry condemned the attack in Kabul.",
        ("RUS", "11", None),
        None,
        "the place of what was condemned is not where the condemnation happened",
    ),
    (
        "Chinese Foreign Minister Wang Yi told Blinken in a phone call in May that Washington must stop "
        "interfering.",
        ("CHN", None, "USA"),
        None,
        "'in a phone call', 'in May': not places",
    ),
]


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _matches(event: Event, want: tuple[str | None, str | None, str | None]) -> bool:
    source, root, target = want
    if root is not None and event.cameo[:2] != root:
        return False
    sides = [(event.source, source), (event.target, target)]
    if all(
        side is None or (mention is not None and mention.actor.country == side) for mention, side in sides
    ):
        return True
    flipped = [(event.source, target), (event.target, source)]
    return event.reciprocal and all(
        side is None or (mention is not None and mention.actor.country == side) for mention, side in flipped
    )


def _summary(events) -> list:
    return [
        (
            e.source and e.source.actor.code,
            e.cameo,
            e.target and e.target.actor.code,
            e.evidence.trigger,
            e.location and (e.location.name, e.location.country, e.location.feature),
        )
        for e in events
    ]


@pytest.mark.parametrize(("sentence", "event", "place", "why"), CASES, ids=[c[3] for c in CASES])
def test_event_place(coder, sentence, event, place, why):
    coded = coder.code_text(sentence, published=DAY)
    found = [e for e in coded.events if _matches(e, event)]
    assert found, f"{why}: no event {event} among {_summary(coded.events)}"
    located = [e.location and (e.location.name, e.location.country, e.location.feature) for e in found]
    if place is None:
        assert located == [None] * len(found), f"{why}: {_summary(found)}"
    else:
        assert place in located, f"{why}: {_summary(found)}"


def test_place_offsets_slice_back_to_the_naming_words(coder):
    text = (
        "Serbian police fired tear gas at protesters in Belgrade. "
        "Israeli troops raided Jenin in the West Bank."
    )
    coded = coder.code_text(text, published=DAY)
    places = [e.location for e in coded.events if e.location is not None]
    assert places, _summary(coded.events)
    for place in places:
        assert coded.article.text[place.start : place.end] == place.text
        assert place.lat is not None and -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_a_meeting_referred_back_to_keeps_its_place(coder):
    text = (
        "The Indian and Chinese foreign ministers met in Moscow on Thursday. "
        "During the talks, the two sides agreed to disengage troops."
    )
    coded = coder.code_text(text, published=DAY)
    later = [e for e in coded.events if e.evidence.start >= text.index("During")]
    assert later, _summary(coded.events)
    assert all(e.location is not None and e.location.name == "Moscow" for e in later), _summary(later)


def test_a_meeting_at_a_third_place_gets_no_default(coder):
    coded = coder.code_text("Israeli and Palestinian negotiators met on Monday.", published=DAY)
    meetings = [e for e in coded.events if e.cameo.startswith("04")]
    assert meetings, _summary(coded.events)
    assert all(e.location is None for e in meetings), _summary(meetings)


def test_no_events_no_work(coder):
    from detente.places import locate_events

    coded = coder.code_text("The weather was mild in Vienna.", published=DAY)
    assert coded.events == ()
    doc = coder.nlp(coded.article.text)
    actors = coder.resolver.resolve(doc, published=DAY)
    assert locate_events((), doc, actors, coded.article) == ()


# the scene of the story carried to a later sentence that names no place (source "carried")
CARRIED = [
    # (text, event, carried place or None, why)
    (
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday. Police arrested 30 people.",
        ("KEN", "17", None),
        "Nairobi",
        "a physical event of the scene's own country, next sentence",
    ),
    (
        "Georgian police clashed with protesters in Tbilisi on Monday. Officers arrested dozens of "
        "demonstrators.",
        ("GEO", "17", None),
        "Tbilisi",
        "'clashed with protesters in X' sets the scene; the arrests stay there",
    ),
    (
        "Georgian police clashed with protesters in Tbilisi on Monday. Russian aircraft bombed a Georgian "
        "army base.",
        ("RUS", "19", None),
        "Tbilisi",
        "an attack by foreign actors is carried: they struck there",
    ),
    (
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday. Ugandan police arrested 30 "
        "people.",
        ("UGA", "17", None),
        None,
        "foreign actors of a non-attack are not at the scene",
    ),
    (
        "Georgian police clashed with protesters in Tbilisi on Monday.\n\nThe opposition leader, who was "
        "born in Batumi, called for calm. Officers arrested dozens of demonstrators.",
        ("GEO", "17", None),
        None,
        "a paragraph that names another place ends the scene",
    ),
    (
        "Kenyan police fired tear gas at protesters in Nairobi on Tuesday. The Kenyan interior minister "
        "condemned the protesters.",
        ("KEN", "11", None),
        None,
        "a verbal event takes no carried place",
    ),
]


@pytest.mark.parametrize(("text", "event", "place", "why"), CARRIED, ids=[c[3] for c in CARRIED])
def test_carried_scene(coder, text, event, place, why):
    coded = coder.code_text(text, published=DAY)
    second = text.index(". ") + 2
    found = [e for e in coded.events if e.evidence.start >= second and _matches(e, event)]
    assert found, f"{why}: no event {event} among {_summary(coded.events)}"
    for e in found:
        if place is None:
            assert e.location is None or e.location.source != "carried", f"{why}: {_summary(found)}"
        else:
            assert e.location is not None and e.location.source == "carried", f"{why}: {_summary(found)}"
            assert e.location.name == place and coded.article.text[e.location.start : e.location.end] == place


def test_first_level_divisions_by_context(coder):
    indian = coder.code_text("Indian police arrested 40 farmers in Punjab on Tuesday.", published=DAY)
    pakistani = coder.code_text("Pakistani troops killed five militants in Punjab on Tuesday.", published=DAY)
    for coded, country in ((indian, "IND"), (pakistani, "PAK")):
        places = [e.location for e in coded.events if e.location is not None]
        assert places, _summary(coded.events)
        assert all((p.name, p.country, p.feature) == ("Punjab", country, "admin1") for p in places)
