"""The quote cue table (quotes/data/cues.tsv): it loads, merges with the event lexicon's speech verbs, and a
malformed line is a named data-file error."""

from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.quotes.cues import DATA_FILE, load_cue_words


def test_the_shipped_table_loads_every_kind():
    cues = load_cue_words()
    assert {"speak", "write"} <= cues.verbs and "speak" in cues.reporting
    assert "believe" in cues.verbs and cues.conditional("believe")  # a thought reports only for some speakers
    assert {"tell", "assure"} <= cues.addressee
    assert {"statement", "spokesman"} <= cues.voice
    assert {"so-called", "book"} <= cues.naming
    assert ("according", "to") in cues.phrases
    assert "clear" in cues.light["make"]


def test_speech_verbs_join_the_cues_but_thoughts_stay_out_of_reported_speech():
    cues = load_cue_words().with_speech_verbs({"say", "stress", "think", "call"})
    assert {"say", "stress"} <= cues.reporting
    assert "think" in cues.verbs and cues.conditional("think")
    assert "call" in cues.verbs and "call" not in cues.reporting  # 'called X "..."' quotes, never reports


def test_a_malformed_line_names_its_file_and_line(tmp_path):
    bad = tmp_path / "cues.tsv"
    bad.write_text(DATA_FILE.read_text(encoding="utf-8") + "whisper\tmurmur\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"cues\.tsv:\d+"):
        load_cue_words(bad)
