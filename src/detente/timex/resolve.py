"""Turn one matched pattern into a TIMEX3 type and value.

The resolver knows the calendar, not the parse: :mod:`detente.timex.recognize` tells it the anchor (the
publication date), the narrative's reference time (the last date the text named) and which way the clause's
tense points (``-1`` past, ``1`` future, ``0`` unknown), and it applies the conventions of TimeML as MEANTIME
annotates them:

* a bare weekday is the most recent one (the anchor day itself counts), or the coming one in a future
  clause; a bare month the most recent one in a past clause, the coming one in a future clause, the
  nearest one when the tense says nothing; "last November" is the most recent November before the
  anchor's month;
* "this weekend" is the weekend of the anchor's ISO week (``2023-W24-WE``), unless a past clause says the one
  before;
* deictic expressions (today, last year, two days ago) count from the anchor; anaphoric ones (the next day,
  the same week, three days later, that day) from the reference time.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from .lexicon import TimexLexicon, normalize_phrase
from .values import value_range

__all__ = [
    "Context",
    "Resolved",
    "count",
    "counts_from_reference",
    "day_value",
    "holiday_day",
    "quarter_of_months",
    "resolve",
    "short_year",
    "spoken_year",
]

PAST, UNKNOWN, FUTURE = -1, 0, 1
#: days from a holiday within which its recess, break or holidays are the ones at hand, whatever the tense
_HOLIDAY_PERIOD_REACH = 21
_SEASON_ORDER = ("SP", "SU", "FA", "WI")
_SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
_ANAPHORIC_SHIFTS = frozenset(
    {"following", "the following", "previous", "the previous", "prior", "the prior"}
)
_DURATION_UNIT = re.compile(r"(\d*)(T?)([A-Z]+)")
_POD = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_POD_WORD = {code: word for word, code in _POD.items()}


@dataclass(frozen=True, slots=True)
class Context:
    """What the resolver needs besides the match: anchor day, reference value and day, tense direction,
    and for clock times the day the sentence names."""

    anchor: dt.date | None
    reference: str | None = None
    reference_day: dt.date | None = None
    direction: int = UNKNOWN
    sentence_day: dt.date | None = None
    last_day: dt.date | None = None  # the last day (not month or year) the text named
    #: the last quarter or half the text named that had ended by the anchor: the period a financial story
    #: reports on ('third-quarter profit ... a year ago', 'the latest quarter', 'the year-ago quarter')
    reporting: str | None = None


@dataclass(frozen=True, slots=True)
class Resolved:
    type: str
    value: str
    anchored: bool  # resolved against the anchor or the reference time (False: absolute)
    #: whether the value becomes the narrative's reference time; a comparison period ('from $5 a year ago')
    #: looks back without moving the story's focus
    moves_reference: bool = True


def resolve(
    kind: str, groups: Mapping[str, str | None], lexicon: TimexLexicon, context: Context
) -> Resolved | None:
    """The TIMEX3 type and value of one match, or None when it cannot be resolved (no anchor, bad date)."""
    handler = _HANDLERS.get(kind)
    if handler is None:
        return None
    try:
        return handler(groups, lexicon, context)
    except (ValueError, OverflowError, KeyError):
        return None  # day 31 of a 30-day month, year 0, a phrase missing from its class


# -- calendar helpers ----------------------------------------------------------------------------------
def day_value(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def _month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _week_value(day: dt.date, *, weekend: bool = False) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")


def _pick(candidates: list[tuple[int, ...]], now: tuple[int, ...], direction: int) -> tuple[int, ...]:
    """The candidate on the side of ``now`` the direction says (``now`` itself counts), nearest first;
    unknown direction: the nearest, the past one on a tie."""
    past = [c for c in candidates if c <= now]
    future = [c for c in candidates if c >= now]
    if direction == PAST and past:
        return max(past)
    if direction == FUTURE and future:
        return min(future)
    return min(candidates, key=lambda c: (_distance(c, now), c > now))


def _distance(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    return abs(sum((x - y) * w for x, y, w in zip(a, b, (400, 32, 1), strict=False)))


def _number(text: str | None, lexicon: TimexLexicon) -> float | str | None:
    """A count: digits ('1,000', '2.5'), number words ('twenty-five', 'a'), or 'X' for 'several'."""
    if not text:
        return None
    text = normalize_phrase(text)
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?", text):
        return float(text.replace(",", ""))
    value = lexicon.value("number", text)
    if value is not None:
        return value if value == "X" else float(value)
    parts = [lexicon.value("number", part) for part in re.split(r"[\s-]+", text)]
    if len(parts) != 2 or None in parts or "X" in parts:
        return None
    tens, units = float(parts[0] or 0), float(parts[1] or 0)
    if tens >= 20 and tens % 10 == 0 and 1 <= units <= 9:
        return tens + units  # twenty-five
    return units if tens == 1 and parts[0] == "1" and text.startswith(("a ", "an ")) else None


def count(text: str, lexicon: TimexLexicon) -> float | str | None:
    """The count a phrase says ('1,000', 'twenty-five', 'several': X), or None when it says none."""
    return _number(text, lexicon)


def _format_number(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:g}"


def _duration(number: float | str, unit: str) -> str:
    """``P3Y``, ``PT30M``, ``PXY`` from a count and a words.tsv unit (``10Y``, ``TM``, ``2W``)."""
    match = _DURATION_UNIT.fullmatch(unit)
    if match is None:
        raise ValueError(unit)
    factor, clock, letter = int(match[1] or 1), match[2], match[3]
    if number == "X":
        return f"P{clock}X{'DE' if factor == 10 and letter == 'Y' else letter}"
    amount = float(number) * factor
    if amount < 1:  # half a year is six months, half an hour thirty minutes
        smaller = {"Y": ("M", 12, ""), "H": ("M", 60, "T"), "D": ("H", 24, "T"), "M": ("D", 30, "")}.get(
            letter
        )
        if smaller and (amount * smaller[1]) == int(amount * smaller[1]):
            letter, amount, clock = smaller[0], amount * smaller[1], smaller[2]
    return f"P{clock}{_format_number(amount)}{letter}"


def _year_of(
    groups: Mapping[str, str | None],
    key: str = "year",
    lexicon: TimexLexicon | None = None,
    anchor: dt.date | None = None,
) -> int | None:
    if groups.get("short_year"):
        return short_year(groups["short_year"] or "", anchor)
    if lexicon is not None and groups.get("hi"):
        return spoken_year(groups.get("hi"), groups.get("lo"), lexicon)
    text = groups.get(key)
    return int(text) if text else None


def spoken_year(high: str | None, low: str | None, lexicon: TimexLexicon) -> int | None:
    """A year said aloud: 'nineteen' + 'ninety-six', 'twenty' + 'oh five', 'two thousand' (+ 'and four'),
    or None when the words are no year ('nineteen five', 'twenty a')."""
    century = lexicon.value("spoken_century", high)
    if century is None:
        return None
    thousand = normalize_phrase(high or "").endswith("thousand")
    if not low:
        return 2000 if thousand else None
    low_text = normalize_phrase(low)
    oh = low_text.startswith("oh")
    number = _number(re.sub(r"^oh[\s-]+", "", low_text), lexicon)
    if not isinstance(number, float) or number != int(number) or not 1 <= number <= 99:
        return None
    if not thousand and not oh and number < 10:
        return None  # 'nineteen five' is a count; a year says 'nineteen oh five'
    if thousand and oh:
        return None
    return int(century) * 100 + int(number)


def _month_of(text: str | None, lexicon: TimexLexicon) -> int:
    if text and text.isdigit():
        return int(text)
    value = lexicon.value("month", text)
    if value is None:
        raise KeyError(text)
    return int(value)


def _shift(groups: Mapping[str, str | None], lexicon: TimexLexicon) -> str | None:
    return lexicon.value("shift", groups.get("shift"))


def counts_from_reference(kind: str, groups: Mapping[str, str | None]) -> bool:
    """Whether an expression counts from the narrative's reference time rather than the anchor."""
    if kind in ("anaphor", "year_before", "period"):
        return True
    if kind == "offset":
        return normalize_phrase(groups.get("dir") or "") not in ("ago", "from now", "from today", "hence")
    shift = normalize_phrase(groups.get("shift") or "")
    unit = normalize_phrase(groups.get("unit") or "")
    if kind == "weekday":
        return shift in _ANAPHORIC_SHIFTS  # the previous Friday: the one before the story's day
    return kind == "shift_unit" and (shift in _ANAPHORIC_SHIFTS or (shift == "the next" and unit == "day"))


