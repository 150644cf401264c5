"""GET /api/health: the service answers and its store can be read."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends

from ... import __version__
from ...settings import Settings
from ...store import EventStore
from ..deps import get_gateway, get_settings
from ..gateway import StoreGateway
from ..models import HealthOut

router = APIRouter(prefix="/api", tags=["health"])


def _counts(store: EventStore) -> dict[str, int]:
    return {
        "articles": store.count_articles(),
        "events": store.count_events(),
        "instances": store.count_all_instances(),
    }


@router.get("/health", summary="Service and store status", response_model=HealthOut)
async def health(
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    settings: Annotated[Settings, Depends(get_settings)],
) -> dict[str, Any]:
    """``status: ok`` with the store's article, event (report) and event instance counts; 503 when the store
    cannot be read."""
    counts = await gateway.call(_counts)
    return {"status": "ok", "version": __version__, "writable": bool(settings.api_token), **counts}
