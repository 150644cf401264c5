"""GET /api/dyads (the most active country pairs), a pair's time series, and the series of all events;
each counts event instances (``count=instances``, the default) or reports (``count=reports``)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from ...store import EventStore
from ...store.query import EventQuery
from ...store.summaries import period_function, zero_fill
from ..deps import Page, get_gateway, page, page_body
from ..gateway import StoreGateway
from ..models import DyadPageOut, SeriesOut
from .filters import CODE_PATTERN, CountQuery, Interval, event_filters, period_filters

router = APIRouter(prefix="/api", tags=["dyads"])

_Side = Annotated[str, Path(pattern=CODE_PATTERN, description="A country or actor code, e.g. USA.")]
_IntervalQuery = Annotated[
    Interval, Query(description="Period length: day, week (ISO, from Monday), month, year.")
]
_BasisQuery = Annotated[
    Literal["event", "published"],
    Query(
        description="Which date places an event: event (the date the text gave it; events dated only to a "
        "period longer than the interval go to spans) or published (its article's publication day). "
        "date_from and date_to apply to that date."
    ),
]
#: The longest zero-filled series (a range of days past this is cut to the periods with events).
MAX_PERIODS = 20_000


def _ranking(store: EventStore, query: EventQuery, domestic: bool) -> tuple[list[dict[str, Any]], int | None]:
    return store.dyad_ranking(query, domestic=domestic)


@router.get("/dyads", summary="The most active country pairs", response_model=DyadPageOut)
async def list_dyads(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    domestic: Annotated[
        bool, Query(description="Include a country's events with itself (a == b, e.g. SYR-SYR).")
    ] = True,
    count: CountQuery = "instances",
) -> dict[str, Any]:
    """Undirected pairs (``a`` <= ``b``) with their count (``events``: instances, or reports with
    ``count=reports``), Goldstein sum and mean and QuadClass counts, most first, over the events matching
    the filters of /api/events (``country``: the pairs it is in). ``total`` is the number of pairs."""
    query = EventQuery.build(
        **filters, limit=paging.limit, offset=paging.offset, instances=count == "instances"
    )
    items, total = await gateway.call(_ranking, query, domestic)
    return {**page_body(items, total, paging), "count": count}


def _series(
    store: EventStore, interval: str, query: EventQuery, basis: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    return store.dated_series(interval=interval, query=query, basis=basis)


def _filled(
    found: tuple[list[dict[str, Any]], list[dict[str, Any]]],
    interval: str,
    query: EventQuery,
    basis: str,
    count: str,
) -> dict[str, Any]:
    """The series zero-filled over the query's date range (else from its first to its last period, the
    spans' included), with its spans."""
    items, spans = found
    first = dt.date.fromisoformat(query.date_from) if query.date_from else None
    last = dt.date.fromisoformat(query.date_to) if query.date_to else None
    if first is None and last is None and spans:  # the axis reaches the spans too
        period = period_function(interval)
        starts = [dt.date.fromisoformat(span["start"]) for span in spans]
        ends = [dt.date.fromisoformat(span["end"]) for span in spans]
        if items:
            starts.append(dt.date.fromisoformat(items[0]["start"]))
            ends.append(dt.date.fromisoformat(items[-1]["end"]))
        first, last = period(min(starts))[1], period(max(ends))[2]
    if first is not None and last is not None and (last - first).days > MAX_PERIODS and interval == "day":
        first = last = None
    filled = zero_fill(items, period_function(interval), first, last)
    return {
        "interval": interval,
        "count": count,
        "basis": basis,
        "date_from": filled[0]["start"] if filled else query.date_from,
        "date_to": filled[-1]["end"] if filled else query.date_to,
        "items": filled,
        "spans": spans,
    }


@router.get(
    "/dyads/{a}/{b}/series", summary="A pair's instances (or reports) per period", response_model=SeriesOut
)
async def dyad_series(
    a: _Side,
    b: _Side,
    filters: Annotated[dict[str, Any], Depends(period_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _IntervalQuery = "month",
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
    basis: _BasisQuery = "event",
    count: CountQuery = "instances",
) -> dict[str, Any]:
    """Per period, in time order and zero-filled over the date range (else from the first period with
    events to the last): ``events`` (instances, or reports with ``count=reports``), ``quad_counts`` by
    QuadClass, ``goldstein_sum`` and ``goldstein_mean`` (null where a period has no events).

    An event is counted where the text dated it: one dated only to a month or a year (more coarsely than
    the interval) is not put on the first day of it but in ``spans``, one entry per such period
    (``precision`` says which), covering the whole period. An instance is counted once, in the period (or
    span) of its earliest report matching the filters, with the mean Goldstein value of those reports."""
    query = EventQuery.build(
        dyad=f"{a}-{b}", directed=directed, **filters, limit=1, instances=count == "instances"
    )
    found = await gateway.call(_series, interval, query, basis)
    a_code, b_code = query.dyad or (a, b)
    body = _filled(found, interval, query, basis, count)
    return {"a": a_code, "b": b_code, "directed": directed, **body}


@router.get(
    "/series", summary="All instances (or reports) per period (the timeline)", response_model=SeriesOut
)
async def all_series(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _IntervalQuery = "month",
    basis: _BasisQuery = "event",
    count: CountQuery = "instances",
) -> dict[str, Any]:
    """As the dyad series (``spans`` included; instances by default, ``count=reports`` for reports), over
    every event matching the filters of /api/events."""
    query = EventQuery.build(**filters, limit=1, instances=count == "instances")
    found = await gateway.call(_series, interval, query, basis)
    return _filled(found, interval, query, basis, count)
