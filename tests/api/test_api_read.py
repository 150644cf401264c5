"""Every read endpoint over the example store, pagination, and the issue's acceptance (the seed's USA-CHN
events in their months)."""

from __future__ import annotations

from collections import Counter

import pytest

from detente.timex.values import value_range

from .conftest import assert_error
from .example_store import SEED, SEED_TITLE

pytestmark = pytest.mark.slow

PAGE_KEYS = {"items", "total", "limit", "offset"}


def _page(client, url: str, **params) -> dict:  # noqa: ANN001
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) >= PAGE_KEYS
    return body


def _sides(event: dict, key: str) -> set:
    return {(event[side] or {}).get(key) for side in ("source", "target")}


def _dyad_events(client) -> list[dict]:  # noqa: ANN001
    return _page(client, "/api/events", dyad="USA-CHN", limit=500)["items"]


def test_health(client):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["articles"] >= 7 and body["events"] > 20
    assert body["writable"] is False


def test_events_page_shape_and_total(client):
    body = _page(client, "/api/events", limit=5)
    assert len(body["items"]) == 5 and body["limit"] == 5 and body["offset"] == 0
    assert body["total"] == client.get("/api/health").json()["events"]
    event = body["items"][0]
    for key in ("id", "source", "target", "cameo", "quad_class", "status", "evidence", "article_id", "day"):
        assert key in event


def test_pages_do_not_overlap_and_cover_everything(client):
    total = _page(client, "/api/events", limit=1)["total"]
    seen = []
    for offset in range(0, total, 7):
        seen += [event["id"] for event in _page(client, "/api/events", limit=7, offset=offset)["items"]]
    assert len(seen) == len(set(seen)) == total


def test_limit_defaults_to_50(client):
    assert _page(client, "/api/events")["limit"] == 50
    assert _page(client, "/api/articles", limit=500)["limit"] == 500


def test_offset_past_the_end_is_an_empty_page(client):
    body = _page(client, "/api/events", offset=10_000)
    assert body["items"] == [] and body["total"] > 0


@pytest.mark.parametrize(
    ("params", "check"),
    [
        ({"actor": "USAGOV"}, lambda e: "USAGOV" in _sides(e, "code")),
        ({"country": "ARM"}, lambda e: "ARM" in _sides(e, "country")),
        ({"sector": "GOV"}, lambda e: "GOV" in _sides(e, "sector")),
        ({"code": "04"}, lambda e: e["cameo"].startswith("04")),
        ({"code": "042"}, lambda e: e["cameo"].startswith("042")),
        ({"plover": "CONSULT"}, lambda e: e["plover"] == "CONSULT"),
        ({"quad_class": 3}, lambda e: e["quad_class"] == 3),
        ({"status": "planned"}, lambda e: e["status"] == "planned"),
        ({"date_from": "2024-01-01"}, lambda e: e["day"] >= "2024-01-01"),
        ({"date_to": "2023-12-31"}, lambda e: e["day"] <= "2023-12-31"),
        (
            {"q": "blinken"},
            lambda e: "blinken" in (e["evidence"]["sentence"] + str(_sides(e, "name"))).lower(),
        ),
    ],
    ids=lambda value: str(value) if isinstance(value, dict) else "",
)
def test_event_filters(client, params, check):
    body = _page(client, "/api/events", limit=500, **params)
    assert body["items"], f"no events for {params}"
    assert body["total"] == len(body["items"])
    assert all(check(event) for event in body["items"])
    assert body["total"] < _page(client, "/api/events", limit=1)["total"]


def test_directed_dyad_is_a_subset_in_one_direction(client):
    either = _dyad_events(client)
    directed = _page(client, "/api/events", dyad="USA-CHN", directed=True, limit=500)["items"]
    assert 0 < len(directed) < len(either)
    assert all(event["source"]["country"] == "USA" for event in directed)
    reverse = _page(client, "/api/events", dyad="CHN-USA", directed=True, limit=500)["items"]
    assert {e["id"] for e in directed} | {e["id"] for e in reverse} <= {e["id"] for e in either}


def test_order_desc_is_newest_first(client):
    days = [e["day"] for e in _page(client, "/api/events", order="desc", limit=500)["items"] if e["day"]]
    assert days == sorted(days, reverse=True)
    days = [e["day"] for e in _page(client, "/api/events", order="asc", limit=500)["items"] if e["day"]]
    assert days == sorted(days)


