"""GET /api/watch: what ``detente watch`` is doing (the same report as ``detente status --format json``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from ...feeds.state import watch_report
from ...store import EventStore
from ...store.sql_store import SQLStore
from ..deps import get_gateway
from ..gateway import StoreGateway
from ..models import WatchOut

router = APIRouter(prefix="/api", tags=["health"])


def _report(store: EventStore) -> dict[str, Any]:
    if not isinstance(store, SQLStore):  # a store without the watch tables: nothing is watched into it
        return {"watching": False, "sources": [], "queue": {}, "dead_letters": []}
    return {"watching": True, **watch_report(store)}


@router.get(
    "/watch", summary="Live sources: last success, lag, errors, the fetch queue", response_model=WatchOut
)
async def watch(gateway: Annotated[StoreGateway, Depends(get_gateway)]) -> dict[str, Any]:
    """Each source ``detente watch`` polls (last success, lag in seconds, consecutive errors, its pages by
    status), the fetch queue by status and the 20 newest dead letters; 503 when the store cannot be read."""
    return await gateway.call(_report)
