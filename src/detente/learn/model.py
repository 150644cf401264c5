"""The event-type classifier as arrays: a linear model over :mod:`detente.learn.features`, its calibration,
and the rule layer's priors. Inference needs only numpy.

The model file is a zip of ``.npy`` arrays (``numpy.load(..., allow_pickle=False)`` reads it; nothing in it
is a pickle): ``features`` (the feature strings), ``labels`` (PLOVER types), ``weights`` (features x labels),
``bias``, ``calibration`` and ``metadata`` (a JSON string: format version, model version, what it was trained
on and its licenses, the training data's SHA-256, the seed and the metrics it was trained to). Members are
written in a fixed order with a fixed timestamp, so the same training data gives the same file, byte for byte.

**Confidence.** An event's confidence is ``sigmoid(a * logit(p) + b * proposed + c * logit(prior) + d)``,
where ``p`` is the classifier's probability of the event's (folded) PLOVER type given its sentence, trigger
and actors, ``proposed`` is 1 for events the classifier proposed itself, and ``prior`` the rule layer's
precision for that PLOVER type on the PLOVER dev records (:class:`RulePriors`). ``a, b, c, d`` are fit
(Platt scaling, a logistic regression) on out-of-fold predictions: the dev records are split in two, each
half is coded with a classifier trained without it, and each coded event is labelled correct when its
PLOVER type is the record's gold type.
"""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataFileError
from ..ontology import fold_plover

__all__ = [
    "FORMAT",
    "MODEL_FILE",
    "PRIORS_FILE",
    "EventTypeModel",
    "RulePriors",
    "load_model",
    "load_priors",
    "save_model",
]

FORMAT = 1
MODEL_FILE = "plover_clf.npz"
PRIORS_FILE = "rule_confidence.json"
_MEMBERS = ("metadata", "labels", "features", "weights", "bias", "calibration")
_EPS = 1e-4


def _logit(p: float) -> float:
    p = min(1 - _EPS, max(_EPS, p))
    return math.log(p / (1 - p))


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


