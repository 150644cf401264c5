"""Quality gate on EventStoryLine (ESC v1.5, ECB+ topics 1-22 only: topics 23-45 are held out), modern web
news kept outside this repository: set DETENTE_ESC_DEV to the folder holding its topic folders to run it;
without it the tests skip.

Half 1 (``detente eval timex PATH --half 1``) is the half whose misses we have read and tuned a few rules on;
half 2's misses have never been looked at. Figures when the floors were set: half 1 value F1 0.722 (span
0.932), half 2 value F1 0.617 (span 0.929). Most of the distance to TimeBank's figures is ESC's own
conventions (clock times converted to UTC, decades written 194X). Lowering a floor needs a reason in the
commit that does it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DEV = os.environ.get("DETENTE_ESC_DEV", "")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not DEV or not Path(DEV).is_dir(), reason="DETENTE_ESC_DEV is not set"),
]

FLOORS = {1: (0.92, 0.71), 2: (0.91, 0.60)}  # half: (span F1, value F1)


@pytest.mark.parametrize("half", [1, 2])
def test_esc_half_floors(half):
    from detente.evaluate.timex import evaluate_timex

    report = evaluate_timex(Path(DEV), half=half)
    span_floor, value_floor = FLOORS[half]
    assert report.failures == 0
    assert report.span_f1 >= span_floor, report.format()
    assert report.value_f1 >= value_floor, report.format()
