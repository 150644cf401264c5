"""The status rules on hand-built parses (no model): how cues found on the way up combine."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from detente.events.lexicon import load_lexicon
from detente.events.status import event_status


@pytest.fixture(scope="module")
def cue():
    lexicon = load_lexicon()
    table = {(c.lemma, c.scope): c.status for cues in lexicon.status_cues.values() for c in cues}
    return lambda lemma, scope: table.get((lemma, scope))


def _doc(rows: list[tuple[str, str, int, str, str]]) -> Doc:
    """rows: (word, lemma, head index, dep, pos)."""
    words, lemmas, heads, deps, pos = (list(col) for col in zip(*rows, strict=True))
    return Doc(Vocab(), words=words, lemmas=lemmas, heads=heads, deps=deps, pos=pos)


def _status(cue, doc: Doc, i: int) -> str:
    return event_status(doc[i], cue, lemma_of=lambda t: t.lemma_.lower())[0]


# "The council pressed the company to cease dumping waste." (one verb asks another to stop a third)
ASKED_TO_STOP = [
    ("The", "the", 1, "det", "DET"),
    ("council", "council", 2, "nsubj", "NOUN"),
    ("pressed", "press", 2, "ROOT", "VERB"),
    ("the", "the", 4, "det", "DET"),
    ("company", "company", 2, "dobj", "NOUN"),
    ("to", "to", 6, "aux", "PART"),
    ("cease", "cease", 2, "xcomp", "VERB"),
    ("dumping", "dump", 6, "xcomp", "VERB"),
    ("waste", "waste", 7, "dobj", "NOUN"),
    (".", ".", 2, "punct", "PUNCT"),
]

# "The company ceased dumping waste." (the same stop, reported as a fact)
STOPPED = [
    ("The", "the", 1, "det", "DET"),
    ("company", "company", 2, "nsubj", "NOUN"),
    ("ceased", "cease", 2, "ROOT", "VERB"),
    ("dumping", "dump", 2, "xcomp", "VERB"),
    ("waste", "waste", 3, "dobj", "NOUN"),
    (".", ".", 2, "punct", "PUNCT"),
]

# "The mayor asked the guards not to fire." (a negation inside what is asked)
ASKED_NOT_TO = [
    ("The", "the", 1, "det", "DET"),
    ("mayor", "mayor", 2, "nsubj", "NOUN"),
    ("asked", "ask", 2, "ROOT", "VERB"),
    ("the", "the", 4, "det", "DET"),
    ("guards", "guard", 2, "dobj", "NOUN"),
    ("not", "not", 7, "neg", "PART"),
    ("to", "to", 7, "aux", "PART"),
    ("fire", "fire", 2, "xcomp", "VERB"),
    (".", ".", 2, "punct", "PUNCT"),
]


def test_a_stop_inside_an_appeal_is_asked_for_not_a_negated_fact(cue):
    assert _status(cue, _doc(ASKED_TO_STOP), 7) == "hypothetical"


def test_a_reported_stop_still_negates(cue):
    assert _status(cue, _doc(STOPPED), 3) == "negated"


def test_a_negation_inside_an_appeal_is_part_of_what_is_asked(cue):
    assert _status(cue, _doc(ASKED_NOT_TO), 7) == "hypothetical"


def test_the_appeal_itself_occurred(cue):
    assert _status(cue, _doc(ASKED_TO_STOP), 2) == "occurred"
