"""Resolve noun phrases in a parsed article to actors.

One pass over the Doc in reading order finds every noun-phrase head that names an actor and records an
:class:`~detente.records.ActorMention` for it. Each phrase is resolved from, in order:

1. a person: a name in the people table (valid on the publication date), an in-article alias ("Qin Gang",
   "Mr. Blinken" after "Chinese Foreign Minister Qin Gang"), or a PERSON entity with a title and a country
   ("Chinese Foreign Minister Qin Gang" even when the table lacks him);
2. a named actor: a country, an adjective ("Chinese"), a capital or seat of power ("the Kremlin"), an
   epithet ("the Asian giant") or an international organisation;
3. a title or group noun ("the minister", "troops", "the American president") with the country from its
   modifiers, or, without one, the latest person in the article who holds that kind of title;
4. a pronoun or a plural anaphor ("he", "it", "the two leaders", "both countries").

The event extractor then asks :meth:`ArticleActors.at` for the mentions of an argument's head token.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..nlp import DATELINE  # the sentence splitter's own dateline pattern
from ..records import Actor, ActorMention
from .anaphora import FIRST_PERSON, AnaphoraRules
from .phrases import (
    actor_from_entry,
    alias_key,
    best_entry,
    distance,
    inside_np,
    is_expletive,
    modifiers_only,
    np_tokens,
    strip_honorific,
)
from .tables import ActorEntry, ActorTables, TitleEntry

__all__ = ["ActorResolver", "ArticleActors"]

# geographic features named after a country ("the South China Sea") are places, not actors
_QUANTITY_HEADS = {
    "thousand",
    "hundred",
    "dozen",
    "score",
    "million",
    "group",
    "number",
    "crowd",
    "team",
    "band",
    "some",
    "many",
    "most",
    "few",
    "several",
    "all",
    "one",
    "two",
    "three",
    "majority",
    "handful",
}
_FAMILY_NAME_FIRST = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"}
_PLACE_HEADS = {
    "sea",
    "ocean",
    "strait",
    "gulf",
    "bay",
    "river",
    "lake",
    "mountain",
    "peninsula",
    "channel",
    "coast",
}
_HUMAN_HEADS = {
    "head",
    "chief",
    "group",
    "member",
    "leader",
    "people",
    "supporter",
    "party",
    "faction",
    "unit",
    "force",
    "man",
    "woman",
    "youth",
    "student",
    "worker",
    "official",
    "activist",
    "delegation",
    "team",
    "side",
    "wing",
    "organization",
    "organisation",
    "movement",
    "body",
    "agency",
    "office",
    "committee",
    "council",
}
# a title of the state's own institutions takes the dateline's country when it names none itself
_DOMESTIC_SECTORS = {"GOV", "COP", "JUD", "LEG", "SPY", "MIL"}
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_DATELINE_PLACE = re.compile(r"\(([^)\n]+)\)|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*")
_COUNTRY_KINDS = ("country", "adjective", "capital", "epithet")
_GOV_CONTEXT = {
    "diplomacy",
    "government",
    "administration",
    "authorities",
    "apparatus",
    "leadership",
    "regime",
}


@dataclass(slots=True)
class _PersonRecord:
    actor: Actor
    mention_start: int
    titles: set[str] = field(default_factory=set)


class ActorResolver:
    """Holds the phrase matcher built once from the actor tables; makes an :class:`ArticleActors` per Doc."""

    def __init__(
        self,
        tables: ActorTables,
        vocab: Vocab,
        *,
        event_nouns: Iterable[str] = (),
        speech_verbs: Iterable[str] = (),
    ) -> None:
        self.tables = tables
        self.event_nouns = frozenset(event_nouns)
        self.speech_verbs = frozenset(speech_verbs)
        self.matcher = PhraseMatcher(vocab, attr="LOWER")
        actor_phrases = sorted({entry.phrase for entry in tables.entries})
        title_phrases = sorted({title.phrase for title in tables.titles})
        make_doc = _tokenizer_for(vocab)
        # "Palestinians", "Israelis": plural demonyms name the country's people
        self.plurals: dict[str, list[ActorEntry]] = {}
        for entry in tables.entries:
            if entry.kind == "adjective" and not entry.phrase.endswith(("s", "ese", "sh", "ch")):
                self.plurals.setdefault(entry.phrase.lower() + "s", []).append(entry)
        actor_docs = [make_doc(phrase) for phrase in actor_phrases]
        plural_docs = [make_doc(phrase) for phrase in sorted(self.plurals)]
        self.phrase_tokens = {doc.text.lower(): [t.text for t in doc] for doc in actor_docs}
        self.matcher.add("ACTOR", actor_docs + plural_docs)
        self.matcher.add("TITLE", [make_doc(phrase) for phrase in title_phrases])
        self._actor_key = vocab.strings["ACTOR"]
        # a dateline's capital stands for its country ("BEIJING" -> China), not for the government
        self.countries: dict[str, ActorEntry] = {}
        for entry in tables.entries:
            if entry.kind == "country" and entry.country:
                self.countries.setdefault(entry.country, entry)

    def resolve(self, doc: Doc, *, published: dt.date | None = None) -> ArticleActors:
        return ArticleActors(self, doc, published)


def _tokenizer_for(vocab: Vocab):  # noqa: ANN202 - internal helper
    from spacy.lang.en import English

    tokenizer = English(vocab=vocab).tokenizer
    return tokenizer


def _case_ok(span: Span, phrase_tokens: list[str]) -> bool:  # tokens of the table phrase
    """A capitalised table phrase matches only capitalised text ("US" is not "us")."""
    for token, expected in zip(span, phrase_tokens, strict=False):
        if expected[:1].isupper() and not token.text[:1].isupper():
            if token.i == span.start and expected.lower() == "the":
                continue
            return False
        if expected.isupper() and len(expected) <= 3 and not token.text.isupper():
            return False
    return True


class ArticleActors(AnaphoraRules):
    """The actor mentions of one article, found in reading order."""

    def __init__(self, resolver: ActorResolver, doc: Doc, published: dt.date | None) -> None:
        self.resolver = resolver
        self.tables = resolver.tables
        self.doc = doc
        self.published = published
        self.named: dict[int, tuple[Span, list[ActorEntry]]] = {}
        self.titles: dict[int, tuple[Span, TitleEntry]] = {}
        self.persons: list[_PersonRecord] = []
        self.aliases: dict[str, Actor] = {}
        self.mentions: dict[int, list[ActorMention]] = {}
        self.participants: dict[int, list[ActorMention]] = {}
        self.last_thing: list[tuple[int, ActorMention]] = []
        self.entity_at: dict[int, Span] = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        self.sentence_starts = [sent.start for sent in doc.sents]
        self.dateline = self._dateline_country(doc)
        self._match(doc)
        self._resolve_all(doc)

    def _dateline_country(self, doc: Doc) -> ActorEntry | None:
        """The country of the article's dateline ("BEIJING, June 21 (Meridian News) - ", "(Washington) "),
        looked for at the start of the first three paragraphs; its place must be a capital or a country
        in the actor tables."""
        text = doc.text
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)][:2]
        for start in starts:
            match = DATELINE.match(text, start)
            if match is None:
                continue
            place = _DATELINE_PLACE.match(match.group(0))
            if place is None:
                continue
            name = place.group(1) or place.group(0)
            for entry in self.tables.lookup(name.strip(), on=self.published):
                if entry.kind in ("capital", "country") and entry.country in self.resolver.countries:
                    return self.resolver.countries[entry.country]
            return None
        return None

    # -- matching -----------------------------------------------------------------------------------
    def _match(self, doc: Doc) -> None:
        spans = []
        for key, start, end in self.resolver.matcher(doc):
            spans.append((key == self.resolver._actor_key, start, end))
        # longest first so that "South China Sea" beats "China", "Foreign Minister" beats "Minister"
        spans.sort(key=lambda item: (-(item[2] - item[1]), item[1]))
        taken: set[int] = set()
        for is_actor, start, end in spans:
            if any(i in taken for i in range(start, end)):
                continue
            span = doc[start:end]
            phrase = span.text.lower()
            if is_actor:
                entries = self.tables.lookup(span.text) or [
                    e for e in self.resolver.plurals.get(phrase, ()) if span[0].text[:1].isupper()
                ]
                tokens = self.resolver.phrase_tokens
                entries = [
                    e for e in entries if _case_ok(span, tokens.get(e.phrase.lower(), e.phrase.split()))
                ]
                if not entries:
                    continue
                self.named[span.end - 1] = (span, entries)
                for i in range(start, end):
                    self.named.setdefault(i, (span, entries))
            else:
                title = self.tables.title(phrase)
                if title is None:
                    continue
                for i in range(start, end):
                    self.titles[i] = (span, title)
            taken.update(range(start, end))

    # -- the pass -----------------------------------------------------------------------------------
    def _resolve_all(self, doc: Doc) -> None:
        first_person: list[Token] = []
        for token in doc:
            if token.pos_ not in ("NOUN", "PROPN", "PRON", "ADJ", "NUM") or inside_np(token):
                continue
            if token.pos_ == "PRON" and token.lower_ in FIRST_PERSON:
                first_person.append(token)  # resolved once the speakers around them are known
                continue
            if self._inside_title(token) or is_expletive(token) or token.lemma_.lower() in _PLACE_HEADS:
                continue
            persons_before = len(self.persons)
            found = self._resolve_head(token)
            if found:
                self.mentions[token.i] = found
                if len(self.persons) == persons_before and token.pos_ != "PRON":
                    self.last_thing.extend((token.i, mention) for mention in found)
        for token in first_person:
            speaker = self._speaker_of(token)
            if speaker is not None:
                span = doc[token.i : token.i + 1]
                self.mentions[token.i] = [
                    ActorMention(span.text, span.start_char, span.end_char, speaker.actor)
                ]

    def _inside_title(self, token: Token) -> bool:
        """ "State" in "Secretary of State" is part of a title, not a phrase of its own."""
        found = self.titles.get(token.i)
        return found is not None and found[0].start <= token.head.i < found[0].end and token.head.i != token.i

    def at(self, token: Token) -> list[ActorMention]:
        """The actor mentions whose noun phrase has ``token`` as its head (empty when none)."""
        found = self.mentions.get(token.i)
        if found is not None:
            return found
        return []

    def _resolve_head(self, head: Token) -> list[ActorMention]:
        if head.pos_ == "PRON" or head.tag_ in ("PRP", "PRP$"):
            return self._resolve_pronoun(head)
        pair = self._resolve_pair(head)
        if pair:
            return pair
        if head.lemma_.lower() in self.resolver.event_nouns and head.i not in self.titles:
            # "a new military offensive", "an Australian ultimatum" are events, not actors; their
            # country modifier is kept as the event's participant
            participant = self._modifier_country(head)
            if participant is not None:
                self.participants[head.i] = [participant]
            return []
        if head.lemma_.lower() in _QUANTITY_HEADS:  # "thousands of Georgians": the Georgians
            for prep in head.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and pobj.lemma_.lower() not in self.resolver.event_nouns:
                            inner = self._resolve_head(pobj)
                            if inner:
                                return inner
        np = np_tokens(head)
        several = self._conjoined_countries(head, np)
        if several:
            return several
        mention = (
            self._resolve_person(head, np) or self._resolve_named(head, np) or self._resolve_title(head, np)
        )
        return [mention] if mention else []

    # -- persons --------------------------------------------------------------------------------------
    def _person_span(self, head: Token, np: list[Token]) -> Span | None:
        doc = self.doc
        candidates = [head] + [t for t in head.children if t.dep_ == "appos"]
        for cand in candidates:
            if cand.ent_type_ in ("PERSON", "FAC", "GPE", "ORG") or cand.pos_ == "PROPN":
                ent = self.entity_at.get(cand.i)
                if ent is not None and ent.label_ == "PERSON":
                    return ent
                named = self.named.get(cand.i)
                if named and any(e.kind == "person" for e in named[1]):
                    return named[0]
                if ent is not None and self._known_alias(ent.text):
                    return ent
                if cand.pos_ == "PROPN" and self._known_alias(cand.text):
                    return doc[cand.i : cand.i + 1]
        return None

    def _known_alias(self, text: str) -> bool:
        return alias_key(text) in self.aliases

    def _resolve_person(self, head: Token, np: list[Token]) -> ActorMention | None:
        span = self._person_span(head, np)
        if span is None:
            return None
        name = strip_honorific(span.text)
        titles = self._titles_in(np, exclude=span)
        # "Foreign Ministry spokeswoman Mao Ning": her own title is the one nearest her name
        own = [t for t in titles if t.kind == "title"]
        title_info = own[-1] if own else (titles[-1] if titles else None)
        country = self._country_in(np, exclude=span)
        actor = self.aliases.get(alias_key(name))
        if actor is None:
            entry = self._table_person(name, country)
            if entry is not None:
                actor = Actor(entry.code, entry.country, entry.sector, entry.name, entry.role)
            elif country is not None or title_info is not None:
                country = country or self._domestic_country(head, np, title_info)
                sector = title_info.sector if title_info else None
                country_code = country.country if country else None
                code = (country_code or "") + (sector or "")
                if not code and country is not None:
                    code = country.code
                if not code:
                    return None
                actor = Actor(code, country_code, sector, name, title_info.role if title_info else None)
            else:
                return None
        self._remember_person(actor, name, head.i, title_info, titles)
        full = self._mention_span(head, np)
        return ActorMention(full.text, full.start_char, full.end_char, actor)

    def _table_person(self, name: str, country: ActorEntry | None) -> ActorEntry | None:
        entries = [e for e in self.tables.lookup(name) if e.kind == "person"]
        if not entries:
            return None
        if country is not None and country.country:
            same = [e for e in entries if e.country == country.country]
            entries = same or entries
        valid = [e for e in entries if e.valid_on(self.published)]
        if valid:
            return valid[0]
        day = self.published or dt.date.today()
        return min(entries, key=lambda e: distance(e, day))

    def _remember_person(
        self,
        actor: Actor,
        name: str,
        at: int,
        title: TitleEntry | None,
        others: Iterable[TitleEntry] = (),
    ) -> None:
        parts = name.split()
        several = len(parts) > 1
        while len(parts) > 1 and parts[-1].lower().rstrip(",") in _NAME_SUFFIXES:
            parts = parts[:-1]  # "Ferdinand Marcos Jr." is "Marcos"
        keys = {alias_key(name)}
        if several:
            keys.add(alias_key(parts[-1]))
            if actor.country in _FAMILY_NAME_FIRST:  # "Qin Gang" is "Mr. Qin", "Xi Jinping" is "Xi"
                keys.add(alias_key(parts[0]))
        for key in keys:
            self.aliases.setdefault(key, actor)
        record = _PersonRecord(actor, at)
        for held in [title, *others] if title is not None else others:
            # the person's own title and the institution named with it ("foreign ministry")
            record.titles.add(held.phrase)
            if held.role:
                record.titles.add(held.role)
        if actor.role:
            record.titles.add(actor.role)
        self.persons.append(record)

    # -- named actors ------------------------------------------------------------------------------
    def _resolve_named(self, head: Token, np: list[Token]) -> ActorMention | None:
        named = self.named.get(head.i)
        if named is None:
            return None
        span, entries = named
        entry = best_entry(entries, self.published)
        if span.text.lower() in self.resolver.plurals:
            # "Bosnian Serbs", "Iraqi Kurds": a people named by where they live
            for child in head.children:
                place = self.named.get(child.i) if child.dep_ in ("amod", "compound") else None
                if place is not None and place[0].start == child.i:
                    entry = best_entry(place[1], self.published)
                    break
        title = self._title_in(np, exclude=span)
        actor = actor_from_entry(entry, title)
        full = self._mention_span(head, np)
        return ActorMention(full.text, full.start_char, full.end_char, actor)

    def _country_in(self, np: list[Token], *, exclude: Span | None = None) -> ActorEntry | None:
        for token in np:
            if exclude is not None and exclude.start <= token.i < exclude.end:
                continue
            named = self.named.get(token.i)
            if named:
                entry = best_entry(named[1], self.published)
                if entry.kind != "person":
                    return entry
        return None

    def _title_in(self, np: list[Token], *, exclude: Span | None = None) -> TitleEntry | None:
        titles = self._titles_in(np, exclude=exclude)
        return titles[0] if titles else None

    def _titles_in(self, np: list[Token], *, exclude: Span | None = None) -> list[TitleEntry]:
        """Every title in the phrase, in reading order, each once."""
        found: list[TitleEntry] = []
        seen: set[int] = set()
        for token in np:
            if exclude is not None and exclude.start <= token.i < exclude.end:
                continue
            title = self.titles.get(token.i)
            if title and title[0].start not in seen:
                seen.add(title[0].start)
                found.append(title[1])
        return found

    # -- titles and groups ---------------------------------------------------------------------------
    def _resolve_title(self, head: Token, np: list[Token]) -> ActorMention | None:
        title = self.titles.get(head.i)
        # a title as a mere modifier counts before a name or a group noun ("Vice-President Moody Awori",
        # "opposition groups") but not before a thing ("military aid", "police cars")
        modifiers_count = head.pos_ == "PROPN" or head.lemma_.lower() in _HUMAN_HEADS
        title_entry = (
            title[1]
            if title
            else self._title_in(
                [
                    t
                    for t in np
                    if modifiers_count or not (t.head.i == head.i and t.dep_ in ("amod", "compound", "nmod"))
                ]
            )
        )
        if title_entry is None and not modifiers_count:
            np = modifiers_only(head, np)  # "a trade agreement in Buenos Aires" names no Argentine actor
        country = self._country_in(np)
        if country is None and title_entry is None:
            return None
        if country is None:
            actor = self._anaphoric_person(title_entry)
            if actor is None:
                domestic = self._domestic_country(head, np, title_entry) if title_entry else None
                if domestic is None or not title_entry or not title_entry.sector:
                    return None
                actor = actor_from_entry(domestic, title_entry)
        elif title_entry is None:
            lemma = head.lemma_.lower()
            if lemma in self.resolver.event_nouns:
                return None  # "the G20 summit", "a Chinese balloon incursion" name events, not actors
            if not (lemma in _GOV_CONTEXT or head.pos_ in ("NOUN", "PROPN")):
                return None
            sector = "GOV" if head.lemma_.lower() in _GOV_CONTEXT else None
            actor = actor_from_entry(country, None, sector=sector)
        else:
            actor = actor_from_entry(country, title_entry)
            holder = self._title_holder(country, title_entry)
            if holder is not None:
                actor = holder
        full = self._mention_span(head, np)
        return ActorMention(full.text, full.start_char, full.end_char, actor)

    def _modifier_country(self, head: Token) -> ActorMention | None:
        for child in head.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < head.i:
                named = self.named.get(child.i)
                if named is not None:
                    entry = best_entry(named[1], self.published)
                    if entry.kind != "person":
                        span = named[0]
                        return ActorMention(
                            span.text, span.start_char, span.end_char, actor_from_entry(entry, None)
                        )
        return None

    def participants_of(self, token: Token) -> list[ActorMention]:
        """The actor an event noun carries in its own modifiers ("a US offer" -> USA)."""
        return self.participants.get(token.i, [])

    def _conjoined_countries(self, head: Token, np: list[Token]) -> list[ActorMention]:
        """ "Hungarian and Romanian officials", "U.S. and Russian negotiators": one actor per country."""
        title = self.titles.get(head.i)
        title_entry = title[1] if title else self._title_in(np)
        found: list[ActorMention] = []
        full = self._mention_span(head, np)
        for token in np:
            conj = [c for c in token.children if c.dep_ == "conj" and c.i in {t.i for t in np}]
            if not conj or token.i not in self.named:
                continue
            for member in [token, *conj]:
                named = self.named.get(member.i)
                if named is None:
                    continue
                entry = best_entry(named[1], self.published)
                if entry.kind == "person":
                    continue
                actor = actor_from_entry(entry, title_entry)
                if all(m.actor.code != actor.code for m in found):
                    found.append(ActorMention(full.text, full.start_char, full.end_char, actor))
        return found if len(found) > 1 else []

    def _domestic_country(self, head: Token, np: list[Token], title: TitleEntry | None) -> ActorEntry | None:
        """The country of a title that names none itself ("the Commerce Ministry said", "police").

        In order: the place its speech verb names ("a spokesman said in Washington"); for the state's own
        institutions (government, police, courts, parliament, army), the article's dateline ("BEIJING, June
        21 - ..."); else a country named in the sentence (:meth:`_sentence_country`).
        """
        spoken_in = self._speech_place(head)
        if spoken_in is not None:
            return spoken_in
        if self.dateline is not None and title is not None and title.sector in _DOMESTIC_SECTORS:
            return self.dateline
        return self._sentence_country(head, np)

    def _speech_place(self, head: Token) -> ActorEntry | None:
        """ "the spokesman said in Washington": the country whose capital or name the speech verb is in."""
        verb = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in self.resolver.speech_verbs:
            return None
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "from"):
                continue
            for pobj in prep.children:
                named = self.named.get(pobj.i) if pobj.dep_ == "pobj" else None
                if named is not None:
                    entry = best_entry(named[1], self.published)
                    if entry.kind in ("country", "capital") and entry.country:
                        return entry
        return None

    def _sentence_country(self, head: Token, np: list[Token]) -> ActorEntry | None:
        """A country named elsewhere in the sentence: a domestic actor's likely country.

        The subject of the clause the title reports ("China imposed sanctions on ..., the ministry said")
        comes first; else the nearest country outside quotation marks; else the nearest one in them.
        """
        inside = {t.i for t in np}
        candidates: list[tuple[int, bool, ActorEntry]] = []
        quoted = False
        for token in head.sent:
            if token.text in ('"', "“", "”"):
                quoted = token.text == "“" or (token.text == '"' and not quoted)
                continue
            named = self.named.get(token.i)
            if named is None or token.i in inside:
                continue
            entry = best_entry(named[1], self.published)
            if entry.kind in _COUNTRY_KINDS and entry.country:
                candidates.append((abs(token.i - head.i), quoted, entry))
        if not candidates:
            return None
        reported = self._reported_subject_country(head)
        if reported is not None:
            return reported
        outside = [c for c in candidates if not c[1]]
        return min(outside or candidates, key=lambda c: c[0])[2]

    def _reported_subject_country(self, head: Token) -> ActorEntry | None:
        """The country that is the subject of the clause a speaking title reports: "China" in "China imposed
        sanctions ..., the Commerce Ministry said" (a state, its capital or its government; not "Russian
        missiles")."""
        verb = head.head
        if head.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in self.resolver.speech_verbs:
            return None
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        if verb.dep_ in ("ccomp", "parataxis") and verb.head.i != verb.i:
            clauses.append(verb.head)
        for clause in clauses:
            for subject in clause.children:
                if subject.dep_ not in ("nsubj", "nsubjpass") or self._quoted(subject):
                    continue
                entry = self._state_named_by(subject)
                if entry is not None:
                    return entry
        return None

    def _state_named_by(self, token: Token) -> ActorEntry | None:
        named = self.named.get(token.i)
        if named is not None:
            entry = best_entry(named[1], self.published)
            if entry.kind in ("country", "capital", "epithet") and entry.country:
                return entry
            return None
        for mention in self.mentions.get(token.i, ()):  # "Chinese officials", "the Chinese government"
            actor = mention.actor
            if actor.country in self.resolver.countries and actor.sector == "GOV":
                return self.resolver.countries[actor.country]
        return None

    def _quoted(self, token: Token) -> bool:
        """Whether ``token`` stands inside quotation marks opened in its sentence."""
        quoted = False
        for before in token.sent[: token.i - token.sent.start]:
            if before.text in ('"', "“", "”"):
                quoted = before.text == "“" or (before.text == '"' and not quoted)
        return quoted

    def _title_holder(self, country: ActorEntry, title: TitleEntry) -> Actor | None:
        if title.kind != "title" or not country.country:
            return None
        for record in reversed(self.persons):
            if record.actor.country == country.country and (
                title.phrase in record.titles or (title.role and title.role in record.titles)
            ):
                return record.actor
        if title.role:
            entry = self.tables.holder(country.country, title.role, on=self.published)
            if entry is not None:
                return Actor(entry.code, entry.country, entry.sector, entry.name, entry.role)
        return None

    def _mention_span(self, head: Token, np: list[Token]) -> Span:
        indices = [t.i for t in np if not t.is_punct or t.i == head.i]
        span = self.doc[min(indices) : max(indices) + 1]
        if span.text.count("(") != span.text.count(")"):
            # an aside caught in the phrase ("Delhi, March 12 (Meridian News"): keep the head's part
            inside = [t.i for t in np if t.i <= head.i and not t.is_punct and t.sent == head.sent]
            start = max(
                (t.i + 1 for t in self.doc[min(indices) : head.i] if t.text in "()"), default=min(inside)
            )
            span = self.doc[start : max(indices) + 1]
            if span.text.count("(") != span.text.count(")"):
                span = self.doc[head.i : head.i + 1]
        return span


# -- helpers --------------------------------------------------------------------------------------
