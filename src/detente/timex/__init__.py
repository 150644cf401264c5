"""Temporal expressions (TIMEX3) and event dates.

:func:`find_times` finds and normalizes every temporal expression of a parsed article; :func:`date_events`
gives each event the date of the expression that governs its clause, else the reference time of its
sentence or paragraph, else the publication date.

The words and patterns are data (``data/words.tsv``, ``data/patterns.tsv``, read by :mod:`.lexicon`); the
calendar arithmetic is :mod:`.resolve`, the reading of tense :mod:`.tense`, the matching :mod:`.recognize`,
the dating of events :mod:`.dating`, and :mod:`.values` turns a TIMEX3 value into the days it covers.
"""

from __future__ import annotations

from .dating import date_events
from .recognize import find_times

__all__ = ["date_events", "find_times"]
