"""Event dates: each phenomenon with its own sentences, published on Wednesday 2023-06-14.

An event takes the date of the expression governing its clause ("text"), else its sentence's or the story's
reference time ("reference"), else the publication date ("published").
"""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow

WEDNESDAY = dt.date(2023, 6, 14)


@pytest.fixture(scope="module")
def code():
    from detente.pipeline import get_coder

    coder = get_coder()

    def run(text: str, published: dt.date | None = WEDNESDAY):
        return coder.code_text(text, published=published).events

    return run


def _dating(event):
    return event.date, event.date_text, event.date_precision, event.date_source


def _event(events, cameo_root: str, source: str):
    found = [
        e for e in events if e.cameo.startswith(cameo_root) and e.source and e.source.actor.country == source
    ]
    assert found, [(e.cameo, e.source and e.source.actor.code) for e in events]
    return found[0]


def test_expression_of_the_clause_dates_the_event(code):
    event = _event(code("Russia attacked Ukraine on Monday."), "19", "RUS")
    assert _dating(event) == ("2023-06-12", "Monday", "day", "text")


def test_planned_event_takes_its_future_date(code):
    event = _event(code("The Turkish foreign minister will visit Greece next month."), "04", "TUR")
    assert event.status == "planned"
    assert _dating(event) == ("2023-07", "next month", "month", "text")


def test_without_any_expression_the_publication_date(code):
    event = _event(code("Russia attacked Ukraine."), "19", "RUS")
    assert _dating(event) == ("2023-06-14", None, "day", "published")


def test_without_a_publication_date_no_date(code):
    event = _event(code("Russia attacked Ukraine.", published=None), "19", "RUS")
    assert _dating(event) == (None, None, None, None)


def test_since_does_not_date_the_event(code):
    event = _event(code("Iran has accused Israel of sabotage since 2018."), "11", "IRN")
    assert _dating(event) == ("2023-06-14", None, "day", "published")
    event = _event(
        code("Russia attacked Ukraine for the first time since the war began in 2014."), "19", "RUS"
    )
    assert event.date == "2023-06-14"


def test_durations_do_not_date_the_event(code):
    event = _event(code("Russia has attacked Ukraine for three years."), "19", "RUS")
    assert event.date_source == "published"


def test_reported_event_takes_the_date_of_the_report(code):
    event = _event(
        code("The Foreign Ministry said on Tuesday that Russia had attacked Ukraine."), "19", "RUS"
    )
    assert _dating(event) == ("2023-06-13", "Tuesday", "day", "text")


def test_planned_event_does_not_take_the_date_of_its_announcement(code):
    event = _event(
        code("Officials said on Tuesday that the Turkish foreign minister will visit Greece."), "04", "TUR"
    )
    assert event.date_source != "text"


def test_past_perfect_carries_the_story_time_into_the_next_paragraph(code):
    text = (
        "In March, Kenya and Ethiopia signed an agreement to boost trade.\n\nKenya had then accused Somalia."
    )
    event = _event(code(text), "11", "KEN")
    assert _dating(event) == ("2023-03", "March", "month", "reference")


def test_present_tense_brings_the_story_back_to_the_publication_date(code):
    text = "In March, Kenya and Ethiopia signed an agreement to boost trade. Kenya accuses Somalia of theft."
    event = _event(code(text), "11", "KEN")
    assert event.date_source == "published"


def test_a_new_paragraph_in_the_simple_past_starts_afresh(code):
    text = (
        "In March, Kenya and Ethiopia signed an agreement to boost trade.\n\nKenya accused Somalia of theft."
    )
    assert _event(code(text), "11", "KEN").date_source == "published"


def test_same_sentence_reference_time(code):
    events = code("Russia attacked Ukraine on Monday. Ukraine condemned the attack.")
    assert _dating(_event(events, "11", "UKR")) == ("2023-06-12", "Monday", "day", "reference")


def test_merged_event_takes_its_best_dated_mention(code):
    events = code("Russia attacked Ukraine. Russia attacked Ukraine on Monday, officials said.")
    event = _event(events, "19", "RUS")
    assert len(event.mentions) == 2
    assert _dating(event) == ("2023-06-12", "Monday", "day", "text")


def test_a_future_time_is_not_carried_into_the_past(code):
    text = (
        "Pakistan's foreign minister will visit India next week, the ministry said. China condemned Pakistan."
    )
    event = _event(code(text), "11", "CHN")
    assert event.date_source == "published"
