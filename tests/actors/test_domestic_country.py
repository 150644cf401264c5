"""The country of a title that names none ("the Energy Ministry said", "police"): the dateline's country, the
subject of the clause it reports, a country outside quotation marks (real spaCy model, our own sentences)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2023, 6, 14)


@pytest.fixture(scope="module")
def resolve():
    from detente.ingest import make_article
    from detente.pipeline import get_coder

    coder = get_coder()

    def run(text: str, day: dt.date = DAY):
        article = make_article(text, published=day)
        doc = coder.nlp(coder.nlp.make_doc(article.text))
        return coder.resolver.resolve(doc, published=day)

    return run


def codes(actors) -> dict[str, str]:
    found: dict[str, str] = {}
    for mentions in actors.mentions.values():
        for mention in mentions:
            found.setdefault(mention.text, mention.actor.code)
    return found


# -- datelines ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("OTTAWA, May 3 (Meridian News) - Farmers blocked a highway.", "CAN"),
        ("NEW DELHI, March 12 (Meridian News) - Rain fell.", "IND"),
        ("(Canberra) Farmers blocked a highway.", "AUS"),
        ("HANOI (Reuters) -- Farmers blocked a highway.", "VNM"),
        ("Farm protest grows\n\nLIMA, July 9 (Meridian News) - Farmers blocked a highway.", "PER"),
        ("BRUSSELS (Reuters) -- Farmers blocked a highway.", None),  # the EU's seat, not a country
        ("GENEVA, May 2 (Meridian News) - Farmers blocked a highway.", None),  # not a capital: no gazetteer
        ("Farmers blocked a highway near Ottawa, police said.", None),
    ],
)
def test_dateline_country_from_the_capitals_table(resolve, text, country):
    found = resolve(text).dateline
    assert (found.country if found else None) == country


def test_dateline_country_beats_the_other_party_named_nearer(resolve):
    found = codes(
        resolve("HANOI, May 3 (Meridian News) - Chinese ships rammed two boats, the Foreign Ministry said.")
    )
    assert found["the Foreign Ministry"] == "VNMGOV"
    found = codes(resolve("OTTAWA - Indian hackers attacked a hospital network, police said."))
    assert found["police"] == "CANCOP"
    found = codes(resolve("(Canberra) The government said it would expel two diplomats from Iran."))
    assert found["The government"] == "AUSGOV"


def test_a_country_bound_to_the_title_still_beats_the_dateline(resolve):
    found = codes(resolve("OTTAWA - The Indian Foreign Ministry rejected the claims."))
    assert found["The Indian Foreign Ministry"] == "INDGOV"
    found = codes(resolve("OTTAWA - Police in Peru detained a Canadian citizen, his family said."))
    assert found["Police in Peru"] == "PERCOP"
    # the place the spokesman spoke from binds him more closely than the story's dateline
    found = codes(resolve('HANOI - "The claims are false," a spokesman said in Beijing on Tuesday.'))
    assert found["a spokesman"] == "CHNGOV"


def test_dateline_applies_only_to_the_states_own_institutions(resolve):
    # protesters are not the state: they keep the country named in their sentence
    found = codes(resolve("OTTAWA - Protesters gathered outside the Indian consulate, organisers said."))
    assert found["Protesters"] == "INDOPP"


def test_named_spokeswoman_takes_the_dateline_country(resolve):
    actors = resolve(
        "LIMA - Foreign Ministry spokeswoman Rosa Quispe criticised Chile on Monday. "
        "The spokeswoman said talks would resume."
    )
    found = codes(actors)
    assert found["Foreign Ministry spokeswoman Rosa Quispe"] == "PERGOV"
    assert found["The spokeswoman"] == "PERGOV"


# -- without a dateline ------------------------------------------------------------------------------------


def test_ministry_reporting_its_own_countrys_action(resolve):
    found = codes(resolve("Vietnam seized two cargo ships bound for Cambodia, the Transport Ministry said."))
    assert found["the Transport Ministry"] == "VNMGOV"
    found = codes(resolve("The Interior Ministry said Peru would close its border with Bolivia."))
    assert found["The Interior Ministry"] == "PERGOV"


def test_a_country_inside_a_quotation_yields_to_one_outside(resolve):
    found = codes(
        resolve('Peru protested after the Defence Ministry said "Chilean jets entered our airspace."')
    )
    assert found["the Defence Ministry"] == "PERGOV"


def test_domestic_politics_keeps_the_nearest_country(resolve):
    found = codes(
        resolve("Police arrested opposition leaders in Caracas on Monday, Venezuelan media reported.")
    )
    assert found["Police"] == "VENCOP"
    found = codes(resolve("Thousands marched in Lima as police fired tear gas, Peruvian radio said."))
    assert found["police"] == "PERCOP"
    # the subject that reports is not a state: no subject rule, the nearest country
    found = codes(resolve("Chilean missiles struck a depot near the border with Bolivia, the army said."))
    assert found["the army"] == "BOLMIL"


# -- persons -----------------------------------------------------------------------------------------------


def test_the_person_keeps_her_own_title_and_the_institution(resolve):
    actors = resolve(
        "Peruvian Foreign Ministry spokeswoman Rosa Quispe spoke on Monday. "
        "The spokeswoman said talks would resume."
    )
    found = codes(actors)
    assert found["The spokeswoman"] == "PERGOV"
    person = next(r for r in actors.persons if r.actor.name == "Rosa Quispe")
    assert person.actor.role == "spokesperson"
    assert {"spokeswoman", "foreign ministry"} <= person.titles


def test_surname_alias_skips_generational_suffix(resolve):
    actors = resolve("Peruvian Senator Luis Ortega Jr. met Chilean envoys. Ortega said the talks went well.")
    assert codes(actors)["Ortega"] == "PERLEG"
    assert "jr." not in actors.aliases


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.mark.skipif(not (EXAMPLES / "articles.jsonl").exists(), reason="examples/ not present")
def test_example_sanctions_story_quotes_the_chinese_ministry():
    from detente.ingest import make_article
    from detente.pipeline import get_coder

    rows = [json.loads(line) for line in (EXAMPLES / "articles.jsonl").read_text().splitlines() if line]
    row = next(r for r in rows if r["id"] == "ex-005")
    article = make_article(row["text"], published=dt.date.fromisoformat(row["published"]), title=row["title"])
    coded = next(iter(get_coder().code([article])))
    quote = next(q for q in coded.quotes if q.text.startswith("China imposed sanctions"))
    assert quote.speaker is not None and quote.speaker.actor.code == "CHNGOV"
