"""HTTP for ``detente watch``: one polite client with caps, robots.txt and a per-host rate limit.

Every request has a timeout, at most ``max_redirects`` redirects, a body cap (checked on ``Content-Length``
and again while reading), a content-type check, gzip/deflate/brotli as the server sends them (httpx decodes),
and conditional GET for feeds (``ETag``, ``Last-Modified``). Failures are :class:`FetchError`, marked
``retry`` when trying again later may help (timeouts, refused connections, 429 and 5xx answers) and final
otherwise (404, a redirect loop, a PDF, a page over the cap).
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import __version__

__all__ = ["FEED_TYPES", "PAGE_TYPES", "FetchError", "FetchLimits", "Fetcher", "Page"]

#: Content types accepted for feeds and sitemaps, and for article pages (``text/*`` is always a page).
FEED_TYPES = ("xml", "rss", "atom", "text/plain", "text/html")
PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_ROBOTS_TTL = 3600.0
_ROBOTS_MAX_BYTES = 500_000


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """How far ``watch`` goes for one request."""

    timeout: float = 20.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    #: Seconds between two requests to the same host.
    per_host_interval: float = 1.0
    user_agent: str = f"detente/{__version__} (news event coder; respects robots.txt)"
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched body and what the server said about it."""

    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class FetchError(Exception):
    """A request that gave no usable body. ``code`` is short and stable (``http_503``, ``timeout``,
    ``too_large``, ``unsupported``, ``redirect_loop``, ``robots``, ``unreachable``)."""

    def __init__(self, code: str, message: str, *, retry: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.retry = retry
        self.retry_after = retry_after


@dataclass(slots=True)
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: everything allowed (no robots.txt)
    fetched: float


@dataclass(slots=True)
class Fetcher:
    """GET with the limits; ``clock`` is ``time.monotonic`` (tests may pass their own)."""

    limits: FetchLimits = field(default_factory=FetchLimits)
    clock: Callable[[], float] = time.monotonic
    _client: object = None
    _last_request: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, _Robots] = field(default_factory=dict)

    def __post_init__(self) -> None:
        import httpx

        self._client = httpx.Client(
            timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=True,
            max_redirects=self.limits.max_redirects,
            headers={"User-Agent": self.limits.user_agent, "Accept-Encoding": "gzip, deflate"},
        )

    def close(self) -> None:
        self._client.close()  # type: ignore[attr-defined]

    def wait(self, url: str) -> float:
        """Seconds to wait before ``url``'s host may be asked again (0: now)."""
        last = self._last_request.get(_host(url))
        if last is None:
            return 0.0
        return max(0.0, last + self.limits.per_host_interval - self.clock())

    def get(
        self,
        url: str,
        *,
        accept: tuple[str, ...] = PAGE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Page:
        """The body at ``url`` (``status`` 304 with no body when unchanged); raise :class:`FetchError`."""
        if self.limits.respect_robots and not self._allowed(url):
            raise FetchError("robots", "robots.txt of the site disallows this URL", retry=False)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers=headers, accept=accept, max_bytes=self.limits.max_bytes)

    def _request(self, url: str, *, headers: dict[str, str], accept: tuple[str, ...], max_bytes: int) -> Page:
        import httpx

        self._last_request[_host(url)] = self.clock()
        try:
            with self._client.stream("GET", url, headers=headers) as response:  # type: ignore[attr-defined]
                return self._read(response, accept=accept, max_bytes=max_bytes)
        except httpx.TooManyRedirects:
            raise FetchError("redirect_loop", "too many redirects (a loop?)", retry=False) from None
        except httpx.TimeoutException:
            raise FetchError("timeout", f"no answer within {self.limits.timeout:g} s", retry=True) from None
        except httpx.InvalidURL as exc:
            raise FetchError("bad_url", f"not a usable URL: {exc}", retry=False) from None
        except (httpx.TransportError, httpx.DecodingError) as exc:
            raise FetchError("unreachable", f"{type(exc).__name__}: {exc}", retry=True) from None

    def _read(self, response: object, *, accept: tuple[str, ...], max_bytes: int) -> Page:
        status = response.status_code  # type: ignore[attr-defined]
        headers = response.headers  # type: ignore[attr-defined]
        final_url = str(response.url)  # type: ignore[attr-defined]
        if status == 304:
            return Page(url=final_url, status=304)
        if status == 429 or status >= 500:
            after = _retry_after(headers.get("retry-after"))
            raise FetchError(f"http_{status}", f"the server answered {status}", retry=True, retry_after=after)
        if status >= 400:
            raise FetchError(f"http_{status}", f"the server answered {status}", retry=False)
        content_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if content_type and not any(kind in content_type for kind in accept):
            raise FetchError("unsupported", f"content type {content_type!r} is not an article", retry=False)
        declared = headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            message = f"{int(declared):,} bytes: over the cap of {max_bytes:,}"
            raise FetchError("too_large", message, retry=False)
        body = bytearray()
        for chunk in response.iter_bytes():  # type: ignore[attr-defined]
            body.extend(chunk)
            if len(body) > max_bytes:
                raise FetchError("too_large", f"over the cap of {max_bytes:,} bytes", retry=False)
        return Page(
            url=final_url,
            status=status,
            content=bytes(body),
            content_type=content_type,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
        )

    def _allowed(self, url: str) -> bool:
        host = _host(url)
        cached = self._robots.get(host)
        if cached is None or self.clock() - cached.fetched > _ROBOTS_TTL:
            cached = _Robots(self._fetch_robots(url), self.clock())
            self._robots[host] = cached
        return cached.parser is None or cached.parser.can_fetch(self.limits.user_agent, url)

    def _fetch_robots(self, url: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's robots.txt; None when it has none (4xx). A 5xx or no answer is a retryable error."""
        robots_url = urljoin(url, "/robots.txt")
        try:
            page = self._request(robots_url, headers={}, accept=("",), max_bytes=_ROBOTS_MAX_BYTES)
        except FetchError as exc:
            if exc.code.startswith("http_4") and exc.code != "http_429":
                return None
            if exc.code in ("unsupported", "too_large"):
                return None
            raise FetchError(exc.code, f"robots.txt not readable: {exc.message}", retry=True) from None
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(page.content.decode("utf-8", "replace").splitlines())
        return parser


def _host(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
