"""Validated queries: the filters of :meth:`detente.store.base.EventStore.query_events` and ``query_quotes``.

The CLI and the API hand user strings to :meth:`EventQuery.build` / :meth:`QuoteQuery.build`, which check and
normalize every value (a bad one raises :class:`detente.errors.ConfigError`); the store only ever sees a
built query object.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..errors import ConfigError
from ..records import SPEAKER_TYPES, STATUSES

__all__ = ["MAX_LIMIT", "EventQuery", "QuoteQuery"]

#: The largest page a query may ask for.
MAX_LIMIT = 1000


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for events; ``None`` (or False) means "any". Build it with :meth:`build`, which checks them.

    ``actor`` matches a CAMEO actor code or code prefix on either side ("USA" matches "USAGOV");
    ``country`` (one or more countries) and ``sector`` match either side's country or sector; ``dyad``
    is (first, second), in either direction unless ``directed``: a three-letter side is a country, a
    longer one an actor code prefix ("USAGOV-CHN"); ``code`` holds CAMEO code prefixes ("04", "042"), any
    of which matches; ``plover`` is a PLOVER type; ``status`` one or more statuses; ``date_from`` and
    ``date_to`` are ISO days compared with the event's day (the first day of its date, else the article's
    publication day; events with neither are left out of date-filtered queries); ``text`` is a
    case-insensitive substring of the evidence sentence or of either actor's text or name; ``has_location``
    keeps events placed with coordinates (the map); ``min_confidence`` keeps events whose confidence is
    at least that (events without a confidence are left out); ``instances`` counts each event instance once
    (its representative report, :mod:`detente.analysis.instances`) instead of every report. Results come in
    day order (``descending``: newest first), events without a day last.
    """

    actor: str | None = None
    country: tuple[str, ...] | None = None
    sector: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    code: tuple[str, ...] | None = None
    plover: str | None = None
    quad_class: int | None = None
    status: tuple[str, ...] | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None
    article_id: str | None = None
    has_location: bool = False
    min_confidence: float | None = None
    limit: int = 100
    offset: int = 0
    descending: bool = False
    instances: bool = False

    @classmethod
    def build(
        cls,
        *,
        actor: str | None = None,
        country: str | Sequence[str] | None = None,
        sector: str | None = None,
        dyad: str | tuple[str, str] | None = None,
        directed: bool = False,
        code: str | Sequence[str] | None = None,
        root: str | Sequence[str] | None = None,
        plover: str | None = None,
        quad_class: int | str | None = None,
        status: str | Sequence[str] | None = None,
        date_from: str | dt.date | None = None,
        date_to: str | dt.date | None = None,
        text: str | None = None,
        article_id: str | None = None,
        has_location: bool = False,
        min_confidence: float | str | None = None,
        limit: int = 100,
        offset: int = 0,
        descending: bool = False,
        instances: bool = False,
    ) -> EventQuery:
        """Check and normalize the filters; a bad value raises :class:`ConfigError`.

        ``root`` is the former name of ``code`` and is still accepted (giving both is an error).
        ``country``, ``code`` and ``status`` take one value, several (a list), or several in one string
        separated by commas ("occurred,planned").
        """
        if code is not None and root is not None:
            raise ConfigError("give either code or root, not both")
        query = cls(
            actor=_code(actor, "actor"),
            country=_several(country, "country", _code),
            sector=_code(sector, "sector"),
            dyad=_parse_dyad(dyad),
            directed=bool(directed),
            code=_several(code if code is not None else root, "code" if root is None else "root", _cameo),
            plover=_code(plover, "plover"),
            quad_class=_quad_class(quad_class),
            status=_several(status, "status", _status),
            date_from=_iso_day(date_from, "date_from"),
            date_to=_iso_day(date_to, "date_to"),
            text=_text(text, "text"),
            article_id=_text(article_id, "article_id", strip=False),
            has_location=bool(has_location),
            min_confidence=_probability(min_confidence, "min_confidence"),
            limit=_count(limit, "limit", minimum=1, maximum=MAX_LIMIT),
            offset=_count(offset, "offset", minimum=0),
            descending=bool(descending),
            instances=bool(instances),
        )
        if query.date_from and query.date_to and query.date_from > query.date_to:
            raise ConfigError(f"date_from ({query.date_from}) is after date_to ({query.date_to})")
        return query


