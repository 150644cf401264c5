"""Quotes: who said what, with the speaker resolved to an actor.

:func:`extract_quotes` finds the quotations and the reported speech of a parsed article and attributes each
to a speaker through the article's resolved actors (pronouns, titles and aliases included). Conventions:

* **Kinds.** ``direct``: the words in quotation marks are a whole statement, set off from the attribution
  (``"...," X said``; ``X said: "..."``) or the whole object of its cue (``X spoke of "..."``). ``mixed``:
  the quoted words are run into the narrator's own clause (``The minister "explained ..."``,
  ``X stressed that the US "will not back down"``); the quote's text is the quoted part. ``indirect``:
  reported speech without marks (:mod:`detente.quotes.indirect`).
* **Text and offsets** are the statement without its marks (and without a comma before the closing mark).
* **One quote per quoted stretch.** A quotation split by its attribution (``"...," X said, "..."``) and a
  quotation over several paragraphs (each paragraph reopens the marks, only the last one closes) give one
  quote per stretch, all with the same speaker, cue, addressee and reporter. A paragraph that is nothing but
  a quotation, without attribution, continues the speaker of the quotation ending the paragraph before.
* **Quotations inside quotations.** The outer quotation is its speaker's statement, inner marks included.
  An inner quotation that someone named inside the outer one says (``"The surgeon told me, 'Your son may
  never walk again,'" his mother said``) is a quote of its own: its speaker is the subject of the cue
  inside the outer quotation ("I" there is the outer speaker; "he"/"she" is someone else), ``reported_by``
  the outer speaker (None when the outer speaker quotes himself). Inner stretches without such a cue,
  apostrophes and scare-quoted words stay part of the outer quotation.
* **Speaker None.** A quotation of three words or more with no attribution in its sentence (and none to
  continue) is kept with ``speaker`` None: someone's words, no one named. Reported speech is only kept when
  its speaker resolves to an actor.
* **Not quotes.** Quotation marks in headlines and sub-headings (``article.headings``); scare quotes (one
  or two words run into the sentence: a "spy" aircraft); names and titles ('so-called "..."', 'the book
  "..."').
* **Ids** are the first 16 hex digits of the SHA-256 of the article id and the quote's offsets.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from spacy.tokens import Doc

from ..actors.resolve import ArticleActors
from ..records import Article, Quote, Span
from .cues import CueWords, load_cue_words
from .direct import (
    Attribution,
    Quotations,
    QuotedTokens,
    attribute,
    attribute_inner,
    host_of,
    names_rather_than_quotes,
    tokens_of,
)
from .indirect import Blocked, find_reported
from .marks import find_inner, find_quoted, split_paragraphs
from .speakers import SpeakerFinder

__all__ = ["extract_quotes", "quote_id"]

_MIN_WORDS = 3


def extract_quotes(doc: Doc, actors: ArticleActors, article: Article) -> tuple[Quote, ...]:
    """The article's quotes in text order; none from headlines or sub-headings."""
    text = article.text  # the Doc was made from it (doc.text would rebuild it token by token)
    cues = _cue_words(actors.resolver.speech_verbs)
    if not any(mark in text for mark in "\"“”„«»'‘’") and not _may_report(doc, cues):
        return ()
    finder = SpeakerFinder(actors, cues)
    paragraphs = article.paragraphs or split_paragraphs(text)
    headings = [(span.start, span.end) for span in article.headings]
    quoted = [
        found
        for found in (tokens_of(doc, q) for q in find_quoted(text, paragraphs))
        if found is not None and not _overlaps(headings, found.quoted.open_at, found.quoted.end + 1)
    ]
    quotes, inner = _marked_quotes(quoted, finder, text, article.id)
    absorbed: set[tuple[int, int]] = set()
    found = list(find_reported(doc, finder, blocked=Blocked(headings), quotes=list(quotes)))
    for reported in found:
        if not reported.finite and any(
            other.finite and other.start <= reported.start and reported.end <= other.end for other in found
        ):
            continue  # 'said Seoul vowed to respond ...': the vow is part of the reported clause
        if any((part.start, part.end) in absorbed for part in reported.marked):
            continue  # a quotation is the marked part of one reported clause only
        absorbed.update((part.start, part.end) for part in reported.marked)
        speaker = reported.speaker
        if speaker is None and reported.marked:
            speaker = reported.marked[0].speaker
        quotes.append(
            Quote(
                id=quote_id(article.id, reported.start, reported.end),
                text=text[reported.start : reported.end],
                start=reported.start,
                end=reported.end,
                kind="mixed" if reported.marked else "indirect",
                speaker=speaker,
                cue=reported.cue,
                addressee=reported.addressee,
                reported_by=reported.reported_by,
                marked=tuple(Span(part.start, part.end) for part in reported.marked),
            )
        )
    kept = [quote for quote in quotes if (quote.start, quote.end) not in absorbed or quote.marked]
    kept.extend(inner)
    unique = {(quote.start, quote.end): quote for quote in kept}
    return tuple(sorted(unique.values(), key=lambda quote: (quote.start, quote.end)))


def quote_id(article_id: str, start: int, end: int) -> str:
    """A stable id: the first 16 hex digits of the SHA-256 of ``article_id:start:end``."""
    return hashlib.sha256(f"{article_id}:{start}:{end}".encode()).hexdigest()[:16]


@lru_cache(maxsize=8)
def _cue_words(speech_verbs: frozenset[str]) -> CueWords:
    return load_cue_words().with_speech_verbs(speech_verbs)


