"""A validated event query: the filters of :meth:`detente.store.base.EventStore.query_events`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import ConfigError
from ..records import STATUSES

__all__ = ["EventQuery"]


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters for events; ``None`` means "any". Build it with :meth:`build`, which checks every value.

    ``actor`` matches a CAMEO actor code or code prefix on either side ("USA" matches "USAGOV");
    ``country`` matches either side's country; ``dyad`` is (first, second), each matched as a country or
    code prefix, in either direction unless ``directed``; ``root`` is a CAMEO code prefix ("04", "042");
    dates are ISO days compared with the event's date, else the article's publication date.
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    directed: bool = False
    root: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    limit: int = 100
    offset: int = 0

    @classmethod
    def build(
        cls,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: str | None = None,
        directed: bool = False,
        root: str | None = None,
        status: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> EventQuery:
        """Check and normalize the filters; a bad value raises :class:`ConfigError`."""
        return cls(
            actor=_code(actor, "actor"),
            country=_code(country, "country"),
            dyad=_parse_dyad(dyad),
            directed=bool(directed),
            root=_root(root),
            status=_status(status),
            date_from=_iso_day(date_from, "date_from"),
            date_to=_iso_day(date_to, "date_to"),
            limit=_count(limit, "limit", minimum=1),
            offset=_count(offset, "offset", minimum=0),
        )


def _code(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    code = value.strip().upper()
    if not code:
        raise ConfigError(f"{name} must not be empty")
    return code


def _parse_dyad(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = value.split("-")
    if len(parts) != 2 or not all(part.strip() for part in parts):
        raise ConfigError(f"dyad must look like 'USA-CHN', got {value!r}")
    return parts[0].strip().upper(), parts[1].strip().upper()


def _root(value: str | None) -> str | None:
    if value is None:
        return None
    root = value.strip()
    if len(root) < 2 or not root.isdigit():
        raise ConfigError(f"root must be a CAMEO code or prefix of at least two digits, got {value!r}")
    return root


def _status(value: str | None) -> str | None:
    if value is not None and value not in STATUSES:
        raise ConfigError(f"status must be one of {', '.join(STATUSES)}, got {value!r}")
    return value


def _iso_day(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        raise ConfigError(f"{name} must be an ISO date (YYYY-MM-DD), got {value!r}") from None


def _count(value: int, name: str, *, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return value
