"""Records to rows and rows back to the public JSON shape (``Event.to_dict()`` plus ``article_id``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from ..records import ActorMention, Article, CodedArticle, Event, Evidence, Place, Quote, Rejection
from ..timex.values import value_range
from .sql import ARTICLE_COLUMNS, EVENT_COLUMNS, QUOTE_COLUMNS

__all__ = [
    "article_dict",
    "article_row",
    "article_summary",
    "event_day",
    "event_dict",
    "event_row",
    "fingerprint",
    "location_values",
    "mention_dict",
    "mention_rows",
    "quote_dict",
    "quote_rows",
    "quote_values",
    "rejection_row",
]

_ACTOR_KEYS = ("text", "name", "code", "country", "sector", "start", "end", "country_source")
_EVIDENCE_KEYS = ("sentence", "start", "end", "trigger", "trigger_start", "trigger_end", "rule")


def fingerprint(article: Article, coded: CodedArticle) -> str:
    """A digest of everything the store keeps of one coded article: equal digests, nothing to write."""
    payload = {"coded": coded.to_dict(), "text": article.text, "language": article.language}
    data = json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()


def article_row(article: Article, *, digest: str, added_at: str) -> tuple[Any, ...]:
    values = {
        "id": article.id,
        "title": article.title,
        "text": article.text,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "source": article.source,
        "language": article.language,
        "fingerprint": digest,
        "added_at": added_at,
    }
    return tuple(values[column] for column in ARTICLE_COLUMNS)


def article_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """An ``articles`` row as ``Article.to_dict()`` plus ``text``, ``language`` and ``added_at``."""
    keys = ("id", "title", "published", "url", "source", "text", "language", "added_at")
    return {key: row[key] for key in keys}


def article_summary(row: Mapping[str, Any]) -> dict[str, Any]:
    """An article listing row: ``Article.to_dict()`` plus ``added_at``, ``event_count``, ``quote_count``."""
    keys = ("id", "title", "published", "url", "source", "added_at")
    summary = {key: row[key] for key in keys}
    summary.update(event_count=int(row["event_count"]), quote_count=int(row["quote_count"]))
    return summary


def event_day(date: str | None, published: dt.date | str | None) -> str | None:
    """The ISO day an event is counted on: the first day of its TIMEX3 date, else the publication day."""
    covered = value_range(date)
    if covered is not None:
        return covered[0].isoformat()
    if isinstance(published, dt.date):
        return published.isoformat()
    day = value_range(published) if published else None
    return None if day is None else day[0].isoformat()


def location_values(place: Place | None) -> dict[str, Any]:
    """The ``location_*`` columns of a place (the ``location`` JSON keeps the whole Place)."""
    if place is None:
        return dict.fromkeys(("location_name", "location_country", "location_lat", "location_lon"))
    return {
        "location_name": place.name,
        "location_country": place.country,
        "location_lat": None if place.lat is None else float(place.lat),
        "location_lon": None if place.lon is None else float(place.lon),
    }


def event_row(
    event: Event,
    *,
    article_id: str,
    published: dt.date | str | None = None,
    link_names: str | None = None,
    article_day: str | None = None,
) -> tuple[Any, ...]:
    """One ``events`` row, in :data:`EVENT_COLUMNS` order; ``published`` is the article's day; ``link_names``
    and ``article_day`` what linking reads of the article (:mod:`detente.analysis.features`)."""
    values: dict[str, Any] = {
        "id": event.id,
        "article_id": article_id,
        "link_names": link_names,
        "article_day": article_day,
    }
    values.update(_actor_values("source", event.source))
    values.update(_actor_values("target", event.target))
    values.update(
        reciprocal=1 if event.reciprocal else 0,
        cameo=event.cameo,
        cameo_root=event.cameo[:2],
        cameo_label=event.cameo_label,
        goldstein=float(event.goldstein),
        quad_class=event.quad_class,
        plover=event.plover,
        plover_mode=event.plover_mode,
        status=event.status,
        date=event.date,
        date_text=event.date_text,
        date_precision=event.date_precision,
        date_source=event.date_source,
        location=_dump_json(event.location.to_dict()) if event.location else None,
        mention_count=max(1, len(event.mentions)),
        day=event_day(event.date, published),
        confidence=None if event.confidence is None else float(event.confidence),
    )
    values.update(location_values(event.location))
    values.update({f"evidence_{key}": value for key, value in event.evidence.to_dict().items()})
    return tuple(values[column] for column in EVENT_COLUMNS)


def event_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """An ``events`` row in the shape of ``Event.to_dict()``, plus ``article_id``, ``day`` and, when the row
    has them, ``article_title``, ``article_published``, ``article_url`` and ``article_source``."""
    location = row["location"]
    data = {
        "id": row["id"],
        "source": _actor_dict(row, "source"),
        "target": _actor_dict(row, "target"),
        "reciprocal": bool(row["reciprocal"]),
        "cameo": row["cameo"],
        "cameo_label": row["cameo_label"],
        "goldstein": row["goldstein"],
        "quad_class": row["quad_class"],
        "plover": row["plover"],
        "plover_mode": row["plover_mode"],
        "status": row["status"],
        "date": row["date"],
        "date_text": row["date_text"],
        "date_precision": row["date_precision"],
        "date_source": row["date_source"],
        "location": None if location is None else json.loads(location),
        "mentions": row["mention_count"],
        "confidence": row["confidence"],
        "evidence": {key: row[f"evidence_{key}"] for key in _EVIDENCE_KEYS},
        "article_id": row["article_id"],
        "day": row["day"],
    }
    for key in ("article_title", "article_published", "article_url", "article_source"):
        if key in row:
            data[key] = row[key]
    return data


def mention_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """A ``mentions`` row as ``Evidence.to_dict()``."""
    return {key: row[key] for key in _EVIDENCE_KEYS}


def mention_rows(event: Event, *, article_id: str) -> list[tuple[Any, ...]]:
    """``mentions`` rows for an event: its mentions, or its evidence when it has none."""
    mentions = event.mentions or (event.evidence,)
    return [(event.id, article_id, *_evidence_values(mention)) for mention in mentions]


def quote_rows(coded: CodedArticle, *, article_id: str) -> list[tuple[Any, ...]]:
    """``quotes`` rows: a quote's own ``id`` when it has one, else a digest of the article id and payload."""
    rows = []
    for quote in coded.quotes:
        payload = _dump_json(quote.to_dict())
        quote_id = quote.id
        if not quote_id:
            digest = hashlib.sha256(f"{article_id}\n{payload}".encode("utf-8", "surrogatepass"))
            quote_id = digest.hexdigest()[:32]
        values = {"id": quote_id, "article_id": article_id, "payload": payload, **quote_values(quote)}
        rows.append(tuple(values[column] for column in QUOTE_COLUMNS))
    return rows


