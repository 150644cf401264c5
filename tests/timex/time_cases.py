"""The check every table of (publication day, sentence, expected expressions) runs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.timex import find_times


def case_ids(cases: list[tuple[dt.date, str, Any]]) -> list[str]:
    return [case[1][:48] for case in cases]


def check_times(nlp: Any, published: dt.date, text: str, expected: list[tuple[str, str, str]]) -> None:
    """The expressions found in ``text`` are ``expected`` (text, type, value), and each one's offsets point
    at its text."""
    times = find_times(nlp(text), published)
    assert [(t.text, t.type, t.value) for t in times] == expected
    for time in times:
        assert text[time.start : time.end] == time.text
