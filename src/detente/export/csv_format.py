"""``csv``: the flat columns (:data:`detente.export.rows.FLAT_COLUMNS`) with a header row, UTF-8."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .formats import ExportFormat
from .rows import FLAT_COLUMNS, flat_row
from .text_rows import delimited

__all__ = ["FORMAT", "encode"]


def encode(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    rows = (list(flat_row(event).values()) for event in events)  # flat rows keep FLAT_COLUMNS' order
    return delimited(rows, header=FLAT_COLUMNS)


FORMAT = ExportFormat(
    name="csv",
    extension="csv",
    media_type="text/csv; charset=utf-8",
    encode=encode,
    description="flat columns with a header row",
)
