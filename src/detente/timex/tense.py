"""Which way a clause points in time, read from the dependency parse: the governing verb of a temporal
expression and its auxiliaries ("will visit", "is going to visit", "plans to visit": future; "visited",
"had visited", "was postponed": past; "visits": unknown).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import load_timex_lexicon
from .resolve import FUTURE, PAST, UNKNOWN

__all__ = ["clause_direction", "governing_verb", "governing_preposition", "tense_direction"]

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})
_PAST_AUX = frozenset({"did", "was", "were", "had", "has", "have", "'d", "’d"})
_PROGRESSIVE_AUX = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
_MODALS = frozenset({"would", "could", "may", "might", "should", "must", "can"})
_CLAUSE_POS = frozenset({"VERB", "AUX"})
#: a participle in these positions is an adjective ('remain closed', 'the planned visit', 'a rally planned
#: for Saturday'), not a clause
_ADJECTIVAL = frozenset({"acomp", "amod", "oprd", "acl"})
_NOUN_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: heads that put an expression inside a phrase of their own, out of reach of the clause's tense
_PHRASE_HEADS = frozenset({"NOUN", "PROPN", "ADJ"})
#: prepositions after which a time expression bounds a period instead of dating the clause
BOUNDING = frozenset({"since", "until", "till", "til", "through", "before", "after", "from", "between"})
#: the words that open a complement clause: its subordinator, else its subject
_CLAUSE_OPENERS = frozenset({"mark", "nsubj", "nsubjpass", "expl"})
#: subordinators of a clause whose present tense takes its time from the clause it modifies
_TEMPORAL_SUBORDINATORS = frozenset(
    {"before", "after", "when", "until", "till", "once", "if", "unless", "whenever"}
)
#: how a date stands before the noun it modifies ('the April 4 attack')
_PREMODIFIER = frozenset({"compound", "nmod", "npadvmod"})
#: prepositions whose gerund shares the time of the clause they modify
_TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "since", "upon", "while", "following"})
#: the phrases that end in the preposition before a time and bound it as the earliest or latest moment
#: something can happen
_BOUND_PHRASES = frozenset(
    {("as", "soon", "as"), ("as", "early", "as"), ("no", "later", "than"), ("not", "later", "than"),
     ("no", "sooner", "than"), ("no", "earlier", "than"), ("not", "before")}
)  # fmt: skip


def _lemma_in(word_class: str, token: Token) -> bool:
    """Whether ``token``'s lemma is one of a verb class of ``data/words.tsv`` (future_head: 'plan',
    'expect'; deferring: 'adjourn'; not_futurate: 'remain', 'say', 'hurt')."""
    return load_timex_lexicon().value(word_class, token.lemma_) is not None


def governing_verb(token: Token, *, limit: int = 12) -> Token | None:
    """The verb whose clause ``token`` belongs to (``token`` itself when it is one), or None."""
    current = token
    for _ in range(limit):
        if current.pos_ in _CLAUSE_POS and not (current.tag_ == "VBN" and current.dep_ in _ADJECTIVAL):
            return current
        if current.head is current:
            return None
        current = current.head
    return None


def governing_preposition(token: Token, *, limit: int = 12) -> Token | None:
    """The first preposition or subordinator on the way from ``token`` up to its clause's verb."""
    current = token
    for _ in range(limit):
        if current.head is current or current.pos_ in _CLAUSE_POS:
            return None
        if current.dep_ in ("prep", "mark") or current.pos_ in ("ADP", "SCONJ"):
            return current
        current = current.head
    return None


def tense_direction(token: Token) -> int:
    """PAST, FUTURE or UNKNOWN for the clause governing ``token``.

    A bound set by 'until' on a state that lasts up to now ('has kept markets closed until Friday') or on
    an unknown tense lies ahead.
    """
    ahead = _noun_marked(token)
    if ahead is not None:
        return ahead  # 'his next summit on May 25', 'the upcoming election on May 5': the noun's side
    participle = _reduced_relative(token)
    if participle is not None and (not _lemma_in("future_head", participle) or _has_agent(participle)):
        return PAST  # plans announced in January (but a rally planned for May: the clause decides; a plan
        # proposed by the opposition on Wednesday: proposed then)
    verb = governing_verb(token)
    if verb is not None and _before_own_subordinator(token, verb):
        verb = governing_verb(verb.head)  # 'told reporters on Thursday that it would ...': the parser's slip
    if verb is None:
        direction = UNKNOWN
    elif _inside_phrase(token, verb):
        direction = _premodifier_direction(token, verb)
    else:
        direction = clause_direction(verb)
        if direction == UNKNOWN and verb.tag_ == "VBG":
            direction = _gerund_direction(verb)  # 'after taking power April 5': the finite clause's time
    if direction == UNKNOWN and verb is not None and _temporal_clause(verb):
        direction = _marked_direction(verb.head)  # 'will be reviewed before the vote is held in October'
    if direction == UNKNOWN and verb is not None and _scheduled_copula(token, verb):
        return FUTURE  # 'the deadline is Monday', 'the vote is on Sunday'
    preposition = governing_preposition(token)
    if direction == UNKNOWN and preposition is not None and _earliest_bound(preposition):
        return FUTURE  # 'ready to leave as soon as Tuesday', 'no later than Friday': a bound still ahead
    if preposition is not None and _after_since(preposition):
        return PAST  # 'since May', 'since shortly after the Oct. 23 attack': a point already past
    if preposition is not None and preposition.lower_ == "by" and direction == UNKNOWN:
        if verb is not None and clause_direction(verb) == PAST:
            return UNKNOWN  # 'completed the offer by the Tuesday deadline': a deadline already past
        return FUTURE  # a deadline: 'wants to close them by early June'
    if preposition is not None and preposition.lower_ in ("until", "till", "til") and direction != FUTURE:
        if verb is not None and _lemma_in("deferring", verb):
            return FUTURE  # 'adjourned the case until Wednesday': the deferral ends ahead
        perfect = verb is not None and any(c.lower_ in ("has", "have") for c in verb.children)
        if direction == UNKNOWN or perfect or _governed_by_perfect(verb):
            return FUTURE
    return direction


