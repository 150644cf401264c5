"""Coordinated nationality words and the head noun they share, on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

DAY = dt.date(2024, 3, 4)


@pytest.fixture(scope="module")
def coder():
    from detente.pipeline import get_coder

    return get_coder()


def _codes(coder, sentence):
    coded = coder.code_text(sentence, published=DAY)
    return {
        (e.source.actor.code if e.source else None, e.target.actor.code if e.target else None)
        for e in coded.events
    }


@pytest.mark.parametrize(
    ("sentence", "pair"),
    [
        # the parser hangs "Uzbek" alone as the object of "between": it still names Uzbek troops
        ("Border clashes between Uzbek and Kyrgyz troops left three dead.", {"UZBMIL", "KGZMIL"}),
        ("Clashes between Kyrgyz and Tajik troops killed five people.", {"KGZMIL", "TJKMIL"}),
    ],
)
def test_a_bare_nationality_shares_the_coordinated_agent(coder, sentence, pair):
    found = _codes(coder, sentence)
    assert any({s, t} == pair for s, t in found), found


def test_a_country_does_not_take_an_organizations_head_noun(coder):
    """ "Israel and Hamas militants": the militants are Hamas's; Israel stays the country."""
    found = _codes(coder, "Clashes between Israel and Hamas militants continued on Monday.")
    codes = {c for pair in found for c in pair}
    assert "ISRREB" not in codes and "ISR" in codes, found


def test_an_agent_does_not_take_the_country_of_what_it_acts_on(coder):
    """ "Protesters set fire to the Danish embassy": the embassy's country is the target's, not theirs."""
    found = _codes(coder, "Protesters set fire to the Danish embassy in Beirut.")
    assert not [s for s, _ in found if s and s.startswith("DNK")], found
