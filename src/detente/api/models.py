"""The API's response models: what /openapi.json documents for every route (with examples).

The models are tolerant: fields a newer store adds to an event or a quote (``confidence``, an actor's
``country_source``, a speaker's details) pass through unchanged (``extra="allow"``), and every field a
record may lack is optional, so that adding a field to the records never breaks a response.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "ActorMentionOut",
    "ActorOut",
    "ArticleOut",
    "ArticleSummaryOut",
    "COUNT_DESCRIPTION",
    "DyadOut",
    "DyadPageOut",
    "EventOut",
    "AlertsOut",
    "HealthOut",
    "InstanceDetailOut",
    "InstanceDyadsOut",
    "InstanceOut",
    "InstanceSeriesOut",
    "PulseOut",
    "PageOut",
    "PeriodOut",
    "QuoteOut",
    "SeriesOut",
    "SpanOut",
    "WatchDeadLetterOut",
    "WatchOut",
    "WatchSourceOut",
    "WriteResultOut",
]

T = TypeVar("T")

#: What the ``count`` field of an aggregate says.
COUNT_DESCRIPTION = (
    "What ``events`` counts: instances (each real-world event once, however many reports tell of it; the "
    "default) or reports (every stored event)."
)


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorMentionOut(_Open):
    text: str | None = None
    name: str | None = None
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    start: int | None = None
    end: int | None = None


class EvidenceOut(_Open):
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    trigger: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    rule: str | None = None


class PlaceOut(_Open):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None


_EVENT_EXAMPLE = {
    "id": "d2eda9690f5c8bca",
    "source": {"text": "Antony Blinken", "name": "Antony Blinken", "code": "USAGOV", "country": "USA",
               "sector": "GOV", "start": 65, "end": 101},
    "target": {"text": "China", "name": "China", "code": "CHN", "country": "CHN", "sector": None,
               "start": 114, "end": 119},
    "reciprocal": False, "cameo": "042", "cameo_label": "Make a visit", "goldstein": 1.9, "quad_class": 1,
    "plover": "CONSULT", "plover_mode": "visit", "status": "planned", "date": "2023-W24-WE",
    "date_text": "this weekend", "date_precision": "weekend", "date_source": "text",
    "location": {"name": "China", "country": "CHN", "lat": 39.9, "lon": 116.4, "feature": "country"},
    "mentions": 3,
    "evidence": {"sentence": "US Secretary of State Antony Blinken is going to China this weekend ...",
                 "start": 65, "end": 272, "trigger": "going", "trigger_start": 105, "trigger_end": 110,
                 "rule": "verbs.tsv:148 go pobj.to:*"},
    "article_id": "cedb7bfaeaaba1a1", "day": "2023-06-17", "article_title": "Blinken will travel to China",
    "article_published": "2023-06-14", "article_url": "https://example.org/story", "article_source": "Wire",
}


class EventOut(_Open):
    """An event: ``Event.to_dict()`` plus its article's id, title, publication day, URL and outlet."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [_EVENT_EXAMPLE]})
    id: str
    source: ActorMentionOut | None = None
    target: ActorMentionOut | None = None
    reciprocal: bool = False
    cameo: str
    cameo_label: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    plover: str | None = None
    plover_mode: str | None = None
    status: str
    date: str | None = None
    date_text: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    location: PlaceOut | None = None
    mentions: int | None = None
    evidence: EvidenceOut | None = None
    article_id: str | None = None
    day: str | None = Field(None, description="The ISO day the event is counted on.")
    article_title: str | None = None
    article_published: str | None = None
    article_url: str | None = None
    article_source: str | None = None
    mention_list: list[EvidenceOut] | None = Field(None, description="Every report of it (one event only).")


