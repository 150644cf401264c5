"""The EventStoryLine corpus (ESC, Caselli & Vossen 2017) as gold for ``detente eval timex``.

ESC re-annotates ECB+ news articles in CAT XML, as MEANTIME does (``<token t_id sentence number>``, markables
with ``token_anchor`` children), but its times are ``TIME_DATE``, ``TIME_OF_THE_DAY``, ``TIME_DURATION`` and
``TIME_REPETITION`` markables, scored as the TIMEX3 types DATE, TIME, DURATION and SET. For each document
(``annotated_data/<topic>/<topic>_<n>ecbplus.xml.xml``):

* the text is rebuilt from the tokens by MEANTIME's code (:func:`detente.evaluate.timex._rebuild`), with
  each sentence a paragraph of its own (ESC keeps no paragraphs; sentence 0 is the article's URL, sentence
  1 its title, both headings) and with ECB+'s split words glued back: no space around a hyphen, a slash or
  an apostrophe between two words or numbers ("90-day", "05/02/2013", "Lohan’s"), a colon between numbers
  ("1:32"), a dot between single letters ("p.m.", "U.S."), a comma before three digits of a number
  ("100,000"); a straight double quote after punctuation closes a quotation; the URL line is written
  without spaces;
* the creation time is the ``TIME_*`` markable with ``DCT="TRUE"`` (when there are several, the first with
  a full date, those with token anchors first): the date of its value is the publication date, and its
  words, when it has any, are not scored. A document without one, or whose value is no full date (``2006``,
  ``PRESENT_REF``), is coded without a publication date;
* gold is every other ``TIME_*`` markable with token anchors; those without (carrying a
  ``TAG_DESCRIPTOR``) are cross-document instances, not mentions, and are ignored. ESC leaves many
  durations without a value: such an expression counts for the span scores only (see
  :mod:`detente.evaluate.timex`);
* only the sentences ESC annotated are scored: those where some markable (an event, a participant, a
  time) is anchored. ESC, like ECB+, annotates a selection of each article's sentences, so a time
  found in another sentence is neither right nor wrong.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

from ..errors import DataFileError
from ..records import Span
from .timex import GoldTime, MeantimeDocument, _creation_date, _rebuild

__all__ = ["ESC_TYPES", "is_esc", "read_esc_document"]

#: ESC's time markables and the TIMEX3 type each is scored as
ESC_TYPES = {
    "TIME_DATE": "DATE",
    "TIME_OF_THE_DAY": "TIME",
    "TIME_DURATION": "DURATION",
    "TIME_REPETITION": "SET",
}
_WORD = re.compile(r"\w+")
_CLOSES = frozenset({",", ".", "?", "!", "'", "\u2019", ";", ":"})


def _markables(document: ET.Element) -> list[ET.Element]:
    markables = document.find("Markables")
    return list(markables) if markables is not None else []


def is_esc(documents: Iterable[ET.Element]) -> bool:
    """Whether parsed CAT documents are EventStoryLine ones: some carry ``TIME_*`` markables, none
    ``TIMEX3`` (MEANTIME's)."""
    tags = {markable.tag for document in documents for markable in _markables(document)}
    return "TIMEX3" not in tags and bool(tags & ESC_TYPES.keys())


def _glued(tokens: list[tuple[str, int, str]], index: int) -> bool:
    """Whether token ``index`` is written with no space before it (ECB+ tokenization split it off)."""
    _, sentence, word = tokens[index]
    previous = tokens[index - 1][2]
    following = tokens[index + 1][2] if index + 1 < len(tokens) and tokens[index + 1][1] == sentence else ""
    before = tokens[index - 2][2] if index >= 2 and tokens[index - 2][1] == sentence else ""
    joiners = {"-", "/", "'", "\u2019"}
    if word in joiners and _WORD.fullmatch(previous) and _WORD.match(following):
        return True
    if previous in joiners and _WORD.fullmatch(before) and _WORD.match(word):
        return True
    if word == ":" and previous.isdigit() and following[:1].isdigit():
        return True
    if previous == ":" and before.isdigit() and word[:1].isdigit():
        return True
    if word == "." and _single_letter(previous) and _single_letter(following):
        return True
    if previous == "." and _single_letter(before) and _single_letter(word):
        return True
    if word == "," and previous.isdigit() and len(previous) <= 3 and re.fullmatch(r"\d{3}", following):
        return True
    if previous == "," and before.isdigit() and len(before) <= 3 and re.fullmatch(r"\d{3}", word):
        return True
    return word == '"' and previous in _CLOSES


def _opens(tokens: list[tuple[str, int, str]], index: int, prefix: str) -> bool:
    """Whether token ``index`` opens its sentence and starts with ``prefix`` (a URL line: ``http``)."""
    opening = index == 0 or tokens[index - 1][1] != tokens[index][1]
    return opening and tokens[index][2].lower().startswith(prefix)


def _single_letter(word: str) -> bool:
    return len(word) == 1 and word.isalpha()


def read_esc_document(file: Path, document: ET.Element) -> MeantimeDocument:
    """One parsed ESC file as a scored document (see the module)."""
    tokens = [
        (token.get("t_id", ""), _sentence(file, token), token.text or "") for token in document.iter("token")
    ]
    if not tokens:
        raise DataFileError(f"{file}: no <token> elements: not an EventStoryLine (CAT XML) document")
    urls = {sentence for index, (_, sentence, word) in enumerate(tokens) if _opens(tokens, index, "http")}
    text, offsets, paragraphs = _rebuild(
        tokens, glued=lambda toks, i: toks[i][1] in urls or _glued(toks, i), heading_sentences=None
    )
    markables = _markables(document)
    annotated = {
        offsets[anchor.get("t_id", "")][2]
        for markable in markables
        for anchor in markable.findall("token_anchor")
        if anchor.get("t_id", "") in offsets
    }
    sentence_spans: dict[int, tuple[int, int]] = {}
    for start, end, sentence in offsets.values():
        low, high = sentence_spans.get(sentence, (start, end))
        sentence_spans[sentence] = (min(low, start), max(high, end))
    excluded = [Span(*span) for sentence, span in sorted(sentence_spans.items()) if sentence not in annotated]
    gold: list[GoldTime] = []
    creation: list[tuple[bool, str]] = []  # (anchored, value) of the DCT markables
    for markable in markables:
        kind = ESC_TYPES.get(markable.tag)
        if kind is None:
            continue
        ids = [a.get("t_id", "") for a in markable.findall("token_anchor") if a.get("t_id", "") in offsets]
        span = (min(offsets[i][0] for i in ids), max(offsets[i][1] for i in ids)) if ids else None
        value = markable.get("value", "").strip()
        if markable.get("DCT") == "TRUE":
            creation.append((span is not None, value))
            if span:
                excluded.append(Span(*span))
        elif span:
            gold.append(GoldTime(span[0], span[1], kind, value, text[span[0] : span[1]]))
    creation.sort(key=lambda item: not item[0])  # stable: anchored first, then file order
    dates = [date for _, value in creation if (date := _creation_date(value)) is not None]
    published = dates[0] if dates else None
    name = document.get("doc_name") or file.name
    return MeantimeDocument(
        id=name.removesuffix(".xml").removesuffix(".xml"),
        corpus=file.parent.name,
        text=text,
        paragraphs=paragraphs,
        published=published,
        gold=tuple(sorted(gold, key=lambda g: g.start)),
        excluded=tuple(sorted(excluded, key=lambda span: span.start)),
        scope_end=len(text),
        headings=paragraphs[:2],
    )


def _sentence(file: Path, token: ET.Element) -> int:
    try:
        return int(token.get("sentence", "0") or 0)
    except ValueError as exc:
        raise DataFileError(f"{file}: token {token.get('t_id', '?')}: bad sentence number") from exc
