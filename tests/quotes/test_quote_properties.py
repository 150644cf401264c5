"""Quotes never raise on arbitrary text, and every offset slices back to its text.

Texts mix quotation-heavy news sentences with arbitrary Unicode and stray marks. The quote stage is called
directly (not through the coder's per-article safety net), so an exception fails the test.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import make_article
from detente.quotes import extract_quotes
from detente.records import QUOTE_KINDS

pytestmark = pytest.mark.slow

SENTENCES = [
    '"We will not accept this," the minister told reporters in Ankara.',
    "“Europe must defend itself.",
    "“This is why we act,” Macron said, “and we will not stop.”",
    "The Kremlin said in a statement that Russia would respond.",
    "According to the Iranian foreign ministry, the talks will resume.",
    'Zelensky called it "a deliberate act of terror."',
    "The statement from Beijing said: “Taiwan is part of China.”",
    "'Never,' he said. It's the countries' view.",
    "He spoke of “the importance of dialogue,” Miller said. State Department spokesman.",
]
MARKS = st.sampled_from(list("\"“”„«»'‘’‚") + ["\n\n“", "”\n\n", " ' ", '""', "“”"])
pieces = st.one_of(
    st.sampled_from(SENTENCES),
    MARKS,
    st.text(st.characters(codec="utf-8"), max_size=40),
    st.text(st.sampled_from(list("ab .,\n\"“”'’")), max_size=30),
)
texts = st.lists(pieces, min_size=1, max_size=8).map(" ".join)


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _check(coder, text: str) -> None:
    try:
        article = make_article(text, origin="<hypothesis>")
    except InputError:
        return
    doc = coder.nlp(article.text)
    actors = coder.resolver.resolve(doc, published=article.published)
    quotes = extract_quotes(doc, actors, article)
    for quote in quotes:
        assert quote.kind in QUOTE_KINDS
        assert 0 <= quote.start < quote.end <= len(article.text)
        assert article.text[quote.start : quote.end] == quote.text
        for mention in (quote.speaker, quote.addressee, quote.reported_by):
            if mention is not None:
                assert article.text[mention.start : mention.end] == mention.text
        quote.to_dict()
    assert len({quote.id for quote in quotes}) == len(quotes)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_quotes_never_raise_and_offsets_slice_back(coder, text):
    _check(coder, text)


def test_quote_sentences_alone(coder):
    for sentence in SENTENCES:
        _check(coder, sentence)


@pytest.mark.parametrize(
    "text",
    ["“Talks are over” " * 1500, "'No deal' " * 1500, '"We will win," he said. ' * 800],
    ids=["curly-run", "single-run", "attributed-run"],
)
def test_thousands_of_quotations_cost_less_than_parsing_them(coder, text):
    """Quotation attribution stays linear: once it walked the whole sentence for every quotation."""
    import time

    article = make_article(text, origin="<many quotes>")
    start = time.perf_counter()
    doc = coder.nlp(article.text)
    parsing = time.perf_counter() - start
    actors = coder.resolver.resolve(doc, published=None)
    start = time.perf_counter()
    extract_quotes(doc, actors, article)
    assert time.perf_counter() - start < parsing
