"""GET /api/events.csv, /api/events.jsonl, /api/events.parquet: every matching event, streamed.

The same filters as /api/events and no size cap: the store is read a page at a time (a keyset page, one
index seek each) on a store thread and each page is encoded and sent before the next is read, so memory
stays flat whatever the number of events.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.responses import StreamingResponse

from ...export import get_format
from ...export.formats import ExportFormat
from ...store import EventStore
from ...store.query import EventQuery
from ..deps import get_gateway
from ..gateway import StoreGateway
from .events import Order
from .filters import event_filters

router = APIRouter(prefix="/api", tags=["exports"])

#: Events read from the store per page.
PAGE_SIZE = 1000

_MEDIA = {"csv": "text/csv", "jsonl": "application/x-ndjson", "parquet": "application/vnd.apache.parquet"}


def _page(store: EventStore, query: EventQuery, cursor: Any) -> tuple[list[dict[str, Any]], Any]:
    return store.event_page(query, cursor)


def _events(gateway: StoreGateway, query: EventQuery) -> Iterator[dict[str, Any]]:
    cursor: Any = None
    while True:
        rows, cursor = gateway.call_sync(_page, query, cursor)
        yield from rows
        if cursor is None:
            return


def _response(export_format: ExportFormat, gateway: StoreGateway, query: EventQuery) -> StreamingResponse:
    query = dataclasses.replace(query, limit=PAGE_SIZE, offset=0)
    filename = f"events.{export_format.extension}"
    return StreamingResponse(
        export_format.encode(_events(gateway, query)),
        media_type=export_format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def _export_route(name: str) -> None:
    export_format = get_format(name)

    async def export(
        filters: Annotated[dict[str, Any], Depends(event_filters)],
        gateway: Annotated[StoreGateway, Depends(get_gateway)],
        order: Order = "desc",
    ) -> StreamingResponse:
        query = EventQuery.build(**filters, descending=order == "desc")
        return _response(export_format, gateway, query)

    export.__doc__ = (
        f"Every event matching the filters of /api/events as {export_format.description}, streamed "
        "(no page size: narrow it with the filters)."
    )
    router.add_api_route(
        f"/events.{name}",
        export,
        methods=["GET"],
        summary=f"Export events as {name.upper() if name != 'jsonl' else 'JSON Lines'}",
        response_class=StreamingResponse,
        responses={200: {"content": {_MEDIA[name]: {"schema": {"type": "string", "format": "binary"}}}}},
        operation_id=f"export_events_{name}",
    )


for _name in ("csv", "jsonl", "parquet"):
    _export_route(_name)
