"""GET /api/instances (one real-world event, many reports), one instance with every report, the instance
of an event, instance series and rankings, a dyad's pulse and escalation alerts (/api/alerts)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from ...analysis import related_instances
from ...analysis.pulse import dyad_alerts, dyad_pulse
from ...store import EventStore
from ...store.query import EventQuery
from ..deps import MAX_LIMIT, Page, get_gateway, page, page_body
from ..errors import ApiError
from ..gateway import StoreGateway
from ..models import (
    AlertsOut,
    InstanceDetailOut,
    InstanceDyadsOut,
    InstanceOut,
    InstanceSeriesOut,
    PageOut,
    PulseOut,
)
from .events import Order
from .filters import CODE_PATTERN, CountQuery, Interval, event_filters, period_filters

router = APIRouter(prefix="/api", tags=["instances"])

_Id = Annotated[str, Path(max_length=200)]
_Side = Annotated[str, Path(pattern=CODE_PATTERN, description="A country or actor code, e.g. USA.")]
_Count = CountQuery
_AlertInterval = Annotated[
    Literal["day", "week", "month"], Query(description="Period length: day, week (ISO), month.")
]


def _instances_page(store: EventStore, query: EventQuery) -> tuple[list[dict[str, Any]], int]:
    return store.query_instances(query), store.count_instances(query)


def _instance(store: EventStore, instance_id: str) -> dict[str, Any] | None:
    found = store.get_instance(instance_id)
    if found is not None:
        found["related"] = related_instances(store, instance_id)
    return found


def _instance_of_event(store: EventStore, event_id: str) -> dict[str, Any] | None:
    instance_id = store.instance_of(event_id)
    return None if instance_id is None else _instance(store, instance_id)


@router.get(
    "/instances",
    summary="Event instances matching every given filter",
    response_model=PageOut[InstanceOut],
)
async def list_instances(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    order: Order = "desc",
) -> dict[str, Any]:
    """Instances whose representative report (the earliest) matches the filters of /api/events: each with
    ``num_reports``, ``num_mentions``, ``num_articles`` (syndicated copies once), ``num_sources``,
    ``first_report``, ``last_report``, ``outlets`` and its ``representative`` report."""
    query = EventQuery.build(**filters, limit=paging.limit, offset=paging.offset, descending=order == "desc")
    items, total = await gateway.call(_instances_page, query)
    return page_body(items, total, paging)


def _series(store: EventStore, interval: str, query: EventQuery) -> list[dict[str, Any]]:
    return store.series(interval=interval, query=query)


@router.get(
    "/instances/series", summary="Instances (or reports) per period", response_model=InstanceSeriesOut
)
async def instance_series(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: Annotated[Interval, Query(description="day, week, month or year.")] = "month",
    count: _Count = "instances",
) -> dict[str, Any]:
    """As /api/series (without its spans and zero-filling): each instance once, in the period of its
    earliest report matching the filters (``count=instances``), or every report."""
    query = EventQuery.build(**filters, instances=count == "instances", limit=1)
    items = await gateway.call(_series, interval, query)
    return {"interval": interval, "count": count, "items": items}


def _top_dyads(
    store: EventStore, limit: int, filters: dict[str, Any], instances: bool
) -> list[dict[str, Any]]:
    EventQuery.build(**filters)
    return store.top_dyads(limit=limit, instances=instances, **filters)


@router.get(
    "/instances/dyads",
    summary="The most active country pairs, in instances (or reports)",
    response_model=InstanceDyadsOut,
)
async def instance_dyads(
    filters: Annotated[dict[str, Any], Depends(period_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    limit: Annotated[int, Query(ge=1, description=f"Pairs (capped at {MAX_LIMIT}).")] = 20,
    count: _Count = "instances",
) -> dict[str, Any]:
    """As /api/dyads; ``events`` counts instances unless ``count=reports``."""
    limit = min(limit, MAX_LIMIT)
    items = await gateway.call(_top_dyads, limit, filters, count == "instances")
    return {"count": count, "items": items, "total": len(items), "limit": limit, "offset": 0}


@router.get(
    "/instances/{instance_id}",
    summary="One instance with every report, evidence side by side",
    response_model=InstanceDetailOut,
)
async def get_instance(
    instance_id: _Id, gateway: Annotated[StoreGateway, Depends(get_gateway)]
) -> dict[str, Any]:
    """The instance, its ``reports`` (each with its article, outlet, story and ``mention_list``) and
    ``related``: the instances its plans announced (``occurred``) and the plans that announced it."""
    found = await gateway.call(_instance, instance_id)
    if found is None:
        raise ApiError(404, f"no instance with id {instance_id!r}")
    return found


@router.get(
    "/events/{event_id}/instance",
    summary="The instance an event reports, with its other reports",
    response_model=InstanceDetailOut,
)
async def get_event_instance(
    event_id: _Id, gateway: Annotated[StoreGateway, Depends(get_gateway)]
) -> dict[str, Any]:
    """As /api/instances/{id}, for the instance of this event (404 when the event is not stored or not
    linked yet)."""
    found = await gateway.call(_instance_of_event, event_id)
    if found is None:
        raise ApiError(404, f"no instance for event {event_id!r}")
    return found


def _pulse(store: EventStore, a: str, b: str, interval: str, since: str | None, instances: bool) -> Any:
    return dyad_pulse(store, a, b, interval=interval, since=since, instances=instances)


@router.get(
    "/dyads/{a}/{b}/pulse",
    summary="A pair's pulse: instances per period, conflict share",
    response_model=PulseOut,
)
async def pulse(
    a: _Side,
    b: _Side,
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    interval: _AlertInterval = "week",
    since: Annotated[str | None, Query(max_length=32, description="First day, YYYY-MM-DD.")] = None,
    count: _Count = "instances",
) -> dict[str, Any]:
    """Every period from the first to the last with instances (empty ones as zeros): ``instances``,
    ``quad_counts``, ``goldstein_mean``, ``conflict`` and ``conflict_share``."""
    query = EventQuery.build(dyad=f"{a}-{b}", date_from=since)
    first, second = query.dyad or (a, b)
    items = await gateway.call(_pulse, first, second, interval, query.date_from, count == "instances")
    return {"a": first, "b": second, "interval": interval, "count": count, "items": items}


def _alerts(store: EventStore, dyad: tuple[str, str] | None, interval: str, since: str | None) -> Any:
    return dyad_alerts(store, dyads=[dyad] if dyad else None, interval=interval, since=since)


@router.get(
    "/alerts",
    summary="Escalation alerts: conflict share well above the pair's baseline",
    response_model=AlertsOut,
)
async def list_alerts(
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    dyad: Annotated[str | None, Query(max_length=40, description="One pair, e.g. USA-CHN.")] = None,
    since: Annotated[str | None, Query(max_length=32, description="Periods ending on or after.")] = None,
    interval: _AlertInterval = "week",
) -> dict[str, Any]:
    """Periods whose share of conflict instances (QuadClass 3-4) has a binomial z-score of 3 or more
    against the pair's 8 preceding periods, newest first; of ``dyad``, else of the 50 most active pairs."""
    query = EventQuery.build(dyad=dyad, date_from=since)
    items = await gateway.call(_alerts, query.dyad, interval, query.date_from)
    return {"interval": interval, "items": items, "total": len(items)}
