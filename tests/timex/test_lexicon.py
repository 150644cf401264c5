"""The temporal lexicon's data files: they load, their patterns compile, and the trigger windows that
speed matching up never lose a match a scan of the whole text finds."""

from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.timex.lexicon import DATA_DIR, KINDS, load_timex_lexicon, lower_ascii
from detente.timex.recognize import _candidates

SAMPLES = [
    "Talks resumed on Monday, June 14, 2023, at 3 p.m. and lasted almost two and a half years.",
    "Since '82 the index rose in the 1990s and the third quarter of 2009; FY2009 was weak.",
    "The council meets every Wednesday, twice a month, weekly and annually, for decades.",
    "Last November, the same period last year, two weeks later, the next day, this weekend.",
    "A 12-year high at 0800 UTC, noon on Friday, 18:00 GMT, the end of the year, the 20th century.",
    "Recently, now and in the future; currently, the long term, short-term, at the moment.",
    "x " * 200 + "on 4 July 1776 " + "y " * 200 + "three decades ago",
]


def test_shipped_lexicon_loads():
    lexicon = load_timex_lexicon()
    assert {pattern.kind for pattern in lexicon.patterns} <= KINDS
    assert lexicon.value("month", "Sept.") == "09"
    assert lexicon.value("deixis", "Yesterday") == "-1"
    assert {"monday", "november", "years", "today", "weekend", "quarter"} <= lexicon.triggers
    assert "the" not in lexicon.triggers


@pytest.mark.parametrize("text", SAMPLES)
def test_windows_find_what_a_full_scan_finds(text):
    lexicon = load_timex_lexicon()
    lowered = lower_ascii(text)
    full = {
        (found.start(), found.end(), pattern.name)
        for pattern in lexicon.patterns
        for found in pattern.regex.finditer(lowered)
    }
    windowed = {(m.start, m.end, m.pattern.name) for m in _candidates(text, lexicon)}
    assert windowed == full


def test_lower_ascii_keeps_offsets():
    text = "İstanbul ÅLAND Monday"
    assert len(lower_ascii(text)) == len(text)
    assert lower_ascii(text).endswith("monday")


def _copy_data(tmp_path, patterns: str):
    (tmp_path / "words.tsv").write_text(
        (DATA_DIR / "words.tsv").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "patterns.tsv").write_text(patterns, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("patterns", "message"),
    [
        ("x\tnot_a_kind\t\\d+\n", "unknown kind"),
        ("x\tdate\t{no_such_class}\n", "no word class"),
        ("x\tdate\t(unclosed\n", "bad regular expression"),
        ("x\tdate\n", "3 tab-separated fields"),
    ],
)
def test_bad_pattern_files_are_named_errors(tmp_path, patterns, message):
    with pytest.raises(DataFileError, match=message):
        load_timex_lexicon.__wrapped__(_copy_data(tmp_path, patterns))
