"""The date of a wire story's dateline ("SAN FRANCISCO, Nov 15 (Reuters) -"), for articles that come
without a publication date.

A dateline gives a month and a day, never the year: the day taken is the latest such day that is not after
``today`` (wire copy is coded soon after it is filed; a year named in the story is as likely history as
the present, so it is not used). Events dated by it say so (``date_source: "dateline"``).
"""

from __future__ import annotations

import datetime as dt
import re

from ..nlp import DATELINE
from .lexicon import load_timex_lexicon

__all__ = ["dateline_day"]

_MONTH_DAY = re.compile(r", ([A-Z][a-z]{2,8}\.?) (\d{1,2})\b")
#: How far into the text a dateline may open a paragraph (the headline comes first).
_HEAD_CHARS = 600


def dateline_day(text: str, *, today: dt.date | None = None) -> dt.date | None:
    """The day a dateline at the start of one of the first paragraphs names, or None."""
    today = today or dt.date.today()
    for start in _paragraph_starts(text[:_HEAD_CHARS]):
        match = DATELINE.match(text, start)
        if match is None:
            continue
        found = _MONTH_DAY.search(match.group(0))
        if found is None:
            continue
        name = found.group(1).rstrip(".")
        lexicon = load_timex_lexicon()  # "Mar" is only a month with its dot in running text
        month = lexicon.value("month", name) or lexicon.value("month", name + ".")
        if month is None:
            continue
        return _latest(int(month), int(found.group(2)), today)
    return None


def _paragraph_starts(text: str) -> list[int]:
    return [0] + [match.end() for match in re.finditer(r"\n\s*", text)]


def _latest(month: int, day: int, today: dt.date) -> dt.date | None:
    """The latest ``month``/``day`` not after ``today`` (Feb 29 looks back to the last leap year)."""
    for year in range(today.year, today.year - 8, -1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= today:
            return candidate
    return None
