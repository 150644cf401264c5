"""Micro precision, recall and F1 over triples, shared by the evaluations."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

__all__ = ["TripleScore"]


@dataclass(slots=True)
class TripleScore:
    """Micro counts for one kind of triple."""

    gold: int = 0
    gold_matched: int = 0
    predicted: int = 0
    predicted_matched: int = 0

    @property
    def precision(self) -> float:
        return self.predicted_matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.gold_matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(
        self, gold: Collection[Any], predicted: Collection[Any], matches: Callable[[Any, Any], bool]
    ) -> None:
        """Count one record; ``matches(gold_item, predicted_item)`` says whether a prediction finds it."""
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.gold_matched += sum(1 for g in gold if any(matches(g, p) for p in predicted))
        self.predicted_matched += sum(1 for p in predicted if any(matches(g, p) for g in gold))