def quote_values(quote: Quote | Mapping[str, Any]) -> dict[str, Any]:
    """The searchable ``quotes`` columns of a quote (or of its ``to_dict()``)."""
    data = quote.to_dict() if isinstance(quote, Quote) else quote
    speaker = data.get("speaker") or {}
    return {
        "speaker_code": speaker.get("code"),
        "speaker_name": speaker.get("name"),
        "speaker_text": speaker.get("text"),
        "speaker_country": speaker.get("country"),
        "kind": data.get("kind"),
        "text": data.get("text"),
        '"start"': data.get("start"),
        "speaker_type": speaker.get("type"),
    }


def quote_dict(row: Mapping[str, Any]) -> dict[str, Any]:
    """A ``quotes`` row as ``Quote.to_dict()`` plus ``article_id``."""
    return {**json.loads(row["payload"]), "article_id": row["article_id"]}


def rejection_row(rejection: Rejection, *, at: str) -> tuple[Any, ...]:
    return (rejection.origin, rejection.code, rejection.message, rejection.article_id, at)


def _actor_values(side: str, mention: ActorMention | None) -> dict[str, Any]:
    values = mention.to_dict() if mention else dict.fromkeys(_ACTOR_KEYS)
    return {f"{side}_{key}": values[key] for key in _ACTOR_KEYS}


def _actor_dict(row: Mapping[str, Any], side: str) -> dict[str, Any] | None:
    if row[f"{side}_code"] is None:
        return None
    return {key: row[f"{side}_{key}"] for key in _ACTOR_KEYS}


def _evidence_values(evidence: Evidence) -> tuple[Any, ...]:
    values = evidence.to_dict()
    return tuple(values[key] for key in _EVIDENCE_KEYS)


def _dump_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, allow_nan=False)
