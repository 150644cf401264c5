"""GET /api/watch: what ``detente watch`` is doing, the same report as ``detente status --format json``."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.api import create_app
from detente.cli import main
from detente.settings import Settings
from detente.store import open_store

from .conftest import TestClient, assert_error
from .example_store import build_example_store
from .watch_state import HOSTILE, add_watch_state


@pytest.fixture(scope="module")
def watched_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = build_example_store(tmp_path_factory.mktemp("api-watch") / "watched.db")
    with open_store(str(db)) as store:
        add_watch_state(store)
    return str(db)


def test_watch_reports_sources_queue_and_dead_letters(watched_db):
    with TestClient(create_app(Settings(db=watched_db))) as client:
        response = client.get("/api/watch")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["watching"] is True
    sources = {source["id"]: source for source in body["sources"]}
    assert set(sources) == {"wire", "stale"}
    assert sources["wire"]["kind"] == "feed" and sources["wire"]["interval_seconds"] == 900
    assert sources["wire"]["errors"] == 0 and sources["wire"]["last_error"] is None
    assert sources["wire"]["pages"] == {"done": 2, "queued": 1, "dead": 1}
    assert sources["stale"]["errors"] == 4 and HOSTILE in sources["stale"]["last_error"]
    assert sources["stale"]["lag_seconds"] > sources["wire"]["lag_seconds"] > 0
    assert body["queue"] == {"done": 2, "queued": 1, "dead": 1}
    [dead] = body["dead_letters"]
    assert dead["error_code"] == "http_404" and dead["source_id"] == "wire" and dead["attempts"] == 1


def test_watch_matches_detente_status_json(watched_db):
    with TestClient(create_app(Settings(db=watched_db))) as client:
        api = client.get("/api/watch").json()
    result = CliRunner().invoke(main, ["status", "--db", watched_db, "--format", "json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    assert set(api) == set(status) | {"watching"}
    assert api["queue"] == status["queue"] and api["dead_letters"] == status["dead_letters"]
    for ours, theirs in zip(api["sources"], status["sources"], strict=True):  # lag moves on between the two
        assert {k: v for k, v in ours.items() if k != "lag_seconds"} == {
            k: v for k, v in theirs.items() if k != "lag_seconds"
        }


def test_watch_of_a_store_never_watched_is_empty(client):
    response = client.get("/api/watch")
    assert response.status_code == 200
    assert response.json() == {"watching": True, "sources": [], "queue": {}, "dead_letters": []}


def test_watch_rejects_unknown_parameters_and_is_documented(client):
    assert_error(client.get("/api/watch?limit=5"), 400)
    schema = client.get("/openapi.json").json()
    response = schema["paths"]["/api/watch"]["get"]["responses"]["200"]["content"]["application/json"]
    assert response["schema"]["$ref"].endswith("/WatchOut")
