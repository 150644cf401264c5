"""The dashboard's pages and static files: served by the app, offline (nothing from another origin), no
inline scripts, and scripts that never turn data into HTML; the offline API reference at /docs; serve."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.web import PAGES, STATIC_DIR, TEMPLATE_DIR, render_page

pytestmark = pytest.mark.slow

_EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
_URL = re.compile(r"https?://(?!www\.w3\.org/2000/svg)[^\s\"')]+")


@pytest.mark.parametrize("path", ["/", "/dyads/USA/CHN", "/countries/IND", "/events/abc123", "/map", "/docs"])
def test_pages_are_served(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script src="/static/common.js"' in response.text


def test_every_template_is_a_page_or_the_layout():
    names = {path.name for path in TEMPLATE_DIR.iterdir()}
    assert names == {*PAGES.values(), "_layout.html"}


def test_pages_answer_head(client):
    assert client.head("/dyads/USA/CHN").status_code == 200


def test_page_routes_check_their_codes(client):
    assert client.get("/dyads/USA/<b>").status_code == 422
    assert client.get("/countries/<b>").status_code in (404, 422)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_have_no_inline_script_or_style_and_nothing_external(name):
    html = render_page(name)
    assert "{{" not in html and html.count("<main") == 1 and "· detente</title>" in html
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert scripts and all('src="/static/' in tag for tag in scripts)
    assert re.search(r"<script[^>]*>\s*[^<\s]", html) is None  # no inline code
    assert "<style" not in html and " style=" not in html and re.search(r"\son[a-z]+=", html) is None
    assert not _EXTERNAL.search(html) and not _URL.search(html)


@pytest.mark.parametrize("path", sorted(p.name for p in STATIC_DIR.iterdir() if p.suffix == ".js"))
def test_scripts_never_write_html_and_fetch_only_this_origin(path):
    code = (STATIC_DIR / path).read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in code, f"{path} uses {sink}"
    assert not _URL.search(code), f"{path} names another origin"


def test_static_files_are_served_with_types(client):
    for name, kind in (("app.css", "text/css"), ("common.js", "javascript"), (_ATLAS, "json")):
        response = client.get(f"/static/{name}")
        assert response.status_code == 200 and kind in response.headers["content-type"]


_ATLAS = "vendor/world-atlas/countries-50m.json"


def test_the_vendored_map_files_are_complete_and_credited():
    vendor = STATIC_DIR / "vendor"
    notice = (vendor / "README.md").read_text(encoding="utf-8")
    for package in ("world-atlas", "topojson-client", "d3-geo", "d3-array"):
        assert (vendor / package / "LICENSE").is_file(), package
        assert f"`{package}`" in notice, package
    atlas = json.loads((STATIC_DIR / _ATLAS).read_text(encoding="utf-8"))
    countries = atlas["objects"]["countries"]["geometries"]
    assert len(countries) > 200 and all("name" in shape["properties"] for shape in countries)
    html = render_page("map")
    for script in ("d3-array.min.js", "d3-geo.min.js", "topojson-client.min.js"):
        assert script in html and _URL.search(html) is None


def test_openapi_schema_lists_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    expected = {
        "/api/health",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/events",
        "/api/events/{event_id}",
        "/api/quotes",
        "/api/actors",
        "/api/dyads",
        "/api/dyads/{a}/{b}/series",
        "/api/series",
        "/api/locations",
    }
    assert expected <= set(spec["paths"])
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/redoc").status_code == 404


def test_serve_defaults_to_loopback_and_refuses_a_missing_store(tmp_path):
    command = main.commands["serve"]
    assert {param.name: param.default for param in command.params}["host"] == "127.0.0.1"
    result = CliRunner().invoke(main, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 3 and "detente ingest" in result.output
    empty = tmp_path / "token"
    empty.write_text("  \n")
    result = CliRunner().invoke(
        main, ["serve", "--db", str(tmp_path / "none.db"), "--token-file", str(empty)]
    )
    assert result.exit_code == 2 and "empty" in result.output
