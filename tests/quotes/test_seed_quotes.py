"""Acceptance: the seed article yields the quotes Q1-Q7 of its expectations file, with speakers resolved to
the listed countries, and none from its headings.

Quotes are matched by their opening words and the speaker's country (not by offsets). No rule in
detente.quotes is written for these sentences; this test only checks the outcome.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SEED = SHARED / "corpus" / "000_6f473dc2bc7afc00.txt"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not SEED.exists(), reason="../shared is not present")]

# (label, opening words, speaker country, speaker sector)
EXPECTED = [
    ("Q1 State Department statement", "Mr. Blinken will meet with senior Chinese officials", "USA", "GOV"),
    ("Q2 Qin Gang to Blinken", "Since the beginning of the year, China-US relations", "CHN", "GOV"),
    (
        "Q3 the minister explained (mixed)",
        "explained China’s solemn position on the question of Taiwan",
        "CHN",
        "GOV",
    ),
    (
        "Q4 the statement from Beijing",
        "Qin Gang stressed that the United States should respect",
        "CHN",
        "GOV",
    ),
    ("Q5 Blinken, reported by Miller", "the importance of keeping lines of communication open", "USA", "GOV"),
    ("Q6 the Secretary of State (mixed)", "made it clear that the United States will continue", "USA", "GOV"),
    ("Q7 Qin Gang told Blinken", "China hopes that the United States […] will work with China", "CHN", "GOV"),
]


@pytest.fixture(scope="module")
def coded():
    from detente.ingest import read_inputs
    from detente.pipeline import get_coder

    items = list(read_inputs([SEED], published=dt.date(2023, 6, 14)))
    return next(iter(get_coder().code(items)))


@pytest.mark.parametrize(("label", "opening", "country", "sector"), EXPECTED, ids=[e[0] for e in EXPECTED])
def test_seed_quote(coded, label, opening, country, sector):
    found = [quote for quote in coded.quotes if quote.text.startswith(opening)]
    assert found, f"{label}: no quote opens with {opening!r}"
    quote = found[0]
    assert quote.speaker is not None, f"{label}: no speaker"
    assert (quote.speaker.actor.country, quote.speaker.actor.sector) == (country, sector), label
    text = coded.article.text
    assert text[quote.start : quote.end] == quote.text
    assert text[quote.speaker.start : quote.speaker.end] == quote.speaker.text


def test_seed_attributions(coded):
    by_opening = {quote.text[:20]: quote for quote in coded.quotes}
    q2 = by_opening["Since the beginning "]
    assert q2.cue == "told" and q2.addressee is not None and q2.addressee.actor.name == "Antony Blinken"
    assert q2.reported_by is not None and q2.reported_by.actor.country == "CHN"  # the Foreign Ministry said
    q5 = by_opening["the importance of ke"]
    assert q5.speaker.actor.name == "Antony Blinken"
    assert q5.reported_by is not None and "Miller" in q5.reported_by.text
    q6 = by_opening["made it clear that t"]
    assert q6.kind == "mixed" and q6.cue == "added" and q6.speaker.actor.name == "Antony Blinken"
    assert q6.reported_by is not None and q6.reported_by.text == "Miller"
    q3 = by_opening["explained China’s so"]
    assert q3.kind == "mixed" and q3.cue == "underlines" and q3.speaker.actor.name == "Qin Gang"
    assert q3.reported_by is not None and q3.reported_by.text == "the press release"
    assert q3.reported_by.actor.country == "CHN"  # the Foreign Ministry's release, named the sentence before
    q4 = by_opening["Qin Gang stressed th"]
    assert q4.speaker.actor.name == "Qin Gang" and q4.reported_by.text == "the statement from Beijing"
    assert by_opening["Mr. Blinken will mee"].kind == "direct"


def test_seed_headings_and_scare_quotes_are_not_quotes(coded):
    texts = [quote.text for quote in coded.quotes]
    assert "calculation errors" not in texts  # a sub-heading
    assert "spy" not in texts and "responsible management" not in texts  # scare quotes
    for quote in coded.quotes:
        assert not any(span.start <= quote.start < span.end for span in coded.article.headings)


def test_seed_quote_ids_are_stable_and_unique(coded):
    from detente.quotes import quote_id

    ids = [quote.id for quote in coded.quotes]
    assert len(ids) == len(set(ids))
    assert all(quote.id == quote_id(coded.article.id, quote.start, quote.end) for quote in coded.quotes)
