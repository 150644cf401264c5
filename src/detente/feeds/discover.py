"""Pages a source lists: the entries of an RSS/Atom feed (feedparser), the URLs of a (news) sitemap, the
files of a folder. Each is ``(key, title, published)``: a canonical URL (or a file key), and what the listing
says of it."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

from ..ingest.readers import READERS
from .urls import canonical_url

__all__ = ["FILE_PREFIX", "FeedError", "file_key", "file_path", "folder_pages", "parse_feed", "parse_sitemap"]

FILE_PREFIX = "file://"
Listed = tuple[str, str | None, str | None]


class FeedError(Exception):
    """A feed or sitemap that cannot be read as one."""


def parse_feed(content: bytes) -> list[Listed]:
    """The entries of an RSS or Atom document with a link, in document order."""
    try:
        import feedparser
    except ImportError:
        raise FeedError('reading feeds needs feedparser: pip install "detente[feeds]"') from None
    parsed = feedparser.parse(content)
    found = []
    for entry in parsed.entries:
        link = entry.get("link")
        if not link or not link.startswith(("http://", "https://")):
            continue
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        published = dt.date(*when[:3]).isoformat() if when else None
        found.append((canonical_url(link), entry.get("title") or None, published))
    if parsed.get("bozo") and not found:  # malformed, and nothing usable could be recovered from it
        raise FeedError(f"not a readable RSS or Atom feed: {parsed.get('bozo_exception')}")
    return found


def parse_sitemap(content: bytes) -> list[Listed]:
    """The ``<url>`` entries of a sitemap, with a Google News sitemap's title and publication date."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, recover=False)
    try:
        root = etree.fromstring(content, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"not a readable sitemap: {exc}") from None
    if etree.QName(root).localname != "urlset":
        raise FeedError(f"not a sitemap of pages (root element <{etree.QName(root).localname}>)")
    found = []
    for url in root:
        if not isinstance(url.tag, str) or etree.QName(url).localname != "url":
            continue
        fields = {
            etree.QName(node).localname: (node.text or "").strip()
            for node in url.iter()
            if isinstance(node.tag, str)
        }
        location = fields.get("loc", "")
        if not location.startswith(("http://", "https://")):
            continue
        published = fields.get("publication_date") or fields.get("lastmod") or None
        found.append((canonical_url(location), fields.get("title") or None, published and published[:10]))
    return found


def file_key(path: Path) -> str:
    """A file's queue key: its path and version (a changed file is read again; writing is idempotent)."""
    status = path.stat()
    return f"{FILE_PREFIX}{path.resolve()}#{status.st_mtime_ns}:{status.st_size}"


def file_path(key: str) -> Path:
    return Path(key[len(FILE_PREFIX) :].rsplit("#", 1)[0])


def folder_pages(folder: str) -> Iterator[Listed]:
    """The readable files under ``folder`` (hidden ones skipped), in name order."""
    root = Path(folder)
    if not root.is_dir():
        raise FeedError(f"no such folder: {folder}")
    for directory, names, files in os.walk(root):
        names[:] = sorted(name for name in names if not name.startswith("."))
        for name in sorted(files):
            path = Path(directory) / name
            if name.startswith(".") or READERS.get(path.suffix) is None or not path.is_file():
                continue
            yield file_key(path), None, None
