"""``parquet``: the flat columns as an Apache Parquet file, typed, one row group per batch (``pyarrow``,
the ``parquet`` extra). Readable by pandas, DuckDB, Spark, R's arrow.

The file is written to a sink that hands its bytes on as each row group is finished, so that an export (to
a file or an HTTP response) holds one row group in memory, whatever its size.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import ConfigError
from .formats import ExportFormat
from .rows import FLAT_COLUMNS, flat_row

__all__ = ["FORMAT", "ROW_GROUP_ROWS", "arrow_schema", "encode"]

#: Rows per Parquet row group (and per piece of output).
ROW_GROUP_ROWS = 20_000

_FLOATS = ("goldstein", "location_lat", "location_lon", "confidence")
_INTS = {"quad_class": "int8", "mentions": "int32"}
_DAYS = ("day", "article_published")
_BOOLS = ("reciprocal",)


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise ConfigError(
            "Parquet export needs pyarrow: pip install \"detente[parquet]\""
        ) from None
    return pyarrow


def arrow_schema() -> Any:
    """The Arrow schema of the flat columns: days as dates, numbers typed, the rest text."""
    pa = _pyarrow()
    fields = []
    for column in FLAT_COLUMNS:
        if column in _FLOATS:
            kind = pa.float64()
        elif column in _INTS:
            kind = getattr(pa, _INTS[column])()
        elif column in _DAYS:
            kind = pa.date32()
        elif column in _BOOLS:
            kind = pa.bool_()
        else:
            kind = pa.string()
        fields.append(pa.field(column, kind))
    return pa.schema(fields, metadata={"generator": "detente"})


class _Chunks(io.RawIOBase):
    """A write-only stream that keeps what was written until :meth:`take` hands it on."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []
        self._position = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._parts.append(chunk)
        self._position += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._position

    def take(self) -> bytes:
        data = b"".join(self._parts)
        self._parts.clear()
        return data


def _day(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _batch(columns: dict[str, list[Any]], schema: Any) -> Any:
    pa = _pyarrow()
    for column in _DAYS:
        columns[column] = [_day(value) for value in columns[column]]
    return pa.RecordBatch.from_pydict(columns, schema=schema)


def encode(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    pa = _pyarrow()
    schema = arrow_schema()
    sink = _Chunks()
    writer = pa.parquet.ParquetWriter(pa.PythonFile(sink, mode="w"), schema, compression="zstd")
    columns: dict[str, list[Any]] = {column: [] for column in FLAT_COLUMNS}
    count = 0
    try:
        for event in events:  # kept by column: a row group of values, not of per-row dicts
            for column, value in flat_row(event).items():
                columns[column].append(value)
            count += 1
            if count == ROW_GROUP_ROWS:
                writer.write_batch(_batch(columns, schema))
                columns = {column: [] for column in FLAT_COLUMNS}
                count = 0
                yield sink.take()
        if count:
            writer.write_batch(_batch(columns, schema))
    finally:
        writer.close()
    yield sink.take()


FORMAT = ExportFormat(
    name="parquet",
    extension="parquet",
    media_type="application/vnd.apache.parquet",
    encode=encode,
    description="the flat columns, typed (needs pyarrow: detente[parquet])",
)
