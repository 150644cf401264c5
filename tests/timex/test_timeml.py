"""TimeML (.tml) gold files: the text rebuilt from <TEXT> with its tags removed, gold offsets into it, the
creation time from <DCT>, per-type figures, and the fixed halves used to tune on one and report the other."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.evaluate.timex import load_gold, load_timeml, split_half

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07"
 functionInDocument="CREATION_TIME">19980807</TIMEX3></DCT>
<TEXT>
NAIROBI, Kenya (AP) _

Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> outside the embassy <TIMEX3 tid="t1"
 type="DATE" value="1998-08-07">Friday</TIMEX3>,
killing dozens, witnesses said. ``It was a bomb,'' an official said.

The talks lasted <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.
</TEXT>
</TimeML>
"""


def _file(tmp_path, name="TEST0001.tml", text=TML):
    folder = tmp_path / "AQUAINT"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_text_gold_offsets_and_creation_time(tmp_path):
    (document,) = load_timeml(_file(tmp_path))
    assert document.id == "TEST0001" and document.corpus == "AQUAINT"
    assert document.published == dt.date(1998, 8, 7)
    assert document.text.startswith(
        "NAIROBI, Kenya (AP) _\n\nBombs exploded outside the embassy Friday, killing"
    )
    assert "\u201cIt was a bomb,\u201d an official said." in document.text  # Penn Treebank quotes
    assert [(g.text, g.type, g.value) for g in document.gold] == [
        ("Friday", "DATE", "1998-08-07"),
        ("three days", "DURATION", "P3D"),
    ]
    for gold in document.gold:
        assert document.text[gold.start : gold.end] == gold.text
    assert [document.text[p.start : p.end][:7] for p in document.paragraphs] == [
        "NAIROBI",
        "Bombs e",
        "The tal",
    ]
    assert document.scope_end == len(document.text) and document.excluded == ()


def test_load_gold_prefers_timeml_files_and_reports_bad_xml(tmp_path):
    _file(tmp_path)
    assert [d.id for d in load_gold(tmp_path)] == ["TEST0001"]
    bad = _file(tmp_path, "BROKEN.tml", "<TimeML><TEXT>never closed")
    with pytest.raises(Exception, match="BROKEN.tml"):
        load_gold(bad)


def test_halves_are_fixed_and_complementary(tmp_path):
    for number in range(12):
        _file(tmp_path, f"D{number}.tml", TML.replace("TEST0001", f"DOC{number}"))
    documents = load_timeml(tmp_path)
    first, second = split_half(documents, 1), split_half(documents, 2)
    assert {d.id for d in first} | {d.id for d in second} == {d.id for d in documents}
    assert not {d.id for d in first} & {d.id for d in second}
    assert [d.id for d in split_half(list(reversed(documents)), 1)] == [d.id for d in reversed(first)]
    with pytest.raises(ValueError):
        split_half(documents, 3)


@pytest.mark.slow
def test_eval_cli_scores_a_tml_file_per_type(tmp_path):
    path = _file(tmp_path)
    result = CliRunner().invoke(main, ["eval", "timex", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["overall"]["gold"] == 2
    assert set(report["types"]) >= {"DATE", "DURATION"}
    assert report["types"]["DATE"]["value_recall"] == 1.0  # 'Friday' on a Friday is that day
    table = CliRunner().invoke(main, ["eval", "timex", str(path), "--half", "1"])
    assert table.exit_code == 0, table.output
