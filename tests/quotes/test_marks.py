"""Quotation marks from the characters alone: pairs, apostrophes, paragraphs (no spaCy model needed)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from detente.quotes.marks import find_inner, find_quoted, split_paragraphs


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text, split_paragraphs(text))]


def test_curly_and_straight_marks():
    assert _texts("“We will win,” he said.") == ["We will win"]
    assert _texts('"We will win," he said.') == ["We will win"]
    assert _texts("He said: «Nous gagnerons.»") == ["Nous gagnerons."]


def test_a_closing_comma_is_not_part_of_the_quote_but_a_full_stop_is():
    assert _texts('"Yes," she said. She added: "No."') == ["Yes", "No."]


def test_apostrophes_open_nothing():
    text = "China’s minister said the countries’ leaders had met in the '90s and that it's over."
    assert _texts(text) == []


def test_single_marks_pair_within_a_paragraph():
    assert _texts("'We will not give up,' the minister told parliament.") == ["We will not give up"]
    assert _texts("He said ‘never again’ twice.") == ["never again"]


def test_single_marks_inside_double_marks_belong_to_the_outer_quotation():
    assert _texts("\"They called it 'a disgrace' yesterday,\" he said.") == [
        "They called it 'a disgrace' yesterday"
    ]


def test_a_quotation_over_paragraphs_reopens_each_paragraph_and_shares_a_group():
    text = "“First part of the statement.\n\n“Second part,” the minister said.\n\nNext story."
    quoted = find_quoted(text, split_paragraphs(text))
    assert [text[q.start : q.end] for q in quoted] == ["First part of the statement.", "Second part"]
    assert quoted[0].close_at == -1 and quoted[0].group == quoted[1].group


def test_separate_quotations_in_separate_paragraphs_have_their_own_groups():
    text = "“One,” he said.\n\n“Two,” she said."
    quoted = find_quoted(text, split_paragraphs(text))
    assert quoted[0].group != quoted[1].group


def test_an_unclosed_quotation_runs_to_the_end_of_its_paragraph_only():
    text = "He said “we will see\n\nThe talks resumed."
    assert _texts(text) == ["we will see"]


def test_a_stray_closing_mark_and_inch_marks_are_ignored():
    assert _texts('The 12" gun fired.') == []
    assert _texts("Nothing” here.") == []


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(st.sampled_from(list("ab \n'\"“”‘’«»,.")) | st.characters(codec="utf-8"), max_size=80))
def test_offsets_always_slice_inside_the_text(text):
    for quoted in find_quoted(text, split_paragraphs(text)):
        assert 0 <= quoted.open_at < quoted.start < quoted.end <= len(text)
        assert quoted.close_at == -1 or quoted.end <= quoted.close_at
        assert text[quoted.start : quoted.end].strip() == text[quoted.start : quoted.end]


def _inner(text: str) -> list[str]:
    found = []
    for outer in find_quoted(text, split_paragraphs(text)):
        found.extend(text[q.start : q.end] for q in find_inner(text, outer))
    return found


def test_single_marks_inside_double_marks_are_inner_stretches():
    text = "\"She told me, 'We will win,' and left,\" he said."
    assert _texts(text) == ["She told me, 'We will win,' and left"]
    assert _inner(text) == ["We will win"]
    assert _inner("“My aunt said, ‘Never sell the farm.’” he recalled.") == ["Never sell the farm."]


def test_an_inner_stretch_may_open_the_outer_quotation():
    text = "\"'Go home,' the guard told us, so we did,\" she said."
    assert _texts(text) == ["'Go home,' the guard told us, so we did"]
    assert _inner(text) == ["Go home"]


def test_double_marks_inside_single_marks_are_inner_stretches():
    text = "'The clerk said, \"Come back tomorrow,\"' the tenant told the council."
    assert _texts(text) == ['The clerk said, "Come back tomorrow,"']
    assert _inner(text) == ["Come back tomorrow"]


def test_apostrophes_inside_a_quotation_open_no_inner_stretch():
    assert _inner("\"We don't know what the Joneses' plans are, and it's late,\" she said.") == []
    assert _inner("\"It was the '80s, and we didn't care,\" he said.") == []


def test_an_inner_stretch_must_close_inside_its_outer_quotation():
    assert _inner("\"He said 'wait for me and then left,\" she recalled. 'Later,' he wrote.") == []


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(st.sampled_from(list("ab \n'\"“”‘’«»,.")), max_size=80))
def test_inner_stretches_lie_inside_their_outer_quotation(text):
    for outer in find_quoted(text, split_paragraphs(text)):
        for inner in find_inner(text, outer):
            assert outer.start <= inner.open_at < inner.start < inner.end <= inner.close_at < outer.end + 1
            assert text[inner.start : inner.end].strip() == text[inner.start : inner.end]
