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
    "Article",
    "CodedArticle",
    "Evidence",
    "Event",
    "Rejection",
    "Span",
    "STATUSES",
]

#: Event statuses, from most to least factual.
STATUSES = ("occurred", "planned", "cancelled", "denied", "hypothetical", "negated")


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
    """An actor as named at one place in the text."""

    text: str
    start: int
    end: int
    actor: Actor

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.actor.name,
            "code": self.actor.code,
            "country": self.actor.country,
            "sector": self.actor.sector,
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
    location: dict[str, Any] | None = None
    mentions: tuple[Evidence, ...] = field(default_factory=tuple)

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
            "location": self.location,
            "mentions": max(1, len(self.mentions)),
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
    quotes: tuple[dict[str, Any], ...] = ()
    times: tuple[dict[str, Any], ...] = ()
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
            "quotes": list(self.quotes),
            "times": list(self.times),
            "error": self.error.to_dict() if self.error else None,
        }
