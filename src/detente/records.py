"""The public records that flow between detente's stages.

Article → (spaCy Doc) → Event / Quote → CodedArticle → store row → API.
Every record is a frozen, slotted dataclass with ``to_dict()`` giving the one documented JSON shape
(see README, "Output"). Offsets are character offsets into ``Article.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Actor",
    "ActorMention",
    "COUNTRY_SOURCES",
    "Article",
    "CodedArticle",
    "DATE_SOURCES",
    "Evidence",
    "Event",
    "Place",
    "QUOTE_KINDS",
    "Quote",
    "Rejection",
    "SPEAKER_TYPES",
    "Span",
    "Speaker",
    "STATUSES",
    "TIMEX_TYPES",
    "TimeExpression",
]

#: Event statuses, from most to least factual.
STATUSES = ("occurred", "planned", "cancelled", "denied", "hypothetical", "negated")
#: Where an event's date came from: an expression governing its clause, the reference time of its sentence
#: or paragraph (the story's "now" at that point), the article's publication date, or, for an article without
#: one, the date of its dateline ("SAN FRANCISCO, Nov 15 -").
DATE_SOURCES = ("text", "reference", "published", "dateline")
#: Where an actor mention's country came from (:attr:`ActorMention.country_source`), in the order the resolver
#: tries them for a generic agent or a title: the mention's own modifiers ("Peruvian police", "police of
#: Peru"); the place of its clause ("protesters in Arequipa", "a spokesman said in Lima"); another country the
#: sentence names or an earlier mention the phrase refers back to ("text"); the article's dateline; the
#: story's main country.
COUNTRY_SOURCES = ("modifier", "place", "text", "dateline", "story")
#: TIMEX3 expression types.
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
#: Quote kinds: quotation marks around the whole statement, around part of it, or none (reported speech).
QUOTE_KINDS = ("direct", "mixed", "indirect")
#: What kind of speaker a quote's speaker is.
SPEAKER_TYPES = ("person", "organization", "media", "document", "group", "unknown")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of an article's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned news article.

    ``text`` is the cleaned text that every offset points into: the headline (when there is one) as the
    first paragraph, then the body paragraphs, separated by blank lines. ``headings`` are the spans of the
    headline and of sub-headings inside the body (lines without final punctuation): no events or quotes
    are coded from them.
    """

    id: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    source: str | None = None
    language: str = "en"
    paragraphs: tuple[Span, ...] = ()
    headings: tuple[Span, ...] = ()
    origin: str | None = None  # where it was read from (path, path:line), for messages

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A political actor in CAMEO style: ``code`` = country (ISO alpha-3 or IGO/NGO/IMG…) + sector."""

    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor as named at one place in the text.

    ``country_source`` says where the actor's country came from when the words that name the actor do not
    fix it by themselves (a generic agent such as "police", a title such as "the ministry"): one of
    :data:`COUNTRY_SOURCES`; None for a named actor whose country is the actor table's ("China", "the
    Kremlin", "NATO", "Qin Gang") and for an actor without a country.
    """

    text: str
    start: int
    end: int
    actor: Actor
    country_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.actor.name,
            "code": self.actor.code,
            "country": self.actor.country,
            "sector": self.actor.sector,
            "country_source": self.country_source,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why an event was coded: the sentence, its offsets, the trigger words and the rule."""

    sentence: str
    start: int
    end: int
    trigger: str
    rule: str
    trigger_start: int = -1
    trigger_end: int = -1

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
            "trigger_start": self.trigger_start,
            "trigger_end": self.trigger_end,
            "rule": self.rule,
        }


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalized as TIMEX3.

    ``value`` follows TIMEX3: ``2023-06-14``, ``2023-06``, ``2023-W24-WE``, ``2022-Q3``, ``2023-SU``, ``P3Y``,
    ``XXXX-WXX-3``, ``PRESENT_REF``. ``precision`` is the unit the value is exact to (``day``, ``week``,
    ``weekend``, ``month``, ``quarter``, ``season``, ``year``, ``decade``, ``century``, ``time``, or None for
    durations and sets). ``anchor`` is the ISO day it was resolved against (publication date or the
    narrative's reference time), None when the expression is absolute.
    """

    text: str
    start: int
    end: int
    type: str
    value: str
    precision: str | None = None
    anchor: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: a gazetteer entry and the words in the text that named it.

    ``feature`` is the kind of place: ``country``, ``city``, ``admin1``, ``region``, ``sea``, ``territory``.
    ``country`` is ISO alpha-3 (None for seas and regions that span countries). ``text``/``start``/``end``
    point at the naming words; for a visit's default host country they are the host's mention.
    ``lat``/``lon`` are the place's point; for an area (``country``, ``admin1``, ``region``, ``sea``,
    ``territory``) a representative point of the area, not a place where the event was (a country's is
    near its middle, never its capital's). ``source`` says how the place was found: ``text`` (the event's
    own words), ``reference`` (a meeting or "there" referred back to), ``host`` (a visit's host country),
    ``carried`` (the story's scene set by an earlier sentence, for a physical event whose sentence names no
    place), ``dateline`` (the article's dateline city, for a domestic event whose text names no place);
    ``reason`` says why this place was chosen among those of the same name.
    """

    name: str
    country: str | None
    feature: str
    lat: float | None = None
    lon: float | None = None
    admin1: str | None = None
    text: str | None = None
    start: int = -1
    end: int = -1
    source: str = "text"
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "admin1": self.admin1,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "source": self.source,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who spoke, as the text names them, whether or not the actor tables know them.

    ``text``/``start``/``end`` are the words that name the speaker best (the full name with its title and
    apposition, "Sen. Ada Brooks, a Democrat from Ohio"; for a pronoun the earlier mention it resolves to).
    ``mention`` is the words that stand as the speaker at the attribution itself ("she", "the anchor").
    ``actor`` is the resolved actor (a bonus: None when no table knows the speaker); ``name`` the person's or
    body's name when the text gives one. ``type`` is one of :data:`SPEAKER_TYPES`.
    """

    text: str
    start: int
    end: int
    type: str = "unknown"
    actor: Actor | None = None
    name: str | None = None
    mention: Span | None = None
    mention_text: str | None = None
    country_source: str | None = None  # as on ActorMention: where a resolved actor's country came from

    @classmethod
    def of(cls, mention: ActorMention, type: str, at: tuple[str, int, int] | None = None) -> Speaker:
        """A speaker from an actor mention; ``at`` the words at the attribution (default: the mention)."""
        text, start, end = at or (mention.text, mention.start, mention.end)
        return cls(
            mention.text,
            mention.start,
            mention.end,
            type,
            mention.actor,
            mention.actor.name,
            Span(start, end),
            text,
            mention.country_source,
        )

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor
        mention = self.mention or Span(self.start, self.end)
        return {
            "text": self.text,
            "name": self.name if self.name is not None else (actor.name if actor else None),
            "code": actor.code if actor else None,
            "country": actor.country if actor else None,
            "sector": actor.sector if actor else None,
            "country_source": self.country_source,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "mention": {
                "text": self.mention_text if self.mention_text is not None else self.text,
                "start": mention.start,
                "end": mention.end,
            },
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: a quoted or reported statement, its speaker and how it was attributed.

    ``text``/``start``/``end`` are the statement without its quotation marks. ``cue`` is the attribution
    verb or phrase ("said", "told", "according to"). ``reported_by`` is the spokesman or outlet who relays
    the speaker's words ("Blinken spoke of '...', Matthew Miller said": speaker Blinken, reported by Miller).
    For a ``mixed`` quote the text is the whole reported clause and ``marked`` the spans inside the marks.
    """

    id: str
    text: str
    start: int
    end: int
    kind: str
    speaker: Speaker | None
    cue: str | None = None
    addressee: ActorMention | None = None
    reported_by: Speaker | None = None
    marked: tuple[Span, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "cue": self.cue,
            "addressee": self.addressee.to_dict() if self.addressee else None,
            "reported_by": self.reported_by.to_dict() if self.reported_by else None,
            "marked": [{"start": span.start, "end": span.end} for span in self.marked],
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded political event, possibly reported several times in its article."""

    id: str
    source: ActorMention | None
    target: ActorMention | None
    cameo: str
    cameo_label: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    status: str
    evidence: Evidence
    reciprocal: bool = False
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: Place | None = None
    mentions: tuple[Evidence, ...] = field(default_factory=tuple)
    #: How likely the event is right, in [0, 1] (see detente.learn.model: calibrated on the PLOVER dev
    #: records); None when it was coded without a scorer.
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "reciprocal": self.reciprocal,
            "cameo": self.cameo,
            "cameo_label": self.cameo_label,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "status": self.status,
            "date": self.date,
            "date_text": self.date_text,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
            "location": self.location.to_dict() if self.location else None,
            "mentions": max(1, len(self.mentions)),
            "confidence": self.confidence,
            "evidence": self.evidence.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input item detente could not take, with a stable ``code`` and a specific message."""

    code: str
    message: str
    origin: str
    article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message, "origin": self.origin}


@dataclass(frozen=True, slots=True)
class CodedArticle:
    """What detente made of one input item: its events, quotes and times, or the reason it was rejected."""

    article: Article | None
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    error: Rejection | None = None

    def to_dict(self) -> dict[str, Any]:
        article = (
            self.article.to_dict()
            if self.article
            else {
                "id": self.error.article_id if self.error else None,
                "title": None,
                "published": None,
                "url": None,
                "source": None,
            }
        )
        return {
            "article": article,
            "events": [event.to_dict() for event in self.events],
            "quotes": [quote.to_dict() for quote in self.quotes],
            "times": [time.to_dict() for time in self.times],
            "error": self.error.to_dict() if self.error else None,
        }
