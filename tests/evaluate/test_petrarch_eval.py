"""The PETRARCH-2 validation scorer: the reader on the file's quirks, the arithmetic on hand-made events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.evaluate.petrarch import (
    GoldEvent,
    PetrarchRecord,
    actor_country,
    gold_triples,
    load_records,
    parse_records,
    predicted_triples,
    score,
)
from detente.records import Actor, ActorMention, Article, CodedArticle, Event, Evidence

VALIDATION = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "reference"
    / "petrarch2"
    / "PETR2_GSR_validation.xml"
)

# The real file's quirks: a free-text #### header (with a tag-like word in it) outside any comment,
# self-closed <Sentence .../> with its children as siblings, a normal <Sentence ...>, comments,
# a commented-out <Parse>, spaces around '=', an empty <Text> whose words are only in the parse,
# a six-digit date, a record not to evaluate.
QUIRKY = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
####################
#   then the addition of <EventCoding...> records based on the PETR-2 output
####################
<Environment><Verbfile>CAMEO.2.0.txt</Verbfile></Environment>
<Sentences>
<Sentence category="AFP" date="20080806" id="ONE" evaluate="true"/>
<EventCoding eventcode="031" sourcecode="BRA" targetcode="USA" />
<EventCoding eventcode="031" sourcecode="USAGOV" targetcode="BRA" />
<Text>
Brazil and the United States are seeking to deepen
a partnership in energy.
</Text>
<Parse>
1	Brazil	Brazil	PROPN	NNP	Number=Sing	7	nsubj	_	_
</Parse></Sentence>

<Sentence category="AFP" date="20080806" id="TWO" evaluate="true">
<!-- Discard event  on "1994" -->
<EventCoding noevents="True" />
<Text>France condemned the allegations.</Text>
<Parse>
</Parse>
<!---
<Parse>
<Sentence category="X" date="20000101" id="COMMENTED" evaluate="true"/>
</Parse>-->
</Sentence>

<Sentence category = "OTHER" date = '121108' id = "THREE" evaluate="true"/>
<EventCoding eventcode="190" sourcecode="NGAREB" targetcode="---" />
<Text>
</Text>
<Parse>
1	Boko	Boko	PROPN	NNP	_	2	name	_	_
2	Haram	Haram	PROPN	NNP	_	3	nsubj	_	_
3	attacked	attack	VERB	VBD	_	0	root	_	SpaceAfter=No
4	.	.	PUNCT	.	_	3	punct	_	_
</Parse></Sentence>

<Sentence category="OTHER" date="20150609" id="SKIPPED" evaluate="false"/>
<EventCoding eventcode="040" sourcecode="USA" targetcode="RUS" />
<Text>Skipped.</Text>
</Sentences>
</Validation>
"""


def _mention(code: str | None) -> ActorMention | None:
    return ActorMention(code, 0, 3, Actor(code, code[:3], code[3:] or None, code)) if code else None


def _event(source: str | None, cameo: str, target: str | None, status: str = "occurred") -> Event:
    evidence = Evidence("s", 0, 1, "t", "test")
    return Event("e", _mention(source), _mention(target), cameo, "x", 0.0, 1, None, None, status, evidence)


def _coded(*events: Event) -> CodedArticle:
    return CodedArticle(article=Article(id="a", text="x"), events=events)


def _record(*events: tuple[str, str, str], noevents: bool = False) -> PetrarchRecord:
    gold = tuple(GoldEvent(source, code, target) for source, code, target in events)
    return PetrarchRecord("r", "text", dt.date(2015, 6, 9), events=gold, noevents=noevents)


# -- reader ----------------------------------------------------------------------------------------------
def test_reader_handles_the_file_quirks():
    records = parse_records(QUIRKY)
    assert [r.id for r in records] == ["ONE", "TWO", "THREE"]
    one, two, three = records
    assert one.text == "Brazil and the United States are seeking to deepen a partnership in energy."
    assert one.date == dt.date(2008, 8, 6) and one.category == "AFP" and not one.noevents
    assert one.events == (GoldEvent("BRA", "031", "USA"), GoldEvent("USAGOV", "031", "BRA"))
    assert two.noevents and two.events == () and two.text == "France condemned the allegations."
    assert three.date == dt.date(2012, 11, 8)
    assert three.text == "Boko Haram attacked."
    assert three.events == (GoldEvent("NGAREB", "190", "---"),)


def test_load_records_reports_unreadable_and_empty_files(tmp_path):
    with pytest.raises(DataFileError):
        load_records(tmp_path / "missing.xml")
    empty = tmp_path / "empty.xml"
    empty.write_text("<Validation><Sentences></Sentences></Validation>", encoding="utf-8")
    with pytest.raises(DataFileError, match="no <Sentence>"):
        load_records(empty)


def test_actor_codes_reduce_to_their_first_three_letters():
    assert [actor_country(code) for code in ("USAGOV", "IGOUNOMIL", "IMGMUSISI", "RUS")] == [
        "USA",
        "IGO",
        "IMG",
        "RUS",
    ]
    assert actor_country("---") is None and actor_country("---LEG") is None and actor_country("") is None


