"""Quotes on gold examples written for these tests (tests/quotes/gold.py): each phenomenon, and a
precision/recall gate over all of them.

A predicted quote matches a gold quote when their spans overlap and their speakers have the same country
(or both have none); each gold quote is matched at most once. The floors below are the figures measured
when the gate was set, rounded down; lowering one takes an explicit, explained change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from detente.records import CodedArticle, Quote

from .gold import CASES, GoldCase, GoldQuote

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95


@pytest.fixture(scope="module")
def coded() -> dict[str, CodedArticle]:
    from detente.ingest import make_article
    from detente.pipeline import get_coder

    articles = [make_article(case.text, id=case.name, published=DAY, origin=case.name) for case in CASES]
    return {article.id: result for article, result in zip(articles, get_coder().code(articles), strict=True)}


def _span(article_text: str, gold: GoldQuote) -> tuple[int, int]:
    start = article_text.find(gold.text)
    assert start >= 0, f"gold text not in the article: {gold.text!r}"
    return start, start + len(gold.text)


def _country(quote: Quote) -> str | None:
    return quote.speaker.actor.country if quote.speaker else None


def _matches(quote: Quote, span: tuple[int, int], gold: GoldQuote) -> bool:
    return quote.start < span[1] and span[0] < quote.end and _country(quote) == gold.country


def _best(quotes: list[Quote], span: tuple[int, int], gold: GoldQuote) -> Quote | None:
    """The matching quote that overlaps the gold span most (nested quotes: the inner one for the inner)."""
    found = [quote for quote in quotes if _matches(quote, span, gold)]
    return max(found, key=lambda quote: _fit(quote, span), default=None)


def _fit(quote: Quote, span: tuple[int, int]) -> int:
    """Characters shared with the gold span minus characters outside it."""
    shared = min(quote.end, span[1]) - max(quote.start, span[0])
    return 2 * shared - (quote.end - quote.start) - (span[1] - span[0])


def score(coded: dict[str, CodedArticle]) -> tuple[int, int, int]:
    """(matched, predicted, gold) over every case."""
    matched = predicted = total = 0
    for case in CASES:
        result = coded[case.name]
        quotes = list(result.quotes)
        predicted += len(quotes)
        total += len(case.quotes)
        for gold in case.quotes:
            span = _span(result.article.text, gold)
            hit = _best(quotes, span, gold)
            if hit is not None:
                quotes.remove(hit)
                matched += 1
    return matched, predicted, total


def test_gold_precision_and_recall_floors(coded):
    matched, predicted, total = score(coded)
    precision = matched / predicted if predicted else 0.0
    recall = matched / total if total else 0.0
    assert precision >= PRECISION_FLOOR, f"precision {precision:.3f} ({matched}/{predicted})"
    assert recall >= RECALL_FLOOR, f"recall {recall:.3f} ({matched}/{total})"


def test_the_scorer_counts_misses_and_extras(coded):
    """The gate is not vacuous: dropping a quote lowers recall, adding one lowers precision."""
    matched, predicted, total = score(coded)
    first = next(case for case in CASES if case.quotes)
    result = coded[first.name]
    emptied = dict(coded)
    emptied[first.name] = CodedArticle(article=result.article, quotes=())
    assert score(emptied)[0] < matched
    extra = Quote("x", result.article.text[:5], 0, 5, "direct", None)
    padded = dict(coded)
    padded[first.name] = CodedArticle(article=result.article, quotes=(*result.quotes, extra))
    assert score(padded)[1] == predicted + 1


@pytest.mark.parametrize("case", [c for c in CASES if c.strict], ids=[c.name for c in CASES if c.strict])
def test_gold_case(coded, case: GoldCase):
    result = coded[case.name]
    text = result.article.text
    if not case.quotes:
        assert result.quotes == (), f"{case.why}: {[q.text for q in result.quotes]}"
        return
    assert len(result.quotes) == len(case.quotes), [q.text for q in result.quotes]
    for gold in case.quotes:
        span = _span(text, gold)
        quote = _best(list(result.quotes), span, gold)
        assert quote is not None, f"{case.why}: no quote over {gold.text!r} by {gold.country}"
        assert (quote.text, quote.kind) == (gold.text, gold.kind), case.why
        assert text[quote.start : quote.end] == quote.text
        if gold.cue is not None:
            assert quote.cue == gold.cue, case.why
        if gold.addressee is not None:
            assert quote.addressee is not None and quote.addressee.actor.country == gold.addressee, case.why
        if gold.reported_by is not None:
            assert quote.reported_by is not None and gold.reported_by in quote.reported_by.text, case.why
        if quote.speaker is not None:
            assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text
