"""The place cue words: the shipped file loads with every kind, and a bad file is named."""

from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.places.cues import CUE_KINDS, CUES_FILE, load_cues, read_cues


def test_every_kind_has_words():
    cues = load_cues()
    for kind in CUE_KINDS:
        assert getattr(cues, kind), kind
    assert {"in", "at", "near", "off"} <= cues.locative
    assert "to" in cues.destination and "on" in cues.struck
    assert {"visit", "travel", "arrive"} <= cues.motion
    assert {"meeting", "talks", "summit"} <= cues.meeting


def test_the_header_explains_every_kind():
    header = CUES_FILE.read_text(encoding="utf-8").split("\nword\tkind", 1)[0]
    for kind in CUE_KINDS:
        assert f"#   {kind}" in header, kind


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("word\tkind\nin\tsomewhere\n", "not one of"),
        ("word\tkind\nIn\tlocative\n", "lower-case"),
        ("word\tkind\nin\n", "lower-case word and a kind"),
        ("kind\tword\nin\tlocative\n", "header"),
    ],
)
def test_bad_files_are_named(tmp_path, body, message):
    path = tmp_path / "cues.tsv"
    path.write_text("# test\n" + body, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        read_cues(path)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(DataFileError, match="cannot read"):
        read_cues(tmp_path / "missing.tsv")
