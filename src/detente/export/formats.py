"""Export formats by name: each turns a stream of events into a stream of bytes.

detente's own formats (``csv``, ``jsonl``, ``parquet``, ``gdelt``, ``icews``, ``plover``) are registered
the way a user's would be, with :func:`register_format`. An encoder takes an iterable of events (as the
store gives them) and yields the file's bytes piece by piece, so that no export holds more than one batch
of rows in memory.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import ConfigError

__all__ = ["Encoder", "ExportFormat", "export_formats", "get_format", "register_format"]

#: Events in, the file's bytes out (piece by piece).
Encoder = Callable[[Iterable[dict[str, Any]]], Iterator[bytes]]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One export format: its name, file extension, HTTP media type and encoder."""

    name: str
    extension: str
    media_type: str
    encode: Encoder
    description: str = ""


@functools.cache
def _registry() -> dict[str, ExportFormat]:
    from . import csv_format, gdelt, icews, jsonl, parquet, plover

    formats: dict[str, ExportFormat] = {}
    for module in (csv_format, jsonl, parquet, gdelt, icews, plover):
        formats[module.FORMAT.name] = module.FORMAT
    return formats


def register_format(export_format: ExportFormat, *, replace: bool = False) -> None:
    """Add a format (replacing one of the same name needs ``replace=True``)."""
    formats = _registry()
    if export_format.name in formats and not replace:
        raise ConfigError(f"an export format named {export_format.name!r} is already registered")
    formats[export_format.name] = export_format


def export_formats() -> tuple[str, ...]:
    """The registered format names, detente's own first."""
    return tuple(_registry())


def get_format(name: str) -> ExportFormat:
    """The format called ``name``; an unknown name raises :class:`ConfigError` listing the known ones."""
    try:
        return _registry()[name]
    except KeyError:
        known = ", ".join(export_formats())
        raise ConfigError(f"unknown export format {name!r} (known: {known})") from None
