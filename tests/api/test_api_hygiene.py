"""API hygiene: unknown parameters are refused, every route documents its response, pages are consistent
(totals, order, multi-value filters, the page cap), series are zero-filled and unknown pages are HTML."""

from __future__ import annotations

import pytest

from .conftest import assert_error

pytestmark = pytest.mark.slow


def _page(client, path, **params):  # noqa: ANN001, ANN202
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize(
    ("url", "names"),
    [
        ("/api/events?sort=day", ["sort"]),
        ("/api/events?format=csv&foo=1", ["foo", "format"]),
        ("/api/dyads?interval=month", ["interval"]),
        ("/api/series?limit=5", ["limit"]),
        ("/api/health?verbose=1", ["verbose"]),
        ("/api/events.csv?page=2", ["page"]),
        ("/api/articles/x?q=a", ["q"]),
    ],
)
def test_unknown_parameters_are_400_naming_them(client, url, names):
    error = assert_error(client.get(url), 400, "unknown_parameter")
    for name in names:
        assert name in error["message"]
    assert [item["field"] for item in error["detail"]] == names


def test_openapi_has_a_response_schema_for_every_route(client):
    spec = client.get("/openapi.json").json()
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            content = operation["responses"]["200"]["content"]
            schemas = [media["schema"] for media in content.values() if media.get("schema")]
            assert schemas and all(schema for schema in schemas), (method, path)
            if path.startswith("/api/events."):
                continue
            schema = content["application/json"]["schema"]
            assert "$ref" in schema, (method, path, schema)
    models = spec["components"]["schemas"]
    assert models["EventOut"]["examples"][0]["cameo"] == "042"
    assert {"items", "total", "limit", "offset"} <= set(models["PageOut_EventOut_"]["properties"])


def test_limit_over_the_cap_is_400(client):
    for path in ("/api/events", "/api/articles", "/api/quotes", "/api/dyads", "/api/locations"):
        error = assert_error(client.get(path, params={"limit": 501}), 400, "limit_too_large")
        assert "500" in error["message"]
    assert _page(client, "/api/events", limit=500)["limit"] == 500


def test_status_country_and_root_take_several_values(client):
    occurred = _page(client, "/api/events", status="occurred", limit=1)["total"]
    planned = _page(client, "/api/events", status="planned", limit=1)["total"]
    both = client.get("/api/events", params=[("status", "occurred"), ("status", "planned"), ("limit", "1")])
    joined = _page(client, "/api/events", status="occurred,planned")["total"]
    assert both.json()["total"] == occurred + planned == joined
    usa = _page(client, "/api/events", country="USA", limit=1)["total"]
    assert _page(client, "/api/events", country="USA,CHN", limit=1)["total"] >= usa
    roots = _page(client, "/api/events", root="04,19", limit=500)["items"]
    assert roots and {event["cameo"][:2] for event in roots} <= {"04", "19"}
    assert_error(client.get("/api/events", params={"status": "occurred,rumoured"}), 422)


def test_lists_are_newest_first_by_default(client):
    for path in ("/api/events", "/api/locations"):
        days = [event["day"] for event in _page(client, path, limit=500)["items"] if event["day"]]
        assert days == sorted(days, reverse=True), path
    published = [a["published"] for a in _page(client, "/api/articles", limit=500)["items"] if a["published"]]
    assert published == sorted(published, reverse=True)


def test_dyads_total_is_the_number_of_pairs(client):
    everything = _page(client, "/api/dyads", limit=500)
    assert everything["total"] == len(everything["items"]) > 1
    first = _page(client, "/api/dyads", limit=1)
    assert first["total"] == everything["total"] and len(first["items"]) == 1
    assert first["items"][0] == everything["items"][0]
    foreign = _page(client, "/api/dyads", limit=500, domestic=False)["items"]
    assert all(pair["a"] != pair["b"] for pair in foreign)
    assert [p for p in everything["items"] if p["a"] != p["b"]] == foreign
    usa = _page(client, "/api/dyads", country="USA", limit=500)["items"]
    assert usa and all("USA" in (pair["a"], pair["b"]) for pair in usa)


def test_series_are_zero_filled_over_the_range(client):
    body = _page(client, "/api/series", interval="month", date_from="2023-01-01", date_to="2024-12-31")
    assert [period["period"] for period in body["items"]] == [
        f"{year}-{month:02d}" for year in (2023, 2024) for month in range(1, 13)
    ]
    assert body["date_from"] == "2023-01-01" and body["date_to"] == "2024-12-31"
    empty = [period for period in body["items"] if period["events"] == 0]
    assert empty and all(period["goldstein_mean"] is None for period in empty)
    pair = _page(client, "/api/dyads/USA/CHN/series", interval="year", date_from="2020-01-01")
    years = [period["period"] for period in pair["items"]]
    assert years[0] == "2020" and years == [str(year) for year in range(2020, 2020 + len(years))]


def test_unknown_dashboard_pages_are_html_404(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert "Nothing here" in response.text
    assert_error(client.get("/api/no-such-route"), 404, "not_found")
