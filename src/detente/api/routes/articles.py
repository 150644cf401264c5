"""GET /api/articles (paged, searchable), /api/articles/{id} (text, events, quotes); POST /api/articles."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from ...settings import Settings
from ...store import EventStore
from ...store.query import MAX_LIMIT as STORE_MAX_LIMIT
from ...store.query import EventQuery, QuoteQuery
from ..deps import Page, get_gateway, get_settings, page, page_body, require_token
from ..errors import ApiError
from ..gateway import StoreGateway
from ..models import ArticleOut, ArticleSummaryOut, PageOut, WriteResultOut
from ..writes import ArticleIn, parse_items, prepare_item, store_items

router = APIRouter(prefix="/api", tags=["articles"])

#: Events and quotes shown with one article (the store's largest page).
_ARTICLE_ITEMS = STORE_MAX_LIMIT
#: The longest article id the API looks up (ids are hashes, or the ids given at ingest).
_MAX_ID = 1000


def _articles_page(store: EventStore, text: str | None, paging: Page) -> dict[str, Any]:
    items = store.list_articles(text=text, limit=paging.limit, offset=paging.offset)
    return page_body(items, store.count_articles(text=text), paging)


@router.get(
    "/articles", summary="Stored articles, newest first", response_model=PageOut[ArticleSummaryOut]
)
async def list_articles(
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    q: Annotated[str | None, Query(max_length=200, description="Text in the title or body.")] = None,
) -> dict[str, Any]:
    """Articles as ``Article.to_dict()`` plus ``added_at``, ``event_count`` and ``quote_count`` (no text)."""
    return await gateway.call(_articles_page, q, paging)


def _article(store: EventStore, article_id: str) -> dict[str, Any] | None:
    article = store.get_article(article_id)
    if article is None:
        return None
    events = EventQuery.build(article_id=article_id, limit=_ARTICLE_ITEMS)
    quotes = QuoteQuery.build(article_id=article_id, limit=_ARTICLE_ITEMS)
    return {**article, "events": store.query_events(events), "quotes": store.query_quotes(quotes)}


@router.get(
    "/articles/{article_id:path}",
    summary="One article: its text, events and quotes",
    response_model=ArticleOut,
)
async def get_article(
    article_id: Annotated[str, Path(max_length=_MAX_ID)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
) -> dict[str, Any]:
    """The article's fields and cleaned ``text`` (all offsets point into it), ``events`` and ``quotes``."""
    article = await gateway.call(_article, article_id)
    if article is None:
        raise ApiError(404, f"no article with id {article_id!r}")
    return article


_ITEM_SCHEMA = ArticleIn.model_json_schema()
_POST_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": {"anyOf": [_ITEM_SCHEMA, {"type": "array", "items": _ITEM_SCHEMA}]}}
    },
}


@router.post(
    "/articles",
    summary="Code and store one article or a small batch (needs the write token)",
    dependencies=[Depends(require_token)],
    openapi_extra={"requestBody": _POST_BODY},
    response_model=WriteResultOut,
)
async def post_articles(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
) -> dict[str, Any]:
    """Each item is coded and stored on its own; a bad item gets its rejection code and the rest are stored.

    Answers 422 (with every item's rejection in ``detail``) when every item was rejected, 503 when the store
    failed to write any of them.
    """
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise ApiError(415, "send the articles as JSON (Content-Type: application/json)")
    items = parse_items(await request.body(), max_batch=settings.api_max_batch)
    prepared = [prepare_item(index, item, settings) for index, item in enumerate(items)]
    coded = await request.app.state.coding.code(prepared)
    results = await gateway.call(store_items, coded)
    if any(r["status"] == "failed" for r in results) and all(r["status"] != "stored" for r in results):
        raise ApiError(503, "the store could not write the articles", detail=results)
    if all(result["status"] == "rejected" for result in results):
        raise ApiError(422, "no article could be stored", detail=results)
    counts = {
        status: sum(r["status"] == status for r in results) for status in ("stored", "unchanged", "rejected")
    }
    return {"items": results, **counts}
