"""Record builders for the event store tests (records are built by hand, no NLP).

A uniquely named module (not conftest) so that other stages' test helpers cannot shadow it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from detente.records import (
    Actor,
    ActorMention,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Place,
    Quote,
    Rejection,
)

SENTENCE = "Washington praised Beijing on Tuesday."


def mention(code: str, *, text: str | None = None, start: int = 0) -> ActorMention:
    """An actor mention whose country is the first three letters of ``code``."""
    text = text if text is not None else code.title()
    return ActorMention(
        text=text,
        start=start,
        end=start + len(text),
        actor=Actor(code=code, country=code[:3], sector=code[3:] or None, name=f"{code} name"),
    )


def evidence(*, sentence: str = SENTENCE, start: int = 0, trigger: str = "praised") -> Evidence:
    return Evidence(
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        trigger=trigger,
        rule="test-rule",
        trigger_start=start + 11,
        trigger_end=start + 18,
    )


def evidence_at(sentence: str, trigger: str) -> Evidence:
    """Evidence whose sentence is the whole text and whose trigger is the first ``trigger`` in it."""
    start = sentence.index(trigger)
    return Evidence(
        sentence=sentence,
        start=0,
        end=len(sentence),
        trigger=trigger,
        rule="test-rule",
        trigger_start=start,
        trigger_end=start + len(trigger),
    )


def event(
    event_id: str,
    source: str | None = "USAGOV",
    target: str | None = "CHNGOV",
    *,
    cameo: str = "051",
    date: str | None = None,
    status: str = "occurred",
    mentions: tuple[Evidence, ...] = (),
    **fields: Any,
) -> Event:
    values: dict[str, Any] = {
        "id": event_id,
        "source": mention(source) if source else None,
        "target": mention(target, start=19) if target else None,
        "cameo": cameo,
        "cameo_label": f"label {cameo}",
        "goldstein": 3.5,
        "quad_class": 1,
        "plover": "AGREE",
        "plover_mode": None,
        "status": status,
        "evidence": evidence(),
        "date": date,
        "date_text": "Tuesday" if date else None,
        "location": Place(name="Geneva", country="CHE", feature="city", lat=46.2, lon=6.15),
        "mentions": mentions,
    }
    values.update(fields)
    return Event(**values)


def article(
    article_id: str, *, published: dt.date | None = dt.date(2024, 3, 1), text: str = SENTENCE
) -> Article:
    return Article(
        id=article_id,
        text=text,
        title=f"Title {article_id}",
        published=published,
        url=f"https://example.org/{article_id}",
        source="example.org",
    )


def coded(article_id: str, *events: Event, **article_fields: Any) -> CodedArticle:
    quotes = (
        Quote(id=f"{article_id}-q1", text="We welcome it.", start=0, end=14, kind="direct", speaker=None),
    )
    return CodedArticle(article=article(article_id, **article_fields), events=events, quotes=quotes)


def rejected(code: str = "empty", *, origin: str = "input.jsonl:3") -> CodedArticle:
    return CodedArticle(
        article=None, error=Rejection(code=code, message=f"{code} item", origin=origin, article_id=None)
    )
