"""``detente eval timex --agreement``: the gold's self-agreement on a small TimeML corpus written for it.

Three documents, no model needed. "last week" is valued the previous ISO week three times and once as a
duration; "now" is marked twice and left unmarked twice (a third "now" lies inside the gold "until now" and
belongs to that form); "currently" is marked once in four; "1990" once in two; "Monday" resolves backwards
twice and forwards once, as its clause's tense says.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.evaluate.timex import load_gold, split_half
from detente.evaluate.timex_agreement import (
    is_clause_dependent,
    measure_agreement,
    relative_value,
    timex_agreement,
)

from .test_meantime_scoring import XML

_DOCUMENTS = {
    # a Wednesday, ISO week 10
    "AGR1": (
        "1998-03-04",
        '<TIMEX3 tid="t1" type="DATE" value="PRESENT_REF">Now</TIMEX3> prices are high, and they are now\n'
        'falling. Sales rose <TIMEX3 tid="t2" type="DATE" value="1998-W09">last week</TIMEX3>.\n\n'
        'On <TIMEX3 tid="t3" type="DATE" value="1998-03-02">Monday</TIMEX3> the firm was\n'
        '<TIMEX3 tid="t4" type="DATE" value="PRESENT_REF">currently</TIMEX3> quiet. It was founded in\n'
        '<TIMEX3 tid="t5" type="DATE" value="1990">1990</TIMEX3>.',
    ),
    # a Wednesday, ISO week 24
    "AGR2": (
        "1998-06-10",
        '<TIMEX3 tid="t1" type="DATE" value="PRESENT_REF">now</TIMEX3> the market is calm. Over\n'
        '<TIMEX3 tid="t2" type="DURATION" value="P1W">last week</TIMEX3> prices rose;\n'
        '<TIMEX3 tid="t3" type="DATE" value="1998-W23">last week</TIMEX3> was quiet. On\n'
        '<TIMEX3 tid="t4" type="DATE" value="1998-06-05">Friday</TIMEX3> the firm, which is currently\n'
        'small, grew <TIMEX3 tid="t5" type="DATE" value="PAST_REF">until now</TIMEX3>. It reports on\n'
        '<TIMEX3 tid="t6" type="DATE" value="1998-06-15">Monday</TIMEX3>.',
    ),
    # a Friday, ISO week 2
    "AGR3": (
        "1999-01-15",
        "Prices are now stable and the firm is currently small, as it currently is in 1990 terms. It said\n"
        '<TIMEX3 tid="t1" type="DATE" value="1999-W01">last week</TIMEX3> that sales fell on\n'
        '<TIMEX3 tid="t2" type="DATE" value="1999-01-11">Monday</TIMEX3>.',
    ),
}


def _tml(docid: str, dct: str, body: str) -> str:
    return (
        f'<?xml version="1.0" ?>\n<TimeML>\n<DOCID>{docid}</DOCID>\n'
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">'
        f"{dct.replace('-', '')}</TIMEX3></DCT>\n<TEXT>\n{body}\n</TEXT>\n</TimeML>\n"
    )


def write_corpus(tmp_path):
    folder = tmp_path / "gold" / "AGREE"
    folder.mkdir(parents=True)
    for docid, (dct, body) in _DOCUMENTS.items():
        (folder / f"{docid}.tml").write_text(_tml(docid, dct, body), encoding="utf-8")
    return tmp_path / "gold"


def test_marking_values_and_clause_dependent_forms(tmp_path):
    report = timex_agreement(write_corpus(tmp_path), min_count=2)
    assert (report.documents, report.gold) == (3, 13)
    assert [(f.form, f.occurrences, f.marked, f.exact) for f in report.marking] == [
        ("currently", 4, 1, 1),
        ("last week", 4, 4, 4),
        ("now", 4, 2, 2),
        ("1990", 2, 1, 1),
    ]
    assert report.unavoidable_marking == 1 + 0 + 2 + 1
    assert [(f.form, f.conventions) for f in report.values] == [
        ("last week", (("W-1", 3), ("P1W", 1))),
        ("now", (("PRESENT_REF", 2),)),
    ]
    assert report.values[0].share == 0.75 and report.unavoidable_values == 1
    # weekdays are listed apart and counted in no sum
    assert [(f.form, f.occurrences, f.marked) for f in report.clause_marking] == [("monday", 3, 3)]
    assert [(f.form, f.conventions) for f in report.clause_values] == [
        ("monday", (("weekday-1", 2), ("weekday+1", 1)))
    ]


def test_ceiling(tmp_path):
    report = timex_agreement(write_corpus(tmp_path), min_count=2)
    # forms by right/predicted: last week 3/4, now 2/4, 1990 1/2, currently 1/4; gold 4 + 2 + 1 + 1 = 8.
    # Marking the first three: 2 * 6 / (8 + 10) = 0.667; adding "currently": 2 * 7 / (8 + 14) = 0.636.
    assert (report.ceiling_gold, report.ceiling_predicted, report.ceiling_right) == (8, 10, 6)
    assert report.ceiling_forms_marked == 3
    assert report.ceiling_f1 == pytest.approx(2 / 3)
    assert (report.ceiling_precision, report.ceiling_recall) == (0.6, 0.75)
    assert report.coverage == pytest.approx(8 / 13)
    totals = report.totals()
    assert totals["ceiling_value_f1"] == 0.6667 and totals["unavoidable_marking_errors"] == 4
    assert (totals["clause_dependent_value_marked"], totals["clause_dependent_disagreements"]) == (3, 1)


def test_the_threshold_and_the_order_of_documents(tmp_path):
    documents = load_gold(write_corpus(tmp_path))
    assert measure_agreement(documents).to_dict() == measure_agreement(documents[::-1]).to_dict()
    default = measure_agreement(documents)  # at least 3
    assert [f.form for f in default.marking] == ["currently", "last week", "now"]
    assert [f.form for f in default.values] == ["last week"]
    with pytest.raises(ValueError):
        measure_agreement(documents, min_count=0)


def test_meantime_scope(tmp_path):
    folder = tmp_path / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_x.xml").write_text(XML, encoding="utf-8")
    report = timex_agreement(tmp_path, min_count=1)
    assert [(f.form, f.occurrences) for f in report.marking] == [("two years", 1)]
    assert [(f.form, f.conventions) for f in report.values] == [("two years", (("P2Y", 1),))]
    assert [(f.form, f.conventions) for f in report.clause_values] == [("monday", (("weekday-1", 1),))]


WEDNESDAY = dt.date(1998, 3, 4)


@pytest.mark.parametrize(
    ("value", "published", "form", "expected"),
    [
        ("1998-03-03", WEDNESDAY, "yesterday", "D-1"),
        ("1998-03-04TEV", WEDNESDAY, "this evening", "D+0TEV"),
        ("1998-W10", WEDNESDAY, "this week", "W+0"),
        ("1998-W09", WEDNESDAY, "last week", "W-1"),
        ("1998-W10-WE", WEDNESDAY, "this weekend", "W+0-WE"),
        ("1998-02", WEDNESDAY, "last month", "M-1"),
        ("1998-02", WEDNESDAY, "february", "month-1"),
        ("1997-03", WEDNESDAY, "last march", "month-2"),
        ("1998-03", WEDNESDAY, "this march", "month-1"),
        ("1998-05-05", WEDNESDAY, "may 5", "date+1"),
        ("1997-Q4", WEDNESDAY, "the last quarter", "Q-1"),
        ("1998-H1", WEDNESDAY, "the first half", "H+0"),
        ("1997-WI", WEDNESDAY, "the winter", "S-1"),
        ("1998-WI", dt.date(1999, 1, 15), "this winter", "S+0"),
        ("1998", WEDNESDAY, "this year", "Y+0"),
        ("1989-WXX", dt.date(1989, 11, 1), "this week", "Y+0-WXX"),
        ("199", WEDNESDAY, "the decade", "DEC+0"),
        ("19", WEDNESDAY, "the century", "CENT+0"),
        ("1998-03-02", WEDNESDAY, "monday", "weekday-1"),
        ("1998-03-04", WEDNESDAY, "wednesday", "weekday-1"),
        ("1998-02-25", WEDNESDAY, "last wednesday", "weekday-2"),
        ("1998-03-09", WEDNESDAY, "next monday", "weekday+1"),
        ("1998-03-11", WEDNESDAY, "next wednesday", "weekday+1"),
        ("1998-08-07", dt.date(1998, 8, 10), "aug. 7", "date-1"),
        ("1998-08-07", dt.date(1998, 9, 10), "aug. 7", "date-1"),
        ("1998-08-07", dt.date(1998, 8, 7), "aug. 7", "date-1"),
        ("1997-08-07", dt.date(1998, 8, 7), "aug. 7", "date-2"),
        ("1998-08-07", dt.date(1998, 8, 6), "aug. 7", "date+1"),
        ("1999-08-07", dt.date(1998, 8, 6), "aug. 7", "date+2"),
        ("1998-01-07", dt.date(1998, 8, 6), "jan. 7", "date-1"),
        ("1998-02", dt.date(1998, 1, 6), "february", "month+1"),
        ("1998-03-02", WEDNESDAY, "two days ago", "D-2"),
        # absolute, generic or without a creation date: as written
        ("1990", WEDNESDAY, "1990", "1990"),
        ("1998-03", WEDNESDAY, "march 1998", "1998-03"),
        ("199", WEDNESDAY, "the 1990s", "199"),
        ("p1w", WEDNESDAY, "the last week", "P1W"),
        ("PRESENT_REF", WEDNESDAY, "now", "PRESENT_REF"),
        ("XXXX-WXX-1", WEDNESDAY, "mondays", "XXXX-WXX-1"),
        ("1998-03-03", None, "yesterday", "1998-03-03"),
    ],
)
def test_relative_values(value, published, form, expected):
    assert relative_value(value, published, form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("monday", True),
        ("monday morning", True),
        ("march 5", True),
        ("the weekend", True),
        ("spring", True),
        ("sept. 30", True),
        ("last monday", False),
        ("march 1998", False),
        ("this spring", False),
        ("now", False),
    ],
)
def test_clause_dependent_forms(form, expected):
    assert is_clause_dependent(form) is expected


# -- the command -------------------------------------------------------------------------------------------
def test_command_json_and_halves(tmp_path):
    gold = write_corpus(tmp_path)
    result = CliRunner().invoke(
        main, ["eval", "timex", str(gold), "--agreement", "--min", "2", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["totals"]["ceiling_value_f1"] == 0.6667
    assert report["values"][0] == {
        "form": "last week",
        "marked": 4,
        "majority": "W-1",
        "majority_count": 3,
        "share": 0.75,
        "conventions": {"W-1": 3, "P1W": 1},
    }
    assert report["clause_dependent"]["marking"][0]["form"] == "monday"
    halves = []
    for half in ("1", "2"):
        result = CliRunner().invoke(
            main, ["eval", "timex", str(gold), "--agreement", "--half", half, "--format", "json"]
        )
        assert result.exit_code == 0, result.output
        halves.append(json.loads(result.output)["totals"])
    documents = load_gold(gold)
    assert [totals["documents"] for totals in halves] == [len(split_half(documents, h)) for h in (1, 2)]
    assert sum(totals["gold"] for totals in halves) == 13


def test_command_table(tmp_path):
    result = CliRunner().invoke(
        main, ["eval", "timex", str(write_corpus(tmp_path)), "--agreement", "--min", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "form-only ceiling: value P 0.600 R 0.750 F1 0.667" in result.output
    assert "not for context-using ones" in result.output
    assert "last week" in result.output and "W-1 3, P1W 1" in result.output


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--agreement"], "holds no gold"),
        (["--agreement", "--min", "0"], "0 is not in the range"),
        (["--min", "2"], "add --agreement"),
        (["--agreement", "--show-misses"], "--agreement codes nothing"),
    ],
)
def test_bad_input(tmp_path, arguments, message):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(main, ["eval", "timex", str(empty), *arguments])
    assert result.exit_code == 2
    assert message in result.output


def test_missing_path(tmp_path):
    result = CliRunner().invoke(main, ["eval", "timex", str(tmp_path / "nowhere"), "--agreement"])
    assert result.exit_code == 2 and "does not exist" in result.output
