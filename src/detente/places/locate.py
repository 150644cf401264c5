"""Where each event happened: locative phrases on the event's trigger and clause, read from the parse.

For each report of an event (its evidence and its other mentions) the trigger token is found from the
evidence offsets, and the place is looked for, in order:

1. a locative phrase attached to the trigger; to the verb an event noun is the subject or object of ("a
   meeting was held in Vienna", "held talks in Geneva"); to the actor met ("met Wang Yi in Moscow", where
   the parser hangs the place on the person); to the verb of a motion whose purpose the event is ("flew to
   Kyiv to meet ..."); or to an attack that is the subject ("a bombing near Samarra killed ..."). The
   prepositions (``places/data/cues.tsv``): ``in``, ``at``, ``near``, ``off``, ``outside`` ...; ``on``
   before a border, a front line or the sidelines of something; ``to`` and ``into`` after visits and
   motions ("a trip to Moscow", "arrived in Kyiv"); ``on`` and ``against`` after attacks ("strikes on
   Kharkiv"). For protests, force and attacks also the phrases on the verb's object ("seized a tanker in
   the Strait of Hormuz", "launched strikes on Kharkiv"). The phrase's noun is the place ("in the South
   China Sea"), or leads to it ("at the G20 summit in Indonesia", "off the coast of Yemen", "in the
   capital, Kyiv", "in the Ukrainian capital", "in a West Bank refugee camp", "in Kyiv's outskirts"); of
   coordinated places ("visited Mali and Niger"), the one in the target's country;
2. the direct object of a visit, a seizure or an attack that names a place ("visited Beijing", "shelled
   Kharkiv");
3. the target actor of a visit when its words name a place, in the same sentence ("the first visit by a US
   secretary of state to China since ... Pompeo traveled"; capitals double as actors, so "Beijing" is read
   as the city);
4. a meeting referred back to ("during their discussions", "the talks"): the place of the latest located
   meeting of the same countries in the three sentences before; "there": the latest place located in them;
5. for a visit (CAMEO 042, 043), its host country: the target's for 042, the source's for 043
   (``source: "host"``). A meeting at a third place (044) has no default;
6. for an event that happens somewhere (meetings, aid, protests, force, attacks; never a statement) whose
   sentence names no place, the scene of the story: the place of the latest located event of the four
   sentences before, when the text gave it (not a host's or a dateline's) and no other place has been named
   since (the scene's own country or first-level division may be: "Police clashed with protesters in
   Tbilisi. Georgian officers fired tear gas." is in Tbilisi twice), and when the event's source is of
   that place's country (or has none, and no actor is foreign to it) unless the event is a visit or an
   attack there
   (``source: "carried"``, ``reason`` names the words that set the scene);
7. for a domestic event (all its actors of the dateline's country) whose sentence names no place, the
   article's dateline city (``source: "dateline"``; filter these out for places the text itself gives).
   Only for events that happen somewhere (meetings, aid, protests, force, attacks), never for statements.

A phrase counts as a place only when the gazetteer knows it and it is not a date, a number, a person or an
organisation (a name taken for a person is a place with a qualifier: "Toulouse, France"); a city's
alternate name ("Kiev") counts only when the tagger marks the phrase as a place. A phrase that is one of the
article's toponyms (:class:`detente.places.toponyms.ArticlePlaces`) takes the place the whole article settled
for it (one name, one place); others are settled by the event's countries, then the article's and its
places, then population (:meth:`detente.places.gazetteer.Gazetteer.resolve`); a qualifier ("Paris, Texas")
comes first. ``location.reason`` says what decided.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import ArticleActors
from ..records import ActorMention, Event, Evidence, Place
from .cues import PlaceCues, load_cues
from .gazetteer import Gazetteer, PlaceEntry
from .toponyms import ArticlePlaces

__all__ = ["EventLocator"]

_VISIT_CODES = {"042", "043", "044"}
# events done to something where it is (protests, force, seizures, attacks): their object's place is theirs
_MATERIAL_ROOTS = {"14", "15", "17", "18", "19", "20"}
# events whose direct object may be their place ("visited Beijing" is a visit code)
_OBJECT_PLACE_ROOTS = {"17", "18", "19", "20"}
_ATTACK_ROOTS = {"18", "19", "20"}
# entity types of places
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
# entity types that are never places
_NOT_PLACE_ENTS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LANGUAGE", "LAW"}
_DEFINITE = {"the", "this", "that", "these", "those", "their", "his", "her", "its", "our"}
_BACK_SENTENCES = 3
# events that happen somewhere: meetings and visits, aid, yielding, protests, force, coercion, attacks
_PHYSICAL_ROOTS = {"04", "07", "08", "14", "15", "17", "18", "19", "20"}
_MAX_DEPTH = 3
# places a later event may take as the story's scene: those the text gave, not a host's or the dateline's
_SCENE_SOURCES = {"text", "reference", "carried"}
# how many sentences on the story may stay at one scene without naming it again
_CARRY_SENTENCES = 4


class EventLocator:
    """Finds the place of each event of one parsed article."""

    def __init__(
        self,
        gazetteer: Gazetteer,
        doc: Doc,
        actors: ArticleActors,
        cues: PlaceCues | None = None,
        places: ArticlePlaces | None = None,
    ) -> None:
        self.gazetteer = gazetteer
        self.cues = cues or load_cues()
        self.places = places or ArticlePlaces(gazetteer, doc, actors, self.cues)
        self.doc = doc
        self.actors = actors
        self.article_countries = {
            mention.actor.country
            for mentions in actors.mentions.values()
            for mention in mentions
            if mention.actor.country
        }
        self.persons = {record.actor for record in actors.persons}
        self.sentence_starts = [sent.start_char for sent in doc.sents]
        self.length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
        self.located: list[tuple[int, Event, Place]] = []
        self.target_country: str | None = None  # of the event being located

    # -- the event ------------------------------------------------------------------------------------
    def locate(self, event: Event) -> Place | None:
        """The place of ``event`` (see the module docstring for the order), or None."""
        countries = _event_countries(event)
        self.target_country = event.target.actor.country if event.target is not None else None
        reports = [(evidence, self.trigger(evidence)) for evidence in _reports(event)]
        reports = [(evidence, trigger) for evidence, trigger in reports if trigger is not None]
        place = None
        for _, trigger in reports:
            place = self._named_place(trigger, event, countries)
            if place is not None:
                break
        if place is None:
            place = self._target_place(event, reports, countries)
        if place is None:
            place = _sourced(self._referenced_place(event, reports, countries), "reference")
        if place is None and event.cameo in ("042", "043"):
            place = _sourced(self._host_country(event), "host")
        if place is None:
            place = self._carried_place(event, countries)
        if place is None:
            place = self._dateline_place(event, countries)
        if place is not None:
            self.located.append((self._sentence(event.evidence.start), event, place))
        return place

    def trigger(self, evidence: Evidence) -> Token | None:
        """The head token of an evidence's trigger words (None when the offsets are not in the Doc)."""
        if not 0 <= evidence.trigger_start < evidence.trigger_end <= self.length:
            return None
        span = self.doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    # -- 1 and 2: phrases on the trigger and its clause -----------------------------------------------
    def _named_place(self, trigger: Token, event: Event, countries: set[str]) -> Place | None:
        heads = _clause_heads(trigger, event, self.cues)
        if event.cameo[:2] == "04" and trigger.pos_ == "VERB":
            # "met Chinese counterpart Wang Yi in Moscow": the parser hangs the place on the person met
            heads += [(c, False) for c in trigger.children if c.dep_ == "dobj" and self.actors.at(c)]
        for head, motion in heads:
            for child in head.children:
                if child.dep_ == "prep" and _preposition_fits(child, head, event, motion, self.cues):
                    place = self._place_in_phrase(child, countries, depth=0)
                    if place is not None:
                        return place
                elif child.dep_ == "dobj" and _object_is_place(head, event):
                    place = self._first_place(child, countries) or self._place_modifier(child, countries)
                    if place is not None:
                        return place
        return None

    def _first_place(self, token: Token, countries: set[str]) -> Place | None:
        """The place ``token`` or one of its conjuncts names: the target's country's first ("visited Mali and
        Niger" is in Niger for the visit to Niger), else the first."""
        places = [
            self._place_at(t, countries) for t in (token, *(c for c in token.children if c.dep_ == "conj"))
        ]
        found = [place for place in places if place is not None]
        preferred = [place for place in found if place.country == self.target_country]
        return (preferred or found or [None])[0]

    def _place_in_phrase(self, prep: Token, countries: set[str], *, depth: int) -> Place | None:
        """The place a prepositional phrase names: its object, or a place further down ("summit in X")."""
        for pobj in prep.children:
            if pobj.dep_ not in ("pobj", "pcomp"):
                continue
            place = self._first_place(pobj, countries) if prep.lower_ != "during" else None
            if place is not None:
                return place
            if depth >= _MAX_DEPTH or pobj.pos_ == "PROPN" and pobj.ent_type_ in ("GPE", "LOC"):
                continue
            place = (
                self._capital_of(pobj, countries)
                or self._place_modifier(pobj, countries)
                or self._place_below(pobj, countries, depth=depth)
            )
            if place is not None:
                return place
        return None

    def _place_modifier(self, noun: Token, countries: set[str]) -> Place | None:
        """ "in a West Bank refugee camp", "in Kyiv's outskirts": a place the tagger marks, as a modifier.

        Not a country: "a U.S. soldier", "a China expert" are nationalities and topics."""
        if noun.pos_ == "PROPN":
            return None
        for child in noun.children:
            if child.dep_ in ("compound", "poss") and (
                child.ent_type_ in _PLACE_ENTS or self._capital(child)
            ):
                place = self._place_at(child, countries)
                if place is not None and place.feature != "country":
                    return place
        return None

    def _capital(self, token: Token) -> bool:
        """The actor tables name ``token`` as a capital or seat of power (whatever the tagger says)."""
        named = self.actors.named.get(token.i)
        return named is not None and any(entry.kind == "capital" for entry in named[1])

    def _place_below(self, noun: Token, countries: set[str], *, depth: int) -> Place | None:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in self.cues.inner:
                place = self._place_in_phrase(child, countries, depth=depth + 1)
            elif child.dep_ == "appos":
                place = self._place_at(child, countries)
            else:
                continue
            if place is not None:
                return place
        return None

    def _capital_of(self, noun: Token, countries: set[str]) -> Place | None:
        """ "in the Ukrainian capital": the capital of the country its adjective names."""
        if noun.lemma_.lower() not in self.cues.capital:
            return None
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "poss"):
                for mention in self.actors.at(child) or self._named_mentions(child):
                    entry = self.gazetteer.capital(mention.actor.country)
                    if entry is not None:
                        span = self.doc[child.i : noun.i + 1]
                        return entry.to_place(span.text, span.start_char, span.end_char)
        return None

    def _named_mentions(self, token: Token) -> list[ActorMention]:
        named = self.actors.named.get(token.i)
        if named is None:
            return []
        span, entries = named
        return [
            ActorMention(span.text, span.start_char, span.end_char, entry.to_actor())
            for entry in entries
            if entry.kind in ("country", "adjective")
        ]

    # -- a token that names a place --------------------------------------------------------------------
    def _place_at(self, token: Token, countries: set[str]) -> Place | None:
        toponym = self.places.at(token)
        if toponym is not None:
            return toponym.to_place()
        if not self._may_be_place(token):
            return None
        # a name the resolver took for a person is a place only with a qualifier ("Toulouse, France")
        person = any(mention.actor in self.persons for mention in self.actors.at(token))
        ent = self.actors.entity_at.get(token.i)
        for span in _name_spans(token, ent):
            within = self.places.qualifiers(span)
            if person and not within:
                continue
            found = self.gazetteer.explain(
                span.text,
                event_countries=countries,
                article_countries=self.article_countries,
                within=within,
                near=[toponym.entry for toponym in self.places.toponyms],
                alternates=ent is not None and ent.label_ in _PLACE_ENTS,
            )
            entry = found[0] if found is not None else None
            if entry is not None and not (person and entry.country not in {w.country for w in within}):
                text, start, end = _trim_the(span)
                return dataclasses.replace(entry.to_place(text, start, end), reason=found[1])  # type: ignore[index]
        return None

    def _may_be_place(self, token: Token) -> bool:
        if not token.text[:1].isupper() or token.ent_type_ in _NOT_PLACE_ENTS or token.like_num:
            return False
        named = self.actors.named.get(token.i)
        kinds = {entry.kind for entry in named[1]} if named is not None else set()
        # a person, an organisation, a demonym ("Chinese") in the actor tables, whatever the tagger says
        return not (kinds & {"person", "organization", "adjective"} and not kinds & {"country", "capital"})

    def _target_place(
        self, event: Event, reports: list[tuple[Evidence, Token]], countries: set[str]
    ) -> Place | None:
        target = event.target
        if target is None or event.cameo not in _VISIT_CODES:
            return None
        if not any(evidence.start <= target.start < evidence.end for evidence, _ in reports):
            return None
        if target.actor in self.persons:
            return None
        entry = self.gazetteer.resolve(
            target.text, event_countries=countries, article_countries=self.article_countries
        )
        if entry is None or entry.country != target.actor.country:
            return None
        return entry.to_place(target.text, target.start, target.end)

    # -- 4: a meeting referred back to -----------------------------------------------------------------
    def _referenced_place(
        self, event: Event, reports: list[tuple[Evidence, Token]], countries: set[str]
    ) -> Place | None:
        there = any(_says_there(trigger) for _, trigger in reports)
        if not (there or any(_refers_to_meeting(t, self.cues) for _, t in reports)) or not countries:
            return None
        here = self._sentence(event.evidence.start)
        for sentence, earlier, place in reversed(self.located):
            if not 0 <= here - sentence <= _BACK_SENTENCES:
                continue
            if there or (earlier.cameo[:2] == "04" and countries & _event_countries(earlier)):
                return place
        return None

    # -- 5: the host of a visit ------------------------------------------------------------------------
    def _host_country(self, event: Event) -> Place | None:
        host = event.target if event.cameo == "042" else event.source
        if host is None:
            return None
        entry = self.gazetteer.country(host.actor.country)
        if entry is None:
            return None
        return entry.to_place(host.text, host.start, host.end)

    # -- 6: the scene of the story, carried -------------------------------------------------------------
    def _carried_place(self, event: Event, countries: set[str]) -> Place | None:
        if event.cameo[:2] not in _PHYSICAL_ROOTS or not self.located:
            return None
        here = self._sentence(event.evidence.start)
        start, end = self._sentence_span(here)
        if self.places.between(start, end):
            return None  # the sentence names a place, which was not the event's
        scene = next(
            (
                (sentence, place)
                for sentence, _, place in reversed(self.located)
                if sentence < here and place.source in _SCENE_SOURCES
            ),
            None,
        )
        if scene is None or here - scene[0] > _CARRY_SENTENCES:
            return None
        sentence, place = scene
        doer = event.source.actor.country if event.source is not None else None
        foreign = doer != place.country if doer else bool(countries) and place.country not in countries
        if foreign and not _goes_there(event):
            return None  # foreign actors are not where the story was, unless they went or struck there
        scene_start = self._sentence_span(sentence)[0]
        if any(not _same_scene(t.entry, place) for t in self.places.between(scene_start, start)):
            return None  # the story moved on: another place was named since
        return dataclasses.replace(place, source="carried", reason=f"scene of the story ({place.text})")

    def _sentence_span(self, sentence: int) -> tuple[int, int]:
        starts = self.sentence_starts
        return starts[sentence], starts[sentence + 1] if sentence + 1 < len(starts) else self.length

    # -- 7: the dateline of a domestic event -----------------------------------------------------------
    def _dateline_place(self, event: Event, countries: set[str]) -> Place | None:
        dateline = self.places.dateline
        if dateline is None or event.cameo[:2] not in _PHYSICAL_ROOTS or not countries:
            return None
        if countries != {dateline.entry.country}:
            return None
        start, end = self._sentence_span(self._sentence(event.evidence.start))
        if any(t is not dateline and t.start != dateline.start for t in self.places.between(start, end)):
            return None  # the sentence names another place, which was not the event's
        return dataclasses.replace(dateline.to_place("dateline"), reason="dateline; domestic actors")

    def _sentence(self, char: int) -> int:
        return bisect.bisect_right(self.sentence_starts, char) - 1


