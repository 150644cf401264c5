"""The pairwise decision: are two reports of events one real-world event?

Two reports are compared only when they share a block (a known side and the type family) and the days they
may have happened on overlap (:mod:`detente.analysis.features`). They may still not be one event when

* their known sides conflict: both name two sides and the pairs differ, or they share no known side (two
  reports naming no side at all may be one event);

* their places are in different countries, or
* they run in opposite directions (A accuses B, B accuses A) and neither the family nor either report is
  symmetric (meetings and agreements read the same both ways).

Of the compatible pairs that name the same action (the same trigger stem or the same CAMEO code: a family
holds several actions, and two reports of one story, such as pirates seizing a ship and the navy capturing
the pirates, share sides, family and words), those whose evidence adds up to at least
:attr:`LinkRule.threshold` are linked: the same trigger stem, sentences that share content words (Jaccard
of the stemmed content words), the same CAMEO code, the same place name, the same text date, and both sides
known on both. Numbers count against: two sentences that both state years, or both state other numbers,
and share none (23 pirates captured, 26 pirates captured) tell of different events, whatever else they
share. Articles that both name people, places or organizations (their distinctive names,
:func:`~detente.analysis.features.article_names`) but share none of them count against a link too: two
killings of one kind in one country are told with different victims, towns and police forces, while the
reports of one event name some of the same. Reports with the same
status group are one instance (linked); a planned report linked to an occurred one is the plan of that
event (``planned`` -> ``occurred``, kept apart).

Every test here is symmetric and reads only the two reports, so the instances (the connected components of
the links) do not depend on the order in which reports arrive.
"""

from __future__ import annotations

from dataclasses import dataclass

from .features import LinkFeatures

__all__ = [
    "DEFAULT_RULE",
    "LinkRule",
    "compatible",
    "evidence_score",
    "names_disjoint",
    "numbers_conflict",
    "planned_for",
    "same_action",
    "same_event",
]


@dataclass(frozen=True, slots=True)
class LinkRule:
    """Weights of the evidence and the score two reports need to be linked.

    The defaults were chosen on ECB+ topics 1-10 (``detente eval instances --topics 1-10``); the weights
    were not tuned on topics 11-22. ``same_action``: the reports must name the same action (same trigger
    stem or same CAMEO code) to be linked at all; ``number_conflict`` is taken off the score when both
    sentences state numbers and share none (3.0: more than the other evidence can make up, at most 4.0
    against a threshold of 1.5); ``names_disjoint`` is taken off when both articles have distinctive names and
    share none (1.0: a pair needs more than the bare minimum of evidence, such as the same trigger and code
    alone, to be linked across articles that name nothing in common).
    """

    threshold: float = 1.5
    trigger: float = 1.0
    words: float = 1.0
    words_min: float = 0.2
    cameo: float = 0.5
    place: float = 0.5
    date: float = 0.5
    both_sides: float = 0.5
    number_conflict: float = 3.0
    names_disjoint: float = 1.0
    same_action: bool = True


DEFAULT_RULE = LinkRule()


def _overlap(a: LinkFeatures, b: LinkFeatures) -> bool:
    if a.day_lo is None or b.day_lo is None:
        return a.day_lo is None and b.day_lo is None
    assert a.day_hi is not None and b.day_hi is not None
    return a.day_lo <= b.day_hi and b.day_lo <= a.day_hi


def _reversed(a: LinkFeatures, b: LinkFeatures) -> bool:
    if a.symmetric or a.reciprocal or b.reciprocal or None in (a.source, a.target, b.source, b.target):
        return False
    return a.source != a.target and (a.source, a.target) == (b.target, b.source)


def _sides_agree(a: LinkFeatures, b: LinkFeatures) -> bool:
    if len(a.sides) == 2 and len(b.sides) == 2:
        return a.sides == b.sides
    return bool(set(a.sides) & set(b.sides)) or (not a.sides and not b.sides)


def compatible(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Same family, agreeing sides, overlapping days, no conflicting place country, not reversed (unless
    symmetric)."""
    if a.family != b.family or not _sides_agree(a, b) or not _overlap(a, b) or _reversed(a, b):
        return False
    return not (a.place_country and b.place_country and a.place_country != b.place_country)


def _jaccard(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    if not a or not b:
        return 0.0
    first, second = set(a), set(b)
    return len(first & second) / len(first | second)


def _refines(general: str, specific: str) -> bool:
    """Whether CAMEO ``specific`` is ``general`` or below it (``171`` -> ``1711``; a root's unspecified
    ``190`` -> ``195``)."""
    if specific.startswith(general):
        return True
    return len(general) == 3 and general.endswith("0") and specific[:2] == general[:2]


def same_action(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether the two reports may name one action: the same trigger stem, or CAMEO codes one of which
    refines the other (the same code, a code below it, a code under a root's unspecified ``x0`` code)."""
    if a.trigger and a.trigger == b.trigger:
        return True
    return _refines(a.cameo, b.cameo) or _refines(b.cameo, a.cameo)


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and "1800" <= number <= "2199"


def _disjoint(first: set[str], second: set[str]) -> bool:
    return bool(first and second) and not first & second


def numbers_conflict(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether both sentences state years and share none, or both state other numbers (counts, days) and share
    none (23 pirates captured, 26 pirates captured); a year and a count are not compared."""
    years = [{n for n in report.numbers if _is_year(n)} for report in (a, b)]
    others = [set(report.numbers) - found for report, found in zip((a, b), years, strict=True)]
    return _disjoint(*years) or _disjoint(*others)


def names_disjoint(a: LinkFeatures, b: LinkFeatures) -> bool:
    """Whether both reports' articles have distinctive names and share none."""
    return bool(a.names and b.names) and not set(a.names) & set(b.names)


def evidence_score(a: LinkFeatures, b: LinkFeatures, rule: LinkRule = DEFAULT_RULE) -> float:
    """How much the two reports' evidence says they are one event (symmetric in ``a`` and ``b``)."""
    if rule.same_action and not same_action(a, b):
        return 0.0
    score = 0.0
    if a.trigger and a.trigger == b.trigger:
        score += rule.trigger
    if _jaccard(a.words, b.words) >= rule.words_min:
        score += rule.words
    if a.cameo == b.cameo:
        score += rule.cameo
    if a.place_name and a.place_name == b.place_name:
        score += rule.place
    if a.text_dated and b.text_dated and a.day_lo == b.day_lo and a.day_hi == b.day_hi:
        score += rule.date
    if None not in (a.source, a.target, b.source, b.target):
        score += rule.both_sides
    if numbers_conflict(a, b):
        score -= rule.number_conflict
    if names_disjoint(a, b):
        score -= rule.names_disjoint
    return score


def same_event(a: LinkFeatures, b: LinkFeatures, rule: LinkRule = DEFAULT_RULE) -> bool:
    """Whether two reports are one instance: compatible, same status group, enough evidence."""
    if a.status_group != b.status_group or not compatible(a, b):
        return False
    return evidence_score(a, b, rule) >= rule.threshold


def planned_for(plan: LinkFeatures, event: LinkFeatures, rule: LinkRule = DEFAULT_RULE) -> bool:
    """Whether ``plan`` (a planned report) announced ``event`` (an occurred report)."""
    if plan.status_group != "planned" or event.status_group != "occurred" or not compatible(plan, event):
        return False
    return evidence_score(plan, event, rule) >= rule.threshold
