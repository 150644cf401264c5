"""Readers: files, folders and standard input to articles or rejections, through a small registry.

A reader is a function ``reader(stream, context)`` that gets a binary stream and a :class:`ReadContext`
and yields :class:`~detente.records.Article` or :class:`~detente.records.Rejection` records. It may raise
:class:`~detente.errors.InputError` when the whole item is unusable; :func:`read_inputs` turns that into
one rejection and goes on with the next input. Readers are registered by file suffix, ours included.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import errno
import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from ..errors import InputError
from ..records import Article, Rejection
from .articles import article_from_record, make_article
from .decode import decode_bytes
from .jsontext import load_json

__all__ = [
    "READERS",
    "ReadContext",
    "Reader",
    "ReaderRegistry",
    "read_csv",
    "read_document",
    "read_html",
    "read_inputs",
    "read_json",
    "read_jsonl",
    "read_text",
    "register_reader",
]

STDIN_ORIGIN = "<stdin>"
_SNIFF_BYTES = 2**20
_MIN_BODY_LINE_WORDS = 6  # an HTML body needs one line this long; menus and buttons are shorter

Item = Article | Rejection


@dataclass(frozen=True, slots=True)
class ReadContext:
    """What a reader knows about the item it reads."""

    origin: str
    published: dt.date | None = None
    max_bytes: int = 5_000_000
    size: int | None = None  # the file's size when known before reading (not for standard input)
    max_chars: int | None = None  # the longest cleaned text accepted (characters)


Reader = Callable[[BinaryIO, ReadContext], Iterator[Item]]


def _normal_suffix(suffix: str) -> str:
    suffix = suffix.lower()
    return suffix if not suffix or suffix.startswith(".") else f".{suffix}"


class ReaderRegistry:
    """File suffix (lower case, with its dot; ``""`` for none) → reader."""

    def __init__(self, readers: Mapping[str, Reader] | None = None) -> None:
        self._readers: dict[str, Reader] = {}
        for suffix, reader in (readers or {}).items():
            self.register([suffix], reader)

    def register(self, suffixes: Iterable[str], reader: Reader) -> None:
        """Read files ending in any of ``suffixes`` with ``reader`` (replacing an earlier one)."""
        for suffix in suffixes:
            self._readers[_normal_suffix(suffix)] = reader

    def get(self, suffix: str) -> Reader | None:
        """The reader for ``suffix``, or None."""
        return self._readers.get(_normal_suffix(suffix))

    def copy(self) -> ReaderRegistry:
        """An independent registry with the same readers."""
        return ReaderRegistry(self._readers)

    @property
    def suffixes(self) -> frozenset[str]:
        return frozenset(self._readers)


def read_document(stream: BinaryIO, context: ReadContext) -> bytes:
    """All bytes of a one-article item; ``too_large`` (checked before reading when the size is known)."""
    if context.size is not None and context.size > context.max_bytes:
        raise InputError("too_large", _too_large_message(context.size, context.max_bytes))
    data = stream.read(context.max_bytes + 1)
    if len(data) > context.max_bytes:
        raise InputError("too_large", _too_large_message(None, context.max_bytes))
    return data


def read_text(stream: BinaryIO, context: ReadContext) -> Iterator[Item]:
    """Plain text: one article."""
    text = decode_bytes(read_document(stream, context))
    yield make_article(text, published=context.published, origin=context.origin, max_chars=context.max_chars)


def read_json(stream: BinaryIO, context: ReadContext) -> Iterator[Item]:
    """A JSON document: one record object, or a list of them (origins ``path[INDEX]``)."""
    document = load_json(decode_bytes(read_document(stream, context)))
    if isinstance(document, list):
        for index, record in enumerate(document):
            item_context = replace(context, origin=f"{context.origin}[{index}]")
            yield _record_item(record, item_context, code="bad_record")
    else:
        yield _record_item(document, context, code="bad_record")


def read_jsonl(stream: BinaryIO, context: ReadContext) -> Iterator[Item]:
    """JSON Lines: one record per line (origins ``path:LINE``); a bad line is its own rejection."""
    if _starts_with_utf16_bom(stream):
        raise InputError("encoding", "JSON Lines must be UTF-8, this is UTF-16 or UTF-32")
    number = 0
    while True:
        line = stream.readline(context.max_bytes + 1)
        if not line:
            return
        number += 1
        row = replace(context, origin=f"{context.origin}:{number}")
        if len(line) > context.max_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield Rejection("too_large", _too_large_message(None, context.max_bytes), row.origin)
        elif line.strip():
            yield _jsonl_item(line.removeprefix(codecs.BOM_UTF8) if number == 1 else line, row)


def read_csv(stream: BinaryIO, context: ReadContext) -> Iterator[Item]:
    """CSV with a header row naming the fields (``text`` required); origins ``path:LINE``."""
    # One row holds one article: let the csv module take fields as large as an article may be.
    csv.field_size_limit(max(csv.field_size_limit(), context.max_bytes + 1))
    encoding = "utf-16" if _starts_with_utf16_bom(stream) else "utf-8-sig"
    text_stream = io.TextIOWrapper(stream, encoding=encoding, newline="")
    rows = csv.DictReader(text_stream)
    try:
        if "text" not in (rows.fieldnames or []):
            raise InputError("bad_record", "the CSV header has no 'text' column")
        line = rows.line_num + 1
        for record in rows:
            yield _record_item(record, replace(context, origin=f"{context.origin}:{line}"), code="bad_record")
            line = rows.line_num + 1
    except UnicodeDecodeError as exc:
        where = f"near line {rows.line_num + 1}"
        raise InputError("encoding", f"not {encoding.upper()} {where}: {exc.reason}") from None
    except csv.Error as exc:
        raise InputError("bad_record", f"malformed CSV near line {rows.line_num}: {exc}") from None
    finally:
        text_stream.detach()  # the caller owns (and closes) the binary stream


def read_html(stream: BinaryIO, context: ReadContext) -> Iterator[Item]:
    """An HTML page: the body text as trafilatura extracts it, the title from the page."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    html = decode_bytes(read_document(stream, context))
    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, include_images=False
    )
    body = getattr(document, "text", None) if document is not None else None
    lines = [line for line in (body or "").splitlines() if line.strip()]
    if not any(len(line.split()) >= _MIN_BODY_LINE_WORDS for line in lines):
        raise InputError("no_body", "no body text could be extracted from this HTML page")
    yield make_article(
        "\n\n".join(lines),
        title=getattr(document, "title", None),
        url=getattr(document, "url", None),
        source=getattr(document, "sitename", None),
        published=context.published,
        origin=context.origin,
        max_chars=context.max_chars,
    )


