"""``jsonl``: one JSON object of the flat columns per line (JSON Lines)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .formats import ExportFormat
from .rows import flat_row
from .text_rows import BATCH_ROWS

__all__ = ["FORMAT", "encode"]


def encode(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    lines: list[str] = []
    for event in events:
        lines.append(json.dumps(flat_row(event), ensure_ascii=False, allow_nan=False))
        if len(lines) == BATCH_ROWS:
            yield ("\n".join(lines) + "\n").encode("utf-8")
            lines.clear()
    if lines:
        yield ("\n".join(lines) + "\n").encode("utf-8")


FORMAT = ExportFormat(
    name="jsonl",
    extension="jsonl",
    media_type="application/x-ndjson",
    encode=encode,
    description="one JSON object of the flat columns per line",
)
