"""Cleaning raw article text: normalization, headline, paragraphs, sub-headings, page junk.

The cleaned text is built first and every span is computed over it, so ``text[span.start:span.end]``
is always exactly the paragraph or heading it names. The article text is the headline (when there is
one) followed by the body paragraphs, all separated by one blank line.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..datafiles import data_lines, read_data_file
from ..errors import DataFileError
from ..records import Span

__all__ = ["article_id", "clean_text", "normalize_text", "junk_patterns"]

_FINAL_PUNCTUATION = frozenset(".!?:…")
_CLOSING_QUOTES = frozenset("”\"'’»")
_OPENING_QUOTES = frozenset("“\"'‘«„")
_MAX_HEADING_WORDS = 8
_MAX_HEADLINE_WORDS = 40
_LINE_BREAKS = re.compile(r"\r\n|[\r\u2028\u2029\x0b\x0c\x85]")
_HORIZONTAL_SPACE = re.compile(r"[^\S\n]+")
_ANY_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class _Block:
    """One cleaned paragraph-to-be: its text and whether it is a heading."""

    text: str
    heading: bool = False


def article_id(text: str) -> str:
    """The first 16 hex digits of the SHA-256 of ``text`` in NFC with whitespace collapsed."""
    normalized = _ANY_SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(normalized.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def normalize_text(raw: str) -> str:
    """Unify newlines, drop the BOM and control characters (not ``\\n``), NFC, collapse spaces in lines."""
    text = _LINE_BREAKS.sub("\n", raw).replace("\t", " ")
    text = "".join(char for char in text if char == "\n" or not _is_dropped_char(char))
    text = unicodedata.normalize("NFC", text)
    return "\n".join(_HORIZONTAL_SPACE.sub(" ", line).strip() for line in text.split("\n"))


def clean_text(
    raw: str, *, title: str | None = None
) -> tuple[str, str | None, tuple[Span, ...], tuple[Span, ...]]:
    """Clean ``raw`` into ``(text, title, paragraphs, headings)``.

    ``title`` is the record's own title, if it has one: it becomes the headline, and a first line of
    the text equal to it is not repeated. Without it, a first line without final punctuation that is
    followed by more text is the headline. Returns ``("", None, (), ())`` when nothing is left.
    """
    blocks = _content_blocks(normalize_text(raw))
    if not blocks:
        return "", None, (), ()
    record_title = _clean_line(title) if title else ""
    headline, blocks = _split_headline(blocks, record_title)
    parts = ([_Block(headline, heading=True)] if headline else []) + _mark_headings(blocks)
    text, paragraphs, headings = _assemble(parts)
    return text, headline or None, paragraphs, headings


@lru_cache(maxsize=1)
def junk_patterns() -> tuple[re.Pattern[str], ...]:
    """The page-junk patterns of ``data/junk.txt``, compiled once."""
    source = resources.files(__package__).joinpath("data/junk.txt")
    patterns = []
    for number, line in data_lines(read_data_file(source, "the page-junk patterns")):
        try:
            patterns.append(re.compile(line.strip(), re.IGNORECASE))
        except re.error as exc:
            raise DataFileError(f"junk.txt line {number}: bad regular expression: {exc}") from exc
    return tuple(patterns)


def _is_dropped_char(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("Cc", "Cs", "Co", "Cn") or char == "\ufeff"


def _clean_line(line: str) -> str:
    return _ANY_SPACE.sub(" ", normalize_text(line)).strip()


def _is_junk(line: str) -> bool:
    return any(pattern.fullmatch(line) for pattern in junk_patterns())


def _content_blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of non-junk lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if not line:
            if current:
                blocks.append(current)
            current = []
        elif not _is_junk(line):
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _has_final_punctuation(line: str) -> bool:
    """Whether ``line`` ends like a sentence. A short phrase wrapped in quotes counts as unpunctuated."""
    if line[-1] in _FINAL_PUNCTUATION:
        return True
    if line[-1] not in _CLOSING_QUOTES:
        return False
    inner = line.rstrip("".join(_CLOSING_QUOTES))
    if not inner or inner[-1] in _FINAL_PUNCTUATION:
        return True
    wrapped = line[0] in _OPENING_QUOTES and len(inner.lstrip("".join(_OPENING_QUOTES))) > 0
    return not (wrapped and _word_count(inner) <= _MAX_HEADING_WORDS)


def _word_count(line: str) -> int:
    return len(line.split())


def _is_heading_line(line: str, *, max_words: int) -> bool:
    return not _has_final_punctuation(line) and _word_count(line) <= max_words


def _leads_block(lines: list[str], *, max_words: int) -> bool:
    """Whether the first line of a multi-line block is a heading over the paragraph under it."""
    first, following = lines[0], lines[1]
    if not _is_heading_line(first, max_words=max_words):
        return False
    starts_paragraph = following[0].isupper() or following[0].isdigit() or following[0] in "“\"‘'«(["
    return starts_paragraph and len(first) < 0.8 * len(following)


def _split_headline(blocks: list[list[str]], record_title: str) -> tuple[str, list[list[str]]]:
    """The headline and the blocks left after it."""
    first = blocks[0]
    if record_title:
        if first[0].casefold() == record_title.casefold():
            rest = [first[1:]] if len(first) > 1 else []
            return record_title, rest + blocks[1:]
        return record_title, blocks
    if len(first) == 1 and len(blocks) > 1 and _is_heading_line(first[0], max_words=_MAX_HEADLINE_WORDS):
        return first[0], blocks[1:]
    if len(first) > 1 and _leads_block(first, max_words=_MAX_HEADLINE_WORDS):
        return first[0], [first[1:]] + blocks[1:]
    return "", blocks


def _mark_headings(blocks: list[list[str]]) -> list[_Block]:
    """Body blocks as paragraphs; short unpunctuated single lines (or block leads) become headings."""
    parts: list[_Block] = []
    alone = len(blocks) == 1
    for lines in blocks:
        if len(lines) == 1 and not alone and _is_heading_line(lines[0], max_words=_MAX_HEADING_WORDS):
            parts.append(_Block(lines[0], heading=True))
        elif len(lines) > 1 and _leads_block(lines, max_words=_MAX_HEADING_WORDS):
            parts.append(_Block(lines[0], heading=True))
            parts.append(_Block(" ".join(lines[1:])))
        else:
            parts.append(_Block(" ".join(lines)))
    return parts


def _assemble(parts: list[_Block]) -> tuple[str, tuple[Span, ...], tuple[Span, ...]]:
    """Join the parts with blank lines and compute their spans over the joined text."""
    paragraphs: list[Span] = []
    headings: list[Span] = []
    offset = 0
    for part in parts:
        span = Span(offset, offset + len(part.text))
        paragraphs.append(span)
        if part.heading:
            headings.append(span)
        offset = span.end + 2
    return "\n\n".join(part.text for part in parts), tuple(paragraphs), tuple(headings)
