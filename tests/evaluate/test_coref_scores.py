"""The coreference scorers on small hand-made chains whose scores were worked out by hand."""

from __future__ import annotations

import pytest

from detente.evaluate.coref import b_cubed, ceaf_e, conll_f1, muc, pairwise

# gold {a b c} {d e}; predicted {a b} {c d e}
GOLD = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2}
PREDICTED = {"a": "x", "b": "x", "c": "y", "d": "y", "e": "y"}


def test_pairwise() -> None:
    score = pairwise(GOLD, PREDICTED)  # gold pairs ab ac bc de; predicted ab cd ce de; common ab de
    assert (score.precision, score.recall) == (0.5, 0.5)


def test_muc() -> None:
    score = muc(GOLD, PREDICTED)  # recall (1 + 1) / (2 + 1); precision (1 + 1) / (1 + 2)
    assert score.recall == pytest.approx(2 / 3) and score.precision == pytest.approx(2 / 3)


def test_b_cubed() -> None:
    score = b_cubed(GOLD, PREDICTED)  # per item P: 1 1 1/3 2/3 2/3, R: 2/3 2/3 1/3 1 1
    assert score.precision == pytest.approx(11 / 15) and score.recall == pytest.approx(11 / 15)


def test_ceaf_e() -> None:
    score = ceaf_e(GOLD, PREDICTED)  # phi4: {abc}-{ab} 0.8, {de}-{cde} 0.8 (the best alignment)
    assert score.precision == pytest.approx(0.8) and score.recall == pytest.approx(0.8)


def test_conll_is_the_mean_of_three() -> None:
    assert conll_f1(GOLD, PREDICTED) == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_all_singletons_against_one_chain() -> None:
    gold = {"a": 1, "b": 1, "c": 1}
    predicted = {"a": "a", "b": "b", "c": "c"}
    assert pairwise(gold, predicted).precision == 0.0 and pairwise(gold, predicted).recall == 0.0
    assert muc(gold, predicted).recall == 0.0
    assert b_cubed(gold, predicted).precision == 1.0
    assert b_cubed(gold, predicted).recall == pytest.approx(1 / 3)
    # one of the three singletons aligns with the chain: phi4 = 2 * 1 / (3 + 1)
    assert ceaf_e(gold, predicted).recall == pytest.approx(0.5) and ceaf_e(gold, predicted).precision == (
        pytest.approx(0.5 / 3)
    )


def test_perfect_and_mismatched_items() -> None:
    assert conll_f1(GOLD, GOLD) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        pairwise(GOLD, {"a": 1})
