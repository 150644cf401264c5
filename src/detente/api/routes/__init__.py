"""One router per resource; :data:`ROUTERS` in the order the app mounts them."""

from __future__ import annotations

from . import actors, articles, dyads, events, health, instances, quotes

__all__ = ["ROUTERS"]

ROUTERS = (
    health.router,
    articles.router,
    events.router,
    quotes.router,
    actors.router,
    dyads.router,
    instances.router,
)
