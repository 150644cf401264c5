"""Event dates: each event takes the date of the temporal expression that governs its clause, else the
reference time of its sentence or of the narrative it continues, else the publication date.

* **text**: an expression attached (in the dependency parse) to the trigger word, to the verb of the trigger's
  clause, or to a verb that governs that clause ("Qin told Blinken on Wednesday that [...]"; "agreed in May to
  [cooperate]"). Durations, sets and vague references ("now", "recently") date nothing, and an expression
  after "since", "until", "before" ... bounds a period instead of dating the clause ("since 2018").
* **reference**: another dating expression of the same sentence, or the reference time the narrative carries:
  within a paragraph while the story stays in the past tense, and into the next paragraph through the past
  perfect or "then" ("Last November, Biden and Xi met. ¶ The two leaders had agreed to cooperate").
  A present- or future-tense sentence brings the story back to its publication date.
* **published**: the publication date (precision ``day``).

A planned or hypothetical event inherits no date from a governing clause ("said on Wednesday that he will
visit": Wednesday is when it was said). An event reported several times takes the date of its best-dated
mention (text before reference before published; the first such mention).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..records import Article, Event, Evidence, TimeExpression
from .resolve import FUTURE, PAST
from .tense import BOUNDING, clause_direction, governing_verb
from .values import value_range

__all__ = ["date_events"]

_SOURCE_RANK = {"text": 0, "reference": 1, "published": 2}
_PRECISION_RANK = {
    "time": 0, "day": 1, "weekend": 2, "week": 3, "month": 4, "quarter": 5, "half": 6, "season": 6, "year": 7,
    "decade": 8, "century": 9,
}  # fmt: skip
#: dependency links through which a clause inherits the date of the clause that governs it
_INHERITING = frozenset({"ccomp", "xcomp", "advcl", "pcomp", "acomp", "oprd", "dep", "parataxis"})
#: statuses of events that have not happened: the date of the clause announcing them is not theirs
_UNREALIZED = frozenset({"planned", "hypothetical"})
#: adverbs that carry the story's time into the next paragraph
_CONTINUING = frozenset({"then", "later", "afterwards", "afterward", "subsequently", "thereafter"})


@dataclass(frozen=True, slots=True)
class _Dating:
    date: str
    text: str | None
    precision: str | None
    source: str

    @property
    def rank(self) -> tuple[int, int]:
        return _SOURCE_RANK[self.source], _PRECISION_RANK.get(self.precision or "", 10)


def date_events(
    events: tuple[Event, ...], doc: Doc, times: tuple[TimeExpression, ...], article: Article
) -> tuple[Event, ...]:
    """``events`` with ``date``, ``date_text``, ``date_precision`` and ``date_source`` set."""
    if not events:
        return events
    dater = _Dater(doc, times, article)
    return tuple(dater.date(event) for event in events)


class _Dater:
    def __init__(self, doc: Doc, times: tuple[TimeExpression, ...], article: Article) -> None:
        self.doc, self.article = doc, article
        self.attached: dict[int, list[TimeExpression]] = {}
        self.by_sentence: dict[int, list[TimeExpression]] = {}
        self.has_sents = doc.has_annotation("SENT_START")
        for time in times:
            self._attach(time)
        self.carried = self._carry() if self.has_sents else {}

    # -- which expressions date which words --------------------------------------------------------
    def _attach(self, time: TimeExpression) -> None:
        if time.type not in ("DATE", "TIME") or value_range(time.value) is None:
            return  # durations, sets, PRESENT_REF: no calendar days
        span = self.doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return
        if _bounded(span.root):
            return  # since 2018, until Friday, since the war began in 2014
        if self.has_sents and not self._in_heading(span):
            self.by_sentence.setdefault(span.sent.start, []).append(time)
        current = span.root
        for _ in range(12):
            if current.head is current:
                break
            current = current.head
            self.attached.setdefault(current.i, []).append(time)
            if current.pos_ in ("VERB", "AUX"):
                break

    def _in_heading(self, span: Span) -> bool:
        return any(h.start <= span.start_char < h.end for h in self.article.headings)

    def _carry(self) -> dict[int, TimeExpression | None]:
        """The narrative's reference time at each sentence (keyed by the sentence's first token)."""
        carried: dict[int, TimeExpression | None] = {}
        current: TimeExpression | None = None
        paragraph_start = 0
        for sent in self.doc.sents:
            if self._in_heading(sent):
                continue
            new_paragraph = self._paragraph_of(sent.start_char) != paragraph_start
            paragraph_start = self._paragraph_of(sent.start_char)
            own = self.by_sentence.get(sent.start)
            if own:
                current = own[0]
            else:
                direction = clause_direction(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None
                if (
                    direction == FUTURE
                    or direction not in (PAST, FUTURE)
                    and sent.root.tag_ in ("VBZ", "VBP")
                ):
                    current = None  # back to the story's present
                elif new_paragraph and not _continues(sent):
                    current = None
                elif self._ahead(current):
                    current = None  # a past-tense sentence does not go on at a future time
            carried[sent.start] = current
        return carried

    def _ahead(self, time: TimeExpression | None) -> bool:
        """Whether ``time`` starts after the publication date ('next week')."""
        published = self.article.published
        found = value_range(time.value) if time is not None else None
        return bool(published and found and found[0] > published)

    def _paragraph_of(self, offset: int) -> int:
        for paragraph in self.article.paragraphs:
            if paragraph.start <= offset < paragraph.end:
                return paragraph.start
        return 0

    # -- dating one event --------------------------------------------------------------------------
    def date(self, event: Event) -> Event:
        mentions = event.mentions or (event.evidence,)
        inherit = event.status not in _UNREALIZED
        candidates = [dating for evidence in mentions if (dating := self._date_mention(evidence, inherit))]
        if not candidates:
            return event
        best = min(enumerate(candidates), key=lambda pair: (pair[1].rank[0], pair[0]))[1]
        return replace(
            event, date=best.date, date_text=best.text, date_precision=best.precision, date_source=best.source
        )

    def _date_mention(self, evidence: Evidence, inherit: bool) -> _Dating | None:
        trigger = self._trigger(evidence)
        if trigger is not None:
            time = self._governing(trigger, inherit)
            if time is not None:
                return _Dating(time.value, time.text, time.precision, "text")
            if self.has_sents:
                sent = trigger.sent
                own = self.by_sentence.get(sent.start)
                reference = own[0] if own else self.carried.get(sent.start)
                if reference is not None:
                    return _Dating(reference.value, reference.text, reference.precision, "reference")
        published = self.article.published
        if published is None:
            return None
        return _Dating(published.isoformat(), None, "day", "published")

    def _trigger(self, evidence: Evidence) -> Token | None:
        start, end = evidence.trigger_start, evidence.trigger_end
        if start < 0 or end <= start:
            start, end = evidence.start, evidence.end
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _governing(self, trigger: Token, inherit: bool) -> TimeExpression | None:
        """The expression attached to the trigger, its clause's verb, or (``inherit``) a verb governing that
        clause."""
        own = self.attached.get(trigger.i)
        if own:
            return _nearest(own, trigger)
        verb = governing_verb(trigger)
        for _ in range(6):
            if verb is None:
                return None
            found = self.attached.get(verb.i)
            if found:
                return _nearest(found, trigger)
            if not inherit:
                return None
            if verb.dep_ not in _INHERITING and not (verb.dep_ == "conj" and verb.head.dep_ in _INHERITING):
                return None
            verb = governing_verb(verb.head)
        return None


def _bounded(token: Token) -> bool:
    """The expression bounds a period: a 'since', 'until' ... on the way up to its clause's verb, or
    introducing that clause."""
    current = token
    for _ in range(12):
        if current.lower_ in BOUNDING and current.dep_ in ("prep", "mark"):
            return True
        if current.pos_ in ("VERB", "AUX") or current.head is current:
            break
        current = current.head
    return current.pos_ in ("VERB", "AUX") and any(
        child.dep_ == "mark" and child.lower_ in BOUNDING for child in current.children
    )


def _nearest(times: list[TimeExpression], trigger: Token) -> TimeExpression:
    return min(times, key=lambda time: abs(time.start - trigger.idx))


def _continues(sent: Span) -> bool:
    """A sentence that goes on with the previous paragraph's time: past perfect, or 'then'."""
    for token in sent:
        if token.lower_ in _CONTINUING and token.pos_ == "ADV":
            return True
        if token.lower_ == "had" and token.dep_ == "aux":
            return True
    return False