@dataclass(frozen=True, slots=True)
class QuoteQuery:
    """Filters for quotes; ``None`` means "any". Build it with :meth:`build`.

    ``speaker`` matches a speaker code prefix ("USA" matches "USAGOV") or a case-insensitive substring of
    the speaker's name or text; ``country`` is the speaker's country; ``speaker_type`` one or more speaker
    types (``detente.records.SPEAKER_TYPES``); ``text`` a case-insensitive substring of the quote.
    """

    speaker: str | None = None
    country: str | None = None
    speaker_type: tuple[str, ...] | None = None
    text: str | None = None
    article_id: str | None = None
    limit: int = 100
    offset: int = 0

    @classmethod
    def build(
        cls,
        *,
        speaker: str | None = None,
        country: str | None = None,
        text: str | None = None,
        article_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
        speaker_type: str | Sequence[str] | None = None,
    ) -> QuoteQuery:
        """Check and normalize the filters; a bad value raises :class:`ConfigError`."""
        return cls(
            speaker=_text(speaker, "speaker"),
            country=_code(country, "country"),
            speaker_type=_several(speaker_type, "speaker_type", _speaker_type),
            text=_text(text, "text"),
            article_id=_text(article_id, "article_id", strip=False),
            limit=_count(limit, "limit", minimum=1, maximum=MAX_LIMIT),
            offset=_count(offset, "offset", minimum=0),
        )


def _several(
    value: str | Sequence[str] | None, name: str, check: Callable[[str, str], str | None]
) -> tuple[str, ...] | None:
    """One or more values (a list, or one string separated by commas), each checked, without repeats."""
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    if not parts:
        return None
    checked: list[str] = []
    for part in parts:
        if not isinstance(part, str):
            raise ConfigError(f"{name} must be text, got {part!r}")
        item = check(part, name)
        if item is not None and item not in checked:
            checked.append(item)
    return tuple(checked) or None


def _code(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    code = _text(value, name)
    assert code is not None
    return code.upper()


def _text(value: str | None, name: str, *, strip: bool = True) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigError(f"{name} must be text, got {value!r}")
    text = value.strip() if strip else value
    if not text.strip():
        raise ConfigError(f"{name} must not be empty")
    if "\x00" in text:
        raise ConfigError(f"{name} must not contain NUL characters")
    return text


def _parse_dyad(value: str | tuple[str, str] | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = list(value) if isinstance(value, tuple) else str(value).split("-")
    if len(parts) != 2 or not all(isinstance(part, str) and part.strip() for part in parts):
        raise ConfigError(f"dyad must look like 'USA-CHN', got {value!r}")
    first, second = (_code(part, "dyad") for part in parts)
    assert first is not None and second is not None
    return first, second


def _cameo(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    code = str(value).strip()
    if len(code) < 2 or not code.isascii() or not code.isdigit():
        raise ConfigError(f"{name} must be a CAMEO code or prefix of at least two digits, got {value!r}")
    return code


def _quad_class(value: int | str | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip() in ("1", "2", "3", "4"):
        return int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return value
    raise ConfigError(f"quad_class must be 1, 2, 3 or 4, got {value!r}")


def _speaker_type(value: str, name: str = "speaker_type") -> str | None:
    kind = value.strip().lower()
    if kind not in SPEAKER_TYPES:
        raise ConfigError(f"{name} must be one of {', '.join(SPEAKER_TYPES)}, got {value!r}")
    return kind


def _status(value: str | None, name: str = "status") -> str | None:
    if value is not None:
        value = value.strip()
    if value is not None and value not in STATUSES:
        raise ConfigError(f"status must be one of {', '.join(STATUSES)}, got {value!r}")
    return value


def _probability(value: float | str | None, name: str) -> float | None:
    if value is None:
        return None
    try:
        number = float(value) if not isinstance(value, bool) else float("nan")
    except (TypeError, ValueError):
        number = float("nan")
    if not 0.0 <= number <= 1.0:  # also refuses NaN
        raise ConfigError(f"{name} must be a number between 0 and 1, got {value!r}")
    return number


def _iso_day(value: str | dt.date | None, name: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]).isoformat()
    except ValueError:
        raise ConfigError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _count(value: int, name: str, *, minimum: int, maximum: int | None = None) -> int:
    too_big = maximum is not None and isinstance(value, int) and value > maximum
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum or too_big:
        bound = f"between {minimum} and {maximum}" if maximum is not None else f">= {minimum}"
        raise ConfigError(f"{name} must be an integer {bound}, got {value!r}")
    return value
