"""Time words that are arguments or modifiers in their clause, each with sentences of our own.

Published on Wednesday 2023-04-12 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.timex import find_times

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 4, 12)

CASES = [
    # a bare season that is the subject or object of its clause is that season (the current one here)
    (WEDNESDAY, "Dealers are cautious, but spring brings new buyers.", [("spring", "DATE", "2023-SP")]),
    # ... not a verb, nor a noun with an article or a modifier
    (WEDNESDAY, "Prices spring back when the rally starts.", []),
    (WEDNESDAY, "Engineers found a hot spring under the site.", []),
    # a part of day before 'trading' is that part of the last day named
    (
        WEDNESDAY,
        "On Monday the index hit a record in morning trading before it slipped.",
        [("Monday", "DATE", "2023-04-10"), ("morning", "TIME", "2023-04-10TMO")],
    ),
    (WEDNESDAY, "The shares fell in afternoon trading.", [("afternoon", "TIME", "2023-04-12TAF")]),
    # "today's" before a one-word name that is the whole noun phrase: the entity as it is now
    (WEDNESDAY, "Few managers recognise today's Nokia.", [("today", "DATE", "PRESENT_REF")]),
    # ... but before a name that modifies a noun, or a name of several words, it is the day
    (WEDNESDAY, "Today's Senate vote was close.", [("Today", "DATE", "2023-04-12")]),
    (WEDNESDAY, "Today's New York Times carried the story.", [("Today", "DATE", "2023-04-12")]),
]


@pytest.fixture(scope="module")
def nlp():
    from detente.pipeline import get_coder

    return get_coder().nlp


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=[case[1][:48] for case in CASES])
def test_arguments(nlp, published, text, expected):
    times = find_times(nlp(text), published)
    assert [(t.text, t.type, t.value) for t in times] == expected
