"""The event page links its source article and lists the article's other events; the pair page's quotes
are only those said next to the pair's events."""

from __future__ import annotations

import pytest

from .helpers import api_json as _api
from .helpers import open_page as _open

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_the_event_page_links_the_article_and_its_other_events(page_and_problems, server):
    page, problems = page_and_problems
    events = _api(server, "/api/events?limit=500")["items"]
    event = next(e for e in events if (e.get("article_url") or "").startswith("https://"))
    article = _api(server, f"/api/articles/{event['article_id']}")
    _open(page, server, f"/events/{event['id']}", "#article-text mark")
    link = page.locator("#article-url")
    assert link.get_attribute("href") == event["article_url"]
    assert "noopener" in link.get_attribute("rel")
    others = page.eval_on_selector_all("#others tbody tr", "rows => rows.map(r => r.dataset.eventId)")
    assert sorted(others) == sorted(e["id"] for e in article["events"] if e["id"] != event["id"])
    assert event["id"] not in others
    assert problems.take() == []


def test_an_article_without_a_url_has_no_link(page_and_problems, server):
    page, problems = page_and_problems
    events = _api(server, "/api/events?limit=500")["items"]
    event = next(e for e in events if not e.get("article_url"))
    _open(page, server, f"/events/{event['id']}", "#article-text mark")
    assert page.locator("#article-url").count() == 0
    assert problems.take() == []


def test_each_side_said_only_what_was_said_next_to_the_pairs_events(page_and_problems, server):
    page, problems = page_and_problems
    _open(page, server, "/dyads/USA/CHN?status=all", "#events table.events")
    page.wait_for_selector("#quotes-a ul, #quotes-a p.empty")
    page.wait_for_selector("#quotes-b ul, #quotes-b p.empty")
    events = {e["id"]: e for e in _api(server, "/api/events?dyad=USA-CHN&limit=500")["items"]}
    for side, code in (("a", "USA"), ("b", "CHN")):
        shown = page.eval_on_selector_all(
            f"#quotes-{side} li",
            "items => items.map(li => [li.dataset.eventId, li.querySelector('blockquote').textContent])",
        )
        quotes = _api(server, f"/api/quotes?country={code}&limit=500")["items"]
        expected = [q["text"] for q in quotes if _near(q, events.values())]
        assert sorted(text for _, text in shown) == sorted(expected)
        assert all(events[event_id] for event_id, _ in shown)
        if code == "USA":  # the example said far from the Geneva meeting (tests/api/example_store.py)
            texts = {q["text"] for q in quotes}
            assert "Our farmers deserve a safety net that works" in texts
            assert "Our farmers deserve a safety net that works" not in expected
    assert page.locator("#quotes-a li, #quotes-b li").count() > 0
    assert problems.take() == []


def _near(quote: dict, events) -> bool:  # noqa: ANN001
    """Whether the quote lies within 300 characters of one of the events' evidence in its article."""
    def gap(evidence: dict) -> int:
        return max(0, evidence["start"] - quote["end"], quote["start"] - evidence["end"])

    return any(e["article_id"] == quote["article_id"] and gap(e["evidence"]) <= 300 for e in events)
