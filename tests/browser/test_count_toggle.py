"""Counting instances or reports on the dashboard: the filter bar's Count (default instances) round-trips
through the URL, every chart, ranking and the map say what they count, and the event page lists the other
reports of its instance.

The store: the instance tests' corpus (one meeting told by four reports, a strike, a planned visit and the
visit), linked, and one more article stored after linking (not linked yet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import parse_qs, urlparse

import pytest

from detente.analysis import link_pending
from detente.store import open_store
from tests.analysis.test_instances import _corpus
from tests.store.store_records import coded, event

from .helpers import api_json as _api
from .helpers import open_page as _open
from .helpers import serve_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[str]:
    db = tmp_path_factory.mktemp("browser-count") / "instances.db"
    with open_store(db) as store:
        store.write_batch(_corpus())
        link_pending(store)
        late = event("late1", "USAGOV", "CHNGOV", cameo="036", date="2024-05-20")
        store.write_batch([coded("late", late, published=dt.date(2024, 5, 20))])
    with serve_store(str(db)) as url:
        yield url


def _query(page) -> dict[str, list[str]]:  # noqa: ANN001
    return parse_qs(urlparse(page.url).query)


def _pair_count(page) -> str:  # noqa: ANN001
    return page.locator("#dyads tbody tr").first.locator("td").nth(1).inner_text()


def test_the_overview_counts_instances_until_told_reports(page_and_problems, server):
    page, problems = page_and_problems
    instances = _api(server, "/api/dyads?status=occurred&limit=12")
    reports = _api(server, "/api/dyads?status=occurred&limit=12&count=reports")
    assert (
        instances["count"] == "instances" and instances["items"][0]["events"] < reports["items"][0]["events"]
    )
    _open(page, server, "/", "#dyads table.dyads")
    assert page.locator("#filter-count").input_value() == "instances"
    assert page.locator("#timeline-h").inner_text() == "Instances per period"
    assert page.locator("#timeline svg.balance-chart").get_attribute("data-unit") == "instances"
    assert "instances: cooperation" in page.locator("#timeline svg text.unit").first.text_content()
    assert page.locator("#dyads thead th").nth(1).inner_text() == "Instances"
    assert _pair_count(page) == str(instances["items"][0]["events"])
    assert "count" not in _query(page)  # the default stays out of the URL
    assert "instances of occurred events" in page.locator("#timeline-hint").inner_text()

    page.locator("#filter-count").select_option("reports")
    page.wait_for_function(
        "() => document.querySelector('#dyads thead th:nth-child(2)')?.textContent === 'Reports'"
    )
    page.wait_for_load_state("networkidle")
    assert _query(page)["count"] == ["reports"]
    assert _pair_count(page) == str(reports["items"][0]["events"])
    assert page.locator("#timeline-h").inner_text() == "Reports per period"
    assert page.locator("#timeline svg.balance-chart").get_attribute("data-unit") == "reports"
    series = _api(server, "/api/series?status=occurred&interval=month&count=reports")["items"]
    label = page.locator("#timeline g.period").first.get_attribute("aria-label")
    assert label.startswith(f"{series[0]['period']}: {series[0]['events']} reports")

    page.reload()  # the URL keeps the choice
    page.wait_for_selector("#dyads table.dyads")
    page.wait_for_load_state("networkidle")
    assert page.locator("#filter-count").input_value() == "reports"
    assert _pair_count(page) == str(reports["items"][0]["events"])
    page.locator("#filter-count").select_option("instances")
    page.wait_for_function(
        "() => document.querySelector('#dyads thead th:nth-child(2)')?.textContent === 'Instances'"
    )
    page.wait_for_load_state("networkidle")
    assert "count" not in _query(page)
    assert problems.take() == []


def test_pair_country_and_map_pages_say_what_they_count(page_and_problems, server):
    page, problems = page_and_problems
    for count in ("instances", "reports"):
        query = "" if count == "instances" else "?count=reports"
        series = _api(server, f"/api/dyads/USA/CHN/series?status=occurred&interval=month&count={count}")
        _open(page, server, "/dyads/USA/CHN" + query, "#chart svg.balance-chart")
        assert page.locator("#chart svg.balance-chart").get_attribute("data-unit") == count
        total = sum(period["events"] for period in series["items"])
        assert page.locator("#summary").inner_text().startswith(f"{total} dated {count} of occurred events")

        _open(page, server, "/countries/USA" + query, "#partners table.partners")
        assert page.locator("#partners thead th").nth(1).inner_text() == count.capitalize()
        assert page.locator("#chart-h").inner_text() == f"Its {count} over time"
        partners = _api(server, f"/api/dyads?status=occurred&country=USA&limit=20&count={count}")["items"]
        assert page.locator("#partners tbody tr").first.locator("td").nth(1).inner_text() == str(
            partners[0]["events"]
        )

        _open(page, server, "/map" + query, "#places table.places")
        places = _api(server, f"/api/places?status=occurred&count={count}")
        assert page.locator("#places thead th").nth(3).inner_text() == count.capitalize()
        assert (
            page.locator("#status").inner_text().startswith(f"{places['total']} {count} of occurred events")
        )
        assert page.locator("#filter-count").input_value() == count
    assert problems.take() == []


def test_the_event_page_lists_the_other_reports_of_its_instance(page_and_problems, server):
    page, problems = page_and_problems
    linked = next(
        item for item in _api(server, "/api/instances?limit=100")["items"] if item["num_reports"] > 1
    )
    instance = _api(server, f"/api/instances/{linked['id']}")
    member = instance["reports"][-1]
    _open(page, server, f"/events/{member['id']}", "#instance-status:not(:empty)")
    shown = page.locator("#instance-reports li")
    others = [report for report in instance["reports"] if report["id"] != member["id"]]
    assert shown.count() == len(others) >= 1
    assert {item.get_attribute("data-event-id") for item in shown.all()} == {
        report["id"] for report in others
    }
    first = shown.first
    report = next(report for report in others if report["id"] == first.get_attribute("data-event-id"))
    assert first.locator("a").get_attribute("href") == f"/events/{report['id']}"
    assert report["evidence"]["sentence"] in first.inner_text()
    if report["article_source"]:
        assert report["article_source"] in first.inner_text()
    assert f"{instance['num_reports']} reports" in page.locator("#instance-status").inner_text()

    alone = next(
        item for item in _api(server, "/api/instances?limit=100")["items"] if item["num_reports"] == 1
    )
    _open(page, server, f"/events/{alone['id']}", "#instance-status:not(:empty)")
    assert page.locator("#instance-status").inner_text() == "This is the only report of this event."
    assert page.locator("#instance-reports li").count() == 0

    _open(page, server, "/events/late1", "#instance-status:not(:empty)")
    assert "Not linked to other reports yet" in page.locator("#instance-status").inner_text()
    assert problems.take() == []
