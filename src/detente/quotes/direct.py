"""Quotations in marks: who said them, with which cue, to whom, relayed by whom, and of which kind.

For each quoted stretch (:mod:`detente.quotes.marks`) the attribution is read from the parse, in order:

1. a subject outside the marks of a verb inside them: ``The minister "explained ..."`` — the quotation is
   *mixed* and that subject is the speaker;
2. the first cue verb above the quotation in the parse, outside the marks (``"...," X said``,
   ``X spoke of "..."``, ``"...," X told Y``);
3. else the nearest cue outside any quotation in the same sentence, after the closing mark first
   (``"...", underlines the press release``), then before the opening mark (``According to X, "..."``).

A cue verb above the speaker's own cue is the reporting chain: ``X spoke of "...", Y said`` gives speaker
X, reported by Y. A document or institution that quotes its principal in the third person (``"Qin Gang
stressed that ...," the statement said``) reports that principal's words: the principal is the speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..records import ActorMention, Speaker
from ..records import Span as SpanRecord
from .cues import CueWords
from .marks import Quoted
from .speakers import SpeakerFinder, reduced_participle, relaying_heads, same_speaker

__all__ = [
    "Attribution",
    "Quotations",
    "QuotedTokens",
    "attribute",
    "attribute_inner",
    "host_of",
    "names_rather_than_quotes",
    "tokens_of",
]

_SET_OFF = frozenset(",:;—–-(")
_CONTENT_PREPS = frozenset({"of", "about"})
_EDGE_PUNCT = ".,;:!?()[]{}\"'“”‘’«»"
_MAX_CLIMB = 4
_NAME_LINKS = frozenset(
    {"of", "the", "and", "on", "in", "for", "to", "a", "an", "at", "by", "with", "de", "la"}
)
_NEAR = 30  # tokens searched for a cue on either side of a quotation


@dataclass(frozen=True, slots=True)
class Attribution:
    """What the text says about one quotation."""

    kind: str
    speaker: Speaker | None = None
    cue: str | None = None
    cue_at: int = -1  # character offset of the cue, -1 without one
    addressee: ActorMention | None = None
    reported_by: Speaker | None = None


@dataclass(frozen=True, slots=True)
class QuotedTokens:
    """A quoted stretch with its tokens: ``span`` the words inside the marks, ``open``/``close`` the marks,
    ``roots`` the words whose head lies outside the marks (or that head their sentence), ``words`` how
    many words it has."""

    quoted: Quoted
    span: Span
    open: Token | None
    close: Token | None
    roots: tuple[Token, ...]
    words: int

    def inside(self, token: Token) -> bool:
        return self.span.start <= token.i < self.span.end


class Quotations:
    """The quoted stretches of one article in text order, and which of them holds a given token."""

    def __init__(self, quotes: list[QuotedTokens]) -> None:
        self.quotes = quotes
        self._starts = [quote.span.start for quote in quotes]

    def holding(self, token: Token) -> QuotedTokens | None:
        index = bisect.bisect_right(self._starts, token.i) - 1
        if index >= 0 and self.quotes[index].inside(token):
            return self.quotes[index]
        return None


def tokens_of(doc: Doc, quoted: Quoted) -> QuotedTokens | None:
    span = doc.char_span(quoted.start, quoted.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first, end = span.start, span.end
    roots = tuple(t for t in span if not first <= t.head.i < end or t.head.i == t.i)
    words = sum(1 for t in span if not (t.is_punct or t.is_space))
    return QuotedTokens(
        quoted, span, _token_at(doc, quoted.open_at), _token_at(doc, quoted.close_at), roots, words
    )


def _token_at(doc: Doc, offset: int) -> Token | None:
    if offset < 0:
        return None
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def names_rather_than_quotes(quote: QuotedTokens, cues: CueWords, text: str) -> bool:
    """'so-called "..."', 'the book "..."', 'known as "..."': a name or a title, not a quotation
    (``text`` is the Doc's text)."""
    open_at = quote.quoted.open_at
    before = text[max(0, open_at - 40) : open_at].lower().split()[-2:]
    return any(word.strip(_EDGE_PUNCT) in cues.naming for word in before) or _title_case(quote, text)


def _title_case(quote: QuotedTokens, text: str) -> bool:
    """'the "Belt and Road Initiative"', '"Iron Swords"': every word capitalized and no closing punctuation
    inside the marks is a name, not an utterance."""
    close = quote.quoted.close_at
    if close > 0 and text[close - 1] in ".!?…" and not _abbreviation_end(text, close):
        return False
    words = [t.text for t in quote.span if t.is_alpha]
    return (
        len(words) > 1
        and all(w[0].isupper() or w.lower() in _NAME_LINKS for w in words)
        and (words[0][0].isupper() or sum(w[0].isupper() for w in words) >= 2)
    )


def _abbreviation_end(text: str, close: int) -> bool:
    """The period before the closing mark ends an abbreviation of capitals ('"Born in the U.S.A."'),
    not a sentence."""
    word = text[:close].rsplit(None, 1)[-1] if text[:close].strip() else ""
    letters = word.rstrip(".").split(".")
    return len(letters) > 1 and all(len(part) == 1 and part.isupper() for part in letters)


def attribute(quote: QuotedTokens, finder: SpeakerFinder, others: Quotations) -> Attribution:
    """The attribution of one quoted stretch (``others``: every quoted stretch, to skip their words)."""
    own = _own_predicate(quote, finder)
    cue = _governing_cue(quote, finder.cues, others) or _nearby_cue(quote, finder, others)
    speaker = reported_by = addressee = None
    cue_text = None
    cue_at = -1
    if cue is not None:
        cue_token, cue_text = cue
        cue_at = cue_token.idx
        if cue_text in _phrase_texts(finder.cues):
            speaker = finder.speaker(_phrase_object(cue_token, len(cue_text.split())))
        else:
            after = quote.close.i if quote.close is not None else quote.span.end
            speaker = finder.speaker(finder.subject_of(cue_token, after=after))
            addressee = finder.addressee(cue_token, exclude=set(range(quote.span.start, quote.span.end)))
            reported_by = _outer_speaker(cue_token, quote, finder, speaker)
    if own is not None and _speaks(own[0], finder.cues):  # The minister "explained ...", X said
        narrator = speaker
        speaker = finder.speaker(own[1])
        if narrator is not None and not _same(narrator, speaker):
            reported_by = narrator
    elif own is None:
        speaker, reported_by = _principal(quote, finder, speaker, reported_by)
    kind = "mixed" if own is not None or not _set_off(quote, cue[0] if cue else None, finder) else "direct"
    return Attribution(kind, speaker, cue_text, cue_at, addressee, reported_by)


def attribute_inner(
    inner: QuotedTokens, outer: QuotedTokens, host: Attribution, finder: SpeakerFinder, siblings: Quotations
) -> Attribution | None:
    """A quotation inside a quotation (``"The surgeon told me, 'Your son ...,'" his mother said``): said by
    whom the outer speaker names as speaking inside the outer quotation, reported by the outer speaker
    (``host``). None unless a cue inside the outer quotation, with its subject there too, sets the inner
    quotation off as a whole utterance (a name or a phrase in marks stays part of the outer quotation).
    "I" is the outer speaker; "he" or "she" is someone else (the outer speaker would say "I")."""
    cue = _inner_cue(inner, outer, finder.cues, siblings)
    if cue is None or not (_set_off(inner, cue, finder) or _opens_host(inner, outer)):
        return None
    after = inner.close.i if inner.close is not None else inner.span.end
    subject = finder.subject_of(cue, after=after)
    if subject is None or not outer.inside(subject) or siblings.holding(subject) is not None:
        return None
    outer_speaker = host.speaker
    if subject.lower_ == "i" and outer_speaker is not None:
        speaker: Speaker | None = outer_speaker
    else:
        speaker = finder.speaker(subject)
        if speaker is not None and subject.pos_ == "PRON" and _same_person(speaker, outer_speaker):
            speaker = _bare(subject)
    if speaker is None:
        return None
    reported_by = None if _same_person(speaker, outer_speaker) else outer_speaker
    addressee = _host_addressee(cue, outer_speaker, inner) or finder.addressee(
        cue, exclude=set(range(inner.span.start, inner.span.end))
    )
    return Attribution("direct", speaker, _cue_text(cue, inner), cue.idx, addressee, reported_by)


def _inner_cue(
    inner: QuotedTokens, outer: QuotedTokens, cues: CueWords, siblings: Quotations
) -> Token | None:
    """The cue of an inner quotation, inside the outer one and outside every inner one: above it in the
    parse, else the nearest in its sentence after the inner closing mark, then before its opening mark."""
    for root in _roots(inner):
        token = root
        for _ in range(_MAX_CLIMB):
            if token.head.i == token.i or not outer.inside(token.head):
                break
            token = token.head
            if siblings.holding(token) is None and _is_cue(token, cues):
                return token
    doc = inner.span.doc
    after = inner.close.i + 1 if inner.close is not None else inner.span.end
    for token in doc[after : min(outer.span.end, after + _NEAR)]:
        if token.is_sent_start or (token.is_space and "\n" in token.text):
            break
        if siblings.holding(token) is None and _is_cue(token, cues):
            return token
    before = inner.open.i if inner.open is not None else inner.span.start
    for token in reversed(doc[max(outer.span.start, before - _NEAR) : before]):
        if siblings.holding(token) is None and _is_cue(token, cues):
            return token
        if token.is_sent_start:
            break
    return None


def _opens_host(inner: QuotedTokens, outer: QuotedTokens) -> bool:
    """The inner quotation opens the outer one ('"\'We are out,\' the nurse told us ...'), or a sentence
    inside it."""
    start = inner.open.i if inner.open is not None else inner.span.start
    return start <= outer.span.start or inner.span.doc[start].is_sent_start


def _host_addressee(cue: Token, outer_speaker: Speaker | None, inner: QuotedTokens) -> ActorMention | None:
    """ "told me": the outer speaker, when an actor is known for them."""
    if outer_speaker is None or outer_speaker.actor is None:
        return None
    for child in cue.children:
        if child.dep_ in ("dobj", "dative") and child.lower_ in ("me", "us") and not inner.inside(child):
            return ActorMention(child.text, child.idx, child.idx + len(child.text), outer_speaker.actor)
    return None


def _same_person(one: Speaker | None, other: Speaker | None) -> bool:
    if one is None or other is None:
        return False
    return _same(one, other) or (one.name is not None and one.name == other.name)


def _bare(pronoun: Token) -> Speaker:
    """A pronoun that is all the text says about the speaker."""
    start, end = pronoun.idx, pronoun.idx + len(pronoun.text)
    return Speaker(pronoun.text, start, end, "person", None, None, SpanRecord(start, end), pronoun.text)


def host_of(quote: QuotedTokens, others: Quotations) -> QuotedTokens | None:
    """The quotation whose clause a fragment belongs to: ``X "explained ..." as well as "other concerns"``
    (the second fragment hangs from the first one's verb). None when the fragment hangs from no other."""
    for root in _roots(quote):
        token = root
        for _ in range(_MAX_CLIMB):
            if token.head.i == token.i:
                break
            token = token.head
            other = others.holding(token)
            if other is not None and other is not quote:
                return other
    return None


# -- where the cue is ----------------------------------------------------------------------------------
def _roots(quote: QuotedTokens) -> tuple[Token, ...]:
    return quote.roots


def _own_predicate(quote: QuotedTokens, finder: SpeakerFinder) -> tuple[Token, Token] | None:
    """A verb inside the marks and its subject before the opening mark, in the same sentence."""
    if quote.open is None:
        return None
    sentence_start = finder.sentence(quote.open.i)[0]
    for root in _roots(quote):
        if root.pos_ not in ("VERB", "AUX"):
            continue
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i < quote.open.i and child.i >= sentence_start:
                return root, child
    return None


def _speaks(verb: Token, cues: CueWords) -> bool:
    """A verb of saying ("explained", "warned") or a phrase of one ("made it clear"): its subject is the
    speaker. Any other ("Russia "will pay a heavy price," he said") leaves the words to the cue's speaker."""
    if _is_cue(verb, cues):
        return True
    complements = cues.light.get(verb.lemma_.lower(), ())
    return any(child.lemma_.lower() in complements for child in verb.children)


def _is_cue(token: Token, cues: CueWords) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in cues.verbs and not reduced_participle(token)


def _governing_cue(quote: QuotedTokens, cues: CueWords, others: Quotations) -> tuple[Token, str] | None:
    """The first cue verb above the quotation in the parse, outside every quotation."""
    for root in _roots(quote):
        token = root
        for _ in range(_MAX_CLIMB):
            if token.head.i == token.i:
                break
            token = token.head
            if others.holding(token) is not None:
                continue
            if _is_cue(token, cues):
                return token, _cue_text(token, quote)
    return None


def _nearby_cue(quote: QuotedTokens, finder: SpeakerFinder, others: Quotations) -> tuple[Token, str] | None:
    """The nearest cue in the sentence (and a few words), outside every quotation: after the closing mark,
    then before the opening mark."""
    doc = quote.span.doc
    if quote.close is not None and quote.close.i + 1 < len(doc):
        end = min(finder.sentence(quote.close.i + 1)[1], quote.close.i + 1 + _NEAR)
        for token in doc[quote.close.i + 1 : end]:
            if token.is_space and "\n" in token.text:
                break
            found = _cue_at(token, finder.cues, others)
            if found is not None:
                return found
    if quote.open is None:
        return None
    before = quote.open.i
    sentence_start = finder.sentence(before)[0]
    colon = _previous_word(doc, before)
    if sentence_start == before and colon is not None and colon.text == ":":
        before, sentence_start = colon.i, finder.sentence(colon.i)[0]  # 'X told reporters:\n\n"..."'
    for token in reversed(doc[max(sentence_start, before - _NEAR) : before]):
        found = _cue_at(token, finder.cues, others)
        if found is not None:
            return found
    return None


def _previous_word(doc: Doc, index: int) -> Token | None:
    index -= 1
    while index >= 0 and doc[index].is_space:
        index -= 1
    return doc[index] if index >= 0 else None


def _cue_at(token: Token, cues: CueWords, others: Quotations) -> tuple[Token, str] | None:
    if others.holding(token) is not None:
        return None
    if _is_cue(token, cues):
        return token, _cue_text(token, None)
    phrase = _phrase_at(token, cues)
    if phrase is not None:
        return token, phrase
    return None


def _phrase_at(token: Token, cues: CueWords) -> str | None:
    doc = token.doc
    for words in cues.phrases:
        if token.i + len(words) <= len(doc) and all(
            doc[token.i + k].lower_ == word for k, word in enumerate(words)
        ):
            return " ".join(words)
    return None


def _phrase_texts(cues: CueWords) -> set[str]:
    return {" ".join(words) for words in cues.phrases}


def _phrase_object(token: Token, length: int) -> Token | None:
    """The object of a cue phrase of ``length`` words starting at ``token`` ("according to X", "in the
    words of X", "quoting X"): the object of its last word, else the first noun-phrase head after it."""
    doc = token.doc
    last = token.i + length - 1
    if last >= len(doc):
        return None
    for child in doc[last].children:
        if child.dep_ in ("pobj", "dobj"):
            return child
    end = min(len(doc), last + 8)
    for follower in doc[last + 1 : end]:  # the head: a noun whose own head is not a later word nearby
        if follower.pos_ in ("NOUN", "PROPN") and not follower.i < follower.head.i < end:
            return follower
    return None


def _cue_text(verb: Token, quote: QuotedTokens | None) -> str:
    """The cue as written: the verb with its particle ("pointed out") or the preposition that takes the
    quotation ("spoke of")."""
    words = [verb]
    for child in verb.children:
        if child.dep_ == "prt" or (
            quote is not None
            and child.dep_ == "prep"
            and child.lower_ in _CONTENT_PREPS
            and any(quote.inside(t) for t in child.children)
        ):
            words.append(child)
    return " ".join(t.text for t in sorted(words, key=lambda t: t.i))


# -- who -------------------------------------------------------------------------------------------------
def _outer_speaker(
    cue: Token, quote: QuotedTokens, finder: SpeakerFinder, speaker: Speaker | None
) -> Speaker | None:
    """The speaker of a cue verb above the speaker's own cue: who relays the words."""
    after = quote.close.i if quote.close is not None else quote.span.end
    for token in relaying_heads(cue):
        if quote.inside(token) or not _is_cue(token, finder.cues):
            continue
        outer = finder.speaker(finder.subject_of(token, after=after))
        if outer is not None and not _same(outer, speaker):
            return outer
    return None


def _principal(
    quote: QuotedTokens, finder: SpeakerFinder, speaker: Speaker | None, reported_by: Speaker | None
) -> tuple[Speaker | None, Speaker | None]:
    """An institution's statement that opens "<person> <cue> ...": the person's words, relayed."""
    if speaker is None or speaker.actor is None or finder.is_person(speaker.actor):
        return speaker, reported_by
    for root in _roots(quote):
        if not _is_cue(root, finder.cues):
            continue
        subject = finder.subject_of(root)
        if subject is None or not quote.inside(subject):
            continue
        found = finder.actors.at(subject)
        if found and finder.is_person(found[0].actor) and found[0].actor.country == speaker.actor.country:
            return Speaker.of(found[0], "person"), speaker
    return speaker, reported_by


_same = same_speaker


# -- kind ------------------------------------------------------------------------------------------------
def _set_off(quote: QuotedTokens, cue: Token | None, finder: SpeakerFinder) -> bool:
    """Direct: the quotation opens its sentence, follows punctuation, or is the whole object of its cue
    ("said: "...", "spoke of "...""); mixed: it is run into the narrator's own clause."""
    if quote.open is None:
        return True
    doc = quote.span.doc
    sentence_start = finder.sentence(quote.open.i)[0]
    index = quote.open.i - 1
    while index >= sentence_start and doc[index].is_space:
        index -= 1
    if index < sentence_start:
        return True  # the quotation opens its sentence
    previous = doc[index]
    if previous.text in _SET_OFF:
        return True
    if cue is None:
        return False
    return previous.i == cue.i or (previous.head.i == cue.i and previous.lower_ in _CONTENT_PREPS)
