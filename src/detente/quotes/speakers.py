"""Who speaks: the actor behind a cue's subject, addressee or "according to" object.

The article's resolved actors answer most phrases ("Chinese Foreign Minister Qin Gang", "he", "the
minister", "Mr. Qin", "a State Department statement"). This module adds what only attribution needs:

* a document or mouthpiece speaks for its issuer: "the statement from Beijing", "the ministry's
  statement", "a spokesman for the Kremlin"; a definite one without an issuer ("the press release", "the
  statement") is the one issued in the two sentences before ("X issued a statement"), else the
  institution quoted last;
* a bare title ("the spokeswoman said") is the person introduced with that title, when the phrase names
  no country of its own;
* a surname alone is the person named in full before ("Marcos" after "Ferdinand Marcos Jr.");
* a named person the tables do not know takes a title from a detached apposition (text broken by
  translation or segmentation: "Matthew Miller said in a statement. State Department spokesman."), and is
  then known by his surname for the rest of the article ("Miller added");
* anyone else the text names is still the speaker, without an actor code: a person ("Hendricks", "the
  anchor", "Ana Ruiz, an economist at a Madrid bank"), an organization, an outlet ("The Times"), a document
  ("the report") or a group ("analysts"), typed from the entity label and the noun table
  (``data/speakers.tsv``); a pronoun or a surname takes the person named last before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from ..actors.phrases import alias_key
from ..actors.resolve import ArticleActors
from ..records import Actor, ActorMention, Span, Speaker
from .cues import CueWords, load_speaker_types

__all__ = ["SpeakerFinder", "detached_conjunct", "reduced_participle", "relaying_heads", "same_speaker"]

_SUBJECTS = ("nsubj", "nsubjpass")
_INVERTED = ("dobj", "attr", "nsubj", "npadvmod", "oprd")
_CLIMB = ("conj", "advcl", "xcomp", "pcomp", "prep", "relcl", "acl")
_ISSUER_PREPS = ("from", "of", "by", "for", "in", "at")
_DEFINITE = frozenset({"the", "this", "that", "its", "their"})
_RELATIVE = frozenset({"who", "which", "that"})
_MAX_FRAGMENT = 8
_MAX_LOOKBACK = 120  # tokens searched back for the document "the statement" refers to
# a cue's words reported by the cue above it (through conjoined verbs: "said X had met Y and told him")
_CHAIN = frozenset({"ccomp", "parataxis"})
_MAX_RELAY_CLIMB = 4
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i"})
_GROUP_PRONOUNS = frozenset({"they", "them"})
_THING_PRONOUNS = frozenset({"it"})
_PLURAL_TAGS = frozenset({"NNS", "NNPS"})
_MAX_PRONOUN_BACK = 3  # sentences searched back for the person a pronoun stands for
_MEDIA_NAMES = frozenset(
    {
        "times",
        "post",
        "journal",
        "tribune",
        "herald",
        "gazette",
        "telegraph",
        "guardian",
        "chronicle",
        "globe",
        "cnn",
        "fox",
        "nbc",
        "abc",
        "cbs",
        "msnbc",
        "npr",
        "pbs",
        "bbc",
        "reuters",
        "politico",
        "axios",
        "ap",
        "bloomberg",
        "news",
        "press",
        "daily",
        "magazine",
        "radio",
        "television",
        "tv",
    }
)


@dataclass(slots=True)
class SpeakerFinder:
    """Speaker resolution over one article; remembers names and institutions as attributions are read."""

    actors: ArticleActors
    cues: CueWords
    names: dict[str, Actor] = field(default_factory=dict)
    last_voice: ActorMention | None = None
    people: list[Speaker] = field(default_factory=list)  # persons named as speakers, in reading order
    last_unknown: Speaker | None = None  # the last organization, outlet, document or group no table knows

    def subject_of(self, verb: Token, *, after: int = -1) -> Token | None:
        """The subject of a cue verb: its own, an inverted one after it ("said the spokesman"), or the
        subject it shares with the verb it hangs from ("met Blinken and said", "adding that", "who said").
        ``after`` is the closing mark of a quotation the verb follows: then the subject may stand between
        them even when the parse hangs it elsewhere, or after the verb."""
        token = verb
        for _ in range(4):
            for child in token.children:
                if child.dep_ in _SUBJECTS:
                    if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                        return token.head
                    return child
            if token is verb and after >= 0 and verb.i > after:
                gap = _gap_subject(verb, after)
                if gap is not None and self._may_speak(gap):
                    return gap
                for child in verb.rights:
                    if child.dep_ in _INVERTED and child.pos_ in ("NOUN", "PROPN", "PRON"):
                        return child
            if token.dep_ not in _CLIMB or token.head.i == token.i:
                return None
            token = _skip_reported_conjunct(token)
        return None

    def sentence(self, index: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of the sentence holding token ``index`` (without spaCy's ``.sent``,
        which walks the whole sentence on every call)."""
        starts = self.actors.sentence_starts
        found = bisect.bisect_right(starts, index) - 1
        start = starts[found] if found >= 0 else 0
        end = starts[found + 1] if found + 1 < len(starts) else len(self.actors.doc)
        return start, end

    def _may_speak(self, token: Token) -> bool:
        """An actor, a document, a name or a speaker noun (not "the main point of friction")."""
        return (
            bool(self.actors.at(token))
            or token.lemma_.lower() in self.cues.voice
            or token.pos_ == "PROPN"
            or self._type(token) is not None
        )

    def speaker(self, token: Token | None, *, human: bool = False) -> Speaker | None:
        """Who a subject, object or prepositional object names (None when it names no one). ``human``: only a
        person, group or organization (the speaker of a thought)."""
        if token is None:
            return None
        found = self.actors.at(token)
        mention = None
        if found and token.pos_ == "PRON" and token.lower_ in _PERSON_PRONOUNS:
            later = self._later_subject(token, found[0].actor)
            if later is not None:  # 'Her challenger, Dan Kowalski, interrupted. "...," he said'
                return self._unknown(token, person=later)
        if found:
            mention = self._title_holder(token, found[0]) or found[0]
            if token.lemma_.lower() in self.cues.voice or not self.is_person(mention.actor):
                self.last_voice = mention
        elif token.lemma_.lower() in self.cues.voice:
            mention = self._voice(token)
        elif token.pos_ == "PROPN" or token.ent_type_ == "PERSON":
            mention = self._named_person(token)
        speaker = self._resolved(token, mention) if mention is not None else self._unknown(token)
        if speaker is None or (human and speaker.type in ("document", "media", "unknown")):
            return None
        if speaker.type == "person" and token.pos_ != "PRON":
            self.people.append(speaker)
        return speaker

    def _resolved(self, token: Token, mention: ActorMention) -> Speaker:
        at = self._at(token)
        if token.tag_ == "NNS":  # "the two leaders", "Israeli troops"
            kind = "group"
        elif self.is_person(mention.actor) or (token.pos_ == "PRON" and token.lower_ in _PERSON_PRONOUNS):
            kind = "person"
        else:
            kind = self._type(token) or ("media" if (mention.actor.sector or "").endswith("MED") else None)
            kind = kind or ("group" if token.tag_ in _PLURAL_TAGS else "organization")
        return Speaker.of(mention, kind, at)

    def _at(self, token: Token) -> tuple[str, int, int]:
        """The words that stand as the speaker: the noun phrase with its titles and apposition."""
        span = self._phrase(token)
        return span.text, span.start_char, span.end_char

    def _phrase(self, token: Token):  # noqa: ANN202 - a spaCy Span
        doc = token.doc
        if token.pos_ == "PRON":
            return doc[token.i : token.i + 1]
        start, end = token.left_edge.i, token.right_edge.i + 1
        sentence = self.sentence(token.i)
        start, end = max(start, sentence[0]), min(end, sentence[1])
        for k in range(token.i + 1, end):  # stop at a quotation mark or a verb of the clause
            if doc[k].is_quote or (doc[k].pos_ == "VERB" and doc[k].dep_ not in ("relcl", "acl", "amod")):
                end = k
                break
        for k in range(token.i - 1, start - 1, -1):
            if doc[k].is_quote:
                start = k + 1
                break
        while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        while start < token.i and (doc[start].is_punct or doc[start].is_space):
            start += 1
        return doc[start:end]

    def _type(self, token: Token) -> str | None:
        """The speaker type the words say: entity label, then the noun table."""
        lemma = token.lemma_.lower()
        table = load_speaker_types()
        if token.ent_type_ == "PERSON":
            return "person"
        if token.ent_type_ in ("ORG", "NORP", "GPE", "FAC"):
            words = {t.lower_ for t in self._name(token)}
            if words & _MEDIA_NAMES or table.get(lemma) == "media":
                return "media"
            if token.ent_type_ == "NORP" and token.tag_ in _PLURAL_TAGS:
                return "group"
            return "organization"
        kind = table.get(lemma) or table.get(token.lower_)
        if kind is None and token.pos_ == "PROPN":
            words = {t.lower_ for t in self._name(token)}
            return "media" if words & _MEDIA_NAMES else ("group" if token.tag_ in _PLURAL_TAGS else "unknown")
        if kind == "person" and token.tag_ in _PLURAL_TAGS:
            return "group"
        return kind

    def _name(self, token: Token):  # noqa: ANN202 - a spaCy Span
        return _name_span(token)

    def _unknown(self, token: Token, person: Speaker | None = None) -> Speaker | None:
        """A speaker no table knows: a pronoun for the person named before (``person`` when known), or the
        words themselves."""
        text, start, end = self._at(token)
        if token.pos_ == "PRON":
            lower = token.lower_
            if lower in _PERSON_PRONOUNS:
                person = person or self._last_person(token) or self._clause_subject(token)
                if person is None:  # no one named before: the pronoun is all the text says
                    return Speaker(text, start, end, "person", None, None, Span(start, end), text)
                return Speaker(
                    person.text, person.start, person.end, "person", None, person.name, Span(start, end), text
                )
            if lower in _GROUP_PRONOUNS | _THING_PRONOUNS and self.last_unknown is not None:
                last = self.last_unknown
                if (last.type == "group") == (lower in _GROUP_PRONOUNS):
                    return Speaker(
                        last.text,
                        last.start,
                        last.end,
                        last.type,
                        last.actor,
                        last.name,
                        Span(start, end),
                        text,
                    )
            return None
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        earlier = self._earlier_name(token)
        if earlier is not None:
            return Speaker(text, start, end, "person", None, earlier, Span(start, end), text)
        kind = self._type(token)
        if kind is None:
            return None
        name = None
        if kind == "person":
            name = self._full_name(token)
        elif token.pos_ == "PROPN":
            name = self._name(token).text
        speaker = Speaker(text, start, end, kind, None, name, Span(start, end), text)
        if kind != "person":
            self.last_unknown = speaker
        return speaker

    def _earlier_name(self, token: Token) -> str | None:
        """A capitalized word that is the surname of a person named before ("Hendricks" after "Rita
        Hendricks", whatever its tag)."""
        if not token.text[:1].isupper() or token.ent_type_ not in ("", "PERSON"):
            return None
        for ent in token.doc.ents:
            if ent.start >= token.i:
                break
            if ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == token.text:
                return ent.text
        return None

    def _full_name(self, token: Token) -> str | None:
        """The person's name: the PERSON entity the words hold, or the full name a surname stands for."""
        doc = token.doc
        phrase = self._phrase(token)
        names = [ent for ent in doc.ents if ent.label_ == "PERSON" and phrase.start <= ent.start < phrase.end]
        if not names:
            return None
        name = names[0].text
        if len(names[0]) == 1:
            for person in reversed(self.people):
                if person.name and person.name.split()[-1] == name and person.start < phrase.start_char:
                    return person.name
        return name

    def _last_person(self, token: Token) -> Speaker | None:
        """The person a personal pronoun stands for: the last person named in the few sentences before."""
        doc = token.doc
        first = self.sentence(token.i)[0]
        for _ in range(_MAX_PRONOUN_BACK):
            if first > 0:
                first = self.sentence(first - 1)[0]
        best = None
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.start < first or ent.start >= token.i:
                continue
            best = ent
        spoken = next((p for p in reversed(self.people) if p.start < token.idx), None)
        if best is None:
            return spoken if spoken is not None and spoken.start >= doc[first].idx else None
        if spoken is not None and spoken.start >= best.start_char:
            return spoken
        name = best.text
        for person in reversed(self.people):
            if person.name and person.name.split()[-1] == name.split()[-1] and len(person.name) > len(name):
                name = person.name
                break
        return Speaker(best.text, best.start_char, best.end_char, "person", None, name)

    def _clause_subject(self, token: Token) -> Speaker | None:
        """A possessive pronoun on a speech noun stands for the subject of the noun's clause when that
        subject is a name before it ("Wilson repeated her claim that ...")."""
        if token.dep_ != "poss" or token.head.lemma_.lower() not in self.cues.nouns:
            return None
        subject = next((c for c in token.head.head.children if c.dep_ in _SUBJECTS), None)
        if subject is None or subject.i > token.i or subject.pos_ != "PROPN":
            return None
        text, start, end = self._at(subject)
        return Speaker(text, start, end, "person", None, self._full_name(subject) or text)

    def _later_subject(self, token: Token, actor: Actor) -> Speaker | None:
        """A personal pronoun the actor layer resolved to ``actor`` while a person no table knows was named
        later, as the subject of a sentence before the pronoun (or in apposition to it): that person, the
        nearer subject, is whom the pronoun stands for."""
        doc = token.doc
        first = self.sentence(token.i)[0]
        for _ in range(_MAX_PRONOUN_BACK):
            if first > 0:
                first = self.sentence(first - 1)[0]
        last = None
        for ent in doc.ents:
            if ent.start >= token.i:
                break
            if ent.label_ == "PERSON" and ent.start >= first and _is_subject(ent.root):
                last = ent
        if last is None or self.actors.at(last.root):
            return None  # the tables know the last subject: the actor layer has weighed it
        known = {w.strip(".,").lower() for w in (actor.name or "").replace("_", " ").split()}
        if last[-1].lower_ in known:
            return None
        name = self._full_name(last.root) or last.text
        return Speaker(last.text, last.start_char, last.end_char, "person", None, name)

    def _title_holder(self, token: Token, mention: ActorMention) -> ActorMention | None:
        """ "the spokeswoman said" after "Foreign Ministry spokeswoman Mao Ning": the person introduced
        with that title, when the phrase names no country of its own (the resolver may have lent it the
        country of a word elsewhere in the sentence, even inside the quotation)."""
        title = self.actors.titles.get(token.i)
        if title is None or self.is_person(mention.actor):
            return None
        doc = token.doc
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or any(t.i in self.actors.named for t in span):
            return None
        role = title[1].role or title[1].phrase
        for record in reversed(self.actors.persons):
            if record.mention_start >= token.i:
                continue
            named = self.actors.at(doc[record.mention_start])
            if not named:
                continue
            words = doc.char_span(named[0].start, named[0].end, alignment_mode="expand") or ()
            found = (self.actors.titles.get(t.i) for t in words)
            if any(f is not None and (f[1].role or f[1].phrase) == role for f in found):
                return ActorMention(mention.text, mention.start, mention.end, record.actor)
        return None

    def addressee(self, verb: Token, *, exclude: set[int]) -> ActorMention | None:
        """The person spoken to: "told Blinken", "assured X that", "said to reporters"."""
        for child in verb.children:
            if child.i in exclude:
                continue
            if child.dep_ in ("dobj", "dative") and verb.lemma_.lower() in self.cues.addressee:
                found = self.actors.at(child)
                if found:
                    return found[0]
            if child.dep_ in ("prep", "dative") and child.lower_ == "to":
                for pobj in child.children:
                    found = self.actors.at(pobj) if pobj.dep_ == "pobj" else []
                    if found:
                        return found[0]
        return None

    # -- documents and mouthpieces ------------------------------------------------------------------
    def _voice(self, token: Token) -> ActorMention | None:
        issuer = self._issuer(token)
        doc = token.doc
        end = token.i + 1
        if issuer is not None and issuer.start > token.idx:  # "the statement from Beijing"
            end = max(end, doc.char_span(issuer.start, issuer.end, alignment_mode="expand").end)
        span = doc[min(token.left_edge.i, token.i) : end]
        if issuer is None and any(
            child.dep_ == "det" and child.lower_ in _DEFINITE for child in token.children
        ):
            issuer = self._earlier_issuer(token) or self.last_voice
        if issuer is None:
            return None
        mention = ActorMention(span.text, span.start_char, span.end_char, issuer.actor)
        self.last_voice = mention
        return mention

    def _issuer(self, token: Token) -> ActorMention | None:
        """ "the statement from Beijing", "the ministry's statement", "a statement issued by the Kremlin"."""
        for child in token.children:
            if child.dep_ in ("poss", "compound", "nmod", "amod") and child.i < token.i:
                found = self.actors.at(child)
                if found:
                    return found[0]
            if child.dep_ == "prep" and child.lower_ in _ISSUER_PREPS:
                found = self._pobj_actor(child)
                if found is not None:
                    return found
            if child.dep_ == "acl":  # "a statement issued by the Kremlin"
                for grand in child.children:
                    if grand.dep_ in ("agent", "prep") and grand.lower_ in ("by", "from"):
                        found = self._pobj_actor(grand)
                        if found is not None:
                            return found
        return None

    def _earlier_issuer(self, token: Token) -> ActorMention | None:
        """ "X issued a statement. ... the statement said": the issuer of the same document named in the
        two sentences before, or earlier in this one."""
        doc = token.doc
        start = self.sentence(token.i)[0]
        for _ in range(2):
            if start > 0:
                start = self.sentence(start - 1)[0]
        for earlier in reversed(doc[max(start, token.i - _MAX_LOOKBACK) : token.i]):
            if earlier.lemma_.lower() != token.lemma_.lower():
                continue
            found = self._issuer(earlier)
            if found is None and earlier.dep_ in (
                "dobj",
                "pobj",
            ):  # "issued a statement", "said in a statement"
                verb = earlier.head if earlier.dep_ == "dobj" else earlier.head.head
                subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
                found = (
                    self.actors.at(subject)[0] if subject is not None and self.actors.at(subject) else None
                )
            if found is not None:
                return found
        return None

    def _pobj_actor(self, prep: Token) -> ActorMention | None:
        for pobj in prep.children:
            if pobj.dep_ == "pobj":
                found = self.actors.at(pobj)
                if found:
                    return found[0]
        return None

    # -- people the tables do not know --------------------------------------------------------------
    def _named_person(self, token: Token) -> ActorMention | None:
        name = _name_span(token)
        actor = self.names.get(alias_key(name.text)) or self._known_person(name.text)
        if actor is None:
            actor = self._detached_title(token, name.text)
        if actor is None:
            return None
        return ActorMention(name.text, name.start_char, name.end_char, actor)

    def _known_person(self, name: str) -> Actor | None:
        """A part of the full name of someone already mentioned ("Marcos" after "Ferdinand Marcos Jr.")."""
        words = set(name.lower().split())
        if not words:
            return None
        for record in reversed(self.actors.persons):
            full = (record.actor.name or "").lower().split()
            if len(full) > len(words) and words <= set(full):
                return record.actor
        return None

    def _detached_title(self, token: Token, name: str) -> Actor | None:
        """A verbless fragment right after the name's sentence that names a title: its apposition."""
        doc = token.doc
        end = self.sentence(token.i)[1]
        if end >= len(doc) or "\n" in doc[end - 1 : end + 1].text:
            return None
        following = doc[end : min(self.sentence(end)[1], end + 2 * _MAX_FRAGMENT)]
        words = [t for t in following if not (t.is_punct or t.is_space)]
        if not words or len(words) > _MAX_FRAGMENT or any(t.pos_ in ("VERB", "AUX") for t in words):
            return None
        root = next(
            (t for t in words if not following.start <= t.head.i < following.end or t.head.i == t.i), None
        )
        found = self.actors.at(root) if root is not None else []
        if not found or root.i not in self.actors.titles:
            return None
        base = found[0].actor
        title = self.actors.titles[root.i][1]
        actor = Actor(base.code, base.country, base.sector, name, title.role or title.phrase)
        parts = name.split()
        for key in {alias_key(name), alias_key(parts[-1])}:
            self.names.setdefault(key, actor)
        return actor

    def is_person(self, actor: Actor) -> bool:
        return any(record.actor == actor for record in self.actors.persons)


