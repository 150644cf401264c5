"""Scores of the quote extractor on the gold cases (tests/quotes/gold.py), shared by the gate tests and by
``python -m tests.quotes.scoring`` (which prints them).

A predicted quote matches a gold quote when their spans overlap and the speaker is right: for a gold quote
with ``speaker`` words, the predicted speaker's naming words or its mention at the cue overlap those words
in the text, or its resolved name contains them; otherwise the speaker's country equals the gold country
(None for none). Each gold quote is matched at most once, by the quote that fits its span best.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass

from detente.records import CodedArticle, Quote

from .gold import ANY, CASES, GoldCase, GoldQuote

DAY = dt.date(2024, 3, 4)


@dataclass(frozen=True)
class Scores:
    matched: int
    predicted: int
    gold: int
    direct: int  # gold direct quotes
    direct_found: int  # ... overlapped by any predicted quote
    direct_speaker: int  # ... of which the best overlapping one has the right speaker
    indirect: int
    indirect_found: int
    mixed: int
    mixed_found: int
    typed: int = 0  # matched gold quotes that name their speaker's type
    type_right: int = 0  # ... whose predicted speaker has that type
    relayed: int = 0  # matched gold quotes that name a reporter (``reported_by``)
    relayed_right: int = 0  # ... whose predicted reporter has those words

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    def lines(self) -> list[str]:
        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f} ({a}/{b})" if b else "-"

        return [
            f"precision {ratio(self.matched, self.predicted)}  recall {ratio(self.matched, self.gold)}",
            f"direct found {ratio(self.direct_found, self.direct)}  "
            f"speaker right {ratio(self.direct_speaker, self.direct_found)}",
            f"indirect found {ratio(self.indirect_found, self.indirect)}  "
            f"mixed found {ratio(self.mixed_found, self.mixed)}",
            f"speaker type right {ratio(self.type_right, self.typed)}  "
            f"reported_by right {ratio(self.relayed_right, self.relayed)}",
        ]


def code_cases(cases: Iterable[GoldCase] = CASES) -> dict[str, CodedArticle]:
    from detente.ingest import make_article
    from detente.pipeline import get_coder

    cases = list(cases)
    articles = [make_article(case.text, id=case.name, published=DAY, origin=case.name) for case in cases]
    return {article.id: result for article, result in zip(articles, get_coder().code(articles), strict=True)}


def span_of(article_text: str, gold: GoldQuote) -> tuple[int, int]:
    start = article_text.find(gold.text)
    assert start >= 0, f"gold text not in the article: {gold.text!r}"
    return start, start + len(gold.text)


def country(quote: Quote) -> str | None:
    speaker = quote.speaker
    if speaker is None or speaker.actor is None:
        return None
    return speaker.actor.country


def speaker_right(quote: Quote, gold: GoldQuote, text: str) -> bool:
    if gold.speaker is None:
        return gold.country == ANY or country(quote) == gold.country
    speaker = quote.speaker
    if speaker is None:
        return False
    spans = [(speaker.start, speaker.end)]
    mention = getattr(speaker, "mention", None)
    if mention is not None:
        spans.append((mention.start, mention.end))
    for found in re.finditer(re.escape(gold.speaker), text):
        if any(start < found.end() and found.start() < end for start, end in spans):
            return True
    name = getattr(speaker, "name", None) or (speaker.actor.name if speaker.actor else None) or ""
    return bool(name) and gold.speaker.lower() in name.lower()


def reporter_right(quote: Quote, gold: GoldQuote) -> bool:
    """The reporter's words at the attribution hold the gold words, or its resolved name does ("She" for
    "Ruth Stein", as for speakers)."""
    reporter = quote.reported_by
    if reporter is None or gold.reported_by is None:
        return False
    return gold.reported_by in reporter.text or gold.reported_by in (reporter.name or "")


def overlaps(quote: Quote, span: tuple[int, int]) -> bool:
    return quote.start < span[1] and span[0] < quote.end


def fit(quote: Quote, span: tuple[int, int]) -> int:
    """Characters shared with the gold span minus characters outside it."""
    shared = min(quote.end, span[1]) - max(quote.start, span[0])
    return 2 * shared - (quote.end - quote.start) - (span[1] - span[0])


def best(quotes: list[Quote], span: tuple[int, int], gold: GoldQuote, text: str) -> Quote | None:
    """The matching quote that overlaps the gold span most (nested quotes: the inner one for the inner)."""
    found = [quote for quote in quotes if overlaps(quote, span) and speaker_right(quote, gold, text)]
    return max(found, key=lambda quote: fit(quote, span), default=None)


def score(coded: dict[str, CodedArticle], cases: Iterable[GoldCase] = CASES) -> Scores:
    counts = dict.fromkeys(Scores.__dataclass_fields__, 0)
    for case in cases:
        result = coded[case.name]
        text = result.article.text
        quotes = list(result.quotes)
        counts["predicted"] += len(quotes)
        counts["gold"] += len(case.quotes)
        for gold in case.quotes:
            span = span_of(text, gold)
            near = [quote for quote in result.quotes if overlaps(quote, span)]
            counts[gold.kind] += 1
            if near:
                counts[f"{gold.kind}_found"] += 1
                if gold.kind == "direct":
                    closest = max(near, key=lambda quote: fit(quote, span))
                    counts["direct_speaker"] += speaker_right(closest, gold, text)
            hit = best(quotes, span, gold, text)
            if hit is not None:
                quotes.remove(hit)
                counts["matched"] += 1
                if gold.speaker_type is not None:
                    counts["typed"] += 1
                    counts["type_right"] += hit.speaker is not None and hit.speaker.type == gold.speaker_type
                if gold.reported_by is not None:
                    counts["relayed"] += 1
                    counts["relayed_right"] += reporter_right(hit, gold)
    return Scores(**counts)


def main(argv: list[str]) -> int:
    cases = list(CASES)
    coded = code_cases(cases)
    groups = {
        "all": cases,
        "before issue-10 cases": [c for c in cases if "attribution" not in c.tags],
        "attribution cases": [c for c in cases if "attribution" in c.tags],
        "first-round attribution cases": [
            c for c in cases if "attribution" in c.tags and "round2" not in c.tags
        ],
        "second-round cases": [c for c in cases if "round2" in c.tags],
        "second-round cases written before the rules": [
            c for c in cases if "round2" in c.tags and c.written == "before"
        ],
        "second-round cases written after the rules": [
            c for c in cases if "round2" in c.tags and c.written == "after"
        ],
        "attribution cases written after the rules": [c for c in cases if c.written == "after"],
        "quotations inside quotations": [c for c in cases if "nested" in c.tags],
    }
    for name, group in groups.items():
        if not group:
            continue
        sys.stdout.write(f"== {name}: {len(group)} cases, {sum(len(c.quotes) for c in group)} quotes\n")
        for line in score(coded, group).lines():
            sys.stdout.write(f"   {line}\n")
    if "-v" in argv:
        for case in cases:
            result = coded[case.name]
            text = result.article.text
            for gold in case.quotes:
                span = span_of(text, gold)
                hit = best(list(result.quotes), span, gold, text)
                if hit is None:
                    sys.stdout.write(
                        f"MISS {case.name}: {gold.text[:60]!r} by {gold.speaker or gold.country}\n"
                    )
                    continue
                got = hit.speaker.type if hit.speaker else None
                if gold.speaker_type is not None and got != gold.speaker_type:
                    sys.stdout.write(f"TYPE {case.name}: {gold.speaker!r} {got} for {gold.speaker_type}\n")
                if gold.reported_by is not None and not reporter_right(hit, gold):
                    got = hit.reported_by.text if hit.reported_by else None
                    sys.stdout.write(f"REPORTER {case.name}: {got!r} for {gold.reported_by!r}\n")
                if hit.text != gold.text:
                    sys.stdout.write(f"SPAN {case.name}: {hit.text[:70]!r} for {gold.text[:70]!r}\n")
            for quote in result.quotes:
                if not any(overlaps(quote, span_of(text, g)) for g in case.quotes):
                    who = quote.speaker.text if quote.speaker else None
                    sys.stdout.write(f"EXTRA {case.name}: {quote.text[:60]!r} by {who}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
