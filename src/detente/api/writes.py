"""POST /api/articles: parse a JSON body into articles (or per-item rejections), code them, store each.

Each item is handled on its own: a bad item gets its :class:`~detente.records.Rejection` code in the answer
and the rest are stored. Writing is idempotent, so posting the same article twice stores it once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from ..analysis import link_pending
from ..errors import InputError
from ..ingest.articles import article_from_record, valid_unicode
from ..ingest.jsontext import load_json
from ..records import Article, CodedArticle, Rejection
from ..settings import Settings
from ..store import EventStore
from .errors import ApiError

__all__ = ["ArticleIn", "parse_items", "prepare_item", "store_items"]

_MAX_ID_LENGTH = 200


class ArticleIn(BaseModel):
    """One article to code and store; only ``text`` is required. The body is one of these or a list."""

    text: str = Field(description="The article text (headline, blank line, body).")
    id: str | None = Field(None, description="Your id for the article; default: a hash of its cleaned text.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD or an ISO datetime.")
    url: str | None = None
    source: str | None = None


def parse_items(body: bytes, *, max_batch: int) -> list[Any]:
    """The JSON body (one object or a list of them) as a list of raw items; 400/422 when unusable."""
    try:
        data = load_json(body)
    except InputError as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc.message}") from None
    if isinstance(data, dict):
        return [data]
    if not isinstance(data, list):
        raise ApiError(422, "the body must be one article object or a list of them")
    if not data:
        raise ApiError(422, "the list of articles is empty")
    if len(data) > max_batch:
        raise ApiError(422, f"at most {max_batch} articles per request, got {len(data)}", code="too_many")
    return data


def prepare_item(index: int, item: Any, settings: Settings) -> Article | Rejection:
    """One raw item as a cleaned article, or its rejection."""
    origin = f"api:item {index}"
    try:
        if not isinstance(item, dict):
            raise InputError("bad_record", f"item {index} is a {type(item).__name__}, not an object")
        _check_item(item, settings)
        return article_from_record(item, origin=origin, max_chars=settings.max_article_chars)
    except InputError as exc:
        article_id = item.get("id") if isinstance(item, dict) and isinstance(item.get("id"), str) else None
        return Rejection(exc.code, exc.message, origin, valid_unicode(article_id))


def _check_item(item: dict[str, Any], settings: Settings) -> None:
    text = item.get("text")
    if isinstance(text, str) and len(text.encode("utf-8", "surrogatepass")) > settings.max_article_bytes:
        raise InputError("too_large", f"the text is larger than {settings.max_article_bytes:,} bytes")
    article_id = item.get("id")
    if isinstance(article_id, str) and len(article_id) > _MAX_ID_LENGTH:
        raise InputError("bad_record", f"field 'id' is longer than {_MAX_ID_LENGTH} characters")


def store_items(store: EventStore, coded: Sequence[CodedArticle]) -> list[dict[str, Any]]:
    """Write each coded article on its own and say what happened to it (run on a store thread)."""
    results = []
    for index, item in enumerate(coded):
        summary = store.write_batch([item])
        results.append(_result(index, item, summary.articles_written, summary.failed))
    link_pending(store)  # the new events join their instances before the response says they are stored
    return results


def _result(
    index: int, item: CodedArticle, written: int, failed: list[tuple[str | None, str]]
) -> dict[str, Any]:
    if item.error is not None:
        status = "rejected"
        error = {"code": item.error.code, "message": item.error.message}
    elif failed:
        status, error = "failed", {"code": "store_failed", "message": failed[0][1]}
    else:
        status, error = ("stored" if written else "unchanged"), None
    article = item.article
    return {
        "index": index,
        "id": article.id if article else item.error.article_id if item.error else None,
        "status": status,
        "events": len(item.events),
        "quotes": len(item.quotes),
        "error": error,
    }
