"""detente: news articles in, coded political events out."""

from __future__ import annotations

from typing import Any

__version__ = "0.1.0"


def load_events(db: Any, **filters: Any) -> Any:
    """Stored events as a pandas DataFrame of flat columns: :func:`detente.export.load_events`."""
    from .export import load_events as load

    return load(db, **filters)
