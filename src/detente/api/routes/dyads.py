"""GET /api/dyads (the most active country pairs), a pair's time series, and the series of all events."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ...store import EventStore
from ...store.query import EventQuery
from ...store.summaries import period_function, zero_fill
from ..deps import Page, get_gateway, page, page_body
from ..gateway import StoreGateway
from ..models import DyadOut, PageOut, SeriesOut
from .filters import CODE_PATTERN, Interval, event_filters, period_filters

router = APIRouter(prefix="/api", tags=["dyads"])

_Side = Annotated[str, Path(pattern=CODE_PATTERN, description="A country or actor code, e.g. USA.")]
_IntervalQuery = Annotated[
    Interval, Query(description="Period length: day, week (ISO, from Monday), month, year.")
]
#: The longest zero-filled series (a range of days past this is cut to the periods with events).
MAX_PERIODS = 20_000


def _ranking(store: EventStore, query: EventQuery, domestic: bool) -> tuple[list[dict[str, Any]], int | None]:
    return store.dyad_ranking(query, domestic=domestic)


@router.get("/dyads", summary="The most active country pairs", response_model=PageOut[DyadOut])
async def list_dyads(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    domestic: Annotated[
        bool, Query(description="Include a country's events with itself (a == b, e.g. SYR-SYR).")
    ] = True,
) -> dict[str, Any]:
    """Undirected pairs (``a`` <= ``b``) with their event count, Goldstein sum and mean and QuadClass
    counts, most events first, over the events matching the filters of /api/events (``country``: the pairs
    it is in). ``total`` is the number of pairs."""
    query = EventQuery.build(**filters, limit=paging.limit, offset=paging.offset)
    items, total = await gateway.call(_ranking, query, domestic)
    return page_body(items, total, paging)


def _series(store: EventStore, interval: str, query: EventQuery) -> list[dict[str, Any]]:
    return store.series(interval=interval, query=query)


def _filled(items: list[dict[str, Any]], interval: str, query: EventQuery) -> dict[str, Any]:
    """The series zero-filled over the query's date range (else from its first to its last period)."""
    first = dt.date.fromisoformat(query.date_from) if query.date_from else None
    last = dt.date.fromisoformat(query.date_to) if query.date_to else None
    if first is not None and last is not None and (last - first).days > MAX_PERIODS and interval == "day":
        first = last = None
    period = period_function(interval)
    filled = zero_fill(items, period, first, last)
    return {
        "interval": interval,
        "date_from": filled[0]["start"] if filled else query.date_from,
        "date_to": filled[-1]["end"] if filled else query.date_to,
        "items": filled,
    }


@router.get("/dyads/{a}/{b}/series", summary="A pair's events per period", response_model=SeriesOut)
async def dyad_series(
    a: _Side,
    b: _Side,
    filters: Annotated[dict[str, Any], Depends(period_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _IntervalQuery = "month",
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
) -> dict[str, Any]:
    """Per period, in time order and zero-filled over the date range (else from the first period with
    events to the last): events, ``quad_counts`` by QuadClass, ``goldstein_sum`` and ``goldstein_mean``
    (null where a period has no events)."""
    query = EventQuery.build(dyad=f"{a}-{b}", directed=directed, **filters, limit=1)
    items = await gateway.call(_series, interval, query)
    a_code, b_code = query.dyad or (a, b)
    return {"a": a_code, "b": b_code, "directed": directed, **_filled(items, interval, query)}


@router.get("/series", summary="All events per period (the overview timeline)", response_model=SeriesOut)
async def all_series(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _IntervalQuery = "month",
) -> dict[str, Any]:
    """As the dyad series, over every event matching the filters of /api/events."""
    query = EventQuery.build(**filters, limit=1)
    items = await gateway.call(_series, interval, dataclasses.replace(query))
    return _filled(items, interval, query)
