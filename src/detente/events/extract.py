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
from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import ArticleActors
from ..ontology import Ontology
from ..records import Actor, ActorMention, Article, Event, Evidence
from .arguments import (
    TARGET_PREPS,
    actor_key,
    adjacent_left_subject,
    between,
    clause_subjects,
    dep_actors,
    destination_from_head,
    event_context_doers,
    object_prep_actors,
    place_target,
    prep_actors,
    recipient_in_object,
    subject_actors,
    unattributed_source,
)
from .candidate import SYMMETRIC, Candidate, met_with
from .dictionary import dictionary_dyad, dictionary_enabled, load_dictionary
from .intent import intent_code, load_intent_codes
from .lexicon import Frame, Lexicon
from .nominal import NominalEvents, fold_restatements
from .nonpolitical import not_political
from .speech import HOPE, ReportedSpeechRules
from .status import event_status

__all__ = ["EventExtractor", "Candidate"]

_STATIVE_PASSIVES = {"oppose", "commit", "determine", "dedicate", "devote", "prepare", "involve", "engage"}
_REFUSAL_AUX = {"will", "wo", "would", "can", "ca", "could", "shall"}
_INTENT_CUES = {"would", "want", "wants", "wanted"}
# cues of an act being readied ("prepared to resume shelling"): intent_codes.tsv's "prepared" rows
_PREPARATION_CUES = {"prepare", "prepares", "prepared", "preparing"}
# subordinators of a condition: what the clause says is the condition of another act, not an act announced
_CONDITIONS = {"if", "unless", "lest", "whether"}
_REFUSAL_CUES = {"failed", "fail", "fails", "refused", "refuses", "refuse"}
# verbs whose object does what their complement says: "urged Israel to agree", "forced the army to withdraw"
_OBJECT_CONTROL = {
    "urge",
    "ask",
    "force",
    "order",
    "call",
    "persuade",
    "tell",
    "invite",
    "allow",
    "encourage",
    "request",
    "require",
    "warn",
    "press",
    "pressure",
    "push",
    "help",
    "permit",
    "compel",
    "advise",
    "instruct",
    "convince",
    "lead",
    "prompt",
    "enable",
    "authorize",
    "authorise",
    "want",
    "expect",
}
_PARTITIVES = {
    "part",
    "some",
    "all",
    "most",
    "much",
    "half",
    "portion",
    "rest",
    "bulk",
    "share",
    "ton",
    "tonne",
    "kg",
    "kilogram",
    "barrel",
    "unit",
    "million",
    "billion",
    "worth",
    "amount",
    "batch",
    "lot",
    "load",
}
# violence: when nobody is named, the country where it happened is coded as its source
_VIOLENCE_ROOTS = ("18", "19", "20")
# protests: a group's protest that names no target is aimed at its own country's authorities
_DOMESTIC_ROOTS = ("14",)
# accusations and investigations: the act in their complement is alleged, not reported as done
_ALLEGING_ROOTS = ("11", "09")
_MOTION = {"travel", "go", "fly", "head", "come", "arrive", "return", "visit"}


