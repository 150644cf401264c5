"""GET /api/actors: actors by code and name, most event instances (or reports) first."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import Field

from ...store import EventStore
from ..deps import Page, get_gateway, page, page_body
from ..gateway import StoreGateway
from ..models import COUNT_DESCRIPTION, ActorOut, PageOut
from .filters import CountQuery

router = APIRouter(prefix="/api", tags=["actors"])


def _actors_page(
    store: EventStore, text: str | None, country: str | None, paging: Page, instances: bool
) -> dict[str, Any]:
    # one row more than asked tells whether another page follows; the store has no actor count
    rows = store.list_actors(
        text=text, country=country, limit=paging.limit + 1, offset=paging.offset, instances=instances
    )
    items = rows[: paging.limit]
    total = paging.offset + len(items) if len(rows) <= paging.limit else None
    return {**page_body(items, total, paging), "more": len(rows) > paging.limit}


class ActorPageOut(PageOut[ActorOut]):
    more: bool
    count: str = Field("instances", description=COUNT_DESCRIPTION)


@router.get("/actors", summary="Actors, most events first", response_model=ActorPageOut)
async def list_actors(
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    q: Annotated[str | None, Query(max_length=100, description="Part of the actor's code or name.")] = None,
    country: Annotated[str | None, Query(max_length=16, description="The actor's country, e.g. USA.")] = None,
    count: CountQuery = "instances",
) -> dict[str, Any]:
    """``{"code", "country", "sector", "name", "events"}`` per actor, ``events`` counting instances (each
    once per actor, whichever side it is on) or reports (``count=reports``). ``total`` is null while
    ``more`` is true (the number is only known on the last page)."""
    body = await gateway.call(_actors_page, q, country, paging, count == "instances")
    return {**body, "count": count}
