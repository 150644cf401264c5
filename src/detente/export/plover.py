"""``plover``: a JSON array of records in the PLOVER data format (as the PLOVER gold standard records are
written): ``id``, ``date``, ``event`` (the PLOVER type), ``mode``, ``context``, ``source`` and ``target``
(lists of ``{"actorText", "code", "sector"}``, ``code`` the ISO alpha-3 country or the organization's code),
``eventText`` (the trigger words), ``text`` (the sentence), ``eventLoc``, ``language``, ``publication``,
``coder``, ``version``. detente's own fields ride along under ``detente`` (CAMEO code, status, Goldstein,
article id and URL). Events without a PLOVER type are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from .. import __version__
from .codes import iso2_code
from .formats import ExportFormat
from .text_rows import BATCH_ROWS

__all__ = ["FORMAT", "PLOVER_REQUIRED", "encode", "plover_record"]

#: The fields every record has.
PLOVER_REQUIRED = ("id", "date", "event", "source", "target", "eventText", "text", "language", "version")


def _actors(actor: dict[str, Any] | None) -> list[dict[str, Any]]:
    if not actor or not actor.get("code"):
        return []
    country = actor.get("country")
    return [{"actorText": actor.get("text"), "code": country or actor["code"], "sector": actor.get("sector")}]


def _place(location: dict[str, Any] | None) -> dict[str, Any] | None:
    if not location:
        return None
    return {
        "name": location.get("name"),
        "country code": iso2_code(location.get("country")) or None,
        "lat": location.get("lat"),
        "lon": location.get("lon"),
    }


def plover_record(event: dict[str, Any]) -> dict[str, Any] | None:
    """The event as a PLOVER record, or None when it has no PLOVER type."""
    if not event.get("plover"):
        return None
    source, target = event.get("source"), event.get("target")
    evidence = event.get("evidence") or {}
    if event.get("reciprocal"):  # both sides did it: each is a source and a target
        both = _actors(source) + _actors(target)
        sources, targets = both, list(both)
    else:
        sources, targets = _actors(source), _actors(target)
    return {
        "id": event["id"],
        "date": event.get("day"),
        "event": event["plover"],
        "mode": event.get("plover_mode") or "",
        "context": "",
        "source": sources,
        "target": targets,
        "eventText": evidence.get("trigger"),
        "text": evidence.get("sentence"),
        "eventLoc": _place(event.get("location")),
        "language": "en",
        "publication": event.get("article_source"),
        "coder": "detente",
        "version": __version__,
        "detente": {
            "cameo": event.get("cameo"),
            "status": event.get("status"),
            "goldstein": event.get("goldstein"),
            "date": event.get("date"),
            "confidence": event.get("confidence"),
            "article_id": event.get("article_id"),
            "url": event.get("article_url"),
        },
    }


def encode(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    yield b"["
    first = True
    pieces: list[str] = []
    for event in events:
        record = plover_record(event)
        if record is None:
            continue
        pieces.append(("\n" if first else ",\n") + json.dumps(record, ensure_ascii=False, allow_nan=False))
        first = False
        if len(pieces) == BATCH_ROWS:
            yield "".join(pieces).encode("utf-8")
            pieces.clear()
    pieces.append("\n]\n")
    yield "".join(pieces).encode("utf-8")


FORMAT = ExportFormat(
    name="plover",
    extension="json",
    media_type="application/json",
    encode=encode,
    description="a JSON array of PLOVER records (events with a PLOVER type)",
)
