"""Where an event's actors are in the parse: subjects, objects, prepositional objects, clauses.

Small pure functions over spaCy tokens and the article's resolved actors; the extractor combines them.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..actors.resolve import ArticleActors
from ..records import Actor, ActorMention
from .lexicon import Frame

SUBJECT_DEPS = ("nsubj", "csubj")
TARGET_PREPS = ("to", "with", "against", "on", "toward", "towards", "into", "from")


def actor_key(mention: ActorMention | None) -> str:
    if mention is None:
        return ""
    return f"{mention.actor.code}:{mention.actor.name or ''}"


def subject_actors(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    found = dep_actors(verb, SUBJECT_DEPS, actors)
    if not found:  # "The Red Cross operating in Iraq said": the parser made the participle the subject
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.pos_ == "VERB":
                return dep_actors(child, SUBJECT_DEPS, actors)
    return found + headline_subjects(verb, found, actors)


def headline_subjects(verb: Token, found: list[ActorMention], actors: ArticleActors) -> list[ActorMention]:
    """Subjects a headline's telegraphic style hides from the parser: a list without "and" ("China, Japan
    hold talks", parsed as an apposition or a loose modifier) and the subject of a headline infinitive
    ("Turkey to deploy troops"). A name counts only when it is another country's: "the US President, Joe
    Biden" is one actor named twice."""
    countries = {m.actor.country for m in found}
    names = [g for c in verb.children if c.dep_ in SUBJECT_DEPS for g in c.children if g.dep_ == "appos"]
    doc = verb.doc
    for child in verb.children:
        if child.i > verb.i or child.pos_ != "PROPN":
            continue
        listed = child.dep_ in ("npadvmod", "dep") and child.i + 1 < verb.i and doc[child.i + 1].text == ","
        infinitive = (
            child.dep_ == "dep"
            and not found
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        )
        if listed or infinitive:
            names.append(child)
    extra: list[ActorMention] = []
    for name in names:
        if name.pos_ != "PROPN" or any(c.dep_ == "det" for c in name.children):
            continue
        for mention in actors.at(name):
            if mention.actor.country and mention.actor.country not in countries and mention not in extra:
                extra.append(mention)
    return extra


def dep_actors(token: Token, deps: tuple[str, ...], actors: ArticleActors) -> list[ActorMention]:
    found: list[ActorMention] = []
    for child in token.children:
        if child.dep_ in deps:
            if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave permission to Russia": the recipient
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        found.extend(with_conjuncts(pobj, actors))
                continue
            found.extend(with_conjuncts(child, actors))
    return found


def with_conjuncts(token: Token, actors: ArticleActors) -> list[ActorMention]:
    found = list(actors.at(token)) or list(actors.participants_of(token))
    if not found and token.pos_ == "NOUN" and token.lemma_.lower() in actors.resolver.event_nouns:
        # "an appeal from President Gbagbo", "China's assistance": the event's participant
        found = dep_actors(token, ("poss",), actors) or prep_actors(token, ("by", "from", "of"), actors)
    for conj in token.conjuncts:
        if conj.i > token.i and conj.pos_ in ("NOUN", "PROPN", "PRON"):
            found.extend(m for m in actors.at(conj) if m not in found)
    return found


def prep_actors(token: Token, preps: tuple[str, ...], actors: ArticleActors) -> list[ActorMention]:
    for prep in preps:
        for child in token.children:
            if child.dep_ in ("prep", "agent") and child.lower_ == prep:
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        found = with_conjuncts(grand, actors) or _nested_place(grand, actors)
                        if found:
                            return found
    return []


