"""``detente eval places``: the corpus reader (both XML layouts, offsets counted from 0 or 1) and the scores,
on a corpus written for this test; the development corpus, when present, must keep its figures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detente.evaluate.places import (
    CountryFinder,
    GeoDocument,
    GoldToponym,
    PlacesReport,
    evaluate_places,
    load_geoparse_corpus,
    score_document,
)
from detente.places.gazetteer import load_gazetteer
from detente.records import Place

GEOVIRUS_LAYOUT = """<articles><article><source>a</source>
<text>Floods hit Lyon and France.</text>
<locations>
<location><name>Lyon</name><start>12</start><end>16</end><lat>45.76</lat><lon>4.84</lon></location>
<location><name>France</name><start>22</start><end>28</end><lat>47</lat><lon>2</lon></location>
</locations></article></articles>"""

LGL_LAYOUT = """<articles><article docid="7"><text>Rain in Ohio and Dublin.</text><toponyms>
<toponym><start>8</start><end>12</end><phrase>Ohio</phrase><gaztag geonameid="1"><lat>40.2</lat>
<lon>-82.7</lon></gaztag></toponym>
<toponym><start>17</start><end>23</end><phrase>Dublin</phrase><gaztag geonameid="2"><lat>40.1</lat>
<lon>-83.1</lon></gaztag></toponym></toponyms></article></articles>"""


def test_both_layouts_and_both_offset_bases(tmp_path):
    one = tmp_path / "one.xml"
    one.write_text(GEOVIRUS_LAYOUT, encoding="utf-8")
    (doc,) = load_geoparse_corpus(one)
    assert [(t.name, doc.text[t.start : t.end]) for t in doc.toponyms] == [
        ("Lyon", "Lyon"),
        ("France", "France"),
    ]
    two = tmp_path / "two.xml"
    two.write_text(LGL_LAYOUT, encoding="utf-8")
    (doc,) = load_geoparse_corpus(two)
    assert doc.id == "7" and [(t.name, t.lat) for t in doc.toponyms] == [("Ohio", 40.2), ("Dublin", 40.1)]


def test_scores():
    gold = (GoldToponym("Lyon", 11, 15, 45.76, 4.84), GoldToponym("France", 20, 26, 47.0, 2.0))
    document = GeoDocument("a", "Floods hit Lyon and France.", gold)
    places = [
        Place("Lyon", "FRA", "city", 45.75, 4.85, None, "Lyon", 11, 15),
        Place("France", "FRA", "country", 46.0, 2.0, None, "France", 20, 26),
        Place("Floods", "USA", "city", 40.0, -90.0, None, "Floods", 0, 6),
    ]
    report = PlacesReport()
    score_document(report, document, places, [], CountryFinder(load_gazetteer()))
    assert (report.gold, report.predicted, report.found_gold, report.right_predicted) == (2, 3, 2, 2)
    assert report.accuracy == 1.0 and report.recall == 1.0 and round(report.precision, 3) == 0.667


CORPUS = os.environ.get("DETENTE_GEOPARSE_CORPUS")


@pytest.mark.slow
@pytest.mark.skipif(not CORPUS or not Path(CORPUS).exists(), reason="no development geoparsing corpus given")
def test_development_corpus_floor():
    report = evaluate_places(Path(CORPUS))  # type: ignore[arg-type]
    assert report.precision >= 0.85 and report.accuracy_credited >= 0.85