def _may_report(doc: Doc, cues: CueWords) -> bool:
    """A cheap test before the full pass: does any token look like a speech cue?"""
    return any(token.lower_ == "according" or token.lemma_.lower() in cues.reporting for token in doc)


def _marked_quotes(
    quoted: list[QuotedTokens], finder: SpeakerFinder, text: str, article_id: str
) -> tuple[list[Quote], list[Quote]]:
    """Quotes from the quoted stretches: attributed, then continued across splits and paragraphs; and the
    quotes inside them (quotations inside quotations)."""
    quotations = Quotations(quoted)
    kept: list[tuple[QuotedTokens, Attribution]] = []
    attributions: dict[int, Attribution] = {}
    for quote in quoted:
        if names_rather_than_quotes(quote, finder.cues, text):
            continue
        if quote.words < _MIN_WORDS and not _may_be_utterance(quote, text):
            continue  # scare quotes: a word or two run into the sentence ('respond "in kind"')
        found = attribute(quote, finder, quotations)
        host = host_of(quote, quotations) if found.kind == "mixed" else None
        if host is not None and id(host) in attributions:  # a fragment of the host's statement
            source = attributions[id(host)]
            found = Attribution("mixed", source.speaker, source.cue, source.cue_at, None, source.reported_by)
        attributions[id(quote)] = found
        if quote.words < _MIN_WORDS and (found.kind != "direct" or found.cue is None):
            continue  # a word or two are a quote only as a whole attributed utterance ('"No," he said')
        kept.append((quote, found))
    kept = _continued(kept, text)
    inner = [pair for quote, found in kept for pair in _inner(quote, found, finder, text)]
    quotes = [_quote(quote, found, text, article_id) for quote, found in kept]
    return quotes, [_quote(quote, found, text, article_id) for quote, found in inner]


def _quote(quote: QuotedTokens, found: Attribution, text: str, article_id: str) -> Quote:
    return Quote(
        id=quote_id(article_id, quote.quoted.start, quote.quoted.end),
        text=text[quote.quoted.start : quote.quoted.end],
        start=quote.quoted.start,
        end=quote.quoted.end,
        kind=found.kind,
        speaker=found.speaker,
        cue=found.cue,
        addressee=found.addressee,
        reported_by=found.reported_by,
    )


def _inner(
    outer: QuotedTokens, host: Attribution, finder: SpeakerFinder, text: str
) -> list[tuple[QuotedTokens, Attribution]]:
    """The quotations inside one quotation that someone named inside it says, with their attribution
    (apostrophes, scare quotes, names and titles stay part of the outer quotation)."""
    stretches = find_inner(text, outer.quoted)
    if not stretches:
        return []
    doc = outer.span.doc
    tokens = [found for found in (tokens_of(doc, q) for q in stretches) if found is not None]
    siblings = Quotations(tokens)
    result = []
    for quote in tokens:
        if names_rather_than_quotes(quote, finder.cues, text):
            continue
        if quote.words < _MIN_WORDS and not _may_be_utterance(quote, text):
            continue
        found = attribute_inner(quote, outer, host, finder, siblings)
        if found is not None:
            result.append((quote, found))
    return result


def _may_be_utterance(quote: QuotedTokens, text: str) -> bool:
    """A word or two that end like an utterance inside the marks: '"No," he said', 'He said: "Never!"'."""
    close = quote.quoted.close_at
    return close > 0 and text[close - 1] in ",.!?…"


def _continued(
    kept: list[tuple[QuotedTokens, Attribution]], text: str
) -> list[tuple[QuotedTokens, Attribution]]:
    """Stretches without their own attribution take it from the statement they continue: the same
    multi-paragraph group, the other half of a split quotation, or a previous quotation paragraph."""
    by_group: dict[int, Attribution] = {}
    for quote, found in kept:
        if found.speaker is not None or found.cue is not None:
            by_group.setdefault(quote.quoted.group, found)
    result: list[tuple[QuotedTokens, Attribution]] = []
    for quote, found in kept:
        if found.speaker is None and found.cue is None:
            source = (
                by_group.get(quote.quoted.group)
                or _split_partner(quote, result)
                or _paragraph_before(quote, result, text)
            )
            if source is not None:
                found = Attribution(
                    found.kind,
                    source.speaker,
                    source.cue,
                    source.cue_at,
                    source.addressee,
                    source.reported_by,
                )
        result.append((quote, found))
    return result


def _split_partner(
    quote: QuotedTokens, earlier: list[tuple[QuotedTokens, Attribution]]
) -> Attribution | None:
    """'"...," X said, "..."': the cue between the two halves, in one paragraph."""
    if not earlier:
        return None
    previous, found = earlier[-1]
    if previous.quoted.paragraph != quote.quoted.paragraph or previous.quoted.close_at < 0:
        return None
    return found if previous.quoted.close_at < found.cue_at < quote.quoted.open_at else None


def _paragraph_before(
    quote: QuotedTokens, earlier: list[tuple[QuotedTokens, Attribution]], text: str
) -> Attribution | None:
    """A paragraph that is only a quotation continues the speaker of the quotation ending the paragraph
    before it."""
    if not earlier:
        return None
    previous, found = earlier[-1]
    if previous.quoted.paragraph != quote.quoted.paragraph - 1 or found.speaker is None:
        return None
    open_at = quote.quoted.open_at
    if open_at > 0 and text[open_at - 1] != "\n":
        return None  # the quotation does not open its paragraph
    close = quote.quoted.close_at
    rest = text[close + 1 :].split("\n", 1)[0] if close >= 0 else ""
    return found if not rest.strip(" .,;!?…") else None


def _overlaps(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in ranges)
