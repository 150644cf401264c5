"""Aggregate rows to their public shape: actors, country pairs, and time series folded into periods.

The database sums per day (one index range scan); weeks, months and years are folded here, so that every
backend gives the same periods: ISO weeks start on Monday and are labelled ``2023-W24``, months
``2023-06``, years ``2023``, days ``2023-06-14``.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from ..errors import ConfigError
from ..timex.values import value_precision, value_range

__all__ = [
    "INTERVALS",
    "actor_summary",
    "fold_series",
    "fold_spans",
    "period_function",
    "top_dyads",
    "zero_fill",
]

#: A period: its label, first day and last day.
Period = tuple[str, dt.date, dt.date]
PeriodFunction = Callable[[dt.date], Period]

_QUADS = ("1", "2", "3", "4")


def _day(day: dt.date) -> Period:
    return day.isoformat(), day, day


def _week(day: dt.date) -> Period:
    year, week, weekday = day.isocalendar()
    monday = day - dt.timedelta(days=weekday - 1)
    return f"{year}-W{week:02d}", monday, monday + dt.timedelta(days=6)


def _month(day: dt.date) -> Period:
    last = calendar.monthrange(day.year, day.month)[1]
    return f"{day.year:04d}-{day.month:02d}", day.replace(day=1), day.replace(day=last)


def _year(day: dt.date) -> Period:
    return f"{day.year:04d}", dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)


#: Series intervals and the period each day falls in.
INTERVALS: dict[str, PeriodFunction] = {"day": _day, "week": _week, "month": _month, "year": _year}


def period_function(interval: str) -> PeriodFunction:
    """The period function of a series interval; an unknown interval raises :class:`ConfigError`."""
    try:
        return INTERVALS[interval]
    except (KeyError, TypeError):
        raise ConfigError(f"interval must be one of {', '.join(INTERVALS)}, got {interval!r}") from None


def fold_series(rows: Iterable[Mapping[str, Any]], period: PeriodFunction) -> list[dict[str, Any]]:
    """Fold per-day rows (``day``, ``events``, ``goldstein_sum``, ``q1``..``q4``; day order) into periods."""
    folded: dict[str, dict[str, Any]] = {}
    for row in rows:
        label, start, end = period(dt.date.fromisoformat(str(row["day"])[:10]))
        entry = folded.get(label)
        if entry is None:
            entry = folded[label] = {
                "period": label,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "events": 0,
                "quad_counts": dict.fromkeys(_QUADS, 0),
                "goldstein_sum": 0.0,
            }
        _add(entry, row)
    return [_with_mean(entry) for entry in folded.values()]


#: How long a date precision's period is, in the order of the series intervals (``day`` 0 ... ``year`` 4): an
#: event dated more coarsely than a series' interval cannot be put in one of its periods.
_PRECISION_RANK = {
    "time": 0,
    "day": 0,
    "weekend": 1,
    "week": 1,
    "month": 2,
    "quarter": 3,
    "half": 3,
    "season": 3,
    "year": 4,
    "decade": 5,
    "century": 6,
}
#: A week or a weekend stays on its first day even in a series by day: only periods that start on the 1st of a
#: month are told apart, so that the series' index still covers every other day (see ``series_days``).
_INTERVAL_RANK = {"day": 1, "week": 1, "month": 2, "year": 4}


def fold_spans(
    rows: Iterable[Mapping[str, Any]], interval: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Per-day rows with a ``span`` column (see :func:`detente.store.select.series_days`) as the periods of
    the events dated at least as finely as ``interval`` (as :func:`fold_series`) and the spans: the events
    dated only to a longer period (a month or a year in a series by day or week; a week or a weekend stays
    on its first day), grouped by that period,
    each ``{"period": "2023-06", "precision": "month", "start", "end", "events", "quad_counts",
    "goldstein_sum", "goldstein_mean"}`` in time order (longer periods first where two start together)."""
    rank = _INTERVAL_RANK[interval]
    precise: list[Mapping[str, Any]] = []
    spans: dict[str, dict[str, Any]] = {}
    for row in rows:
        value = row.get("span")
        precision = value_precision(value) if value else None
        covered = value_range(value) if precision else None
        if precision is None or covered is None or _PRECISION_RANK.get(precision, 0) <= rank:
            precise.append(row)
            continue
        entry = spans.get(value)
        if entry is None:
            entry = spans[value] = {
                "period": value,
                "precision": precision,
                "start": covered[0].isoformat(),
                "end": covered[1].isoformat(),
                "events": 0,
                "quad_counts": dict.fromkeys(_QUADS, 0),
                "goldstein_sum": 0.0,
            }
        _add(entry, row)
    ordered = sorted(spans.values(), key=lambda span: (span["start"], -_PRECISION_RANK[span["precision"]]))
    return fold_series(precise, period_function(interval)), [_with_mean(span) for span in ordered]


