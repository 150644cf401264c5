"""Faults a long-running server meets: hostile bodies, ids with any characters, a store file deleted or
replaced under it, a PostgreSQL server that restarts, and the security headers on a 500.

No spaCy model: stores are filled with hand-made records, and the write app runs without its lifespan (the
body is refused before the coder would be needed)."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest

from detente.api import create_app
from detente.settings import Settings
from detente.store import open_store

from ..store.pg_cluster import private_cluster
from ..store.store_records import coded, event
from .conftest import TOKEN, TestClient, assert_error, auth

URL_ID = "https://news.example.org/2024/03/01/talks?id=7&x=a b#frag"
ODD_IDS = [URL_ID, "a/b", "../etc/passwd", "id with spaces", "ünïcödé/слово", "100%"]
HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")


def _fill(location: str | Path, *article_ids: str) -> None:
    with open_store(location) as store:
        for number, article_id in enumerate(article_ids):
            store.write_batch([coded(article_id, event(f"ev-{number}"))])


def test_a_deeply_nested_body_is_400_not_500(tmp_path):
    app = create_app(Settings(db=str(tmp_path / "events.db"), api_token=TOKEN))
    client = TestClient(app, raise_server_exceptions=False)  # no lifespan: no model loaded
    headers = {**auth(), "Content-Type": "application/json"}
    for body in ("[" * 1000 + "]" * 1000, '{"text": ' * 1000 + '"x"' + "}" * 1000):
        error = assert_error(client.post("/api/articles", content=body, headers=headers), 400, "bad_request")
        assert "nested deeper than" in error["message"]
    cut = client.post("/api/articles", content='{"text": "a\x01"}', headers=headers)
    assert "line 1 column 12 (character 11)" in assert_error(cut, 400)["message"]


@pytest.mark.parametrize("article_id", ODD_IDS)
def test_articles_with_any_characters_in_their_id_can_be_opened(tmp_path, article_id):
    location = str(tmp_path / "events.db")
    _fill(location, article_id)
    with TestClient(create_app(Settings(db=location))) as client:
        response = client.get("/api/articles/" + quote(article_id, safe=""))
        assert response.status_code == 200, response.text
        assert response.json()["id"] == article_id
        assert [item["id"] for item in response.json()["events"]] == ["ev-0"]
        # the event page reads its event, then the article by the event's article_id
        found = client.get("/api/events/ev-0").json()
        assert found["article_id"] == article_id
        assert client.get("/api/articles/" + quote(found["article_id"], safe="")).status_code == 200
        assert client.get("/events/ev-0").status_code == 200
        assert_error(client.get("/api/articles/" + quote(article_id + "/x", safe="")), 404, "not_found")


def _remove_sqlite(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


@pytest.mark.parametrize("change", ["deleted", "replaced"])
def test_a_sqlite_file_deleted_or_replaced_under_the_server_fails_health_and_refuses_writes(tmp_path, change):
    location = tmp_path / "events.db"
    _fill(location, "first")
    spare = tmp_path / "spare.db"
    _fill(spare, "other-1", "other-2")
    with TestClient(create_app(Settings(db=str(location), api_token=TOKEN))) as client:
        assert client.get("/api/health").json()["articles"] == 1
        _remove_sqlite(location)
        if change == "replaced":
            shutil.copy(spare, location)
        for _ in range(8):  # every store thread, not only the one that noticed first
            error = assert_error(client.get("/api/health"), 503, "unavailable")
            assert change in error["message"]
            assert_error(client.get("/api/articles"), 503, "unavailable")
        gateway = client.app.state.gateway
        with pytest.raises(Exception, match=change):
            gateway.call_sync(lambda store: store.write_batch([coded("after", event("ev-after"))]))
    if change == "deleted":
        assert not location.exists()  # nothing re-created an empty store in its place
    else:
        assert {row["id"] for row in _articles(location)} == {"other-1", "other-2"}


def _articles(location: Path) -> list[dict]:
    with open_store(location) as store:
        return store.list_articles()


def test_a_500_carries_the_security_headers(tmp_path):
    def broken_store() -> object:  # a "store" that can only be closed
        return SimpleNamespace(close=lambda: None)

    app = create_app(Settings(db=str(tmp_path / "unused.db")), store=broken_store)
    with TestClient(app, raise_server_exceptions=False) as broken:
        response = broken.get("/api/health")
        assert_error(response, 500, "internal")
        for name in HEADERS:
            assert name in response.headers, name


@pytest.mark.postgres
def test_the_server_recovers_by_itself_when_postgresql_restarts(tmp_path):
    with private_cluster() as cluster:
        _fill(cluster.url, "before")
        with TestClient(create_app(Settings(db=cluster.url)), raise_server_exceptions=False) as client:
            for _ in range(6):  # open a connection on several store threads
                assert client.get("/api/health").json()["articles"] == 1
            cluster.stop()
            for path in ("/api/health", "/api/articles", "/api/events"):
                assert_error(client.get(path), 503, "unavailable")
            gateway = client.app.state.gateway
            with pytest.raises(Exception):  # noqa: B017 - any store error; the API answers it with 503
                gateway.call_sync(lambda store: store.write_batch([coded("down", event("ev-down"))]))
            cluster.start()
            began = time.monotonic()
            while client.get("/api/health").status_code != 200:
                assert time.monotonic() - began < 10, "the server did not recover within 10 s"
                time.sleep(0.2)
            for _ in range(8):  # every store thread answers again, none keeps a dead connection
                assert client.get("/api/health").json()["articles"] == 1
            summary = gateway.call_sync(lambda store: store.write_batch([coded("after", event("ev-after"))]))
            assert summary.articles_written == 1
            assert client.get("/api/articles/after").status_code == 200
