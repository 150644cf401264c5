"""Events the lexicon cannot see, read from reported speech.

"X said Y must/should ..." is a demand (10x), "X hopes that Y will ..." an appeal (02x), and assigning
responsibility ("it is clear whose responsibility it is", "Y is responsible for ...") an accusation (112). The
speaker is the source; the clause's subject (or the addressee of "told") the target.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..actors.resolve import ArticleActors
from .arguments import (
    content_clauses,
    dep_actors,
    has_modal,
    left_subject,
    same_actors,
    same_country,
    subject_actors,
)
from .candidate import Candidate

if TYPE_CHECKING:
    from ..records import ActorMention

__all__ = ["ReportedSpeechRules", "HOPE"]

MODAL_DEMAND = {"should", "must", "ought"}
HOPE = {"hope", "wish", "want", "expect", "urge"}
BLAME_NOUNS = {"responsibility", "blame", "fault"}


class ReportedSpeechRules:
    """Mixed into :class:`detente.events.extract.EventExtractor` (uses its lexicon and helpers)."""

    def _reported(self, verb: Token, actors: ArticleActors) -> Iterator[Candidate]:
        speakers = subject_actors(verb, actors)
        addressees = dep_actors(verb, ("dobj", "dative"), actors)
        for clause in content_clauses(verb):
            own = subject_actors(clause, actors) or left_subject(clause, verb, actors)
            yield from self._demand(verb, clause, speakers, own)
            yield from self._appeal(verb, clause, speakers, own, actors)
            yield from self._blame(verb, clause, speakers, addressees, actors)

    def _demand(self, verb: Token, clause: Token, speakers, targets) -> Iterator[Candidate]:  # noqa: ANN001
        if self._lemma(verb) in HOPE or not speakers or not targets:
            return
        if not has_modal(clause, MODAL_DEMAND):
            return
        if same_actors(speakers, targets):
            return
        frame = self.lexicon.match("demand", "VERB", {"xcomp": {self._lemma(clause)}})
        cameo = frame.cameo if frame else "100"
        status = self._status(verb)
        yield Candidate(verb, cameo, "speech:modal-demand", tuple(speakers), tuple(targets), False, status)

    def _appeal(self, verb: Token, clause: Token, speakers, own, actors) -> Iterator[Candidate]:  # noqa: ANN001
        hope = clause if self._lemma(clause) in HOPE else (verb if self._lemma(verb) in HOPE else None)
        if hope is None:
            return
        source = list(own) if hope is clause else list(subject_actors(verb, actors))
        if hope is clause and speakers and (not source or same_country(speakers, source)):
            source = list(speakers)
        inner = [c for c in content_clauses(hope)] if hope is clause else [clause]
        for content in inner:
            if not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in content.children):
                continue  # a conjoined clause ("..., promote exchanges") is part of the same appeal
            targets = subject_actors(content, actors) or left_subject(content, hope, actors)
            if not source or not targets or same_country(source, targets):
                continue
            frame = self.lexicon.match("appeal", "VERB", {"xcomp": {self._lemma(content)}})
            cameo = frame.cameo if frame else "020"
            status = self._status(hope)
            status = "occurred" if status == "hypothetical" else status
            yield Candidate(hope, cameo, "speech:hope-appeal", tuple(source), tuple(targets), False, status)

    def _blame(self, verb: Token, clause: Token, speakers, addressees, actors) -> Iterator[Candidate]:  # noqa: ANN001
        if not speakers:
            return
        words = {t.lemma_.lower() for t in clause.subtree}
        if not words & (BLAME_NOUNS | {"responsible"}):
            return
        targets: list[ActorMention] = []
        for token in clause.subtree:
            if token.lower_ == "responsible" and token.dep_ == "acomp":
                targets = subject_actors(token.head, actors)
                break
        targets = targets or list(addressees)
        if not targets or same_actors(speakers, targets):
            return
        status = self._status(verb)
        yield Candidate(verb, "112", "speech:blame", tuple(speakers), tuple(targets), False, status)
