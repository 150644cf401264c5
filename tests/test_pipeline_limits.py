"""One article's trouble is that article's error record; the rest of the batch is coded."""

from __future__ import annotations

import pytest

from detente.ingest import make_article

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import Coder

    return Coder()


def test_article_longer_than_the_parser_takes_is_rejected_alone(coder):
    long_text = "Russia accused Ukraine of shelling the plant on Monday. " * (coder.nlp.max_length // 50)
    items = [
        make_article(long_text, id="long"),
        make_article("Japan protested to China on Monday.", id="short"),
    ]
    first, second = list(coder.code(items))
    assert first.error is not None and first.error.code == "too_large"
    assert "characters" in first.error.message and first.error.article_id == "long"
    assert second.error is None and second.article.id == "short"


def test_an_internal_failure_is_a_coding_failed_record(coder, monkeypatch):
    def broken(doc, actors, article):  # noqa: ANN001
        raise ValueError("boom")

    monkeypatch.setattr(coder.extractor, "extract", broken)
    (coded,) = list(coder.code([make_article("Japan protested to China on Monday.", id="x")]))
    assert coded.error is not None and coded.error.code == "coding_failed"
    assert "ValueError: boom" in coded.error.message
