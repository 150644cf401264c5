"""Code events from a parsed article.

For every sentence outside the headings, each verb and each event noun is looked up in the verb and noun
lexicons with the features the parse gives it (particle, prepositions, object, complement verb). A matching
frame gives the CAMEO code and says where the target is; the source is the subject (or the passive agent,
the possessor of an event noun, the subject of the light verb that carries it, or the speaker of the clause
it is reported in). Reciprocal events come from "X and Y met" and "between X and Y". Reported speech adds
three event kinds the lexicon cannot see: demands ("X said Y must/should ..."), appeals ("X hopes that Y
will ...") and blame ("it is clear whose responsibility it is", "Y is responsible for ...").
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import resources
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import ArticleActors
from ..errors import DataFileError
from ..ontology import Ontology
from ..records import ActorMention, Article, Event, Evidence
from .lexicon import Frame, Lexicon
from .status import event_status

__all__ = ["EventExtractor", "Candidate"]

_TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "from")
_STATIVE_PASSIVES = {"oppose", "commit", "determine", "dedicate", "devote", "prepare", "involve", "engage"}
_NOUN_SOURCE_PREPS = ("by", "from", "of")
_CONTEXT_PREPS = ("in", "during", "at", "via", "by", "through", "over", "for")
_MODAL_DEMAND = {"should", "must", "ought"}
_REFUSAL_AUX = {"will", "wo", "would", "can", "ca", "could", "shall"}
_INTENT_CUES = {"would", "if", "unless"}
_REFUSAL_CUES = {"failed", "fail", "fails", "refused", "refuses", "refuse"}
_VERBAL_ROOTS = ("01", "02", "03", "05", "10", "11", "12", "13")
_HOPE = {"hope", "wish", "want", "expect", "urge"}
_BLAME_NOUNS = {"responsibility", "blame", "fault"}
_SUBJECT_DEPS = ("nsubj", "csubj")
_MOTION = {"travel", "go", "fly", "head", "come", "arrive", "return", "visit"}


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


class EventExtractor:
    """Turns a Doc (with its resolved actors) into the article's events."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology) -> None:
        self.lexicon = lexicon
        self.ontology = ontology
        self.cue_table = {(c.lemma, c.scope): c.status for cues in lexicon.status_cues.values() for c in cues}
        self.governing_cues = {c.lemma for cues in lexicon.status_cues.values() for c in cues
                               if c.scope in ("head", "xcomp") and c.status != "hypothetical"}
        self.speech = lexicon.speech_verbs
        self.intents = load_intent_codes()

    # -- public -----------------------------------------------------------------------------------
    def extract(self, doc: Doc, actors: ArticleActors, article: Article) -> list[Event]:
        candidates: list[Candidate] = []
        for sent in doc.sents:
            if _in_heading(sent, article):
                continue
            consumed: set[int] = set()
            candidates.extend(self._sentence(sent, actors, candidates, consumed))
        return self._merge(candidates, article)

    def _cue(self, lemma: str, scope: str) -> str | None:
        return self.cue_table.get((lemma, scope))

    def _status(self, token: Token) -> str:
        return event_status(token, self._cue, lemma_of=self._lemma)[0]

    # -- per sentence ------------------------------------------------------------------------------
    def _sentence(
        self, sent: Span, actors: ArticleActors, earlier: list[Candidate], consumed: set[int]
    ) -> Iterator[Candidate]:
        for token in sent:
            if token.i in consumed:
                continue
            if token.pos_ == "VERB" or (token.pos_ == "AUX" and token.dep_ == "ROOT"):
                yield from self._verb(token, actors, consumed)
                lemma = self._lemma(token)
                if lemma in self.speech or (lemma in _HOPE and not self._reported_clause(token)):
                    yield from self._reported(token, actors)
            elif token.pos_ in ("NOUN", "PROPN") and self._lemma(token) in self.lexicon.nouns:
                yield from self._noun(token, actors, earlier)

    def _verb(self, verb: Token, actors: ArticleActors, consumed: set[int]) -> Iterator[Candidate]:
        lemma = self._lemma(verb)
        frame = self.lexicon.match(lemma, "VERB", self._features(verb))
        if lemma in self.lexicon.light_verbs and _event_object(verb, self.lexicon, self._lemma):
            if frame is None or not frame.conditions:
                return  # "held talks": the noun is the event
            consumed.update(c.i for c in verb.children if c.dep_ == "dobj")  # "lodged a protest": 114
        if lemma in self.governing_cues and _governs_event(verb, self.lexicon, self._lemma):
            if frame is None or not frame.conditions:
                return  # "postponed the visit": the cue only sets the visit's status
            consumed.update(c.i for c in verb.children if c.dep_ in ("dobj", "xcomp"))
        if frame is None:
            return
        if any(c.kind.startswith(("xcomp", "ccomp")) for c in frame.conditions):
            consumed.update(c.i for c in verb.children if c.dep_ in ("xcomp", "ccomp"))
        sources, targets, reciprocal = self._verb_actors(verb, frame, actors)
        if not sources and not targets:
            return
        status, cue = event_status(verb, self._cue, lemma_of=self._lemma)
        announced = status != "occurred" and self._self_announced(verb, sources, actors)
        yield Candidate(verb, frame.cameo, frame.rule, sources, targets, reciprocal, status, cue, announced)

    def _reported_clause(self, verb: Token) -> bool:
        """True when ``verb`` is the content of a speech verb (that speech verb codes it)."""
        return verb.dep_ in ("ccomp", "xcomp") and self._lemma(verb.head) in self.speech or any(
            c.dep_ in ("ccomp", "parataxis") and self._lemma(c) in self.speech and c.i > verb.i
            for c in verb.children
        )

    def _noun(self, noun: Token, actors: ArticleActors, earlier: list[Candidate]) -> Iterator[Candidate]:
        frame = self.lexicon.match(self._lemma(noun), "NOUN", self._features(noun))
        if frame is None:
            return
        own = self._noun_own_actors(noun, frame, actors)
        status = self._status(noun)
        antecedent = None
        if _is_definite(noun) and not (own[0] and own[1]):
            antecedent = _antecedent(earlier, frame.cameo, sources=own[0] or None)
        if antecedent is not None:
            sources = own[0] or antecedent.sources
            targets = own[1] or antecedent.targets
            reciprocal = antecedent.reciprocal and not own[0]
            if status == "occurred":
                status = antecedent.status
        elif own[2] or (own[0] and own[1]):
            sources, targets, reciprocal = own
        else:
            carried = self._noun_actors(noun, actors)
            sources, targets = own[0] or carried[0], own[1] or carried[1]
            reciprocal = carried[2] and not own[0] and not own[1]
        if not sources and not targets:
            return
        if len(sources) > 1 and not targets:
            sources, targets, reciprocal = sources[:1], sources[1:2], True
        yield Candidate(noun, frame.cameo, frame.rule, tuple(sources), tuple(targets), reciprocal, status)

    # -- features --------------------------------------------------------------------------------
    def _lemma(self, token: Token) -> str:
        lemma = token.lemma_.lower()
        if token.tag_ == "VBZ" and token.lower_.endswith("s"):
            stem = token.lower_[:-1]
            if stem != lemma and (stem in self.lexicon.verbs or stem in self.speech or stem in _HOPE):
                return stem
        return lemma

    def _features(self, token: Token) -> dict[str, set[str]]:
        features: dict[str, set[str]] = {}
        for child in token.children:
            dep = child.dep_
            if dep == "prt":
                features.setdefault("prt", set()).add(child.lower_)
            elif dep == "dobj":
                features.setdefault("obj", set()).add(self._lemma(child))
            elif dep == "xcomp" and child.pos_ in ("VERB", "AUX"):
                features.setdefault("xcomp", set()).add(self._lemma(child))
                for grand in child.children:
                    if grand.dep_ == "dobj":
                        features.setdefault("xcomp.obj", set()).add(self._lemma(grand))
            elif dep == "ccomp":
                features.setdefault("ccomp", set()).add(self._lemma(child))
                if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                    # "demanded that Hamas renounce ...": the clause carries the demanded act
                    features.setdefault("xcomp", set()).add(self._lemma(child))
            elif dep == "prep":
                word = child.lower_
                features.setdefault("prep", set()).add(word)
                for grand in child.children:
                    if grand.dep_ in ("pobj", "pcomp"):
                        features.setdefault(f"pobj.{word}", set()).add(self._lemma(grand))
                        for great in grand.children:
                            if great.dep_ in ("amod", "compound", "nmod") and great.pos_ in ("NOUN", "ADJ"):
                                features[f"pobj.{word}"].add(great.lower_)
            elif dep == "compound":
                features.setdefault("compound", set()).add(self._lemma(child))
            elif dep == "amod":
                features.setdefault("amod", set()).add(self._lemma(child))
            elif dep == "neg":
                features.setdefault("neg", set()).add(child.lower_)
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            # "the incursion of ...", "in a phone call": the governing preposition helps nouns too
            features.setdefault("under", set()).add(token.head.lower_)
        return features

    # -- actors of a verb ------------------------------------------------------------------------------
    def _verb_actors(
        self, verb: Token, frame: Frame, actors: ArticleActors
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if passive and self._lemma(verb) in _STATIVE_PASSIVES:
            sources = _dep_actors(verb, ("nsubjpass",), actors)
            targets = self._targets(verb, frame, actors)
        elif passive:
            sources = _prep_actors(verb, ("by",), actors) or self._inherited_subject(verb, actors, passive=True)
            targets = _dep_actors(verb, ("nsubjpass",), actors)
        else:
            sources = _subject_actors(verb, actors) or self._inherited_subject(verb, actors)
            targets = self._targets(verb, frame, actors)
        between = _between(verb, actors)
        if between:
            if sources and not targets:
                return sources, between, False
            return between[:1], between[1:], True
        if len(sources) > 1 and not targets:
            return sources[:1], sources[1:2], True
        if not targets and self._lemma(verb) in _MOTION:
            targets = _destination_from_head(verb, actors)
        if not targets and sources:
            targets = [m for m in self._purpose_targets(verb, actors) if m not in sources]
        return tuple(sources), tuple(targets), False

    def _targets(self, verb: Token, frame: Frame, actors: ArticleActors, *, depth: int = 0) -> list[ActorMention]:
        """The target, looked for in the order the frame's ``target`` column asks, then the usual places."""
        spec = frame.target or "obj"
        steps = [
            lambda: _prep_actors(verb, (spec[5:],), actors) if spec.startswith("prep:") else [],
            lambda: self._xcomp_objects(verb, actors) if spec == "xcomp.obj" else [],
            lambda: [] if spec == "none" else _dep_actors(verb, ("dobj", "dative"), actors),
            lambda: _dep_actors(verb, ("dative",), actors),
            lambda: _prep_actors(verb, _TARGET_PREPS, actors),
            lambda: _object_prep_actors(verb, actors),
            lambda: _clause_subjects(verb, actors),  # "demanded that the US cancel ..."
            lambda: self._xcomp_targets(verb, frame, actors, depth),  # "promised to continue aid to X"
            lambda: _dep_actors(verb, ("dobj",), actors) if spec == "none" else [],  # "expelled a Canadian diplomat"
            lambda: _recipient_in_object(verb, actors),  # "pledged 500 million euros in aid to Ukraine"
            lambda: _place_target(verb, frame, actors),  # "struck targets in Gaza"
        ]
        for step in steps:
            found = step()
            if found:
                return found
        return []

    def _xcomp_objects(self, verb: Token, actors: ArticleActors) -> list[ActorMention]:
        for child in verb.children:
            if child.dep_ == "xcomp":
                found = _dep_actors(child, ("dobj", "dative"), actors) or _prep_actors(child, _TARGET_PREPS, actors)
                if found:
                    return found
        return []

    def _xcomp_targets(self, verb: Token, frame: Frame, actors: ArticleActors, depth: int) -> list[ActorMention]:
        for child in verb.children:
            if child.dep_ == "xcomp" and depth < 2:
                found = self._targets(child, frame, actors, depth=depth + 1)
                if found:
                    return found
        return []

    def _purpose_targets(self, verb: Token, actors: ArticleActors) -> list[ActorMention]:
        """"staged a hunger strike to protest X", "in protest against X": the target of the purpose."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
                found = _dep_actors(child, ("dobj",), actors) or _prep_actors(child, ("against", "at", "over"), actors)
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ == "in":
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand.lemma_.lower() == "protest":
                        found = _prep_actors(grand, ("against", "at", "over", "of"), actors)
                        if found:
                            return found
        return []

    def _inherited_subject(self, verb: Token, actors: ArticleActors, *, passive: bool = False) -> list[ActorMention]:
        node = verb
        for _ in range(3):
            if node.dep_ not in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "acomp") or node.head.i == node.i:
                break
            head = node.head
            if node.dep_ in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                found = actors.at(head)
                if found:
                    return found
                if head.dep_ not in ("dobj", "pobj") or node.dep_ == "relcl":
                    break
                # "issued a declaration demanding ...": the one who issued it
                head = head.head.head if head.dep_ == "pobj" else head.head
                found = _subject_actors(head, actors)
                if found:
                    return found
                break
            if node.dep_ == "xcomp":  # "urged Israel to agree": the object controls the complement
                found = _dep_actors(head, ("dobj",), actors)
                if found:
                    return found
            found = _subject_actors(head, actors)
            if found:
                return found
            node = head
        return _adjacent_left_subject(verb, actors)

    # -- actors of an event noun -----------------------------------------------------------------------
    def _noun_own_actors(
        self, noun: Token, frame: Frame, actors: ArticleActors
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        """Actors the noun phrase itself names: "his trip to China", "a visit by X to Y", "talks between X and Y"."""
        between = _between(noun, actors)
        if len(between) >= 2:
            return tuple(between[:1]), tuple(between[1:]), True
        source_preps = ("by", "from") if frame.cameo[:2] in _VERBAL_ROOTS else ("by",)
        sources = (_dep_actors(noun, ("poss",), actors) or _prep_actors(noun, source_preps, actors)
                   or list(actors.participants_of(noun)))
        spec = frame.target or "obj"
        targets = _prep_actors(noun, (spec[5:],), actors) if spec.startswith("prep:") else []
        targets = targets or _prep_actors(noun, _TARGET_PREPS, actors)
        if not targets:  # "its demand that Israel ease restrictions"
            for child in noun.children:
                if child.dep_ in ("acl", "ccomp", "relcl") and any(c.dep_ == "mark" for c in child.children):
                    targets = _subject_actors(child, actors)
                    if targets:
                        break
        return tuple(sources), tuple(targets), False

    def _noun_actors(
        self, noun: Token, actors: ArticleActors
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        between = _between(noun, actors)
        if len(between) >= 2:
            return between[:1], between[1:], True
        sources = _dep_actors(noun, ("poss",), actors) or _prep_actors(noun, _NOUN_SOURCE_PREPS[:1], actors)
        targets = _prep_actors(noun, _TARGET_PREPS, actors)
        head = noun.head
        if not sources and noun.dep_ in ("dobj", "nsubjpass", "pobj", "attr") and head.i != noun.i:
            carrier = head.head if noun.dep_ == "pobj" and head.dep_ == "prep" else head
            carrier_lemma = self._lemma(carrier)
            carries = (
                carrier_lemma in self.lexicon.light_verbs
                or carrier_lemma in self.governing_cues
                or (noun.dep_ == "pobj" and head.lower_ in _CONTEXT_PREPS)
                or carrier_lemma not in self.lexicon.verbs
            )  # "staged rallies", "postponed the visit", "told X in a phone call" -- not "condemned the attack"
            if carrier.pos_ in ("VERB", "AUX") and carries:
                sources = _subject_actors(carrier, actors) or self._inherited_subject(carrier, actors)
                if not targets:
                    targets = [m for m in _dep_actors(carrier, ("dobj", "dative"), actors) if m not in sources]
                if not targets and noun.dep_ == "dobj":  # "staged rallies ... against the party's leader"
                    targets = _prep_actors(carrier, ("against", "on", "with"), actors)
                reciprocal_between = _between(carrier, actors)
                if reciprocal_between:
                    if len(reciprocal_between) >= 2:
                        return reciprocal_between[:1], reciprocal_between[1:], True
                    targets = targets or reciprocal_between
                if noun.dep_ == "pobj" and head.lower_ in _CONTEXT_PREPS and sources and targets:
                    return tuple(sources), tuple(targets), True
        return tuple(sources), tuple(targets), False

    # -- reported speech ---------------------------------------------------------------------------
    def _reported(self, verb: Token, actors: ArticleActors) -> Iterator[Candidate]:
        speakers = _subject_actors(verb, actors)
        addressees = _dep_actors(verb, ("dobj", "dative"), actors)
        for clause in _content_clauses(verb):
            own = _subject_actors(clause, actors) or _left_subject(clause, verb, actors)
            yield from self._demand(verb, clause, speakers, own)
            yield from self._appeal(verb, clause, speakers, own, actors)
            yield from self._blame(verb, clause, speakers, addressees, actors)

    def _demand(self, verb: Token, clause: Token, speakers, targets) -> Iterator[Candidate]:  # noqa: ANN001
        if self._lemma(verb) in _HOPE or not speakers or not targets:
            return
        if not _has_modal(clause, _MODAL_DEMAND):
            return
        if _same_actors(speakers, targets):
            return
        frame = self.lexicon.match("demand", "VERB", {"xcomp": {self._lemma(clause)}})
        cameo = frame.cameo if frame else "100"
        status = self._status(verb)
        yield Candidate(verb, cameo, "speech:modal-demand", tuple(speakers), tuple(targets), False, status)

    def _appeal(self, verb: Token, clause: Token, speakers, own, actors) -> Iterator[Candidate]:  # noqa: ANN001
        hope = clause if self._lemma(clause) in _HOPE else (verb if self._lemma(verb) in _HOPE else None)
        if hope is None:
            return
        source = list(own) if hope is clause else list(_subject_actors(verb, actors))
        if hope is clause and speakers and (not source or _same_country(speakers, source)):
            source = list(speakers)
        inner = [c for c in _content_clauses(hope)] if hope is clause else [clause]
        for content in inner:
            if not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in content.children):
                continue  # a conjoined clause ("..., promote exchanges") is part of the same appeal
            targets = _subject_actors(content, actors) or _left_subject(content, hope, actors)
            if not source or not targets or _same_country(source, targets):
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
        if not words & (_BLAME_NOUNS | {"responsible"}):
            return
        targets: list[ActorMention] = []
        for token in clause.subtree:
            if token.lower_ == "responsible" and token.dep_ == "acomp":
                targets = _subject_actors(token.head, actors)
                break
        targets = targets or list(addressees)
        if not targets or _same_actors(speakers, targets):
            return
        status = self._status(verb)
        yield Candidate(verb, "112", "speech:blame", tuple(speakers), tuple(targets), False, status)

    def _intent(self, cand: Candidate) -> str | None:
        """An announced act is coded as the intent or threat ("will give aid" 033, "would boycott" 1312,
        "will not accept" 12x)."""
        if not cand.sources:
            return None
        if cand.status == "planned" or (cand.status == "hypothetical" and cand.cue in _INTENT_CUES):
            if cand.cameo.startswith("04"):
                # a visit or meeting the source itself announces ("said they would meet") is an intent to
                # meet (036); one the story reports as scheduled stays a planned visit
                return "036" if cand.announced else None
            return _intent_code(self.intents["planned"], cand.cameo)
        if cand.status == "negated" and (
            any(c.dep_ == "aux" and c.lower_ in _REFUSAL_AUX for c in cand.trigger.children)
            or (cand.cue or "").lower() in _REFUSAL_CUES
        ):
            return _intent_code(self.intents["refused"], cand.cameo)
        return None

    def _self_announced(self, verb: Token, sources, actors: ArticleActors) -> bool:  # noqa: ANN001
        """True when a speech verb above ``verb`` has the event's own source as its speaker."""
        codes = {m.actor.code for m in sources}
        node = verb
        for _ in range(3):
            if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
            if self._lemma(node) in self.speech:
                return bool(codes & {m.actor.code for m in _subject_actors(node, actors)})
        return False

    # -- merging -----------------------------------------------------------------------------------
    def _merge(self, candidates: list[Candidate], article: Article) -> list[Event]:
        merged: dict[tuple, Event] = {}
        for cand in candidates:
            for event in self._events_of(cand, article):
                key = _event_key(event)
                existing = merged.get(key)
                if existing is None:
                    merged[key] = event
                elif all(m.start != event.evidence.start or m.trigger_start != event.evidence.trigger_start
                         for m in existing.mentions):
                    merged[key] = replace(existing, mentions=existing.mentions + (event.evidence,))
        return list(merged.values())

    def _events_of(self, cand: Candidate, article: Article) -> Iterator[Event]:
        if not cand.sources and _mentions_an_act_only(cand.trigger):
            return  # "negotiations on X", "removing the sanctions": names of acts nobody is said to perform
        intent = self._intent(cand)
        if intent is not None:
            cand = replace(cand, cameo=intent, status="occurred", rule=f"{cand.rule} -> intent {intent}")
        code = self.ontology.get(cand.cameo)
        sources = cand.sources or (None,)
        targets = cand.targets or (None,)
        for source in sources:
            for target in targets:
                if source is not None and target is not None and source.actor.code == target.actor.code:
                    continue
                evidence = _evidence(cand)
                sides = [_actor_key(source), _actor_key(target)]
                if cand.reciprocal:
                    sides.sort()
                key_text = "|".join([article.id, *sides, cand.cameo, cand.status])
                yield Event(
                    id=hashlib.sha256(key_text.encode()).hexdigest()[:16],
                    source=source,
                    target=target,
                    cameo=code.code,
                    cameo_label=code.label,
                    goldstein=code.goldstein,
                    quad_class=code.quad_class,
                    plover=code.plover,
                    plover_mode=code.plover_mode,
                    status=cand.status,
                    evidence=evidence,
                    reciprocal=cand.reciprocal,
                    mentions=(evidence,),
                )


# -- module helpers ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def load_intent_codes() -> dict[str, dict[str, str]]:
    """``intent_codes.tsv``: CAMEO prefix of an announced (or refused) act -> the code it is coded as."""
    tables: dict[str, dict[str, str]] = {"planned": {}, "refused": {}}
    text = resources.files("detente.events").joinpath("data/intent_codes.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or not fields[0].isdigit() or not fields[1].isdigit() or fields[2] not in tables:
            raise DataFileError(f"intent_codes.tsv:{number}: expected 'from<TAB>to<TAB>planned|refused'")
        tables[fields[2]][fields[0]] = fields[1]
    return tables


def _intent_code(table: dict[str, str], cameo: str) -> str | None:
    for length in range(len(cameo), 1, -1):
        found = table.get(cameo[:length])
        if found is not None:
            return found
    return None


def _mentions_an_act_only(trigger: Token) -> bool:
    """An event noun, gerund or bare infinitive without a subject names a kind of act, not a reported one."""
    if trigger.pos_ in ("NOUN", "PROPN"):
        return True
    if trigger.tag_ == "VBG" and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children):
        return True
    return trigger.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)


