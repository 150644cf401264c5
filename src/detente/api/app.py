"""The FastAPI app: the JSON API under /api, the dashboard pages, their static files and offline docs.

::

    from detente.api import create_app
    app = create_app(Settings.from_env(db="events.db"))     # uvicorn.run(app, host="127.0.0.1")
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from fastapi.concurrency import run_in_threadpool
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import ConfigError
from ..pipeline import Coder, get_coder
from ..settings import Settings
from ..store import EventStore
from ..web import STATIC_DIR
from ..web import router as pages_router
from .coding import CodingQueue
from .deps import reject_unknown_parameters
from .errors import install_error_handlers
from .gateway import StoreGateway
from .middleware import AllowedHosts, BodySizeLimit, SecurityHeaders
from .routes import ROUTERS

__all__ = ["MIN_TOKEN_LENGTH", "check_token", "create_app"]

_DESCRIPTION = (
    "Political events coded from news (CAMEO and PLOVER), with their evidence. Read-only unless a write "
    "token is configured. Every error has the shape "
    '`{"error": {"status", "code", "message", "detail"}}`; pages carry `items`, `total`, `limit`, `offset`.'
)


def create_app(
    settings: Settings | None = None, store: EventStore | Callable[[], EventStore] | None = None
) -> FastAPI:
    """The app over ``store`` (an open store, or a function that opens one), else over ``settings.db``.

    The app opens ``settings.db`` itself, one connection per store thread (a function passed in is called
    once per thread), and closes them on shutdown. A store object passed in is one connection: it gets one
    store thread, stays the caller's to close, and must be usable from another thread (an SQLite store
    opened elsewhere is not: pass a function that opens it instead).
    """
    settings = settings or Settings.from_env()
    check_token(settings.api_token)
    gateway = StoreGateway(settings.db if store is None else store)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.api_token:  # writes are possible: load the model before the first request needs it
            await run_in_threadpool(app.state.load_coder)
        try:
            yield
        finally:
            await run_in_threadpool(app.state.coding.close)
            await run_in_threadpool(gateway.close)

    app = FastAPI(
        title="detente",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # /docs is the dashboard's own offline page over /openapi.json (no CDN)
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.gateway = gateway
    app.state.load_coder = _coder_loader(settings)
    app.state.coding = CodingQueue(lambda: app.state.load_coder())
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router, dependencies=[Depends(reject_unknown_parameters)])
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodySizeLimit, max_bytes=settings.api_max_body_bytes)
    if settings.api_allowed_hosts:
        app.add_middleware(AllowedHosts, hosts=settings.api_allowed_hosts)
    app.add_middleware(SecurityHeaders)
    return app


#: The shortest write token accepted: a short token can be guessed.
MIN_TOKEN_LENGTH = 16


def check_token(token: str | None) -> None:
    """Raise :class:`ConfigError` for a write token too short to be safe (None: no token, read-only)."""
    if token and len(token) < MIN_TOKEN_LENGTH:
        raise ConfigError(
            f"the write token has {len(token)} characters: use at least {MIN_TOKEN_LENGTH} "
            "(for example: python -c 'import secrets; print(secrets.token_urlsafe(32))')"
        )


def _coder_loader(settings: Settings) -> Callable[[], Coder]:
    """The process-wide coder for the settings that change how articles are coded (not db or API fields)."""
    coding = Settings(
        spacy_model=settings.spacy_model,
        batch_size=settings.batch_size,
        max_article_bytes=settings.max_article_bytes,
        actor_files=settings.actor_files,
        petrarch_dirs=settings.petrarch_dirs,
    )

    def load_coder() -> Coder:
        return get_coder(coding)

    return load_coder