def default_readers() -> ReaderRegistry:
    """A registry with detente's own readers."""
    registry = ReaderRegistry()
    registry.register(["", ".txt", ".text", ".md"], read_text)
    registry.register([".jsonl", ".ndjson"], read_jsonl)
    registry.register([".json"], read_json)
    registry.register([".csv"], read_csv)
    registry.register([".html", ".htm"], read_html)
    return registry


#: The registry :func:`read_inputs` uses unless given another; :func:`register_reader` adds to it.
READERS = default_readers()


def register_reader(suffixes: Iterable[str], func: Reader, *, registry: ReaderRegistry | None = None) -> None:
    """Register ``func`` for files ending in ``suffixes`` (in :data:`READERS` unless ``registry``)."""
    (READERS if registry is None else registry).register(suffixes, func)


def read_inputs(
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    max_bytes: int = 5_000_000,
    max_chars: int | None = None,
    stdin: TextIO | BinaryIO | None = None,
    readers: ReaderRegistry | None = None,
) -> Iterator[Article | Rejection]:
    """Read files, folders (recursively, sorted, hidden and unknown files skipped) and ``-`` (standard input).

    Yields articles and rejections in input order; a bad item never stops the batch. ``published`` is
    the publication date of items that do not carry their own. An item larger than ``max_bytes``, or
    longer than ``max_chars`` characters once cleaned, is ``too_large``.
    """
    registry = READERS if readers is None else readers
    base = ReadContext(origin="", published=published, max_bytes=max_bytes, max_chars=max_chars)
    for path in paths:
        if str(path) == "-":
            yield from _read_stdin(stdin, base)
        else:
            yield from _read_path(Path(path), base, registry)


def path_origin(path: str | os.PathLike[str]) -> str:
    """A path as an origin that is always valid Unicode: undecodable bytes of a file name become U+FFFD.

    Python keeps such bytes (0xFF in a Latin-1 name on a UTF-8 system) as lone surrogates, which no UTF-8
    output, JSON line or database column can carry.
    """
    return os.fsencode(path).decode("utf-8", "replace")


def _read_path(path: Path, base: ReadContext, registry: ReaderRegistry) -> Iterator[Item]:
    origin = path_origin(path)
    if not path.exists():
        yield _missing(path, origin)
    elif path.is_dir():
        for entry in _walk(path, registry):
            if isinstance(entry, Rejection):
                yield entry
            else:
                yield from _read_file(*entry, base)
    else:
        reader = registry.get(path.suffix)
        if reader is None:
            known = ", ".join(sorted(suffix or "(no suffix)" for suffix in registry.suffixes))
            yield Rejection("unsupported", f"unsupported file type {path.suffix!r} (known: {known})", origin)
        else:
            yield from _read_file(path, reader, base)


def _missing(path: Path, origin: str) -> Rejection:
    """Why a path that does not resolve is missing: nothing there, a dangling link, or a link loop."""
    if not path.is_symlink():
        return Rejection("not_found", "no such file or folder", origin)
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Rejection("unreadable", "a symbolic link loop: the link leads back to itself", origin)
    target = path_origin(os.readlink(path))
    return Rejection("not_found", f"a symbolic link to a missing file ({target})", origin)


