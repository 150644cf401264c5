"""``detente eval instances``: the topic list and --within-topics reach the evaluation; the report prints."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import detente.evaluate.instances as instances_eval
from detente.cli import main
from detente.evaluate.instances import InstanceReport


def test_topics_and_within_topics_reach_the_evaluation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def fake(path: Path, **options: Any) -> InstanceReport:
        calls.append(options)
        return InstanceReport(events=5, unmapped_events=2, unmapped_annotated=1, within_topics=True)

    monkeypatch.setattr(instances_eval, "evaluate_instances", fake)
    command = ["eval", "instances", str(tmp_path), "--topics", "1-3,5", "--within-topics"]
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    assert calls[0]["topics"] == [1, 2, 3, 5] and calls[0]["within_topics"] is True
    assert "1 in annotated sentences, 1 in sentences ECB+ did not annotate" in result.output
    assert "linked within each topic" in result.output
    assert CliRunner().invoke(main, ["eval", "instances", str(tmp_path), "--topics", "one"]).exit_code == 2


def test_a_reversed_topic_range_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["eval", "instances", str(tmp_path), "--topics", "5-1"])
    assert result.exit_code == 2
    assert "the range '5-1' is empty" in result.output
