"""Request dependencies shared by the routers: the store gateway, settings, pages and the write token."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi import params as fastapi_params
from fastapi.dependencies.utils import get_flat_params
from fastapi.routing import APIRoute

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
    "reject_unknown_parameters",
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
    """A page request (``limit`` at most :data:`MAX_LIMIT`)."""

    limit: int
    offset: int


def page(
    limit: Annotated[
        int, Query(ge=1, description=f"Items per page, at most {MAX_LIMIT} (more is a 400 error).")
    ] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")] = 0,
) -> Page:
    if limit > MAX_LIMIT:
        raise ApiError(
            400,
            f"limit {limit} is over the largest page, {MAX_LIMIT}: page with offset, or export the events "
            "(/api/events.csv, .jsonl, .parquet) for all of them",
            code="limit_too_large",
        )
    return Page(limit=limit, offset=offset)


def _query_names(route: APIRoute) -> frozenset[str]:
    """The query parameters a route declares (its own and its dependencies'), worked out once per route."""
    names: frozenset[str] | None = getattr(route, "_detente_query_names", None)
    if names is None:
        names = frozenset(
            field.alias
            for field in get_flat_params(route.dependant)
            if isinstance(field.field_info, fastapi_params.Query)
        )
        route._detente_query_names = names  # type: ignore[attr-defined]
    return names


def reject_unknown_parameters(request: Request) -> None:
    """A query parameter the route does not take is a 400 error naming it (``root=19``, ``sort=``):
    silently ignoring it would answer a different question than the one asked."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    unknown = sorted(set(request.query_params) - _query_names(route))
    if unknown:
        known = ", ".join(sorted(_query_names(route))) or "none"
        raise ApiError(
            400,
            f"unknown query parameter(s): {', '.join(unknown)} (this route takes: {known})",
            code="unknown_parameter",
            detail=[{"field": name, "message": "not a parameter of this route"} for name in unknown],
        )


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
