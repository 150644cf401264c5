"""GET /api/events (filtered, paginated), /api/events/{id} (with every mention) and /api/locations."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query

from ...store import EventStore
from ...store.query import EventQuery
from ..deps import Page, get_gateway, page, page_body
from ..errors import ApiError
from ..gateway import StoreGateway
from ..models import EventOut, PageOut
from .filters import event_filters

router = APIRouter(prefix="/api", tags=["events"])

Order = Annotated[
    Literal["asc", "desc"],
    Query(description="By day: desc (newest first, the default) or asc (oldest first); undated last."),
]


def events_page(store: EventStore, query: EventQuery) -> tuple[list[dict[str, Any]], int]:
    """One page of events and the number matching (run on a store thread)."""
    return store.query_events(query), store.count_events(query)


def _event(store: EventStore, event_id: str) -> dict[str, Any] | None:
    event = store.get_event(event_id)
    if event is not None:  # a backend without instances has none to name
        instance_of = getattr(store, "instance_of", None)
        event["instance_id"] = instance_of(event_id) if instance_of is not None else None
    return event


@router.get("/events", summary="Events matching every given filter", response_model=PageOut[EventOut])
async def list_events(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    order: Order = "desc",
) -> dict[str, Any]:
    """Events: ``Event.to_dict()`` plus ``article_id``, ``day``, ``article_title``, ``article_published``,
    ``article_url`` and ``article_source``. All of them, unpaged: /api/events.csv, .jsonl or .parquet."""
    query = EventQuery.build(**filters, limit=paging.limit, offset=paging.offset, descending=order == "desc")
    items, total = await gateway.call(events_page, query)
    return page_body(items, total, paging)


@router.get(
    "/events/{event_id}", summary="One event with its evidence and every mention", response_model=EventOut
)
async def get_event(
    event_id: Annotated[str, Path(max_length=200)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
) -> dict[str, Any]:
    """The event, plus ``mention_list``: the evidence of every report of it in its article, and
    ``instance_id``: the event instance it reports (null until linked; its other reports:
    /api/events/{id}/instance)."""
    event = await gateway.call(_event, event_id)
    if event is None:
        raise ApiError(404, f"no event with id {event_id!r}")
    return event


@router.get(
    "/locations", summary="Events with coordinates, for the map", response_model=PageOut[EventOut]
)
async def list_locations(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    order: Order = "desc",
) -> dict[str, Any]:
    """Events whose ``location`` has a latitude and longitude; the same filters as /api/events."""
    query = EventQuery.build(
        **filters,
        has_location=True,
        limit=paging.limit,
        offset=paging.offset,
        descending=order == "desc",
    )
    items, total = await gateway.call(events_page, query)
    return page_body(items, total, paging)