class EventExtractor(NominalEvents, ReportedSpeechRules):
    """Turns a Doc (with its resolved actors) into the article's events."""

    def __init__(self, lexicon: Lexicon, ontology: Ontology, second_opinion=None) -> None:  # noqa: ANN001
        self.lexicon = lexicon
        # detente.learn.SecondOpinion: proposes events in sentences no rule coded, scores every event
        self.second_opinion = second_opinion
        self.ontology = ontology
        self.cue_table = {(c.lemma, c.scope): c.status for cues in lexicon.status_cues.values() for c in cues}
        self.governing_cues = {
            c.lemma
            for cues in lexicon.status_cues.values()
            for c in cues
            if c.scope in ("head", "xcomp") and c.status != "hypothetical"
        }
        self.speech = lexicon.speech_verbs
        self.intents = load_intent_codes()
        self.dictionary = load_dictionary() if dictionary_enabled() else None

    # -- public -----------------------------------------------------------------------------------
    def extract(self, doc: Doc, actors: ArticleActors, article: Article) -> list[Event]:
        candidates: list[Candidate] = []
        for sent in doc.sents:
            if _in_heading(sent, article):
                continue
            consumed: set[int] = set()
            found = list(self._sentence(sent, actors, candidates, consumed))
            found = fold_partial_repeats(fold_restatements(found))
            if not found and self.second_opinion is not None:
                found = self.second_opinion.propose(sent, actors, self)
            candidates.extend(found)
        events = self._merge(candidates, article)
        return events if self.second_opinion is None else self.second_opinion.score(events, doc)

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
                if lemma in self.speech or (lemma in HOPE and not self._reported_clause(token)):
                    yield from self._reported(token, actors)
            elif token.pos_ in ("NOUN", "PROPN") and self._lemma(token) in self.lexicon.nouns:
                yield from self._noun(token, actors, earlier)

    def _verb(self, verb: Token, actors: ArticleActors, consumed: set[int]) -> Iterator[Candidate]:
        lemma = self._lemma(verb)
        found = self.lexicon.lookup(lemma, "VERB", self._features(verb))
        frame = found if found is not None and found.cameo else None
        if lemma in self.lexicon.light_verbs and _event_object(verb, self.lexicon, self._lemma):
            if frame is None or not frame.conditions:
                return  # "held talks": the noun is the event
            consumed.update(c.i for c in verb.children if c.dep_ == "dobj")  # "lodged a protest": 114
        if lemma in self.governing_cues and _governs_event(verb, self.lexicon, self._lemma):
            if frame is None or not frame.conditions:
                return  # "postponed the visit": the cue only sets the visit's status
            consumed.update(c.i for c in verb.children if c.dep_ in ("dobj", "xcomp"))
        layered = frame is None and found is None and self.dictionary is not None and lemma not in self.speech
        if layered:  # none of our frames matched (a blocking one would have): the field's dictionary may
            frame = self.dictionary.match_verb(verb, lemma)  # type: ignore[union-attr]
        if frame is None or not_political(verb, frame.cameo):
            return
        if any(c.kind.startswith(("xcomp", "ccomp")) for c in frame.conditions):
            consumed.update(c.i for c in verb.children if c.dep_ in ("xcomp", "ccomp"))
        if frame.cameo.startswith(_ALLEGING_ROOTS):
            # "blamed Israel for the bombing", "accused Greece of violating": the act is what is alleged
            consumed.update(t.i for t in _alleged_acts(verb))
        sources, targets, reciprocal = self._verb_actors(verb, frame, actors)
        if not sources and targets and frame.cameo.startswith(_VIOLENCE_ROOTS):
            # "a roadside bomb near Samarra killed a U.S. soldier": the place's country stands for the doer
            sources = tuple(m for m in unattributed_source(verb, actors) if m not in targets)
        if layered:
            sources, targets = dictionary_dyad(sources, targets)
        if not sources and not targets:
            return
        status, cue = event_status(verb, self._cue, lemma_of=self._lemma)
        if status == "occurred" and _negated_complement(verb, frame):
            status, cue = "negated", "not"  # "vowed not to release": the frame's act is the one negated
        if status == "hypothetical" and cue == "would" and self._reported_clause(verb):
            status = "planned"  # "said it would withdraw": a future in the past, not a condition
        if not targets and self._threat(frame.cameo, status):
            # "threatened to cut aid unless Kenya released ...": the condition's subject is the target
            targets = tuple(m for m in _condition_subjects(verb, actors) if m not in sources)
        announced = status != "occurred" and self._self_announced(verb, sources, actors)
        yield Candidate(verb, frame.cameo, frame.rule, sources, targets, reciprocal, status, cue, announced)

    def _threat(self, cameo: str, status: str) -> bool:
        """A threat, or an announced act that is coded as one ("would blockade" 1381)."""
        if cameo.startswith("13"):
            return True
        return status != "occurred" and (intent_code(self.intents["planned"], cameo) or "").startswith("13")

    def _reported_clause(self, verb: Token) -> bool:
        """True when ``verb`` is the content of a speech verb (that speech verb codes it)."""
        return (
            verb.dep_ in ("ccomp", "xcomp")
            and self._lemma(verb.head) in self.speech
            or any(
                c.dep_ in ("ccomp", "parataxis") and self._lemma(c) in self.speech and c.i > verb.i
                for c in verb.children
            )
        )

    def _lemma(self, token: Token) -> str:
        lemma = token.lemma_.lower()
        if token.tag_ == "VBZ" and token.lower_.endswith("s"):
            stem = token.lower_[:-1]
            if stem != lemma and (stem in self.lexicon.verbs or stem in self.speech or stem in HOPE):
                return stem
        return lemma

    def _features(self, token: Token) -> dict[str, set[str]]:
        features: dict[str, set[str]] = {}
        for child in token.children:
            dep = child.dep_
            if dep == "prt":
                features.setdefault("prt", set()).add(child.lower_)
            elif dep == "dobj":
                features.setdefault("obj", set()).update(self._object_words(child))
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
        if token.dep_ == "acl" and token.tag_ == "VBN" and not any(c.dep_ == "agent" for c in token.children):
            # "fighters armed with rifles": a participle describing a noun, no doer named
            features["role"] = {"participle"}
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            # "the incursion of ...", "in a phone call": the governing preposition helps nouns too
            features.setdefault("under", set()).add(token.head.lower_)
        return features

    def _object_words(self, obj: Token) -> set[str]:
        """The object's lemma and its noun modifiers ("aid deliveries" -> delivery, aid); through a
        partitive ("part of a military aid program") to the noun it is part of."""
        words = {self._lemma(obj)}
        modifiers = (c for c in obj.children if c.dep_ == "compound" or (c.dep_, c.pos_) == ("amod", "NOUN"))
        words.update(self._lemma(c) for c in modifiers)
        if obj.lemma_.lower() in _PARTITIVES:
            for prep in obj.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            words |= self._object_words(pobj)
        return words

    # -- actors of a verb ------------------------------------------------------------------------------
    def _verb_actors(
        self, verb: Token, frame: Frame, actors: ArticleActors
    ) -> tuple[tuple[ActorMention, ...], tuple[ActorMention, ...], bool]:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        if frame.target.startswith("from:"):  # "received weapons from the government"
            prep = (frame.target[5:],)
            # "received assurances from the government": the parser often hangs "from" on the object
            givers = prep_actors(verb, prep, actors) or [
                m for obj in verb.children if obj.dep_ == "dobj" for m in prep_actors(obj, prep, actors)
            ]
            return (
                tuple(givers),
                tuple(subject_actors(verb, actors) or self._inherited_subject(verb, actors)),
                False,
            )
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
            # "10 Russian soldiers killed in Ukraine": the participle's noun is what was done to
            sources = prep_actors(verb, ("by",), actors) or event_context_doers(verb, actors)
            targets = list(actors.at(verb.head))
            return tuple(sources), tuple(targets or place_target(verb, frame, actors)), False
        if passive and self._lemma(verb) in _STATIVE_PASSIVES:
            sources = dep_actors(verb, ("nsubjpass",), actors)
            targets = self._targets(verb, frame, actors)
        elif passive:
            sources = (
                prep_actors(verb, ("by",), actors)
                or event_context_doers(verb, actors)
                or self._inherited_subject(verb, actors, passive=True)
            )
            targets = dep_actors(verb, ("nsubjpass",), actors)
        else:
            sources = subject_actors(verb, actors) or self._inherited_subject(verb, actors)
            targets = self._targets(verb, frame, actors)
        pair = between(verb, actors)
        if pair:
            if sources and not targets:
                return sources, pair, False
            return pair[:1], pair[1:], True
        if len(sources) > 1 and not targets:
            # "X and Y met": each with the other; "US and British activists staged a protest": co-agents
            return tuple(sources), (), frame.cameo[:3] in SYMMETRIC
        if not targets and self._lemma(verb) in _MOTION:
            targets = destination_from_head(verb, actors)
        if not targets and sources:
            targets = [m for m in self._purpose_targets(verb, actors) if m not in sources]
        return tuple(sources), tuple(targets), met_with(verb, frame.cameo, targets, actors)

    def _targets(
        self, verb: Token, frame: Frame, actors: ArticleActors, *, depth: int = 0
    ) -> list[ActorMention]:
        """The target, looked for in the order the frame's ``target`` column asks, then the usual places."""
        spec = frame.target or "obj"
        steps = [
            lambda: prep_actors(verb, (spec[5:],), actors) if spec.startswith("prep:") else [],
            lambda: self._xcomp_objects(verb, actors) if spec == "xcomp.obj" else [],
            # an explicit preposition means the object is what is acted with ("deployed troops to X")
            lambda: [] if spec == "none" or spec.startswith("prep:") else dep_actors(verb, ("dobj",), actors),
            lambda: dep_actors(verb, ("dative",), actors),
            lambda: self._event_object_agents(verb, actors),  # "banned a march organised by students"
            lambda: prep_actors(verb, TARGET_PREPS, actors),
            lambda: object_prep_actors(verb, actors),
            lambda: clause_subjects(verb, actors),  # "demanded that the US cancel ..."
            lambda: self._xcomp_targets(verb, frame, actors, depth),  # "promised to continue aid to X"
            lambda: self._purpose_noun_targets(verb, actors),  # "mobilized reservists for a war against Iraq"
            lambda: (
                dep_actors(verb, ("dobj",), actors) if spec == "none" else []
            ),  # "expelled a Canadian diplomat"
            lambda: recipient_in_object(verb, actors),  # "pledged 500 million euros in aid to Ukraine"
            lambda: place_target(verb, frame, actors),  # "struck targets in Gaza"
        ]
        for step in steps:
            found = step()
            if found:
                return found
        return []

    def _event_object_agents(self, verb: Token, actors: ArticleActors) -> list[ActorMention]:
        """The owner of the object, or the doers of an event it names ("welcomed Reagan's statement",
        "banned a march organised by students"): acting on the thing or event acts on them."""
        for obj in verb.children:
            if obj.dep_ != "dobj":
                continue
            # a named owner, not "its": "suspended its cooperation with X" is the subject's own
            # not the subject's own ("opened its borders", "suspended its cooperation with X")
            own = {actor_key(m) for m in subject_actors(verb, actors)}
            found = [m for m in dep_actors(obj, ("poss",), actors) if actor_key(m) not in own]
            if self._lemma(obj) not in self.lexicon.nouns:
                if found:
                    return found
                continue
            for acl in obj.children:
                if not found and acl.dep_ == "acl" and any(c.dep_ == "agent" for c in acl.children):
                    found = prep_actors(acl, ("by",), actors)
            if found:
                return found
        return []

    def _purpose_noun_targets(self, verb: Token, actors: ArticleActors) -> list[ActorMention]:
        """ "mobilized reservists for a possible war against Iraq": the opponent of the act it is done for."""
        holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
        for prep in (p for h in holders for p in h.children):
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":  # "for a war against", "for operations against", "for use on"
                        found = prep_actors(pobj, ("against", "on", "toward", "towards"), actors)
                        if found:
                            return found
        return []

    def _xcomp_objects(self, verb: Token, actors: ArticleActors) -> list[ActorMention]:
        for child in verb.children:
            if child.dep_ == "xcomp":
                found = dep_actors(child, ("dobj", "dative"), actors) or prep_actors(
                    child, TARGET_PREPS, actors
                )
                if found:
                    return found
        return []

    def _xcomp_targets(
        self, verb: Token, frame: Frame, actors: ArticleActors, depth: int
    ) -> list[ActorMention]:
        for child in verb.children:
            if child.dep_ == "xcomp" and depth < 2:
                found = self._targets(child, frame, actors, depth=depth + 1)
                if found:
                    return found
        return []

    def _purpose_targets(self, verb: Token, actors: ArticleActors) -> list[ActorMention]:
        """ "staged a hunger strike to protest X", "in protest against X": the target of the purpose."""
        for child in verb.children:
            if child.dep_ in ("advcl", "xcomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in child.children
            ):
                found = dep_actors(child, ("dobj",), actors) or prep_actors(
                    child, ("against", "at", "over"), actors
                )
                if found:
                    return found
            if child.dep_ == "prep" and child.lower_ == "in":
                for grand in child.children:
                    if grand.dep_ == "pobj" and grand.lemma_.lower() == "protest":
                        found = prep_actors(grand, ("against", "at", "over", "of"), actors)
                        if found:
                            return found
        return []

    def _inherited_subject(
        self, verb: Token, actors: ArticleActors, *, passive: bool = False
    ) -> list[ActorMention]:
        node = verb
        for _ in range(3):
            if (
                node.dep_ not in ("xcomp", "conj", "advcl", "acl", "relcl", "pcomp", "acomp")
                or node.head.i == node.i
            ):
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
                found = subject_actors(head, actors)
                if found:
                    return found
                break
            if any(c.dep_ == "agent" for c in head.children):
                # "the demonstration staged by students to protest ...": the doer is the passive's agent,
                # whoever governs the phrase above it
                return prep_actors(head, ("by",), actors)
            if node.dep_ == "xcomp" and self._lemma(head) in _OBJECT_CONTROL:
                # "urged Israel to agree": its object acts ("summoned X to protest" does not)
                found = dep_actors(head, ("dobj",), actors)
                if found:
                    return found
            found = subject_actors(head, actors)
            if found:
                return found
            node = head
        return adjacent_left_subject(verb, actors)

    # -- actors of an event noun -----------------------------------------------------------------------
    def _intent(self, cand: Candidate) -> str | None:
        """An announced act is coded as the intent or threat ("will give aid" 033, "would boycott" 1312,
        "will not accept" 12x)."""
        if not cand.sources or in_condition(cand.trigger):
            return None  # "unless Baghdad accepted the conditions": a condition, not Baghdad's intent
        if cand.status == "planned" or (cand.status == "hypothetical" and cand.cue in _INTENT_CUES):
            if cand.cameo.startswith("04"):
                # a visit or meeting the source itself announces ("said they would meet") is an intent to
                # meet (036); one the story reports as scheduled stays a planned visit
                return "036" if cand.announced else None
            prepared = (cand.cue or "").lower() in _PREPARATION_CUES
            code = (prepared and intent_code(self.intents["prepared"], cand.cameo)) or intent_code(
                self.intents["planned"], cand.cameo
            )
            if (
                code is not None
                and not code.startswith(("13", "15"))
                and _conditions(cand.trigger, ("unless",))
            ):
                return "130"  # "will withdraw its force unless X holds elections": an ultimatum, a threat
            return code
        if cand.status == "negated" and (
            any(c.dep_ == "aux" and c.lower_ in _REFUSAL_AUX for c in cand.trigger.children)
            or (cand.cue or "").lower() in _REFUSAL_CUES
        ):
            return intent_code(self.intents["refused"], cand.cameo)
        return None

    def _self_announced(self, verb: Token, sources, actors: ArticleActors) -> bool:  # noqa: ANN001
        """True when a speech verb above ``verb`` has the event's own source as its speaker."""
        codes = {actor_key(m) for m in sources}  # the same actor, not just the same country and sector
        node = verb
        for _ in range(3):
            if node.dep_ not in ("ccomp", "xcomp", "conj") or node.head.i == node.i:
                return False
            node = node.head
            if self._lemma(node) in self.speech:
                return bool(codes & {actor_key(m) for m in subject_actors(node, actors)})
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
                elif all(m.start != event.evidence.start for m in existing.mentions):
                    # a mention is one sentence reporting the event: a second trigger in the same sentence
                    # ("is going to China ... the trip") is the same report, not another one
                    merged[key] = replace(existing, mentions=existing.mentions + (event.evidence,))
        return list(merged.values())

    def _events_of(self, cand: Candidate, article: Article) -> Iterator[Event]:
        if not cand.sources and _mentions_an_act_only(cand.trigger):
            return  # "negotiations on X", "removing the sanctions": names of acts nobody is said to perform
        if cand.cameo.startswith("04") and not cand.targets and not cand.reciprocal:
            return  # a consultation needs a second party ("said at a government meeting")
        if _backstory(cand.trigger):
            return  # "the ministers, whom they had taken hostage two weeks ago": background to the news
        cand = replace(cand, sources=_most_specific(cand.sources), targets=_most_specific(cand.targets))
        if cand.cameo.startswith(_DOMESTIC_ROOTS) and not cand.targets and _domestic_group(cand.sources):
            # "Egyptian demonstrators rioted": a protest with no named target is aimed at its own country
            cand = replace(cand, targets=(_own_country(cand.sources[0]),))
        if cand.status in ("occurred", "planned") and in_condition(cand.trigger):
            cand = replace(cand, status="hypothetical")  # "unless the president arranged a ceasefire"
        intent = self._intent(cand)
        if intent is not None:
            cand = replace(cand, cameo=intent, status="occurred", rule=f"{cand.rule} -> intent {intent}")
        code = self.ontology.get(cand.cameo)
        for source, target in _dyads(cand):
            if source is not None and target is not None and source.actor.code == target.actor.code:
                continue
            evidence = _evidence(cand)
            identity = _identity(source, target, cand.cameo, cand.status, cand.reciprocal)
            key_text = "|".join([article.id, *identity])
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
def _most_specific(mentions: tuple[ActorMention, ...]) -> tuple[ActorMention, ...]:
    """ "accused Azerbaijani forces" parsed as two objects (AZE, AZEMIL): keep AZEMIL."""
    codes = [m.actor.code for m in mentions]
    return tuple(
        m
        for m in mentions
        if not any(other != m.actor.code and other.startswith(m.actor.code) for other in codes)
    )


