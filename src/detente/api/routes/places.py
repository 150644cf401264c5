"""GET /api/places: events counted by place for the map (country-level places and points)."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict

from ...store import EventStore
from ...store.query import EventQuery
from ..deps import get_gateway
from ..gateway import StoreGateway
from .filters import event_filters

router = APIRouter(prefix="/api", tags=["events"])

#: The most events one map request reads (newest first); ``complete`` says whether that was all of them.
MAX_PLACE_EVENTS = 50_000
_READ_PAGE = 1_000


class PlaceCountOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float
    lon: float
    feature: str | None = None
    events: int
    quad_counts: dict[str, int]
    goldstein_mean: float | None = None
    latest_event: str


class PlacesOut(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "items": [
                        {"name": "China", "country": "CHN", "admin1": None, "lat": 35.0, "lon": 105.0,
                         "feature": "country", "events": 4, "quad_counts": {"1": 3, "2": 0, "3": 1, "4": 0},
                         "goldstein_mean": 1.2, "latest_event": "d2eda9690f5c8bca"}
                    ],
                    "events": 4,
                    "complete": True,
                }
            ]
        }
    )
    items: list[PlaceCountOut]
    events: int
    complete: bool


def _key(location: dict[str, Any]) -> tuple[Any, ...]:
    lat, lon = round(location["lat"], 3), round(location["lon"], 3)
    return (location.get("name"), location.get("country"), lat, lon)


def _add(places: dict[tuple[Any, ...], dict[str, Any]], event: dict[str, Any]) -> None:
    location = event.get("location") or {}
    if not isinstance(location.get("lat"), int | float) or not isinstance(location.get("lon"), int | float):
        return
    place = places.get(_key(location))
    if place is None:
        fields = ("name", "country", "admin1", "lat", "lon", "feature")
        place = {name: location.get(name) for name in fields}
        place.update(events=0, quad_counts={"1": 0, "2": 0, "3": 0, "4": 0}, goldstein_sum=0.0, scored=0)
        place["latest_event"] = event["id"]
        places[_key(location)] = place
    place["events"] += 1
    quad = str(event.get("quad_class"))
    if quad in place["quad_counts"]:
        place["quad_counts"][quad] += 1
    if isinstance(event.get("goldstein"), int | float):
        place["goldstein_sum"] += event["goldstein"]
        place["scored"] += 1


def count_places(store: EventStore, query: EventQuery, *, most: int = MAX_PLACE_EVENTS) -> dict[str, Any]:
    """Events with coordinates matching the query, counted by place (newest ``most`` of them)."""
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    read = 0
    complete = True
    for event in store.iter_events(query, page_size=_READ_PAGE):
        if read == most:
            complete = False
            break
        read += 1
        _add(places, event)
    items = sorted(places.values(), key=lambda place: -place["events"])
    for place in items:
        scored = place.pop("scored")
        total = place.pop("goldstein_sum")
        place["goldstein_mean"] = round(total / scored, 2) if scored else None
    return {"items": items, "events": read, "complete": complete}


@router.get("/places", summary="Events counted by place (the map)", response_model=PlacesOut)
async def list_places(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
) -> dict[str, Any]:
    """Places of the events matching the filters of /api/events, most events first: the place's fields
    (``feature`` "country" for a country-level place, drawn as the country's shading), ``events``,
    ``quad_counts``, ``goldstein_mean`` and ``latest_event`` (an id). Reads at most the newest 50,000
    matching events; ``complete`` is false when there were more."""
    query = EventQuery.build(**filters, has_location=True, limit=_READ_PAGE, descending=True)
    return await gateway.call(count_places, dataclasses.replace(query))
