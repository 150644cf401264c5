"""The PLOVER scorer's arithmetic, on hand-made records and events (no model)."""

from __future__ import annotations

import json

import pytest

from detente.evaluate.plover import GoldRecord, gold_triples, load_gold, score
from detente.records import Actor, ActorMention, Article, CodedArticle, Event, Evidence


def _event(source: str | None, plover: str, target: str | None, reciprocal: bool = False) -> Event:
    def mention(code: str | None) -> ActorMention | None:
        return ActorMention(code, 0, 3, Actor(code, code, None, code)) if code else None

    evidence = Evidence("s", 0, 1, "t", "test")
    return Event(
        "e",
        mention(source),
        mention(target),
        "000",
        "x",
        0.0,
        1,
        plover,
        None,
        "occurred",
        evidence,
        reciprocal,
    )


def _coded(*events: Event) -> CodedArticle:
    return CodedArticle(article=Article(id="a", text="x"), events=events)


def _record(type_: str, sources, targets, reciprocal=False) -> GoldRecord:
    return GoldRecord("r", "text", type_, tuple(sources), tuple(targets), reciprocal)


def test_exact_triple_scores_one():
    report = score([_record("ACCUSE", ["ZWE"], ["USA"])], [_coded(_event("ZWE", "ACCUSE", "USA"))])
    assert (report.type_recall, report.precision, report.recall, report.f1) == (1.0, 1.0, 1.0, 1.0)


def test_versions_are_folded():
    report = score([_record("REQUEST", ["CHN"], ["USA"])], [_coded(_event("CHN", "DEMAND", "USA"))])
    assert report.type_recall == 1.0 and report.f1 == 1.0


def test_reciprocal_gold_matches_either_direction():
    record = _record("AGREE", ["USA", "JOR"], [], reciprocal=True)
    assert gold_triples(record) == [(frozenset({"USA", "JOR"}), True)]
    report = score([record], [_coded(_event("JOR", "AGREE", "USA"))])
    assert report.recall == 1.0 and report.precision == 1.0


def test_gold_without_target_matches_any_target():
    report = score([_record("AGREE", ["VNM"], [])], [_coded(_event("VNM", "AGREE", "USA"))])
    assert report.f1 == 1.0


def test_wrong_direction_and_extra_events_cost_precision():
    report = score(
        [_record("ACCUSE", ["ZWE"], ["USA"])],
        [_coded(_event("USA", "ACCUSE", "ZWE"), _event("ZWE", "CONSULT", "USA"))],
    )
    assert report.type_recall == 1.0
    assert report.precision == 0.0 and report.recall == 0.0 and report.f1 == 0.0


def test_load_gold_skips_documentation_records(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text(
        json.dumps(
            [
                {"event": "DOCUMENT", "id": "doc"},
                {
                    "id": "x",
                    "event": "DEMAND",
                    "text": "The PRC demanded that the US cancel plans.",
                    "source": [{"code": "CHN"}],
                    "target": [{"code": "USA"}],
                    "textInfo": {"markup": "(SRC: PRC)"},
                },
            ]
        )
    )
    records = load_gold(path)
    assert [(r.type, r.sources, r.targets, r.reciprocal) for r in records] == [
        ("REQUEST", ("CHN",), ("USA",), False)
    ]


def test_load_gold_rejects_a_broken_file(tmp_path):
    from detente.errors import DataFileError

    path = tmp_path / "gold.json"
    path.write_text("[{")
    with pytest.raises(DataFileError):
        load_gold(path)


def test_two_sided_event_matches_a_directed_gold_record_either_way():
    record = _record("CONSULT", ["MAR"], ["USA"])
    assert score([record], [_coded(_event("USA", "CONSULT", "MAR", reciprocal=True))]).f1 == 1.0
    assert score([record], [_coded(_event("USA", "CONSULT", "MAR"))]).f1 == 0.0
