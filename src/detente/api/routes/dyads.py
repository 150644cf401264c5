"""GET /api/dyads (the most active country pairs), a pair's time series, and the series of all events."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query

from ...store import EventStore
from ...store.query import EventQuery
from ..deps import MAX_LIMIT, get_gateway
from ..gateway import StoreGateway
from .filters import CODE_PATTERN, Interval, event_filters, period_filters

router = APIRouter(prefix="/api", tags=["dyads"])

_Side = Annotated[str, Path(pattern=CODE_PATTERN, description="A country or actor code, e.g. USA.")]
_IntervalQuery = Annotated[
    Interval, Query(description="Period length: day, week (ISO, from Monday), month, year.")
]


def _top_dyads(store: EventStore, limit: int, offset: int, filters: dict[str, Any]) -> list[dict[str, Any]]:
    EventQuery.build(**filters)  # the same checks (and errors) as every other date or status filter
    return store.top_dyads(limit=limit + offset, **filters)[offset:]


@router.get("/dyads", summary="The most active country pairs")
async def list_dyads(
    filters: Annotated[dict[str, Any], Depends(period_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    limit: Annotated[int, Query(ge=1, description=f"Pairs to return (capped at {MAX_LIMIT}).")] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> dict[str, Any]:
    """Undirected pairs (``a`` < ``b``) with their event count, Goldstein sum and mean and QuadClass counts.

    ``total`` is the number of pairs on this page: a ranking has no cheap total.
    """
    limit = min(limit, MAX_LIMIT)
    items = await gateway.call(_top_dyads, limit, offset, filters)
    return {"items": items, "total": len(items), "limit": limit, "offset": offset}


def _series(store: EventStore, interval: str, query: EventQuery) -> list[dict[str, Any]]:
    return store.series(interval=interval, query=query)


@router.get("/dyads/{a}/{b}/series", summary="A pair's events per period")
async def dyad_series(
    a: _Side,
    b: _Side,
    filters: Annotated[dict[str, Any], Depends(period_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _IntervalQuery = "month",
    directed: Annotated[bool, Query(description="Only events from a to b.")] = False,
) -> dict[str, Any]:
    """Per period (only periods with events, in time order): events, ``quad_counts`` by QuadClass,
    ``goldstein_sum`` and ``goldstein_mean``."""
    query = EventQuery.build(dyad=f"{a}-{b}", directed=directed, **filters, limit=1)
    items = await gateway.call(_series, interval, query)
    a_code, b_code = query.dyad or (a, b)
    return {"a": a_code, "b": b_code, "directed": directed, "interval": interval, "items": items}


@router.get("/series", summary="All events per period (the overview timeline)")
async def all_series(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _IntervalQuery = "month",
) -> dict[str, Any]:
    """As the dyad series, over every event matching the filters of /api/events."""
    query = EventQuery.build(**filters, limit=1)
    items = await gateway.call(_series, interval, query)
    return {"interval": interval, "items": items}
