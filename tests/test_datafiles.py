"""The one reader every data file goes through: comments, blank lines, line numbers, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.datafiles import data_lines, read_data_file, tsv_rows
from detente.errors import DataFileError


def test_comments_and_blank_lines_are_skipped_and_lines_keep_their_numbers():
    text = "# a header comment\n\nword\tkind\n   # an indented comment\n  \nsaid\tcue\n"
    assert list(data_lines(text)) == [(3, "word\tkind"), (6, "said\tcue")]


def test_fields_are_stripped_unless_spaces_count(tmp_path: Path):
    path = tmp_path / "t.tsv"
    path.write_text("name\t pattern \n", encoding="utf-8")
    assert list(tsv_rows(path, "a table")) == [(1, ["name", "pattern"])]
    assert list(tsv_rows(path, "a table", strip=False)) == [(1, ["name", " pattern "])]


@pytest.mark.parametrize("content", [None, b"caf\xe9\tcue\n"])
def test_an_unreadable_file_names_itself(tmp_path: Path, content: bytes | None):
    path = tmp_path / "cues.tsv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(DataFileError, match=r"cues\.tsv: cannot read the cue table"):
        read_data_file(path, "the cue table")
    with pytest.raises(DataFileError, match=r"cues\.tsv: cannot read the cue table"):
        list(tsv_rows(path, "the cue table"))
