"""The dashboard in a real headless Chromium: the dyad chart and table, the chart-to-table filter (by mouse
and keyboard), the event page's marked evidence, the map, inert hostile text, and a quiet console."""

from __future__ import annotations

import pytest

from ..api.example_store import SEED, SEED_TITLE
from .helpers import api_json as _api
from .helpers import open_page as _open

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _rows(page) -> list[dict]:  # noqa: ANN001
    return page.eval_on_selector_all(
        "#events table.events tbody tr",
        "rows => rows.map(r => ({id: r.dataset.eventId, day: r.dataset.day, date: r.cells[0].textContent}))",
    )


def test_dyad_page_chart_and_table(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/dyads/USA/CHN", "#events table.events")
    series = _api(server, "/api/dyads/USA/CHN/series?interval=month&status=occurred")["items"]
    chart = page.locator("#chart svg.balance-chart")
    box = chart.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    assert page.locator("#chart g.period").count() == len(series) >= 2
    assert page.locator("#chart rect.bar").count() >= sum(1 for period in series if period["events"])
    assert box["x"] + box["width"] <= 1366  # fits the laptop viewport
    events = _api(server, "/api/events?dyad=USA-CHN&limit=500&status=occurred")  # the page's default
    assert sorted(row["id"] for row in _rows(page)) == sorted(event["id"] for event in events["items"])
    # the date column shows the date as the text gave it (2023-02, 2024-W17), else the day it counts on
    shown = {row["id"]: row["date"] for row in _rows(page)}
    assert all(shown[e["id"]] == (e["date"] or e["day"]) for e in events["items"])
    assert any(e["date"] and len(e["date"]) < 10 for e in events["items"]), "month-dated events expected"
    if SEED.exists():
        seed = [e for e in events["items"] if (e["article_title"] or "").startswith(SEED_TITLE)]
        assert len(seed) >= 8
        assert {row["id"] for row in _rows(page)} >= {event["id"] for event in seed}
    # every evidence sentence has its source, trigger and target highlighted
    first = page.locator("#events table.events tbody tr").first
    assert first.locator("mark.trg").count() == 1 and first.locator("mark.src").count() == 1
    assert problems.take() == []


def test_clicking_a_period_filters_the_table(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/dyads/USA/CHN", "#events table.events")
    total = len(_rows(page))
    # the table lists a period's reports: its count of reports (the chart counts instances by default)
    series = _api(server, "/api/dyads/USA/CHN/series?interval=month&status=occurred&count=reports")["items"]
    chosen = min((period for period in series if period["events"]), key=lambda period: period["events"])
    page.locator(f'#chart g.period[data-period="{chosen["period"]}"] rect.hit').click()
    page.wait_for_function(
        "n => document.querySelectorAll('#events tbody tr').length === n", arg=chosen["events"]
    )
    rows = _rows(page)
    assert len(rows) == chosen["events"] < total
    assert all(chosen["start"] <= row["day"] <= chosen["end"] for row in rows)
    assert page.locator("#filter").is_visible()
    assert chosen["period"] in page.locator("#filter-text").inner_text()
    selected = page.locator("#chart g.period.selected")
    assert selected.count() == 1 and selected.get_attribute("data-period") == chosen["period"]
    page.locator("#clear").click()
    page.wait_for_function("n => document.querySelectorAll('#events tbody tr').length === n", arg=total)
    assert not page.locator("#filter").is_visible()
    assert problems.take() == []


def test_a_period_can_be_chosen_with_the_keyboard(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/dyads/USA/CHN", "#events table.events")
    series = _api(server, "/api/dyads/USA/CHN/series?interval=month&status=occurred&count=reports")["items"]
    last = series[-1]
    page.locator(f'#chart g.period[data-period="{last["period"]}"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('#events tbody tr').length === n", arg=last["events"]
    )
    assert all(last["start"] <= row["day"] <= last["end"] for row in _rows(page))
    assert page.evaluate("document.activeElement.getAttribute('data-period')") == last["period"]
    assert problems.take() == []


def test_event_page_marks_the_evidence(page_and_problems, server):
    page, problems = page_and_problems
    events = _api(server, "/api/events?dyad=USA-CHN&limit=500")["items"]
    event = max(events, key=lambda item: item["mentions"])
    detail = _api(server, f"/api/events/{event['id']}")
    _open(page, server, f"/events/{event['id']}", "#article-text mark.evidence-mark")
    evidence = page.locator("#article-text mark.evidence-mark")
    assert evidence.count() == 1
    assert evidence.text_content() == event["evidence"]["sentence"]
    assert evidence.locator("mark.trg").text_content() == event["evidence"]["trigger"]
    assert evidence.locator("mark.src").text_content() == event["source"]["text"]
    assert page.locator("#article-text mark.sentence").count() == len(detail["mention_list"])
    assert page.locator("#mentions li").count() == len(detail["mention_list"])
    assert evidence.is_visible()
    assert problems.take() == []


def test_hostile_article_is_inert(page_and_problems, server):
    page, problems = page_and_problems
    found = _api(server, "/api/events?q=onerror")["items"]
    assert found, "the hostile article's event is missing"
    event = found[0]
    _open(page, server, f"/events/{event['id']}", "#article-text mark.evidence-mark")
    text = page.locator("#article-text").text_content()
    assert "<script>alert(1)</script>" in text and "<img src=x onerror=alert(2)>" in text
    assert "<script>alert(1)</script>" in page.locator("#article-meta").text_content()
    assert page.locator("#article-text img, #article-text script, #main img").count() == 0
    _open(page, server, "/dyads/RUS/UKR", "#events table.events")
    assert "<img src=x onerror=alert(2)>" in page.locator("#events").text_content()
    assert page.locator("#events img").count() == 0
    _open(page, server, "/", "#latest table.events")
    page.wait_for_timeout(200)
    assert not [item for item in problems.items if item.startswith("dialog")]
    assert problems.take() == []


@pytest.mark.parametrize("path", ["/", "/dyads/USA/CHN", "/map", "/docs", "/dyads/ZZZ/QQQ"])
def test_console_is_clean(page_and_problems, server, path):
    page, problems = page_and_problems
    page.goto(server + path)
    page.wait_for_load_state("networkidle")
    assert page.locator("#main").is_visible()
    assert problems.take() == []


def test_pages_work_from_the_keyboard(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/", "#dyads table")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.locator("#dyad-a").fill("usa")
    page.locator("#dyad-b").fill("chn")
    page.locator("#dyad-b").press("Enter")
    page.wait_for_url("**/dyads/USA/CHN")
    page.wait_for_selector("#events table.events")
    assert problems.take() == []