def test_actor_sides_say_where_their_country_came_from(client):
    from detente.records import COUNTRY_SOURCES

    listed = _page(client, "/api/events", limit=500)["items"]
    sides = [event[side] for event in listed for side in ("source", "target") if event[side]]
    assert all("country_source" in side for side in sides)
    assert {side["country_source"] for side in sides} <= {None, *COUNTRY_SOURCES}
    # the example articles' named states carry their table country; their titles and agents say why
    assert any(side["country_source"] is None for side in sides)
    assert any(side["country_source"] is not None for side in sides)


def test_event_detail_has_evidence_and_every_mention(client):
    listed = _page(client, "/api/events", limit=500)["items"]
    event = max(listed, key=lambda item: item["mentions"])
    detail = client.get(f"/api/events/{event['id']}").json()
    assert detail["id"] == event["id"] and detail["evidence"] == event["evidence"]
    # the store keeps one mention per sentence: two reports in one sentence are one row (mentions counts both)
    assert 1 <= len(detail["mention_list"]) <= event["mentions"]
    assert len({(m["start"], m["end"]) for m in detail["mention_list"]}) == len(detail["mention_list"])
    for mention in detail["mention_list"]:
        assert {"sentence", "start", "end", "trigger", "trigger_start", "trigger_end", "rule"} <= set(mention)


def test_articles_list_search_and_detail(client):
    body = _page(client, "/api/articles", limit=100)
    assert body["total"] == len(body["items"]) >= 7
    assert all("text" not in article for article in body["items"])
    found = _page(client, "/api/articles", q="black sea")["items"]
    assert found and all("black sea" in (a["title"] or "").lower() or a["event_count"] >= 0 for a in found)
    assert len(found) < body["total"]
    article_id = found[0]["id"]
    detail = client.get(f"/api/articles/{article_id}").json()
    assert detail["id"] == article_id and "black sea" in detail["text"].lower()
    assert len(detail["events"]) == found[0]["event_count"]
    assert all(event["article_id"] == article_id for event in detail["events"])
    assert isinstance(detail["quotes"], list) and len(detail["quotes"]) == found[0]["quote_count"]


def test_evidence_offsets_point_into_the_article_text(client):
    for event in _page(client, "/api/events", limit=60)["items"]:
        text = client.get(f"/api/articles/{event['article_id']}").json()["text"]
        evidence = event["evidence"]
        assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]
        if evidence["trigger_start"] >= 0:
            assert text[evidence["trigger_start"] : evidence["trigger_end"]] == evidence["trigger"]
        for side in ("source", "target"):
            if event[side]:
                assert text[event[side]["start"] : event[side]["end"]] == event[side]["text"]


def test_quotes_filters(client):
    everything = _page(client, "/api/quotes", limit=500)
    assert everything["total"] == len(everything["items"])
    for quote in everything["items"]:
        assert {"id", "text", "speaker", "article_id"} <= set(quote)
    speakers = [q for q in everything["items"] if q["speaker"] and q["speaker"]["country"]]
    if not speakers:
        pytest.skip("the quote extractor found no attributed quote in the examples yet")
    country = speakers[0]["speaker"]["country"]
    by_country = _page(client, "/api/quotes", country=country, limit=500)["items"]
    assert by_country and all(q["speaker"]["country"] == country for q in by_country)
    word = speakers[0]["text"].split()[0]
    assert all(word.lower() in q["text"].lower() for q in _page(client, "/api/quotes", q=word)["items"])


def test_quotes_speaker_type_filter(client):
    everything = _page(client, "/api/quotes", limit=500)["items"]
    typed = [q for q in everything if q["speaker"] and q["speaker"].get("type")]
    if not typed:
        pytest.skip("the quote extractor found no typed speaker in the examples yet")
    kind = typed[0]["speaker"]["type"]
    found = _page(client, "/api/quotes", speaker_type=kind, limit=500)
    assert found["total"] == sum(1 for q in typed if q["speaker"]["type"] == kind)
    assert all(q["speaker"]["type"] == kind for q in found["items"])
    several = _page(client, "/api/quotes", speaker_type=f"{kind},media", limit=500)["total"]
    assert several >= found["total"]
    bad = client.get("/api/quotes", params={"speaker_type": "pundit"})
    assert bad.status_code == 422 and "speaker_type" in bad.json()["error"]["message"]


def test_actors(client):
    body = _page(client, "/api/actors", limit=500)
    assert body["more"] is False and body["total"] == len(body["items"])
    counts = [actor["events"] for actor in body["items"]]
    assert counts == sorted(counts, reverse=True)
    first = _page(client, "/api/actors", limit=2)
    assert len(first["items"]) == 2 and first["more"] is True and first["total"] is None
    usa = _page(client, "/api/actors", country="USA", limit=500)["items"]
    assert usa and all(actor["country"] == "USA" for actor in usa)


