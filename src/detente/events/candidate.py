"""An event before it is merged with its repeats, and what makes an event two-sided."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..actors.resolve import ArticleActors
from ..records import ActorMention
from .arguments import prep_actors

__all__ = ["Candidate", "SYMMETRIC", "met_with"]

# meeting, agreeing, signing, cooperating: "X and Y did it" means each with the other
SYMMETRIC = (
    "087",
    "0871",
    "030",
    "031",
    "032",
    "036",
    "037",
    "040",
    "041",
    "044",
    "045",
    "046",
    "050",
    "054",
    "057",
    "060",
    "061",
    "062",
    "063",
    "064",
    "019",
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An event before it is merged with its repeats."""

    trigger: Token
    cameo: str
    rule: str
    sources: tuple[ActorMention, ...]
    targets: tuple[ActorMention, ...]
    reciprocal: bool
    status: str
    cue: str | None = None  # the word that gave the status
    announced: bool = False  # reported as said by its own source ("they said they would meet")


def met_with(token: Token, cameo: str, targets, actors: ArticleActors) -> bool:  # noqa: ANN001
    """ "met with X", "talks with X": a two-sided consultation."""
    if cameo[:3] not in SYMMETRIC or not targets:
        return False
    partners = prep_actors(token, ("with",), actors)
    return bool(partners) and all(m in partners for m in targets)
