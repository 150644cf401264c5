"""The PETRARCH-2 verb dictionary layer: conversion, matching, layering under our frames, false alarms.

The converter is tested on small snippets of the dictionary's format written here; the pipeline tests use
sentences written for these tests. The shipped file is checked against a fresh conversion of the shared
source when ``../shared`` is present.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.events.dictionary import load_dictionary
from detente.events.lexicon import load_lexicon
from detente.events.petrarch_verbs import SYNSETS_FILE, VERBS_FILE, convert, main

SHARED_SOURCE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "reference"
    / "petrarch2"
    / "dictionaries"
    / "CAMEO.2.0.txt"
)
DATA = Path(__file__).resolve().parents[2] / "src" / "detente" / "events" / "data"

SNIPPET = """\
# header comment
####### SYNONYM SETS #######

&MILITARY
+ARMY
+ARMED_FORCES
+TROOPS

&UNUSED_
+WAS

####### VERB PATTERNS #######

---  RUSH   [---]  ---
RUSH
SPEED {SPEEDING SPEEDS SPED }
- * (TO BORDER)                          [154]     # RUSH
- &MILITARY *                            [154]     # RUSH
- * {RELIEF ASSISTANCE}                  [073]     # SPEED
- * (AGAINST +)                          [190:190] # RUSH
- * (BEFORE COURT)                       [:173]    # RUSH
- * &NOSUCHSET                           [190]     # RUSH
- * WEAPONS                              [194]

