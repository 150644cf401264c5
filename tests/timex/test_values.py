"""TIMEX3 values as calendar ranges (the store counts an event on the first day of its date)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.timex.values import value_precision, value_range

D = dt.date


@pytest.mark.parametrize(
    ("value", "first", "last", "precision"),
    [
        ("2023-06-14", D(2023, 6, 14), D(2023, 6, 14), "day"),
        ("2023-06-14T15:00", D(2023, 6, 14), D(2023, 6, 14), "time"),
        ("2023-06-14TAF", D(2023, 6, 14), D(2023, 6, 14), "day"),
        ("2022-11", D(2022, 11, 1), D(2022, 11, 30), "month"),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), "month"),
        ("2023-W24", D(2023, 6, 12), D(2023, 6, 18), "week"),
        ("2023-W24-WE", D(2023, 6, 17), D(2023, 6, 18), "weekend"),
        ("2020-W53", D(2020, 12, 28), D(2021, 1, 3), "week"),
        ("2023-Q3", D(2023, 7, 1), D(2023, 9, 30), "quarter"),
        ("2023-H2", D(2023, 7, 1), D(2023, 12, 31), "half"),
        ("2023-SU", D(2023, 6, 1), D(2023, 8, 31), "season"),
        ("2023-WI", D(2023, 12, 1), D(2024, 2, 29), "season"),
        ("2018", D(2018, 1, 1), D(2018, 12, 31), "year"),
        ("199", D(1990, 1, 1), D(1999, 12, 31), "decade"),
        ("19", D(1900, 1, 1), D(1999, 12, 31), "century"),
    ],
)
def test_value_ranges(value, first, last, precision):
    assert value_range(value) == (first, last)
    assert value_precision(value) == precision


@pytest.mark.parametrize(
    "value",
    [
        "P3Y",
        "XXXX-WXX-3",
        "PAST_REF",
        "PRESENT_REF",
        "XXXX-06",
        "2023-02-30",
        "2023-W60",
        "2023-H3",
        "",
        None,
        "soon",
    ],
)
def test_values_without_a_fixed_range(value):
    assert value_range(value) is None
    assert value_precision(value) is None


@given(st.text(max_size=30))
def test_never_raises(value):
    found = value_range(value)
    assert found is None or found[0] <= found[1]
