"""Floor on DATE values against the TempEval-3 training data (TimeBank + AQUAINT, "TBAQ-cleaned").

The data is not ours to redistribute: point ``DETENTE_TIMEML_DEV`` at a local copy (a folder of ``.tml``
files, e.g. the TBAQ-cleaned folder holding TimeBank/ and AQUAINT/); without it these tests skip.
Half 1 of the fixed 2-fold split (``--half 1``) is the half tuned on; half 2 is only ever scored.
Figures when the floors were set (``detente eval timex $DETENTE_TIMEML_DEV --half N``): half 1 value F1
0.839 (DATE 0.854), half 2 value F1 0.756 (DATE 0.776).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DEV = os.environ.get("DETENTE_TIMEML_DEV")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEV or not Path(DEV).exists(), reason="DETENTE_TIMEML_DEV is not set"),
]

FLOORS = {1: (0.835, 0.85), 2: (0.75, 0.77)}  # half: (value F1, DATE value F1)


@pytest.mark.parametrize("half", [1, 2])
def test_date_value_floor(half):
    from detente.evaluate.timex import evaluate_timex

    report = evaluate_timex(Path(DEV or ""), half=half)
    assert report.failures == 0
    value_floor, date_floor = FLOORS[half]
    assert report.value_f1 >= value_floor, report.format()
    assert report.types["DATE"].value.f1 >= date_floor, report.format()
