"""Generic agents ("police", "protesters", "troops") take a country and say where it came from: their own
modifiers, their clause's place, the dateline, a country the sentence names, the story's main country (real
spaCy model, our own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import COUNTRY_SOURCES, ActorMention

pytestmark = pytest.mark.slow

DAY = dt.date(2023, 6, 14)


@pytest.fixture(scope="module")
def resolve():
    from detente.ingest import make_article
    from detente.pipeline import get_coder

    coder = get_coder()

    def run(text: str) -> dict[str, ActorMention]:
        article = make_article(text, published=DAY)
        doc = coder.nlp(coder.nlp.make_doc(article.text))
        actors = coder.resolver.resolve(doc, published=DAY)
        found: dict[str, ActorMention] = {}
        for index in sorted(actors.mentions):
            for mention in actors.mentions[index]:
                found.setdefault(doc[index].lower_, mention)
        return found

    return run


def test_named_states_keep_the_table_country(resolve) -> None:
    found = resolve("Chile and Argentina signed a border treaty.")
    assert found["chile"].actor.code == "CHL" and found["chile"].country_source is None


def test_a_nationality_adjective_gives_the_country(resolve) -> None:
    found = resolve("Bolivian police detained a dozen miners on Monday.")
    assert (found["police"].actor.code, found["police"].country_source) == ("BOLCOP", "modifier")


@pytest.mark.parametrize(
    ("text", "noun", "code"),
    [
        ("Turkish soldiers crossed into northern Iraq on Monday.", "soldiers", "TURMIL"),
        ("Nigerian troops killed five gunmen in a raid.", "troops", "NGAMIL"),
        ("A convoy of Malian troops was ambushed near the border with Niger.", "troops", "MLIMIL"),
    ],
)
def test_troops_with_a_nationality_take_that_country(resolve, text: str, noun: str, code: str) -> None:
    mention = resolve(text)[noun]
    assert mention.actor.code == code and mention.country_source == "modifier"


def test_the_clause_place_gives_the_country_through_the_gazetteer(resolve) -> None:
    # Cusco is in no actor table: the gazetteer places it in Peru
    found = resolve("Protesters in Cusco blocked the main highway for a third day.")
    assert (found["protesters"].actor.code, found["protesters"].country_source) == ("PEROPP", "place")


def test_the_dateline_places_an_agent_the_text_does_not(resolve) -> None:
    found = resolve("QUITO, May 2 - Striking workers blocked roads into the city on Tuesday.")
    assert (found["workers"].actor.code, found["workers"].country_source) == ("ECULAB", "dateline")


def test_the_story_country_comes_last(resolve) -> None:
    text = (
        "Ecuador's government announced new fuel prices. Ecuador has struggled with debt for years. "
        "On Friday, students occupied a university building."
    )
    found = resolve(text)
    assert (found["students"].actor.code, found["students"].country_source) == ("ECUEDU", "story")


def test_a_backer_is_not_the_agents_country(resolve) -> None:
    found = resolve("Russia-backed separatists shelled a village overnight.")
    assert all(m.actor.country != "RUS" for noun, m in found.items() if noun == "separatists")
    found = resolve("Saudi-funded militias seized the airport in Aden.")
    militias = found["militias"]
    assert militias.actor.country == "YEM" and militias.country_source == "place"


# -- the role errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Police clashed with protesters in Nairobi on Tuesday.",
        "NAIROBI, May 2 - Riot police fired tear gas at demonstrators outside parliament.",
        "Kenyan police and protesters fought running battles in the capital.",
    ],
)
def test_police_and_protesters_are_never_the_government(resolve, text: str) -> None:
    found = resolve(text)
    police = found["police"]
    assert police.actor.sector == "COP" and police.actor.country == "KEN"
    crowd = found.get("protesters") or found.get("demonstrators")
    if crowd is not None:
        assert crowd.actor.sector in ("OPP", "CVL")
    assert all(m.actor.sector != "GOV" for noun, m in found.items() if noun in ("police", "protesters"))


def test_the_dateline_does_not_place_participants_of_a_fight_elsewhere(resolve) -> None:
    found = resolve("MOSCOW, May 2 - Fierce clashes between soldiers and rebels broke out in eastern Congo.")
    assert found["soldiers"].actor.country == "COD" and found["rebels"].actor.country == "COD"
    assert found["soldiers"].country_source != "dateline"


def test_the_dateline_does_not_override_the_place_the_text_gives(resolve) -> None:
    found = resolve("MOSCOW, May 2 - Police in Tbilisi detained dozens of students.")
    assert (found["police"].actor.code, found["police"].country_source) == ("GEOCOP", "place")


def test_the_dateline_still_places_its_own_police(resolve) -> None:
    found = resolve("MOSCOW, May 2 - Police detained two British tourists on Red Square.")
    assert found["police"].actor.code == "RUSCOP"
    assert found["tourists"].actor.country == "GBR"


def test_every_source_is_a_documented_one(resolve) -> None:
    text = (
        "LIMA, May 3 - Peruvian police fired tear gas at protesters in Arequipa, and students marched "
        "through Cusco, officials said."
    )
    sources = {m.country_source for m in resolve(text).values()}
    assert sources <= {None, *COUNTRY_SOURCES}
    assert "modifier" in sources and "place" in sources
