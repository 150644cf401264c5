"""Quotation marks: the quoted stretches of a text, found from the characters alone (no parse).

A mark opens or closes by its context, not only by its glyph: a straight ``"`` after a space opens, one
before a space or punctuation closes; curly and angle marks settle the cases the context leaves open.
Double marks (``"“”„«»``) count unless they stand inside a single quotation that closes after them;
single marks (``'‘’``) count only outside a double quotation and only when they pair up within one
paragraph, so that apostrophes ("China's", "the countries' leaders") never open a quotation. The marks of
the other kind inside a quotation (single inside double, double inside single) are its inner stretches
(:func:`find_inner`), paired within the outer stretch.

A quotation left open at the end of its paragraph runs to the paragraph's end. When the next paragraph
starts with an opening mark, the quotation continues there (the typographic convention for a quotation of
several paragraphs: each paragraph reopens, only the last one closes), and both stretches get the same
``group``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..records import Span

__all__ = ["Quoted", "find_inner", "find_quoted", "split_paragraphs"]

_DOUBLE = frozenset('"“”„«»‟〝〞＂')
_SINGLE = frozenset("'‘’‚")
_MARK = re.compile("[" + re.escape("".join(sorted(_DOUBLE | _SINGLE))) + "]")
_OPEN_GLYPHS = frozenset("“„«‟〝‘‚")
_CLOSE_GLYPHS = frozenset("”»〞’")
_BEFORE_OPENING = frozenset("([{—–-/")
_AFTER_CLOSING = frozenset(".,;:!?)]}…—–-/")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")


@dataclass(frozen=True, slots=True)
class Quoted:
    """One quoted stretch: ``[start, end)`` is its text without the marks (and without a closing comma).

    ``open_at`` is the offset of the opening mark; ``close_at`` that of the closing mark, -1 when the
    stretch runs to the end of its paragraph. Stretches of one multi-paragraph quotation share ``group``
    (otherwise ``group`` is the stretch's own position in the list).
    """

    start: int
    end: int
    open_at: int
    close_at: int
    group: int
    paragraph: int


def split_paragraphs(text: str) -> tuple[Span, ...]:
    """Paragraph spans of ``text`` separated by blank lines (for texts that come without them)."""
    spans = []
    start = 0
    for match in _BLANK_LINE.finditer(text):
        spans.append(Span(start, match.start()))
        start = match.end()
    spans.append(Span(start, len(text)))
    return tuple(span for span in spans if text[span.start : span.end].strip())


def find_quoted(text: str, paragraphs: Iterable[Span]) -> list[Quoted]:
    """Every quoted stretch of ``text`` in reading order (see the module docstring)."""
    found: list[Quoted] = []
    carry = False  # the previous paragraph ended inside a quotation
    for number, paragraph in enumerate(paragraphs):
        start, end = max(0, paragraph.start), min(len(text), paragraph.end)
        continues = carry and _opens_with_mark(text, start, end)
        carry = False
        for open_at, close_at in _pairs(text, start, end):
            group = found[-1].group if continues and found else len(found)
            continues = False
            quoted = _trimmed(text, open_at, close_at if close_at >= 0 else end, close_at, group, number)
            if quoted is not None:
                found.append(quoted)
            carry = close_at < 0
    return found


def _opens_with_mark(text: str, start: int, end: int) -> bool:
    head = text[start:end].lstrip()
    return bool(head) and head[0] in _DOUBLE


def _trimmed(text: str, open_at: int, stop: int, close_at: int, group: int, paragraph: int) -> Quoted | None:
    start = open_at + 1
    while start < stop and text[start].isspace():
        start += 1
    end = stop
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end <= start:
        return None
    return Quoted(start, end, open_at, close_at, group, paragraph)


def _pairs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``(open_at, close_at)`` for each quotation in one paragraph; ``close_at`` -1 when left open."""
    double_open = -1
    single_open = -1
    held = False  # double marks inside an open single quotation that closes after them
    for match in _MARK.finditer(text, start, end):
        i = match.start()
        char = text[i]
        if held and char in _DOUBLE:
            continue
        role = _role(text, i, start, end, inside=double_open >= 0 if char in _DOUBLE else single_open >= 0)
        if char in _DOUBLE:
            if role == "open" and double_open < 0 and single_open >= 0 and _holds(text, i, start, end):
                held = True
            elif role == "open" and double_open < 0:
                double_open, single_open = i, -1
            elif role == "close" and double_open >= 0:
                yield double_open, i
                double_open = -1
        elif double_open < 0:
            if role == "open" and single_open < 0 and _starts_word(text, i + 1, end):
                single_open = i
            elif role == "close" and single_open >= 0:
                yield single_open, i
                single_open, held = -1, False
    if double_open >= 0:
        yield double_open, -1


def _holds(text: str, i: int, start: int, end: int) -> bool:
    """The double quotation opening at ``i`` closes, and then the open single one closes after it before
    any other mark opens: the double marks are inside the single quotation ('\'He said, "No,"\' she
    recalled')."""
    closed = False
    for match in _MARK.finditer(text, i + 1, end):
        k = match.start()
        char = text[k]
        if char in _DOUBLE:
            role = _role(text, k, start, end, inside=not closed)
            if role == "close" and not closed:
                closed = True
            elif role == "open" and closed:
                return False
        elif closed:
            role = _role(text, k, start, end, inside=True)
            if role == "close":
                return True
            if role == "open":
                return False
    return False


def find_inner(text: str, outer: Quoted) -> list[Quoted]:
    """The quoted stretches inside one quoted stretch: single marks inside double ones, double marks inside
    single ones, paired within the outer stretch (an apostrophe, or a mark left open, gives none). Each
    inner stretch is its own ``group`` (-1: not a position in :func:`find_quoted`'s list)."""
    outer_char = text[outer.open_at] if 0 <= outer.open_at < len(text) else '"'
    marks = _SINGLE if outer_char in _DOUBLE else _DOUBLE
    start = outer.open_at + 1
    end = outer.close_at if outer.close_at >= 0 else outer.end
    found: list[Quoted] = []
    open_at = -1
    for match in _MARK.finditer(text, start, end):
        i = match.start()
        if text[i] not in marks:
            continue
        role = _role(text, i, start, end, inside=open_at >= 0)
        if role == "open" and open_at < 0 and (marks is _DOUBLE or _starts_word(text, i + 1, end)):
            open_at = i
        elif role == "close" and open_at >= 0:
            quoted = _trimmed(text, open_at, i, i, -1, outer.paragraph)
            if quoted is not None:
                found.append(quoted)
            open_at = -1
    return found


def _role(text: str, i: int, start: int, end: int, *, inside: bool) -> str | None:
    """ "open", "close" or None (an apostrophe, or a mark the context cannot place)."""
    char = text[i]
    before = text[i - 1] if i > start else ""
    after = text[i + 1] if i + 1 < end else ""
    may_close = (
        not after or after.isspace() or after in _AFTER_CLOSING or after in _DOUBLE or after in _SINGLE
    )
    # after another mark: opening before a word ('"\'We'), closing before a space ('...,\'" he said')
    may_open = (
        not before
        or before.isspace()
        or before in _BEFORE_OPENING
        or ((before in _DOUBLE or before in _SINGLE) and not may_close)
    )
    if may_open and not may_close:
        return "open"
    if may_close and not may_open:
        return "close"
    if char in _OPEN_GLYPHS:
        return "open" if may_open or char in "“„«" else None
    if char in _CLOSE_GLYPHS:
        return "close" if may_close or char in "”»" else None
    if char in _SINGLE:
        return None  # a straight apostrophe inside a word, or alone between spaces
    return "close" if inside else "open"


def _starts_word(text: str, i: int, end: int) -> bool:
    """A single mark opens a quotation only before a letter ("'90s" is a year, not a quotation)."""
    return i < end and text[i].isalpha()