def test_dyads_most_active_first(client):
    items = client.get("/api/dyads", params={"limit": 50}).json()["items"]
    assert items[0]["a"] == "CHN" and items[0]["b"] == "USA"
    counts = [dyad["events"] for dyad in items]
    assert counts == sorted(counts, reverse=True)
    assert all(dyad["a"] <= dyad["b"] for dyad in items)  # a == b: a country's domestic events
    second = client.get("/api/dyads", params={"limit": 1, "offset": 1}).json()["items"]
    assert second == items[1:2]


def test_overall_series_counts_every_dated_event(client):
    series = client.get("/api/series", params={"interval": "month", "count": "reports"}).json()
    assert (series["interval"], series["count"]) == ("month", "reports")
    events = _page(client, "/api/events", limit=500)["items"]
    counted = sum(period["events"] for period in series["items"] + series["spans"])  # spans: dated to a year
    assert counted == sum(1 for e in events if e["day"])
    periods = [period["period"] for period in series["items"]]
    assert periods == sorted(periods)


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_dyad_series_intervals(client, interval):
    body = client.get("/api/dyads/USA/CHN/series", params={"interval": interval, "count": "reports"}).json()
    assert body["interval"] == interval and body["a"] == "USA" and body["b"] == "CHN"
    total = sum(period["events"] for period in body["items"] + body["spans"])
    assert total == sum(1 for event in _dyad_events(client) if event["day"])
    for period in body["items"]:
        assert period["start"] <= period["end"]
        assert sum(period["quad_counts"].values()) == period["events"]
        if period["events"] == 0:  # a zero-filled period
            assert period["goldstein_mean"] is None and period["goldstein_sum"] == 0
            continue
        assert period["goldstein_mean"] == pytest.approx(period["goldstein_sum"] / period["events"], abs=1e-3)


def test_locations_have_coordinates(client):
    body = _page(client, "/api/locations", limit=500)
    assert body["items"], "no located events in the examples"
    for event in body["items"]:
        assert isinstance(event["location"]["lat"], float) and isinstance(event["location"]["lon"], float)


# -- acceptance: the seed's USA-CHN events ------------------------------------------------------------------


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")
def test_dyad_events_include_the_seed_with_evidence(client):
    seed = [event for event in _dyad_events(client) if (event["article_title"] or "").startswith(SEED_TITLE)]
    assert len(seed) >= 8
    for event in seed:
        assert event["evidence"]["sentence"] and event["evidence"]["trigger"]
        assert {event["source"]["country"], event["target"]["country"]} == {"USA", "CHN"}


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")
def test_dyad_month_series_puts_each_event_in_its_own_month(client):
    """Each event counts in the month of its day: its TIMEX date's first day, else its article's date."""
    events = _dyad_events(client)
    for event in events:
        covered = value_range(event["date"]) if event["date"] else None
        assert event["day"] == (covered[0].isoformat() if covered else event["article_published"])
    expected = Counter(event["day"][:7] for event in events if event["day"])
    params = {"interval": "month", "count": "reports"}
    series = client.get("/api/dyads/USA/CHN/series", params=params).json()["items"]
    assert {period["period"]: period["events"] for period in series if period["events"]} == dict(expected)
    assert "2023-06" in expected


def test_dyad_series_filters(client):
    full = client.get("/api/dyads/USA/CHN/series", params={"interval": "year"}).json()["items"]
    planned = client.get("/api/dyads/USA/CHN/series", params={"interval": "year", "status": "planned"})
    assert sum(p["events"] for p in planned.json()["items"]) < sum(p["events"] for p in full)
    later = client.get("/api/dyads/USA/CHN/series", params={"interval": "month", "date_from": "2030-01-01"})
    assert later.json()["items"] == []
    assert_error(client.get("/api/dyads/USA/CHN/series", params={"interval": "fortnight"}), 422, "invalid")


@pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")
def test_seed_events_fall_in_the_issues_months(client):
    """The issue's acceptance: M11 in 2018-10, M6/M7 in 2022-11, M8/M12 in 2023-02, M9 in 2023-05, the rest
    in 2023-06 (the week of publication)."""
    seed = [event for event in _dyad_events(client) if (event["article_title"] or "").startswith(SEED_TITLE)]
    months = Counter(event["day"][:7] for event in seed)
    assert set(months) == {"2018-10", "2022-11", "2023-02", "2023-05", "2023-06"}
    assert months["2023-06"] >= 5
    series = client.get("/api/dyads/USA/CHN/series", params={"interval": "month"}).json()["items"]
    assert {period["period"] for period in series} >= set(months)
