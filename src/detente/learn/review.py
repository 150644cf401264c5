"""The classifier as a second opinion on the rule layer: it proposes events where no rule fired, and it
gives every event its ``confidence``.

:class:`SecondOpinion` is handed to :class:`detente.events.extract.EventExtractor`, which calls
:meth:`~SecondOpinion.propose` for each sentence that none of its rules coded and
:meth:`~SecondOpinion.score` on the article's events.

* **Proposals.** A verb whose subject (or passive agent) is an actor and whose object, indirect object,
  prepositional object or passive subject is another actor is an event candidate. The classifier reads it
  (sentence, verb, source and target, see :mod:`detente.learn.features`); when its most probable PLOVER
  type has probability >= the model's ``propose_threshold`` the verb is coded with that type's general CAMEO
  code (``data/plover_cameo.tsv``), the verb's status, and ``evidence.rule`` ``model:plover-clf@<version>
  <TYPE> p=<probability>``. One proposal per sentence at most (its most probable verb); speech verbs are
  left to the reported-speech rules.
* **Confidence.** See :mod:`detente.learn.model`. With the classifier off (``DETENTE_CLASSIFIER=off``,
  ``--no-classifier``) every event's confidence is the rule layer's precision for its PLOVER type on the
  dev records (:class:`~detente.learn.model.RulePriors`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..datafiles import tsv_rows
from ..records import ActorMention, Event
from .features import event_features
from .model import EventTypeModel, RulePriors

if TYPE_CHECKING:
    from ..actors.resolve import ArticleActors
    from ..events.candidate import Candidate

__all__ = ["SecondOpinion", "load_plover_cameo"]


@lru_cache(maxsize=1)
def load_plover_cameo() -> Mapping[str, str]:
    """PLOVER type -> the CAMEO code a proposed event of that type gets."""
    path = resources.files("detente.learn") / "data" / "plover_cameo.tsv"
    rows = list(tsv_rows(path, "PLOVER to CAMEO table"))
    return {fields[0]: fields[1] for _, fields in rows[1:]}


class SecondOpinion:
    """The classifier (or, when it is None, the rule priors alone) applied to one article's events."""

    def __init__(self, model: EventTypeModel | None, priors: RulePriors, *, propose: bool = True) -> None:
        self.model = model
        self.priors = priors
        self.proposing = propose and model is not None
        self.cameo_for = load_plover_cameo()

    # -- proposals ------------------------------------------------------------------------------------
    def propose(self, sent: Span, actors: ArticleActors, extractor) -> list[Candidate]:  # noqa: ANN001
        """At most one event the rules missed in ``sent``."""
        if not self.proposing or self.model is None:
            return []
        from ..events.candidate import Candidate

        best: tuple[float, Candidate] | None = None
        for verb in sent:
            if verb.pos_ != "VERB" or extractor._lemma(verb) in extractor.speech:
                continue
            sources, targets = _parties(verb, actors, extractor)
            source_codes = {m.actor.code for m in sources}
            targets = [m for m in targets if m.actor.code not in source_codes]
            if not sources or not targets:
                continue
            doc = sent.doc
            features = event_features(sent, verb, _head(doc, sources[0]), _head(doc, targets[0]))
            probs = self.model.proba(features)
            top = int(probs.argmax())
            p = float(probs[top])
            plover = self.model.labels[top]
            if p < self.model.propose_threshold or plover not in self.cameo_for:
                continue
            if best is None or p > best[0]:
                status, cue = extractor_status(extractor, verb)
                rule = f"{self.model.rule} {plover} p={p:.2f}"
                cand = Candidate(
                    verb, self.cameo_for[plover], rule, tuple(sources), tuple(targets), False, status, cue
                )
                best = (p, cand)
        return [best[1]] if best else []

    # -- confidence -----------------------------------------------------------------------------------
    def score(self, events: Iterable[Event], doc: Doc) -> list[Event]:
        """Every event with its ``confidence``."""
        return [replace(event, confidence=self.confidence(event, doc)) for event in events]

    def confidence(self, event: Event, doc: Doc) -> float:
        prior = self.priors.get(event.plover)
        if self.model is None:
            return round(prior, 4)
        trigger = _token(doc, event.evidence.trigger_start, event.evidence.trigger_end)
        if trigger is None:
            return round(prior, 4)
        source = _head(doc, event.source) if event.source else None
        target = _head(doc, event.target) if event.target else None
        probs = self.model.proba(event_features(trigger.sent, trigger, source, target))
        p = self.model.type_probability(probs, event.plover)
        proposed = event.evidence.rule.startswith("model:")
        return self.model.confidence(p, proposed=proposed, prior=prior)

    def type_probability(self, event: Event, doc: Doc) -> float | None:
        """The classifier's probability of the event's PLOVER type (for calibration), None without one."""
        trigger = _token(doc, event.evidence.trigger_start, event.evidence.trigger_end)
        if self.model is None or trigger is None:
            return None
        source = _head(doc, event.source) if event.source else None
        target = _head(doc, event.target) if event.target else None
        probs = self.model.proba(event_features(trigger.sent, trigger, source, target))
        return self.model.type_probability(probs, event.plover)


def _parties(verb: Token, actors: ArticleActors, extractor) -> tuple[list, list]:  # noqa: ANN001
    """A verb's source (subject, passive agent, or the subject it shares with the verb it completes) and its
    target: the first actor named in its object, indirect object or prepositional phrases (passive: its
    subject)."""
    from ..events.arguments import dep_actors, prep_actors, subject_actors

    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        sources = prep_actors(verb, ("by",), actors)
        targets = dep_actors(verb, ("nsubjpass",), actors)
        return sources, targets
    sources = subject_actors(verb, actors) or extractor._inherited_subject(verb, actors)
    for child in verb.children:  # the first actor named in them: a proposal has one target
        if child.dep_ in ("dobj", "dative", "prep", "oprd"):
            for token in child.subtree:
                found = actors.at(token)
                if found:
                    return sources, found[:1]
    return sources, []


def extractor_status(extractor, verb: Token) -> tuple[str, str | None]:  # noqa: ANN001
    """The status the rule layer gives a verb (and the word that gave it)."""
    from ..events.status import event_status

    return event_status(verb, extractor._cue, lemma_of=extractor._lemma)


def _token(doc: Doc, start: int, end: int) -> Token | None:
    if start < 0 or end <= start:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    return None if span is None or len(span) == 0 else span.root


def _head(doc: Doc, mention: ActorMention) -> Token | None:
    return _token(doc, mention.start, mention.end)
