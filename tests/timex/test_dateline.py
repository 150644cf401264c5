"""A wire story without a publication date is dated by its dateline ("SAN FRANCISCO, Nov 15 -")."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.timex.dateline import dateline_day

TODAY = dt.date(2024, 12, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chips and trade\n\nSAN FRANCISCO, Nov 15 (Reuters) - The talks went on.", dt.date(2024, 11, 15)),
        ("SAN FRANCISCO, Dec 15 - The talks went on.", dt.date(2023, 12, 15)),  # not after today
        ("Storm\n\nNEW DELHI, Sept. 3 (Meridian News) -- In 2019 it rained.", dt.date(2024, 9, 3)),
        ("LIMA, Feb 29 - A leap day.", dt.date(2024, 2, 29)),
        ("BRUSSELS (Reuters) - No date in this dateline.", None),
        ("A plain story that opens on Nov 15 with no dateline.", None),
    ],
)
def test_dateline_day(text: str, expected: dt.date | None) -> None:
    assert dateline_day(text, today=TODAY) == expected


@pytest.mark.slow
def test_events_of_an_undated_wire_story_take_the_dateline_day() -> None:
    from detente.pipeline import get_coder

    text = (
        "Leaders meet\n\nGENEVA, Mar 4 (Wire) - The French foreign minister met the German foreign "
        "minister in Geneva. The two ministers agreed to meet again."
    )
    coded = get_coder().code_text(text, published=None)
    assert coded.article is not None and coded.article.published is None
    assert coded.events
    year = dateline_day(text).year
    for event in coded.events:
        assert event.date == f"{year}-03-04" and event.date_source == "dateline"
    with_date = get_coder().code_text(text, published=dt.date(2020, 3, 5))
    assert {event.date_source for event in with_date.events} == {"published"}
