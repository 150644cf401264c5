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
from dataclasses import dataclass, field, replace

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..datafiles import data_lines, read_data_file
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
from .tables import DATA_DIR, ActorEntry, ActorTables, TitleEntry

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
_NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
_DATELINE_PLACE = re.compile(r"\(([^)\n]+)\)|[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*")
_COUNTRY_KINDS = ("country", "adjective", "capital", "epithet")
# prepositions that set an agent in a place ("protesters in Arequipa", "troops gathered near the border")
_PLACE_PREPS = frozenset(
    {"in", "at", "across", "throughout", "through", "outside", "inside", "near", "around"}
)
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
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
        self.backing = _backing_words()
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


def _backing_words() -> frozenset[str]:
    """Participles that make a country an agent's backer, not its home ("Iran-backed", "Saudi-funded")."""
    text = read_data_file(DATA_DIR / "backing.txt", "backing words")
    return frozenset(line.strip().lower() for _, line in data_lines(text))


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
        self._counts: list[tuple[str, int]] | None = None
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
        self._share_head_nouns(doc)
        for token in first_person:
            speaker = self._speaker_of(token)
            if speaker is not None:
                span = doc[token.i : token.i + 1]
                self.mentions[token.i] = [
                    ActorMention(span.text, span.start_char, span.end_char, speaker.actor)
                ]

    def _share_head_nouns(self, doc: Doc) -> None:
        """ "between Kyrgyz and Tajik troops": a bare nationality word coordinated with a noun phrase that
        names an agent of another country is that agent too (KGZMIL, not the country KGZ)."""
        for i, found in list(self.mentions.items()):
            actor = found[0].actor
            if len(found) != 1 or actor.sector or actor.role != "adjective" or not actor.country:
                continue
            token = doc[i]
            conj = next((c for c in token.conjuncts if c.i > i), None)
            if conj is None or conj.pos_ != "NOUN":
                continue
            other = self.mentions.get(conj.i) or []
            sector = other[0].actor.sector if len(other) == 1 else None
            if sector and other[0].actor.country not in (None, actor.country):
                shared = Actor(actor.country + sector, actor.country, sector, actor.name, actor.role)
                self.mentions[i] = [replace(found[0], actor=shared)]

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
        source = None
        actor = self.aliases.get(alias_key(name))
        if actor is None:
            entry = self._table_person(name, country)
            if entry is not None:
                actor = Actor(entry.code, entry.country, entry.sector, entry.name, entry.role)
            elif country is not None or title_info is not None:
                if country is not None:
                    source = self._source_in(np, exclude=span)
                else:
                    country, source = self._domestic_country(head, np, title_info)
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
        return ActorMention(
            full.text, full.start_char, full.end_char, actor, source if actor.country else None
        )

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
        found = self._country_token(np, exclude=exclude)
        return found[0] if found else None

    def _country_token(
        self, np: list[Token], *, exclude: Span | None = None
    ) -> tuple[ActorEntry, Token] | None:
        """The first named (non-person) actor in the phrase and its token; a backer ("Iran" in "Iran-backed
        militias") is not the phrase's own country."""
        for token in np:
            if exclude is not None and exclude.start <= token.i < exclude.end:
                continue
            named = self.named.get(token.i)
            if named and not self._backer(token):
                entry = best_entry(named[1], self.published)
                if entry.kind != "person":
                    return entry, token
        return None

    def _backer(self, token: Token) -> bool:
        """ "Iran" in "Iran-backed militias", "a Saudi-funded group": the country that backs, arms or funds
        the agent (its participle is in ``actors/data/backing.txt``)."""
        head = token
        for _ in range(3):
            if head.head.i == head.i:
                return False
            head = head.head
            if head.lower_.split("-")[-1] in self.resolver.backing:
                return True
            if head.pos_ in ("NOUN", "PROPN") and head.i > token.i + 2:
                return False
        return False

    def _source_in(self, np: list[Token], *, exclude: Span | None = None) -> str:
        """Where the phrase's country (:meth:`_country_token`) stands: "modifier" for the phrase's own words
        ("Peruvian police", "police of Peru"), "place" behind a place preposition ("protesters in Lima")."""
        found = self._country_token(np, exclude=exclude)
        token = found[1] if found else None
        inside = {t.i for t in np}
        while token is not None and token.i in inside and token.head.i != token.i:
            if token.dep_ == "prep" and token.lower_ in _PLACE_PREPS:
                return "place"
            if token.head.i not in inside:
                break
            token = token.head
        return "modifier"

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
        source: str | None = None
        if country is None:
            actor = self._anaphoric_person(title_entry)
            if actor is None:
                domestic, source = (
                    self._domestic_country(head, np, title_entry) if title_entry else (None, None)
                )
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
            source = self._source_in(np) if sector else None
        else:
            actor = actor_from_entry(country, title_entry)
            source = self._source_in(np)
            holder = self._title_holder(country, title_entry)
            if holder is not None:
                actor, source = holder, None
        full = self._mention_span(head, np)
        return ActorMention(full.text, full.start_char, full.end_char, actor, source)

    def _modifier_country(self, head: Token) -> ActorMention | None:
        modifiers = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod") and c.i < head.i]
        # "US drone strikes", "US Predator attacks": the country may modify the modifier
        modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children if g.dep_ == c.dep_]
        for child in modifiers:
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
            entries = []
            for member in [token, *conj]:
                named = self.named.get(member.i)
                if named is not None:
                    entries.append(best_entry(named[1], self.published))
            # "Israel and Hamas militants": the head noun names the organization's members, not the country's
            shared = title_entry if all(e.kind != "organization" for e in entries) else None
            for entry in entries:
                if entry.kind == "person":
                    continue
                actor = actor_from_entry(entry, shared if entry.kind != "organization" else title_entry)
                source = "modifier" if actor.sector and entry.kind == "adjective" else None
                if all(m.actor.code != actor.code for m in found):
                    found.append(ActorMention(full.text, full.start_char, full.end_char, actor, source))
        return found if len(found) > 1 else []

    def _domestic_country(
        self, head: Token, np: list[Token], title: TitleEntry | None
    ) -> tuple[ActorEntry | None, str | None]:
        """The country of a title or generic agent that names none itself ("the Commerce Ministry said",
        "police", "protesters"), and where it came from (see :data:`detente.records.COUNTRY_SOURCES`).

        In order: the place its speech verb names ("a spokesman said in Washington") or its clause's place
        ("protesters in Arequipa", "students marched through Tbilisi"), "place"; the article's dateline
        ("BEIJING, June 21 - ..."); a country named in the sentence (:meth:`_sentence_country`), "text"; the
        story's main country, "story". The dateline gives no country to the participants of an event noun
        whose clause names other countries ("border clashes between troops ...").
        """
        spoken_in = self._speech_place(head) or self._clause_place(head)
        if spoken_in is not None:
            return spoken_in, "place"
        if self.dateline is not None and not self._dateline_barred(head):
            return self.dateline, "dateline"
        in_text = self._sentence_country(head, np)
        if in_text is not None:
            return in_text, "text"
        story = self._story_country()
        return (story, "story") if story is not None else (None, None)

    def _clause_place(self, head: Token) -> ActorEntry | None:
        """The country of the place the agent's phrase or clause sets it in: "protesters in Arequipa",
        "police gathered outside parliament in Lima" (a place the actor tables name, else the gazetteer's)."""
        preps = [c for c in head.children if c.dep_ == "prep"]
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ in ("VERB", "AUX"):
            preps += [c for c in head.head.children if c.dep_ == "prep" and c.i > head.i]
        for prep in preps:
            if prep.lower_ not in _PLACE_PREPS:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                entry = self._place_country(pobj)
                if entry is not None:
                    return entry
        return None

    def place_country(self, token: Token) -> str | None:
        """The country (ISO alpha-3) of a place phrase headed by ``token``: "in Lagos", "in Alaska", "in the
        capital of Peru", "near the town of Samarra" (the actor tables, else the gazetteer; the phrase makes
        it a place even when the recogniser took the name for a nationality); None when it names none."""
        entry = self._place_country(token, place_phrase=True)
        return entry.country if entry is not None else None

    def _place_country(self, token: Token, *, place_phrase: bool = False) -> ActorEntry | None:
        """The country of a place phrase: a country or capital it names ("in the capital of Peru", "in
        Lima"), else its place name's country in the gazetteer ("in Arequipa")."""
        for part in np_tokens(token):
            named = self.named.get(part.i)
            if named is not None:
                entry = best_entry(named[1], self.published)
                if entry.kind in _COUNTRY_KINDS and entry.country in self.resolver.countries:
                    return self.resolver.countries[entry.country]
        ent = self.entity_at.get(token.i)
        misread = place_phrase and ent is not None and ent.label_ == "NORP"  # "near the town of Samarra"
        if ent is not None and ent.label_ not in _PLACE_ENTITIES and not misread:
            return None
        if ent is None and token.pos_ != "PROPN":  # a name the recogniser missed ("in Arequipa")
            return None
        name = (
            ent.text if ent is not None else " ".join(t.text for t in np_tokens(token) if t.pos_ == "PROPN")
        )
        from ..places.gazetteer import load_gazetteer  # the places module reads the actor tables

        place = load_gazetteer().resolve(name, article_countries=self._article_countries())
        if place is None or place.country not in self.resolver.countries:
            return None
        return self.resolver.countries[place.country]

    def _article_countries(self) -> list[str]:
        return [country for country, _ in self._country_counts()]

    def _country_counts(self) -> list[tuple[str, int]]:
        """The countries the article names (countries, demonyms, capitals, epithets; not backers), most named
        first, ties in order of first mention."""
        if self._counts is None:
            counts: dict[str, int] = {}
            seen: set[int] = set()
            for span, entries in self.named.values():
                if span.start in seen or self._backer(span[-1]):  # a backer is not where the story is
                    continue
                seen.add(span.start)
                entry = best_entry(entries, self.published)
                if entry.kind in _COUNTRY_KINDS and entry.country in self.resolver.countries:
                    counts[entry.country] = counts.get(entry.country, 0) + 1
            first = {}
            for span, entries in sorted(self.named.values(), key=lambda item: item[0].start):
                entry = best_entry(entries, self.published)
                first.setdefault(entry.country, span.start)
            self._counts = sorted(counts.items(), key=lambda item: (-item[1], first.get(item[0], 0)))
        return self._counts

    def _story_country(self) -> ActorEntry | None:
        """The story's main country: the one it names most often (the first named of a tie)."""
        counts = self._country_counts()
        if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1] and counts[0][1] < 2):
            return None  # no country stands out in a story that names each once
        return self.resolver.countries[counts[0][0]]

    def _dateline_barred(self, head: Token) -> bool:
        """The dateline does not place the participants of an event noun ("border clashes between troops
        ...", "fighting between rebels and soldiers") when their clause names another country."""
        noun = head
        for _ in range(3):
            if noun.head.i == noun.i:
                return False
            noun = noun.head
            if noun.lemma_.lower() in self.resolver.event_nouns and noun.pos_ == "NOUN":
                break
        else:
            return False
        clause = noun.head if noun.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else noun
        while clause.dep_ in ("prep", "pobj") and clause.head.i != clause.i:
            clause = clause.head
        for token in clause.subtree:
            named = self.named.get(token.i)
            if named is None:
                continue
            entry = best_entry(named[1], self.published)
            if entry.kind in _COUNTRY_KINDS and entry.country and entry.country != self.dateline.country:
                return True
        return False

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
        comes first; else the nearest country outside quotation marks; else the nearest one in them. A
        subject does not take the country of its own verb's object ("gunmen attacked a US base": the base's
        country is the target's, not the gunmen's), nor a backer's ("Iran-backed militias").
        """
        inside = {t.i for t in np} | self._objects_of(head)
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
            if entry.kind in _COUNTRY_KINDS and entry.country and not self._backer(token):
                candidates.append((abs(token.i - head.i), quoted, entry))
        if not candidates:
            return None
        reported = self._reported_subject_country(head)
        if reported is not None:
            return reported
        outside = [c for c in candidates if not c[1]]
        return min(outside or candidates, key=lambda c: c[0])[2]

    def _objects_of(self, head: Token) -> set[int]:
        """The tokens of the objects of the verb ``head`` is the subject of (its direct object, and the
        objects of "on", "against", "at", "into", "toward(s)", "to", "with": "protesters set fire to the
        Danish embassy", "gunmen clashed with Israeli troops")."""
        if head.dep_ != "nsubj" or head.head.pos_ not in ("VERB", "AUX"):
            return set()
        found: set[int] = set()
        for child in head.head.children:
            if child.dep_ in ("dobj", "dative") or (
                child.dep_ == "prep"
                and child.lower_ in ("on", "against", "at", "into", "toward", "towards", "to", "with")
            ):
                found.update(t.i for t in child.subtree)
        return found

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
