"""The one flat row every export format starts from: an event as the store gives it, as plain columns.

An event from :meth:`detente.store.EventStore.query_events` (``Event.to_dict()`` plus its article's fields)
becomes a dict of :data:`FLAT_COLUMNS`: text, numbers, booleans or None, no nesting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["FLAT_COLUMNS", "flat_row"]

_ACTOR_FIELDS = ("code", "name", "country", "sector")

#: The flat columns, in order.
FLAT_COLUMNS: tuple[str, ...] = (
    "id",
    "day",
    "date",
    "date_precision",
    "date_source",
    *(f"source_{key}" for key in _ACTOR_FIELDS),
    *(f"target_{key}" for key in _ACTOR_FIELDS),
    "reciprocal",
    "cameo",
    "cameo_label",
    "plover",
    "plover_mode",
    "goldstein",
    "quad_class",
    "status",
    "mentions",
    "location_name",
    "location_country",
    "location_admin1",
    "location_feature",
    "location_lat",
    "location_lon",
    "article_id",
    "article_title",
    "article_published",
    "url",
    "outlet",
    "evidence_sentence",
    "evidence_trigger",
    "evidence_rule",
    "confidence",
)


def flat_row(event: Mapping[str, Any]) -> dict[str, Any]:
    """The event's :data:`FLAT_COLUMNS` (a field the event lacks, such as ``confidence`` on older stores,
    is None)."""
    location = event.get("location") or {}
    evidence = event.get("evidence") or {}
    row: dict[str, Any] = {
        "id": event["id"],
        "day": event.get("day"),
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "date_source": event.get("date_source"),
    }
    for side in ("source", "target"):
        actor = event.get(side) or {}
        row.update({f"{side}_{key}": actor.get(key) for key in _ACTOR_FIELDS})
    row.update(
        reciprocal=bool(event.get("reciprocal")),
        cameo=event["cameo"],
        cameo_label=event.get("cameo_label"),
        plover=event.get("plover"),
        plover_mode=event.get("plover_mode"),
        goldstein=event.get("goldstein"),
        quad_class=event.get("quad_class"),
        status=event.get("status"),
        mentions=event.get("mentions"),
        location_name=location.get("name"),
        location_country=location.get("country"),
        location_admin1=location.get("admin1"),
        location_feature=location.get("feature"),
        location_lat=location.get("lat"),
        location_lon=location.get("lon"),
        article_id=event.get("article_id"),
        article_title=event.get("article_title"),
        article_published=event.get("article_published"),
        url=event.get("article_url"),
        outlet=event.get("article_source"),
        evidence_sentence=evidence.get("sentence"),
        evidence_trigger=evidence.get("trigger"),
        evidence_rule=evidence.get("rule"),
        confidence=event.get("confidence"),
    )
    return row
