"""EventStoryLine (ESC) folders as gold for ``detente eval timex``, on a small corpus written here.

Three documents in ESC's CAT XML, split into ECB+ tokens as ESC ships them: one whose creation time is in
its text (a time of day, converted to UTC by the annotators) with a duration left without a value, an
unannotated sentence and a cross-document instance; one whose creation time is given without words (and an
unpadded date); one without any.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import DataFileError
from detente.evaluate.timex import load_gold, load_meantime, score, split_half
from detente.evaluate.timex_agreement import measure_agreement
from detente.records import CodedArticle, TimeExpression

from .test_meantime_scoring import XML as MEANTIME_XML

# (sentence, tokens) per line; markables: (tag, attributes, [(sentence, token index)])
_DOCUMENTS = {
    "1/1_1ecbplus.xml": (
        [
            "http : / / news . example . org / 2013 / 05 / 03 / storm - closes - port",
            "Storm closes the port for a 90 - day repair",
            "May 3 , 2013 4 : 15 p . m . EDT",
            "The storm hit the harbour on Thursday and work will take two weeks .",
            "Ships waited until 1 : 30 a . m . , officials said .",
            "Crews had also worked there yesterday .",
        ],
        [
            ("ACTION_OCCURRENCE", {}, [(1, 1)]),
            ("TIME_DURATION", {"value": "P90D"}, [(1, 6), (1, 7), (1, 8)]),
            ("TIME_OF_THE_DAY", {"DCT": "TRUE", "value": "2013-05-03T20:15Z"}, [(2, i) for i in range(12)]),
            ("ACTION_OCCURRENCE", {}, [(3, 2)]),
            ("TIME_DATE", {"DCT": "FALSE", "value": "2013-05-02"}, [(3, 6)]),
            ("TIME_DURATION", {"value": ""}, [(3, 11), (3, 12)]),
            (
                "TIME_OF_THE_DAY",
                {"DCT": "FALSE", "value": "2013-05-03T05:30Z"},
                [(4, i) for i in range(3, 9)],
            ),
            ("TIME_DATE", {"DCT": "FALSE", "value": "2013-05-02", "TAG_DESCRIPTOR": "t1_thursday"}, []),
        ],
    ),
    "1/1_2ecbplus.xml": (
        [
            "http : / / example . com / port",
            "Port reopens",
            "The port reopened on Friday night after the storm ’ s damage was cleared .",
            "Inspections will follow every week .",
        ],
        [
            ("TIME_DATE", {"DCT": "TRUE", "value": "2013-5-4"}, []),
            ("ACTION_OCCURRENCE", {}, [(2, 2)]),
            ("TIME_OF_THE_DAY", {"DCT": "FALSE", "value": "2013-05-03TNI"}, [(2, 4), (2, 5)]),
            ("TIME_REPETITION", {"DCT": "FALSE", "value": "P1W"}, [(3, 3), (3, 4)]),
        ],
    ),
    "2/2_1ecbplus.xml": (
        [
            "http : / / example . net / fire",
            "Fire destroys 1 , 200 - year - old hall",
            "A fire destroyed the hall on March 4 , 2010 , and the roof fell the next day .",
        ],
        [
            ("ACTION_OCCURRENCE", {}, [(1, 1)]),
            ("TIME_DATE", {"DCT": "FALSE", "value": "2010-03-04"}, [(2, i) for i in range(6, 10)]),
            ("TIME_DATE", {"DCT": "FALSE", "value": "2010-03-05"}, [(2, 15), (2, 16), (2, 17)]),
        ],
    ),
}


def _xml(name: str, sentences: list[str], markables: list) -> str:
    lines = [f'<?xml version="1.0" encoding="UTF-8"?>\n<Document doc_name="{name.split("/")[1]}">']
    ids: dict[tuple[int, int], int] = {}
    for number, sentence in enumerate(sentences):
        for index, word in enumerate(sentence.split()):
            ids[(number, index)] = len(ids) + 1
            word = word.replace("&", "&amp;").replace("<", "&lt;")
            lines.append(f'<token t_id="{len(ids)}" sentence="{number}" number="{index}">{word}</token>')
    lines.append("<Markables>")
    for m_id, (tag, attributes, anchors) in enumerate(markables, start=1):
        attrs = "".join(f' {key}="{value}"' for key, value in attributes.items())
        children = "".join(f'<token_anchor t_id="{ids[anchor]}"/>' for anchor in anchors)
        lines.append(f'<{tag} m_id="{m_id}"{attrs}>{children}</{tag}>')
    lines.append("</Markables>\n<Relations/>\n</Document>")
    return "\n".join(lines)


def write_esc(tmp_path):
    root = tmp_path / "annotated_data"
    for name, (sentences, markables) in _DOCUMENTS.items():
        file = root / f"{name}.xml"  # ESC's files end in .xml.xml
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text(_xml(name, sentences, markables), encoding="utf-8")
    return root


def _by_id(tmp_path):
    return {document.id: document for document in load_gold(write_esc(tmp_path))}


def test_text_is_rebuilt_from_ecb_tokens(tmp_path):
    first = _by_id(tmp_path)["1_1ecbplus"]
    paragraphs = [first.text[p.start : p.end] for p in first.paragraphs]
    assert paragraphs == [
        "http://news.example.org/2013/05/03/storm-closes-port",
        "Storm closes the port for a 90-day repair",
        "May 3, 2013 4:15 p.m. EDT",
        "The storm hit the harbour on Thursday and work will take two weeks.",
        "Ships waited until 1:30 a.m., officials said.",
        "Crews had also worked there yesterday.",
    ]
    assert first.headings == first.paragraphs[:2]  # the URL and the title
    assert first.corpus == "1"
    second = _by_id(tmp_path)["1_2ecbplus"]
    assert "the storm’s damage" in second.text
    third = _by_id(tmp_path)["2_1ecbplus"]
    assert "Fire destroys 1,200-year-old hall" in third.text and "March 4, 2010, and" in third.text


def test_creation_time_gold_and_scope(tmp_path):
    documents = _by_id(tmp_path)
    first, second, third = documents["1_1ecbplus"], documents["1_2ecbplus"], documents["2_1ecbplus"]
    assert first.published == dt.date(2013, 5, 3)  # the date of a UTC time value
    assert second.published == dt.date(2013, 5, 4)  # no words, and an unpadded value
    assert third.published is None
    assert [(g.text, g.type, g.value) for g in first.gold] == [
        ("90-day", "DURATION", "P90D"),
        ("Thursday", "DATE", "2013-05-02"),
        ("two weeks", "DURATION", ""),  # no value annotated
        ("1:30 a.m", "TIME", "2013-05-03T05:30Z"),
    ]  # the instance without anchors and the creation time are not gold
    assert [(g.text, g.type) for g in second.gold] == [("Friday night", "TIME"), ("every week", "SET")]
    excluded = [first.text[span.start : span.end] for span in first.excluded]
    assert excluded == [  # the URL line (nothing annotated), the creation time, an unannotated sentence
        "http://news.example.org/2013/05/03/storm-closes-port",
        "May 3, 2013 4:15 p.m. EDT",
        "Crews had also worked there yesterday.",
    ]
    assert first.scope_end == len(first.text)


def _time(document, words, kind, value):
    start = document.text.index(words)
    return TimeExpression(words, start, start + len(words), kind, value)


def test_a_gold_expression_without_value_counts_for_spans_only(tmp_path):
    documents = _by_id(tmp_path)
    first, second, third = documents["1_1ecbplus"], documents["1_2ecbplus"], documents["2_1ecbplus"]
    coded = [
        CodedArticle(
            None,
            times=(
                _time(first, "90-day", "DURATION", "P90D"),
                _time(first, "Thursday", "DATE", "2013-05-02"),
                _time(first, "two weeks", "DURATION", "P2W"),  # span found; its value is not scored
                _time(first, "May 3, 2013", "DATE", "2013-05-03"),  # the creation time's words
                _time(first, "yesterday", "DATE", "2013-05-02"),  # an unannotated sentence
            ),
        ),
        CodedArticle(None, times=(_time(second, "Friday night", "TIME", "2013-05-03TNI"),)),
        CodedArticle(None, times=(_time(third, "March 4, 2010", "DATE", "2010-03-04"),)),
    ]
    report = score([first, second, third], coded)
    overall = report.overall
    assert (overall.span.gold, overall.span.gold_matched) == (8, 5)
    assert (overall.span.predicted, overall.span.predicted_matched) == (5, 5)
    assert (overall.value.gold, overall.value.gold_matched) == (7, 4)  # "two weeks" is left out
    assert (overall.value.predicted, overall.value.predicted_matched) == (4, 4)
    duration = report.types["DURATION"]
    assert (duration.span.gold, duration.span.gold_matched, duration.span.predicted) == (2, 2, 2)
    assert (duration.value.gold, duration.value.gold_matched, duration.value.predicted) == (1, 1, 1)
    assert report.undated == 1 and report.to_dict()["undated"] == 1
    assert "documents without a creation date: 1" in report.format()
    assert {(doc, text) for doc, text, _, _ in report.misses} == {
        ("1_1ecbplus", "1:30 a.m"),
        ("1_2ecbplus", "every week"),
        ("2_1ecbplus", "the next day"),
    }


def test_an_unfound_expression_without_value_is_listed_as_a_span_miss(tmp_path):
    first = _by_id(tmp_path)["1_1ecbplus"]
    report = score([first], [CodedArticle(None)])
    assert ("1_1ecbplus", "two weeks", "(no value)", "-") in report.misses
    assert report.overall.value.gold == 3 and report.overall.span.gold == 4


def test_detection_keeps_meantime_and_halves(tmp_path):
    esc = load_gold(write_esc(tmp_path / "esc"))
    assert len(esc) == 3
    first, second = split_half(esc, 1), split_half(esc, 2)
    assert sorted(d.id for d in first + second) == sorted(d.id for d in esc)
    # a CAT folder with MEANTIME's TIMEX3 markables is MEANTIME, even beside a file with TIME_* ones
    folder = tmp_path / "meantime" / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_x.xml").write_text(MEANTIME_XML, encoding="utf-8")
    (meantime,) = load_meantime(tmp_path / "meantime")
    assert meantime.published == dt.date(2009, 2, 3) and meantime.headings is None
    (folder / "2_y.xml").write_text(_xml("1/1_1ecbplus.xml", *_DOCUMENTS["1/1_1ecbplus.xml"]), "utf-8")
    documents = load_meantime(tmp_path / "meantime")
    assert [d.headings for d in documents] == [None, None]  # both read as MEANTIME


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("<Document><token t_id='1' sentence='0'>never closed", "cannot read EventStoryLine"),
        ("<Document doc_name='2_9ecbplus.xml'><Markables/></Document>", "no <token> elements"),
    ],
)
def test_bad_files_are_named(tmp_path, content, message):
    root = write_esc(tmp_path)
    (root / "2" / "2_9ecbplus.xml.xml").write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=message) as raised:
        load_gold(root)
    assert "2_9ecbplus.xml.xml" in str(raised.value)


def test_agreement_leaves_expressions_without_value_out_of_values(tmp_path):
    report = measure_agreement(load_gold(write_esc(tmp_path)), min_count=1)
    forms = {form.form: form for form in report.marking}
    assert forms["two weeks"].exact == 1
    assert "two weeks" not in {form.form for form in report.values}
    assert report.ceiling_gold == sum(form.exact for form in report.marking) - 1


@pytest.mark.slow
def test_eval_cli_on_an_esc_folder(tmp_path):
    root = write_esc(tmp_path)
    result = CliRunner().invoke(main, ["eval", "timex", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["corpora"]) == {"1", "2"}
    assert report["overall"]["gold"] == 8 and report["overall"]["documents"] == 3
    assert report["undated"] == 1
    assert set(report["types"]) >= {"DATE", "TIME", "DURATION"}
    halves = []
    for half in ("1", "2"):
        result = CliRunner().invoke(main, ["eval", "timex", str(root), "--half", half, "--format", "json"])
        assert result.exit_code == 0, result.output
        halves.append(json.loads(result.output)["overall"]["documents"])
    assert sum(halves) == 3
    result = CliRunner().invoke(main, ["eval", "timex", str(root), "--show-misses"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "type DURATION" in result.output
