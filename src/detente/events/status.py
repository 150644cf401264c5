"""Whether an event happened: occurred, planned, cancelled, denied, hypothetical or negated.

The status comes from the event's own auxiliaries, negation, determiners and modifiers ("will visit", "would
meet", "did not attack", "no talks", "the planned visit", a headline's "X to visit Y"), from a subordinating
conjunction ("if", "unless"), and from a cue word that governs it ("intends to visit", "postponed the
visit", "the visit was called off", "denied meeting", "hopes that ... will work with"). Cue words and the
syntactic position they act from (their *scope*) are data (``status_cues.tsv``); the strongest status found
wins -- except that a governor which makes its complement something asked for, hoped for or threatened
("urged the US to stop imposing sanctions", "called on Israel not to attack") turns what was found below it
into ``hypothetical``: the negation or cancellation is part of what is asked, not a reported fact.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

__all__ = ["event_status", "STRENGTH", "CueLookup"]

#: Higher wins when several cues apply.
STRENGTH = {"occurred": 0, "planned": 1, "hypothetical": 2, "negated": 3, "denied": 4, "cancelled": 5}

#: ``cue(lemma, scope) -> status | None``
CueLookup = Callable[[str, str], "str | None"]

_FUTURE_TIME = {"tomorrow", "next", "upcoming", "coming", "weekend", "later", "soon", "tonight"}
# the dependency we climb along -> the cue scopes that act across it
_STEP_SCOPES = {
    "xcomp": ("head", "xcomp"),
    "dobj": ("head",),
    "ccomp": ("head",),
    "nsubjpass": ("subject-of-passive",),
    "nsubj": ("subject",),
    "pobj": ("head",),
    "acl": ("head", "xcomp"),  # "the EU's demand to stop ...", "a plan to visit ..."
}
_MAX_HOPS = 4
# steps from a complement up to the verb whose content it is ("urged X to stop ...", "a call to stop ...")
_CONTENT_STEPS = ("xcomp", "ccomp", "acl")


def event_status(
    trigger: Token, cue: CueLookup, *, lemma_of: Callable[[Token], str]
) -> tuple[str, str | None]:
    """Return ``(status, cue_text)`` for the event whose trigger word is ``trigger``."""
    found = {"status": "occurred", "cue": None}

    def consider(status: str | None, text: str | None) -> None:
        if status is not None and STRENGTH[status] > STRENGTH[found["status"]]:
            found["status"], found["cue"] = status, text

    _own_markers(trigger, cue, consider, lemma_of=lemma_of)
    if _headline_infinitive(trigger):
        consider("planned", "to")
    if trigger.dep_ == "pobj" and trigger.head.dep_ == "prep":
        consider(cue(trigger.head.lower_, "prep"), trigger.head.text)
    node = trigger
    for _ in range(_MAX_HOPS):
        step, head = node.dep_, node.head
        if head.i == node.i:
            break
        if step == "pobj":
            if head.dep_ != "prep" or head.lower_ not in ("of", "for", "on", "to"):
                break
            head = head.head
        if step == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            # "would blockade Paris to demand ...": a purpose shares the status of the act it serves
            # (the parser often hangs an open complement there: "have sworn to fight" -> the xcomp cues apply)
            head_status, head_cue = event_status(head, cue, lemma_of=lemma_of)
            consider(head_status, head_cue)
            consider(_cue_with_particle(head, lemma_of(head), "xcomp", cue), head.text)
            break
        if step == "conj":
            _own_markers(head, cue, consider, lemma_of=lemma_of, inherited=True)
            node = head
            continue
        scopes = _STEP_SCOPES.get(step)
        if scopes is None:
            break
        lemma = lemma_of(head)
        for scope in scopes:
            status = _cue_with_particle(head, lemma, scope, cue)
            if status == "hypothetical" and step in _CONTENT_STEPS and found["status"] != "occurred":
                found["status"], found["cue"] = "hypothetical", head.text  # the content of an appeal, a wish
            consider(status, head.text)
        if found["status"] in ("cancelled", "denied"):
            break
        if step in ("xcomp", "pobj"):  # "will travel to Beijing for talks": the talks are planned too
            _own_markers(head, cue, consider, lemma_of=lemma_of, inherited=True)
        node = head
    return found["status"], found["cue"]


def _cue_with_particle(token: Token, lemma: str, scope: str, cue: CueLookup) -> str | None:
    for child in token.children:
        if child.dep_ == "prt":
            status = cue(f"{lemma} {child.lower_}", scope)
            if status is not None:
                return status
    return cue(lemma, scope)


def _own_markers(token: Token, cue: CueLookup, consider, *, lemma_of, inherited: bool = False) -> None:  # noqa: ANN001
    for child in token.children:
        dep, word = child.dep_, child.lower_
        if dep == "neg":
            consider(cue(word, "neg") or "negated", child.text)
        elif dep in ("aux", "auxpass"):
            status = cue(word, "aux")
            if not (inherited and status == "hypothetical"):
                consider(status, child.text)
        elif dep == "mark" and not inherited:
            consider(cue(word, "mark"), child.text)
        elif dep == "det" and not inherited:
            consider(cue(word, "det"), child.text)
        elif dep == "amod" and not inherited:
            consider(cue(lemma_of(child), "amod") or cue(word, "amod"), child.text)
    if _progressive_future(token):
        consider("planned", "progressive")
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "attr") and token.head.lemma_ == "be":
        for child in token.head.children:
            if child.dep_ == "aux" and cue(child.lower_, "aux") == "planned":
                consider("planned", child.text)


def _headline_infinitive(token: Token) -> bool:
    """ "Turkey to deploy troops to Syria": a headline's bare infinitive as the main verb is its future."""
    return token.dep_ == "ROOT" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _progressive_future(token: Token) -> bool:
    """ "is going to China this weekend": a present-tense verb with a future time expression."""
    if token.tag_ not in ("VBG", "VBZ", "VBP"):
        return False
    if token.tag_ == "VBG" and not any(c.dep_ == "aux" and c.lemma_ == "be" for c in token.children):
        return False
    for child in token.children:
        if child.dep_ in ("npadvmod", "prep", "advmod", "tmod") and any(
            t.ent_type_ in ("DATE", "TIME") and t.lower_ in _FUTURE_TIME for t in child.subtree
        ):
            return True
    return False
