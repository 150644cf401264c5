"""ASGI middleware: a request body size cap checked before anything parses the body, a Host-header allow-list,
security headers; and a log filter that keeps secrets in query strings out of the access log."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import error_response

__all__ = [
    "AllowedHosts",
    "BodySizeLimit",
    "CONTENT_SECURITY_POLICY",
    "LOOPBACK_HOSTS",
    "RedactSecrets",
    "SecurityHeaders",
    "host_name",
    "redact_query",
]

#: The names a loopback-only server answers to.
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")

logger = logging.getLogger("detente.api")

#: No inline scripts or styles, nothing from other origins, no framing.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

_SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
)


class _BodyTooLarge(Exception):
    pass


class BodySizeLimit:
    """Answer 413 (in the common error shape) when a request body is larger than ``max_bytes``.

    A declared ``Content-Length`` over the cap is refused before the body is read; a chunked body is
    counted as it arrives and refused as soon as it passes the cap.
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(send)
            return
        seen = 0
        started = False

        async def counted_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge
            return message

        async def tracked_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _BodyTooLarge:
            if started:
                raise
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        message = f"the request body is larger than {self.max_bytes:,} bytes"
        headers, body = _json_error(413, "too_large", message)
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _json_error(status: int, code: str, message: str) -> tuple[list[tuple[bytes, bytes]], bytes]:
    body = json.dumps({"error": {"status": status, "code": code, "message": message, "detail": []}}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    return headers + list(_SECURITY_HEADERS), body


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


class SecurityHeaders:
    """Add the Content-Security-Policy, nosniff and framing headers to every HTTP response.

    An unexpected exception is answered here, as a 500 in the common error shape with these headers:
    Starlette's own last-resort handler sits outside every middleware, so its 500 would go out without them.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {name.lower() for name, _ in message.get("headers", ())}
                extra = [(name, value) for name, value in _SECURITY_HEADERS if name not in present]
                message = {**message, "headers": [*message.get("headers", ()), *extra]}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except Exception:
            if started:  # too late for another answer: let the server log it and drop the connection
                raise
            logger.exception("unexpected error on %s %s", scope.get("method"), scope.get("path"))
            response = error_response(500, "internal error: the server could not answer this request")
            await response(scope, receive, with_headers)


class AllowedHosts:
    """Answer 400 (``bad_host``) to a request whose ``Host`` header names a host not in ``hosts``.

    A page on another site can make a browser send requests to a loopback server under its own name (DNS
    rebinding); the browser still sends that name in ``Host``, so checking it keeps such pages from reading
    the API. ``hosts`` are names or addresses (any port), ``*.example.org`` for a domain's subdomains, or
    ``*`` for any. A request without a ``Host`` header (HTTP/1.0; browsers always send one) is answered.
    """

    def __init__(self, app: ASGIApp, *, hosts: Iterable[str]) -> None:
        self.app = app
        names = [name.strip().lower().rstrip(".") for name in hosts if name.strip()]
        self.any = "*" in names
        self.exact = frozenset(name.strip("[]") for name in names if not name.startswith("*."))
        self.suffixes = tuple(name[1:] for name in names if name.startswith("*."))

    def allows(self, host: str) -> bool:
        name = host_name(host)
        return self.any or name in self.exact or any(name.endswith(suffix) for suffix in self.suffixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket") or self.any:
            await self.app(scope, receive, send)
            return
        host = next((value for name, value in scope.get("headers", ()) if name == b"host"), None)
        if host is None or self.allows(host.decode("latin-1")):
            await self.app(scope, receive, send)
            return
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return
        message = (
            "this server does not answer for that host name; allow it with DETENTE_API_ALLOWED_HOSTS "
            "or detente serve --allowed-host"
        )
        headers, body = _json_error(400, "bad_host", message)
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def host_name(host: str) -> str:
    """The name in a ``Host`` header, without port, brackets or final dot, in lower case."""
    host = host.strip().lower()
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    name, colon, port = host.rpartition(":")
    if colon and port.isdigit() and ":" not in name:
        host = name
    return host.rstrip(".")


#: A query parameter whose name says it holds a secret, up to its ``=``.
_SECRET_PARAMETER = re.compile(
    r"""(?i)([?&;][^=&#\s"]*(?:token|key|secret|passw|auth|session|signature|sig)[^=&#\s"]*=)[^&#\s"]*"""
)


def redact_query(text: str) -> str:
    """``text`` with the values of secret-looking query parameters (``?token=...``) replaced by ``***``."""
    return _SECRET_PARAMETER.sub(r"\1***", text)


class RedactSecrets(logging.Filter):
    """A log filter that redacts secret-looking query parameters in a record's message and arguments.

    ``detente serve`` puts it on uvicorn's access and error logs: a token sent in a query string (which the
    API refuses) must not end up in a log file either.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact_query(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact_query(arg) if isinstance(arg, str) else arg for arg in record.args)
        return True
