"""Acts of force that are not political events: nature and accidents ("an earthquake struck Turkey",
"killed in a plane crash") and sport ("France beat Brazil 3-0 in the final"). The words are data
(``data/non_political.tsv``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..datafiles import tsv_rows
from ..errors import DataFileError

__all__ = ["FORCE_ROOTS", "load_non_political", "not_political"]

#: CAMEO roots of coercion, assault, fight and mass violence: what nature, accidents and games look like.
FORCE_ROOTS = ("17", "18", "19", "20")
_KINDS = ("hazard", "sport")
_NOMINAL_DEPS = ("pobj", "dobj", "nsubj", "nsubjpass", "compound")
_AGENT_PREPS = ("in", "by", "during")


@lru_cache(maxsize=1)
def load_non_political() -> dict[str, frozenset[str]]:
    """``non_political.tsv``: kind (``hazard`` or ``sport``) -> its lemmas."""
    found: dict[str, set[str]] = {kind: set() for kind in _KINDS}
    path = resources.files("detente.events").joinpath("data/non_political.tsv")
    for number, fields in tsv_rows(path, "non-political cues"):
        if len(fields) < 2 or fields[1] not in found:
            raise DataFileError(f"non_political.tsv:{number}: expected 'lemma<TAB>hazard|sport[<TAB>note]'")
        found[fields[1]].add(fields[0].lower())
    return {kind: frozenset(words) for kind, words in found.items()}


def not_political(verb: Token, cameo: str) -> bool:
    """True when the act of force coded on ``verb`` is done by nature, an accident or in a game."""
    if cameo[:2] not in FORCE_ROOTS:
        return False
    words = load_non_political()
    hazards = words["hazard"]
    for child in verb.children:
        if child.dep_ == "nsubj" and _names(child, hazards):
            return True
        if (
            child.dep_ in ("prep", "agent")
            and child.lower_ in _AGENT_PREPS
            and any(g.dep_ == "pobj" and _names(g, hazards) for g in child.children)
        ):
            return True
    sport = words["sport"]
    # a noun (the parser sometimes tags "the Copa America final" as an adjective, but it is still the object)
    return any(
        t.lemma_.lower() in sport and (t.pos_ in ("NOUN", "PROPN") or t.dep_ in _NOMINAL_DEPS)
        for t in verb.sent
    )


def _names(noun: Token, lemmas: frozenset[str]) -> bool:
    if noun.lemma_.lower() in lemmas:
        return True
    return any(c.dep_ == "compound" and c.lemma_.lower() in lemmas for c in noun.children)
