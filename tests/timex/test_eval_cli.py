"""``detente eval timex``: a table or JSON over a MEANTIME folder; a folder without MEANTIME files exits 3."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.cli import main

from .test_meantime_scoring import XML

pytestmark = pytest.mark.slow


def _folder(tmp_path):
    folder = tmp_path / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_x.xml").write_text(XML, encoding="utf-8")
    return tmp_path


def test_json_report(tmp_path):
    result = CliRunner().invoke(main, ["eval", "timex", str(_folder(tmp_path)), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert set(report["corpora"]) == {"test"}
    assert report["overall"]["gold"] == 2 and report["overall"]["documents"] == 1
    assert {"span_f1", "value_precision", "value_recall", "value_f1", "type_accuracy"} <= set(
        report["overall"]
    )


def test_table_report(tmp_path):
    result = CliRunner().invoke(main, ["eval", "timex", str(_folder(tmp_path)), "--show-misses"])
    assert result.exit_code == 0, result.output
    assert "overall" in result.output and "value P" in result.output


def test_a_folder_without_meantime_files(tmp_path):
    result = CliRunner().invoke(main, ["eval", "timex", str(tmp_path)])
    assert result.exit_code == 3
    assert "no MEANTIME XML files" in result.output
