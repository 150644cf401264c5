"""The analyst's workbench in a real browser: filters kept in the URL, occurred events by default, the
zero-filled time axis, the 404 page, and no page wider than a 390 px phone."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest

from .helpers import api_json as _api
from .helpers import open_page as _open

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_charts_count_occurred_events_by_default(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/dyads/USA/CHN", "#events table.events")
    assert page.locator("#filter-status").input_value() == "occurred"
    statuses = page.eval_on_selector_all(
        "#events tbody tr td:nth-child(3) span[class^=status-]", "s => s.map(x => x.textContent)"
    )
    assert statuses and set(statuses) == {"occurred"}
    occurred = _api(server, "/api/dyads/USA/CHN/series?interval=month&status=occurred")["items"]
    assert page.locator("#chart g.period").count() == len(occurred)
    assert problems.take() == []


def test_filters_round_trip_through_the_url(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/dyads/USA/CHN", "#events table.events")
    page.select_option("#filter-status", "all")
    page.wait_for_load_state("networkidle")
    everything = _api(server, "/api/events?dyad=USA-CHN&limit=500")["total"]
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=everything)
    page.select_option("#interval", "year")
    page.wait_for_load_state("networkidle")
    last = _api(server, "/api/dyads/USA/CHN/series?interval=year&count=reports")["items"][-1]  # rows
    newest = "p => document.querySelector('#chart g.period:last-of-type')?.dataset.period === p"
    page.wait_for_function(newest, arg=last["period"])
    page.locator("#chart g.period rect.hit").last.click()
    rows = last["events"]
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=rows)
    query = parse_qs(urlparse(page.url).query)
    assert query["status"] == ["all"] and query["interval"] == ["year"]
    assert query["period"] == [last["period"]]
    shared = page.url
    _open(page, server, shared.replace(server, ""), "#events")
    assert page.locator("#filter-status").input_value() == "all"
    assert page.locator("#interval").input_value() == "year"
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=rows)
    assert page.locator("#chart g.period.selected").get_attribute("data-period") == query["period"][0]
    assert problems.take() == []


def test_the_overview_axis_is_zero_filled(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/?status=all&interval=month", "#timeline svg.balance-chart")
    periods = page.eval_on_selector_all("#timeline g.period", "g => g.map(x => x.dataset.period)")
    assert len(periods) >= 2
    year, month = (int(part) for part in periods[0].split("-"))
    expected = []
    while len(expected) < len(periods):
        expected.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    assert periods == expected  # every month between the first and the last, empty ones included
    assert problems.take() == []


def test_unknown_pages_are_an_html_404(page_and_problems, server):
    page, _ = page_and_problems
    response = page.goto(server + "/no/such/page")
    assert response.status == 404
    assert "Nothing here" in page.locator("h1").inner_text()
    page_and_problems[1].take()


@pytest.mark.parametrize("path", ["/", "/dyads/USA/CHN", "/countries/IND", "/map", "/docs", "/no-such-page"])
def test_no_page_is_wider_than_a_phone(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        context.close()


def test_the_event_page_fits_a_phone(browser, server):
    event = _api(server, "/api/events?limit=1")["items"][0]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        _open(page, server, f"/events/{event['id']}", "#article-text")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
    finally:
        context.close()


_CARD_PAGES = ["/dyads/USA/CHN?status=all", "/countries/IND?status=all", "/map?status=all"]


@pytest.mark.parametrize("path", _CARD_PAGES)
def test_tables_are_stacked_cards_on_a_phone(browser, server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        _open(page, server, path, "table.cards tbody tr")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], widths
        row = page.locator("table.cards tbody tr").first
        assert row.evaluate("r => getComputedStyle(r).display") == "block"
        assert page.locator("table.cards thead").first.evaluate("h => h.getBoundingClientRect().height") <= 1
        cells = row.locator("td")
        assert cells.count() >= 3
        for index in range(cells.count()):
            box = cells.nth(index).bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= widths[1]
    finally:
        context.close()
    # on a laptop the same tables are tables
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    try:
        page = context.new_page()
        _open(page, server, path, "table.cards tbody tr")
        first = page.locator("table.cards tbody tr").first
        assert first.evaluate("r => getComputedStyle(r).display") == "table-row"
    finally:
        context.close()


def test_the_country_and_event_pages_fit_a_phone(browser, server):
    event = _api(server, "/api/events?limit=1&country=IND")["items"][0]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        for path, ready in ((f"/events/{event['id']}", "#others"), ("/countries/IND", "#partners table")):
            _open(page, server, path, ready)
            widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            assert widths[0] <= widths[1], (path, widths)
    finally:
        context.close()