def _before_own_subordinator(token: Token, verb: Token) -> bool:
    """The expression stands between a reporting verb and the opening of the complement clause the parser
    put it in (its 'that', or its subject when 'that' is left out): it belongs to the clause above ('said on
    Thursday that talks would resume', 'told Russia on Monday they could accept')."""
    if verb.dep_ not in ("ccomp", "xcomp") or verb.head is verb or token.i > verb.i or verb.head.i > token.i:
        return False
    openers = [child for child in verb.children if child.dep_ in _CLAUSE_OPENERS]
    return bool(openers) and all(child.i > token.i for child in openers)


def _temporal_clause(verb: Token) -> bool:
    """The verb heads an adverbial clause of time or condition ('before the vote is held', 'once the law
    takes effect'), whose present tense is the tense of the clause it modifies."""
    if verb.dep_ != "advcl" or verb.head is verb or verb.head.pos_ not in _CLAUSE_POS:
        return False
    return any(child.dep_ == "mark" and child.lower_ in _TEMPORAL_SUBORDINATORS for child in verb.children)


def _set_alight(verb: Token) -> bool:
    """A 'set' that schedules nothing: 'have set fire Sunday to two churches', 'the fire, which was set
    Friday night' (scheduling takes 'for': 'has set talks for Monday', 'talks are set for Monday')."""
    if verb.lemma_ != "set":
        return False
    return not any(child.dep_ == "prep" and child.lower_ == "for" for child in verb.children)


def _marked_direction(verb: Token) -> int:
    """The direction of a clause when its verb form says it outright: past tense or a past auxiliary, or
    'will' or a modal; not the weaker readings of a present ('are gathering', 'opens')."""
    direction = clause_direction(verb)
    if direction == FUTURE:
        words = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
        return FUTURE if words & (_FUTURE_AUX | _MODALS) else UNKNOWN
    return direction


def _noun_marked(token: Token) -> int | None:
    """FUTURE or PAST when the expression dates a noun whose modifier says which side of now it lies on
    ('his next summit on May 25', 'the upcoming vote on Sunday'; words.tsv: side_adjective), else None."""
    head = token.head
    if head.pos_ == "ADP" and head.dep_ == "prep":
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN") or head.i == token.i:
        return None
    for child in head.children:
        if child.dep_ in ("amod", "advmod", "compound") and child.i < head.i:
            side = load_timex_lexicon().value("side_adjective", child.lower_)
            if side is not None:
                return FUTURE if side == "1" else PAST
    return None


def _premodifier_direction(token: Token, verb: Token) -> int:
    """A day before the noun it modifies, in a clause told in the past, names a past event ('the town's
    April 4 attack', 'survivors of the April 15 attacks said'), unless the noun is one of a schedule ('a Jan.
    14 deadline', 'the April 14 election'; words.tsv: schedule_noun); otherwise unknown."""
    noun = token.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i < token.i or token.dep_ not in _PREMODIFIER:
        return UNKNOWN
    if not (token.like_num or any(child.like_num for child in token.children)):
        return UNKNOWN  # a day, not a month: 'the first trading day for November transactions' is the nearest
    if _lemma_in("schedule_noun", noun) or clause_direction(verb) != PAST:
        return UNKNOWN
    return PAST


def _gerund_direction(verb: Token) -> int:
    """The time of the clause a gerund after 'after', 'before', 'since', 'upon' or 'while' hangs from ('had a
    busy week after taking power April 5'), when its verb form states one; not the gerund of a consequence
    ('resulting in the closure of plants during the fourth quarter') or of an aspect verb ('will begin
    withdrawing'), which may lie beyond it."""
    preposition = verb.head
    if verb.dep_ != "pcomp" or preposition.lower_ not in _TEMPORAL_PREPOSITIONS:
        return UNKNOWN
    clause = preposition.head
    return _marked_direction(clause) if clause.pos_ in _CLAUSE_POS else UNKNOWN


