"""Date values by the TimeML 1.2.1 / TempEval-3 conventions: which day, month, year or generic reference a
date expression names, from the clause's tense and the story's reference time. Sentences of our own.

Published on Wednesday 2023-06-14 (second quarter) unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .time_cases import case_ids, check_times

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 6, 14)
OCTOBER = dt.date(2023, 10, 26)

CASES = [
    # a bare month in a clause of unknown tense: the nearest such month
    (OCTOBER, "The new rules take effect on a date in January.", [("January", "DATE", "2024-01")]),
    (WEDNESDAY, "The appeal is heard in August.", [("August", "DATE", "2023-08")]),
    # a reduced relative clause is past: 'the plans announced in November'
    (
        WEDNESDAY,
        "The cuts come on top of the plans announced in November.",
        [("November", "DATE", "2022-11")],
    ),
    # the year-long period named by its end is a DURATION (TimeBank), its end date is past
    (
        OCTOBER,
        "Profit rose in the year ended March 31.",
        [("the year", "DURATION", "P1Y"), ("March 31", "DATE", "2023-03-31")],
    ),
    # years and decades said aloud (broadcast transcripts)
    (
        WEDNESDAY,
        "Boston, nineteen eighty-four. The strike began in March nineteen eighty-five.",
        [("nineteen eighty-four", "DATE", "1984"), ("March nineteen eighty-five", "DATE", "1985-03")],
    ),
    (
        WEDNESDAY,
        "They vowed to finish by the year two thousand, then by two thousand and ten.",
        [("the year two thousand", "DATE", "2000"), ("two thousand and ten", "DATE", "2010")],
    ),
    (WEDNESDAY, "Crime fell through the nineties.", [("the nineties", "DATE", "199")]),
    # generic references (TimeML: PRESENT_REF, FUTURE_REF); a bare 'later' or 'shortly' is a relation,
    # not a time, and 'at the same time' as a conjunction names none
    (
        WEDNESDAY,
        "Now that the border is open, traders worry about future prices.",
        [("Now", "DATE", "PRESENT_REF"), ("future", "DATE", "FUTURE_REF")],
    ),
    (WEDNESDAY, "The minister arrived shortly and left later.", []),
    (
        WEDNESDAY,
        "Holders may buy shares at the then-current price and should act as soon as possible.",
        [("then-current", "DATE", "PAST_REF"), ("as soon as possible", "DATE", "FUTURE_REF")],
    ),
    (WEDNESDAY, "The army withdrew at the same time it announced the truce.", []),
    # the quarter a financial story reports on (the last one named that has ended) stays the period of
    # comparison after other dates: 'a year ago', 'the quarter', 'the year-ago quarter', 'the
    # corresponding period last year', 'last year's quarter'; 'the latest quarter' has ended
    (
        OCTOBER,
        "Acme reported a third-quarter loss. It expects profit in 2024. Sales were $3 million a year ago, "
        "and loans fell in the quarter.",
        [
            ("third-quarter", "DATE", "2023-Q3"),
            ("2024", "DATE", "2024"),
            ("a year ago", "DATE", "2022-Q3"),
            ("the quarter", "DATE", "2023-Q3"),
        ],
    ),
    (
        OCTOBER,
        "Profit for the third quarter ended Sept. 30 fell from the corresponding period last year; "
        "last year's quarter included a gain.",
        [
            ("the third quarter", "DATE", "2023-Q3"),
            ("Sept. 30", "DATE", "2023-09-30"),
            ("the corresponding period last year", "DATE", "2022-Q3"),
            ("last year's quarter", "DATE", "2022-Q3"),
        ],
    ),
    (
        OCTOBER,
        "Acme posted third-quarter gains and expects a fourth-quarter charge. Margins fell in the latest "
        "quarter.",
        [
            ("third-quarter", "DATE", "2023-Q3"),
            ("fourth-quarter", "DATE", "2023-Q4"),
            ("the latest quarter", "DATE", "2023-Q3"),
        ],
    ),
    # quarters and seasons are counted in quarters and seasons: in January the fourth quarter of a past
    # clause is the one just ended; a phrase on a noun ('a drop in profit for ...') keeps the clause's tense
    (
        dt.date(2024, 1, 22),
        "Acme announced a drop in profit for the fourth quarter.",
        [("the fourth quarter", "DATE", "2023-Q4")],
    ),
    (
        dt.date(2023, 10, 26),
        "Earnings soared to a record in the first quarter.",
        [("the first quarter", "DATE", "2023-Q1")],
    ),
    (dt.date(2024, 1, 22), "Output may recover in the spring.", [("the spring", "DATE", "2024-SP")]),
    # a year before a quarter ('the 2022 quarter': the quarter reported on, in 2022), fiscal quarters,
    # the last half of a year
    (
        OCTOBER,
        "Profit rose in the third quarter from $3 million in the 2022 quarter; the 2022 second quarter "
        "had a charge.",
        [
            ("the third quarter", "DATE", "2023-Q3"),
            ("the 2022 quarter", "DATE", "2022-Q3"),
            ("the 2022 second quarter", "DATE", "2022-Q2"),
        ],
    ),
    (OCTOBER, "Sales fell in the fiscal-first quarter.", [("the fiscal-first quarter", "DATE", "2023-Q1")]),
    (OCTOBER, "Growth slowed in the last half of 2019.", [("the last half of 2019", "DATE", "2019-H2")]),
    # 'by' a deadline looks ahead, unless the clause is past
    (
        dt.date(2023, 11, 2),
        "The company completed the sale by the Tuesday deadline.",
        [("Tuesday", "DATE", "2023-10-31")],
    ),
    (dt.date(2023, 11, 2), "Talks must end by Tuesday.", [("Tuesday", "DATE", "2023-11-07")]),
    # 'today' in the sense of nowadays (before a generic noun) is PRESENT_REF; the day otherwise
    (
        WEDNESDAY,
        "By today's standards the fleet is small. Today's meeting ended early.",
        [("today", "DATE", "PRESENT_REF"), ("Today", "DATE", "2023-06-14")],
    ),
    # a figure compared with 'last year' in a story about a quarter: that quarter a year back
    (
        OCTOBER,
        "In the third quarter, Acme lost $2 million, compared with a profit of $5 million last year. "
        "Last year was hard.",
        [
            ("the third quarter", "DATE", "2023-Q3"),
            ("last year", "DATE", "2022-Q3"),
            ("Last year", "DATE", "2022"),
        ],
    ),
    # holidays: the day, in the year the tense or a shift says; a holiday naming a season is no day
    (
        dt.date(2000, 2, 10),
        "He has stayed since last Thanksgiving and will leave after Christmas. Riots broke out on "
        "Good Friday.",
        [
            ("last Thanksgiving", "DATE", "1999-11-25"),
            ("Christmas", "DATE", "2000-12-25"),
            ("Good Friday", "DATE", "1999-04-02"),
        ],
    ),
    (
        WEDNESDAY,
        "Easter 2024 fell early, and Easter 2000 late.",
        [("Easter 2024", "DATE", "2024-03-31"), ("Easter 2000", "DATE", "2000-04-23")],
    ),
    (WEDNESDAY, "Christmas shoppers were few during the Christmas sales period.", []),
    # anaphoric parts of a period: 'earlier in the year' is the reference year
    (
        WEDNESDAY,
        "The war ended in 1995. Later in the year the troops left.",
        [("1995", "DATE", "1995"), ("Later in the year", "DATE", "1995")],
    ),
    (
        WEDNESDAY,
        "Shares fell today but rebounded late in the day after the report.",
        [("today", "DATE", "2023-06-14"), ("late in the day", "DATE", "2023-06-14")],
    ),
    # two-digit years: after 'the', in a season or month, fiscal years (which may lie a few years ahead)
    (
        WEDNESDAY,
        "He won the '72 election; they met in the summer of '69 and wed in June '70.",
        [("'72", "DATE", "1972"), ("the summer of '69", "DATE", "1969-SU"), ("June '70", "DATE", "1970-06")],
    ),
    (
        WEDNESDAY,
        "Sales rose in FY14 and fiscal '15; the plan runs to FY25.",
        [("FY14", "DATE", "2014"), ("fiscal '15", "DATE", "2015"), ("FY25", "DATE", "2025")],
    ),
    (
        WEDNESDAY,
        "Profit rose in H1 2023 after a weak 2H 2022. The H1N1 virus spread.",
        [("H1 2023", "DATE", "2023-H1"), ("2H 2022", "DATE", "2022-H2")],
    ),
    # 'since' (or 'since shortly after') points back
    (
        dt.date(2023, 5, 6),
        "Police have hunted him since shortly after the Oct. 23 attack.",
        [("Oct. 23", "DATE", "2022-10-23")],
    ),
    # 'until then' is the reference time (nothing without one); 'seven a year ago' counts no years
    (
        WEDNESDAY,
        "The offer ends on July 30. Until then, shares stay convertible.",
        [("July 30", "DATE", "2023-07-30"), ("then", "DATE", "2023-07-30")],
    ),
    (WEDNESDAY, "Until then, nothing changes.", []),
    (
        WEDNESDAY,
        "It runs 13 plants, up from seven a year ago.",
        [("a year ago", "DATE", "2022")],
    ),
    # an approximate offset is still a date: 'nearly four years ago', 'a week or so ago'
    (
        WEDNESDAY,
        "He left nearly four years ago and came back a week or so ago.",
        [("nearly four years ago", "DATE", "2019"), ("a week or so ago", "DATE", "2023-06-07")],
    ),
    # a bare day or month takes the year of a full date earlier in its sentence ...
    (
        WEDNESDAY,
        "The accord was signed on 2 March 2019 and ratified on 25 June.",
        [("2 March 2019", "DATE", "2019-03-02"), ("25 June", "DATE", "2019-06-25")],
    ),
    # ... but not of a bare year, nor of a date in an earlier sentence: news dates those from its own day
    (
        WEDNESDAY,
        "Exports have grown since 2015, and in March they fell.",
        [("2015", "DATE", "2015"), ("March", "DATE", "2023-03")],
    ),
    (
        WEDNESDAY,
        "The plant was bombed on May 4, 2018. Its owners agreed in April to rebuild it.",
        [("May 4, 2018", "DATE", "2018-05-04"), ("April", "DATE", "2023-04")],
    ),
    # a date counted from the publication day ends the earlier year's scene
    (
        WEDNESDAY,
        "Rebels took the town on 10 January 2019, lost it last week and had retaken it on 12 June.",
        [
            ("10 January 2019", "DATE", "2019-01-10"),
            ("last week", "DATE", "2023-W23"),
            ("12 June", "DATE", "2023-06-12"),
        ],
    ),
    # the scheduled present points ahead ('the summit opens Monday'); states, reports and verbs whose past is
    # spelt like the present ('hurt', 'cut') do not
    (
        WEDNESDAY,
        "The summit opens Monday and ends Thursday, and the minister flies home on Friday.",
        [
            ("Monday", "DATE", "2023-06-19"),
            ("Thursday", "DATE", "2023-06-15"),
            ("Friday", "DATE", "2023-06-16"),
        ],
    ),
    (WEDNESDAY, "The ultimatum expires on Saturday.", [("Saturday", "DATE", "2023-06-17")]),
    (WEDNESDAY, "Weakness in chip stocks hurt the index on Monday.", [("Monday", "DATE", "2023-06-12")]),
    (WEDNESDAY, "As of May, the store accounts for 70% of sales.", [("May", "DATE", "2023-05")]),
    # a deferral's 'until' bound lies ahead even in a past clause; a past state's does not
    (
        WEDNESDAY,
        "The judge adjourned the trial until Monday; the talks had lasted until Tuesday.",
        [("Monday", "DATE", "2023-06-19"), ("Tuesday", "DATE", "2023-06-13")],
    ),
    # a financial story that names no quarter: 'the latest period' is the last quarter ended by publication,
    # and 'the same period last year' that quarter a year back, or last year when no period came before
    (
        WEDNESDAY,
        "Sales in the latest period rose 8% from the same period last year.",
        [("the latest period", "DATE", "2023-Q1"), ("the same period last year", "DATE", "2022-Q1")],
    ),
    (
        WEDNESDAY,
        "Exports were up 8% from the same period last year.",
        [("the same period last year", "DATE", "2022")],
    ),
    # market summaries: 'For the week,' and 'the week's' are the week of the story's day
    (
        WEDNESDAY,
        "The index fell 1% on Monday, the week's busiest session. For the week, it is down 3%.",
        [
            ("Monday", "DATE", "2023-06-12"),
            ("the week", "DATE", "2023-W24"),
            ("the week", "DATE", "2023-W24"),
        ],
    ),
    (WEDNESDAY, "For the year, volume was flat.", [("the year", "DATE", "2023")]),
    # written on a Sunday, 'last week' is the week ending that day (American weeks run Sunday to Saturday)
    (dt.date(2023, 6, 18), "He escaped last week.", [("last week", "DATE", "2023-W24")]),
    (dt.date(2023, 6, 17), "He escaped last week.", [("last week", "DATE", "2023-W23")]),
    # 'exactly' N years or months ago is that day; an approximate offset keeps the unit's precision
    (
        WEDNESDAY,
        "The plant closed exactly two years ago, about three years after it opened.",
        [("exactly two years ago", "DATE", "2021-06-14"), ("about three years", "DURATION", "P3Y")],
    ),
    # a present 'is' whose complement is the time schedules it ('the deadline is Monday'); 'since' stays past
    (
        WEDNESDAY,
        "The deadline is Monday and the vote is on Saturday, though talks are stalled since Tuesday.",
        [
            ("Monday", "DATE", "2023-06-19"),
            ("Saturday", "DATE", "2023-06-17"),
            ("Tuesday", "DATE", "2023-06-13"),
        ],
    ),
    # a holiday's recess within three weeks is the one at hand, whatever the tense; a bare holiday follows it
    (
        dt.date(2013, 3, 22),
        "Lawmakers left for the Easter recess; Christmas was quiet.",
        [("the Easter recess", "DATE", "2013-03-31"), ("Christmas", "DATE", "2012-12-25")],
    ),
    # counts stay counts
    (WEDNESDAY, "By two thousand people had gathered in nineteen five-seat buses.", []),
    # a range of months that makes a calendar quarter names that quarter; other ranges do not
    (
        WEDNESDAY,
        "Output shrank in the January-March quarter after growing in the July-September period of 2022.",
        [
            ("the January-March quarter", "DATE", "2023-Q1"),
            ("the July-September period of 2022", "DATE", "2022-Q3"),
        ],
    ),
    (WEDNESDAY, "The tour covers the June-July period.", [("June", "DATE", "2023-06")]),
    # the N-th or last week of a month is an ISO week of the month (one whose Thursday is in it), not the
    # week before the publication day; the first or last days of a period are that period
    (
        WEDNESDAY,
        "Talks stalled in the last week of May and resume in the second week of July.",
        [("the last week of May", "DATE", "2023-W21"), ("the second week of July", "DATE", "2023-W28")],
    ),
    (WEDNESDAY, "Sales jumped in the final days of 2022.", [("the final days of 2022", "DATE", "2022")]),
    # a month that ends a calendar quarter names it: 'the March quarter', 'the quarter to March'
    (
        WEDNESDAY,
        "Exports grew in the March quarter and in the September quarter of 2022.",
        [("the March quarter", "DATE", "2023-Q1"), ("the September quarter of 2022", "DATE", "2022-Q3")],
    ),
    (
        WEDNESDAY,
        "Imports fell in the quarter to March.",
        [("the quarter", "DATE", "2023-Q1"), ("March", "DATE", "2023-03")],
    ),
    # 'early' and 'late' before a weekday belong to it (TimeML: the modifier is inside the extent)
    (
        WEDNESDAY,
        "Rebels attacked late Sunday and early Monday in the predawn hours of Monday.",
        [
            ("late Sunday", "DATE", "2023-06-11"),
            ("early Monday", "DATE", "2023-06-12"),
            ("the predawn hours of Monday", "TIME", "2023-06-12TMO"),
        ],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=case_ids(CASES))
def test_date_values(nlp, published, text, expected):
    check_times(nlp, published, text, expected)
