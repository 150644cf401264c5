"""Coreference scores over clusterings of the same items: pairwise, MUC, B-cubed, CEAF-e and CoNLL F1.

A clustering is a mapping item -> cluster label; both clusterings must cover the same items (the evaluation
decides which items count). Definitions as in Pradhan et al. (2014), "Scoring Coreference Partitions of
Predicted Mentions": MUC (Vilain et al. 1995) counts links, B-cubed (Bagga and Baldwin 1998) averages
per-item overlaps, CEAF-e (Luo 2005) aligns gold and predicted clusters one-to-one with the entity similarity
phi4 = 2|K and R| / (|K| + |R|); CoNLL F1 is the mean of the three F1 values.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from itertools import combinations

__all__ = ["Score", "b_cubed", "ceaf_e", "conll_f1", "muc", "pairwise"]

Clustering = Mapping[Hashable, Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _clusters(clustering: Clustering) -> list[frozenset[Hashable]]:
    found: dict[Hashable, set[Hashable]] = defaultdict(set)
    for item, label in clustering.items():
        found[label].add(item)
    return [frozenset(members) for members in found.values()]


def _check(gold: Clustering, predicted: Clustering) -> None:
    if set(gold) != set(predicted):
        raise ValueError("the gold and predicted clusterings must cover the same items")


def pairwise(gold: Clustering, predicted: Clustering) -> Score:
    """Precision and recall of the item pairs put in one cluster."""
    _check(gold, predicted)

    def pairs(clustering: Clustering) -> set[frozenset[Hashable]]:
        return {frozenset(pair) for cluster in _clusters(clustering) for pair in combinations(cluster, 2)}

    gold_pairs, predicted_pairs = pairs(gold), pairs(predicted)
    common = len(gold_pairs & predicted_pairs)
    return Score(
        common / len(predicted_pairs) if predicted_pairs else 0.0,
        common / len(gold_pairs) if gold_pairs else 0.0,
    )


def _muc_side(key: Clustering, response: Clustering) -> float:
    numerator = denominator = 0
    for cluster in _clusters(key):
        parts = {response[item] for item in cluster}
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(gold: Clustering, predicted: Clustering) -> Score:
    _check(gold, predicted)
    return Score(_muc_side(predicted, gold), _muc_side(gold, predicted))


def b_cubed(gold: Clustering, predicted: Clustering) -> Score:
    _check(gold, predicted)
    gold_of = {item: cluster for cluster in _clusters(gold) for item in cluster}
    predicted_of = {item: cluster for cluster in _clusters(predicted) for item in cluster}
    if not gold_of:
        return Score(0.0, 0.0)
    precision = recall = 0.0
    for item in gold_of:
        overlap = len(gold_of[item] & predicted_of[item])
        precision += overlap / len(predicted_of[item])
        recall += overlap / len(gold_of[item])
    return Score(precision / len(gold_of), recall / len(gold_of))


def _best_assignment(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (Hungarian method)."""
    rows, columns = len(weights), len(weights[0]) if weights else 0
    size = max(rows, columns)
    if size == 0:
        return 0.0
    top = max((w for row in weights for w in row), default=0.0)
    cost = [
        [top - (weights[i][j] if i < rows and j < columns else 0.0) for j in range(size)] for i in range(size)
    ]
    u, v = [0.0] * (size + 1), [0.0] * (size + 1)
    match, way = [0] * (size + 1), [0] * (size + 1)
    for i in range(1, size + 1):
        match[0], j0 = i, 0
        least, used = [float("inf")] * (size + 1), [False] * (size + 1)
        while match[j0]:
            used[j0] = True
            i0, delta, j1 = match[j0], float("inf"), 0
            for j in range(1, size + 1):
                if not used[j]:
                    current = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if current < least[j]:
                        least[j], way[j] = current, j0
                    if least[j] < delta:
                        delta, j1 = least[j], j
            for j in range(size + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    least[j] -= delta
            j0 = j1
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(
        weights[match[j] - 1][j - 1] for j in range(1, size + 1) if match[j] - 1 < rows and j - 1 < columns
    )


def ceaf_e(gold: Clustering, predicted: Clustering) -> Score:
    """CEAF-e: gold and predicted clusters aligned one-to-one, each connected group of overlapping
    clusters on its own (the alignment never pairs clusters that share no item)."""
    _check(gold, predicted)
    gold_clusters, predicted_clusters = _clusters(gold), _clusters(predicted)
    if not gold_clusters:
        return Score(0.0, 0.0)
    total = 0.0
    for gold_group, predicted_group in _overlap_groups(gold_clusters, predicted_clusters):
        weights = [[2 * len(k & r) / (len(k) + len(r)) for r in predicted_group] for k in gold_group]
        total += _best_assignment(weights)
    return Score(total / len(predicted_clusters), total / len(gold_clusters))


def _overlap_groups(
    gold: list[frozenset[Hashable]], predicted: list[frozenset[Hashable]]
) -> list[tuple[list[frozenset[Hashable]], list[frozenset[Hashable]]]]:
    parent = list(range(len(gold) + len(predicted)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    gold_index = {item: i for i, cluster in enumerate(gold) for item in cluster}
    for j, cluster in enumerate(predicted):
        for item in cluster:
            parent[find(len(gold) + j)] = find(gold_index[item])
    groups: dict[int, tuple[list[frozenset[Hashable]], list[frozenset[Hashable]]]] = defaultdict(
        lambda: ([], [])
    )
    for i, cluster in enumerate(gold):
        groups[find(i)][0].append(cluster)
    for j, cluster in enumerate(predicted):
        groups[find(len(gold) + j)][1].append(cluster)
    return list(groups.values())


def conll_f1(gold: Clustering, predicted: Clustering) -> float:
    """The mean of the MUC, B-cubed and CEAF-e F1 values."""
    return (muc(gold, predicted).f1 + b_cubed(gold, predicted).f1 + ceaf_e(gold, predicted).f1) / 3
