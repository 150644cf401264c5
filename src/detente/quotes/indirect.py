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

from ..records import ActorMention, Quote, Speaker
from .speakers import SpeakerFinder, detached_conjunct, reduced_participle, relaying_heads, same_speaker

__all__ = ["Blocked", "Reported", "find_reported"]

_CLAUSE_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_MARKS = frozenset({"that", "whether", "if", "to"})
_CHARGE_PREPS = frozenset({"of", "for"})
_DECLINE = frozenset({"decline", "refuse", "fail", "hesitate", "avoid"})
_CLOSING = frozenset("\"”»’'")
_MIN_WORDS = 3
_ACCORDING = get_string_id("according")


@dataclass(frozen=True, slots=True)
class Reported:
    """One reported statement: character offsets of its text, cue and attribution."""

    start: int
    end: int
    cue: str
    cue_at: int
    speaker: Speaker
    addressee: ActorMention | None
    reported_by: Speaker | None
    marked: tuple[Quote, ...] = ()  # quotations inside the reported clause (a mixed quote)
    finite: bool = True  # a clause with its own subject (not the infinitive or gerund of a directive/charge)


def find_reported(
    doc: Doc, finder: SpeakerFinder, *, blocked: Blocked, quotes: list[Quote] | None = None
) -> Iterator[Reported]:
    """Reported statements in reading order; none overlapping a ``blocked`` character range (a heading).
    A reported clause that holds ``quotes`` whole takes them as its marked parts (a mixed quote); one
    that overlaps a quotation otherwise is left to it."""
    cues = finder.cues
    reporting = _ids(cues.reporting | cues.directive | cues.charge)  # string hashes: no str per token
    nouns = _ids(cues.nouns)
    inside = Inside(quotes or [], doc.text)
    for token in doc:
        if token.lower == _ACCORDING:
            found = _according(token, finder, blocked, inside)
        elif token.pos == VERB and token.lemma in reporting:
            found = _clause(token, finder, blocked, inside)
        elif token.lemma in nouns and token.pos_ == "NOUN":
            found = _noun_clause(token, finder, blocked, inside)
        else:
            continue
        if found is not None:
            yield found


@lru_cache(maxsize=8)
def _ids(words: frozenset[str]) -> frozenset[int]:
    return frozenset(get_string_id(word) for word in words)


def _clause(verb: Token, finder: SpeakerFinder, blocked: Blocked, inside: Inside) -> Reported | None:
    if _overlaps(blocked, verb.idx, verb.idx + len(verb.text)) or any(c.dep_ == "neg" for c in verb.children):
        return None
    if reduced_participle(verb) or inside.holds(verb.idx) or _declined(verb):
        return None
    cues = finder.cues
    lemma = verb.lemma_.lower()
    for clause in _content_clauses(verb, cues):
        span = _content(clause, verb)
        if span is None or _overlaps(blocked, *span):
            continue
        span, marked = inside.widen(*span)
        if span is None:
            continue
        human = lemma in cues.thought and lemma not in cues.finding
        speaker = finder.speaker(finder.subject_of(verb), human=human)
        if speaker is None or (cues.conditional(lemma) and speaker.type == "unknown"):
            return None
        addressee = finder.addressee(verb, exclude=set(range(clause.left_edge.i, clause.right_edge.i + 1)))
        reported_by = _relay(verb, finder, speaker)
        finite = _has_subject(clause)
        return Reported(
            span[0], span[1], _cue_text(verb), verb.idx, speaker, addressee, reported_by, marked, finite
        )
    return None


def _content_clauses(verb: Token, cues) -> Iterator[Token]:  # noqa: ANN001
    """The verb's complement clauses with a subject, a that-clause after the noun of its prepositional
    phrase ("said in a statement that ..."), the infinitive of a directive ("urged X to ...") and the
    gerund of a charge ("accused X of ...")."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if (
            child.dep_ == "ccomp"
            and (_has_subject(child) or _infinitive(child) and lemma in cues.directive)
            or child.dep_ == "xcomp"
            and lemma in cues.directive
            and _infinitive(child)
        ):
            yield child
        elif (
            child.dep_ == "dobj" and lemma in cues.charge
        ):  # "accused X of ...": the parse may hang "of" on X
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in _CHARGE_PREPS:
                    yield from (c for c in prep.children if c.dep_ == "pcomp" and c.tag_ == "VBG")
        elif child.dep_ == "prep":
            if lemma in cues.charge and child.lower_ in _CHARGE_PREPS:
                for pcomp in child.children:
                    if pcomp.dep_ == "pcomp" and pcomp.tag_ == "VBG":
                        yield pcomp
            for pobj in child.children:
                for clause in pobj.children if pobj.dep_ == "pobj" else ():
                    if (
                        clause.dep_ in ("acl", "ccomp", "relcl")
                        and _has_subject(clause)
                        and any(mark.dep_ == "mark" and mark.lower_ == "that" for mark in clause.children)
                    ):
                        yield clause
                    elif clause.dep_ in ("acl", "xcomp") and lemma in cues.directive and _infinitive(clause):
                        yield clause  # "called on X to ..."


def _declined(verb: Token) -> bool:
    """ "declined to say whether ...", "refused to comment": nothing was said."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DECLINE


