"""Events named by nouns: "a closed-door meeting ... between X and Y", "his trip to China", "in a phone call",
"This visit had been postponed" (a definite event noun refers back to an earlier event of the same kind),
"the third day of protests", "a mediation effort between X and Y" (``noun_carriers.tsv``: nouns that carry an
event noun without being events). An event noun used as a modifier names a kind of thing, not an event ("a
protest song", "the strike price"). A verb and its own event noun telling one act ("struck Gaza in an air
strike", "air strikes on Gaza killed ten") are one event (:func:`fold_restatements`).

Mixed into :class:`detente.events.extract.EventExtractor` (uses its lexicon, features, status and subjects).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..actors.resolve import ArticleActors
from ..datafiles import tsv_rows
from ..errors import DataFileError
from ..records import ActorMention
from .arguments import TARGET_PREPS, between, dep_actors, noun_place_target, prep_actors, subject_actors
from .candidate import SYMMETRIC, Candidate, met_with
from .lexicon import Frame

__all__ = ["NominalEvents", "fold_restatements", "load_noun_carriers"]

# prepositions that set an event noun in a verb's context ("told X in a phone call", "during talks")
CONTEXT_PREPS = ("in", "during", "at", "via", "by", "through", "over", "for")
# roots of speech acts: their nouns take the speaker from "from"/"by" ("an appeal from X")
VERBAL_ROOTS = ("01", "02", "03", "05", "10", "11", "12", "13")
# roots of physical acts: a verb and its own event noun of one root tell one act ("struck ... in a strike")
PHYSICAL_ROOTS = ("14", "15", "17", "18", "19", "20")
_CARRIER_KINDS = ("compound", "of")
# verbs that tell casualties: their subject is the target of the act they happened in
_CASUALTY_VERBS = {"die", "kill", "wound", "injure", "hurt", "perish", "maim"}
# prepositions that put an event noun beside its verb as the same act: "struck in an air strike", "killed
# during clashes", "attacked with drone strikes", "was killed by an air strike"
TELLING_PREPS = ("in", "during", "with", "through", "by")
# prepositions that make an event noun the topic of its verb: "warned X over sanctions"
TOPIC_PREPS = ("over", "about", "regarding", "concerning")


@lru_cache(maxsize=1)
def load_noun_carriers() -> dict[str, frozenset[str]]:
    """``noun_carriers.tsv``: kind (``compound`` or ``of``) -> the nouns that carry an event noun that way."""
    found: dict[str, set[str]] = {kind: set() for kind in _CARRIER_KINDS}
    path = resources.files("detente.events").joinpath("data/noun_carriers.tsv")
    for number, fields in tsv_rows(path, "event-noun carriers"):
        if len(fields) < 2 or fields[1] not in found:
            raise DataFileError(f"noun_carriers.tsv:{number}: expected 'lemma<TAB>compound|of[<TAB>note]'")
        found[fields[1]].add(fields[0].lower())
    return {kind: frozenset(words) for kind, words in found.items()}


class NominalEvents:
    """The event-noun half of the extractor."""

    def _noun(self, noun: Token, actors: ArticleActors, earlier: list[Candidate]) -> Iterator[Candidate]:
        anchor = carrier_of(noun)
        if anchor is None:
            return  # "a protest song": a modifier
        frame = self.lexicon.match(self._lemma(noun), "NOUN", self._noun_features(noun, anchor))
        if frame is None:
            return
        own = self._noun_own_actors(noun, frame, actors)
        if anchor.i != noun.i and not (own[0] or own[1] or own[2]):
            own = self._noun_own_actors(anchor, frame, actors)  # "a mediation effort between X and Y"
        status = self._status(anchor if noun.dep_ == "compound" else noun)
        antecedent = None
        if is_definite(anchor) and not (own[0] and own[1]):
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
            carried = () if is_topic(anchor, frame) else self._carried_actors(anchor, actors, own[1])
            carried = carried or ((), (), False)
            sources, targets = own[0] or carried[0], own[1] or carried[1]
            reciprocal = carried[2] and not own[0] and not own[1]
        if not sources and not targets:
            return
        if len(sources) > 1 and not targets:
            reciprocal = frame.cameo[:3] in SYMMETRIC
        if sources and not targets and not reciprocal:
            place = noun_place_target(anchor, verb_of(anchor), frame, actors)
            targets = [m for m in place if all(m.actor.code != s.actor.code for s in sources)]
        reciprocal = reciprocal or met_with(anchor, frame.cameo, targets, actors)
        yield Candidate(noun, frame.cameo, frame.rule, tuple(sources), tuple(targets), reciprocal, status)

    def _noun_features(self, noun: Token, anchor: Token) -> dict[str, set[str]]:
        """The noun's own features, and ``verb``: the verbs it is told with -- the one that carries it
        ("struck ... in a strike", "carried out strikes"), one it is the subject of ("strikes killed ten")
        and one that describes it ("a strike that killed ten")."""
        features = self._features(noun)
        verbs = {self._lemma(c) for c in anchor.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"}
        carrier = verb_of(anchor)
        if carrier is not None:
            verbs.add(self._lemma(carrier))
        if verbs:
            features["verb"] = verbs
        return features

    def _noun_own_actors(
        self, noun: Token, frame: Frame, actors: ArticleActors
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        """Actors the noun phrase names: "his trip to China", "a visit by X to Y", "talks between X and Y"."""
        pair = between(noun, actors)
        if len(pair) >= 2 and frame.target != "prep:between":
            return tuple(pair[:1]), tuple(pair[1:]), True
        source_preps = ("by", "from") if frame.cameo[:2] in VERBAL_ROOTS else ("by",)
        sources = (
            dep_actors(noun, ("poss",), actors)
            or prep_actors(noun, source_preps, actors)
            or list(actors.participants_of(noun))
        )
        spec = frame.target or "obj"
        if spec == "prep:between":  # "a mediation effort between X and Y": X and Y are what is mediated
            targets = pair
        else:
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
        # "held a march" parsed as "held a week"
        misparsed = noun.dep_ == "npadvmod" and self._lemma(head) in self.lexicon.light_verbs
        if (noun.dep_ not in ("dobj", "nsubjpass", "pobj", "attr") and not misparsed) or head.i == noun.i:
            return (), (), False
        carrier = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
        carrier_lemma = self._lemma(carrier)
        in_context = noun.dep_ == "pobj" and head.lower_ in CONTEXT_PREPS
        as_object = noun.dep_ in ("dobj", "nsubjpass", "attr") or misparsed
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
        if in_context and carrier_lemma in _CASUALTY_VERBS:
            # "three policemen died in an attack by militants": the dead are the attack's target
            return (), tuple(dep_actors(carrier, ("nsubj", "nsubjpass"), actors)), False
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


def is_topic(noun: Token, frame: Frame) -> bool:
    """ "warned the US over sanctions": the event noun is what the verb is about, not an act of its subject
    ("over the phone" still carries a call)."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in TOPIC_PREPS and frame.cameo[:2] != "04"