class QuoteOut(_Open):
    """A quote: ``Quote.to_dict()`` plus ``article_id``."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"id": "2a34c101", "text": "China-US relations have faced new difficulties", "start": 909,
                 "end": 1043, "kind": "direct", "cue": "told", "article_id": "cedb7bfaeaaba1a1",
                 "speaker": {"text": "Qin Gang", "name": "Qin Gang", "code": "CHNGOV", "country": "CHN"}}
            ]
        },
    )
    id: str | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str | None = None
    speaker: ActorMentionOut | None = None
    cue: str | None = None
    addressee: ActorMentionOut | None = None
    reported_by: ActorMentionOut | None = None
    article_id: str | None = None


class ArticleSummaryOut(_Open):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"id": "cedb7bfaeaaba1a1", "title": "Blinken will travel to China", "published": "2023-06-14",
                 "url": None, "source": None, "added_at": "2024-01-01T00:00:00+00:00", "event_count": 7,
                 "quote_count": 3}
            ]
        },
    )
    id: str
    title: str | None = None
    published: str | None = None
    url: str | None = None
    source: str | None = None
    added_at: str | None = None
    event_count: int | None = None
    quote_count: int | None = None


class ArticleOut(ArticleSummaryOut):
    """One article: its fields, its cleaned ``text`` (every offset points into it), events and quotes."""

    text: str | None = None
    language: str | None = None
    events: list[EventOut] = []
    quotes: list[QuoteOut] = []


class ActorOut(_Open):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"code": "USAGOV", "country": "USA", "sector": "GOV", "name": "Joe Biden", "events": 12}
            ]
        },
    )
    code: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    events: int


class DyadOut(_Open):
    """An undirected country pair (``a`` <= ``b``; equal for a country's domestic events)."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"a": "CHN", "b": "USA", "events": 14, "goldstein_sum": 21.4, "goldstein_mean": 1.53,
                 "quad_counts": {"1": 9, "2": 1, "3": 3, "4": 1}}
            ]
        },
    )
    a: str
    b: str
    events: int
    goldstein_sum: float
    goldstein_mean: float
    quad_counts: dict[str, int]


class PeriodOut(_Open):
    """One period of a series; ``events`` 0 (and ``goldstein_mean`` null) where nothing happened."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"period": "2023-06", "start": "2023-06-01", "end": "2023-06-30", "events": 5,
                 "quad_counts": {"1": 4, "2": 0, "3": 1, "4": 0}, "goldstein_sum": 6.2,
                 "goldstein_mean": 1.24}
            ]
        },
    )
    period: str
    start: str
    end: str
    events: int
    quad_counts: dict[str, int]
    goldstein_sum: float
    goldstein_mean: float | None = None


class SpanOut(PeriodOut):
    """Events dated only to a period longer than the series' interval (a month or a year in a series by
    day), counted here over the whole of that period instead of on its first day."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"period": "2023-06", "precision": "month", "start": "2023-06-01", "end": "2023-06-30",
                 "events": 2, "quad_counts": {"1": 1, "2": 0, "3": 1, "4": 0}, "goldstein_sum": -1.0,
                 "goldstein_mean": -0.5}
            ]
        },
    )
    precision: str = Field(description="What the date was given to: week, month, quarter, season, year...")


class SeriesOut(_Open):
    interval: str
    count: str = Field("instances", description=COUNT_DESCRIPTION)
    basis: str = Field(
        "event", description="event: counted on the event's date; published: on its article's publication day"
    )
    a: str | None = None
    b: str | None = None
    directed: bool | None = None
    date_from: str | None = Field(None, description="The first day of the series' range.")
    date_to: str | None = Field(None, description="The last day of the series' range.")
    items: list[PeriodOut]
    spans: list[SpanOut] = Field(
        default_factory=list,
        description="Events dated more coarsely than the interval, over their whole period; not in items.",
    )


class PageOut(_Open, Generic[T]):
    """A page: ``total`` is how many items match (null only where it is not known: see the route)."""

    items: list[T]
    total: int | None
    limit: int
    offset: int


class DyadPageOut(PageOut[DyadOut]):
    """A page of pairs; ``count`` says whether ``events`` counts instances or reports."""

    count: str = Field("instances", description=COUNT_DESCRIPTION)


class HealthOut(_Open):
    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"status": "ok", "version": "0.1.0", "writable": False, "articles": 9, "events": 42,
                 "instances": 37}
            ]
        },
    )
    status: str
    version: str
    writable: bool
    articles: int
    events: int = Field(description="Stored events (reports).")
    instances: int | None = Field(
        None, description="The event instances they make (an event not yet linked counts as its own)."
    )


