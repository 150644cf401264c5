"""A learned second opinion on the rule layer: a PLOVER event-type classifier over sentence features.

It proposes events where no rule fired and gives every event a calibrated ``confidence``
(:mod:`detente.learn.review`, :mod:`detente.learn.model`). Inference needs only numpy; ``detente train``
(:mod:`detente.learn.train`, which needs scikit-learn: ``pip install detente[train]``) rebuilds the model.
"""

from __future__ import annotations

from pathlib import Path

from ..settings import Settings
from .features import event_features
from .model import EventTypeModel, RulePriors, load_model, load_priors
from .review import SecondOpinion

__all__ = [
    "EventTypeModel",
    "RulePriors",
    "SecondOpinion",
    "event_features",
    "load_model",
    "load_priors",
    "load_second_opinion",
]


def load_second_opinion(settings: Settings) -> SecondOpinion:
    """The classifier the settings ask for (``classifier``: on, off or a model file) with the rule priors."""
    priors = load_priors()
    if not settings.classifier_on:
        return SecondOpinion(None, priors)
    path = None if settings.classifier == "on" else Path(settings.classifier)
    return SecondOpinion(load_model(path), priors)
