"""Properties of coding arbitrary text: it never raises, and every offset slices back to its text.

Texts are English news sentences (so that events are coded) mixed with arbitrary Unicode: control
characters, emoji, right-to-left scripts, combining marks, very long tokens. ``make_article`` may reject a
text (an :class:`InputError`); a text it accepts must code without an exception.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.errors import InputError
from detente.ingest import make_article
from detente.records import STATUSES, CodedArticle, Evidence

pytestmark = pytest.mark.slow

SENTENCES = [
    "Russia accused Ukraine on Monday of shelling the Zaporizhzhia nuclear plant.",
    "US Secretary of State Antony Blinken will visit China next week, the State Department said.",
    "The leaders of Japan and South Korea met in Seoul and agreed to resume defence talks.",
    "Iran rejected the European Union's demand to stop supplying drones to Russia.",
    "Turkish President Recep Tayyip Erdoğan told reporters in Ankara that Turkey condemned the attack.",
    "Guyana's president said Venezuela had massed troops near the border, a claim Caracas denied.",
    "NATO allies condemned the missile strike on Kyiv.",
    "Kenya and Ethiopia signed an agreement to boost trade.",
]
QUOTE = '"We will not accept this," the minister told reporters in Ankara.'
ODD = [
    "\u202eرئيس الوزراء\u202c",  # RTL override around Arabic
    "שלום עולם",  # Hebrew
    "👩🏽‍⚕️🇺🇦🇷🇺✊",  # emoji with modifiers, ZWJ and flags
    "e\u0301\u0301\u0301",  # stacked combining marks
    "\u200b\u200d\ufeff",  # zero-width characters and a stray BOM
    "\t\x0b\x0c\r",  # control whitespace
    "\x07\x1b[31m\x7f",  # bell, an escape sequence, DEL
    "\u2028\u2029\x85",  # line and paragraph separators, NEL
    "Ｕｎｉｔｅｄ　Ｎａｔｉｏｎｓ",  # full-width letters and space
    "𝐑𝐮𝐬𝐬𝐢𝐚",  # mathematical bold (astral plane)
]

random_text = st.text(st.characters(codec="utf-8"), max_size=60)  # no surrogates
long_token = st.builds(lambda char, n: char * n, st.characters(codec="utf-8"), st.integers(200, 3000))
pieces = st.one_of(
    st.sampled_from([*SENTENCES, QUOTE]),
    st.sampled_from([*ODD, "\x00"]),  # a NUL makes the text binary: rejected
    random_text,
    long_token,
    st.builds("".join, st.lists(st.sampled_from(ODD + SENTENCES[:2]), max_size=3)),
)
separators = st.sampled_from([" ", "\n", "\n\n", "", "\r\n", "\t", " \u00a0 "])
texts = st.builds(
    lambda parts, seps: "".join(part + seps[i % len(seps)] for i, part in enumerate(parts)),
    st.lists(pieces, min_size=1, max_size=8),
    st.lists(separators, min_size=1, max_size=4),
)


def _code(text: str) -> CodedArticle | None:
    from detente.pipeline import get_coder

    try:
        article = make_article(text, origin="<hypothesis>")
    except InputError:
        return None
    (coded,) = list(get_coder().code([article]))
    return coded


def _check_evidence(text: str, evidence: Evidence) -> None:
    assert 0 <= evidence.start <= evidence.end <= len(text)
    assert text[evidence.start : evidence.end].strip() == evidence.sentence.strip()
    assert evidence.start <= evidence.trigger_start < evidence.trigger_end <= evidence.end
    assert text[evidence.trigger_start : evidence.trigger_end] == evidence.trigger
    assert evidence.rule


def _check(coded: CodedArticle) -> None:
    assert coded.error is None and coded.article is not None
    text = coded.article.text
    for event in coded.events:
        assert event.status in STATUSES
        for evidence in (event.evidence, *event.mentions):
            _check_evidence(text, evidence)
        for side in (event.source, event.target):
            if side is not None:
                assert 0 <= side.start < side.end <= len(text)
                assert text[side.start : side.end] == side.text
    for span in (*coded.article.paragraphs, *coded.article.headings):
        assert 0 <= span.start <= span.end <= len(text)
    ids = [event.id for event in coded.events]
    assert len(ids) == len(set(ids))  # the store keys events on their ids
    coded.to_dict()  # serialisable shape, no exception


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_arbitrary_text_codes_without_exceptions_and_offsets_slice_back(text):
    coded = _code(text)
    if coded is not None:
        _check(coded)


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6), st.lists(st.sampled_from(ODD), max_size=4)
)
def test_english_with_odd_characters_is_coded_with_events(sentences, odd):
    text = " ".join(sentences) + "\n\n" + " ".join(odd) + "\n\n" + sentences[0]
    coded = _code(text)
    assert coded is not None, "English news text with some odd characters is not rejected"
    _check(coded)
    assert coded.events, "the news sentences yield events: the offset checks above were not vacuous"


def test_the_odd_strings_alone_never_raise():
    for odd in ODD:
        coded = _code(odd)
        if coded is not None:
            _check(coded)


def test_a_long_run_of_emoji_codes():
    # found by the property test above: noun phrases were collected recursively, one frame per modifier
    coded = _code("Russia accused Ukraine of " + "😀" * 1500 + " on Monday.")
    assert coded is not None
    _check(coded)