---  ASK   [020]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [021]
ASK
GRILL [110]
WONDER [---]
- * EXTRADITION                          [0213]    # ASK
"""


def _rows(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


# -- conversion ----------------------------------------------------------------------------------------------
def test_synonym_sets_keep_phrases_and_drop_the_no_plural_mark():
    _, sets = convert(SNIPPET)
    rows = dict((name, members) for name, members in _rows(sets))
    assert rows["&MILITARY"] == "army|armed_forces|troops"
    assert rows["&UNUSED"] == "was"  # the trailing "_" (no plurals) is not part of the name
    assert "PETRARCH2_LICENSE.txt" in sets and "Open Event Data Alliance" in sets


def test_patterns_become_frames_with_their_source_lines():
    verbs, _ = convert(SNIPPET)
    rows = {(r[0], r[1]): r for r in _rows(verbs)}
    # a prepositional phrase, a subject-side synset, a noun phrase
    assert rows[("rush", "pp.to:border")][2:5] == ["154", "obj", str(_line_of(SNIPPET, "(TO BORDER)"))]
    assert rows[("rush", "pre:&MILITARY")][2] == "154"
    assert rows[("speed", "post:relief_assistance")][2] == "073"
    # "+" inside a prepositional phrase says where the target is; [a:b] codes a
    assert rows[("rush", "pp.against:*")][2:4] == ["190", "prep:against"]
    # a pattern applies to the verb its comment names, or to every verb of the block when it names none
    assert ("speed", "pp.to:border") not in rows and ("rush", "post:relief_assistance") not in rows
    assert ("rush", "post:weapons") in rows and ("speed", "post:weapons") in rows


def test_left_out_patterns_and_null_defaults():
    verbs, _ = convert(SNIPPET)
    rows = {(r[0], r[1]): r for r in _rows(verbs)}
    assert not any("court" in key[1] for key in rows)  # [:173]: only the role-reversed code
    assert not any("NOSUCHSET" in key[1] for key in rows)  # undefined synonym set, as PETRARCH does
    assert ("rush", "-") not in rows and ("wonder", "-") not in rows  # [---]: the bare verb codes nothing


def test_member_codes_and_multi_word_verbs():
    verbs, _ = convert(SNIPPET)
    rows = {(r[0], r[1]): r for r in _rows(verbs)}
    assert rows[("grill", "-")][2] == "110"  # a member's own code beats the block's
    assert rows[("ask", "-")][2] == "020"
    # "+ASK_FOR [021]": the verb is ask, "for" must follow it; the earlier line wins a tie
    assert rows[("ask", "post:for")][2] == "021"
    assert rows[("ask", "post:extradition")][2] == "0213"


def test_converter_command_writes_both_files(tmp_path: Path):
    source = tmp_path / "CAMEO.2.0.txt"
    source.write_text(SNIPPET, encoding="utf-8")
    assert main([str(source), str(tmp_path / "out")]) == 0
    verbs, sets = convert(SNIPPET)
    assert (tmp_path / "out" / VERBS_FILE).read_text(encoding="utf-8") == verbs
    assert (tmp_path / "out" / SYNSETS_FILE).read_text(encoding="utf-8") == sets
    assert main([]) == 2


@pytest.mark.skipif(not SHARED_SOURCE.exists(), reason="../shared is not present")
def test_shipped_files_are_the_conversion_of_the_shared_dictionary():
    verbs, sets = convert(SHARED_SOURCE.read_text(encoding="utf-8"))
    assert (DATA / VERBS_FILE).read_bytes() == verbs.encode("utf-8")
    assert (DATA / SYNSETS_FILE).read_bytes() == sets.encode("utf-8")


# -- matching ------------------------------------------------------------------------------------------------
@pytest.fixture()
def small(tmp_path: Path):
    verbs, sets = convert(SNIPPET)
    (tmp_path / VERBS_FILE).write_text(verbs, encoding="utf-8")
    (tmp_path / SYNSETS_FILE).write_text(sets, encoding="utf-8")
    return tmp_path


def test_most_specific_frame_wins_and_items_must_all_be_there(small: Path):
    dictionary = load_dictionary(data_dir=small)
    zones = {"pre": set(), "post": {"relief", "assistance"}}
    assert dictionary.match("speed", zones).cameo == "073"
    assert dictionary.match("speed", {"pre": set(), "post": {"relief"}}) is None  # half a noun phrase
    # ask: the specific pattern beats the bare default; plurals match through the singular
    assert dictionary.match("ask", {"pre": set(), "post": {"extradition"}}).cameo == "0213"
    assert dictionary.match("ask", {"pre": set(), "post": {"question"}}).cameo == "020"
    assert dictionary.match("rush", {"pre": set(), "post": {"weapon"}}).cameo == "194"


def test_synonym_set_members_and_multi_word_members(small: Path):
    dictionary = load_dictionary(data_dir=small)
    assert dictionary.match("rush", {"pre": {"army"}, "post": set()}).cameo == "154"
    assert dictionary.match("rush", {"pre": {"armed", "force"}, "post": set()}).cameo == "154"
    assert dictionary.match("rush", {"pre": {"force"}, "post": set()}) is None
    assert dictionary.match("rush", {"pre": set(), "post": set(), "pp.against": {"x"}}).cameo == "190"


def test_frames_name_their_source_line(small: Path):
    frame = load_dictionary(data_dir=small).match("rush", {"pre": set(), "post": set(), "pp.to": {"border"}})
    assert frame.rule.startswith(f"CAMEO.2.0.txt:{_line_of(SNIPPET, '(TO BORDER)')} rush pp.to:border")


def test_overrides_drop_defaults_by_code_and_frames_by_lemma(small: Path):
    (small / "petrarch_overrides.tsv").write_text(
        "code:11\t-\tdrop\tdisapproval defaults\nask\tpost:extradition\tdrop\ttest\n", encoding="utf-8"
    )
    dictionary = load_dictionary(data_dir=small)
    assert dictionary.match("grill", {"pre": set(), "post": set()}) is None
    assert dictionary.match("ask", {"pre": set(), "post": {"extradition"}}).cameo == "020"


def test_shipped_overrides_drop_everyday_defaults():
    dictionary = load_dictionary()
    empty = {"pre": set(), "post": set()}
    for lemma in ("say", "think", "buy", "die", "beat", "devastate", "hit"):
        assert dictionary.match(lemma, empty) is None, lemma
    assert dictionary.match("denigrate", empty).cameo == "111"


def test_lookup_returns_a_blocking_frame_that_match_hides():
    lexicon = load_lexicon()
    features = {"obj": {"importance"}}
    blocking = lexicon.lookup("recognize", "VERB", features)
    assert blocking is not None and blocking.cameo == ""
    assert lexicon.match("recognize", "VERB", features) is None
    assert lexicon.lookup("denigrate", "VERB", {}) is None  # none of our frames: the dictionary may code it


# -- in the pipeline -----------------------------------------------------------------------------------------
DAY = dt.date(2024, 3, 4)


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _events(coder, text: str):
    return [e for e in coder.code_text(text, published=DAY).events if e.status == "occurred"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "triple"),
    [
        ("Ethiopia denigrated Egypt on Tuesday.", ("ETH", "111", "EGY")),
        ("Mali ousted the French ambassador.", ("MLI", "174", "FRA")),
        ("The Chinese foreign ministry chided Japan over the visit.", ("CHN", "111", "JPN")),
    ],
)
def test_dictionary_codes_verbs_our_frames_do_not_know(coder, sentence, triple):
    found = {
        (e.source.actor.country, e.cameo, e.target.actor.country): e.evidence.rule
        for e in _events(coder, sentence)
        if e.source and e.target
    }
    assert triple in found
    rule = found[triple]
    assert rule.startswith("CAMEO.2.0.txt:")
    if SHARED_SOURCE.exists():  # the named line is the verb's line in the original file
        line = int(rule.split()[0].split(":")[1])
        source_line = SHARED_SOURCE.read_text(encoding="utf-8").splitlines()[line - 1]
        assert rule.split()[1].upper() in source_line


@pytest.mark.slow
def test_our_frame_wins_over_the_dictionary(coder):
    events = _events(coder, "Russia attacked Ukraine on Monday.")
    assert any(e.cameo.startswith("19") for e in events)
    assert all(not e.evidence.rule.startswith("CAMEO") for e in events)


@pytest.mark.slow
def test_our_blocking_frame_still_blocks(coder):
    from detente.events.dictionary import verb_zones

    text = "Germany recognized the importance of India."
    doc = coder.nlp(text)
    verb = next(t for t in doc if t.lemma_ == "recognize")
    assert load_dictionary().match("recognize", verb_zones(verb)) is not None  # it would code 051
    assert _events(coder, text) == []


@pytest.mark.slow
def test_dictionary_needs_a_resolved_source_and_target(coder):
    # "denigrate" is coded for two actors above; here the subject is no actor, and then nothing is coded
    assert _events(coder, "The article denigrated Egypt on Tuesday.") == []
    assert _events(coder, "Ethiopia denigrated the proposal on Tuesday.") == []


NON_POLITICAL = [
    "A powerful earthquake struck eastern Turkey on Monday, destroying hundreds of buildings.",
    "Floods swept through Bangladesh, forcing thousands of families from their homes.",
    "The hurricane hit Florida on Tuesday and cut power to two million homes.",
    "Wildfires ravaged California as firefighters battled the blaze near Los Angeles.",
    "Heavy rain hampered rescue efforts in Indonesia, where a landslide buried a village.",
    "The cyclone devastated coastal Mozambique and flattened thousands of houses.",
    "The storm damaged crops across Mexico and Guatemala.",
    "Typhoon Haiyan pounded the Philippines with winds of 300 kilometres an hour.",
    "France beat Brazil 2-1 in the World Cup final in Moscow.",
    "Germany defeated Argentina after extra time in Rio de Janeiro.",
    "Spain crushed Italy 4-0 to win the European Championship.",
    "Kenya's runners dominated the Boston Marathon.",
    "The United States took the lead in the second half against Mexico.",
    "Australia dismissed England for 150 runs on the first day of the Test.",
    "Italy hammered Scotland in the Six Nations on Saturday.",
    "Apple bought a British start-up for 400 million dollars.",
    "Toyota recalled two million cars in the United States over faulty airbags.",
    "Brazil increased its soybean exports to China in the first quarter.",
    "Japan's central bank raised rates for the first time in 17 years.",
    "India overtook Britain as the world's fifth-largest economy.",
    "Nigeria struck oil off its coast, the energy ministry said.",
]


@pytest.mark.slow
def test_no_dictionary_false_alarms_on_disasters_sports_and_business(coder):
    alarms = [
        (text, e.cameo, e.evidence.rule)
        for text in NON_POLITICAL
        for e in coder.code_text(text, published=DAY).events
        if e.evidence.rule.startswith("CAMEO")
    ]
    assert alarms == []


@pytest.mark.slow
def test_the_layer_can_be_switched_off(coder, monkeypatch):
    from detente.events.extract import EventExtractor

    monkeypatch.setenv("DETENTE_PETRARCH_VERBS", "off")
    extractor = EventExtractor(coder.extractor.lexicon, coder.extractor.ontology)
    assert extractor.dictionary is None
    monkeypatch.delenv("DETENTE_PETRARCH_VERBS")
    assert EventExtractor(coder.extractor.lexicon, coder.extractor.ontology).dictionary is not None