def carrier_of(noun: Token) -> Token | None:
    """The token that stands for an event noun in its clause: the noun itself, the noun that carries it
    ("a mediation effort", "a series of air strikes") or None when the noun only modifies another one
    ("a protest song", "the strike price")."""
    carriers = load_noun_carriers()
    if noun.dep_ == "compound":
        head = noun.head
        return head if head.lemma_.lower() in carriers["compound"] else None
    node = noun
    for _ in range(2):  # "the third day of a wave of strikes"
        prep = node.head
        if node.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lemma_.lower() not in carriers["of"]:
            break
        node = prep.head
    return node


def verb_of(token: Token) -> Token | None:
    """The verb an event noun (or its carrier) is an argument of or told with: "launched strikes", "killed in
    a strike", "strikes killed ten"."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ in ("prep", "agent"):
        if head.lower_ not in TELLING_PREPS:
            return None  # "closed the border because of fighting": a cause, not the same act
        head = head.head
    elif token.dep_ not in ("dobj", "nsubj", "nsubjpass", "attr"):
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != token.i else None


def fold_restatements(cands: list[Candidate]) -> list[Candidate]:
    """One sentence's candidates, with each physical act told by a verb and by its own event noun of the
    same CAMEO root made one: "struck Gaza in an air strike" (the noun is the verb's context), "air strikes
    on Gaza killed ten" (its subject), "a strike that killed ten" (described by the verb), "carried out air
    strikes, striking a school" (the verb continues the one that carries the noun). The folded event keeps
    the more specific code, the actors of the report that names more of them, and the verb's status."""
    out = list(cands)
    for noun_cand in cands:
        if noun_cand.trigger.pos_ not in ("NOUN", "PROPN") or noun_cand.cameo[:2] not in PHYSICAL_ROOTS:
            continue
        for i, verb_cand in enumerate(out):
            if (
                verb_cand.trigger.pos_ in ("VERB", "AUX")
                and verb_cand.cameo[:2] == noun_cand.cameo[:2]
                and tells_same_act(noun_cand.trigger, verb_cand.trigger)
                and noun_cand in out
            ):
                out[i] = _folded(verb_cand, noun_cand)
                out.remove(noun_cand)
                break
    return out


def tells_same_act(noun: Token, verb: Token) -> bool:
    anchor = carrier_of(noun) or noun
    carrier = verb_of(anchor)
    if carrier is not None and carrier.i == verb.i:
        return True
    if verb.dep_ in ("relcl", "acl") and verb.head.i == anchor.i:
        return True
    return (
        carrier is not None
        and anchor.dep_ == "dobj"
        and verb.dep_ in ("advcl", "conj")
        and verb.head.i == carrier.i
    )


def _folded(verb_cand: Candidate, noun_cand: Candidate) -> Candidate:
    named = _named_sides(verb_cand) >= _named_sides(noun_cand)
    base, other = (verb_cand, noun_cand) if named else (noun_cand, verb_cand)
    specific = other if _specificity(other.cameo) > _specificity(base.cameo) else base
    return replace(
        base,
        # a side only the other report names is kept ("were killed in an Israeli air strike in Gaza")
        sources=base.sources or other.sources,
        targets=base.targets or tuple(m for m in other.targets if m not in base.sources),
        cameo=specific.cameo,
        rule=f"{base.rule} + {other.rule}",
        status=verb_cand.status,
        cue=verb_cand.cue,
        announced=verb_cand.announced,
    )


def _named_sides(cand: Candidate) -> int:
    return 2 * bool(cand.sources) + bool(cand.targets)


def _specificity(cameo: str) -> tuple[int, bool]:
    """ "1831" over "183", "195" over the root's own "190"."""
    return len(cameo), not cameo.endswith("0")


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
