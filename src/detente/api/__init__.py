"""The REST API and the dashboard: ``create_app(settings, store) -> FastAPI``; ``detente serve`` runs it.

Routes: ``/api/health``, ``/api/articles`` (GET, and POST with the write token), ``/api/articles/{id}``,
``/api/events``, ``/api/events/{id}``, ``/api/quotes``, ``/api/actors``, ``/api/dyads``,
``/api/dyads/{a}/{b}/series``, ``/api/series``, ``/api/locations``, ``/openapi.json``; pages ``/``,
``/dyads/{a}/{b}``, ``/events/{id}``, ``/articles/{id}``, ``/map`` and ``/docs``.
"""

from __future__ import annotations

from .app import create_app
from .errors import ERROR_CODES, ApiError

__all__ = ["ERROR_CODES", "ApiError", "create_app"]
