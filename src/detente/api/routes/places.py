"""GET /api/places: event instances (or reports) counted by place for the map (country-level places and
points)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field

from ...store import EventStore
from ...store.query import EventQuery
from ..deps import get_gateway
from ..gateway import StoreGateway
from ..models import COUNT_DESCRIPTION
from .filters import CountQuery, event_filters

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
                    "count": "instances",
                    "total": 4,
                    "events": 5,
                    "complete": True,
                }
            ]
        }
    )
    items: list[PlaceCountOut]
    count: str = Field("instances", description=COUNT_DESCRIPTION)
    total: int = Field(0, description="Instances (or reports) counted over every place.")
    events: int = Field(description="Reports read (at most 50,000, the newest).")
    complete: bool


def _key(location: dict[str, Any]) -> tuple[Any, ...]:
    lat, lon = round(location["lat"], 3), round(location["lon"], 3)
    return (location.get("name"), location.get("country"), lat, lon)


def _place(event: dict[str, Any], location: dict[str, Any]) -> dict[str, Any]:
    fields = ("name", "country", "admin1", "lat", "lon", "feature")
    place = {name: location.get(name) for name in fields}
    place.update(latest_event=event["id"], instances={})
    return place


def _add(places: dict[tuple[Any, ...], dict[str, Any]], event: dict[str, Any], instance: str) -> None:
    """Add a report to its place, under its instance (events come newest first: the last report of an
    instance seen at a place is its earliest, whose QuadClass the instance is counted in)."""
    location = event.get("location") or {}
    if not isinstance(location.get("lat"), int | float) or not isinstance(location.get("lon"), int | float):
        return
    place = places.get(_key(location))
    if place is None:
        place = places[_key(location)] = _place(event, location)
    tally = place["instances"].setdefault(instance, {"quad": None, "sum": 0.0, "scored": 0})
    tally["quad"] = str(event.get("quad_class"))
    if isinstance(event.get("goldstein"), int | float):
        tally["sum"] += event["goldstein"]
        tally["scored"] += 1


def _fold(place: dict[str, Any]) -> dict[str, Any]:
    """A place's counts from its tallies: each tally (an instance, or a report when counting reports)
    once, in its QuadClass, its Goldstein value the mean of its reports'."""
    quads = {"1": 0, "2": 0, "3": 0, "4": 0}
    total = 0.0
    scored = 0
    tallies = place.pop("instances")
    for tally in tallies.values():
        if tally["quad"] in quads:
            quads[tally["quad"]] += 1
        if tally["scored"]:
            total += tally["sum"] / tally["scored"]
            scored += 1
    place.update(
        events=len(tallies), quad_counts=quads, goldstein_mean=round(total / scored, 2) if scored else None
    )
    return place


def count_places(
    store: EventStore, query: EventQuery, *, most: int = MAX_PLACE_EVENTS, instances: bool = True
) -> dict[str, Any]:
    """Events with coordinates matching the query (the newest ``most`` of them), counted by place: each
    instance once per place (``instances``: in the QuadClass of its earliest report there, with the mean
    Goldstein value of its reports there; an event not yet linked is its own instance), else each report.
    """
    places: dict[tuple[Any, ...], dict[str, Any]] = {}
    read = 0
    complete = True
    page: list[dict[str, Any]] = []
    counted: set[str] = set()

    def flush() -> None:
        keys = store.event_instances([event["id"] for event in page]) if instances else {}
        for event in page:
            key = keys.get(event["id"], event["id"])
            _add(places, event, key)
            counted.add(key)
        page.clear()

    for event in store.iter_events(query, page_size=_READ_PAGE):
        if read == most:
            complete = False
            break
        read += 1
        page.append(event)
        if len(page) == _READ_PAGE:
            flush()
    flush()
    items = sorted((_fold(place) for place in places.values()), key=lambda place: -place["events"])
    return {
        "items": items,
        "count": "instances" if instances else "reports",
        "total": len(counted),
        "events": read,
        "complete": complete,
    }


@router.get("/places", summary="Instances (or reports) counted by place (the map)", response_model=PlacesOut)
async def list_places(
    filters: Annotated[dict[str, Any], Depends(event_filters)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    count: CountQuery = "instances",
) -> dict[str, Any]:
    """Places of the events matching the filters of /api/events, most counted first: the place's fields
    (``feature`` "country" for a country-level place, drawn as the country's shading), ``events`` (the
    instances there, each once, or the reports with ``count=reports``), ``quad_counts``,
    ``goldstein_mean`` and ``latest_event`` (an id); ``total``: what was counted over every place. Reads
    at most the newest 50,000 matching events (``events`` at the top level: how many were read);
    ``complete`` is false when there were more."""
    query = EventQuery.build(**filters, has_location=True, limit=_READ_PAGE, descending=True)
    return await gateway.call(count_places, query, instances=count == "instances")
