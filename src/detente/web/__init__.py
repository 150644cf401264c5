"""The dashboard: static pages whose own JavaScript reads the public API (no CDN, no build step).

Pages are HTML shells: ``templates/_layout.html`` holds what every page shares (head, navigation), each page
file its title, its scripts (a first-line comment ``<!-- page: Title | scripts: a.js b.js -->``) and its main
content. They hold no data, so nothing from an article ever reaches the HTML. The scripts in ``static/``
build every element with ``textContent`` (never ``innerHTML``) and draw the charts and the map as SVG.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse

__all__ = ["PAGES", "STATIC_DIR", "TEMPLATE_DIR", "is_page_path", "not_found_page", "render_page", "router"]

STATIC_DIR = Path(__file__).resolve().parent / "static"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
#: Page name -> HTML shell.
PAGES = {
    "overview": "overview.html",
    "dyad": "dyad.html",
    "country": "country.html",
    "event": "event.html",
    "map": "map.html",
    "docs": "docs.html",
    "health": "health.html",
    "not_found": "404.html",
}

router = APIRouter(include_in_schema=False)
_Code = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9]{2,16}$")]
_HEADER = re.compile(r"<!-- page: (?P<title>[^|<>]+?) \| scripts:(?P<scripts>[\w./ -]*)-->\n")


@cache
def render_page(name: str) -> str:
    """The full HTML of one page: its file's title, scripts and content in the shared layout."""
    layout = (TEMPLATE_DIR / "_layout.html").read_text(encoding="utf-8")
    page = (TEMPLATE_DIR / PAGES[name]).read_text(encoding="utf-8")
    header = _HEADER.match(page)
    if header is None:
        raise ValueError(f"{PAGES[name]} does not start with its '<!-- page: ... | scripts: ... -->' line")
    scripts = "\n".join(
        f'<script src="/static/{script}" defer></script>' for script in header["scripts"].split()
    )
    return (
        layout.replace("{{title}}", header["title"])
        .replace("{{scripts}}", scripts)
        .replace("{{main}}", page[header.end() :].rstrip("\n"))
    )


def is_page_path(path: str) -> bool:
    """Whether a path belongs to the dashboard (not the API, its schema or the static files)."""
    return not path.startswith(("/api/", "/static/", "/openapi.json")) and path != "/api"


def not_found_page() -> HTMLResponse:
    """The dashboard's 404 page."""
    return HTMLResponse(render_page("not_found"), status_code=404, headers={"Cache-Control": "no-cache"})


def _page(name: str) -> HTMLResponse:
    return HTMLResponse(render_page(name), headers={"Cache-Control": "no-cache"})


@router.api_route("/", methods=["GET", "HEAD"])
async def overview_page() -> HTMLResponse:
    return _page("overview")


@router.api_route("/dyads/{a}/{b}", methods=["GET", "HEAD"])
async def dyad_page(a: _Code, b: _Code) -> HTMLResponse:
    return _page("dyad")


@router.api_route("/countries/{code}", methods=["GET", "HEAD"])
async def country_page(code: _Code) -> HTMLResponse:
    return _page("country")


@router.api_route("/events/{event_id}", methods=["GET", "HEAD"])
async def event_page(event_id: Annotated[str, PathParam(max_length=200)]) -> HTMLResponse:
    return _page("event")


@router.api_route("/map", methods=["GET", "HEAD"])
async def map_page() -> HTMLResponse:
    return _page("map")


@router.api_route("/health", methods=["GET", "HEAD"])
async def health_page() -> HTMLResponse:
    return _page("health")


@router.api_route("/docs", methods=["GET", "HEAD"])
async def docs_page() -> HTMLResponse:
    return _page("docs")
