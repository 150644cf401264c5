"""Coding with PETRARCH-format dictionaries: the same name codes differently over time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

DICTIONARIES = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "reference" / "petrarch2" / "dictionaries"
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DICTIONARIES.exists(), reason="../shared is not present"),
]


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import Coder
    from detente.settings import Settings

    return Coder(Settings.from_env(petrarch_dirs=(DICTIONARIES,)))


def _source_code(coder, text: str, day: dt.date) -> str:
    coded = coder.code_text(text, published=day)
    sources = [e.source.actor.code for e in coded.events if e.source]
    assert sources, coded.events
    return sources[0]


def test_phoenix_dictionary_codes_by_date(coder):
    text = "John Kerry met Syrian President Bashar al-Assad in Damascus."
    assert _source_code(coder, text, dt.date(2009, 2, 1)) == "USAGOVLEG"  # a senator then
    assert _source_code(coder, text, dt.date(2014, 2, 1)) == "USAGOV"  # Secretary of State then


def test_phoenix_agents_give_sectors(coder):
    coded = coder.code_text(
        "Iraqi insurgents attacked a police station in Mosul.", published=dt.date(2010, 5, 1)
    )
    assert any(e.source and e.source.actor.code.startswith("IRQ") for e in coded.events)
