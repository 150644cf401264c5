"""The MEANTIME reader and scorer on a small hand-made document (no model needed)."""

from __future__ import annotations

import datetime as dt

from detente.evaluate.timex import TimexScores, load_meantime, score_document
from detente.records import TimeExpression

XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en" url="">
<token number="0" sentence="0" t_id="1">Talks</token>
<token number="1" sentence="0" t_id="2">resume</token>
<token number="2" sentence="1" t_id="3">03-02-2009</token>
<token number="3" sentence="2" t_id="4">Talks</token>
<token number="4" sentence="2" t_id="5">resumed</token>
<token number="5" sentence="2" t_id="6">on</token>
<token number="6" sentence="2" t_id="7">Monday</token>
<token number="7" sentence="2" t_id="8">,</token>
<token number="8" sentence="2" t_id="9">``</token>
<token number="9" sentence="2" t_id="10">after</token>
<token number="10" sentence="2" t_id="11">two</token>
<token number="11" sentence="2" t_id="12">years</token>
<token number="12" sentence="2" t_id="13">''</token>
<token number="13" sentence="2" t_id="14">.</token>
<token number="14" sentence="9" t_id="15">Later</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="03-02-2009">
<token_anchor t_id="3"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2009-02-02"><token_anchor t_id="7"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DURATION" value="P2Y">
<token_anchor t_id="11"/><token_anchor t_id="12"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2005"/>
</Markables></Document>
"""


def _document(tmp_path):
    folder = tmp_path / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_x.xml").write_text(XML, encoding="utf-8")
    (document,) = load_meantime(tmp_path)
    return document


def _time(document, words, kind, value):
    start = document.text.index(words)
    return TimeExpression(words, start, start + len(words), kind, value)


def test_text_is_rebuilt_with_offsets(tmp_path):
    document = _document(tmp_path)
    assert (
        document.text
        == "Talks resume\n\n03-02-2009\n\nTalks resumed on Monday, \u201cafter two years\u201d. Later"
    )
    assert document.published == dt.date(2009, 2, 3)  # DD-MM-YYYY
    assert document.corpus == "test"
    assert [(g.text, g.type, g.value) for g in document.gold] == [
        ("Monday", "DATE", "2009-02-02"),
        ("two years", "DURATION", "P2Y"),
    ]
    assert document.text[document.scope_end - 1] == "."  # sentence 9 is outside the annotated opening


def test_scores(tmp_path):
    document = _document(tmp_path)
    scores = TimexScores()
    predicted = [
        _time(document, "Monday", "DATE", "2009-02-02"),  # right
        _time(document, "two years", "DATE", "2007"),  # found, wrong value and type
        _time(document, "03-02-2009", "DATE", "2009-02-03"),  # the creation time: not scored
        _time(document, "resume", "DATE", "PRESENT_REF"),  # a false positive
        _time(document, "Later", "DATE", "FUTURE_REF"),  # outside the annotated opening: not scored
    ]
    score_document(document, predicted, scores)
    assert (scores.span.gold, scores.span.predicted) == (2, 3)
    assert (scores.span.gold_matched, scores.span.predicted_matched) == (2, 2)
    assert (scores.value.gold_matched, scores.value.predicted_matched) == (1, 1)
    assert scores.typed == 1
    assert round(scores.value.f1, 3) == round(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2), 3)
