"""Building one :class:`~detente.records.Article` from text or from a record, with all its checks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from ..errors import InputError
from ..records import Article
from .clean import article_id, clean_text
from .decode import check_not_binary
from .language import detect_language

__all__ = ["RECORD_FIELDS", "article_from_record", "make_article", "parse_published", "valid_unicode"]

#: The fields a record (JSON Lines row, JSON object, CSV row) may carry; only ``text`` is required.
RECORD_FIELDS = ("id", "title", "text", "published", "url", "source")

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_LANGUAGE_NAMES = {
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "pt": "Portuguese",
    "it": "Italian",
    "ru": "Cyrillic-script",
    "zh": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
    "ar": "Arabic-script",
    "he": "Hebrew",
    "el": "Greek",
    "hi": "Devanagari-script",
    "th": "Thai",
}


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    published: dt.date | str | None = None,
    url: str | None = None,
    source: str | None = None,
    origin: str | None = None,
    max_chars: int | None = None,
) -> Article:
    """Clean ``text`` into an :class:`Article`; raise :class:`InputError` when it is unusable.

    The id is ``id`` when given, else :func:`article_id` of the cleaned text. A cleaned text longer than
    ``max_chars`` is ``too_large``: coding time and memory grow with an article's length (about 0.9 GB and
    tens of seconds at 200,000 characters), and one article must not hold up a service.
    """
    text, title, url, source = (valid_unicode(value) for value in (text, title, url, source))
    check_not_binary(text)
    cleaned, headline, paragraphs, headings = clean_text(text, title=title)
    if not cleaned:
        raise InputError("empty", "no text left after cleaning (empty, whitespace or page junk only)")
    if max_chars is not None and len(cleaned) > max_chars:
        raise InputError(
            "too_large",
            f"{len(cleaned):,} characters after cleaning: longer than the limit of {max_chars:,} "
            "(DETENTE_MAX_ARTICLE_CHARS); split it into several articles",
        )
    language = detect_language(cleaned)
    if language != "en":
        name = _LANGUAGE_NAMES.get(language, language)
        raise InputError("not_english", f"the text looks {name} ({language}), not English")
    return Article(
        id=valid_unicode(id) if id else article_id(cleaned),
        text=cleaned,
        title=headline,
        published=parse_published(published),
        url=url or None,
        source=source or None,
        paragraphs=paragraphs,
        headings=headings,
        origin=origin,
    )


def valid_unicode(value: str | None) -> str | None:
    """``value`` with lone surrogates (a JSON ``"\\ud800"`` escape, an undecodable file name) as U+FFFD.

    No UTF-8 output, JSON line or database column can carry them; the length, and so every offset, stays.
    """
    if value is None:
        return None
    return _LONE_SURROGATE.sub("\ufffd", value)


def article_from_record(
    record: Mapping[str, Any],
    *,
    origin: str | None = None,
    published: dt.date | None = None,
    max_chars: int | None = None,
) -> Article:
    """Make an article from a record's fields; ``published`` is the default for a record without one."""
    text = record.get("text")
    if not isinstance(text, str):
        found = "missing" if text is None else f"a {type(text).__name__}, not a string"
        raise InputError("bad_record", f"field 'text' is {found}")
    return make_article(
        text,
        id=_optional_string(record, "id", allow_int=True),
        title=_optional_string(record, "title"),
        published=parse_published(record.get("published")) or published,
        url=_optional_string(record, "url"),
        source=_optional_string(record, "source"),
        origin=origin,
        max_chars=max_chars,
    )


def parse_published(value: object) -> dt.date | None:
    """A date from a date, a datetime, or a ``YYYY-MM-DD`` / ISO 8601 datetime string; empty → None."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise InputError("bad_record", f"field 'published' must be a date string, got {type(value).__name__}")
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        raise InputError(
            "bad_record", f"field 'published' is {value[:40]!r}: expected YYYY-MM-DD or an ISO datetime"
        ) from None


def _optional_string(record: Mapping[str, Any], field: str, *, allow_int: bool = False) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise InputError("bad_record", f"field {field!r} must be a string, got {type(value).__name__}")