def _scheduled_copula(token: Token, verb: Token) -> bool:
    """A present 'is'/'are' whose complement is the time itself, or a phrase on it ('is Monday', 'is on
    Sunday'): what the subject names is set for that time."""
    if verb.lemma_ != "be" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if any(child.dep_ in ("aux", "auxpass", "neg") for child in verb.children):
        return False
    head = token.head
    if head.i == verb.i:
        return token.dep_ in ("attr", "npadvmod", "acomp")
    return head.dep_ == "prep" and head.head.i == verb.i and head.lower_ in ("on", "at", "in")


def _earliest_bound(preposition: Token) -> bool:
    """The preposition closes 'as soon as', 'as early as', 'no later than' or 'not before'."""
    doc, i = preposition.doc, preposition.i
    words = tuple(token.lower_ for token in doc[max(0, i - 2) : i + 1])
    return words in _BOUND_PHRASES or words[-2:] in _BOUND_PHRASES


def _after_since(preposition: Token) -> bool:
    """The preposition is 'since', or follows one closely ('since shortly after')."""
    if preposition.lower_ == "since":
        return True
    for word in reversed(preposition.doc[max(0, preposition.i - 3) : preposition.i]):
        if word.lower_ == "since":
            return True
        if word.pos_ != "ADV":
            return False
    return False


def _has_agent(verb: Token) -> bool:
    """The participle names who did it ('proposed by the opposition'): an act, done, not a plan ahead."""
    return any(child.dep_ == "agent" for child in verb.children)


def _reduced_relative(token: Token) -> Token | None:
    """The past participle without auxiliaries that heads a reduced relative clause over ``token``
    ('the plans announced in January', 'the year ended March 31'), or None."""
    current = token.head
    for _ in range(6):
        if current.pos_ in _CLAUSE_POS:
            bare = not any(child.dep_ in ("aux", "auxpass") for child in current.children)
            return current if current.tag_ == "VBN" and current.dep_ == "acl" and bare else None
        if current.head is current:
            return None
        current = current.head
    return None


def _inside_phrase(token: Token, verb: Token) -> bool:
    """The expression modifies a noun or an adjective below the verb ('the Jan. 14 deadline', 'a split
    payable Dec. 7', 'criteria effective Dec. 7'): the clause's tense does not place it."""
    current, through_preposition = token.head, False
    for _ in range(12):
        if current.i == verb.i or current.head.i == current.i:
            return False
        if current.pos_ in _PHRASE_HEADS:
            # a prepositional phrase on a noun ('a record in the first quarter') is often the parser's
            # attachment of a phrase of the clause: the clause's tense still places it
            return current.pos_ == "ADJ" or not through_preposition
        through_preposition = through_preposition or current.pos_ == "ADP"
        current = current.head
    return False


def _governed_by_perfect(verb: Token | None) -> bool:
    """The verb is the complement of a present perfect ('has continued to hold')."""
    for _ in range(3):
        if verb is None or verb.head is verb:
            return False
        verb = verb.head
        if any(child.lower_ in ("has", "have") and child.dep_ == "aux" for child in verb.children):
            return True
    return False


def clause_direction(verb: Token, depth: int = 0) -> int:
    """PAST, FUTURE or UNKNOWN for the clause headed by ``verb``."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUX:
        return FUTURE
    if verb.lemma_ == "go" and verb.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in verb.children):
        return FUTURE  # is going to visit
    if "to" in words and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in words)):
        head = verb.head
        if head is verb or _lemma_in("future_head", head):
            return FUTURE  # headlines ('X to visit Y'), 'plans to visit'
        if depth < 3 and head.pos_ in _CLAUSE_POS:
            return clause_direction(head, depth + 1)
        return UNKNOWN
    if _lemma_in("future_head", verb) and verb.tag_ in ("VBN", "VBZ", "VBP") and not _set_alight(verb):
        return FUTURE  # is expected, has been scheduled, set, due; plans, wants, expects
    if verb.tag_ == "VBD" or words & _PAST_AUX:
        return PAST
    if verb.tag_ == "VBN" and not auxiliaries:
        return PAST  # headlines: 'talks postponed'
    if verb.tag_ == "VBG" and words & _PROGRESSIVE_AUX:
        return FUTURE  # the progressive of plans: 'is meeting them on Friday'
    if words & _MODALS:
        return FUTURE
    if verb.tag_ in ("VBZ", "VBP") and not auxiliaries and not _lemma_in("not_futurate", verb):
        return FUTURE  # the scheduled present: 'the summit opens Monday', 'flies to Beijing on Monday'
    return UNKNOWN
