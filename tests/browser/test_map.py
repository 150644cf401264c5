"""The map in a real browser: Natural Earth outlines (vendored), zoom and pan, country shading and points
that follow the filter bar."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from .helpers import api_json as _api

pytestmark = [pytest.mark.browser, pytest.mark.slow]

_SHADED = "[...document.querySelectorAll('path.country')].filter(p => +p.dataset.events > 0)"


def _open_map(page, server: str, query: str = "") -> None:  # noqa: ANN001
    page.goto(server + "/map" + query)
    page.wait_for_selector("#map svg.world path.country")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => !document.getElementById('status').textContent.startsWith('Loading')")


def _expected(server: str, params: dict[str, str]) -> tuple[dict[str, int], int]:
    """Country-level events per country and the number of other places, as /api/places counts them."""
    places = _api(server, "/api/places?" + urlencode(params))["items"]
    countries: dict[str, int] = {}
    for place in places:
        if place["feature"] == "country":
            countries[place["country"]] = countries.get(place["country"], 0) + place["events"]
    return countries, sum(place["feature"] != "country" for place in places)


def _shown(page) -> tuple[dict[str, int], int]:  # noqa: ANN001
    shaded = page.evaluate(f"Object.fromEntries({_SHADED}.map(p => [p.dataset.code, +p.dataset.events]))")
    return shaded, page.locator("circle.place").count()


def test_the_map_draws_natural_earth_countries(page_and_problems, server):
    page, problems = page_and_problems
    _open_map(page, server)
    assert page.locator("path.country").count() > 150
    codes = page.eval_on_selector_all("path.country", "ps => ps.map(p => p.dataset.code)")
    assert {"USA", "CHN", "IND", "BRA", "FRA", "ZAF"} <= set(codes)
    # the outlines are real: the United States' path is long, not a hand-drawn box
    assert len(page.locator('path.country[data-code="USA"]').get_attribute("d")) > 2000
    box = page.locator("#map svg.world").bounding_box()
    assert box and box["width"] > 600 and box["height"] > 250
    assert problems.take() == []


@pytest.mark.parametrize("params", [{}, {"status": "all"}, {"status": "all", "country": "IND"}])
def test_shading_and_points_follow_the_filters(page_and_problems, server, params):
    page, problems = page_and_problems
    _open_map(page, server, "?" + urlencode(params) if params else "")
    api_params = {"status": "occurred", **params}
    if api_params["status"] == "all":
        del api_params["status"]
    countries, points = _expected(server, api_params)
    shaded, circles = _shown(page)
    assert shaded == countries
    assert circles == points
    assert problems.take() == []


def test_changing_a_filter_reshades_the_map(page_and_problems, server):
    page, problems = page_and_problems
    _open_map(page, server, "?status=all")
    before = _shown(page)
    assert before[0], "the example store has country-level places"
    page.fill("#filter-country", "IND")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    page.wait_for_function("() => new URL(location.href).searchParams.get('country') === 'IND'")
    expected = _expected(server, {"country": "IND"})
    page.wait_for_function(f"n => {_SHADED}.length === n", arg=len(expected[0]))
    assert _shown(page) == expected != before
    assert problems.take() == []


def test_the_map_zooms_with_buttons_and_wheel(page_and_problems, server):
    page, problems = page_and_problems
    _open_map(page, server)
    layer = page.locator("#map g.zoom-layer")
    start = layer.get_attribute("transform")
    page.click("#zoom-in")
    zoomed = layer.get_attribute("transform")
    assert zoomed != start and float(page.locator("#map svg").get_attribute("data-zoom")) > 1
    page.click("#zoom-reset")
    assert layer.get_attribute("transform") == start
    box = page.locator("#map svg.world").bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.7, box["y"] + box["height"] * 0.4)
    page.mouse.wheel(0, -300)
    changed = "t => document.querySelector('#map g.zoom-layer').getAttribute('transform') !== t"
    page.wait_for_function(changed, arg=start)
    wheeled = layer.get_attribute("transform")
    # drag to pan: the translation changes, the scale does not
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5, steps=5)
    page.mouse.up()
    panned = layer.get_attribute("transform")
    assert panned != wheeled and panned.split("scale")[1] == wheeled.split("scale")[1]
    # circles keep their size on screen: their radius shrinks as the map grows
    if page.locator("circle.place").count():
        circle = page.locator("circle.place").first
        assert float(circle.get_attribute("r")) < float(circle.get_attribute("data-radius"))
    assert problems.take() == []
