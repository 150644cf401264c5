"""Reported speech without quotation marks: ``X stressed that ...``, ``X told Y that ...``, ``X said the talks
...`` (no "that"), ``The talks failed, X said``, and ``according to X, ...``.

The statement is the clause the cue verb governs (its ``ccomp``), without the complementizer "that" and
without final punctuation; for "according to X" it is the rest of the clause the phrase hangs from. Only a
speaker that resolves to an actor makes an indirect quote ("analysts said ..." and "it is said that ..."
name no one), verbs of thinking ("believes that", "hopes that") report opinions, not speech, and a negated
cue ("did not say that") reports nothing.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from spacy.strings import get_string_id
from spacy.symbols import VERB
from spacy.tokens import Doc, Token

from ..records import ActorMention
from .speakers import SpeakerFinder, detached_conjunct, reduced_participle, relaying_heads

__all__ = ["Blocked", "Reported", "find_reported"]

_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_MARKS = frozenset({"that"})
_MIN_WORDS = 3
_ACCORDING = get_string_id("according")


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported statement: character offsets of its text, cue and attribution."""

    start: int
    end: int
    cue: str
    cue_at: int
    speaker: ActorMention
    addressee: ActorMention | None
    reported_by: ActorMention | None


def find_reported(doc: Doc, finder: SpeakerFinder, *, blocked: Blocked) -> Iterator[Reported]:
    """Reported statements in reading order; none overlapping a ``blocked`` character range (a quotation,
    a heading)."""
    reporting = _ids(finder.cues.reporting)  # compare string hashes: no Python string per token
    for token in doc:
        if token.lower == _ACCORDING:
            found = _according(token, finder, blocked)
        elif token.pos == VERB and token.lemma in reporting:
            found = _clause(token, finder, blocked)
        else:
            continue
        if found is not None:
            yield found


@lru_cache(maxsize=8)
def _ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


def _clause(verb: Token, finder: SpeakerFinder, blocked: Blocked) -> Reported | None:
    if _overlaps(blocked, verb.idx, verb.idx + len(verb.text)) or any(c.dep_ == "neg" for c in verb.children):
        return None
    if reduced_participle(verb):
        return None
    for clause in _content_clauses(verb):
        span = _content(clause, verb)
        if span is None or _overlaps(blocked, *span):
            continue
        speaker = finder.speaker(finder.subject_of(verb))
        if speaker is None:
            return None
        addressee = finder.addressee(verb, exclude=set(range(clause.left_edge.i, clause.right_edge.i + 1)))
        reported_by = _relay(verb, finder, speaker)
        return Reported(span[0], span[1], _cue_text(verb), verb.idx, speaker, addressee, reported_by)
    return None


def _content_clauses(verb: Token) -> Iterator[Token]:
    """The verb's complement clauses with a subject, and a that-clause after the noun of its prepositional
    phrase ("said in a statement that ...")."""
    for child in verb.children:
        if child.dep_ == "ccomp" and _has_subject(child):
            yield child
        elif child.dep_ == "prep":
            for pobj in child.children:
                for clause in pobj.children if pobj.dep_ == "pobj" else ():
                    if (
                        clause.dep_ in ("acl", "ccomp", "relcl")
                        and _has_subject(clause)
                        and any(mark.dep_ == "mark" and mark.lower_ == "that" for mark in clause.children)
                    ):
                        yield clause


def _has_subject(clause: Token) -> bool:
    return any(child.dep_ in _CLAUSE_SUBJECTS for child in clause.children)


def _content(clause: Token, verb: Token) -> tuple[int, int] | None:
    """Character range of a content clause without "that", edge punctuation and spaces."""
    doc = clause.doc
    first, last = clause.left_edge.i, clause.right_edge.i
    if first <= verb.i <= last:
        return None
    for conj in clause.children:  # "said that X would ... and warned Y": the warning is not X's
        if detached_conjunct(conj):
            last = min(last, conj.left_edge.i - 1)
    while first <= last and (doc[first].is_punct or doc[first].is_space or doc[first].lower_ in _MARKS):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space or doc[last].pos_ == "CCONJ"):
        last -= 1
    words = sum(1 for t in doc[first : last + 1] if not t.is_punct)
    if words < _MIN_WORDS:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _according(token: Token, finder: SpeakerFinder, blocked: Blocked) -> Reported | None:
    """ "According to X, the talks failed" / "The talks failed, according to X"."""
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    source = next((t for t in doc[token.i + 1].children if t.dep_ == "pobj"), None)
    head = token.head
    if source is None or head.i == token.i or _overlaps(blocked, token.idx, token.idx + 9):
        return None
    phrase = (token.left_edge.i, max(token.right_edge.i, source.right_edge.i))
    before = (head.left_edge.i, phrase[0] - 1)
    after = (phrase[1] + 1, head.right_edge.i)
    span = _trim(doc, *max(before, after, key=lambda part: part[1] - part[0]))
    if span is None or _overlaps(blocked, *span):
        return None
    speaker = finder.speaker(source)
    if speaker is None:
        return None
    return Reported(span[0], span[1], "according to", token.idx, speaker, None, None)


def _trim(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if sum(1 for t in doc[first : last + 1] if not t.is_punct) < _MIN_WORDS:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _relay(verb: Token, finder: SpeakerFinder, speaker: ActorMention) -> ActorMention | None:
    """ "X told Y that ..., the ministry said": the ministry relays X's words."""
    for token in relaying_heads(verb):
        if token.pos_ == "VERB" and token.lemma_.lower() in finder.cues.verbs:
            outer = finder.speaker(finder.subject_of(token, after=verb.i + 1))
            if outer is not None and outer.actor != speaker.actor:
                return outer
    return None


def _cue_text(verb: Token) -> str:
    words = [verb, *(child for child in verb.children if child.dep_ == "prt")]
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


class Blocked:
    """Character ranges (quotations, headings) in which no reported speech is looked for."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        ordered = sorted(ranges)
        self._starts = [start for start, _ in ordered]
        self._ends = list(itertools.accumulate((end for _, end in ordered), max))  # the furthest end so far

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end) - 1
        return index >= 0 and self._ends[index] > start


def _overlaps(blocked: Blocked, start: int, end: int) -> bool:
    return blocked.overlaps(start, end)
