"""Temporal expressions: each phenomenon with its own sentences, published on Wednesday 2023-06-14.

Each case gives the text, then the expressions expected in it as (words, TIMEX3 type, value), in order.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.timex import find_times

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 6, 14)

CASES = [
    # absolute dates in the common news forms
    ("The talks were held on June 14, 2023.", [("June 14, 2023", "DATE", "2023-06-14")]),
    ("The accord was signed on 14 June in Geneva.", [("14 June", "DATE", "2023-06-14")]),
    ("The report is dated 2023-06-14.", [("2023-06-14", "DATE", "2023-06-14")]),
    ("The war began in 2018.", [("2018", "DATE", "2018")]),
    ("The envoy visited Kabul in October 2018.", [("October 2018", "DATE", "2018-10")]),
    ("Tensions rose in the 1990s.", [("the 1990s", "DATE", "199")]),
    ("The fund was set up in the mid-1990s.", [("the mid-1990s", "DATE", "199")]),
    ("The talks took place in the 20th century.", [("the 20th century", "DATE", "19")]),
    ("The plan was announced on Tuesday, June 13.", [("Tuesday, June 13", "DATE", "2023-06-13")]),
    ("The index fell to its lowest level since '82.", [("'82", "DATE", "1982")]),
    ("Talks broke down in late 2019.", [("late 2019", "DATE", "2019")]),
    # weekdays: the most recent one (the same day counts), the coming one in a future clause
    ("Rebels attacked the town on Monday.", [("Monday", "DATE", "2023-06-12")]),
    ("Protesters gathered on Wednesday.", [("Wednesday", "DATE", "2023-06-14")]),
    ("The minister will visit Paris on Friday.", [("Friday", "DATE", "2023-06-16")]),
    ("The minister will visit Paris on Wednesday.", [("Wednesday", "DATE", "2023-06-14")]),
    ("The markets will stay closed until Friday.", [("Friday", "DATE", "2023-06-16")]),
    ("The envoy left last Friday.", [("last Friday", "DATE", "2023-06-09")]),
    # deictic days
    ("Police arrested 20 people yesterday.", [("yesterday", "DATE", "2023-06-13")]),
    ("The president speaks today.", [("today", "DATE", "2023-06-14")]),
    ("The delegation arrives tomorrow.", [("tomorrow", "DATE", "2023-06-15")]),
    ("The cabinet met this morning.", [("this morning", "TIME", "2023-06-14TMO")]),
    # weekends, months, years relative to the publication date
    ("The foreign minister is going to Beijing this weekend.", [("this weekend", "DATE", "2023-W24-WE")]),
    ("The two leaders met last November.", [("last November", "DATE", "2022-11")]),
    ("The agreement was signed in February.", [("February", "DATE", "2023-02")]),
    ("The vote will take place in February.", [("February", "DATE", "2024-02")]),
    ("The ministers met in May.", [("May", "DATE", "2023-05")]),
    ("The city has been under curfew since early March.", [("early March", "DATE", "2023-03")]),
    ("Elections will be held next month.", [("next month", "DATE", "2023-07")]),
    ("The plant will close in October of next year.", [("October of next year", "DATE", "2024-10")]),
    ("Exports fell in March last year.", [("March last year", "DATE", "2022-03")]),
    ("The company wants to close its plants by early July.", [("early July", "DATE", "2023-07")]),
    ("The ministry plans new talks in May.", [("May", "DATE", "2024-05")]),
    ("The economy shrank last year.", [("last year", "DATE", "2022")]),
    ("The ceasefire collapsed two days ago.", [("two days ago", "DATE", "2023-06-12")]),
    ("Fighting intensified earlier this week.", [("earlier this week", "DATE", "2023-W24")]),
    ("The country has been under sanctions since 2018.", [("2018", "DATE", "2018")]),
    # seasons, quarters, halves
    ("The offensive is expected this summer.", [("this summer", "DATE", "2023-SU")]),
    ("Officials said the summit would be held in the spring.", [("the spring", "DATE", "2024-SP")]),
    ("The rebels regrouped last winter.", [("last winter", "DATE", "2022-WI")]),
    ("Profits are expected to rise in the third quarter.", [("the third quarter", "DATE", "2023-Q3")]),
    ("Profits fell in the first quarter.", [("the first quarter", "DATE", "2023-Q1")]),
    ("Sales fell in the fourth quarter of 2022.", [("the fourth quarter of 2022", "DATE", "2022-Q4")]),
    (
        "The ceasefire was agreed in the second half of 2022.",
        [("the second half of 2022", "DATE", "2022-H2")],
    ),
    # durations
    ("The war has lasted three years.", [("three years", "DURATION", "P3Y")]),
    ("Talks continued for two weeks.", [("two weeks", "DURATION", "P2W")]),
    ("The dispute has gone on for decades.", [("decades", "DURATION", "PXDE")]),
    ("He served as minister for a decade and a half.", [("a decade and a half", "DURATION", "P15Y")]),
    ("The siege lasted almost two and a half years.", [("almost two and a half years", "DURATION", "P2.5Y")]),
    ("It was a five-year plan.", [("a five-year", "DURATION", "P5Y")]),
    ("The blockade lasted thirty minutes.", [("thirty minutes", "DURATION", "PT30M")]),
    ("Talks may take 60 or 90 days.", [("60", "DURATION", "P60D"), ("90 days", "DURATION", "P90D")]),
    # sets
    ("The council meets every Wednesday.", [("every Wednesday", "SET", "XXXX-WXX-3")]),
    ("The bulletin is published weekly.", [("weekly", "SET", "P1W")]),
    ("The agency reports annually.", [("annually", "SET", "P1Y")]),
    # clock times take the day of their sentence
    ("Polls close at 8 p.m.", [("8 p.m.", "TIME", "2023-06-14T20:00")]),
    ("The vote will start at 3 p.m. on Friday.", [("3 p.m. on Friday", "TIME", "2023-06-16T15:00")]),
    ("The attack took place at 14:30 GMT on Sunday.", [("14:30 GMT on Sunday", "TIME", "2023-06-11T14:30Z")]),
    (
        "On June 1, the shelling resumed at 18:00 UTC.",
        [("June 1", "DATE", "2023-06-01"), ("18:00 UTC", "TIME", "2023-06-01T18:00Z")],
    ),
    # vague references
    ("Relations have recently improved.", [("recently", "DATE", "PAST_REF")]),
    ("Troops are now withdrawing.", [("now", "DATE", "PRESENT_REF")]),
    ("Both sides must plan for the future.", [("the future", "DATE", "FUTURE_REF")]),
    # anaphora: the narrative's reference time
    (
        "On March 3, 2021, rebels seized the town. The next day, troops retook it.",
        [("March 3, 2021", "DATE", "2021-03-03"), ("The next day", "DATE", "2021-03-04")],
    ),
    (
        "Exports rose in May. They were higher than in the same period last year.",
        [("May", "DATE", "2023-05"), ("the same period last year", "DATE", "2022-05")],
    ),
    (
        "GM lost $8 billion in 2005, after $10 billion the year before.",
        [("2005", "DATE", "2005"), ("the year before", "DATE", "2004")],
    ),
    (
        "Trading opened on June 2, 2022, and shares fell later in the day.",
        [("June 2, 2022", "DATE", "2022-06-02"), ("later in the day", "DATE", "2022-06-02")],
    ),
    (
        "The loss reached $4 billion in the fourth quarter of 2005 and $8 billion for the entire year.",
        [("the fourth quarter of 2005", "DATE", "2005-Q4"), ("the entire year", "DATE", "2005")],
    ),
    (
        "Talks resumed on Monday. That day, both delegations arrived late.",
        [("Monday", "DATE", "2023-06-12"), ("That day", "DATE", "2023-06-12")],
    ),
    # not temporal expressions
    ("The minister may resign.", []),
    ("Protesters march to the capital.", []),
    ("He sold 2008 cars.", []),
    ("The index matched the Russell 2000 Index.", []),
    ("He is 51 years old.", []),
    ("Traders still remember Black Monday.", []),
    ("The index rose to 2000 points.", []),
    ("Prices fall in the morning market.", []),
    ("About a quarter of the dealers will close.", []),
    ("It was the now-cancelled deal.", []),
    ("It is their most recent model.", []),
    ("Ministers met at the same time as the summit.", []),
]


@pytest.fixture(scope="module")
def nlp():
    from detente.pipeline import get_coder

    return get_coder().nlp


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[case[0][:48] for case in CASES])
def test_expressions(nlp, text, expected):
    times = find_times(nlp(text), WEDNESDAY)
    assert [(t.text, t.type, t.value) for t in times] == expected
    for time in times:
        assert text[time.start : time.end] == time.text


def test_precision_and_anchor(nlp):
    (weekend, month, year) = find_times(
        nlp("He goes to Rome this weekend; they met in May and again in 2019."), WEDNESDAY
    )
    assert (weekend.precision, weekend.anchor) == ("weekend", "2023-06-14")
    assert (month.precision, month.anchor) == ("month", "2023-06-14")
    assert (year.precision, year.anchor) == ("year", None)  # absolute: no anchor


def test_anaphora_are_anchored_at_the_reference_time(nlp):
    text = "On March 3, 2021, rebels seized the town. The next day, troops retook it."
    first, following = find_times(nlp(text), WEDNESDAY)
    assert first.anchor is None and following.anchor == "2021-03-03"


def test_without_a_publication_date_the_dateline_anchors(nlp):
    times = find_times(nlp("KYIV, June 3, 2023 - Russia shelled the city yesterday."), None)
    assert [(t.text, t.value) for t in times] == [("June 3, 2023", "2023-06-03"), ("yesterday", "2023-06-02")]


def test_without_any_anchor_relative_expressions_are_left_out(nlp):
    times = find_times(
        nlp("Russia shelled the city yesterday, three years after the war began in 2020."), None
    )
    assert [(t.text, t.value) for t in times] == [("three years", "P3Y"), ("2020", "2020")]


def test_expressions_do_not_cross_lines(nlp):
    times = find_times(nlp("Markets stay closed until Friday\n\nSeptember 18, 2008"), dt.date(2008, 9, 18))
    assert [(t.text, t.value) for t in times] == [
        ("Friday", "2008-09-19"),
        ("September 18, 2008", "2008-09-18"),
    ]