def _base(groups: Mapping[str, str | None], context: Context) -> dt.date | None:
    """The day a shifted expression counts from: the reference day for anaphoric shifts, else the anchor."""
    if counts_from_reference("shift_unit", groups):
        return context.reference_day or context.anchor
    return context.anchor


# -- handlers ------------------------------------------------------------------------------------------
def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return dt.date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


def holiday_day(spec: str, year: int) -> dt.date:
    """The day a words.tsv holiday value names in ``year``: ``12-25``, ``11-4-4`` (the fourth Thursday of
    November), ``05-L-1`` (the last Monday of May), ``E-2`` (two days before Easter)."""
    if spec.startswith("E"):
        return _easter(year) + dt.timedelta(days=int(spec[1:]))
    parts = spec.split("-")
    month = int(parts[0])
    if len(parts) == 2:
        return dt.date(year, month, int(parts[1]))
    weekday = int(parts[2])
    if parts[1] == "L":
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (int(parts[1]) - 1))


def _holiday(groups, lexicon, context) -> Resolved | None:
    found = _holiday_date(groups, lexicon, context)
    if found is None or lexicon.value("holiday_period", groups.get("period")) != "WE":
        return found
    day = reference_day(found.value)
    if day is None:
        return None
    # the weekend nearest the holiday: the one before a Monday or Tuesday, else the one after
    weekend = day - dt.timedelta(days=day.isoweekday()) if day.isoweekday() <= 2 else day
    return Resolved("DATE", _week_value(weekend, weekend=True), found.anchored)


def _holiday_date(groups, lexicon, context) -> Resolved | None:
    spec = lexicon.value("holiday", groups["holiday"])
    if spec is None:
        return None
    if groups.get("year"):
        return Resolved("DATE", day_value(holiday_day(spec, int(groups["year"]))), False)
    anchor = context.anchor
    if anchor is None:
        return None
    shift = _shift(groups, lexicon) if groups.get("shift") else None
    if shift not in (None, "-1", "0", "1"):
        return None
    days = [holiday_day(spec, y) for y in (anchor.year - 1, anchor.year, anchor.year + 1) if 1 <= y <= 9999]
    if shift == "0":
        chosen = holiday_day(spec, anchor.year)
    elif shift == "-1":
        chosen = max(d for d in days if d < anchor)
    elif shift == "1":
        chosen = min(d for d in days if d > anchor)
    else:
        now = (anchor.toordinal(),)
        chosen = dt.date.fromordinal(_pick([(d.toordinal(),) for d in days], now, context.direction)[0])
        if groups.get("period"):
            nearest = min(days, key=lambda d: abs((d - anchor).days))
            if abs((nearest - anchor).days) <= _HOLIDAY_PERIOD_REACH:
                chosen = nearest  # 'left for the Easter recess' a week before Easter: the recess under way
    return Resolved("DATE", day_value(chosen), True)


