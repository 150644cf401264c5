"""Temporal expressions (TIMEX3) and event dates.

:func:`find_times` finds and normalizes every temporal expression of a parsed article; :func:`date_events`
gives each event the date of the expression that governs its clause, else the reference time of its
sentence or paragraph, else the publication date.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

from ..records import Article, Event, TimeExpression

__all__ = ["date_events", "find_times"]


def find_times(doc: Doc, published: dt.date | None) -> tuple[TimeExpression, ...]:
    """Every temporal expression of ``doc``, in text order, normalized against ``published``."""
    return ()


def date_events(
    events: tuple[Event, ...], doc: Doc, times: tuple[TimeExpression, ...], article: Article
) -> tuple[Event, ...]:
    """``events`` with ``date``, ``date_text``, ``date_precision`` and ``date_source`` set."""
    return events