def _evidence(cand: Candidate) -> Evidence:
    sent = cand.trigger.sent
    trigger = cand.trigger
    return Evidence(
        sentence=sent.text.strip(),
        start=sent.start_char,
        end=sent.start_char + len(sent.text.rstrip()),
        trigger=trigger.text,
        rule=cand.rule,
        trigger_start=trigger.idx,
        trigger_end=trigger.idx + len(trigger.text),
    )


def _actor_key(mention: ActorMention | None) -> str:
    if mention is None:
        return ""
    return f"{mention.actor.code}:{mention.actor.name or ''}"


def _event_key(event: Event) -> tuple:
    source, target = _actor_key(event.source), _actor_key(event.target)
    if event.reciprocal:
        source, target = sorted([source, target])
    return (source, target, event.cameo, event.status)


def _in_heading(sent: Span, article: Article) -> bool:
    start = sent.start_char
    return any(span.start <= start < span.end for span in article.headings)


def _subject_actors(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    found = _dep_actors(verb, _SUBJECT_DEPS, actors)
    if not found:  # "The Red Cross operating in Iraq said": the parser made the participle the subject
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS and child.pos_ == "VERB":
                return _dep_actors(child, _SUBJECT_DEPS, actors)
    return found


def _dep_actors(token: Token, deps: tuple[str, ...], actors: ArticleActors) -> list[ActorMention]:
    found: list[ActorMention] = []
    for child in token.children:
        if child.dep_ in deps:
            found.extend(_with_conjuncts(child, actors))
    return found


def _with_conjuncts(token: Token, actors: ArticleActors) -> list[ActorMention]:
    found = list(actors.at(token)) or list(actors.participants_of(token))
    if not found and token.pos_ == "NOUN" and token.lemma_.lower() in actors.resolver.event_nouns:
        # "an appeal from President Gbagbo", "the removal of President X": the event's participant
        found = _prep_actors(token, ("by", "from", "of"), actors)
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ in ("NOUN", "PROPN", "PRON"):
            found.extend(m for m in actors.at(conj) if m not in found)
    return found


def _prep_actors(token: Token, preps: tuple[str, ...], actors: ArticleActors) -> list[ActorMention]:
    for prep in preps:
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == prep:
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        found = _with_conjuncts(grand, actors)
                        if found:
                            return found
    return []


def _object_prep_actors(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    for child in verb.children:
        if child.dep_ == "dobj":
            found = _prep_actors(child, ("to", "with", "against", "on", "of", "by"), actors)
            if found:
                return found
    return []


def _clause_subjects(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    for child in verb.children:
        if child.dep_ == "ccomp":
            found = _subject_actors(child, actors)
            if found:
                return found
    return []


def _recipient_in_object(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """The first "to X" inside the object phrase."""
    for child in verb.children:
        if child.dep_ == "dobj":
            for token in child.subtree:
                if token.dep_ == "prep" and token.lower_ == "to" and token.i != child.i:
                    found = _prep_actors(token.head, ("to",), actors)
                    if found:
                        return found
    return []


_PLACE_ROOTS = ("07", "08", "13", "15", "16", "17", "18", "19", "20")


def _place_target(verb: Token, frame: Frame, actors: ArticleActors) -> list[ActorMention]:
    """Acts done in a place ("struck targets in Gaza", "deploy peacekeepers in Iraq"): its country is the target."""
    if frame.cameo[:2] not in _PLACE_ROOTS:
        return []
    found = _prep_actors(verb, ("in", "near", "at", "across", "inside"), actors)
    if not found:
        for child in verb.children:
            if child.dep_ == "dobj":
                found = _prep_actors(child, ("in", "near", "inside"), actors)
                break
    return [m for m in found if m.actor.country]


def _between(token: Token, actors: ArticleActors) -> list[ActorMention]:
    """"between X and Y" on this token; tolerates the parser hanging Y on the verb as a conjunct."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if not pobjs:
                continue
            found = _with_conjuncts(pobjs[0], actors)
            if len(found) < 2:
                for other in token.children:
                    if other.dep_ == "conj" and other.pos_ in ("NOUN", "PROPN") and other.i > child.i:
                        found.extend(actors.at(other))
            return found
    return []


def _destination_from_head(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """"the first visit to China since his predecessor traveled": the motion verb inherits the destination."""
    head = verb.head
    if verb.dep_ in ("acl", "relcl", "advcl") and head.pos_ == "NOUN":
        return _prep_actors(head, ("to", "in"), actors)
    return []


def _event_object(verb: Token, lexicon: Lexicon, lemma_of) -> bool:  # noqa: ANN001
    return any(
        c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in lexicon.nouns for c in verb.children
    )


def _governs_event(verb: Token, lexicon: Lexicon, lemma_of) -> bool:  # noqa: ANN001
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and lemma_of(child) in lexicon.nouns:
            return True
        if child.dep_ == "xcomp" and lemma_of(child) in lexicon.verbs:
            return True
    return False


def _is_definite(noun: Token) -> bool:
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("this", "that", "the", "these"))
               for c in noun.children)


def _antecedent(earlier: list[Candidate], cameo: str, *, sources=None) -> Candidate | None:  # noqa: ANN001
    codes = {m.actor.code for m in sources} if sources else None
    for cand in reversed(earlier):
        if cand.cameo == cameo and (codes is None or {m.actor.code for m in cand.sources} & codes):
            if cand.targets or codes is None:
                return cand
    return None


def _content_clauses(verb: Token) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)
    out = []
    for clause in clauses:
        out.append(clause)
        out.extend(c for c in clause.conjuncts if c.pos_ in ("VERB", "AUX") and c.i > clause.i)
    return out


def _left_subject(clause: Token, governor: Token, actors: ArticleActors) -> list[ActorMention]:
    """The parse lost the clause's subject: take the nearest actor between the governor and the clause."""
    lo, hi = sorted((governor.i, clause.i))
    doc = clause.doc
    for i in range(clause.i - 1, lo, -1):
        found = actors.at(doc[i])
        if found and doc[i].dep_ in ("nsubj", "nsubjpass", "ccomp", "dep"):
            return found
    return []


def _adjacent_left_subject(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """The parser left a finite verb without a subject ("his predecessor, Mike Pompeo, traveled"):
    take the actor phrase that ends right before it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SUBJECT_DEPS for c in verb.children):
        return []
    i = verb.i - 1
    doc = verb.doc
    while i >= verb.sent.start and (doc[i].is_punct or doc[i].pos_ == "ADV"):
        i -= 1
    if i < verb.sent.start:
        return []
    token = doc[i]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    return list(actors.at(token)) or (list(actors.at(token.head)) if token.dep_ == "appos" else [])


def _has_modal(clause: Token, modals: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() in modals for c in clause.children)


def _same_actors(first, second) -> bool:  # noqa: ANN001
    return {_actor_key(m) for m in first} == {_actor_key(m) for m in second}


def _same_country(first, second) -> bool:  # noqa: ANN001
    countries = {m.actor.country for m in first if m.actor.country}
    return bool(countries) and countries == {m.actor.country for m in second if m.actor.country}


