"""Phrasings of wire copy the rules first missed, found by reading what the recognizer left unmarked in
unlabelled news-style text; each with sentences of our own.

Published on Wednesday 2023-06-14 unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .time_cases import case_ids, check_times

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 6, 14)

CASES = [
    # a bare plural unit before 'ago', 'earlier', 'later': some of them, on the side of the publication day
    # the story's time is on
    (WEDNESDAY, "The rebels left the town years ago.", [("years ago", "DATE", "PAST_REF")]),
    (WEDNESDAY, "The party was banned some time ago.", [("some time ago", "DATE", "PAST_REF")]),
    (WEDNESDAY, "He was arrested days later.", [("days later", "DATE", "PAST_REF")]),
    (
        WEDNESDAY,
        "The ceasefire collapsed on March 2. Weeks later, the army attacked.",
        [("March 2", "DATE", "2023-03-02"), ("Weeks later", "DATE", "PAST_REF")],
    ),
    (
        WEDNESDAY,
        "The talks open on July 10 and a deal could follow days later.",
        [("July 10", "DATE", "2023-07-10"), ("days later", "DATE", "FUTURE_REF")],
    ),
    # a counted offset keeps its calendar value
    (WEDNESDAY, "The contract was signed two years ago.", [("two years ago", "DATE", "2021")]),
    # a part of day with 'early', 'late': the day in focus
    (WEDNESDAY, "The crowd had dispersed by late afternoon.", [("late afternoon", "TIME", "2023-06-14TAF")]),
    (
        WEDNESDAY,
        "Police raided the camp on Monday. The group fled in the early morning.",
        [("Monday", "DATE", "2023-06-12"), ("the early morning", "TIME", "2023-06-12TMO")],
    ),
    # ... but not a modifier of a noun
    (WEDNESDAY, "The early morning prayers were cancelled.", []),
    # 'another week': a duration of one unit
    (WEDNESDAY, "Martial law will be extended by another week.", [("another week", "DURATION", "P1W")]),
    # ranges of years, with a hyphen or an en dash, before a noun or in brackets: both ends
    (
        WEDNESDAY,
        "Hostages were held during the 1979-1981 crisis.",
        [("1979", "DATE", "1979"), ("1981", "DATE", "1981")],
    ),
    (
        WEDNESDAY,
        "After the Korean War (1950–1953), the North rebuilt.",
        [("1950", "DATE", "1950"), ("1953", "DATE", "1953")],
    ),
    # 29 February: the leap day on the side of the publication day the tense says
    (WEDNESDAY, "The court ruled on February 29.", [("February 29", "DATE", "2020-02-29")]),
    (WEDNESDAY, "The vote will be held on Feb. 29.", [("Feb. 29", "DATE", "2024-02-29")]),
    # a clock time on a plural weekday: a set
    (WEDNESDAY, "The market opens at 5 a.m. on Sundays.", [("5 a.m. on Sundays", "SET", "XXXX-WXX-7T05:00")]),
    (WEDNESDAY, "He spoke at 5 p.m. on Sunday.", [("5 p.m. on Sunday", "TIME", "2023-06-11T17:00")]),
    # a local zone named by its city or nation adds nothing to the value
    (WEDNESDAY, "The quake struck at 14:00 Greek time.", [("14:00 Greek time", "TIME", "2023-06-14T14:00")]),
    (
        WEDNESDAY,
        "Talks began at 10 a.m. Moscow time on Tuesday.",
        [("10 a.m. Moscow time on Tuesday", "TIME", "2023-06-13T10:00")],
    ),
    # a phrase before the 'that' of a reported clause dates the report, not the clause
    (
        WEDNESDAY,
        "The minister told reporters in Accra, Ghana, on Thursday that the deal would include tariffs.",
        [("Thursday", "DATE", "2023-06-08")],
    ),
    # the present of a clause of time takes the tense of the clause it modifies
    (
        WEDNESDAY,
        "The law will be reviewed before the vote is held in October.",
        [("October", "DATE", "2023-10")],
    ),
    (
        WEDNESDAY,
        "The law was reviewed before the vote was held in October.",
        [("October", "DATE", "2022-10")],
    ),
    # years counted from a day: the year ('a year earlier' alone compares the same day)
    (
        WEDNESDAY,
        "The treaty was signed on Feb. 14, 1999. Twenty years later, it collapsed.",
        [("Feb. 14, 1999", "DATE", "1999-02-14"), ("Twenty years later", "DATE", "2019")],
    ),
    (
        WEDNESDAY,
        "The treaty was signed on Feb. 14, 1999. A year later, it collapsed.",
        [("Feb. 14, 1999", "DATE", "1999-02-14"), ("A year later", "DATE", "2000-02-14")],
    ),
    # a unit compared with itself is no length of time
    (WEDNESDAY, "Exports fell after a year-on-year drop of 3 percent.", []),
    # a season inside a name is no season
    (WEDNESDAY, "The Arab Spring began in 2011.", [("2011", "DATE", "2011")]),
    (WEDNESDAY, "Workers joined the Global Spring Strike campaign.", []),
    (WEDNESDAY, "Talks resume in the Spring.", [("the Spring", "DATE", "2024-SP")]),
    # 'a' with one unit after a quantity is a rate; 'a few weeks' is not
    (WEDNESDAY, "He earns $5 million a year.", [("a year", "SET", "P1Y")]),
    (WEDNESDAY, "The speech came a few weeks too late.", [("a few weeks", "DURATION", "PXW")]),
    # 'overnight': the night into the day its sentence names, else into the publication day
    (WEDNESDAY, "Rebels shelled the city overnight.", [("overnight", "TIME", "2023-06-13TNI")]),
    (
        WEDNESDAY,
        "On Monday, rebels shelled the town overnight.",
        [("Monday", "DATE", "2023-06-12"), ("overnight", "TIME", "2023-06-12TNI")],
    ),
    (
        WEDNESDAY,
        "Rebels attacked the town on Monday. The shelling went on overnight.",
        [("Monday", "DATE", "2023-06-12"), ("overnight", "TIME", "2023-06-12TNI")],
    ),
    (WEDNESDAY, "Guests paid for an overnight stay.", [("overnight", "DURATION", "PT12H")]),
    (WEDNESDAY, "An overnight fire damaged the church.", [("overnight", "TIME", "2023-06-13TNI")]),
    # a bracket closes only the zone it opened
    (
        WEDNESDAY,
        "The summit opened in Sydney (10.00am AEDT) on Friday.",
        [("10.00am AEDT", "TIME", "2023-06-09T10:00"), ("Friday", "DATE", "2023-06-09")],
    ),
    (
        WEDNESDAY,
        "It landed at 6:40 p.m. (GMT +8) after a flight.",
        [("6:40 p.m. (GMT +8)", "TIME", "2023-06-14T18:40")],
    ),
    # an 'as' clause and a present progressive do not carry a future over
    (
        WEDNESDAY,
        "As the search continues on Tuesday afternoon, officials are gathering in Ulsan.",
        [("Tuesday afternoon", "TIME", "2023-06-13TAF")],
    ),
    # a date between a reporting verb and the subject of its clause dates the report
    (
        WEDNESDAY,
        "Rebels in Moldova told Russia on Monday they could accept a ceasefire.",
        [("Monday", "DATE", "2023-06-12")],
    ),
    (WEDNESDAY, "The minister said talks would resume on Monday.", [("Monday", "DATE", "2023-06-19")]),
    # an active 'set' schedules only with 'for'
    (WEDNESDAY, "Protesters have set fire Sunday to two churches.", [("Sunday", "DATE", "2023-06-11")]),
    (WEDNESDAY, "The government has set talks for Monday.", [("Monday", "DATE", "2023-06-19")]),
    (
        WEDNESDAY,
        "No one was hurt in the fire, which was set Monday night.",
        [("Monday night", "TIME", "2023-06-12TNI")],
    ),
    # a part of day 'on' a date is one TIME, as one 'of' it is
    (
        WEDNESDAY,
        "The blast occurred in the late afternoon on September 4.",
        [("the late afternoon on September 4", "TIME", "2022-09-04TAF")],
    ),
    (
        WEDNESDAY,
        "The crowd dispersed by late afternoon on Friday.",
        [("late afternoon on Friday", "TIME", "2023-06-09TAF")],
    ),
    (WEDNESDAY, "He spent the night on the floor.", []),
    (WEDNESDAY, "The morning on which he died was cold.", []),
    # 'as soon as', 'as early as', 'no later than': a bound ahead, unless the clause is past
    (
        WEDNESDAY,
        "He said the group would be ready to leave as soon as Tuesday.",
        [("Tuesday", "DATE", "2023-06-20")],
    ),
    (WEDNESDAY, "Troops arrived as early as Tuesday.", [("Tuesday", "DATE", "2023-06-13")]),
    # half a unit ago: that many years back
    (
        WEDNESDAY,
        "The reclusive actress disappeared almost a half century ago.",
        [("almost a half century ago", "DATE", "1973")],
    ),
    (WEDNESDAY, "The church was built a century ago.", [("a century ago", "DATE", "19")]),
    # a plural unit with a capital inside a sentence is a name
    (WEDNESDAY, "Referee Tony Weeks stopped the fight.", []),
    (WEDNESDAY, "With the champion pinned in the corner, Weeks called a halt.", []),
    (WEDNESDAY, "Weeks of talks ended without a deal.", [("Weeks", "DURATION", "PXW")]),
    # four digits and 'hours' after a clock preposition are a 24-hour time; otherwise a count of hours
    (
        WEDNESDAY,
        "Pirates attacked the ship at about 1100 hrs IST.",
        [("1100 hrs", "TIME", "2023-06-14T11:00")],
    ),
    (WEDNESDAY, "He completed 1500 hours of community service.", [("1500 hours", "DURATION", "PT1500H")]),
    # names: a season or frequency word with a capital inside a sentence
    (WEDNESDAY, "The agent spoke as he was leaving the Winter Meetings.", []),
    (WEDNESDAY, "She told Us Weekly that she was fine.", []),
    (
        WEDNESDAY,
        "Daily flights resume next week.",
        [("Daily", "SET", "P1D"), ("next week", "DATE", "2023-W25")],
    ),
    # a day with 'early' before its month, or no space after the month's period
    (WEDNESDAY, "He was shot on his way to work early Aug. 2.", [("early Aug. 2", "DATE", "2022-08-02")]),
    (WEDNESDAY, "Voting began in Turkmenistan on Dec.14.", [("Dec.14", "DATE", "2022-12-14")]),
    # 'the past' before a count qualifies it
    (WEDNESDAY, "He hit 30 homers in each of the past five seasons.", []),
    (WEDNESDAY, "He had visited in the past.", [("in the past", "DATE", "PAST_REF")]),
    # a quarter of something other than a year is no calendar quarter
    (WEDNESDAY, "He was fired within the first quarter of the season.", []),
    (WEDNESDAY, "Profit rose in the first quarter of the year.", [("the first quarter", "DATE", "2023-Q1")]),
    # a clock time's day keeps its year
    (
        WEDNESDAY,
        "The report was filed at 5:00 a.m. on Tuesday, July 14, 2016.",
        [("5:00 a.m. on Tuesday, July 14, 2016", "TIME", "2016-07-14T05:00")],
    ),
    (
        WEDNESDAY,
        "The polls closed at 8 p.m. Nov. 6, 2012.",
        [("8 p.m. Nov. 6, 2012", "TIME", "2012-11-06T20:00")],
    ),
    # 'annual' after a numbered edition names the event
    (WEDNESDAY, "He hosted the 58th annual Tony Awards.", []),
    (
        WEDNESDAY,
        "GM posted its first annual loss since 1992.",
        [("annual", "DURATION", "P1Y"), ("1992", "DATE", "1992")],
    ),
    # a noun marked 'next', 'upcoming' or 'previous' places the date that modifies it
    (
        WEDNESDAY,
        "He invited leaders to his next summit on May 25.",
        [("May 25", "DATE", "2024-05-25")],
    ),
    (WEDNESDAY, "The upcoming election on May 5 worried officials.", [("May 5", "DATE", "2024-05-05")]),
    (WEDNESDAY, "The rebels attacked on May 25.", [("May 25", "DATE", "2023-05-25")]),
    # a day before the noun it dates, in a clause told in the past, names a past event (not a deadline's)
    (
        WEDNESDAY,
        "Survivors of the June 30 attacks described brutal treatment.",
        [("June 30", "DATE", "2022-06-30")],
    ),
    (WEDNESDAY, "The rebels agreed to a June 30 deadline.", [("June 30", "DATE", "2023-06-30")]),
    # a gerund after 'after' shares the time of its clause
    (
        WEDNESDAY,
        "The prince had a busy two weeks after taking power July 5.",
        [("two weeks", "DURATION", "P2W"), ("July 5", "DATE", "2022-07-05")],
    ),
    # a participle of planning with its agent names the act, done
    (
        WEDNESDAY,
        "Under the plan proposed by the opposition on Monday, the army would stop its strikes.",
        [("Monday", "DATE", "2023-06-12")],
    ),
    (WEDNESDAY, "The rally, planned for Saturday, will go ahead.", [("Saturday", "DATE", "2023-06-17")]),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=case_ids(CASES))
def test_wire_phrasings(nlp, published, text, expected):
    check_times(nlp, published, text, expected)
