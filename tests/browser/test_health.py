"""The dashboard's health page in a real headless Chromium: the service line, each live source (last
success, lag, errors, a late source marked), the fetch queue and the dead letters, hostile text inert."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from detente.feeds.state import WatchState, now
from detente.store import open_store

from ..api.example_store import build_example_store
from ..api.watch_state import HOSTILE, add_watch_state
from .helpers import api_json as _api
from .helpers import serve_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def watched_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = build_example_store(tmp_path_factory.mktemp("browser-health") / "watched.db")
    with open_store(str(db)) as store:
        add_watch_state(store)
    return str(db)


@pytest.fixture(scope="module")
def server(watched_db: str, chromium_path: str) -> Iterator[str]:
    """The app over a store with watch state, under uvicorn in a thread (overrides conftest's server)."""
    with serve_store(watched_db, name="uvicorn-health-test") as url:
        yield url


def test_health_page_shows_sources_queue_and_dead_letters(page_and_problems, server):
    page, problems = page_and_problems
    page.goto(server + "/health")
    page.wait_for_selector("#sources table.sources")
    page.wait_for_load_state("networkidle")
    health = _api(server, "/api/health")
    service = page.locator("#service").text_content()
    assert f"{health['articles']} articles" in service and "read-only" in service
    rows = page.locator("#sources table.sources tbody tr")
    assert sorted(rows.evaluate_all("rs => rs.map(r => r.dataset.source)")) == ["stale", "wire"]
    wire = page.locator('tr[data-source="wire"]')
    stale = page.locator('tr[data-source="stale"]')
    # wire: polled a while ago, within its interval; stale: last success hours ago, 4 errors since
    assert "late" not in (wire.get_attribute("class") or "")
    assert "late" in stale.get_attribute("class")
    assert stale.locator("td").nth(4).text_content() == "4"
    assert HOSTILE in stale.locator("td").nth(5).text_content()  # shown as text
    assert wire.locator("td").nth(6).text_content() == "dead 1, done 2, queued 1"
    terms = page.locator("#queue dt").all_text_contents()
    queue = dict(zip(terms, page.locator("#queue dd").all_text_contents(), strict=True))
    assert queue == {"dead": "1", "done": "2", "queued": "1"}
    dead = page.locator("#dead table.dead tbody tr")
    assert dead.count() == 1
    assert HOSTILE in dead.locator("td.url").text_content()
    assert "http_404" in dead.locator("td").nth(3).text_content()
    # hostile text stays text: no element from it, nothing ran
    assert page.locator("main img").count() == 0
    assert page.evaluate("window.__pwned") is None
    # the navigation links to the page
    assert page.locator('header nav a[href="/health"]').count() == 1
    assert problems.take() == []


def test_refresh_shows_what_the_watcher_did_since(page_and_problems, server, watched_db):
    page, problems = page_and_problems
    page.goto(server + "/health")
    page.wait_for_selector("#dead table.dead")
    assert page.locator("#dead table.dead tbody tr").count() == 1
    with open_store(watched_db) as store:  # the watcher gives up on the queued page meanwhile
        WatchState(store).finish(
            "https://wire.example/story/2", "dead", at=now(), code="timeout", error="timed out after 20 s"
        )
    page.click("#refresh")
    page.locator("#dead table.dead tbody tr").nth(1).wait_for()  # a second dead letter
    assert page.locator("#queue dd[data-status=dead]").text_content() == "2"
    assert page.locator("#queue dd[data-status=queued]").count() == 0
    assert "timeout: timed out after 20 s" in page.locator("#dead table.dead tbody tr").first.text_content()
    assert problems.take() == []
