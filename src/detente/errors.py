"""detente's errors.

::

    DetenteError                  base of everything detente raises
    ├── ConfigError               a bad setting or option value (DETENTE_* or a CLI flag)
    ├── DataFileError             a data file (ours, a user's, a PETRARCH dictionary) cannot be read
    ├── ModelError                the spaCy pipeline cannot be loaded
    ├── StoreError                the event store cannot be opened or written
    └── InputError                one input item is unusable; carries a stable ``code``

The library raises these and never prints or exits. A rejected *article* is not an exception that stops a
batch: readers turn an ``InputError`` into a :class:`detente.records.Rejection` and go on.

Rejection codes (stable, documented in the README):

``empty``         no text after cleaning
``binary``        the bytes are not text (NUL bytes or mostly control characters)
``encoding``      the bytes cannot be decoded as UTF-8, UTF-16 or Windows-1252
``too_large``     the item is larger than ``max_article_bytes``
``bad_json``      a JSON Lines row that is not a JSON object (truncated or malformed)
``bad_record``    a record without a usable ``text`` field, or with a bad field (e.g. ``published``)
``no_body``       an HTML page from which no body text could be extracted
``not_english``   the text is not in English
``unreadable``    the file cannot be opened or read
``not_found``     the path does not exist
``unsupported``   a file type detente does not read
``coding_failed`` detente could not code this article (an internal error; the message names it)
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DataFileError",
    "DetenteError",
    "InputError",
    "ModelError",
    "StoreError",
    "REJECTION_CODES",
]

REJECTION_CODES = (
    "empty",
    "binary",
    "encoding",
    "too_large",
    "bad_json",
    "bad_record",
    "no_body",
    "not_english",
    "unreadable",
    "not_found",
    "unsupported",
    "coding_failed",
)


class DetenteError(Exception):
    """Base class of all detente errors."""


class ConfigError(DetenteError):
    """A setting or option has a value detente cannot use."""


class DataFileError(DetenteError):
    """A data file cannot be read or has a malformed line."""


class ModelError(DetenteError):
    """The spaCy pipeline cannot be loaded."""


class StoreError(DetenteError):
    """The event store cannot be opened, migrated or written.

    ``failed`` is True when the store itself stopped working (disk full, connection lost, its file deleted
    or replaced) rather than refusing one article: a run stops, a server answers 503 and reconnects.
    """

    def __init__(self, message: str, *, failed: bool = False) -> None:
        super().__init__(message)
        self.store_failed = failed


class InputError(DetenteError):
    """One input item is unusable. ``code`` is one of :data:`REJECTION_CODES`."""

    def __init__(self, code: str, message: str) -> None:
        if code not in REJECTION_CODES:
            raise ValueError(f"unknown rejection code {code!r}")
        super().__init__(message)
        self.code = code
        self.message = message
