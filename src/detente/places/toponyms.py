"""The places an article names (toponyms), each resolved once for the whole article.

:class:`ArticlePlaces` reads one parsed article and finds every word group the text means as a place:

* an entity the recogniser tags ``GPE``, ``LOC`` or ``FAC`` whose words (or their head words: "eastern
  Jakarta" is Jakarta) the gazetteer knows; or
* a proper noun the recogniser missed (or took for a person or an organisation), when the gazetteer has it
  as a place's own name and the syntax says place: the object of a locative or motion preposition ("a farm
  in Pandi", "flew to Lujhu"), a conjunct or apposition of a place ("in Cairo, Giza and Al-Minya"), or a
  name qualified by its country or state ("Krasnodar, Russia officials said").

A name whose only places are small towns (under 100,000 people) of a country the article does not otherwise
name is dropped: "Reston" in a story about the Philippines is the virus, not the Virginia town.

Never a common noun, a pronoun, a number or date, a word inside a person's or an organisation's name ("Bank
of England" is not in Bank, "Davis said" is a person), a demonym, or a name the actor tables know as a
person or an organisation. A city's alternate name ("Kiev") counts only in a place entity.

Each distinct name is resolved once per article (one name, one place, unless a qualifier says otherwise:
"Paris, Texas", "London, Ontario"), in two passes: first alone, with the countries the article's actors
name; then with the places that resolved without doubt (a single candidate, or a qualifier) as context, so
that "Georgia" in a story that names Atlanta is the US state, and "Dublin" beside "Columbus" is in Ohio
(:meth:`detente.places.gazetteer.Gazetteer.explain`).

The article's dateline ("KYIV, March 3 (Agency) - ") is resolved too (:attr:`ArticlePlaces.dateline`).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..actors.resolve import ArticleActors
from ..nlp import DATELINE
from ..records import Place
from .cues import PlaceCues, load_cues
from .gazetteer import Gazetteer, PlaceEntry, place_key

__all__ = ["ArticlePlaces", "Toponym"]

#: entity types of places
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: entity types that are never places
NOT_PLACE_ENTS = frozenset(
    {
        "DATE",
        "TIME",
        "PERCENT",
        "MONEY",
        "QUANTITY",
        "ORDINAL",
        "CARDINAL",
        "LANGUAGE",
        "LAW",
        "PERSON",
        "ORG",
        "NORP",
        "EVENT",
        "WORK_OF_ART",
        "PRODUCT",
    }
)
# prepositions whose proper-noun object is a place even when the recogniser missed it
_PLACE_PREPOSITIONS = frozenset({"from", "to", "into", "through", "across", "toward", "towards"})
_DATELINE_WORDS = re.compile(r"\(?([A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3})")
_AREA_FEATURES = ("country", "admin1")
# leading words that may be dropped from an entity the gazetteer does not know ("northern Taoyuan")
_DIRECTIONS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
        "greater",
        "downtown",
        "upstate",
        "rural",
        "suburban",
    }
)
#: a city this small, in a country the article does not otherwise name, is not taken for the name
MIN_FOREIGN_POPULATION = 100000


@dataclass(frozen=True, slots=True)
class Toponym:
    """A place named in the text: its words (character and token offsets) and the place it resolved to."""

    text: str
    start: int
    end: int
    token_start: int
    token_end: int
    entry: PlaceEntry
    reason: str

    def to_place(self, source: str = "text") -> Place:
        place = self.entry.to_place(self.text, self.start, self.end)
        return Place(
            place.name,
            place.country,
            place.feature,
            place.lat,
            place.lon,
            place.admin1,
            place.text,
            place.start,
            place.end,
            source,
            self.reason,
        )


class ArticlePlaces:
    """Every toponym of one parsed article, resolved with the whole article as context."""

    def __init__(
        self, gazetteer: Gazetteer, doc: Doc, actors: ArticleActors, cues: PlaceCues | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.doc = doc
        self.actors = actors
        self.cues = cues or load_cues()
        self.article_countries = {
            mention.actor.country
            for mentions in actors.mentions.values()
            for mention in mentions
            if mention.actor.country
        }
        self.persons = {record.actor for record in actors.persons}
        spans = self._find_spans()
        self.toponyms: list[Toponym] = self._resolve(spans)
        self._by_token: dict[int, Toponym] = {
            i: toponym for toponym in self.toponyms for i in range(toponym.token_start, toponym.token_end)
        }
        self._starts = [toponym.start for toponym in self.toponyms]
        self.dateline: Toponym | None = self._dateline()

    def at(self, token: Token) -> Toponym | None:
        """The toponym ``token`` is part of, if any."""
        return self._by_token.get(token.i)

    def between(self, start: int, end: int) -> list[Toponym]:
        """The toponyms within characters ``[start, end)``."""
        index = bisect.bisect_left(self._starts, start)
        found = []
        while index < len(self.toponyms) and self.toponyms[index].start < end:
            found.append(self.toponyms[index])
            index += 1
        return found

    def places(self) -> list[Place]:
        """Every toponym as a :class:`~detente.records.Place`, in reading order."""
        return [toponym.to_place() for toponym in self.toponyms]

    # -- finding ---------------------------------------------------------------------------------------
    def _find_spans(self) -> list[Span]:
        doc = self.doc
        spans: list[Span] = []
        taken: set[int] = set()
        for ent in doc.ents:
            if ent.label_ not in PLACE_ENTS:
                continue
            span = self._known_part(ent)
            if span is not None:
                spans.append(span)
                taken.update(range(span.start, span.end))
        for token in doc:
            if token.i in taken or token.ent_type_ or token.pos_ != "PROPN" or token.dep_ != "pobj":
                continue
            if token.head.lower_ not in self.cues.locative | _PLACE_PREPOSITIONS | self.cues.destination:
                continue
            span = self._proper_name(token)
            if span is None or any(i in taken for i in range(span.start, span.end)):
                continue
            if self._may_be_place(span, entity=False):
                spans.append(span)
                taken.update(range(span.start, span.end))
        # conjuncts and appositions of places, and names qualified by a country or state
        changed = True
        while changed:
            changed = False
            for token in doc:
                if token.i in taken or token.pos_ != "PROPN" or not token.text[:1].isupper():
                    continue
                linked = token.dep_ in ("conj", "appos") and token.head.i in taken
                qualified = token.i + 2 < len(doc) and doc[token.i + 1].text == ","
                if not (linked or qualified):
                    continue
                span = self._proper_name(token)
                if span is None or any(i in taken for i in range(span.start, span.end)):
                    continue
                if not linked:
                    within = self.qualifiers(span)
                    if not within or not any(
                        entry.country in {w.country for w in within}
                        for entry, _ in self.gazetteer.lookup(span.text, alternates=False)
                    ):
                        continue
                if self._may_be_place(span, entity=True) and not self._known_non_place(span):
                    spans.append(span)
                    taken.update(range(span.start, span.end))
                    changed = True
        spans.sort(key=lambda span: span.start)
        return spans

    def _known_non_place(self, span: Span) -> bool:
        """A person or organisation the actor tables know ("Bush, Cheney and Rice")."""
        return any(
            mention.actor.sector is not None and mention.actor.country is None
            for token in span
            for mention in self.actors.at(token)
        )

    def _known_part(self, ent: Span) -> Span | None:
        """The entity, without a leading "the" and modifiers the gazetteer does not know ("eastern Jakarta"),
        when it may be a place."""
        start = ent.start
        while start < ent.end - 1 and (
            not ent.doc[start].text[:1].isupper() or ent.doc[start].lower_ in _DIRECTIONS
        ):
            if self.gazetteer.has_name(ent.doc[start : ent.end].text):
                break
            start += 1
        span = ent.doc[start : ent.end]
        if span[0].text[:1].isupper() and self.gazetteer.has_name(span.text):
            return span if self._may_be_place(span, entity=True) else None
        return None

    def _proper_name(self, token: Token) -> Span | None:
        start = token.i
        while start > 0 and self.doc[start - 1].pos_ == "PROPN" and self.doc[start - 1].head.i == token.i:
            start -= 1
        span = self.doc[start : token.i + 1]
        if not all(t.text[:1].isupper() for t in span):
            return None
        found = self.gazetteer.lookup(span.text, alternates=False)
        return span if found else None

    def _may_be_place(self, span: Span, *, entity: bool) -> bool:
        """Not a person's or organisation's name, a demonym, a number (the recogniser and actor tables)."""
        for token in span:
            if token.like_num or (not entity and token.ent_type_ in NOT_PLACE_ENTS):
                return False
            if token.pos_ == "PRON":
                return False
            named = self.actors.named.get(token.i)
            kinds = {entry.kind for entry in named[1]} if named is not None else set()
            if kinds & {"person", "organization", "adjective"} and not kinds & {"country", "capital"}:
                return False
        # a name the resolver took for a person is a place only with a qualifier ("Toulouse, France")
        person = any(mention.actor in self.persons for t in span for mention in self.actors.at(t))
        return not person or bool(self.qualifiers(span))

    def qualifiers(self, span: Span) -> list[PlaceEntry]:
        """Places named right after ``span`` as its qualifier: "Paris, Texas", "Vienna, Austria"."""
        doc = self.doc
        if span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return []
        token = doc[span.end + 1]
        if not token.text[:1].isupper():
            return []
        words = [token]
        while words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].text[:1].isupper() and len(words) < 3:
            words.append(doc[words[-1].i + 1])
        for end in range(len(words), 0, -1):
            found = [
                entry
                for entry, _ in self.gazetteer.lookup(doc[token.i : token.i + end].text)
                if entry.feature in _AREA_FEATURES
            ]
            if found:
                return found
        return []

    # -- resolving -------------------------------------------------------------------------------------
    def _resolve(self, spans: list[Span]) -> list[Toponym]:
        gazetteer = self.gazetteer
        alternates = {span.start: span.root.ent_type_ in ("GPE", "LOC") for span in spans}
        qualifiers = {span.start: self.qualifiers(span) for span in spans}
        # pass 1: the names that resolve without doubt anchor the others (not a stray town: its own
        # country is no evidence for it)
        anchors: list[PlaceEntry] = []
        for span in spans:
            found = gazetteer.explain(
                span.text,
                article_countries=self.article_countries,
                within=qualifiers[span.start],
                alternates=alternates[span.start],
            )
            if found is not None and found[1].startswith(("only place", "qualifier")):
                anchors.append(found[0])
        anchor_countries = {entry.country for entry in anchors if entry.country}
        others = self.article_countries | {
            entry.country
            for entry in anchors
            if entry.country
            and not self._stray(entry, (anchor_countries - {entry.country}) | self.article_countries)
        }
        anchors = [
            entry
            for entry in anchors
            if not self._stray(entry, others - {entry.country} | self.article_countries)
        ]
        countries = self.article_countries | {entry.country for entry in anchors if entry.country}
        # pass 2: each name once, with the anchors as context; a qualified mention on its own
        chosen: dict[str, tuple[PlaceEntry, str]] = {}
        toponyms = []
        for span in spans:
            key = place_key(span.text)
            within = qualifiers[span.start]
            if within or key not in chosen:
                near = [entry for entry in anchors if place_key(entry.name) != key]
                found = gazetteer.explain(
                    span.text,
                    article_countries=countries,
                    within=within,
                    near=near,
                    alternates=alternates[span.start],
                )
                context = self.article_countries | {
                    entry.country for entry in anchors if entry.country and place_key(entry.name) != key
                }
                if found is None or (not within and self._stray(found[0], context)):
                    continue
                if not within:
                    chosen[key] = found
            else:
                found = chosen[key]
            entry, reason = found
            text, start, end, first = _trim(span)
            toponyms.append(Toponym(text, start, end, first, span.end, entry, reason))
        return toponyms

    @staticmethod
    def _stray(entry: PlaceEntry, countries: set[str]) -> bool:
        """A small town of a country the article does not otherwise name ("Reston" in a Philippine story)."""
        return (
            bool(countries)
            and entry.feature == "city"
            and entry.population < MIN_FOREIGN_POPULATION
            and entry.country not in countries
        )

    def _dateline(self) -> Toponym | None:
        """The article's dateline place ("KYIV, March 3 (Agency) - "), at the start of one of its first three
        paragraphs: a city (or country) the gazetteer knows, settled like the text's toponyms."""
        text = self.doc.text
        starts = [0] + [m.end() for m in re.finditer(r"\n\s*", text)][:2]
        for start in starts:
            match = DATELINE.match(text, start)
            if match is None:
                continue
            words = _DATELINE_WORDS.match(match.group(0))
            if words is None:
                continue
            name = words.group(1).strip()
            near = [toponym.entry for toponym in self.toponyms]
            found = self.gazetteer.explain(
                name.title(), article_countries=self.article_countries, near=near, alternates=False
            )
            if found is None:
                return None
            begin = start + words.start(1)
            span = self.doc.char_span(begin, begin + len(name), alignment_mode="expand")
            if span is None:
                return None
            return Toponym(name, begin, begin + len(name), span.start, span.end, found[0], found[1])
        return None


def _trim(span: Span) -> tuple[str, int, int, int]:
    if len(span) > 1 and span[0].lower_ == "the":
        span = span[1:]
    return span.text, span.start_char, span.end_char, span.start
