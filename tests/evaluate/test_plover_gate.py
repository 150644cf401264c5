"""Quality gate: detente's scores on the PLOVER development records must not fall below these floors.

Lowering a floor needs a reason in the commit that does it. Figures when the floors were set
(``detente eval plover ../shared/eval/plover-gsr-dev/PLOVER_GSR_dev.json``): type recall 0.73,
triple precision 0.40, recall 0.45, F1 0.42; when the floors were last raised: 0.78, 0.46, 0.51, 0.49.
"""

from __future__ import annotations

from pathlib import Path

import pytest

GOLD = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "plover-gsr-dev" / "PLOVER_GSR_dev.json"
)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not GOLD.exists(), reason="../shared is not present")]

TYPE_RECALL_FLOOR = 0.75
TRIPLE_F1_FLOOR = 0.46


@pytest.fixture(scope="module")
def report():
    from detente.evaluate.plover import evaluate_plover

    return evaluate_plover(GOLD)


def test_type_recall_floor(report):
    assert report.records == 164
    assert report.failures == 0
    assert report.type_recall >= TYPE_RECALL_FLOOR, report.format()


def test_triple_f1_floor(report):
    assert report.f1 >= TRIPLE_F1_FLOOR, report.format()