def test_gold_triples_root_and_full_drop_duplicates():
    record = _record(("USAGOV", "1124", "RUS"), ("USA", "1124", "RUSGOV"), ("USA", "112", "---"))
    assert gold_triples(record, root=False) == [("USA", "1124", "RUS"), ("USA", "112", None)]
    assert gold_triples(record, root=True) == [("USA", "11", "RUS"), ("USA", "11", None)]


def test_only_occurred_events_are_predictions():
    coded = _coded(_event("USA", "190", "IRQ", status="planned"), _event("USA", "042", "CHN"))
    assert predicted_triples(coded, root=False) == {("USA", "042", "CHN")}


# -- scorer ----------------------------------------------------------------------------------------------
def test_exact_match_scores_one_on_both_levels():
    report = score([_record(("USAGOV", "042", "CHN"))], [_coded(_event("USAGOV", "042", "CHNGOV"))])
    assert (report.root.precision, report.root.recall, report.root.f1) == (1.0, 1.0, 1.0)
    assert (report.full.precision, report.full.recall, report.full.f1) == (1.0, 1.0, 1.0)
    assert report.misses == []


def test_root_only_match_counts_for_root_not_full():
    report = score([_record(("USA", "072", "ISR"))], [_coded(_event("USA", "0332", "ISR"))])
    assert report.root.f1 == 0.0  # 07 vs 03
    report = score([_record(("USA", "1124", "RUS"))], [_coded(_event("USA", "112", "RUS"))])
    assert report.root.f1 == 1.0 and report.full.f1 == 0.0
    assert report.misses == []  # misses are judged on roots


def test_wildcard_actor_matches_any_predicted_actor():
    report = score([_record(("---LEG", "140", "---"))], [_coded(_event("RWA", "140", None))])
    assert report.root.f1 == 1.0
    report = score([_record(("---", "100", "USA"))], [_coded(_event("USA", "100", "USA"))])
    assert report.root.f1 == 1.0
    report = score([_record(("---", "100", "USA"))], [_coded(_event("USA", "100", "RUS"))])
    assert report.root.f1 == 0.0


def test_wrong_direction_is_a_miss():
    report = score([_record(("UKR", "190", "RUS"))], [_coded(_event("RUS", "190", "UKR"))])
    assert report.root.precision == 0.0 and report.root.recall == 0.0
    assert report.misses == [("r", "UKR-190-RUS", "RUS-190-UKR", "text")]


def test_noevents_records_are_counted_and_extras_cost_precision():
    records = [_record(noevents=True), _record(noevents=True), _record(("USA", "040", "RUS"))]
    coded = [
        _coded(),
        _coded(_event("FRA", "112", None)),
        _coded(_event("USA", "040", "RUS"), _event("USA", "190", "RUS")),
    ]
    report = score(records, coded)
    assert (report.noevent_records, report.noevent_clean, report.noevent_share) == (2, 1, 0.5)
    assert report.root.gold == 1 and report.root.gold_matched == 1 and report.root.recall == 1.0
    assert report.root.predicted == 3 and report.root.predicted_matched == 1
    assert report.root.precision == pytest.approx(1 / 3)
    assert [miss[:3] for miss in report.misses] == [("r", "no events", "FRA-112----")]


def test_report_formats_and_serialises():
    report = score([_record(("USA", "040", "RUS"))], [_coded()])
    text = report.format(show_misses=True)
    assert "PETRARCH-2 validation records: 1" in text and "root recall:" in text
    assert "MISS r" in text and "want USA-040-RUS" in text
    assert "MISS" not in report.format()
    assert report.to_dict()["root_recall"] == 0.0 and report.to_dict()["gold_triples"] == 1


def test_score_needs_one_coded_article_per_record():
    with pytest.raises(ValueError):
        score([_record(), _record()], [_coded()])


# -- the real file ---------------------------------------------------------------------------------------
@pytest.mark.skipif(not VALIDATION.exists(), reason="../shared is not present")
def test_reader_finds_every_record_of_the_shared_file():
    records = load_records(VALIDATION)
    assert len(records) == 78  # 78 <Sentence> records, one (abc12_3) with its text only in the parse
    assert sum(r.noevents for r in records) == 12
    assert sum(len(r.events) for r in records) == 80


@pytest.mark.slow
@pytest.mark.skipif(not VALIDATION.exists(), reason="../shared is not present")
def test_real_evaluation_runs_and_formats():
    from detente.evaluate.petrarch import evaluate_petrarch

    report = evaluate_petrarch(VALIDATION)
    assert report.records == 78 and report.noevent_records == 12
    assert report.root.gold == 78 and report.full.gold == 79
    assert report.root.gold_matched >= report.full.gold_matched
    text = report.format(show_misses=True)
    assert text.startswith("PETRARCH-2 validation records: 78") and "full code F1:" in text
