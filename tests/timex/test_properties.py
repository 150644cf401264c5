"""Properties of the temporal stage on arbitrary text: it never raises, every expression slices back to its
words, every value is well-formed, every event date is an expression's value or the publication date.

Texts mix temporal phrases (some impossible: February 30, week 60, year 0) with arbitrary Unicode; the
publication date ranges over the whole calendar, so that arithmetic near year 1 and year 9999 is exercised.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import make_article
from detente.records import DATE_SOURCES, TIMEX_TYPES
from detente.timex.values import value_precision

pytestmark = pytest.mark.slow

PHRASES = [
    "Russia attacked Ukraine on Monday.",
    "The minister will visit China this weekend.",
    "Last November the two leaders met in Bali.",
    "Kenya and Ethiopia signed an agreement in February 2023.",
    "The war has lasted three years and a half.",
    "every Wednesday",
    "at 3 p.m. on Friday",
    "12:00 UTC",
    "since '82",
    "the 1990s",
    "the 20th century",
    "Q3 2023",
    "FY2009",
    "February 30, 2023",
    "31/02/2023",
    "9999-12-31",
    "0001-01-01",
    "2023-W60",
    "the same period last year",
    "two and a half centuries ago",
    "twenty-five years later",
    "the next day",
    "that week",
    "last winter",
    "the end of the year",
    "Black Monday",
    "May",
    "1,000 years ago",
]
ODD = ["\u202eرئيس\u202c", "👩🏽‍⚕️🇺🇦", "e\u0301\u0301", "\u200b\ufeff", "\u2028\x85", "Ｍｏｎｄａｙ", "𝟐𝟎𝟐𝟑"]
pieces = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(ODD),
    st.text(st.characters(codec="utf-8", exclude_characters="\x00"), max_size=40),
)
texts = st.builds(
    lambda parts, sep: sep.join(parts),
    st.lists(pieces, min_size=1, max_size=8),
    st.sampled_from([" ", "\n", ". "]),
)
dates = st.one_of(st.none(), st.dates(), st.sampled_from([dt.date(1, 1, 1), dt.date(9999, 12, 31)]))
_VALUE = re.compile(r"[\w.:+-]+")


def _code(text: str, published: dt.date | None):
    from detente.pipeline import get_coder

    try:
        article = make_article(text, published=published, origin="<hypothesis>")
    except InputError:
        return None
    (coded,) = list(get_coder().code([article]))
    return coded


def _check(coded) -> None:
    assert coded.error is None, coded.error  # coding_failed would hide an exception
    text = coded.article.text
    for time in coded.times:
        assert 0 <= time.start < time.end <= len(text)
        assert text[time.start : time.end] == time.text
        assert time.type in TIMEX_TYPES
        assert _VALUE.fullmatch(time.value), time.value
        if time.type in ("DATE", "TIME"):
            assert time.precision == value_precision(time.value)
    values = {time.value for time in coded.times}
    published = coded.article.published
    for event in coded.events:
        assert event.date_source in (*DATE_SOURCES, None)
        if event.date_source == "published":
            assert event.date == published.isoformat()
        elif event.date_source is not None:
            assert event.date in values
    coded.to_dict()


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(texts, dates)
def test_arbitrary_text_and_dates_never_raise(text, published):
    coded = _code(text, published)
    if coded is not None:
        _check(coded)


def test_calendar_edges():
    for published in (dt.date(1, 1, 1), dt.date(9999, 12, 31)):
        coded = _code(" ".join(PHRASES), published)
        assert coded is not None
        _check(coded)
        assert coded.times
