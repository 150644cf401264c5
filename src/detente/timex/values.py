"""TIMEX3 values as calendar ranges: which days a value such as ``2023-W24-WE`` or ``2022-11`` covers.

>>> value_range("2023-W24-WE")
(datetime.date(2023, 6, 17), datetime.date(2023, 6, 18))
>>> value_range("2022-11")
(datetime.date(2022, 11, 1), datetime.date(2022, 11, 30))
>>> value_range("P3Y") is None          # durations, sets and vague references cover no fixed days
True
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

__all__ = ["value_precision", "value_range"]

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(-WE)?")
_QUARTER = re.compile(r"(\d{4})-([QH])([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})")
_CENTURY = re.compile(r"(\d{2})")

#: Seasons of the northern hemisphere as TimeML reads them: (first month, number of months).
_SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}


def value_range(value: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers.

    None for values that cover no fixed days: durations, sets, ``PAST_REF``, ``XXXX-06``, impossible dates.
    """
    found = _parse(value)
    return None if found is None else found[0]


def value_precision(value: str | None) -> str | None:
    """The unit a TIMEX3 date value is exact to, or None where :func:`value_range` is None.

    One of ``time`` (a clock time), ``day``, ``week``, ``weekend``, ``month``, ``quarter``, ``half``,
    ``season``, ``year``, ``decade``, ``century``.
    """
    found = _parse(value)
    return None if found is None else found[1]


def _parse(value: str | None) -> tuple[tuple[dt.date, dt.date], str] | None:
    if not value:
        return None
    text = value.strip()
    try:
        return _parse_checked(text)
    except (ValueError, OverflowError):
        return None  # 2023-02-30, week 60, year 0: not a calendar range


def _parse_checked(text: str) -> tuple[tuple[dt.date, dt.date], str] | None:
    if match := _DAY.fullmatch(text):
        day = dt.date(int(match[1]), int(match[2]), int(match[3]))
        return (day, day), "time" if "T" in text and text[11:12].isdigit() else "day"
    if match := _MONTH.fullmatch(text):
        year, month = int(match[1]), int(match[2])
        return _months(year, month, 1), "month"
    if match := _WEEK.fullmatch(text):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        if match[3]:
            return (monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)), "weekend"
        return (monday, monday + dt.timedelta(days=6)), "week"
    if match := _QUARTER.fullmatch(text):
        year, unit, number = int(match[1]), match[2], int(match[3])
        if unit == "H" and number > 2:
            return None
        length = 3 if unit == "Q" else 6
        return _months(year, (number - 1) * length + 1, length), "quarter" if unit == "Q" else "half"
    if match := _SEASON.fullmatch(text):
        first, length = _SEASONS[match[2]]
        return _months(int(match[1]), first, length), "season"
    if match := _YEAR.fullmatch(text):
        year = int(match[1])
        return (dt.date(year, 1, 1), dt.date(year, 12, 31)), "year"
    if match := _DECADE.fullmatch(text):
        first = int(match[1]) * 10
        return (dt.date(max(first, 1), 1, 1), dt.date(first + 9, 12, 31)), "decade"
    if match := _CENTURY.fullmatch(text):
        first = int(match[1]) * 100
        return (dt.date(max(first, 1), 1, 1), dt.date(first + 99, 12, 31)), "century"
    return None


def _months(year: int, month: int, length: int) -> tuple[dt.date, dt.date]:
    """From the first day of ``month`` through the last day of the ``length``-th month (may cross a year)."""
    last_index = year * 12 + (month - 1) + (length - 1)
    last_year, last_month = divmod(last_index, 12)
    last_month += 1
    end = dt.date(last_year, last_month, calendar.monthrange(last_year, last_month)[1])
    return dt.date(year, month, 1), end
