"""Who did what to whom, and only what the text reports as done: rules for event triples, on sentences
written for these tests.

Triples are (source country, CAMEO code prefix, target country); ``None`` means any actor on that side. Only
events that occurred are looked at, as the evaluations do.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .triples import assert_coded, assert_not_coded, occurred, triples

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)

CODED = [
    (
        "French drone strikes killed six Malian militants.",
        ("FRA", "19", "MLI"),
        "the country modifying an event noun's modifier is its doer",
    ),
    (
        "Israeli settlers set fire to the offices of a Palestinian charity.",
        ("ISR", "1712", "PSE"),
        "setting fire to property destroys it, as 'torched' does",
    ),
    (
        "A car bomb near the town of Kirkuk killed two Turkish engineers.",
        ("IRQ", "19", "TUR"),
        "violence nobody is named for is coded to the country where it happened",
    ),
    (
        "Two Turkish engineers were killed in Mosul on Monday.",
        ("IRQ", "19", "TUR"),
        "a passive act of violence without a doer: the place's country, from the gazetteer",
    ),
    (
        "Egyptian demonstrators rioted in the capital.",
        ("EGY", "14", "EGY"),
        "a group's protest aims at its country",
    ),
    ("Hundreds of Georgian students protested against Russia.", ("GEO", "14", "RUS"), "a named target stays"),
    (
        "Poland mobilized army reservists for a possible war against Belarus.",
        ("POL", "15", "BLR"),
        "a show of force for an operation against X targets X, not the forces shown",
    ),
    ("Iran provided support to the Houthi rebels.", ("IRN", "07", "YEM"), "providing support is aid"),
    ("Germany said it would not provide support to Ukraine.", ("DEU", "12", "UKR"), "refusing to provide it"),
    (
        "French troops withdrew from Mali to Niger.",
        ("FRA", "08", "MLI"),
        "a withdrawal targets where it leaves",
    ),
    (
        "Russia withdrew its troops from Georgia.",
        ("RUS", "087", "GEO"),
        "a troop withdrawal stays de-escalation",
    ),
    (
        "Japan shared its nuclear expertise with India.",
        ("JPN", "064", "IND"),
        "sharing expertise is sharing information",
    ),
    (
        "Three Kenyan policemen died in an attack by Somali militants.",
        ("SOM", "19", "KEN"),
        "those who died in an attack are its target, whoever did it is its source",
    ),
    (
        "Two Afghan children were wounded in a Pakistani air strike.",
        ("PAK", "19", "AFG"),
        "casualties of a strike told with a passive verb are its target",
    ),
    (
        "Russia is holding naval exercises in Alaska.",
        ("RUS", "15", "USA"),
        "an event noun's place names its target",
    ),
    ("Chilean students staged a protest in Valparaiso.", ("CHL", "14", None), "a protest in a place"),
    (
        "Russian jets bombed rebel positions in Idlib.",
        ("RUS", "19", "SYR"),
        "the place of the object, by gazetteer",
    ),
    (
        "Israeli tanks fired shells at targets in Jericho.",
        ("ISR", "19", "PSE"),
        "the place of what was aimed at",
    ),
    (
        "The German government welcomed the Brazilian president's new climate plan.",
        ("DEU", "05", "BRA"),
        "an attitude to someone's statement or plan is aimed at its owner",
    ),
    ("The US Navy seized Iran's oil tanker.", ("USA", "17", "IRN"), "acting on X's property targets X"),
    (
        "Four Palestinian children were killed in an Israeli air strike in Gaza.",
        ("ISR", "19", "PSE"),
        "a verb and its event noun told as one act keep the source of one and the target of the other",
    ),
    (
        "Armenian protesters received assurances from the Armenian government.",
        ("ARM", "03", "ARM"),
        "'received X from Y': Y is the source even when the parser hangs 'from' on the object",
    ),
    (
        "Greece said it would not give permission to Turkey to use its airspace.",
        ("GRC", "12", "TUR"),
        "a dative 'to' names the recipient, before a later complement's object",
    ),
    (
        "Kenyan police banned a march organised by Somali refugees to protest the law.",
        ("SOM", "14", None),
        "the doer of a purpose is the agent of the passive it hangs on, not the one who governs the phrase",
    ),
    (
        "Kenyan police banned a march organised by Somali refugees to protest the law.",
        ("KEN", "17", "SOM"),
        "acting on an event named by the object acts on its doers",
    ),
    (
        "Kenya arrested the Somali militants who attacked the mall.",
        ("SOM", "19", None),
        "a relative clause in the past simple still reports an act",
    ),
    (
        "Iran armed the Houthi rebels with missiles.",
        ("IRN", "07", "YEM"),
        "arming someone is still military aid",
    ),
    (
        "Turkey accused Greece of bombing a Turkish ship.",
        ("TUR", "11", "GRC"),
        "the accusation itself is coded",
    ),
    (
        "Russian jets struck Syrian rebels near Idlib.",
        ("RUS", "19", "SYR"),
        "a strike by an actor still codes",
    ),
    (
        "North Korea launched two missiles on Friday.",
        ("PRK", "15", None),
        "a missile launch is a show of force",
    ),
    (
        "Kurdish militants have sworn to fight the Turkish army.",
        ("TUR", "138", "TUR"),
        "a vow to use force is a threat; the object of 'fight' is the opponent",
    ),
    (
        "Germany threatened to cut aid unless Kenya released the journalists.",
        ("DEU", "13", "KEN"),
        "a threat without a target is aimed at the one whose act is its condition",
    ),
    (
        "Russia has threatened to stop the talks if the United States deploys new missiles.",
        ("RUS", "13", "USA"),
        "the subject of an 'if' condition of a threat is its target",
    ),
    (
        "Norway said it would withdraw its troops from Mali unless the Malian junta held elections.",
        ("NOR", "13", "MLI"),
        "an announced act made conditional with 'unless' is an ultimatum: a threat",
    ),
]

NOT_CODED = [
    (
        "The rebels said they would free the Fijian ministers, whom they had taken hostage two weeks ago.",
        "18",
        "a relative clause in the perfect is a participant's backstory, not news",
    ),
    (
        "Serbia lifted a curfew in Montenegro, where 28 people have been killed in riots this year.",
        "19",
        "a place's past told in a relative clause is background",
    ),
    ("Kurdish fighters armed with rifles attacked a Turkish post.", "07", "a participle describing its noun"),
    (
        "Interpol will send a team to help identify the Malaysian victims.",
        "07",
        "'help' with a verb is no aid",
    ),
    (
        "Turkey accused Greece of bombing a Turkish ship.",
        "18",
        "the act an accusation charges is alleged, not reported as done",
    ),
    (
        "The Kenyan government blamed Somali militants for the attack on the mall.",
        "19",
        "the act blamed is the content of the accusation",
    ),
    ("A strong earthquake struck northern Peru on Sunday.", "19", "nature is not an actor: no assault"),
    ("Floods killed dozens of people in eastern Kenya.", "19", "a hazard as the subject of a verb of force"),
    ("Eleven Nigerian soldiers were killed in a helicopter crash.", "19", "killed in an accident"),
    ("Argentina beat Chile 2-1 in the Copa America final.", "18", "a game, not a beating"),
    ("Uruguay defeated Brazil in the World Cup.", "19", "a game, not a military defeat"),
    ("Ghana struck oil off its western coast.", "19", "'struck oil' is a find, not an attack"),
    ("India launched a weather satellite on Friday.", "15", "a space launch is not a show of force"),
    (
        "Chilean farmers said they would block the highways to demand lower fuel prices.",
        "10",
        "the purpose of an announced act shares its status: the demand is announced, not made",
    ),
    (
        "Kurdish militants have sworn to fight the Turkish army.",
        "19",
        "a sworn act is an intent (coded as a threat), not a fight that took place",
    ),
    (
        "Israel vowed not to return the Golan Heights to Syria.",
        "03",
        "a vow whose complement is negated is not a promise of that act",
    ),
    (
        "Germany threatened to cut aid unless Kenya released the journalists.",
        "0",
        "the act in an 'unless' clause is a condition, not an act or an intent of its subject",
    ),
    (
        "Norway said it would pull its peacekeepers out unless the Malian junta arranged a ceasefire.",
        "0",
        "an event noun inside a condition is neither an intent nor an act",
    ),
]


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


@pytest.mark.parametrize(("sentence", "expected", "why"), CODED, ids=[c[0][:40] for c in CODED])
def test_triple_is_coded(coder, sentence, expected, why):
    assert_coded(coder, sentence, expected, why, DAY)


@pytest.mark.parametrize(("sentence", "root", "why"), NOT_CODED, ids=[c[0][:40] for c in NOT_CODED])
def test_no_false_triple(coder, sentence, root, why):
    assert_not_coded(coder, sentence, root, why, DAY)


@pytest.mark.parametrize(
    "sentence",
    [
        "Egyptian police opened fire on protesters in Cairo, killing two people.",
        "Thai troops shelled Cambodian positions on the border, killing several people.",
    ],
)
def test_a_repeat_missing_a_side_is_folded(coder, sentence):
    """An act told twice in one sentence, once with its target and once without, is one event."""
    events = [e for e in occurred(coder.code_text(sentence, published=DAY)) if e.cameo.startswith("19")]
    found = sorted(triples(events), key=str)
    assert len(events) == 1 and events[0].target is not None, found
    assert "+" in events[0].evidence.rule, "the folded event names both lines that produced it"
