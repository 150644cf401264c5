"""One router per resource; :data:`ROUTERS` in the order the app mounts them."""

from __future__ import annotations

from . import actors, articles, codes, dyads, events, exports, health, instances, places, quotes, watch

__all__ = ["ROUTERS"]

ROUTERS = (
    health.router,
    watch.router,
    articles.router,
    exports.router,
    events.router,
    quotes.router,
    actors.router,
    dyads.router,
    places.router,
    codes.router,
    instances.router,
)