def _add(entry: dict[str, Any], row: Mapping[str, Any]) -> None:
    entry["events"] += int(row["events"])
    entry["goldstein_sum"] += float(row["goldstein_sum"] or 0.0)
    for quad in _QUADS:
        entry["quad_counts"][quad] += int(row[f"q{quad}"] or 0)


def zero_fill(
    periods: list[dict[str, Any]], period: PeriodFunction, first: dt.date | None, last: dt.date | None
) -> list[dict[str, Any]]:
    """Every period from the one holding ``first`` to the one holding ``last`` (default: the first and last
    periods given), those without events with zero counts and a null Goldstein mean, in time order."""
    if first is None and periods:
        first = dt.date.fromisoformat(periods[0]["start"])
    if last is None and periods:
        last = dt.date.fromisoformat(periods[-1]["end"])
    if first is None or last is None or first > last:
        return periods
    known = {entry["period"]: entry for entry in periods}
    filled = []
    day = first
    while day <= last:
        label, start, end = period(day)
        filled.append(known.get(label) or _empty_period(label, start, end))
        day = end + dt.timedelta(days=1)
    return filled


def _empty_period(label: str, start: dt.date, end: dt.date) -> dict[str, Any]:
    return {
        "period": label,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "events": 0,
        "quad_counts": dict.fromkeys(_QUADS, 0),
        "goldstein_sum": 0.0,
        "goldstein_mean": None,
    }


def top_dyads(rows: Iterable[Mapping[str, Any]], *, limit: int | None) -> list[dict[str, Any]]:
    """Fold directed pair rows (``a`` source, ``b`` target, ``events``, ``goldstein_sum``, ``q1``..``q4``)
    into undirected pairs (``a`` <= ``b``); the ``limit`` most active (all: None), ties in alphabetical
    order."""
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        a, b = sorted((row["a"], row["b"]))
        entry = pairs.get((a, b))
        if entry is None:
            entry = pairs[a, b] = {
                "a": a,
                "b": b,
                "events": 0,
                "goldstein_sum": 0.0,
                "quad_counts": dict.fromkeys(_QUADS, 0),
            }
        entry["events"] += int(row["events"])
        entry["goldstein_sum"] += float(row["goldstein_sum"] or 0.0)
        for quad in _QUADS:
            entry["quad_counts"][quad] += int(row[f"q{quad}"] or 0)
    ranked = sorted(pairs.values(), key=lambda entry: (-entry["events"], entry["a"], entry["b"]))
    return [_with_mean(entry) for entry in (ranked if limit is None else ranked[:limit])]


def actor_summary(row: Mapping[str, Any]) -> dict[str, Any]:
    keys = ("code", "country", "sector", "name")
    return {**{key: row[key] for key in keys}, "events": int(row["events"])}


def _with_mean(entry: dict[str, Any]) -> dict[str, Any]:
    """Round the Goldstein sum (backends add floats in different orders) and add the mean."""
    total = entry["goldstein_sum"]
    entry["goldstein_sum"] = round(total, 6)
    entry["goldstein_mean"] = round(total / entry["events"], 6) if entry["events"] else 0.0
    return entry
