"""POST /api/articles: the token rules, the size cap, batches with bad items, idempotence, hostile text."""

from __future__ import annotations

import json

import pytest

from .conftest import assert_error, auth
from .example_store import HOSTILE_TEXT

pytestmark = pytest.mark.slow

VISIT = (
    "Japan and South Korea agree to resume talks\n\n"
    "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol in Seoul on Sunday, "
    "and the two leaders agreed to resume regular security talks."
)
SANCTIONS = (
    "Canada imposes sanctions on Iran\n\n"
    "Canada imposed new sanctions on Iranian officials on Tuesday, "
    "Canadian Foreign Minister Melanie Joly said."
)

FRENCH = (
    "Le ministre français des Affaires étrangères a rencontré son homologue allemand à Paris. Les deux pays "
    "ont signé un accord sur la coopération dans le domaine de la défense et de l'énergie, et ils vont se "
    "revoir le mois prochain."
)


def test_post_needs_the_bearer_token(writer):
    body = {"text": VISIT}
    error = assert_error(writer.post("/api/articles", json=body), 401, "unauthorized")
    assert "Bearer" in error["message"]
    assert writer.post("/api/articles", json=body).headers["www-authenticate"].startswith("Bearer")
    assert_error(writer.post("/api/articles", json=body, headers=auth("wrong")), 401, "unauthorized")
    assert_error(writer.post("/api/articles", json=body, headers=auth("t0ken")), 401, "unauthorized")
    basic = {"Authorization": "Basic dDBrZW4tZm9yLXRlc3RzLW9ubHk="}
    assert_error(writer.post("/api/articles", json=body, headers=basic), 401, "unauthorized")
    assert writer.get("/api/health").json()["writable"] is True


def test_post_one_article_stores_it_once(writer):
    first = writer.post(
        "/api/articles", json={"text": VISIT, "id": "visit-1", "published": "2024-05-05"}, headers=auth()
    )
    assert first.status_code == 200, first.text
    item = first.json()["items"][0]
    assert item["status"] == "stored" and item["id"] == "visit-1" and item["events"] >= 1
    events = writer.get("/api/events", params={"dyad": "JPN-KOR"}).json()
    assert events["total"] == item["events"]
    assert all(event["article_id"] == "visit-1" for event in events["items"])
    again = writer.post(
        "/api/articles", json={"text": VISIT, "id": "visit-1", "published": "2024-05-05"}, headers=auth()
    )
    assert again.json()["items"][0]["status"] == "unchanged"
    assert writer.get("/api/events", params={"dyad": "JPN-KOR"}).json()["total"] == item["events"]
    article = writer.get("/api/articles/visit-1").json()
    assert article["published"] == "2024-05-05" and "Kishida" in article["text"]


def test_batch_with_bad_items_stores_the_rest(writer):
    batch = [
        {"text": SANCTIONS, "title": "Sanctions"},
        {"text": "   "},
        {"text": FRENCH},
        {"title": "no text"},
        "just a string",
    ]
    response = writer.post("/api/articles", json=batch, headers=auth())
    assert response.status_code == 200, response.text
    body = response.json()
    statuses = [(item["index"], item["status"], (item["error"] or {}).get("code")) for item in body["items"]]
    assert statuses == [
        (0, "stored", None),
        (1, "rejected", "empty"),
        (2, "rejected", "not_english"),
        (3, "rejected", "bad_record"),
        (4, "rejected", "bad_record"),
    ]
    assert body["stored"] == 1 and body["rejected"] == 4
    assert writer.get("/api/events", params={"dyad": "CAN-IRN"}).json()["total"] >= 1


def test_binary_text_is_rejected(writer):
    response = writer.post(
        "/api/articles", json=[{"text": "Russia\x00met\x00China" * 20}, {"text": ""}], headers=auth()
    )
    error = assert_error(response, 422, "invalid")
    assert [item["error"]["code"] for item in error["detail"]] == ["binary", "empty"]


def test_too_many_items_and_bad_bodies(writer):
    too_many = [{"text": VISIT}] * 6
    assert_error(writer.post("/api/articles", json=too_many, headers=auth()), 422, "too_many")
    assert_error(writer.post("/api/articles", json=[], headers=auth()), 422, "invalid")
    assert_error(writer.post("/api/articles", json=42, headers=auth()), 422, "invalid")
    headers = {**auth(), "Content-Type": "application/json"}
    assert_error(
        writer.post("/api/articles", content=b'{"text": "unclosed', headers=headers), 400, "bad_request"
    )
    assert_error(writer.post("/api/articles", content=b"\xff\xfe\x00", headers=headers), 400, "bad_request")
    text_plain = {**auth(), "Content-Type": "text/plain"}
    assert_error(
        writer.post("/api/articles", content=b"hello", headers=text_plain), 415, "unsupported_media_type"
    )


def test_body_over_the_cap_is_413_before_parsing(writer):
    big = json.dumps({"text": "Russia met China. " * 20_000}).encode()
    assert len(big) > 200_000
    headers = {**auth(), "Content-Type": "application/json"}
    error = assert_error(writer.post("/api/articles", content=big, headers=headers), 413, "too_large")
    assert "200,000" in error["message"]

    def chunks():  # no Content-Length: the cap counts the bytes as they arrive
        for start in range(0, len(big), 65_536):
            yield big[start : start + 65_536]

    assert_error(writer.post("/api/articles", content=chunks(), headers=headers), 413, "too_large")
    # the cap applies before the token is checked, and to every route
    assert_error(writer.post("/api/articles", content=big), 413, "too_large")


def test_hostile_text_is_stored_verbatim_and_served_as_json(writer):
    response = writer.post("/api/articles", json={"text": HOSTILE_TEXT, "id": "hostile"}, headers=auth())
    assert response.status_code == 200, response.text
    assert response.json()["items"][0]["status"] == "stored"
    article = writer.get("/api/articles/hostile")
    assert article.headers["content-type"].startswith("application/json")
    assert article.headers["x-content-type-options"] == "nosniff"
    assert article.json()["text"] == HOSTILE_TEXT
    assert "<script>alert(1)</script>" in article.json()["text"]
    assert "DROP TABLE events" in article.json()["text"]
    # the SQL in the text was data: the events table is still there and searchable for it
    found = writer.get("/api/articles", params={"q": "'); DROP TABLE"}).json()
    assert [item["id"] for item in found["items"]] == ["hostile"]
    assert writer.get("/api/events", params={"q": "<script>"}).status_code == 200


def test_a_hostile_id_is_only_data(writer):
    response = writer.post(
        "/api/articles", json={"text": SANCTIONS, "id": "x'; DELETE FROM articles; --"}, headers=auth()
    )
    assert response.status_code == 200
    assert (
        writer.get("/api/articles/x'; DELETE FROM articles; --").json()["id"]
        == "x'; DELETE FROM articles; --"
    )
    assert writer.get("/api/articles").json()["total"] >= 2
