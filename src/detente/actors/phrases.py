"""Noun-phrase helpers for the actor resolver: which tokens make a phrase, honorifics, dummy "it",
and how a table entry and a title become an :class:`~detente.records.Actor`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from spacy.tokens import Token

from ..records import Actor
from .tables import ActorEntry, TitleEntry

__all__ = [
    "actor_from_entry",
    "alias_key",
    "best_entry",
    "country_only",
    "distance",
    "inside_np",
    "is_expletive",
    "last_distinct",
    "modifiers_only",
    "np_tokens",
    "strip_honorific",
]

_NP_LEFT_DEPS = {
    "det",
    "amod",
    "compound",
    "nmod",
    "poss",
    "nummod",
    "quantmod",
    "advmod",
    "npadvmod",
    "case",
}
_NP_PREPS = {"of", "within", "in", "from", "for", "at"}
_HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "madam", "president", "minister"}
_EXPLETIVE_ADJECTIVES = {
    "clear",
    "likely",
    "unlikely",
    "possible",
    "impossible",
    "important",
    "necessary",
    "true",
    "obvious",
    "evident",
    "unclear",
    "certain",
    "uncertain",
    "essential",
    "vital",
    "crucial",
    "difficult",
    "easy",
    "hard",
    "time",
    "apparent",
    "doubtful",
    "urgent",
    "imperative",
}


def inside_np(token: Token) -> bool:
    """True for tokens that modify a noun-phrase head rather than head one themselves."""
    if token.dep_ in ("compound", "amod", "nmod", "det", "nummod", "quantmod", "case", "flat"):
        return token.head.i != token.i and token.head.pos_ in ("NOUN", "PROPN", "PRON")
    return False


def is_expletive(token: Token) -> bool:
    """ "It is clear that ...", "it seems": a dummy subject refers to nothing."""
    if token.lower_ != "it" or token.dep_ not in ("nsubj", "expl"):
        return token.dep_ == "expl"
    verb = token.head
    if verb.lemma_ not in ("be", "seem", "appear", "remain", "become"):
        return False
    for child in verb.children:
        if child.dep_ == "acomp" and child.lemma_.lower() in _EXPLETIVE_ADJECTIVES:
            return True  # "it is clear (that ...)"
        if child.dep_ == "ccomp" and child.i > token.i and any(c.dep_ == "mark" for c in child.children):
            return True  # "it seems that ..."
        if child.dep_ == "attr" and child.i < token.i:
            return True  # "whose responsibility it is"
    return False


def modifiers_only(head: Token, np: list[Token]) -> list[Token]:
    """A generic noun ("a trade agreement in Buenos Aires") takes its country from its own modifiers only."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ in ("amod", "compound", "nmod", "poss") and child.i < head.i:
            keep.update(t.i for t in child.subtree)
    return [t for t in np if t.i in keep]


def np_tokens(head: Token) -> list[Token]:
    """The head's noun phrase: its left modifiers, appositions and "of/in/within ..." phrases (two levels).

    Iterative, so that a pathological chain of modifiers (a run of emoji) cannot exhaust the stack.
    """
    tokens: dict[int, Token] = {}
    stack = [(head, 0)]
    while stack:
        token, depth = stack.pop()
        tokens[token.i] = token
        for child in token.children:
            if child.dep_ in _NP_LEFT_DEPS and child.i < token.i + 1:
                stack.append((child, depth))
                tokens.update(
                    (c.i, c) for c in child.children if c.dep_ == "conj" and c.pos_ in ("ADJ", "PROPN")
                )
            elif child.dep_ == "appos" and depth < 2:
                stack.append((child, depth + 1))
            elif child.dep_ == "prep" and child.lower_ in _NP_PREPS and depth < 2:
                tokens[child.i] = child
                stack.extend((grand, depth + 1) for grand in child.children if grand.dep_ == "pobj")
    return [tokens[i] for i in sorted(tokens)]


def alias_key(text: str) -> str:
    return " ".join(strip_honorific(text).lower().replace("’", "'").split())


def strip_honorific(text: str) -> str:
    parts = text.split()
    while len(parts) > 1 and parts[0].lower() in _HONORIFICS:
        parts = parts[1:]
    return " ".join(parts)


def distance(entry: ActorEntry, day: dt.date) -> int:
    start = entry.start or dt.date.min
    end = entry.end or dt.date.max
    if start <= day <= end:
        return 0
    return min(abs((day - start).days), abs((day - end).days))


def best_entry(entries: list[ActorEntry], day: dt.date | None) -> ActorEntry:
    valid = [e for e in entries if e.valid_on(day)]
    pool = valid or entries
    order = {"organization": 0, "country": 1, "capital": 2, "epithet": 3, "adjective": 4, "person": 5}
    return min(pool, key=lambda e: order.get(e.kind, 9))


def actor_from_entry(entry: ActorEntry, title: TitleEntry | None, *, sector: str | None = None) -> Actor:
    if title is not None and entry.kind != "organization":
        sector = title.sector
    if sector and entry.country and entry.kind in ("country", "adjective", "epithet", "capital"):
        return Actor(entry.country + sector, entry.country, sector, entry.name, entry.kind)
    if entry.kind in ("country", "adjective", "epithet"):
        return Actor(entry.country or entry.code, entry.country, None, entry.name, entry.kind)
    return Actor(entry.code, entry.country, entry.sector, entry.name, entry.kind)


def country_only(actor: Actor) -> Actor:
    if not actor.country:
        return actor
    return Actor(
        actor.country, actor.country, None, actor.name if actor.code == actor.country else None, "country"
    )


def last_distinct(actors: Iterable[Actor], count: int, key=None) -> list[Actor]:  # noqa: ANN001
    key = key or (lambda a: a.code + (a.name or ""))
    seen: list[Actor] = []
    keys: set = set()
    for actor in actors:
        k = key(actor)
        if k and k not in keys:
            keys.add(k)
            seen.append(actor)
        if len(seen) == count:
            break
    return seen
