"""A dyad's pulse: instances per period by QuadClass, their mean Goldstein value, and escalation alerts.

The pulse counts **instances** (one real-world event once, however many reports), each in the period of its
representative report's day. Periods without instances are filled in with zeros, so the trailing baseline
is measured in calendar periods.

**Escalation.** For each period ``t`` with ``n`` instances of which ``c`` are conflict (QuadClass 3 or 4),
the baseline is the pair's conflict share over the :attr:`AlertRule.window` periods before ``t``, smoothed
towards one half by one pseudo-instance of each kind: ``p0 = (C + 1) / (N + 2)``. The period's score is the
binomial z-score ``z = (c - n p0) / sqrt(n p0 (1 - p0))``; the period is an alert when ``z >=``
:attr:`AlertRule.z`, at least :attr:`AlertRule.min_conflict` of its instances are conflict, and its conflict
share exceeds ``p0`` by at least :attr:`AlertRule.min_rise`. Periods with fewer than
:attr:`AlertRule.min_history` instances in their window are not judged (no baseline yet).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..store.query import EventQuery
from ..store.summaries import period_function

__all__ = ["AlertRule", "DEFAULT_ALERT_RULE", "dyad_alerts", "dyad_pulse", "escalations", "fill_periods"]

_CONFLICT = ("3", "4")


@dataclass(frozen=True, slots=True)
class AlertRule:
    """When a period's conflict share counts as an escalation (see the module docstring)."""

    window: int = 8
    z: float = 3.0
    min_conflict: int = 3
    min_rise: float = 0.2
    min_history: int = 5


DEFAULT_ALERT_RULE = AlertRule()


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


def fill_periods(series: Sequence[Mapping[str, Any]], *, interval: str) -> list[dict[str, Any]]:
    """A store series (periods with instances only) with the empty periods between them filled in."""
    if not series:
        return []
    periods = period_function(interval)
    found = {entry["period"]: entry for entry in series}
    filled = []
    day, last = _day(series[0]["start"]), _day(series[-1]["end"])
    while day <= last:
        label, start, end = periods(day)
        entry = found.get(label)
        if entry is None:
            entry = {
                "period": label,
                "start": start.isoformat(),
                "end": end.isoformat(),
                "events": 0,
                "quad_counts": {str(quad): 0 for quad in (1, 2, 3, 4)},
                "goldstein_sum": 0.0,
                "goldstein_mean": None,
            }
        filled.append(_pulse_entry(entry))
        day = end + dt.timedelta(days=1)
    return filled


def _pulse_entry(entry: Mapping[str, Any]) -> dict[str, Any]:
    quads = {str(key): int(value) for key, value in entry["quad_counts"].items()}
    total = int(entry["events"])
    conflict = sum(quads.get(quad, 0) for quad in _CONFLICT)
    return {
        "period": entry["period"],
        "start": str(entry["start"]),
        "end": str(entry["end"]),
        "instances": total,
        "quad_counts": quads,
        "goldstein_mean": entry["goldstein_mean"],
        "conflict": conflict,
        "conflict_share": round(conflict / total, 4) if total else None,
    }


def escalations(
    pulse: Sequence[Mapping[str, Any]], rule: AlertRule = DEFAULT_ALERT_RULE
) -> list[dict[str, Any]]:
    """The periods of a filled pulse that are escalations, each with its baseline and z-score."""
    alerts = []
    for index, entry in enumerate(pulse):
        window = pulse[max(0, index - rule.window) : index]
        history = sum(int(item["instances"]) for item in window)
        if history < rule.min_history or not entry["instances"]:
            continue
        baseline = (sum(int(item["conflict"]) for item in window) + 1) / (history + 2)
        total, conflict = int(entry["instances"]), int(entry["conflict"])
        z = (conflict - total * baseline) / math.sqrt(total * baseline * (1 - baseline))
        if z >= rule.z and conflict >= rule.min_conflict and conflict / total - baseline >= rule.min_rise:
            alerts.append({**entry, "baseline_share": round(baseline, 4), "z": round(z, 2)})
    return alerts


def dyad_pulse(
    store: Any, a: str, b: str, *, interval: str = "week", since: str | None = None, instances: bool = True
) -> list[dict[str, Any]]:
    """The pair's pulse (both directions): per period, instances (or reports) by QuadClass and mean
    Goldstein, with the empty periods filled in."""
    query = EventQuery.build(dyad=f"{a}-{b}", date_from=since, instances=instances, limit=1)
    return fill_periods(store.series(interval=interval, query=query), interval=interval)


def dyad_alerts(
    store: Any,
    *,
    dyads: Iterable[tuple[str, str]] | None = None,
    interval: str = "week",
    since: str | None = None,
    rule: AlertRule = DEFAULT_ALERT_RULE,
    top: int = 50,
) -> list[dict[str, Any]]:
    """Escalation alerts of the given pairs (else the ``top`` most active pairs, counted in instances),
    newest first. The baseline reads the :attr:`AlertRule.window` periods before ``since`` too."""
    if dyads is None:
        dyads = [(row["a"], row["b"]) for row in store.top_dyads(limit=top, instances=True)]
    lead = None
    if since is not None:
        lead = _lead_in(since, interval, rule.window)
    found = []
    for a, b in dyads:
        for alert in escalations(dyad_pulse(store, a, b, interval=interval, since=lead), rule):
            if since is None or alert["end"] >= since:
                found.append({"a": a, "b": b, "interval": interval, **alert})
    return sorted(found, key=lambda alert: (alert["start"], alert["a"], alert["b"]), reverse=True)


def _lead_in(since: str, interval: str, periods: int) -> str:
    """The first day of the period ``periods`` periods before the one holding ``since``."""
    period = period_function(interval)
    day = period(_day(since))[1]
    for _ in range(periods):
        day = period(day - dt.timedelta(days=1))[1]
    return day.isoformat()
