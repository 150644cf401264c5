"""Series as the texts dated the events: an event dated only to a month or a year is not counted on the
first day of it but in the series' ``spans``; and the publication date as the other date basis."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from detente.timex.values import value_precision, value_range

from .conftest import assert_error

#: Each precision's period length in the order of the intervals (day < week < month < year).
LONGER_THAN = {
    "day": {"month", "quarter", "half", "season", "year", "decade", "century"},  # a week: on its Monday
    "week": {"month", "quarter", "half", "season", "year", "decade", "century"},
    "month": {"quarter", "half", "season", "year", "decade", "century"},
    "year": {"decade", "century"},
}


def _events(client) -> list[dict]:  # noqa: ANN001
    body = client.get("/api/events", params={"limit": 500, "status": "occurred"}).json()
    assert body["total"] == len(body["items"])
    return body["items"]


def _series(client, path: str = "/api/series", **params) -> dict:  # noqa: ANN001
    response = client.get(path, params={"status": "occurred", "count": "reports", **params})
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("interval", ["day", "week", "month", "year"])
def test_coarsely_dated_events_are_spans_not_first_days(client, interval):
    events = _events(client)
    coarse = [e for e in events if e["day"] and value_precision(e["date"]) in LONGER_THAN[interval]]
    body = _series(client, interval=interval)
    assert body["basis"] == "event"
    spans = body["spans"]
    assert Counter({span["period"]: span["events"] for span in spans}) == Counter(e["date"] for e in coarse)
    for span in spans:
        first, last = value_range(span["period"])
        assert (span["start"], span["end"]) == (first.isoformat(), last.isoformat())
        assert span["precision"] == value_precision(span["period"])
        assert sum(span["quad_counts"].values()) == span["events"]
    precise = sum(1 for e in events if e["day"]) - len(coarse)
    assert sum(period["events"] for period in body["items"]) == precise
    if interval in ("day", "week"):
        assert any(span["precision"] == "month" for span in spans), "the examples date events to a month"


def test_a_month_series_keeps_month_dated_events_in_their_month(client):
    events = _events(client)
    months = [e for e in events if value_precision(e["date"]) == "month"]
    assert months
    items = {p["period"]: p["events"] for p in _series(client, interval="month")["items"]}
    for month, count in Counter(e["date"] for e in months).items():
        assert items[month] >= count


def test_the_axis_reaches_the_spans(client):
    body = _series(client, interval="week")
    first_span = min(span["start"] for span in body["spans"])
    assert body["items"][0]["start"] <= first_span


def test_series_by_publication_date(client):
    events = _events(client)
    expected = Counter(e["article_published"][:7] for e in events if e["article_published"])
    body = _series(client, interval="month", basis="published")
    assert body["basis"] == "published" and body["spans"] == []
    assert {p["period"]: p["events"] for p in body["items"] if p["events"]} == dict(expected)
    day = min(e["article_published"] for e in events if e["article_published"])
    later = [e for e in events if (e["article_published"] or "") > day]
    ranged = _series(client, interval="year", basis="published", date_from=_next(day))
    assert sum(p["events"] for p in ranged["items"]) == len(later)
    pair = _series(client, "/api/dyads/USA/CHN/series", interval="year", basis="published")
    pair_events = client.get(
        "/api/events", params={"dyad": "USA-CHN", "status": "occurred", "limit": 500}
    ).json()["items"]
    assert sum(p["events"] for p in pair["items"]) == sum(1 for e in pair_events if e["article_published"])


def _next(day: str) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()


def test_basis_is_checked_and_documented(client):
    assert_error(client.get("/api/series", params={"basis": "fetched"}), 422, "invalid")
    spec = client.get("/openapi.json").json()
    for path in ("/api/series", "/api/dyads/{a}/{b}/series"):
        names = {parameter["name"] for parameter in spec["paths"][path]["get"]["parameters"]}
        assert "basis" in names
    schema = spec["components"]["schemas"]["SeriesOut"]
    assert {"basis", "spans", "items"} <= set(schema["properties"])
    assert "precision" in spec["components"]["schemas"]["SpanOut"]["properties"]