def _is_subject(token: Token) -> bool:
    """The subject of its clause, or a name in apposition to it ("Her challenger, Dan Kowalski, ...")."""
    if token.dep_ in _SUBJECTS:
        return True
    return token.dep_ == "appos" and token.head.dep_ in _SUBJECTS


def same_speaker(one: Speaker | None, other: Speaker | None) -> bool:
    """The same words, or the same resolved actor."""
    if one is None or other is None:
        return one is other
    if (one.start, one.end) == (other.start, other.end):
        return True
    return one.actor is not None and one.actor == other.actor


def detached_conjunct(token: Token) -> bool:
    """A past-tense verb conjoined to a modal verb of a reported clause belongs to the reporting clause
    ("said that Tehran would respond and warned the EU": the minister warned, not Tehran)."""
    head = token.head
    return (
        token.dep_ == "conj"
        and token.tag_ in ("VBD", "VBZ")
        and head.dep_ == "ccomp"
        and any(child.tag_ == "MD" for child in head.children)
        and not any(child.tag_ == "MD" for child in token.children)
    )


def relaying_heads(verb: Token) -> Iterator[Token]:
    """The heads above a cue verb, once the climb has passed a reported clause (``ccomp``, ``parataxis``),
    through conjoined verbs: where a cue relaying the speaker's words can stand ("X told Y that ..., the
    ministry said"; "said X had met Y and told him that ...")."""
    token = verb
    chained = False
    for _ in range(_MAX_RELAY_CLIMB):
        if token.head.i == token.i or token.dep_ not in _CHAIN | {"conj"}:
            return
        chained = chained or token.dep_ in _CHAIN
        token = token.head
        if chained:
            yield token


