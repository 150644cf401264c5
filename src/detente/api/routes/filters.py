"""The event filters shared by /api/events, /api/locations and the series endpoints."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Query

__all__ = ["CODE_PATTERN", "Count", "CountQuery", "Interval", "event_filters", "period_filters"]

CODE_PATTERN = r"^[A-Za-z0-9]{2,16}$"
Interval = Literal["day", "week", "month", "year"]
Count = Literal["instances", "reports"]
#: ``count`` of every aggregate (series, rankings, places): what its numbers count.
CountQuery = Annotated[
    Count,
    Query(
        description="instances (the default): each event instance once, however many reports tell of it "
        "(the filters apply to the reports first; an instance counts once per period, pair or place, from "
        "its earliest matching report; an event not yet linked is its own instance); reports: every "
        "stored event."
    ),
]

_Code = Annotated[str | None, Query(max_length=32, description="CAMEO actor code or prefix, e.g. USAGOV.")]
_Day = Annotated[str | None, Query(max_length=32, description="ISO day, YYYY-MM-DD (inclusive).")]
_Status = Annotated[
    list[str] | None,
    Query(
        max_length=6,
        description="occurred, planned, cancelled, denied, hypothetical or negated; several: repeat the "
        "parameter or separate them with commas (status=occurred,planned).",
    ),
]
_Countries = Annotated[
    list[str] | None,
    Query(max_length=50, description="Either side's country, e.g. CHN; several: repeat or use commas."),
]
_Codes = Annotated[
    list[str] | None,
    Query(max_length=50, description="CAMEO code or prefix, e.g. 04 or 042; several: repeat or use commas."),
]


def _joined(values: list[str] | None) -> str | None:
    """Repeated values as one comma-separated string (``EventQuery.build`` splits and checks them)."""
    return None if not values else ",".join(values)


def period_filters(
    date_from: _Day = None,
    date_to: _Day = None,
    status: _Status = None,
) -> dict[str, Any]:
    """Date range and status, as ``EventQuery.build`` keywords."""
    return {"date_from": date_from, "date_to": date_to, "status": _joined(status)}


def event_filters(
    actor: _Code = None,
    country: _Countries = None,
    sector: Annotated[str | None, Query(max_length=16, description="Either side's sector, e.g. GOV.")] = None,
    dyad: Annotated[
        str | None, Query(max_length=40, description="A pair of countries or codes, e.g. USA-CHN.")
    ] = None,
    directed: Annotated[
        bool, Query(description="Only events from the dyad's first side to its second.")
    ] = False,
    code: _Codes = None,
    root: Annotated[
        list[str] | None, Query(max_length=50, description="The same as code (its former name).")
    ] = None,
    plover: Annotated[str | None, Query(max_length=32, description="PLOVER type, e.g. CONSULT.")] = None,
    quad_class: Annotated[
        int | None,
        Query(ge=1, le=4, description="1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."),
    ] = None,
    status: _Status = None,
    date_from: _Day = None,
    date_to: _Day = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Text in the evidence sentence or either actor's name.")
    ] = None,
    min_confidence: Annotated[
        float | None,
        Query(ge=0.0, le=1.0, description="Only events whose confidence is at least this (0-1)."),
    ] = None,
) -> dict[str, Any]:
    """Every event filter, as ``EventQuery.build`` keywords (the store validates the values)."""
    return {
        "actor": actor,
        "country": _joined(country),
        "sector": sector,
        "dyad": dyad,
        "directed": directed,
        "code": _joined(code),
        "root": _joined(root),
        "plover": plover,
        "quad_class": quad_class,
        "status": _joined(status),
        "date_from": date_from,
        "date_to": date_to,
        "text": q,
        "min_confidence": min_confidence,
    }
