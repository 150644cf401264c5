"""The classifier's view of a sentence: sparse string features, the same at training and at run time.

An event is seen as its sentence, its trigger word and where its source and target are from the trigger:

* ``w=<lemma>``: the content words of the sentence (names and numbers left out: they say who and how many,
  not what was done; negations and modals kept);
* ``t=<lemma>``, ``t.<dep>=<lemma>``, ``t.prep=<word>``, ``t.<prep>=<lemma>``, ``t.neg``, ``t.aux=<modal>``,
  ``t.prt=<word>``: the trigger and its dependents; ``t.up=<dep>:<lemma>``: the word that governs it when it
  is a complement ("threatened to *strike*");
* ``src=<path>``, ``tgt=<path>``: the dependency path from the actor's head word up to the trigger
  (``nsubj``, ``dobj``, ``pobj>prep:against``, ``amod>nsubj``), or ``far`` when the trigger does not
  govern it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["event_features", "lead_trigger", "path_to"]

#: Function words that still change what happened.
_KEPT_STOPS = frozenset(
    {"not", "no", "never", "will", "would", "could", "should", "must", "may", "might", "against", "without"}
)
_MODALS = frozenset({"will", "would", "could", "should", "must", "may", "might", "can", "shall", "wo", "ca"})
_TRIGGER_ARGS = ("dobj", "nsubjpass", "xcomp", "ccomp", "attr", "acomp", "oprd", "dative")
_GOVERNED = ("xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl")
_MAX_PATH = 3


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def event_features(
    sent: Span, trigger: Token | None, source: Token | None = None, target: Token | None = None
) -> list[str]:
    """The sorted feature strings of one (sentence, trigger, source, target)."""
    features: set[str] = set()
    for token in sent:
        if token.is_punct or token.is_space or token.like_num or token.pos_ in ("PROPN", "NUM", "SYM"):
            continue
        lemma = _lemma(token)
        if not lemma.isalpha() or (token.is_stop and lemma not in _KEPT_STOPS):
            continue
        features.add(f"w={lemma}")
    if trigger is None:
        return sorted(features)
    features.add(f"t={_lemma(trigger)}")
    for child in trigger.children:
        dep = child.dep_
        if dep in _TRIGGER_ARGS:
            features.add(f"t.{dep}={_lemma(child)}")
        elif dep in ("prep", "agent"):
            word = child.lower_
            features.add(f"t.prep={word}")
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    features.add(f"t.{word}={_lemma(grand)}")
        elif dep == "neg":
            features.add("t.neg")
        elif dep == "aux" and child.lower_ in _MODALS:
            features.add(f"t.aux={child.lower_}")
        elif dep == "prt":
            features.add(f"t.prt={child.lower_}")
    if trigger.dep_ in _GOVERNED and trigger.head.i != trigger.i:
        features.add(f"t.up={trigger.dep_}:{_lemma(trigger.head)}")
    for name, actor in (("src", source), ("tgt", target)):
        if actor is not None:
            features.add(f"{name}={path_to(actor, trigger)}")
    return sorted(features)


def path_to(token: Token, trigger: Token) -> str:
    """The dependency labels from ``token`` up to ``trigger`` (prepositions by their word), or ``far``."""
    steps: list[str] = []
    node = token
    while node.i != trigger.i:
        if len(steps) == _MAX_PATH or node.head.i == node.i:
            return "far"
        steps.append(f"prep:{node.lower_}" if node.dep_ in ("prep", "agent") else node.dep_)
        node = node.head
    return ">".join(steps) or "self"


def lead_trigger(sent: Span) -> tuple[Token | None, Token | None, Token | None]:
    """For text without marked events: the sentence's main verb, its subject and its object (or the object
    of its first preposition) as stand-ins for trigger, source and target."""
    root = sent.root
    trigger = root if root.pos_ in ("VERB", "AUX") else next((t for t in sent if t.pos_ == "VERB"), None)
    if trigger is None:
        return None, None, None
    source = next((c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    target = next((c for c in trigger.children if c.dep_ in ("dobj", "dative")), None)
    if target is None:
        for prep in (c for c in trigger.children if c.dep_ == "prep"):
            target = next((g for g in prep.children if g.dep_ == "pobj"), None)
            if target is not None:
                break
    return trigger, source, target
