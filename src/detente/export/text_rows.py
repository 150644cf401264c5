"""Delimited text (CSV, TSV) written in batches: the shared writer of the csv, gdelt and icews formats."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

__all__ = ["BATCH_ROWS", "delimited", "text_value"]

#: Rows encoded per piece of output.
BATCH_ROWS = 1000


def text_value(value: Any) -> Any:
    """A cell: None is empty, booleans are 1/0, floats without a trailing ``.0`` noise beyond repr."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return 1 if value else 0
    return value


def delimited(
    rows: Iterable[Sequence[Any]],
    *,
    header: Sequence[str] | None,
    delimiter: str = ",",
    quoting: int = csv.QUOTE_MINIMAL,
) -> Iterator[bytes]:
    """``rows`` (cells as :func:`text_value` makes them) as UTF-8 delimited text, ``BATCH_ROWS`` at a time.

    Tab-separated output has no quoting: tabs and line breaks inside a cell become spaces, as the TSV
    formats of GDELT and ICEWS expect one record per line.
    """
    buffer = io.StringIO()
    tabs = delimiter == "\t"
    writer = csv.writer(
        buffer,
        delimiter=delimiter,
        lineterminator="\n",
        quoting=csv.QUOTE_NONE if tabs else quoting,
        escapechar=None,
    )
    if header is not None:
        writer.writerow(header)
    for count, row in enumerate(rows, start=1):
        cells = [text_value(cell) for cell in row]
        if tabs:
            cells = [_one_line(cell) for cell in cells]
        writer.writerow(cells)
        if count % BATCH_ROWS == 0:
            yield buffer.getvalue().encode("utf-8")
            buffer.seek(0)
            buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue().encode("utf-8")


def _one_line(cell: Any) -> Any:
    if not isinstance(cell, str):
        return cell
    return " ".join(cell.replace("\t", " ").splitlines())
