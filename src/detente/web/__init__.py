"""The dashboard: static pages whose own JavaScript reads the public API (no CDN, no build step).

Pages are HTML shells in ``templates/``; they hold no data, so nothing from an article ever reaches the
HTML. The scripts in ``static/`` build every element with ``textContent`` (never ``innerHTML``) and draw the
charts and the map as SVG.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import FileResponse

__all__ = ["PAGES", "STATIC_DIR", "TEMPLATE_DIR", "router"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
#: Page name -> HTML shell.
PAGES = {
    "overview": "overview.html",
    "dyad": "dyad.html",
    "event": "event.html",
    "map": "map.html",
    "docs": "docs.html",
}

router = APIRouter(include_in_schema=False)
_Code = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9]{2,16}$")]


def _page(name: str) -> FileResponse:
    return FileResponse(
        TEMPLATE_DIR / PAGES[name], media_type="text/html", headers={"Cache-Control": "no-cache"}
    )


@router.api_route("/", methods=["GET", "HEAD"])
async def overview_page() -> FileResponse:
    return _page("overview")


@router.api_route("/dyads/{a}/{b}", methods=["GET", "HEAD"])
async def dyad_page(a: _Code, b: _Code) -> FileResponse:
    return _page("dyad")


@router.api_route("/events/{event_id}", methods=["GET", "HEAD"])
async def event_page(event_id: Annotated[str, PathParam(max_length=200)]) -> FileResponse:
    return _page("event")


@router.api_route("/map", methods=["GET", "HEAD"])
async def map_page() -> FileResponse:
    return _page("map")


@router.api_route("/docs", methods=["GET", "HEAD"])
async def docs_page() -> FileResponse:
    return _page("docs")
