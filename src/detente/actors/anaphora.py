"""Anaphora: pronouns, "the minister", "the two leaders", "we" in quoted speech.

Mixed into :class:`detente.actors.resolve.ArticleActors`, whose state (the people and things mentioned so far,
the sentence starts, the speakers) these rules read.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from ..records import Actor, ActorMention
from .phrases import country_only, last_distinct, np_tokens
from .tables import TitleEntry

_PERSON_PRONOUNS = {"he", "him", "his", "she", "her", "hers", "himself", "herself"}
_THING_PRONOUNS = {"it", "its", "itself"}
_PLURAL_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
_PAIR_WORDS = {"two", "both"}
_PAIR_NOUNS_PERSON = {"leader", "president", "minister", "man", "side", "official", "diplomat", "counterpart"}
# fmt: off
_PAIR_NOUNS_COUNTRY = {
    "country", "power", "nation", "state", "government", "side", "neighbor", "neighbour", "capital",
}
# fmt: on
FIRST_PERSON = {"we", "us", "our", "i", "me", "my"}

__all__ = ["AnaphoraRules", "FIRST_PERSON"]


class AnaphoraRules:
    """Resolution of phrases that point back (or, for "we" in quotes, forward) to an actor."""

    def _speaker_of(self, token: Token) -> ActorMention | None:
        """ "We demand ...," the minister said: "we" and "I" in quoted speech are its speaker, the subject
        of a speech verb in the same sentence, else in one of the two sentences before it."""
        index = bisect.bisect_right(self.sentence_starts, token.i) - 1
        for back in range(3):
            if index - back < 0:
                break
            start = self.sentence_starts[index - back]
            sent = self.doc[start].sent
            for verb in sent:
                if verb.lemma_.lower() not in self.resolver.speech_verbs or verb.pos_ != "VERB":
                    continue
                for child in verb.children:
                    if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ not in FIRST_PERSON:
                        found = self.mentions.get(child.i)
                        if found:
                            return found[0]
        return None

    def _anaphoric_person(self, title: TitleEntry | None) -> Actor | None:
        if title is None or title.kind != "title":
            return None
        for record in reversed(self.persons):
            if title.phrase in record.titles or (title.role and title.role in record.titles):
                return record.actor
        words = set(title.phrase.split())
        for record in reversed(self.persons):
            if any(words & set(t.split()) for t in record.titles):
                return record.actor
        return None

    # -- pronouns and pairs ----------------------------------------------------------------------------

    def _resolve_pronoun(self, head: Token) -> list[ActorMention]:
        word = head.lower_
        span = self.doc[head.i : head.i + 1]
        if word in _PERSON_PRONOUNS:
            for record in reversed(self.persons):
                if record.mention_start < head.i:
                    return [ActorMention(span.text, span.start_char, span.end_char, record.actor)]
            return []
        if word in _PLURAL_PRONOUNS:
            group = self._coordinated_subject(head)
            if group:
                return [
                    ActorMention(span.text, span.start_char, span.end_char, m.actor, m.country_source)
                    for m in group
                ]
            antecedent = self._plural_antecedent(head)
            if antecedent is not None:
                return [
                    ActorMention(
                        span.text, span.start_char, span.end_char, antecedent.actor, antecedent.country_source
                    )
                ]
            return []
        if word in _THING_PRONOUNS:
            antecedent = self._thing_antecedent(head)
            if antecedent is not None:
                return [
                    ActorMention(
                        span.text, span.start_char, span.end_char, antecedent.actor, antecedent.country_source
                    )
                ]
        return []

    def _thing_antecedent(self, head: Token) -> ActorMention | None:
        """ "it": the nearest earlier singular non-person actor phrase, subjects first, two sentences back."""
        window_start = self._window_start(head, sentences_back=2)
        candidates = [(i, m) for i, m in self.last_thing if window_start <= i < head.i]
        singular = [(i, m) for i, m in candidates if self.doc[i].tag_ not in ("NNS", "NNPS")]
        subjects = [(i, m) for i, m in singular if self.doc[i].dep_ in ("nsubj", "nsubjpass")]
        # a subject "it" continues the topic; a possessive "its" refers to the nearest candidate
        # ("imposed sanctions on Russia over its invasion")
        pool = (
            singular
            if head.dep_ == "poss" and head.sent.start <= (singular or [(-1, None)])[-1][0]
            else (subjects or singular)
        )
        return pool[-1][1] if pool else None

    def _window_start(self, head: Token, *, sentences_back: int) -> int:
        """The first token of the sentence ``sentences_back`` before ``head``'s own."""
        index = bisect.bisect_right(self.sentence_starts, head.i) - 1
        return self.sentence_starts[max(0, index - sentences_back)]

    def _coordinated_subject(self, head: Token) -> list[ActorMention]:
        """ "Obama and Putin said they ...": "they" is the coordinated subject before it in the sentence."""
        for token in reversed(head.sent[: head.i - head.sent.start]):
            if token.dep_ in ("nsubj", "nsubjpass") and token.conjuncts:
                group = list(self.mentions.get(token.i, []))
                for conj in token.conjuncts:
                    group.extend(self.mentions.get(conj.i, []))
                if len(group) > 1:
                    return group
        return []

    def _plural_antecedent(self, head: Token) -> ActorMention | None:
        """ "they": the nearest earlier plural group ("the Fijian rebels"), subjects first."""
        window_start = self._window_start(head, sentences_back=1)
        candidates = [
            (i, m)
            for i, m in self.last_thing
            if window_start <= i < head.i and self.doc[i].tag_ in ("NNS", "NNPS")
        ]
        subjects = [(i, m) for i, m in candidates if self.doc[i].dep_ in ("nsubj", "nsubjpass")]
        pool = subjects or candidates
        return pool[-1][1] if pool else None

    def _resolve_pair(self, head: Token) -> list[ActorMention]:
        if not any(child.lower_ in _PAIR_WORDS for child in head.children):
            return []
        lemma = head.lemma_.lower()
        if lemma in _PAIR_NOUNS_PERSON and lemma not in _PAIR_NOUNS_COUNTRY:
            actors = last_distinct([r.actor for r in reversed(self.persons) if r.mention_start < head.i], 2)
        elif lemma in _PAIR_NOUNS_COUNTRY:
            actors = last_distinct(
                [country_only(m.actor) for i, m in reversed(self.last_thing) if i < head.i]
                + [country_only(r.actor) for r in reversed(self.persons) if r.mention_start < head.i],
                2,
                key=lambda a: a.country,
            )
        else:
            return []
        if len(actors) < 2:
            return []
        full = self._mention_span(head, np_tokens(head))
        return [ActorMention(full.text, full.start_char, full.end_char, actor) for actor in actors]

    # -- spans -----------------------------------------------------------------------------------
