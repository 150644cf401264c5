"""A loopback HTTP server for the ``watch`` tests: routes a test can change while it runs, and misbehaviour
on demand (status codes, slow answers, redirect loops, huge bodies, gzip, conditional GET).

A uniquely named module (not conftest) so that other test folders' helpers cannot shadow it.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

__all__ = ["NewsServer", "Route", "article_html", "news_server", "rss"]


@dataclass
class Route:
    """What one path answers. ``statuses`` are answered first, one per request, then ``status``."""

    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    statuses: list[int] = field(default_factory=list)
    delay: float = 0.0
    etag: str | None = None
    gzip: bool = False
    #: Declared and sent size for a huge body (sent as zeros, without holding it in memory).
    stream_bytes: int = 0


class NewsServer:
    """The routes and a log of requested paths."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[str] = []
        self.lock = threading.Lock()
        self.url = ""

    def add(self, path: str, route: Route) -> str:
        with self.lock:
            self.routes[path] = route
        return self.url + path

    def hits(self, path: str) -> int:
        with self.lock:
            return sum(1 for requested in self.requests if requested == path)


def _handler(server: NewsServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
            pass

        def handle(self) -> None:
            with suppress(ConnectionError):  # a client killed mid-request (the soak test's kill -9)
                super().handle()

        def finish(self) -> None:
            with suppress(ConnectionError):
                super().finish()

        def do_GET(self) -> None:  # noqa: N802
            with server.lock:
                server.requests.append(self.path)
                route = server.routes.get(self.path)
                status = route.statuses.pop(0) if route and route.statuses else route.status if route else 404
            if route is None:
                self._send(404, b"not here", {"Content-Type": "text/plain"})
                return
            if route.delay:
                time.sleep(route.delay)
            headers = {"Content-Type": route.content_type, **route.headers}
            if route.etag:
                headers["ETag"] = route.etag
                if self.headers.get("If-None-Match") == route.etag:
                    self._send(304, b"", headers)
                    return
            if route.stream_bytes:
                self._stream(status, headers, route.stream_bytes)
                return
            body = route.body
            if route.gzip:
                body = gzip.compress(body)
                headers["Content-Encoding"] = "gzip"
            self._send(status, body, headers)

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def _stream(self, status: int, headers: dict[str, str], size: int) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(size))
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_000 + b"</p>"
            try:
                for _ in range(size // len(chunk)):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@contextmanager
def news_server() -> Iterator[NewsServer]:
    """A started server on a free loopback port (``server.url``), stopped afterwards."""
    state = NewsServer()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


def article_html(title: str, paragraphs: list[str]) -> bytes:
    """A news page: navigation, the story in <article>, a footer."""
    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><title>{escape(title)}</title>"
        f"<meta name='date' content='2024-03-01'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        "<footer>Example News 2024</footer></body></html>"
    ).encode()


def rss(base: str, items: list[tuple[str, str]]) -> bytes:
    """An RSS 2.0 feed of ``(path, title)`` items."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{escape(base + path)}</link>"
        "<pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate></item>"
        for path, title in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Example News</title>"
        f"<link>{base}/</link><description>World news</description>{entries}</channel></rss>"
    ).encode()
