"""The country page, names for codes and the pair form that takes names, in a real browser."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from .helpers import api_json as _api
from .helpers import open_page as _open

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_country_page_ranks_partners_and_lists_its_events(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/countries/IND?status=all", "#partners table")
    assert page.locator("h1").inner_text() == "IND (India)"
    ranking = _api(server, "/api/dyads?country=IND&limit=20")["items"]
    partners = page.eval_on_selector_all("#partners tbody tr", "rows => rows.map(r => r.dataset.partner)")
    assert partners == [dyad["b"] if dyad["a"] == "IND" else dyad["a"] for dyad in ranking]
    assert "IND" in partners, "the domestic pair is ranked too"
    assert "itself (domestic)" in page.locator("#partners").inner_text()
    events = _api(server, "/api/events?country=IND&limit=50")
    assert page.locator("#events tbody tr").count() == len(events["items"]) > 0
    domestic = _api(server, "/api/events?dyad=IND-IND&limit=50")["items"]
    shown = page.eval_on_selector_all("#domestic tbody tr", "rows => rows.map(r => r.dataset.eventId)")
    assert shown == [event["id"] for event in domestic] and shown
    quotes = _api(server, "/api/quotes?country=IND&limit=20")["items"]
    assert page.locator("#quotes li").count() == len(quotes) > 0
    series = _api(server, "/api/series?country=IND&interval=month")["items"]
    assert page.locator("#chart g.period").count() == len(series)
    # a partner links to the pair's page
    page.locator('#partners tr[data-partner="DEU"] a[href^="/dyads/"]').click()
    page.wait_for_url("**/dyads/IND/DEU")
    page.wait_for_selector("#quotes-a ul, #quotes-a p")
    page.wait_for_load_state("networkidle")
    assert problems.take() == []


def test_the_country_page_counts_occurred_events_by_default(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/countries/IND", "#events table.events")
    occurred = _api(server, "/api/events?country=IND&status=occurred&limit=50")["items"]
    assert page.locator("#events tbody tr").count() == len(occurred)
    assert problems.take() == []


def test_tables_name_every_code_and_link_countries(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/?status=all", "#dyads table")
    pair = page.locator("#dyads tbody tr").first
    assert "China" in pair.inner_text() and "United States" in pair.inner_text()
    assert pair.locator('a[href="/countries/CHN"]').count() == 1
    # an actor code's tooltip names it by its parts (USAGOV: United States: Government)
    _open(page, server, "/dyads/USA/CHN?status=all", "#events table.events")
    titles = page.eval_on_selector_all("#events span.actor[title]", "s => s.map(x => x.title)")
    assert any(title.startswith("USAGOV: United States: Government") for title in titles), titles
    assert page.locator("#events a.country-link").count() > 0
    assert problems.take() == []


@pytest.mark.parametrize(
    ("a", "b", "path"),
    [
        ("china", "United States", "/dyads/CHN/USA"),
        ("Chinese", "usa", "/dyads/CHN/USA"),
        ("IND", "German", "/dyads/IND/DEU"),
    ],
)
def test_the_pair_form_takes_names_codes_and_demonyms(page_and_problems, server, a, b, path):
    page, problems = page_and_problems
    _open(page, server, "/map", "#map svg.world")
    assert page.locator("#code-suggestions option").count() > 200
    page.fill("#dyad-a", a)
    page.fill("#dyad-b", b)
    page.click("#dyad-form button[type=submit]")
    page.wait_for_url("**" + path)
    assert urlparse(page.url).path == path
    page.wait_for_load_state("networkidle")
    assert problems.take() == []


def test_the_pair_form_says_what_it_does_not_know(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/", "#dyads")
    page.fill("#dyad-a", "Atlantis and more")
    page.fill("#dyad-b", "China")
    page.click("#dyad-form button[type=submit]")
    page.wait_for_function("() => document.querySelector('.form-message').textContent.includes('Atlantis')")
    assert urlparse(page.url).path == "/"
    assert problems.take() == []
