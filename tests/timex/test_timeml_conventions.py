"""TimeML conventions added for the TempEval-3 data, each with sentences of our own.

Published on Wednesday 2023-06-14 (second quarter) unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .time_cases import case_ids, check_times

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 6, 14)
OCTOBER = dt.date(2023, 10, 26)  # fourth quarter: results of the third are being reported

CASES = [
    # reporting periods: after a quarter, 'a year ago' is that quarter a year back, and it does not move
    # the story's reference time (the second comparison is to the same quarter again)
    (
        OCTOBER,
        "Third-quarter profit rose to $5 million from $3 million a year ago. "
        "Sales rose 4% from a year earlier.",
        [
            ("Third-quarter", "DATE", "2023-Q3"),
            ("a year ago", "DATE", "2022-Q3"),
            ("a year earlier", "DATE", "2022-Q3"),
        ],
    ),
    (
        OCTOBER,
        "Net income in the third quarter fell. The year-ago quarter included a gain. "
        "The latest quarter was weak.",
        [
            ("the third quarter", "DATE", "2023-Q3"),
            ("The year-ago quarter", "DATE", "2022-Q3"),
            ("The latest quarter", "DATE", "2023-Q3"),
        ],
    ),
    # a quarter in a future clause may be the one just ended, whose results are still to come
    (OCTOBER, "The company expects third-quarter earnings to fall.", [("third-quarter", "DATE", "2023-Q3")]),
    # without a quarter named, 'a year ago' is the year, and 'the quarter' is nothing
    (WEDNESDAY, "Exports were higher a year ago.", [("a year ago", "DATE", "2022")]),
    (WEDNESDAY, "He spent the quarter in Paris.", []),
    # after a day, 'a year earlier' is that day a year back
    (
        WEDNESDAY,
        "The treaty was signed on March 3, 2021. A year earlier talks had failed.",
        [("March 3, 2021", "DATE", "2021-03-03"), ("A year earlier", "DATE", "2020-03-03")],
    ),
    # an expression inside a noun or adjective phrase is not placed by its clause's tense: the nearest
    (
        dt.date(2024, 1, 5),
        "Officials set no reason for the Jan. 14 deadline.",
        [("Jan. 14", "DATE", "2024-01-14")],
    ),
    (
        dt.date(2023, 10, 27),
        "The board declared a dividend, payable Dec. 7 to holders of record.",
        [("Dec. 7", "DATE", "2023-12-07")],
    ),
    # a participle after its noun is part of the noun phrase: 'planned' does not make Saturday a coming one
    (
        dt.date(2023, 6, 18),
        "A rally planned for Saturday was cancelled.",
        [("Saturday", "DATE", "2023-06-17")],
    ),
    # ... but a past clause still places a bare date that it governs
    (dt.date(2024, 1, 5), "The talks ended on Dec. 20.", [("Dec. 20", "DATE", "2023-12-20")]),
    # a passive infinitive takes the direction of the clause it completes
    (
        WEDNESDAY,
        "The rules are expected to be published in early September.",
        [("early September", "DATE", "2023-09")],
    ),
    # sets
    (WEDNESDAY, "Guards patrol the border every evening.", [("every evening", "SET", "XXXX-XX-XXTEV")]),
    (WEDNESDAY, "They meet every Thursday morning.", [("every Thursday morning", "SET", "XXXX-WXX-4TMO")]),
    (WEDNESDAY, "The market is closed on Sundays.", [("Sundays", "SET", "XXXX-WXX-7")]),
    (WEDNESDAY, "He hosts a show on Tuesday nights.", [("Tuesday nights", "SET", "XXXX-WXX-2TNI")]),
    # anaphora and generic references
    (WEDNESDAY, "Back then, nobody cared about the rules.", [("Back then", "DATE", "PAST_REF")]),
    (
        WEDNESDAY,
        "The war ended in 1995. Back then the city lay in ruins.",
        [("1995", "DATE", "1995"), ("Back then", "DATE", "1995")],
    ),
    (WEDNESDAY, "The current crisis worries investors.", [("current", "DATE", "PRESENT_REF")]),
    # fiscal years keep their word
    (WEDNESDAY, "Sales rose in fiscal 2021.", [("fiscal 2021", "DATE", "2021")]),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=case_ids(CASES))
def test_conventions(nlp, published, text, expected):
    check_times(nlp, published, text, expected)
