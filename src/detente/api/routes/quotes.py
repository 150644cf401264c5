"""GET /api/quotes: who said what, by speaker, speaker's country, speaker type and text."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from ...store import EventStore
from ...store.query import QuoteQuery
from ..deps import Page, get_gateway, page, page_body
from ..gateway import StoreGateway
from ..models import PageOut, QuoteOut

router = APIRouter(prefix="/api", tags=["quotes"])


def _quotes_page(store: EventStore, query: QuoteQuery) -> tuple[list[dict[str, Any]], int]:
    return store.query_quotes(query), store.count_quotes(query)


def _joined(values: list[str] | None) -> str | None:
    """Repeated and comma-separated values as one comma-separated string (QuoteQuery splits it)."""
    return ",".join(values) if values else None


@router.get("/quotes", summary="Quotes by speaker, country or text", response_model=PageOut[QuoteOut])
async def list_quotes(
    paging: Annotated[Page, Depends(page)],
    gateway: Annotated[StoreGateway, Depends(get_gateway)],
    speaker: Annotated[
        str | None, Query(max_length=100, description="Speaker code prefix, or part of the speaker's name.")
    ] = None,
    country: Annotated[
        str | None, Query(max_length=16, description="The speaker's country, e.g. CHN.")
    ] = None,
    speaker_type: Annotated[
        list[str] | None,
        Query(
            max_length=6,
            description="The speaker's type: person, organization, media, document, group or unknown "
            "(repeated or comma-separated for several).",
        ),
    ] = None,
    q: Annotated[str | None, Query(max_length=200, description="Text in the quote.")] = None,
    article_id: Annotated[
        str | None, Query(max_length=200, description="Only this article's quotes.")
    ] = None,
) -> dict[str, Any]:
    """Quotes as ``Quote.to_dict()`` plus ``article_id``."""
    query = QuoteQuery.build(
        speaker=speaker,
        country=country,
        speaker_type=_joined(speaker_type),
        text=q,
        article_id=article_id,
        limit=paging.limit,
        offset=paging.offset,
    )
    items, total = await gateway.call(_quotes_page, query)
    return page_body(items, total, paging)
