"""The timeline in a real browser: events dated only to a month or a year are bands over their period (not
bars on its first day), and dragging across the chart sets the date range in the URL and the filter bar."""

from __future__ import annotations

import json
import urllib.request
from urllib.parse import parse_qs, urlencode, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _api(server: str, path: str, **params: str) -> dict:
    url = server + path + ("?" + urlencode(params) if params else "")
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback test server
        return json.loads(response.read())


def _open(page, server: str, path: str, ready: str) -> None:  # noqa: ANN001
    page.goto(server + path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize(
    ("path", "chart", "api"),
    [
        ("/?status=all&interval=week", "#timeline", "/api/series"),
        ("/dyads/USA/CHN?status=all&interval=day", "#chart", "/api/dyads/USA/CHN/series"),
    ],
)
def test_coarsely_dated_events_are_bands_over_their_period(page_and_problems, server, path, chart, api):
    page, problems = page_and_problems
    interval = parse_qs(urlparse(path).query)["interval"][0]
    series = _api(server, api, interval=interval)
    assert any(span["precision"] == "month" for span in series["spans"]), "no event dated to a month"
    _open(page, server, path, chart + " svg.balance-chart")
    drawn = page.eval_on_selector_all(
        chart + " g.date-span", "g => g.map(x => [x.dataset.period, Number(x.dataset.events)])"
    )
    assert sorted(map(tuple, drawn)) == sorted((span["period"], span["events"]) for span in series["spans"])
    # a month's band covers every column of that month, not its first day's column alone
    month = next(span for span in series["spans"] if span["precision"] == "month")
    band = page.locator(f'{chart} g.date-span[data-period="{month["period"]}"] rect').bounding_box()
    columns = [p for p in series["items"] if p["end"] >= month["start"] and p["start"] <= month["end"]]
    assert len(columns) >= 4
    first = page.locator(f'{chart} g.period[data-period="{columns[0]["period"]}"] rect.hit').bounding_box()
    last = page.locator(f'{chart} g.period[data-period="{columns[-1]["period"]}"] rect.hit').bounding_box()
    assert band["x"] <= first["x"] + 2 and band["x"] + band["width"] >= last["x"] + last["width"] - 2
    # the bars hold only the events dated to a day (or a week in a chart by week)
    bars = sum(p["events"] for p in series["items"])
    by_year = _api(server, api, interval="year")
    assert by_year["spans"] == []
    spread = sum(span["events"] for span in series["spans"])
    assert bars + spread == sum(p["events"] for p in by_year["items"])
    legend = page.locator(chart + " ~ .legend").inner_text()
    assert "dated only to a month or a year" in legend
    assert problems.take() == []


def _settle(page, pending: set, timeout_ms: int = 10_000) -> None:  # noqa: ANN001
    """Wait until no request the page made is still on its way (Playwright's "networkidle" is reached
    once per navigation, so it cannot wait for the requests a later change makes)."""
    waited = 0
    while pending and waited < timeout_ms:
        page.wait_for_timeout(50)
        waited += 50
    assert not pending, f"requests still open: {sorted(pending)}"


def test_dragging_across_the_chart_sets_the_date_range(page_and_problems, server):
    page, problems = page_and_problems
    pending: set[str] = set()
    page.on("request", lambda request: pending.add(request.url))
    page.on("requestfinished", lambda request: pending.discard(request.url))
    page.on("requestfailed", lambda request: pending.discard(request.url))
    _open(page, server, "/dyads/USA/CHN?status=all", "#events table.events")
    periods = page.eval_on_selector_all("#chart g.period", "g => g.map(x => x.dataset.period)")
    first, last = periods.index("2023-05"), periods.index("2023-07")
    start = page.locator("#chart g.period rect.hit").nth(first).bounding_box()
    end = page.locator("#chart g.period rect.hit").nth(last).bounding_box()
    y = start["y"] + start["height"] / 2
    page.mouse.move(start["x"] + start["width"] / 2, y)
    page.mouse.down()
    page.mouse.move(end["x"] + end["width"] / 2, y, steps=8)
    page.mouse.up()
    page.wait_for_function("() => new URL(location.href).searchParams.get('date_to') === '2023-07-31'")
    query = parse_qs(urlparse(page.url).query)
    assert query["date_from"] == ["2023-05-01"] and query["date_to"] == ["2023-07-31"]
    assert "period" not in query  # a drag is not a click on a period
    assert page.locator("#filter-from").input_value() == "2023-05-01"
    assert page.locator("#filter-to").input_value() == "2023-07-31"
    page.wait_for_load_state("networkidle")
    expected = _api(
        server, "/api/events", dyad="USA-CHN", date_from="2023-05-01", date_to="2023-07-31", limit="500"
    )["total"]
    assert expected > 0
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=expected)
    page.wait_for_function("() => document.querySelectorAll('#chart g.period').length === 3")
    # the same range from the keyboard: the filter bar's From and To
    page.fill("#filter-from", "2023-06-01")  # a date field's change applies it
    page.wait_for_function("() => new URL(location.href).searchParams.get('date_from') === '2023-06-01'")
    page.wait_for_function("() => document.querySelectorAll('#chart g.period').length === 2")
    _settle(page, pending)  # each side's quotes of the new range too
    assert problems.take() == []


def test_a_press_without_a_drag_still_picks_a_period(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/?status=all", "#timeline svg.balance-chart")
    page.locator('#timeline g.period[data-period="2023-06"] rect.hit').click()
    page.wait_for_function("() => new URL(location.href).searchParams.get('period') === '2023-06'")
    assert "date_from" not in parse_qs(urlparse(page.url).query)
    assert problems.take() == []
