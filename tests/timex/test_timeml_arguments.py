"""Time words placed by their clause or by the words around them, each with sentences of our own.

Published on Wednesday 2023-04-12 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .time_cases import case_ids, check_times

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
    (WEDNESDAY, "The minister wrote in today's Guardian.", [("today", "DATE", "2023-04-12")]),
    # a weekday with a month and day but no year: the near year in which that day is that weekday
    (
        dt.date(2020, 10, 25),
        "The council said in a letter on Monday, Oct. 26:\n\nThe plan is dead.",
        [("Monday, Oct. 26", "DATE", "2020-10-26")],
    ),
    (
        dt.date(2023, 1, 5),
        "The vote is set for Tuesday, Jan. 3, the clerk said.",
        [("Tuesday, Jan. 3", "DATE", "2023-01-03")],
    ),
    # 'the previous Friday', 'the following Monday' count from the story's day, not the publication date
    (
        dt.date(2023, 10, 30),
        "The index closed at 2,082 points on Friday, down 4.5% from the previous Friday.",
        [("Friday", "DATE", "2023-10-27"), ("the previous Friday", "DATE", "2023-10-20")],
    ),
    (
        WEDNESDAY,
        "Talks resumed on March 3. The following Monday the deal was signed.",
        [("March 3", "DATE", "2023-03-03"), ("The following Monday", "DATE", "2023-03-06")],
    ),
    # 'a day' described by a 'when' clause, a bare relative clause or a negation is no length of time
    (WEDNESDAY, "She always said there would come a day when she would retire.", []),
    (WEDNESDAY, "It was not a day anybody could forget, the mayor said.", []),
    # ... but a length it is when it measures something, even with a 'that' clause
    (WEDNESDAY, "The strike lasted a day.", [("a day", "DURATION", "P1D")]),
    (WEDNESDAY, "Talks lasted a week that ended in failure.", [("a week", "DURATION", "P1W")]),
    # 'the quarter ended Sept. 30': the calendar quarter ending on that day; a fiscal quarter ending on
    # another day is not named by it
    (
        dt.date(2023, 11, 1),
        "The bank lost $9 million for the quarter ended Sept. 30, it said.",
        [("the quarter", "DATE", "2023-Q3"), ("Sept. 30", "DATE", "2023-09-30")],
    ),
    (
        dt.date(2023, 11, 20),
        "The retailer lost money in the quarter ended Oct. 31.",
        [("Oct. 31", "DATE", "2023-10-31")],
    ),
    # 'the full year' of a results story is the anchor's year, not a later year the story mentions
    (
        dt.date(2023, 10, 30),
        "The brewer has big plans for 2026. It forecast higher earnings for the full year.",
        [("2026", "DATE", "2026"), ("the full year", "DATE", "2023")],
    ),
    # GMT with an offset is a local zone: no Z (which would claim the clock time is UTC)
    (
        WEDNESDAY,
        "The ship docked at 6:40 p.m. (GMT +8) on Tuesday.",
        [("6:40 p.m. (GMT +8) on Tuesday", "TIME", "2023-04-11T18:40")],
    ),
    (
        WEDNESDAY,
        "The ship docked at 18:40 GMT on Tuesday.",
        [("18:40 GMT on Tuesday", "TIME", "2023-04-11T18:40Z")],
    ),
    # 'N days later than planned' is a delay against a plan, not a day counted from the story's day
    (
        WEDNESDAY,
        "The ferry arrives on April 20, three days later than originally planned.",
        [("April 20", "DATE", "2023-04-20"), ("three days", "DURATION", "P3D")],
    ),
    (
        WEDNESDAY,
        "The ferry arrived on April 2. Three days later it sailed again.",
        [("April 2", "DATE", "2023-04-02"), ("Three days later", "DATE", "2023-04-05")],
    ),
    # 'high noon': an idiom (or the film), no clock time
    (WEDNESDAY, "For the party, high noon comes at the congress.", []),
    (WEDNESDAY, "The vote is at noon.", [("noon", "TIME", "2023-04-12T12:00")]),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=case_ids(CASES))
def test_arguments(nlp, published, text, expected):
    check_times(nlp, published, text, expected)