@dataclass(frozen=True)
class RulePriors:
    """The rule layer's precision per PLOVER type on the dev records: of the events coded with that type,
    the share in records whose gold type it is, smoothed toward the overall share (``m`` pseudo-events).
    Used as the confidence of every event when the classifier is off."""

    by_type: Mapping[str, float]
    overall: float
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def get(self, plover: str | None) -> float:
        if plover is None:
            return self.overall
        return float(self.by_type.get(fold_plover(plover), self.overall))

    @classmethod
    def fit(cls, counts: Mapping[str, tuple[int, int]], *, m: float = 5.0, **metadata: Any) -> RulePriors:
        """``counts``: PLOVER type -> (events right, events coded)."""
        hits = sum(h for h, _ in counts.values())
        total = sum(n for _, n in counts.values())
        overall = (hits + 1) / (total + 2)
        by_type = {t: round((h + m * overall) / (n + m), 4) for t, (h, n) in sorted(counts.items())}
        return cls(by_type, round(overall, 4), dict(metadata))

    def to_json(self) -> str:
        data = {"overall": self.overall, "by_type": dict(self.by_type), **self.metadata}
        return json.dumps(data, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> RulePriors:
        data = json.loads(text)
        meta = {k: v for k, v in data.items() if k not in ("overall", "by_type")}
        return cls({k: float(v) for k, v in data["by_type"].items()}, float(data["overall"]), meta)


@dataclass(frozen=True)
class EventTypeModel:
    """A multinomial logistic regression over string features, with its confidence calibration."""

    labels: tuple[str, ...]
    features: tuple[str, ...]
    weights: np.ndarray  # (features, labels) float32
    bias: np.ndarray  # (labels,) float32
    calibration: np.ndarray  # (4,) float64: a, b, c, d (see the module docstring)
    metadata: Mapping[str, Any]
    index: Mapping[str, int] = field(init=False, repr=False)
    label_index: Mapping[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {f: i for i, f in enumerate(self.features)})
        object.__setattr__(self, "label_index", {label: i for i, label in enumerate(self.labels)})

    @property
    def version(self) -> str:
        return str(self.metadata.get("version", "0"))

    @property
    def rule(self) -> str:
        """How events it proposes name it in ``evidence.rule``."""
        return f"model:plover-clf@{self.version}"

    @property
    def propose_threshold(self) -> float:
        return float(self.metadata.get("propose_threshold", 0.5))

    def proba(self, features: Iterable[str]) -> np.ndarray:
        """The probability of each label (softmax of the summed feature weights)."""
        rows = [self.index[f] for f in features if f in self.index]
        scores = self.bias.astype(np.float64)
        if rows:
            scores = scores + self.weights[rows].sum(axis=0, dtype=np.float64)
        scores -= scores.max()
        exp = np.exp(scores)
        return exp / exp.sum()

    def type_probability(self, probs: np.ndarray, plover: str | None) -> float | None:
        if plover is None:
            return None
        i = self.label_index.get(fold_plover(plover))
        return None if i is None else float(probs[i])

    def confidence(self, p: float | None, *, proposed: bool, prior: float) -> float:
        """The calibrated confidence of an event (see the module docstring); ``p`` None uses the prior."""
        a, b, c, d = (float(x) for x in self.calibration)
        if p is None:
            return round(prior, 4)
        value = _sigmoid(a * _logit(p) + b * float(proposed) + c * _logit(prior) + d)
        return round(min(1.0, max(0.0, value)), 4)


def save_model(model: EventTypeModel, path: Path) -> None:
    """Write the model file (deterministic bytes: fixed member order and timestamps, no pickles)."""
    arrays = {
        "metadata": np.array(json.dumps(dict(model.metadata), sort_keys=True)),
        "labels": np.array(model.labels),
        "features": np.array(model.features),
        "weights": np.ascontiguousarray(model.weights, dtype=np.float32),
        "bias": np.ascontiguousarray(model.bias, dtype=np.float32),
        "calibration": np.ascontiguousarray(model.calibration, dtype=np.float64),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in _MEMBERS:
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, buffer.getvalue(), compresslevel=9)


def read_model(source: Any) -> EventTypeModel:
    """Read a model file (a path or a binary file object)."""
    try:
        with np.load(source, allow_pickle=False) as data:
            arrays = {name: data[name] for name in _MEMBERS}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise DataFileError(f"{source}: cannot read the event-type model: {exc}") from exc
    metadata = json.loads(str(arrays["metadata"]))
    if metadata.get("format") != FORMAT:
        raise DataFileError(f"{source}: model format {metadata.get('format')!r}, this detente reads {FORMAT}")
    return EventTypeModel(
        labels=tuple(str(x) for x in arrays["labels"]),
        features=tuple(str(x) for x in arrays["features"]),
        weights=arrays["weights"],
        bias=arrays["bias"],
        calibration=arrays["calibration"],
        metadata=metadata,
    )


def load_model(path: Path | None = None) -> EventTypeModel:
    """The shipped model (from the package's resources), or the one at ``path``."""
    if path is not None:
        return read_model(path)
    resource = resources.files("detente.learn") / "data" / MODEL_FILE
    with resource.open("rb") as handle:
        return read_model(io.BytesIO(handle.read()))


def load_priors(path: Path | None = None) -> RulePriors:
    """The shipped rule priors (``data/rule_confidence.json``), or those at ``path``."""
    resource: Any = path if path is not None else resources.files("detente.learn") / "data" / PRIORS_FILE
    try:
        return RulePriors.from_json(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError) as exc:
        raise DataFileError(f"{resource}: cannot read the rule confidence table: {exc}") from exc


def labels_of(values: Sequence[str]) -> tuple[str, ...]:
    """The sorted, folded PLOVER types among ``values``."""
    return tuple(sorted({fold_plover(v) for v in values}))