def fold_partial_repeats(cands: list[Candidate]) -> list[Candidate]:
    """One sentence's candidates without those that repeat another's act with a side missing: "police opened
    fire on protesters, killing two people" is one act of force against the protesters (same CAMEO root and
    status, the same source, no target of its own), not a second one against nobody."""
    out = list(cands)
    for cand in cands:
        for other in out:
            if other is cand or other.cameo[:2] != cand.cameo[:2] or other.status != cand.status:
                continue
            if _covers(other, cand):
                kept = replace(other, rule=f"{other.rule} + {cand.rule}")
                out = [kept if c is other else c for c in out if c is not cand]
                break
    return out


def _covers(full: Candidate, partial: Candidate) -> bool:
    """True when ``partial`` names one side of ``full`` and nothing on the other."""
    sources, targets = {actor_key(m) for m in full.sources}, {actor_key(m) for m in full.targets}
    if partial.sources and not partial.targets and targets:
        return {actor_key(m) for m in partial.sources} <= sources
    if partial.targets and not partial.sources and sources:
        return {actor_key(m) for m in partial.targets} <= targets
    return False


def _dyads(cand: Candidate) -> Iterator[tuple[ActorMention | None, ActorMention | None]]:
    """Source-target pairs: every pair of a reciprocal group ("the US, Russia and Switzerland met"),
    else every source with every target."""
    if cand.reciprocal and not cand.targets and len(cand.sources) > 1:
        for i, first in enumerate(cand.sources):
            for second in cand.sources[i + 1 :]:
                yield first, second
        return
    for source in cand.sources or (None,):
        for target in cand.targets or (None,):
            yield source, target


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


