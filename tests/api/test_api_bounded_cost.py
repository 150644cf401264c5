"""Bounded cost per article: a text longer than DETENTE_MAX_ARTICLE_CHARS is rejected as too_large (files,
records and POSTs), and POSTs are coded off the request path, an article at a time, requests taking turns,
so one large request cannot hold up another writer.

The coder here is a stand-in that takes a fixed time per article (no spaCy model)."""

from __future__ import annotations

import threading
import time

from detente.api import create_app
from detente.ingest import read_inputs
from detente.records import Article, CodedArticle, Rejection
from detente.settings import Settings

from .conftest import TOKEN, TestClient, auth

PARAGRAPH = (
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in months."
)


class SlowCoder:
    """Codes nothing, taking ``seconds`` per article, and notes the order it saw them in."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.seen: list[str] = []

    def code(self, items):  # noqa: ANN001, ANN201
        for item in items:
            if isinstance(item, Rejection):
                yield CodedArticle(article=None, error=item)
                continue
            time.sleep(self.seconds)
            self.seen.append(item.id)
            yield CodedArticle(article=item)


def test_a_text_over_the_character_limit_is_too_large(tmp_path):
    long_text = "\n\n".join([PARAGRAPH] * 30)
    (tmp_path / "long.txt").write_text(long_text, encoding="utf-8")
    (tmp_path / "short.txt").write_text(PARAGRAPH, encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], max_chars=len(PARAGRAPH) * 10))
    assert isinstance(items[1], Article)
    assert isinstance(items[0], Rejection) and items[0].code == "too_large"
    assert "DETENTE_MAX_ARTICLE_CHARS" in items[0].message and "split it" in items[0].message
    assert Settings.from_env({"DETENTE_MAX_ARTICLE_CHARS": "5000"}).max_article_chars == 5000
    assert Settings().max_article_chars == 200_000


def test_a_post_over_the_character_limit_is_too_large(tmp_path):
    settings = Settings(db=str(tmp_path / "events.db"), api_token=TOKEN, max_article_chars=500)
    app = create_app(settings)
    app.state.load_coder = lambda: SlowCoder(0)
    with TestClient(app) as client:
        body = [{"id": "long", "text": "\n\n".join([PARAGRAPH] * 10)}, {"id": "short", "text": PARAGRAPH}]
        answer = client.post("/api/articles", json=body, headers=auth()).json()
    assert [item["status"] for item in answer["items"]] == ["rejected", "stored"]
    assert answer["items"][0]["error"]["code"] == "too_large"


def test_a_large_request_does_not_hold_up_a_small_one(tmp_path):
    settings = Settings(db=str(tmp_path / "events.db"), api_token=TOKEN, api_max_batch=20)
    app = create_app(settings)
    coder = SlowCoder(0.25)
    app.state.load_coder = lambda: coder
    finished: dict[str, float] = {}

    def post(client: TestClient, name: str, count: int) -> None:
        body = [{"id": f"{name}-{index}", "text": f"{PARAGRAPH} ({name} {index})"} for index in range(count)]
        response = client.post("/api/articles", json=body, headers=auth())
        assert response.status_code == 200, response.text
        finished[name] = time.monotonic()

    with TestClient(app) as client:
        large = threading.Thread(target=post, args=(client, "large", 12))
        large.start()
        while not coder.seen:  # the large request is being coded
            time.sleep(0.01)
        began = time.monotonic()
        post(client, "small", 1)
        large.join(timeout=60)
    assert finished["small"] < finished["large"], "the small request waited for the whole large one"
    assert finished["small"] - began < 2.0  # one article of the large request, then its own
    assert coder.seen.index("small-0") <= 3
