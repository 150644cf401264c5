"""Ingest: files, folders, records and standard input to cleaned articles, or to rejections with a reason.

::

    read_inputs(["news/", "feed.jsonl", "-"], published=date(2023, 6, 14))  # → Article | Rejection, in order
    make_article(text, title=..., published=...)                            # one article, or InputError
    clean_text(raw) → (text, title, paragraphs, headings)                   # offsets point into text
    article_id(text)                                                        # sha256 of the normalized text
    register_reader([".xml"], my_reader)                                    # add a file type
"""

from __future__ import annotations

from .articles import RECORD_FIELDS, article_from_record, make_article, parse_published
from .clean import article_id, clean_text, normalize_text
from .decode import decode_bytes
from .language import detect_language
from .readers import READERS, ReadContext, Reader, ReaderRegistry, read_document, read_inputs, register_reader

__all__ = [
    "READERS",
    "RECORD_FIELDS",
    "ReadContext",
    "Reader",
    "ReaderRegistry",
    "article_from_record",
    "article_id",
    "clean_text",
    "decode_bytes",
    "detect_language",
    "make_article",
    "normalize_text",
    "parse_published",
    "read_document",
    "read_inputs",
    "register_reader",
]