def reduced_participle(verb: Token) -> bool:
    """ "when asked whether ...", "as reported by ...": a participle without auxiliary or subject is no
    one's speech act."""
    return verb.tag_ == "VBN" and not any(
        child.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for child in verb.children
    )


def _skip_reported_conjunct(token: Token) -> Token:
    """The token whose subject ``token`` shares (see :func:`detached_conjunct`)."""
    return token.head.head if detached_conjunct(token) else token.head


def _gap_subject(verb: Token, close: int) -> Token | None:
    """'"...," the EU's foreign policy chief, Josep Borrell, told reporters': the head of the noun phrase
    between the closing mark and the verb (the parser may hang it on a verb inside the quotation)."""
    gap = verb.doc[close + 1 : verb.i]
    for token in gap:
        if token.pos_ in ("NOUN", "PROPN", "PRON") and not close < token.head.i < verb.i:
            inside = range(token.left_edge.i, token.right_edge.i + 1)
            # the phrase fills the gap: nothing but punctuation around it ("..., the point of ..., as well
            # as ..., underlines X" has more than a subject between the mark and the verb)
            return token if all(t.i in inside or t.is_punct or t.is_space for t in gap) else None
    return None


def _name_span(token: Token):  # noqa: ANN202 - a spaCy Span
    """The whole name a proper-noun token belongs to (its entity, else its compound chain)."""
    if token.ent_type_ == "PERSON":
        for ent in token.doc.ents:
            if ent.start <= token.i < ent.end:
                return ent
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return token.doc[start : token.i + 1]