def _walk(folder: Path, registry: ReaderRegistry) -> Iterator[tuple[Path, Reader] | Rejection]:
    """The files under ``folder`` with their readers, depth first in name order.

    Hidden entries, files without a reader and symbolic links to folders are skipped; a link to a readable
    file type that does not resolve (missing target, a loop) is a rejection.
    """
    try:
        entries = sorted(os.scandir(folder), key=attrgetter("name"))
    except OSError as exc:
        reason = f"cannot list folder: {exc.strerror or exc}"
        yield Rejection("unreadable", reason, path_origin(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        reader = registry.get(path.suffix)
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(path, registry)
        elif reader is not None:
            try:
                is_file = entry.is_file()
            except OSError:  # a symbolic link loop raises here instead of answering False
                is_file = False
            if is_file:
                yield path, reader
            elif entry.is_symlink() and not path.is_dir():
                yield _missing(path, path_origin(path))


def _read_file(path: Path, reader: Reader, base: ReadContext) -> Iterator[Item]:
    origin = path_origin(path)
    try:
        with path.open("rb") as stream:
            context = replace(base, origin=origin, size=os.fstat(stream.fileno()).st_size)
            yield from _guarded(reader(stream, context), origin)
    except OSError as exc:
        yield Rejection("unreadable", f"cannot read file: {_os_reason(exc)}", origin)


def _guarded(items: Iterator[Item], origin: str) -> Iterator[Item]:
    """Pass on a reader's items; an :class:`InputError` ends the item with one rejection."""
    try:
        yield from items
    except InputError as exc:
        yield Rejection(exc.code, exc.message, origin)


def _read_stdin(stdin: TextIO | BinaryIO | None, base: ReadContext) -> Iterator[Item]:
    context = replace(base, origin=STDIN_ORIGIN)
    try:
        stream = _binary_stdin(stdin, max_bytes=base.max_bytes)
    except OSError as exc:
        yield Rejection("unreadable", f"cannot read standard input: {exc.strerror or exc}", STDIN_ORIGIN)
        return
    try:
        yield from _guarded(_sniff_reader(stream)(stream, context), STDIN_ORIGIN)
    except OSError as exc:
        yield Rejection("unreadable", f"cannot read standard input: {exc.strerror or exc}", STDIN_ORIGIN)
    finally:
        stream.detach()  # leave the caller's standard input open


def _binary_stdin(stdin: TextIO | BinaryIO | None, *, max_bytes: int) -> io.BufferedReader:
    """Standard input as a peekable binary stream (a text stream without a buffer is re-encoded)."""
    if stdin is None:
        if sys.stdin is None:
            raise OSError("there is no standard input")
        stdin = sys.stdin.buffer
    raw: Any = getattr(stdin, "buffer", stdin)
    if isinstance(raw.read(0), str):
        raw = io.BytesIO(raw.read(max_bytes + 1).encode("utf-8", "surrogatepass"))
    return io.BufferedReader(raw, buffer_size=_SNIFF_BYTES)


def _sniff_reader(stream: io.BufferedReader) -> Reader:
    """Guess the format of standard input from its first bytes: JSON, JSON Lines, HTML or plain text."""
    head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES].removeprefix(codecs.BOM_UTF8).lstrip()
    if head.startswith(b"["):
        return read_json
    if head.startswith(b"{"):
        first_line = head.split(b"\n", 1)[0]
        try:
            return read_jsonl if isinstance(load_json(first_line), dict) else read_json
        except InputError:
            return read_json
    lowered = head[:4096].lower()
    if head.startswith(b"<") and any(tag in lowered for tag in (b"<html", b"<body", b"<!doctype html")):
        return read_html
    return read_text


def _record_item(record: object, context: ReadContext, *, code: str) -> Item:
    if not isinstance(record, dict):
        return Rejection(code, f"expected a JSON object, got {_json_type(record)}", context.origin)
    text = record.get("text")
    if isinstance(text, str) and len(text) > context.max_bytes:
        message = f"text of {len(text):,} characters is larger than the limit of {context.max_bytes:,} bytes"
        return Rejection("too_large", message, context.origin)
    try:
        return article_from_record(
            record, origin=context.origin, published=context.published, max_chars=context.max_chars
        )
    except InputError as exc:
        return Rejection(exc.code, exc.message, context.origin)


def _jsonl_item(line: bytes, context: ReadContext) -> Item:
    try:
        record = load_json(line)
    except InputError as exc:
        message = f"{exc.message} of the line" if exc.code == "encoding" else exc.message
        return Rejection(exc.code, message, context.origin)
    return _record_item(record, context, code="bad_json")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    return exc.strerror or str(exc)


def _starts_with_utf16_bom(stream: BinaryIO) -> bool:
    peek = getattr(stream, "peek", None)
    head = peek(4)[:4] if peek is not None else b""
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(2**16)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_type(value: object) -> str:
    names = {list: "an array", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _too_large_message(size: int | None, max_bytes: int) -> str:
    found = f"{size:,} bytes" if size is not None else "more than that"
    return f"larger than the limit of {max_bytes:,} bytes ({found})"