def _date(groups, lexicon, context) -> Resolved | None:
    if groups.get("holiday"):
        return _holiday(groups, lexicon, context)
    month = _month_of(groups.get("month"), lexicon)
    day = int(groups["day"]) if groups.get("day") else None
    year = _year_of(groups, lexicon=lexicon, anchor=context.anchor)
    if year is None and groups.get("hi"):
        return None  # 'May nineteen': no year
    if year is None and groups.get("shift") and context.anchor is not None:
        shift = _shift(groups, lexicon)  # October of next year
        if shift not in ("-1", "0", "1"):
            return None
        year = context.anchor.year + int(shift)
    if year is not None and year < 100 and not groups.get("short_year"):
        pivot = (context.anchor.year % 100 + 10) if context.anchor else 30
        year += 2000 if year <= pivot else 1900
    if year is None:
        if context.anchor is None:
            return None
        anchor = context.anchor
        now = (anchor.year, anchor.month, anchor.day if day else 0)
        years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if 1 <= y <= 9999]
        if day and not all(_valid_day(y, month, day) for y in years):  # 'February 29': the leap years near
            years = [y for y in range(anchor.year - 4, anchor.year + 5) if 1 <= y <= 9999]
        years = [y for y in years if not day or _valid_day(y, month, day)] or years
        weekday = int(lexicon.value("weekday", normalize_phrase(groups.get("weekday") or "")) or 0)
        if day and weekday:  # 'Monday, Oct. 26': a year in which that day is a Monday, if one is near
            matching = [
                y
                for y in years
                if _valid_day(y, month, day) and dt.date(y, month, day).isoweekday() == weekday
            ]
            years = matching or years
        year = _pick([(y, month, day or 0) for y in years], now, context.direction)[0]
    hour = groups.get("hour")
    if day is None:
        return Resolved("DATE", _month_value(year, month), groups.get("year") is None)
    value = day_value(dt.date(year, month, day))
    pod = lexicon.value("partofday", groups.get("pod"))
    if pod:  # the night of March 4
        return Resolved("TIME", f"{value}T{pod}", groups.get("year") is None)
    if hour is not None:
        return Resolved("TIME", f"{value}T{hour}:{groups['minute']}{groups.get('zone') or ''}", False)
    return Resolved("DATE", value, groups.get("year") is None)


def _valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= day <= calendar.monthrange(year, month)[1]


def _month(groups, lexicon, context) -> Resolved | None:
    return _date(groups, lexicon, Context(context.anchor, direction=context.direction))


def short_year(digits: str, anchor: dt.date | None, *, ahead: int = 0) -> int:
    """The year of "'82": the latest such year not more than ``ahead`` years after the anchor's."""
    now = anchor.year if anchor else 2000
    year = now // 100 * 100 + int(digits)
    return year - 100 if year > now + ahead and year >= 100 else year


def _year(groups, lexicon, context) -> Resolved | None:
    if groups.get("short_year"):  # since '82; a fiscal year (FY25) may lie a few years ahead
        year = short_year(groups["short_year"], context.anchor, ahead=5 if groups.get("fiscal") else 0)
        return Resolved("DATE", f"{year:04d}", False)
    if groups.get("hi"):
        spoken = spoken_year(groups["hi"], groups.get("lo"), lexicon)
        return None if spoken is None else Resolved("DATE", f"{spoken:04d}", False)
    year = int(groups["year"])
    return Resolved("DATE", f"{year:04d}", False)


def _decade(groups, lexicon, context) -> Resolved | None:
    return Resolved("DATE", groups["decade"], False)


def _short_decade(groups, lexicon, context) -> Resolved | None:
    word = groups.get("decade_word")
    digit = int(lexicon.value("decade_word", word) or 0) if word else int(groups["decade"])
    now = context.anchor.year if context.anchor else 2000
    century = now // 100
    if century * 100 + digit * 10 > now:
        century -= 1
    if century < 0:
        return None
    return Resolved("DATE", f"{century:02d}{digit}", False)


def _century(groups, lexicon, context) -> Resolved | None:
    text = normalize_phrase(groups["ordinal"])
    number = lexicon.value("ordinal", text) or re.sub(r"\D", "", text)
    if not number.isdigit() or not 1 <= int(number) <= 21:
        return None
    return Resolved("DATE", f"{int(number) - 1:02d}", False)


def _weekday_day(weekday: int, shift: str | None, context: Context) -> dt.date | None:
    anchor = context.anchor
    if anchor is None:
        return None
    today = anchor.isoweekday()
    if shift == "-1":
        return anchor - dt.timedelta(days=(today - weekday) % 7 or 7)
    if shift == "1":
        return anchor + dt.timedelta(days=(weekday - today) % 7 or 7)
    if shift == "0":
        return anchor + dt.timedelta(days=weekday - today)
    back, ahead = (today - weekday) % 7, (weekday - today) % 7
    if context.direction == FUTURE:
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _weekday(groups, lexicon, context) -> Resolved | None:
    word = normalize_phrase(groups["weekday"])
    weekday = int(lexicon.value("weekday", word) or 0)
    if word.endswith("s") and not groups.get("shift"):
        return Resolved("SET", f"XXXX-WXX-{weekday}", False)
    if counts_from_reference("weekday", groups):  # the previous Friday, the following Monday
        base = context.last_day or context.reference_day or context.anchor
        context = replace(context, anchor=base)
    day = _weekday_day(weekday, _shift(groups, lexicon), context)
    if day is None:
        return None
    pod = lexicon.value("partofday", groups.get("pod"))
    if pod:
        return Resolved("TIME", f"{day_value(day)}T{pod}", True)
    return Resolved("DATE", day_value(day), True)


def _deixis(groups, lexicon, context) -> Resolved | None:
    value = lexicon.value("deixis", groups["deixis"])
    if value is None or context.anchor is None:
        return None
    match = re.fullmatch(r"(-?\d+)([A-Z]*)", value)
    if match is None:
        return None
    day = context.anchor + dt.timedelta(days=int(match[1]))
    if match[2]:
        return Resolved("TIME", f"{day_value(day)}T{match[2]}", True)
    return Resolved("DATE", day_value(day), True)


