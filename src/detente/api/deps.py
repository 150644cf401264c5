"""Request dependencies shared by the routers: the store gateway, settings, pages and the write token."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request

from ..settings import Settings
from .errors import ApiError
from .gateway import StoreGateway

__all__ = [
    "MAX_LIMIT",
    "DEFAULT_LIMIT",
    "Page",
    "get_gateway",
    "get_settings",
    "page",
    "page_body",
    "require_token",
]

MAX_LIMIT = 500
DEFAULT_LIMIT = 50


def get_gateway(request: Request) -> StoreGateway:
    return request.app.state.gateway


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


@dataclass(frozen=True, slots=True)
class Page:
    """A page request; ``limit`` is already capped at :data:`MAX_LIMIT`."""

    limit: int
    offset: int


def page(
    limit: Annotated[
        int, Query(ge=1, description=f"Items per page (capped at {MAX_LIMIT}).")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
) -> Page:
    return Page(limit=min(limit, MAX_LIMIT), offset=offset)


def page_body(items: list[Any], total: int | None, paging: Page) -> dict[str, Any]:
    """The common page shape."""
    return {"items": items, "total": total, "limit": paging.limit, "offset": paging.offset}


def require_token(request: Request, settings: Annotated[Settings, Depends(get_settings)]) -> None:
    """Writes need a configured token and ``Authorization: Bearer <token>`` (compared in constant time)."""
    if not settings.api_token:
        raise ApiError(
            403,
            "the API is read-only: no write token is configured (DETENTE_API_TOKEN or serve --token-file)",
            code="read_only",
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    expected = settings.api_token.encode("utf-8")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode("utf-8"), expected):
        raise ApiError(
            401,
            "this request needs 'Authorization: Bearer <token>' with the configured token",
            headers={"WWW-Authenticate": 'Bearer realm="detente"'},
        )
