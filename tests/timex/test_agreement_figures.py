"""The gold self-agreement figures the README gives (``detente eval timex PATH --agreement``): MEANTIME from
``../shared``, TBAQ from DETENTE_TIMEML_DEV (not ours to ship; skipped without it). The report reads only the
gold, so these change only when the gold reader or the measure does; such a change updates the README too."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from detente.evaluate.timex_agreement import timex_agreement

MEANTIME = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "meantime"
DEV = os.environ.get("DETENTE_TIMEML_DEV", "")

KEYS = (
    "documents",
    "gold",
    "unavoidable_marking_errors",
    "value_majority_share",
    "unavoidable_value_disagreements",
    "clause_dependent_disagreements",
    "ceiling_value_f1",
    "ceiling_coverage",
)


@pytest.mark.skipif(not MEANTIME.exists(), reason="../shared is not present")
def test_meantime():
    totals = timex_agreement(MEANTIME).totals()
    assert tuple(totals[key] for key in KEYS) == (120, 370, 17, 0.8933, 8, 7, 0.8156, 0.2432)


@pytest.mark.skipif(not DEV or not Path(DEV).is_dir(), reason="DETENTE_TIMEML_DEV is not set")
@pytest.mark.parametrize(
    ("half", "expected"),
    [
        (1, (131, 936, 68, 0.8799, 43, 20, 0.8079, 0.3974)),
        (2, (125, 886, 67, 0.8639, 43, 32, 0.7851, 0.3871)),  # totals only: half 2 is not studied
    ],
)
def test_tbaq_halves(half, expected):
    totals = timex_agreement(Path(DEV), half=half).totals()
    assert tuple(totals[key] for key in KEYS) == expected