def _nested_place(pobj: Token, actors: ArticleActors) -> list[ActorMention]:
    """ "to its border with Syria", "into the outskirts of Kyiv": the country inside a place phrase."""
    if pobj.lemma_.lower() not in PLACE_NOUNS:
        return []
    for child in pobj.children:
        if child.dep_ == "prep" and child.lower_ in ("with", "of"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    found = list(actors.at(grand))
                    if found:
                        return found
    return []


def object_prep_actors(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    for child in verb.children:
        if child.dep_ == "dobj":
            found = prep_actors(child, ("to", "with", "against", "on", "of", "by", "from"), actors)
            if found:
                return found
    return []


def clause_subjects(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    for child in verb.children:
        if child.dep_ == "ccomp":
            found = subject_actors(child, actors)
            if found:
                return found
    return []


def recipient_in_object(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """The first "to X" inside the object phrase."""
    for child in verb.children:
        if child.dep_ == "dobj":
            for token in child.subtree:
                if token.dep_ == "prep" and token.lower_ == "to" and token.i != child.i:
                    found = prep_actors(token.head, ("to",), actors)
                    if found:
                        return found
    return []


PLACE_NOUNS = {
    "border",
    "frontier",
    "outskirts",
    "territory",
    "capital",
    "city",
    "town",
    "village",
    "district",
    "enclave",
    "region",
    "province",
    "airspace",
    "waters",
    "coast",
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "heart",
    "side",
    "edge",
}
PLACE_ROOTS = ("07", "08", "13", "14", "15", "16", "17", "18", "19", "20")


def place_target(verb: Token, frame: Frame, actors: ArticleActors) -> list[ActorMention]:
    """Acts done in a place ("struck targets in Gaza", "deploy peacekeepers in Iraq", "fired shells at
    targets in Jericho") target its country: the place of the verb, of its object or of what it was aimed
    at; an actor the text names first, else a place the gazetteer knows."""
    if frame.cameo[:2] not in PLACE_ROOTS:
        return []
    holders = [(verb, _PLACE_PREPS)]
    holders += [(c, _INNER_PLACE_PREPS) for c in verb.children if c.dep_ == "dobj"]
    holders += [
        (pobj, _INNER_PLACE_PREPS)
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("at", "on", "against")
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    for holder, preps in holders:
        found = _countries(_place_actors(holder, preps, actors))
        if found:
            return found
    for holder, preps in holders:
        found = gazetteer_place(holder, actors, preps)
        if found:
            return found
    return []


def _place_actors(token: Token, preps: tuple[str, ...], actors: ArticleActors) -> list[ActorMention]:
    """Actors named in place phrases on ``token``; not the participants of an event noun ("killed in Israeli
    shelling" is done by Israel, not in it)."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in actors.resolver.event_nouns:
                    found = list(actors.at(pobj)) or _nested_place(pobj, actors)
                    if found:
                        return found
    return []


def unattributed_source(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """ "A roadside bomb near Samarra killed a U.S. soldier", "ten soldiers were killed in Ukraine": violence
    nobody is named for is coded to the country where it happened (as the PLOVER and PETRARCH coders do)."""
    holders = [verb, *(c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass"))]
    for holder in holders:
        found = _countries(_place_actors(holder, _PLACE_PREPS, actors)) or gazetteer_place(holder, actors)
        if found:
            return found
    return []


def event_context_doers(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """ "were killed in an Israeli air strike", "died in a Russian attack": the doer of the event noun the
    passive act happened in (its possessor or the country its modifiers name)."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during"):
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and pobj.lemma_.lower() in actors.resolver.event_nouns:
                    found = dep_actors(pobj, ("poss",), actors) or list(actors.participants_of(pobj))
                    if found:
                        return found
    return []


def noun_place_target(
    noun: Token, carrier: Token | None, frame: Frame, actors: ArticleActors
) -> list[ActorMention]:
    """ "a rally in Lagos", "held military drills in Alaska": the place of an event noun, or of the verb that
    carries it, is its target's country (as for verbs, :func:`place_target`; the gazetteer names places that
    are not actors)."""
    if frame.cameo[:2] not in PLACE_ROOTS:
        return []
    for token in (noun, carrier):
        if token is None:
            continue
        found = _countries(prep_actors(token, _PLACE_PREPS, actors)) or gazetteer_place(token, actors)
        if found:
            return found
    return []


def gazetteer_place(
    token: Token, actors: ArticleActors, preps: tuple[str, ...] = ("in", "near", "at", "across", "inside")
) -> list[ActorMention]:
    """The country of a place named in a place phrase on ``token`` that is no actor ("in Alaska", "in
    Arequipa"), from the gazetteer."""
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if pobj.lemma_.lower() in PLACE_NOUNS:  # "near the town of Samarra"
                    inner = [g for p in pobj.children if p.lower_ == "of" for g in p.children]
                    pobj = inner[0] if inner else pobj
                country = actors.place_country(pobj)
                if country:
                    span = pobj.doc[pobj.left_edge.i : pobj.i + 1]
                    actor = Actor(country, country, None, span.text)
                    return [ActorMention(span.text, span.start_char, span.end_char, actor, "place")]
    return []


_PLACE_PREPS = ("in", "near", "at", "across", "inside")
_INNER_PLACE_PREPS = ("in", "near", "inside")


def _countries(found: list[ActorMention]) -> list[ActorMention]:
    # a place is its country, not its government ("a curfew in Algiers" targets Algeria, not Algiers' rulers)
    return [
        replace(m, actor=Actor(m.actor.country, m.actor.country, None, m.text))
        for m in found
        if m.actor.country
    ]


def between(token: Token, actors: ArticleActors) -> list[ActorMention]:
    """ "between X and Y" on this token; tolerates the parser hanging Y on the verb as a conjunct."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "between":
            pobjs = [g for g in child.children if g.dep_ == "pobj"]
            if not pobjs:
                continue
            found = with_conjuncts(pobjs[0], actors)
            if len(found) < 2:
                for other in token.children:
                    if other.dep_ == "conj" and other.pos_ in ("NOUN", "PROPN") and other.i > child.i:
                        found.extend(actors.at(other))
            return found
    return []


def destination_from_head(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """ "the first visit to China since his predecessor traveled": the verb inherits the destination."""
    head = verb.head
    if verb.dep_ in ("acl", "relcl", "advcl") and head.pos_ == "NOUN":
        return prep_actors(head, ("to", "in"), actors)
    return []


def content_clauses(verb: Token) -> list[Token]:
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")]
    if verb.dep_ in ("ccomp", "parataxis") and verb.head.i < verb.i and verb.head.pos_ in ("VERB", "AUX"):
        clauses.append(verb.head)
    out = []
    for clause in clauses:
        out.append(clause)
        out.extend(c for c in clause.conjuncts if c.pos_ in ("VERB", "AUX") and c.i > clause.i)
    return out


def left_subject(clause: Token, governor: Token, actors: ArticleActors) -> list[ActorMention]:
    """The parse lost the clause's subject: take the nearest actor between the governor and the clause."""
    lo, hi = sorted((governor.i, clause.i))
    doc = clause.doc
    for i in range(clause.i - 1, lo, -1):
        found = actors.at(doc[i])
        if found and doc[i].dep_ in ("nsubj", "nsubjpass", "ccomp", "dep"):
            return found
    return []


def adjacent_left_subject(verb: Token, actors: ArticleActors) -> list[ActorMention]:
    """The parser left a finite verb without a subject ("his predecessor, Mike Pompeo, traveled"):
    take the actor phrase that ends right before it."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
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


def has_modal(clause: Token, modals: set[str]) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() in modals for c in clause.children)


def same_actors(first, second) -> bool:  # noqa: ANN001
    return {actor_key(m) for m in first} == {actor_key(m) for m in second}


def same_country(first, second) -> bool:  # noqa: ANN001
    countries = {m.actor.country for m in first if m.actor.country}
    return bool(countries) and countries == {m.actor.country for m in second if m.actor.country}