def _infinitive(clause: Token) -> bool:
    return clause.tag_ == "VB" and any(child.tag_ == "TO" for child in clause.children)


def _noun_clause(noun: Token, finder: SpeakerFinder, blocked: Blocked, inside: Inside) -> Reported | None:
    """ "her claim that ...", "the ministry's statement that ...": the possessor's reported speech."""
    clause = next(
        (
            c
            for c in noun.children
            if c.dep_ in ("acl", "ccomp", "relcl")
            and _has_subject(c)
            and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None or inside.holds(noun.idx):
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "from", "of")), None)
        owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if owner is None:
        return None
    span = _content(clause, noun)
    if span is None or _overlaps(blocked, *span):
        return None
    span, marked = inside.widen(*span)
    speaker = finder.speaker(owner) if span is not None else None
    if speaker is None:
        return None
    return Reported(span[0], span[1], noun.text, noun.idx, speaker, None, None, marked)


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
    if words < (1 if clause.tag_ in ("VB", "VBG") and not _has_subject(clause) else _MIN_WORDS):
        return None  # an infinitive or gerund of a directive or a charge may be one word ("to resign")
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _according(token: Token, finder: SpeakerFinder, blocked: Blocked, inside: Inside) -> Reported | None:
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
    span, marked = inside.widen(*span)
    speaker = finder.speaker(source) if span is not None else None
    if speaker is None:
        return None
    return Reported(span[0], span[1], "according to", token.idx, speaker, None, None, marked)


def _trim(doc: Doc, first: int, last: int) -> tuple[int, int] | None:
    while first <= last and (doc[first].is_punct or doc[first].is_space):
        first += 1
    while last >= first and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if sum(1 for t in doc[first : last + 1] if not t.is_punct) < _MIN_WORDS:
        return None
    return doc[first].idx, doc[last].idx + len(doc[last].text)


def _relay(verb: Token, finder: SpeakerFinder, speaker: Speaker) -> Speaker | None:
    """ "X told Y that ..., the ministry said": the ministry relays X's words."""
    for token in relaying_heads(verb):
        if token.pos_ == "VERB" and token.lemma_.lower() in finder.cues.verbs:
            outer = finder.speaker(finder.subject_of(token, after=verb.i + 1))
            if outer is not None and not same_speaker(outer, speaker):
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


class Inside:
    """The article's quotations, for reported clauses: which offsets they hold, and which a clause holds."""

    def __init__(self, quotes: list[Quote], text: str) -> None:
        self._quotes = sorted(quotes, key=lambda quote: quote.start)
        self._starts = [quote.start for quote in self._quotes]
        self._text = text

    def holds(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and self._quotes[index].start <= offset < self._quotes[index].end

    def widen(self, start: int, end: int) -> tuple[tuple[int, int] | None, tuple[Quote, ...]]:
        """The clause ``[start, end)`` widened over the quotations it opens (with their closing marks), and
        those quotations; None when a quotation holds the clause's start (the words are the quotation's)."""
        if self.holds(start) or (start > 0 and self.holds(start - 1)):
            return None, ()
        marked = []
        index = bisect.bisect_left(self._starts, start)
        while index < len(self._quotes) and self._quotes[index].start < end:
            quote = self._quotes[index]
            close = quote.end
            if self._text[close : close + 1] == "," and self._text[close + 1 : close + 2] in _CLOSING:
                close += 1  # '"... crime," the minister said': the comma inside the marks
            while close < len(self._text) and self._text[close] in _CLOSING:
                close += 1
            speaker = quote.speaker
            if speaker is not None and start <= (speaker.mention or speaker).start < end:
                return None, ()  # "X said Y spoke of '...'": the quotation is Y's, relayed
            end = max(end, close)
            marked.append(quote)
            index += 1
        return (start, end), tuple(marked)