def _event_key(event: Event) -> tuple[str, ...]:
    return _identity(event.source, event.target, event.cameo, event.status, event.reciprocal)


def _identity(
    source: ActorMention | None, target: ActorMention | None, cameo: str, status: str, reciprocal: bool
) -> tuple[str, ...]:
    """What makes two reports the same event: its actors (either order when two-sided), code and status."""
    sides = [actor_key(source), actor_key(target)]
    if reciprocal:
        sides.sort()
    return (*sides, cameo, status, "two-sided" if reciprocal else "one-sided")


def _domestic_group(sources: tuple[ActorMention, ...]) -> bool:
    """One source, a group of a country (a sector, not the country or its government itself)."""
    if len(sources) != 1:
        return False
    actor = sources[0].actor
    return bool(actor.country and actor.sector and actor.sector != "GOV" and actor.code != actor.country)


def _own_country(mention: ActorMention) -> ActorMention:
    country = mention.actor.country or ""
    return replace(mention, actor=Actor(country, country, None, country, "country"))


def _backstory(trigger: Token) -> bool:
    """True inside a relative clause in the perfect ("whom they had taken hostage", "the province where 28
    people have been killed"): it describes a participant's past, it does not report the news."""
    for node in (trigger, *trigger.ancestors):
        if node.dep_ == "relcl":
            return any(c.dep_ == "aux" and c.lemma_ == "have" for c in node.children)
        if node.dep_ in ("ccomp", "ROOT"):
            return False
    return False


