"""Events named by nouns: "a closed-door meeting ... between X and Y", "his trip to China", "in a phone call",
"This visit had been postponed" (a definite event noun refers back to an earlier event of the same kind).

Mixed into :class:`detente.events.extract.EventExtractor` (uses its lexicon, features, status and subjects).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from ..actors.resolve import ArticleActors
from ..records import ActorMention
from .arguments import TARGET_PREPS, between, dep_actors, prep_actors, subject_actors
from .candidate import SYMMETRIC, Candidate, met_with
from .lexicon import Frame

__all__ = ["NominalEvents"]

# prepositions that set an event noun in a verb's context ("told X in a phone call", "during talks")
CONTEXT_PREPS = ("in", "during", "at", "via", "by", "through", "over", "for")
# roots of speech acts: their nouns take the speaker from "from"/"by" ("an appeal from X")
VERBAL_ROOTS = ("01", "02", "03", "05", "10", "11", "12", "13")


class NominalEvents:
    """The event-noun half of the extractor."""

    def _noun(self, noun: Token, actors: ArticleActors, earlier: list[Candidate]) -> Iterator[Candidate]:
        frame = self.lexicon.match(self._lemma(noun), "NOUN", self._features(noun))
        if frame is None:
            return
        own = self._noun_own_actors(noun, frame, actors)
        status = self._status(noun)
        antecedent = None
        if is_definite(noun) and not (own[0] and own[1]):
            antecedent = find_antecedent(earlier, frame.cameo, sources=own[0] or None)
        if antecedent is not None:
            sources = own[0] or antecedent.sources
            targets = own[1] or antecedent.targets
            reciprocal = antecedent.reciprocal and not own[0]
            if status == "occurred":
                status = antecedent.status
        elif own[2] or (own[0] and own[1]):
            sources, targets, reciprocal = own
        else:
            carried = self._carried_actors(noun, actors, own[1])
            sources, targets = own[0] or carried[0], own[1] or carried[1]
            reciprocal = carried[2] and not own[0] and not own[1]
        if not sources and not targets:
            return
        if len(sources) > 1 and not targets:
            reciprocal = frame.cameo[:3] in SYMMETRIC
        reciprocal = reciprocal or met_with(noun, frame.cameo, targets, actors)
        yield Candidate(noun, frame.cameo, frame.rule, tuple(sources), tuple(targets), reciprocal, status)

    def _noun_own_actors(
        self, noun: Token, frame: Frame, actors: ArticleActors
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        """Actors the noun phrase names: "his trip to China", "a visit by X to Y", "talks between X and Y"."""
        pair = between(noun, actors)
        if len(pair) >= 2:
            return tuple(pair[:1]), tuple(pair[1:]), True
        source_preps = ("by", "from") if frame.cameo[:2] in VERBAL_ROOTS else ("by",)
        sources = (
            dep_actors(noun, ("poss",), actors)
            or prep_actors(noun, source_preps, actors)
            or list(actors.participants_of(noun))
        )
        spec = frame.target or "obj"
        targets = prep_actors(noun, (spec[5:],), actors) if spec.startswith("prep:") else []
        targets = targets or prep_actors(noun, TARGET_PREPS, actors) or of_complement_targets(noun, actors)
        if not targets:  # "its demand that Israel ease restrictions"
            for child in noun.children:
                if child.dep_ in ("acl", "ccomp", "relcl") and any(c.dep_ == "mark" for c in child.children):
                    targets = subject_actors(child, actors)
                    if targets:
                        break
        return tuple(sources), tuple(targets), False

    def _carried_actors(
        self, noun: Token, actors: ArticleActors, own_targets: tuple[ActorMention, ...]
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        """The actors of the verb that carries an event noun: "held talks", "postponed the visit",
        "told X in a phone call" -- not a verb that codes an event of its own ("condemned the attack")."""
        head = noun.head
        if noun.dep_ not in ("dobj", "nsubjpass", "pobj", "attr") or head.i == noun.i:
            return (), (), False
        carrier = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
        carrier_lemma = self._lemma(carrier)
        in_context = noun.dep_ == "pobj" and head.lower_ in CONTEXT_PREPS
        as_object = noun.dep_ in ("dobj", "nsubjpass", "attr")
        carries = in_context or (
            as_object
            and (
                carrier_lemma in self.lexicon.light_verbs
                or carrier_lemma in self.lexicon.report_verbs  # "announced a suspension of air links"
                or carrier_lemma in self.governing_cues
                or carrier_lemma not in self.lexicon.verbs
            )
        )
        if carrier.pos_ not in ("VERB", "AUX") or not carries:
            return (), (), False
        pair = between(carrier, actors)
        if len(pair) >= 2:
            return tuple(pair[:1]), tuple(pair[1:]), True
        sources = subject_actors(carrier, actors) or self._inherited_subject(carrier, actors)
        others = [c for c in carrier.children if c.dep_ in ("dobj", "dative") and c.i != noun.i]
        targets = list(own_targets) or [m for c in others for m in actors.at(c) if m not in sources]
        if not targets and noun.dep_ == "dobj":  # "staged rallies ... against the party's leader"
            targets = prep_actors(carrier, ("against", "on", "with"), actors)
        targets = targets or pair
        return tuple(sources), tuple(targets), in_context and bool(sources and targets)


def of_complement_targets(noun: Token, actors: ArticleActors) -> list[ActorMention]:
    """ "a suspension of air links with Serbia": the target hangs on the noun's "of" complement."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and not actors.at(pobj):
                    found = prep_actors(pobj, ("with", "to", "against", "on"), actors)
                    if found:
                        return found
    return []


def is_definite(noun: Token) -> bool:
    return any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("this", "that", "the", "these"))
        for c in noun.children
    )


def find_antecedent(earlier: list[Candidate], cameo: str, *, sources=None) -> Candidate | None:  # noqa: ANN001
    codes = {m.actor.code for m in sources} if sources else None
    for cand in reversed(earlier):
        same_source = codes is None or {m.actor.code for m in cand.sources} & codes
        if cand.cameo == cameo and same_source and (cand.targets or codes is None):
            return cand
    return None