def _unit_value(unit: str, base: dt.date, shift: int) -> Resolved | None:
    if unit == "day":
        return Resolved("DATE", day_value(base + dt.timedelta(days=shift)), True)
    if unit in _POD:
        return Resolved("TIME", f"{day_value(base + dt.timedelta(days=shift))}T{_POD[unit]}", True)
    if unit == "week":
        return Resolved("DATE", _week_value(base + dt.timedelta(weeks=shift)), True)
    if unit == "month":
        return Resolved("DATE", _month_value(*_add_months(base.year, base.month, shift)), True)
    if unit == "year":
        return Resolved("DATE", f"{base.year + shift:04d}", True)
    if unit == "quarter":
        index = base.year * 4 + (base.month - 1) // 3 + shift
        return Resolved("DATE", f"{index // 4:04d}-Q{index % 4 + 1}", True)
    if unit == "decade":
        return Resolved("DATE", f"{base.year // 10 + shift:03d}", True)
    if unit == "century":
        return Resolved("DATE", f"{base.year // 100 + shift:02d}", True)
    return None


def _shift_unit(groups, lexicon, context) -> Resolved | None:
    shift, unit = _shift(groups, lexicon), normalize_phrase(groups["unit"])
    if shift == "=":
        return _anaphor(groups, lexicon, context)
    if shift is None or unit == "time" or unit == "period":
        return None
    phrase = normalize_phrase(groups.get("shift") or "")
    if unit in ("decade", "century") and phrase in ("the past", "the last", "the next", "past", "the coming"):
        return Resolved("DURATION", "P10Y" if unit == "decade" else "P100Y", False)
    if unit == "fortnight":  # no calendar unit: 'the past fortnight' is a length of time
        return Resolved("DURATION", "P2W", False) if shift in ("-1", "1") else None
    if unit in ("day", *_POD) and shift == "0" and phrase != "this":
        return None  # 'the current day' is rare; 'the last day' of something is not yesterday
    if unit == "day" and phrase in ("last", "the last", "past", "the past"):
        return None
    base = _base(groups, context)
    if base is None:
        return None
    if unit == "week" and shift == "-1" and base == context.anchor and base.isoweekday() == 7:
        # written on a Sunday, 'last week' is the week that ends that day (the Sunday-to-Saturday week
        # of American usage lies almost wholly in it), not the ISO week before
        return _unit_value(unit, base, 0)
    return _unit_value(unit, base, int(shift))


def _weekend(groups, lexicon, context) -> Resolved | None:
    anchor = context.anchor
    if anchor is None:
        return None
    shift = _shift(groups, lexicon) if groups.get("shift") else None
    if shift == "=":
        return None
    offset = int(shift) if shift not in (None, "0") else 0
    if offset == 0 and context.direction == PAST and anchor.isoweekday() < 6:
        offset = -1  # 'talks held this weekend', written on a Monday: the weekend just past
    return Resolved("DATE", _week_value(anchor + dt.timedelta(weeks=offset), weekend=True), True)


def _shift_month(groups, lexicon, context) -> Resolved | None:
    anchor, shift = context.anchor, _shift(groups, lexicon)
    if anchor is None or shift not in ("-1", "0", "1"):
        return None
    month = _month_of(groups["month"], lexicon)
    year = anchor.year
    if shift == "-1" and month >= anchor.month:
        year -= 1
    elif shift == "1" and month <= anchor.month:
        year += 1
    return Resolved("DATE", _month_value(year, month), True)


def _season_year(day: dt.date) -> tuple[int, str]:
    season = _SEASON_OF_MONTH.get(day.month, "FA")
    return (day.year - 1 if day.month < 3 else day.year), season


def _season(groups, lexicon, context) -> Resolved | None:
    season = lexicon.value("season", groups["season"])
    if season is None:
        return None
    if groups.get("year"):
        return Resolved("DATE", f"{int(groups['year']):04d}-{season}", False)
    if groups.get("short_year"):  # the summer of '69
        return Resolved("DATE", f"{short_year(groups['short_year'], context.anchor):04d}-{season}", False)
    if context.anchor is None:
        return None
    year, current = _season_year(context.anchor)
    now = (year * 4 + _SEASON_ORDER.index(current),)  # counted in seasons
    candidates = [(y * 4 + _SEASON_ORDER.index(season),) for y in (year - 1, year, year + 1)]
    shift = _shift(groups, lexicon) if groups.get("shift") else None
    if shift == "0":
        chosen = year
    elif shift == "-1":
        chosen = max(c for c in candidates if c < now)[0] // 4
    elif shift == "1":
        chosen = min(c for c in candidates if c > now)[0] // 4
    else:
        chosen = _pick(candidates, now, context.direction)[0] // 4
    return Resolved("DATE", f"{chosen:04d}-{season}", True)


def _ordinal(text: str | None, lexicon: TimexLexicon, last: int) -> int:
    value = lexicon.value("ordinal", text) or (text or "")
    return last if value == "L" else int(value)


def quarter_of_months(groups: Mapping[str, str | None], lexicon: TimexLexicon) -> int | None:
    """The calendar quarter (1-4) a range of months makes up ('the October-December quarter'), or a month
    ends ('the June quarter', 'the quarter to March'); None when they make none ('the March-May period')."""
    try:
        last = _month_of(groups["last_month"], lexicon)
        first = _month_of(groups["first_month"], lexicon) if groups.get("first_month") else last - 2
    except KeyError:
        return None
    return last // 3 if last % 3 == 0 and first == last - 2 else None