def locate_all(locator: EventLocator, events: tuple[Event, ...]) -> tuple[Event, ...]:
    """``events`` (same order) with ``location`` set, located in reading order (for references back)."""
    places: dict[int, Place] = {}
    for index in sorted(range(len(events)), key=lambda i: events[i].evidence.start):
        place = locator.locate(events[index])
        if place is not None:
            places[index] = place
    return tuple(
        dataclasses.replace(event, location=places[index]) if index in places else event
        for index, event in enumerate(events)
    )


# ----------------------------------------------------------------------------------------------- helpers


def _sourced(place: Place | None, source: str) -> Place | None:
    return dataclasses.replace(place, source=source) if place is not None else None


def _goes_there(event: Event) -> bool:
    """A visit or an attack: its actors came to the place from elsewhere."""
    return event.cameo in _VISIT_CODES or event.cameo[:2] in _ATTACK_ROOTS


def _same_scene(entry: PlaceEntry, place: Place) -> bool:
    """``entry`` is the scene ``place`` itself, or the country or first-level division it lies in."""
    if entry.country != place.country:
        return False
    if entry.name == place.name and entry.feature == place.feature:
        return True
    return entry.feature == "country" or (
        entry.feature == "admin1" and entry.admin1 is not None and entry.admin1 == place.admin1
    )


