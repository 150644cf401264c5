"""Quality gate: detente's scores on the PLOVER development records and the PETRARCH-2 validation records must
not fall below these floors.

Lowering a floor needs a reason in the commit that does it. Figures when the floors were set
(``detente eval plover ../shared/eval/plover-gsr-dev/PLOVER_GSR_dev.json``): type recall 0.73, triple
precision 0.40, recall 0.45, F1 0.42; raised once to 0.78, 0.46, 0.51, 0.49; raised again after the PETRARCH-2
verb layer, generic agents, nominal events, the classifier and the triple-precision and type-recall rules
(issue 9), to that issue's targets, when the whole set gave type recall 0.854, triple F1 0.600, the 2-fold
split (each half scored by a classifier trained without it; ``--folds 2``) type recall 0.829, triple F1
0.583, and PETRARCH-2 root-triple F1 0.477.
The rules were tuned on half A of the records (the half whose id hash is even); the 2-fold figure is the one
to hold on to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
GOLD = SHARED / "eval" / "plover-gsr-dev" / "PLOVER_GSR_dev.json"
STORIES = SHARED / "train" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
PETRARCH = SHARED / "reference" / "petrarch2" / "PETR2_GSR_validation.xml"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not GOLD.exists(), reason="../shared is not present")]

TYPE_RECALL_FLOOR = 0.85
TRIPLE_F1_FLOOR = 0.60
FOLDS_TYPE_RECALL_FLOOR = 0.80
FOLDS_TRIPLE_F1_FLOOR = 0.55
PETRARCH_ROOT_F1_FLOOR = 0.45


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


def test_two_fold_floors():
    """Each half scored by a classifier trained on the other half and the NGEC stories (scikit-learn)."""
    pytest.importorskip("sklearn", reason="the dev extra installs scikit-learn")
    from detente.evaluate.plover import evaluate_plover_folds

    folded = evaluate_plover_folds(GOLD, stories=STORIES, folds=2)
    assert folded.pooled.records == 164
    assert folded.pooled.type_recall >= FOLDS_TYPE_RECALL_FLOOR, folded.format()
    assert folded.pooled.f1 >= FOLDS_TRIPLE_F1_FLOOR, folded.format()


def test_petrarch_root_f1_floor():
    from detente.evaluate.petrarch import evaluate_petrarch

    petrarch = evaluate_petrarch(PETRARCH)
    assert petrarch.root.f1 >= PETRARCH_ROOT_F1_FLOOR, petrarch.to_dict()