def _alleged_acts(verb: Token) -> Iterator[Token]:
    """The words of what an accusation charges: its "of"/"for"/"over" complement."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "for", "over", "with"):
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    yield from grand.subtree


def _negated_complement(verb: Token, frame: Frame) -> bool:
    """True when the frame names the verb's complement ("vow xcomp:@RELEASE") and it is negated."""
    if not any(c.kind.startswith("xcomp") for c in frame.conditions):
        return False
    return any(
        child.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "neg" for g in child.children)
        for child in verb.children
    )


def in_condition(token: Token) -> bool:
    """True when ``token`` is inside an "if"/"unless" clause (its own clause or one above it)."""
    for node in (token, *token.ancestors):
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in node.children):
            return True
    return False


def _conditions(verb: Token, marks: tuple[str, ...] = ("if", "unless")) -> list[Token]:
    """The "unless"/"if" clauses attached to ``verb``, to its complement or to the verb it complements."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("xcomp", "ccomp"))]
    if verb.dep_ in ("xcomp", "ccomp", "conj"):
        heads.append(verb.head)
    return [
        clause
        for head in heads
        for clause in head.children
        if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    ]


def _condition_subjects(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """The subjects of the "unless"/"if" clauses that condition ``verb``."""
    for clause in _conditions(verb):
        found = subject_actors(clause, actors)
        if found:
            return found
    return []


def _in_heading(sent: Span, article: Article) -> bool:
    start = sent.start_char
    return any(span.start <= start < span.end for span in article.headings)


def _event_object(verb: Token, lexicon: Lexicon, lemma_of) -> bool:  # noqa: ANN001
    return any(c.dep_ in ("dobj", "nsubjpass") and lemma_of(c) in lexicon.nouns for c in verb.children)


def _governs_event(verb: Token, lexicon: Lexicon, lemma_of) -> bool:  # noqa: ANN001
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and lemma_of(child) in lexicon.nouns:
            return True
        if child.dep_ == "xcomp" and lemma_of(child) in lexicon.verbs:
            return True
    return False
