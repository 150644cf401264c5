"""One error shape for every failure: unknown routes and ids, wrong methods, bad parameters (FastAPI's own
validation and the store's), an unreachable store; and the security headers on every response."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from detente.api import create_app
from detente.settings import Settings
from detente.store import EventStore, WriteSummary, open_store

from .conftest import TOKEN, TestClient, assert_error, auth

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("path", ["/api/nothing", "/api/events/x/y", "/api/dyads/USA"])
def test_unknown_routes_are_404_in_the_shape(client, path):
    assert_error(client.get(path), 404, "not_found")


def test_unknown_event_and_article_are_404(client):
    error = assert_error(client.get("/api/events/no-such-event"), 404, "not_found")
    assert "no-such-event" in error["message"]
    assert_error(client.get("/api/articles/no-such-article"), 404, "not_found")


def test_wrong_method_is_405(client):
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")
    assert_error(client.put("/api/articles", json={}), 405, "method_not_allowed")


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?quad_class=5", "quad_class"),
        ("/api/events?directed=perhaps", "directed"),
        ("/api/events?order=sideways", "order"),
        ("/api/dyads/USA/CHN/series?interval=hour", "interval"),
        ("/api/dyads/U-S/CHN/series", "a"),
        ("/api/events?q=" + "x" * 300, "q"),
    ],
)
def test_fastapi_validation_errors_are_422_in_the_shape(client, url, field):
    error = assert_error(client.get(url), 422, "invalid")
    assert field in [item["field"] for item in error["detail"]]
    for item in error["detail"]:
        assert set(item) == {"field", "location", "message", "type"}


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "yesterday"},
        {"date_from": "2024-02-01", "date_to": "2024-01-01"},
        {"status": "rumoured"},
        {"code": "4x"},
        {"dyad": "USA"},
        {"dyad": "USA-CHN-RUS"},
        {"q": "   "},
    ],
)
def test_store_validation_errors_are_422_in_the_shape(client, params):
    error = assert_error(client.get("/api/events", params=params), 422, "invalid")
    assert error["message"]


def test_bad_dyad_filters_are_422(client):
    assert_error(client.get("/api/dyads", params={"date_from": "soon"}), 422, "invalid")
    assert_error(client.get("/api/dyads/USA/CHN/series", params={"status": "maybe"}), 422, "invalid")


def test_unreachable_store_is_503(tmp_path):
    settings = Settings(db=str(tmp_path / "missing-folder" / "events.db"))
    with TestClient(create_app(settings)) as broken:
        for path in ("/api/health", "/api/events", "/api/dyads", "/api/articles/x"):
            assert_error(broken.get(path), 503, "unavailable")


def test_post_without_a_configured_token_is_403(client):
    error = assert_error(client.post("/api/articles", json={"text": "Russia met China."}), 403, "read_only")
    assert "read-only" in error["message"]


@pytest.mark.parametrize(
    "path", ["/api/health", "/api/nothing", "/", "/static/app.css", "/api/events?limit=0"]
)
def test_security_headers_on_every_response(client, path):
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_an_unexpected_failure_is_500_without_internals(tmp_path):
    def broken_store() -> object:  # a "store" that can only be closed
        return SimpleNamespace(close=lambda: None)

    app = create_app(Settings(db=str(tmp_path / "unused.db")), store=broken_store)
    with TestClient(app, raise_server_exceptions=False) as broken:
        error = assert_error(broken.get("/api/health"), 500, "internal")
        assert "count_articles" not in error["message"] and "Traceback" not in error["message"]


def test_a_store_that_cannot_write_is_503(tmp_path):
    def failing_store() -> EventStore:
        store = open_store(tmp_path / "events.db")
        store.write_batch = lambda coded: WriteSummary(failed=[("x", "disk full")])  # type: ignore[method-assign]
        return store

    settings = Settings(db=str(tmp_path / "events.db"), api_token=TOKEN)
    with TestClient(create_app(settings, store=failing_store)) as failing:
        response = failing.post(
            "/api/articles", json={"text": "Russia accused Ukraine of shelling."}, headers=auth()
        )
        error = assert_error(response, 503, "unavailable")
        assert error["detail"][0]["status"] == "failed"