def _reports(event: Event) -> Iterator[Evidence]:
    yield event.evidence
    for evidence in event.mentions:
        if evidence != event.evidence:
            yield evidence


def _event_countries(event: Event) -> set[str]:
    sides = (event.source, event.target)
    return {side.actor.country for side in sides if side is not None and side.actor.country}


def _clause_heads(trigger: Token, event: Event, cues: PlaceCues) -> list[tuple[Token, bool]]:
    """The trigger and the verbs whose place is the event's, each with whether it is a motion."""
    heads = [(trigger, event.cameo in _VISIT_CODES or trigger.lemma_.lower() in cues.motion)]
    if trigger.pos_ == "VERB" and event.cameo[:2] in _MATERIAL_ROOTS:
        # "seized a tanker in the Strait of Hormuz", "launched strikes on Kharkiv"
        heads += [(child, False) for child in trigger.children if child.dep_ == "dobj"]
        # "clashed with protesters in Tbilisi": the parser hangs the place on the other side
        heads += [
            (pobj, False)
            for prep in trigger.children
            if prep.dep_ == "prep" and prep.lower_ in ("with", "against")
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
    if trigger.pos_ == "VERB":
        # "a bombing near Samarra killed ...": an attack as the subject
        heads += [
            (c, False)
            for c in trigger.children
            if c.dep_ == "nsubj" and c.lemma_.lower() in cues.attack | cues.weapon
        ]
    head = trigger.head
    if head.i == trigger.i:
        return heads
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
        heads.append((head, False))  # "a meeting was held in ...", "held talks in ..."
    elif trigger.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in cues.motion:
        heads.append((head, True))  # "flew to Kyiv to meet ..."
    return heads


def _preposition_fits(prep: Token, head: Token, event: Event, motion: bool, cues: PlaceCues) -> bool:
    word = prep.lower_
    if word in cues.locative:
        return True
    if word == "on" and any(child.lemma_.lower() in cues.on_noun for child in prep.children):
        return True
    if word in cues.destination and (motion or head.lemma_.lower() in cues.motion):
        return True
    if word not in cues.struck:
        return False
    return event.cameo[:2] in _ATTACK_ROOTS or head.lemma_.lower() in cues.attack


def _object_is_place(head: Token, event: Event) -> bool:
    """ "visited Beijing", "raided Jenin", "shelled Kharkiv": the object of a visit, seizure or attack."""
    return head.pos_ == "VERB" and (event.cameo in _VISIT_CODES or event.cameo[:2] in _OBJECT_PLACE_ROOTS)


def _name_spans(token: Token, ent: Span | None) -> Iterator[Span]:
    """The phrases ``token`` may head, longest first: its entity, its compound name, "Strait of X", itself."""
    doc = token.doc
    seen: set[tuple[int, int]] = set()
    candidates = []
    if ent is not None and ent.label_ in _PLACE_ENTS:
        candidates.append(ent)
    start = token.i
    while start > 0:
        before = doc[start - 1]
        if before.head.i == token.i and before.dep_ in ("compound", "amod") and before.text[:1].isupper():
            start -= 1
        elif before.text in ("-", "\u2010", "\u2011") and not before.whitespace_ and start > 1:
            start -= 2  # "Nagorno-Karabakh", "Bosnia-Herzegovina"
        else:
            break
    start = _first_capitalized(doc, start, token.i)
    of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if of is not None:
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.text[:1].isupper():
            candidates.append(doc[start : pobj.i + 1])
    candidates += [doc[start : token.i + 1], doc[token.i : token.i + 1]]
    for span in candidates:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            yield span


def _first_capitalized(doc: Doc, start: int, end: int) -> int:
    while start < end and not doc[start].text[:1].isupper():
        start += 1
    return start


def _trim_the(span: Span) -> tuple[str, int, int]:
    if len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    return span.text, span.start_char, span.end_char


def _says_there(trigger: Token) -> bool:
    """ "will meet officials there": the place named before."""
    return any(child.dep_ == "advmod" and child.lower_ == "there" for child in trigger.children)


def _refers_to_meeting(trigger: Token, cues: PlaceCues) -> bool:
    """ "during their discussions", "at the talks", or the trigger itself is "the meeting"."""
    if _definite_meeting(trigger, cues):
        return True
    heads = [trigger, *(c for c in trigger.children if c.dep_ == "xcomp")]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("during", "at", "on"):
                continue
            if any(_definite_meeting(pobj, cues) for pobj in prep.children if pobj.dep_ == "pobj"):
                return True
    return False


def _definite_meeting(noun: Token, cues: PlaceCues) -> bool:
    if noun.lemma_.lower() not in cues.meeting and noun.lower_ not in cues.meeting:
        return False
    return any(child.dep_ in ("det", "poss") and child.lower_ in _DEFINITE for child in noun.children)