def _quarter(groups, lexicon, context) -> Resolved | None:
    if groups.get("last_month"):  # the October-December quarter, the June quarter, the quarter to March
        number = quarter_of_months(groups, lexicon)
        if number is None:
            return None
        groups = {**groups, "ordinal": str(number)}
    if groups.get("end_month"):
        return _quarter_ended(groups, lexicon, context)
    if not groups.get("ordinal"):  # the 1988 quarter: the quarter the story reports on, in 1988
        reported = context.reporting or context.reference or ""
        if not groups.get("year") or not re.fullmatch(r"\d{4}-Q[1-4]", reported):
            return None
        return Resolved("DATE", f"{int(groups['year']):04d}{reported[4:]}", False, moves_reference=False)
    number = _ordinal(groups["ordinal"], lexicon, 4)
    if not 1 <= number <= 4:
        return None
    if groups.get("year") or groups.get("year0") or groups.get("year2"):
        year = int(groups.get("year") or groups.get("year0") or "20" + groups["year2"])
        return Resolved("DATE", f"{year:04d}-Q{number}", False)
    anchor = context.anchor
    if anchor is None:
        return None
    shift = _shift(groups, lexicon) if groups.get("shift") else None
    if shift in ("-1", "0", "1"):
        return Resolved("DATE", f"{anchor.year + int(shift):04d}-Q{number}", True)
    now = (anchor.year, (anchor.month - 1) // 3 + 1)
    if context.direction == FUTURE:
        # a quarter's results come out after it ends: 'expects third-quarter profit to fall', written in
        # October, is about the quarter just ended, not next year's
        now = (anchor.year, now[1] - 1) if now[1] > 1 else (anchor.year - 1, 4)
    # counted in quarters: the fourth quarter, in January, is the one just ended, not the one ten months on
    chosen = _pick(
        [(y * 4 + number - 1,) for y in (anchor.year - 1, anchor.year, anchor.year + 1)],
        (now[0] * 4 + now[1] - 1,),
        context.direction,
    )
    return Resolved("DATE", f"{chosen[0] // 4:04d}-Q{number}", True)


def _quarter_ended(groups, lexicon, context) -> Resolved | None:
    """'the quarter ended Sept. 30': the calendar quarter ending that day (a fiscal quarter ending on
    another day is left alone); without a year, the last such day by the anchor ('ended') or the nearest
    ('ending')."""
    month = _month_of(groups["end_month"], lexicon)
    day = int(groups["end_day"])
    if month not in (3, 6, 9, 12) or day != calendar.monthrange(2001, month)[1]:
        return None
    number = month // 3
    if groups.get("year"):
        return Resolved("DATE", f"{int(groups['year']):04d}-Q{number}", False)
    anchor = context.anchor
    if anchor is None:
        return None
    direction = PAST if normalize_phrase(groups["ended"]) == "ended" else UNKNOWN
    year = _pick(
        [(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1)],
        (anchor.year, anchor.month, anchor.day),
        direction,
    )[0]
    return Resolved("DATE", f"{year:04d}-Q{number}", True)


def _week(groups, lexicon, context) -> Resolved | None:
    if groups.get("week_nth"):
        return _week_of_month(groups, lexicon, context)
    return _week_ended(groups, lexicon, context)


def _week_of_month(groups, lexicon, context) -> Resolved | None:
    """'the last week of March', 'the second week of April 2012': the ISO weeks whose Thursday falls in the
    month (the weeks ISO counts as the month's), the N-th from its start or the last; the month's year as a
    bare month's (the tense's side of the anchor)."""
    month = _date({"month": groups["month"], "year": groups.get("year")}, lexicon, context)
    if month is None:
        return None
    year, number = int(month.value[:4]), _month_of(groups["month"], lexicon)
    first = dt.date(year, number, 1)
    thursday = first + dt.timedelta(days=(4 - first.isoweekday()) % 7)
    weeks = [
        thursday + dt.timedelta(weeks=n)
        for n in range(5)
        if (thursday + dt.timedelta(weeks=n)).month == number
    ]
    nth = _ordinal(groups["week_nth"], lexicon, len(weeks))
    if not 1 <= nth <= len(weeks):
        return None
    return Resolved("DATE", _week_value(weeks[nth - 1]), month.anchored)


def _week_ended(groups, lexicon, context) -> Resolved | None:
    """'the week ended March 15', 'the week ending Saturday': the ISO week holding most of the seven days
    that end that day (the week of the day three days before it); without a year, the last such day by the
    anchor ('ended') or the nearest ('ending'); a bare weekday is the last one."""
    anchor = context.anchor
    if groups.get("weekday"):
        weekday = int(lexicon.value("weekday", groups["weekday"]) or 0)
        end = _weekday_day(weekday, None, replace(context, direction=PAST)) if weekday else None
    else:
        month, day = _month_of(groups["end_month"], lexicon), int(groups["end_day"])
        if groups.get("year"):
            end = dt.date(int(groups["year"]), month, day)
        elif anchor is None:
            return None
        else:
            direction = PAST if normalize_phrase(groups["ended"]) == "ended" else UNKNOWN
            years = [y for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid_day(y, month, day)]
            now = (anchor.year, anchor.month, anchor.day)
            end = dt.date(*_pick([(y, month, day) for y in years], now, direction))
    if end is None:
        return None
    return Resolved("DATE", _week_value(end - dt.timedelta(days=3)), groups.get("year") is None)


def _half(groups, lexicon, context) -> Resolved | None:
    number = _ordinal(groups.get("ordinal") or groups.get("ordinal2"), lexicon, 2)
    if not 1 <= number <= 2:
        return None
    if groups.get("year"):
        return Resolved("DATE", f"{int(groups['year']):04d}-H{number}", False)
    if context.anchor is None:
        return None
    shift = _shift(groups, lexicon) if groups.get("shift") else "0"
    if shift not in ("-1", "0", "1"):
        return None
    return Resolved("DATE", f"{context.anchor.year + int(shift):04d}-H{number}", True)


def _offset(groups, lexicon, context) -> Resolved | None:
    if groups.get("num"):
        number = _number(groups["num"], lexicon)
    elif groups.get("halfunit"):
        number = 0.5  # 'half a century ago'
    elif lexicon.value("vague_unit", groups["unit"]) is not None:
        number = "X"  # 'years ago', 'days later': some of them
    else:
        number = 1.0  # the year before
    unit = lexicon.value("unit", groups["unit"])
    direction = normalize_phrase(groups["dir"])
    if number is None or unit is None:
        return None
    sign = -1 if direction in ("ago", "earlier", "before", "previous", "prior") else 1
    base = (
        context.anchor
        if direction in ("ago", "from now", "from today", "hence")
        else (context.reference_day or context.anchor)
    )
    if base is None:
        return None
    if number == "X":
        # 'a few days later' in a story told of the past is still past: the side of the publication date
        # the reference time lies on, when it lies on one, else the direction's
        if context.anchor is not None and base != context.anchor:
            sign = -1 if base < context.anchor else 1
        elif direction in ("earlier", "later") and context.direction in (PAST, FUTURE):
            sign = -1 if context.direction == PAST else 1  # 'He was arrested days later.'
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", True)
    amount = float(number) + (0.5 if groups.get("half") else 0)
    match = _DURATION_UNIT.fullmatch(unit)
    if match is None:
        return None
    factor, letter = int(match[1] or 1), match[3]
    amount *= factor
    if groups.get("halfunit") and amount.is_integer():
        factor = 1  # half a century ago: fifty years back, a year
    if match[2] == "T":  # hours, minutes, seconds ago: that day
        return Resolved("DATE", day_value(base), True)
    if letter == "D":
        return Resolved("DATE", day_value(base + dt.timedelta(days=sign * round(amount))), True)
    if letter == "W":
        return Resolved("DATE", day_value(base + dt.timedelta(weeks=sign * amount)), True)
    exact = normalize_phrase(groups.get("approx") or "") == "exactly"
    if exact and letter in ("M", "Y") and amount.is_integer():
        # 'exactly two years ago': the same day that many months or years back (the 29th of February
        # falls on the 28th)
        year, month = _add_months(base.year, base.month, sign * int(amount) * (12 if letter == "Y" else 1))
        day = min(base.day, calendar.monthrange(year, month)[1])
        return Resolved("DATE", day_value(dt.date(year, month, day)), True)
    if letter == "M":
        return Resolved("DATE", _month_value(*_add_months(base.year, base.month, sign * round(amount))), True)
    if letter == "Q":
        year, month = _add_months(base.year, base.month, sign * round(amount * 3))
        return Resolved("DATE", f"{year:04d}-Q{(month - 1) // 3 + 1}", True)
    if letter == "Y" and factor == 1 and amount == int(amount):
        compared = _reporting_period(context, sign * int(amount), anchored=base is context.anchor)
        if compared is not None:
            return compared
    if letter == "Y":
        if amount != int(amount):
            return Resolved(
                "DATE", _month_value(*_add_months(base.year, base.month, sign * round(amount * 12))), True
            )
        year = base.year + sign * int(amount)
        # 'a year ago', 'a year earlier' compare with the same period a year back, without moving the story
        compares = factor == 1 and amount == 1 and sign < 0
        return Resolved(
            "DATE",
            f"{year:04d}" if factor == 1 else f"{year // 10:03d}" if factor == 10 else f"{year // 100:02d}",
            True,
            moves_reference=not compares,
        )
    return None


def _duration_match(groups, lexicon, context) -> Resolved | None:
    unit = lexicon.value("unit", groups["unit"])
    if unit is None:
        return None
    if groups.get("half0"):
        number: float | str | None = 0.5
    elif not groups.get("num"):
        number = 1.0  # the year (ended March 31)
    else:
        number = _number(groups.get("num"), lexicon)
    if number is None:
        return None
    if number != "X" and (groups.get("half") or groups.get("half2")):
        number = float(number) + 0.5
        if "/" in (groups.get("half") or "") or "½" in (groups.get("half") or ""):
            return Resolved("DURATION", _mixed_duration(number, unit), False)
    return Resolved("DURATION", _duration(number, unit), False)


#: the next smaller unit of a duration unit and how many of it make one: a fraction written '5 1/2 hours'
#: is given in whole units as TimeBank writes it (PT5H30M, P2Y6M)
_SMALLER = {"Y": ("M", 12, False), "M": ("D", 30, False), "W": ("D", 7, False), "D": ("H", 24, True),
            "TH": ("M", 60, True), "TM": ("S", 60, True)}  # fmt: skip


def _mixed_duration(number: float, unit: str) -> str:
    """``P2Y6M`` for 2.5 years, ``PT5H30M`` for 5.5 hours; the decimal form when no whole split exists."""
    decimal = _duration(number, unit)
    match = _DURATION_UNIT.fullmatch(unit)
    if match is None or match[1]:
        return decimal
    key = match[2] + match[3]
    whole, part = int(number), number - int(number)
    smaller = _SMALLER.get(key)
    if smaller is None or whole == 0 or part * smaller[1] != int(part * smaller[1]):
        return decimal
    letter, count, clock = smaller
    time = "T" if clock and not match[2] else ""
    return f"P{match[2]}{whole}{match[3]}{time}{int(part * count)}{letter}"


def _unit_adjective(groups, lexicon, context) -> Resolved | None:
    if groups.get("word"):
        value = lexicon.value("unit_adjective", groups["word"])
        return Resolved("DURATION", value, False) if value else None
    return _duration_match(groups, lexicon, context)


def _vague_duration(groups, lexicon, context) -> Resolved | None:
    value = lexicon.value("vague_unit", groups["vunit"])
    return Resolved("DURATION", "P" + value, False) if value else None


def _time(groups, lexicon, context) -> Resolved | None:
    if groups.get("noon"):
        hour, minute = (24, 0) if normalize_phrase(groups["noon"]) == "midnight" else (12, 0)
    else:
        number = _number(groups.get("hour"), lexicon)
        if not isinstance(number, float):
            return None
        hour, minute = int(number), int(groups.get("minute") or 0)
    ampm = normalize_phrase(groups.get("ampm") or "").replace(".", "").replace(" ", "")
    # 4 in the morning, 8 in the evening, 11 at night, 2:30 this afternoon, 10 tonight
    deixis = lexicon.value("deixis", groups.get("deixis")) or "0"
    pod = normalize_phrase(groups.get("pod") or "") or _POD_WORD.get(deixis.lstrip("-0123456789"), "")
    if not ampm and (pod.endswith(("afternoon", "evening")) or (pod.endswith("night") and hour >= 6)):
        ampm = "pm"
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    if not (0 <= hour <= 23 and 0 <= minute <= 59) and (hour, minute) != (24, 0):  # midnight: T24:00
        return None
    day = None
    month, month_day = groups.get("month") or groups.get("month2"), groups.get("day") or groups.get("day2")
    if month and month_day:  # 5 p.m. EST Nov. 9, 9 p.m. Saturday, Aug. 1
        nearest = Context(context.anchor)  # the clause's tense is the clock's: the nearest such day
        year = groups.get("year") or groups.get("year2")  # '5:00 a.m. on Tuesday, July 14, 2016'
        on = _date({"month": month, "day": month_day, "year": year}, lexicon, nearest)
        day = reference_day(on.value) if on is not None else None
    elif groups.get("weekday"):
        weekday = int(lexicon.value("weekday", groups["weekday"]) or 1)
        if normalize_phrase(groups["weekday"]).endswith("s"):  # '5 a.m. on Sundays': every Sunday at five
            return Resolved("SET", f"XXXX-WXX-{weekday}T{hour:02d}:{minute:02d}", False)
        day = _weekday_day(weekday, None, context)
    elif groups.get("deixis"):
        offset = int(re.match(r"-?\d+", deixis)[0])
        day = context.anchor + dt.timedelta(days=offset) if context.anchor else None
    day = day or context.sentence_day or context.anchor
    zone = (lexicon.value("zone", groups.get("zone")) or "").strip("-")  # '-': a local zone, no suffix
    if groups.get("zone_offset") and re.search(r"[1-9]", groups["zone_offset"]):
        zone = ""  # '6:40 p.m. (GMT +8)': a local time, not UTC
    clock = f"T{hour:02d}:{minute:02d}{zone}"
    return Resolved("TIME", (day_value(day) if day else "XXXX-XX-XX") + clock, day is not None)


def _reference(groups, lexicon, context) -> Resolved | None:
    value = lexicon.value("reference", groups["word"])
    return Resolved("DATE", value, False) if value else None


def _frequency(groups, lexicon, context) -> Resolved | None:
    value = lexicon.value("frequency", groups["word"])
    return Resolved("SET", value, False) if value else None


def _every(groups, lexicon, context) -> Resolved | None:
    pod_word = groups.get("pod") or groups.get("pod2")
    pod = lexicon.value("partofday", pod_word.removesuffix("s")) if pod_word else None  # Tuesday nights
    time = f"T{pod}" if pod else ""
    if groups.get("season"):  # every summer
        return Resolved("SET", f"XXXX-{lexicon.value('season', groups['season'])}", False)
    if groups.get("month"):  # each January
        return Resolved("SET", f"XXXX-{_month_of(groups['month'], lexicon):02d}", False)
    if groups.get("weekend") or groups.get("weekend2"):  # every weekend, on weekends
        return Resolved("SET", "XXXX-WXX-WE", False)
    weekday = groups.get("weekday") or groups.get("weekday2")
    if weekday:
        return Resolved("SET", f"XXXX-WXX-{lexicon.value('weekday', weekday)}{time}", False)
    if pod:
        return Resolved("SET", f"XXXX-XX-XX{time}", False)  # every evening
    unit = lexicon.value("unit", groups["unit"])
    number = _number(groups.get("num"), lexicon) if groups.get("num") else 1.0
    if unit is None or number is None:
        return None
    return Resolved("SET", _duration(number, unit), False)


def _anaphor(groups, lexicon, context) -> Resolved | None:
    if groups.get("overnight"):  # 'struck overnight': the night into the day named, else into publication
        night = context.sentence_day or (context.anchor - dt.timedelta(days=1) if context.anchor else None)
        return None if night is None else Resolved("TIME", f"{day_value(night)}TNI", True)
    if groups.get("pod"):  # in the early hours: the last day named, before dawn
        day = context.last_day or context.anchor
        pod = lexicon.value("partofday", groups["pod"])
        return None if day is None or pod is None else Resolved("TIME", f"{day_value(day)}T{pod}", True)
    unit = normalize_phrase(groups["unit"])
    if groups.get("nth"):  # for a third straight day: the day its sentence names, else the anchor's
        day = context.sentence_day or context.anchor
        return None if day is None else _unit_value(unit, day, 0)
    reference, day = context.reference, context.reference_day or context.anchor
    if unit in ("time", "period"):
        return Resolved("DATE", reference, True) if reference else None
    if unit == "then":  # back then, since then: the story's reference time, or some time past
        if reference is None and groups.get("ahead") is not None:
            return None  # until then, with no time named: nothing to say
        return Resolved("DATE", reference or "PAST_REF", True)
    if unit == "year" and reference is None and context.anchor is not None:
        day = context.anchor  # the entire year, with no year named before: the anchor's
    if unit == "year" and normalize_phrase(groups.get("shift") or "") == "the full" and context.anchor:
        # 'results for the full year': the year of the period the story reports on, else the anchor's
        reported = reference_day(context.reporting) if context.reporting else None
        day = reported or context.anchor
    if unit in ("day", *_POD):
        day = context.last_day or context.anchor  # 'that day': the last day named, not a month
    return None if day is None else _unit_value(unit, day, 0)


_SUB_YEAR = re.compile(r"(\d{4})(-Q[1-4]|-H[12]|-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?)$")
_REPORTING = re.compile(r"(\d{4})(-Q[1-4]|-H[12])$")


def _reporting_period(context: Context, years: int, *, anchored: bool) -> Resolved | None:
    """A period ``years`` away from the one the story reports on, at that period's granularity.

    Results are compared with the same period of another year: after 'third-quarter profit', 'a year ago'
    and 'a year earlier' are that quarter a year back (TimeBank's convention); after a day or month, 'a year
    earlier' is that day or month a year back (but 'two years later' is a year). Counted from the publication
    date ('ago'), only a quarter or half of the anchor's year (or the one before) is carried over; otherwise
    the plain year is meant.
    """
    reference = context.reference
    if anchored and (reference is None or _REPORTING.fullmatch(reference) is None):
        reference = context.reporting
    if reference is None:
        return None
    pattern = _REPORTING if anchored else _SUB_YEAR
    match = pattern.fullmatch(reference)
    if match is None:
        return None
    year = int(match[1])
    if anchored and (context.anchor is None or context.anchor.year - year not in (0, 1)):
        return None
    if abs(years) > 1 and match[2][1].isdigit():
        return None  # 'twenty years later' after a day: the year; only 'a year earlier' compares days
    value = f"{year + years:04d}{match[2]}"
    if not value_range(value):
        return None
    return Resolved("DATE", value, True, moves_reference=False)


def _period(groups, lexicon, context) -> Resolved | None:
    """'the latest quarter', 'the quarter', 'the period' (the quarter or half the story reports on), and
    'year-ago', 'the year-earlier period' (that period a year back; the year before the anchor's when the
    story names no quarter or half)."""
    reference = context.reference
    reporting = _REPORTING.fullmatch(reference) if reference else None
    if reporting is not None and groups.get("latest") and reference != context.reporting:
        reporting = None  # 'the latest quarter' has ended: not the coming fourth quarter just named
    if reporting is None and context.reporting and (groups.get("unit") or not groups.get("back")):
        reporting = _REPORTING.fullmatch(context.reporting)
        context = Context(context.anchor, context.reporting, reporting=context.reporting)
    if groups.get("back"):
        if reporting is not None:
            return _reporting_period(context, -1, anchored=False)
        if context.anchor is None:
            return None
        return Resolved("DATE", f"{context.anchor.year - 1:04d}", True, moves_reference=False)
    unit = normalize_phrase(groups.get("unit") or "")
    if groups.get("year"):  # the 1988 quarter: the quarter reported on, in 1988
        year = int(groups["year"])
        if reporting is not None and (unit != "quarter" or "-Q" in reporting[2]):
            return Resolved("DATE", f"{year:04d}{reporting[2]}", False, moves_reference=False)
        return Resolved("DATE", f"{year:04d}", False, moves_reference=False)
    if reporting is None:
        if not groups.get("latest") or unit not in ("quarter", "period") or context.anchor is None:
            return None
        # the latest quarter (or period, in a story that names none): the last quarter ended before the anchor
        quarter = (context.anchor.month - 1) // 3
        year = context.anchor.year if quarter else context.anchor.year - 1
        return Resolved("DATE", f"{year:04d}-Q{quarter or 4}", True)
    if unit == "quarter" and "-Q" not in reporting[2]:
        return None
    return Resolved("DATE", reporting[0], True)


def _year_before(groups, lexicon, context) -> Resolved | None:
    """The same period last year: the reference value, a year back (for a quarter or half, the one the
    story reports on). A figure compared with 'last year' ('from $3 million last year') is the reported
    quarter or half a year back when the story's reference time is one, else the year before the anchor."""
    reference = context.reference
    if groups.get("compared"):
        if reference and _REPORTING.fullmatch(reference):
            return _reporting_period(context, -1, anchored=False)
        if context.anchor is None:
            return None
        return Resolved("DATE", f"{context.anchor.year - 1:04d}", True)
    unit = normalize_phrase(groups.get("unit") or "")
    if unit in ("quarter", "half", "period") and not (reference and _REPORTING.fullmatch(reference)):
        reference = context.reporting or (reference if unit == "period" else None)
    if reference is not None and re.match(r"\d{4}", reference) and not reference[4:].startswith("-W"):
        value = f"{int(reference[:4]) - 1:04d}{reference[4:]}"  # week numbers do not carry to another year
        if value_range(value):
            return Resolved("DATE", value, True, moves_reference=False)
    if context.anchor is None:
        return None
    # no period named before it: still an expression, last year as a whole ('up from the same period last
    # year' in a story that names no quarter)
    return Resolved("DATE", f"{context.anchor.year - 1:04d}", True, moves_reference=False)


def _boundary(groups, lexicon, context) -> Resolved | None:
    if context.anchor is None:
        return None
    if groups.get("yearend"):  # by year-end: this December 31; since year-end: the last one
        anchor = context.anchor
        past = groups.get("since") is not None or context.direction == PAST
        year = anchor.year - 1 if past and (anchor.month, anchor.day) != (12, 31) else anchor.year
        return Resolved("DATE", f"{year:04d}-12-31", True, moves_reference=False)  # a deadline, a baseline
    return _unit_value(normalize_phrase(groups["unit"]), context.anchor, 0)


_HANDLERS = {
    "date": _date,
    "month": _month,
    "year": _year,
    "decade": _decade,
    "short_decade": _short_decade,
    "century": _century,
    "weekday": _weekday,
    "deixis": _deixis,
    "shift_unit": _shift_unit,
    "weekend": _weekend,
    "shift_month": _shift_month,
    "season": _season,
    "quarter": _quarter,
    "week": _week,
    "half": _half,
    "offset": _offset,
    "duration": _duration_match,
    "unit_adjective": _unit_adjective,
    "vague_duration": _vague_duration,
    "time": _time,
    "reference": _reference,
    "frequency": _frequency,
    "every": _every,
    "year_before": _year_before,
    "period": _period,
    "anaphor": _anaphor,
    "boundary": _boundary,
}


def reference_day(value: str) -> dt.date | None:
    """The first day a value covers (the day anaphors count from), or None."""
    found = value_range(value)
    return found[0] if found else None
