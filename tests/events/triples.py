"""What the sentence-level event tests share: the occurred events of a coded text as (source country, CAMEO
code, target country) triples, and the two checks the case tables use."""

from __future__ import annotations

import datetime as dt


def occurred(coded) -> list:  # noqa: ANN001
    return [e for e in coded.events if e.status == "occurred"]


def triples(events) -> set[tuple]:  # noqa: ANN001
    """Each event as (source country, code, target country); a reciprocal event both ways."""
    out = set()
    for event in events:
        source = event.source.actor.country if event.source else None
        target = event.target.actor.country if event.target else None
        out.add((source, event.cameo, target))
        if event.reciprocal:
            out.add((target, event.cameo, source))
    return out


def assert_coded(coder, sentence: str, expected: tuple, why: str, day: dt.date) -> None:  # noqa: ANN001
    """An occurred event whose code starts with ``expected[1]``, with that source and target (None: any)."""
    found = triples(occurred(coder.code_text(sentence, published=day)))
    source, code, target = expected
    matching = [
        t
        for t in found
        if t[1].startswith(code) and (source is None or t[0] == source) and (target is None or t[2] == target)
    ]
    assert matching, f"{why}: wanted {expected}, got {sorted(found, key=str)}"


def assert_not_coded(coder, sentence: str, root: str, why: str, day: dt.date) -> None:  # noqa: ANN001
    """No occurred event whose code starts with ``root``."""
    events = occurred(coder.code_text(sentence, published=day))
    found = sorted(triples(events), key=str)
    assert not [e for e in events if e.cameo.startswith(root)], f"{why}: got {found}"