class WatchSourceOut(_Open):
    """One source of ``detente watch``: its last successful poll, how long ago that was (``lag_seconds``),
    consecutive failed polls (``errors``), the last error, the next poll and its pages by status."""

    id: str
    kind: str
    interval_seconds: float | None = None
    last_success: str | None = None
    lag_seconds: float | None = None
    errors: int = 0
    last_error: str | None = None
    next_poll: str | None = None
    pages: dict[str, int] = Field(default_factory=dict)


class WatchDeadLetterOut(_Open):
    """A page ``detente watch`` gave up on, and why."""

    url: str
    source_id: str | None = None
    attempts: int = 0
    error_code: str | None = None
    last_error: str | None = None
    updated_at: str | None = None


_WATCH_EXAMPLE = {
    "watching": True,
    "sources": [
        {
            "id": "wire",
            "kind": "feed",
            "interval_seconds": 900,
            "last_success": "2026-05-04T10:15:00.000000+00:00",
            "lag_seconds": 42.0,
            "errors": 0,
            "last_error": None,
            "next_poll": "2026-05-04T10:30:00.000000+00:00",
            "pages": {"done": 12, "queued": 3, "dead": 1},
        }
    ],
    "queue": {"done": 12, "queued": 3, "dead": 1},
    "dead_letters": [
        {
            "url": "https://news.example/gone",
            "source_id": "wire",
            "attempts": 1,
            "error_code": "http_404",
            "last_error": "HTTP 404",
            "updated_at": "2026-05-04T10:15:01.000000+00:00",
        }
    ],
}


class WatchOut(_Open):
    """What ``detente status --format json`` prints: sources, the fetch queue by status, the newest dead
    letters. ``watching`` is false for a store that cannot hold the watch state (the rest is then empty)."""

    model_config = ConfigDict(extra="allow", json_schema_extra={"examples": [_WATCH_EXAMPLE]})
    watching: bool
    sources: list[WatchSourceOut]
    queue: dict[str, int]
    dead_letters: list[WatchDeadLetterOut]


class WriteResultOut(_Open):
    items: list[dict[str, Any]]
    stored: int
    unchanged: int
    rejected: int


class InstanceOut(_Open):
    """One real-world event and how it was reported: counts over its reports, and its ``representative``
    report (the earliest) as /api/events gives it."""

    model_config = ConfigDict(
        extra="allow",
        json_schema_extra={
            "examples": [
                {"id": "d2eda9690f5c8bca", "cameo": "042", "quad_class": 1, "status": "planned",
                 "day": "2023-06-17", "num_reports": 4, "num_mentions": 6, "num_articles": 3,
                 "num_sources": 4, "first_report": "2023-06-14", "last_report": "2023-06-16",
                 "outlets": ["Example Wire", "example.org"], "representative": {"id": "d2eda9690f5c8bca"}}
            ]
        },
    )
    id: str
    num_reports: int | None = None
    num_mentions: int | None = None
    num_articles: int | None = None
    num_sources: int | None = None
    first_report: str | None = None
    last_report: str | None = None
    outlets: list[str] | None = None
    representative: EventOut | None = None


class InstanceDetailOut(InstanceOut):
    """An instance with every report (``reports``: each event with its article, outlet and mentions) and the
    instances it is ``related`` to (a plan and what came of it)."""

    reports: list[dict[str, Any]] = Field(default_factory=list)
    related: dict[str, list[str]] = Field(
        default_factory=dict,
        description="planned: the plans that announced it; occurred: what its plans became",
    )


class InstanceSeriesOut(_Open):
    interval: str
    count: str = Field(description=COUNT_DESCRIPTION)
    items: list[PeriodOut]


class InstanceDyadsOut(_Open):
    count: str = Field(description=COUNT_DESCRIPTION)
    items: list[DyadOut]
    total: int
    limit: int
    offset: int


class PulseOut(_Open):
    """A pair's pulse: per period, ``instances``, ``quad_counts``, ``goldstein_mean``, ``conflict`` and
    ``conflict_share``."""

    a: str
    b: str
    interval: str
    count: str
    items: list[dict[str, Any]]


class AlertsOut(_Open):
    """Escalation alerts, newest first: periods whose conflict share has a binomial z of 3 or more against
    the pair's 8 preceding periods."""

    interval: str
    items: list[dict[str, Any]]
    total: int
