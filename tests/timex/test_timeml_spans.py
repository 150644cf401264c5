"""TimeML conventions for durations, sets, clock times and what is not a TIMEX3, each with sentences of our
own. Published on Wednesday 2023-06-14 (second quarter) unless a case says otherwise.
"""

from __future__ import annotations

import datetime as dt

import pytest

from .time_cases import case_ids, check_times

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 6, 14)
OCTOBER = dt.date(2023, 10, 26)
FRIDAY = dt.date(2013, 3, 22)

CASES = [
    # 'March' and 'May' after a superlative are months ('the coldest March'), not the verbs
    (
        FRIDAY,
        "It was the coldest March since 1962, and it may snow.",
        [("March", "DATE", "2013-03"), ("1962", "DATE", "1962")],
    ),

    # 'the past fortnight' is a length of time, not 'the past' plus a word
    (FRIDAY, "Over the past fortnight, prices fell.", [("the past fortnight", "DURATION", "P2W")]),

    # '-long' adjectives of every unit are durations; "year's end" is year-end
    (
        FRIDAY,
        "A decade-long war and a week-long strike must end by year's end.",
        [
            ("decade-long", "DURATION", "P10Y"),
            ("week-long", "DURATION", "P1W"),
            ("year's end", "DATE", "2013-12-31"),
        ],
    ),

    # 'the early hours of the morning' is one part of day, not a duration of hours
    (
        FRIDAY,
        "The deal was agreed in the early hours of the morning.",
        [("the early hours of the morning", "TIME", "2013-03-22TMO")],
    ),

    # a range's end after a number's hyphen is an expression of its own, dated on from the range's start;
    # after a word's hyphen ('post-2008') nothing starts
    (
        FRIDAY,
        "He was mayor in 2005-2008, and the fair ran Dec. 28-Jan. 3. On Friday it opened 9 a.m.-5 p.m.",
        [
            ("2005", "DATE", "2005"),
            ("2008", "DATE", "2008"),
            ("Dec. 28", "DATE", "2012-12-28"),
            ("Jan. 3", "DATE", "2013-01-03"),
            ("Friday", "DATE", "2013-03-22"),
            ("9 a.m.", "TIME", "2013-03-22T09:00"),
            ("5 p.m.", "TIME", "2013-03-22T17:00"),
        ],
    ),
    (FRIDAY, "Post-2008 rules apply.", []),

    # a clock time whose sentence names no day takes the day named just before it
    (
        FRIDAY,
        "The fire was reported Tuesday morning. Crews arrived at 3:33 a.m. and fought it.",
        [("Tuesday morning", "TIME", "2013-03-19TMO"), ("3:33 a.m.", "TIME", "2013-03-19T03:33")],
    ),

    # web datelines: a day and a clock time of it are one TIME; 'Jul' without its period is a month
    (
        FRIDAY,
        "Last updated: Jul 07, 2012 8:44 PM ET. Published March 12, 2013, 9:36 AM, it said.",
        [
            ("Jul 07, 2012 8:44 PM ET", "TIME", "2012-07-07T20:44"),
            ("March 12, 2013, 9:36 AM", "TIME", "2013-03-12T09:36"),
        ],
    ),
    # a 24-hour clock time glossed in another zone is no year
    (
        FRIDAY,
        "The quake struck at 1353 (1023 GMT) on Friday.",
        [
            ("1353", "TIME", "2013-03-22T13:53"),
            ("1023 GMT", "TIME", "2013-03-22T10:23Z"),
            ("Friday", "DATE", "2013-03-22"),
        ],
    ),
    # an age range is no duration; a capitalized frequency word inside a name is no set
    (FRIDAY, "Two workers, between 30 and 40 years old, died, the Daily News said.", []),

    # a fraction written with digits is given in whole smaller units (TimeBank: P2Y6M, PT5H30M)
    (
        WEDNESDAY,
        "The envoy spent 3 1/2 hours in Kigali after 2 1/2 years in exile.",
        [("3 1/2 hours", "DURATION", "PT3H30M"), ("2 1/2 years", "DURATION", "P2Y6M")],
    ),
    # 'N units ago' is one DATE, with its approximation and 'or so' inside the span
    (
        WEDNESDAY,
        "The militia was formed nearly six years ago and disarmed a month or so ago.",
        [("nearly six years ago", "DATE", "2017"), ("a month or so ago", "DATE", "2023-05")],
    ),
    # a count before 'a year ago' is not part of it; 'a year ago' and 'a year earlier' compare with the same
    # year, one after the other
    (
        WEDNESDAY,
        "The army has 40 brigades, up from thirty a year ago. It had 25 a year earlier.",
        [("a year ago", "DATE", "2022"), ("a year earlier", "DATE", "2022")],
    ),
    # year-end is December 31: the coming one, or the last one after 'since'
    (
        WEDNESDAY,
        "The bank expects to close the deal by year-end. Its shares are down 8% since year-end.",
        [("year-end", "DATE", "2023-12-31"), ("year-end", "DATE", "2022-12-31")],
    ),
    # 'the year ended March 31': a year-long period named by its end
    (
        WEDNESDAY,
        "The ministry spent $4 billion in the fiscal year ended March 31.",
        [("the fiscal year", "DURATION", "P1Y"), ("March 31", "DATE", "2023-03-31")],
    ),
    # a year before a period word names that period in that year, not a count of 1998 quarters
    (
        OCTOBER,
        "Third-quarter exports rose 9% from the 2022 quarter.",
        [("Third-quarter", "DATE", "2023-Q3"), ("the 2022 quarter", "DATE", "2022-Q3")],
    ),
    (
        WEDNESDAY,
        "Spending fell from the 2021 second quarter.",
        [("the 2021 second quarter", "DATE", "2021-Q2")],
    ),
    # fractions are not durations; quarters of a year are
    (WEDNESDAY, "The country imports two-thirds and three-quarters of its grain.", []),
    (
        WEDNESDAY,
        "The economy shrank for two consecutive quarters of the year.",
        [("two consecutive quarters", "DURATION", "P2Q")],
    ),
    # clock times: a local zone adds nothing to the value, UTC adds Z; a date after the time is part of it
    (
        WEDNESDAY,
        "The vote closes at 18:00 GMT. The ceasefire takes effect at 6 p.m. EDT July 2.",
        [("18:00 GMT", "TIME", "2023-06-14T18:00Z"), ("6 p.m. EDT July 2", "TIME", "2023-07-02T18:00")],
    ),
    (
        WEDNESDAY,
        "The convoy will leave at 5 in the morning and return at 9 in the evening.",
        [("5 in the morning", "TIME", "2023-06-14T05:00"), ("9 in the evening", "TIME", "2023-06-14T21:00")],
    ),
    # a clock time takes its day, and its half of the day, from the words after it
    (
        WEDNESDAY,
        "Troops crossed at 2:30 this afternoon. Shelling began at 9:15 p.m. on Saturday, June 10.",
        [
            ("2:30 this afternoon", "TIME", "2023-06-14T14:30"),
            ("9:15 p.m. on Saturday, June 10", "TIME", "2023-06-10T21:15"),
        ],
    ),
    (
        WEDNESDAY,
        "The envoy arrives tomorrow night and left at 8:00 yesterday evening.",
        [("tomorrow night", "TIME", "2023-06-15TNI"), ("8:00 yesterday evening", "TIME", "2023-06-13T20:00")],
    ),
    # midnight is the end of its day (T24:00); noon T12:00
    (
        WEDNESDAY,
        "The curfew began at midnight. The talks will open at noon Friday.",
        [("midnight", "TIME", "2023-06-14T24:00"), ("noon Friday", "TIME", "2023-06-16T12:00")],
    ),
    # a part of day with 'the' is that part of the last day named; not when it modifies a noun
    (
        WEDNESDAY,
        "Rebels attacked the town on Monday. Troops arrived in the morning.",
        [("Monday", "DATE", "2023-06-12"), ("the morning", "TIME", "2023-06-12TMO")],
    ),
    # a decimal number is not a clock time unless 'at' or a.m./p.m. says so
    (WEDNESDAY, "Each holder will receive about 0.45 share of the new company.", []),
    (WEDNESDAY, "The talks began at 10.30 on Monday.", [("10.30 on Monday", "TIME", "2023-06-12T10:30")]),
    # the article goes with a duration adjective only when a period noun follows it
    (
        WEDNESDAY,
        "The index hit a 52-week low after a 10-year period of growth.",
        [("52-week", "DURATION", "P52W"), ("a 10-year period", "DURATION", "P10Y")],
    ),
    # a unit after a quantity is a rate: a SET; after a preposition a duration
    (
        WEDNESDAY,
        "The mission costs $3 million a year and flies 40 sorties a week; it may end within a year.",
        [("a year", "SET", "P1Y"), ("a week", "SET", "P1W"), ("a year", "DURATION", "P1Y")],
    ),
    # 'quarterly' before a noun is left unmarked (TimeBank); as an adverb it is a SET
    (WEDNESDAY, "The fund cut its quarterly payout.", []),
    (WEDNESDAY, "The fund reports quarterly.", [("quarterly", "SET", "P3M")]),
    # the preposition before a vague duration is a signal, not part of the expression
    (WEDNESDAY, "The border has been closed for years.", [("years", "DURATION", "PXY")]),
    # 'over' before a count means 'more than' and belongs to the expression; before 'the' it is a signal
    (
        WEDNESDAY,
        "Over the past six months the siege lasted over a week twice.",
        [("the past six months", "DURATION", "P6M"), ("over a week", "DURATION", "P1W")],
    ),
    # 'later' alone and 'soon after' relate an event to another: signals, not times; 'soon' alone is one
    (WEDNESDAY, "The envoy later met rebels, shortly after the truce.", []),
    (WEDNESDAY, "The rebels will disarm soon.", [("soon", "DATE", "FUTURE_REF")]),
    # years and decades said in words, as broadcast transcripts write them; not counts
    (
        WEDNESDAY,
        "The dam was finished in nineteen eighty-two and will be rebuilt by the year two thousand thirty.",
        [("nineteen eighty-two", "DATE", "1982"), ("the year two thousand thirty", "DATE", "2030")],
    ),
    (WEDNESDAY, "Output fell through the seventies.", [("the seventies", "DATE", "197")]),
    (WEDNESDAY, "Nineteen soldiers in their twenties were hurt.", []),
    # 'annual' before a name describes the event; before a common noun it is a duration
    (WEDNESDAY, "Delegates met at the annual Mediterranean Security Forum.", []),
    (WEDNESDAY, "The ministry posted its first annual deficit.", [("annual", "DURATION", "P1Y")]),
    # 'late in the day' is that day, whatever follows it ('the day after' is another day)
    (
        WEDNESDAY,
        "Rebels shelled the port on Monday. The guns fell silent late in the day after a truce.",
        [("Monday", "DATE", "2023-06-12"), ("late in the day", "DATE", "2023-06-12")],
    ),
    # 'at the same time': simultaneously, not a time of the story
    (WEDNESDAY, "At the same time, the rebels shelled the port.", []),
    # 'the early (small, wee) hours of <day>' is that day's early morning, one TIME, not a duration of hours;
    # without a day, the last day named
    (
        WEDNESDAY,
        "Gunmen stormed the compound in the early hours of Sunday.",
        [("the early hours of Sunday", "TIME", "2023-06-11TMO")],
    ),
    (
        WEDNESDAY,
        "Troops withdrew in the wee hours of Tuesday morning.",
        [("the wee hours of Tuesday morning", "TIME", "2023-06-13TMO")],
    ),
    (
        WEDNESDAY,
        "Rebels fired on the post on Monday. Guards were posted in the small hours.",
        [("Monday", "DATE", "2023-06-12"), ("the small hours", "TIME", "2023-06-12TMO")],
    ),
    # 'the night (morning, evening) of <date>' is one TIME (TimeML: a part of day of that day)
    (
        WEDNESDAY,
        "Rockets hit the town on the night of May 28 and again on the morning of 3 June 2022.",
        [
            ("the night of May 28", "TIME", "2023-05-28TNI"),
            ("the morning of 3 June 2022", "TIME", "2022-06-03TMO"),
        ],
    ),
    (
        WEDNESDAY,
        "He arrived on the evening of Tuesday.",
        [("the evening of Tuesday", "TIME", "2023-06-13TEV")],
    ),
    # every/each + season, month or weekend, and 'on weekends', are SETs
    (
        WEDNESDAY,
        "Protesters gather every winter and each autumn; the post closes each October and every weekend.",
        [
            ("every winter", "SET", "XXXX-WI"),
            ("each autumn", "SET", "XXXX-FA"),
            ("each October", "SET", "XXXX-10"),
            ("every weekend", "SET", "XXXX-WXX-WE"),
        ],
    ),
    (WEDNESDAY, "Ferries do not sail on weekends.", [("weekends", "SET", "XXXX-WXX-WE")]),
    # a clock time without am/pm: with a day and part of day, or after a preposition of time; not a score
    # or a verse
    (
        WEDNESDAY,
        "At 6:40 on Monday evening, the convoy was ambushed; the blast came at 6:30 in the morning.",
        [
            ("6:40 on Monday evening", "TIME", "2023-06-12T18:40"),
            ("6:30 in the morning", "TIME", "2023-06-12T06:30"),
        ],
    ),
    (WEDNESDAY, "Fans celebrated the 3:1 win in the final. The verse was Psalm 23:4.", []),
    # a clock time after a weekday or part of day, or opening a span of clock times, is a TIME
    (
        WEDNESDAY,
        "Voters queued Sunday 6:45 at the school; polls stayed open 7:00 to 19:00.",
        [
            ("Sunday 6:45", "TIME", "2023-06-11T06:45"),
            ("7:00", "TIME", "2023-06-11T07:00"),
            ("19:00", "TIME", "2023-06-11T19:00"),
        ],
    ),
    # 'the year to April' is a year named by its end, like 'the year ended March 31'
    (
        WEDNESDAY,
        "Exports in the year to April fell 4 percent.",
        [("the year", "DURATION", "P1Y"), ("April", "DATE", "2023-04")],
    ),
    # 'the week ended/ending <day>' is the week that day ends (the ISO week of most of its seven days)
    (
        WEDNESDAY,
        "Arrivals in the week ended June 4 rose.",
        [("the week", "DATE", "2023-W22"), ("June 4", "DATE", "2023-06-04")],
    ),
    (
        WEDNESDAY,
        "Claims fell in the week ending Saturday.",
        [("the week", "DATE", "2023-W23"), ("Saturday", "DATE", "2023-06-10")],
    ),
    # a running count of days or weeks ('a third straight day', 'its fifth day') is the day its sentence
    # names, else the publication day, or that day's week; not 'the first day', not 'the second day of ...'
    (
        WEDNESDAY,
        "Banks stayed shut for a second consecutive day on Monday. The siege entered its fifth day.",
        [
            ("a second consecutive day", "DATE", "2023-06-12"),
            ("Monday", "DATE", "2023-06-12"),
            ("fifth day", "DATE", "2023-06-14"),
        ],
    ),
    (WEDNESDAY, "Shares rose for a third straight week.", [("a third straight week", "DATE", "2023-W24")]),
    (WEDNESDAY, "On the first day and the second day of the trial, the judge spoke.", []),
    (WEDNESDAY, "Patrols pass every second day.", [("every second day", "SET", "P2D")]),
    # 'local time' is a local zone: it adds nothing to the value and joins the clock to its day
    (
        WEDNESDAY,
        "The quake struck at 10:14 a.m. local time Saturday; a truce began at midnight local time on Sunday.",
        [
            ("10:14 a.m. local time Saturday", "TIME", "2023-06-10T10:14"),
            ("midnight local time on Sunday", "TIME", "2023-06-11T24:00"),
        ],
    ),
    (WEDNESDAY, "The jet went down at 0230 local time.", [("0230 local time", "TIME", "2023-06-14T02:30")]),
    # US broadcast zones are local zones too; 'the past hour' is an hour long, not a past reference
    (
        WEDNESDAY,
        "The polls closed at 8 p.m. Eastern time; in the past hour, turnout figures came in.",
        [("8 p.m. Eastern time", "TIME", "2023-06-14T20:00"), ("the past hour", "DURATION", "PT1H")],
    ),
    # a holiday's weekend is the weekend nearest it (before a Monday holiday)
    (
        WEDNESDAY,
        "Roads were jammed over the Memorial Day weekend, as over Easter weekend.",
        [("the Memorial Day weekend", "DATE", "2023-W21-WE"), ("Easter weekend", "DATE", "2023-W14-WE")],
    ),
    # 'this past' is 'the past'; 'N units from today' counts from the publication day, like 'from now'
    (
        WEDNESDAY,
        "Rebels regrouped this past weekend; talks resume two weeks from today.",
        [("this past weekend", "DATE", "2023-W23-WE"), ("two weeks from today", "DATE", "2023-06-28")],
    ),
    # a holiday before 'holiday(s)', 'break', 'recess' is the holiday's date
    (
        WEDNESDAY,
        "Negotiators will return after the Easter holiday; the strike began during the Christmas holidays.",
        [("the Easter holiday", "DATE", "2024-03-31"), ("the Christmas holidays", "DATE", "2022-12-25")],
    ),
]


@pytest.mark.parametrize(("published", "text", "expected"), CASES, ids=case_ids(CASES))
def test_conventions(nlp, published, text, expected):
    check_times(nlp, published, text, expected)
