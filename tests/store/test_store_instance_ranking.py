"""Ranking pairs by instances on a store with linked multi-report instances: each instance counts once per
pair, placed by its standing report among those the filters keep."""

from __future__ import annotations

import pytest

from detente.store import EventQuery, EventStore

from .store_records import coded, event

#: (event id, source, target, day, cameo, goldstein, quad class, status, confidence, instance id or None)
EVENTS = (
    ("e01", "USAGOV", "CHNGOV", "2024-03-01", "051", 3.4, 1, "occurred", 0.9, "e01"),
    ("e02", "CHNGOV", "USAGOV", "2024-02-28", "190", -10.0, 4, "occurred", 0.4, "e01"),
    ("e03", "USAGOV", "CHNGOV", "2024-03-05", "051", 3.4, 1, "planned", 0.8, "e01"),
    ("e04", "USAGOV", "RUSGOV", "2024-03-02", "112", -2.0, 3, "occurred", 0.7, "e04"),
    ("e05", "USAGOV", "RUSGOV", "2024-03-02", "036", 4.0, 1, "occurred", 0.9, "e04"),
    ("e06", "RUSGOV", "UKRMIL", "2024-03-03", "190", -10.0, 4, "occurred", 0.9, "e06"),
    ("e07", "RUSGOV", "UKRMIL", "2024-03-10", "190", -10.0, 4, "occurred", 0.6, None),
    ("e08", "UKRMIL", "RUSGOV", "2024-03-10", "112", -2.0, 3, "occurred", 0.9, "e07"),
    ("e09", "USAGOV", "CHNGOV", "2024-03-20", "042", 1.9, 1, "occurred", 0.9, None),
    ("e10", "FRAGOV", "DEUGOV", "2024-03-21", "042", 1.9, 1, "occurred", 0.9, "e10"),
    ("e11", "FRAGOV", "FRAGOV", "2024-03-21", "042", 1.9, 1, "occurred", 0.9, "e11"),
    ("e12", "USAGOV", "CHNGOV", "2024-03-22", "173", -5.0, 4, "occurred", 0.5, "e99"),
    ("e13", "CHNGOV", "USAGOV", None, "173", -5.0, 4, "occurred", 0.9, "e99"),
)


def _fill(store: EventStore) -> None:
    for event_id, source, target, day, cameo, goldstein, quad, status, confidence, _ in EVENTS:
        record = event(
            event_id,
            source,
            target,
            cameo=cameo,
            date=day,
            status=status,
            goldstein=goldstein,
            quad_class=quad,
            confidence=confidence,
        )
        store.write_batch([coded(f"a-{event_id}", record)])
    with store.transaction() as cursor:
        for event_id, *_, instance in EVENTS:
            statement = store._dialect.sql("UPDATE events SET instance_id = ? WHERE id = ?")
            cursor.execute(statement, (instance, event_id))


def test_dyad_ranking_counts_each_linked_instance_once_by_its_standing_report(store: EventStore) -> None:
    _fill(store)
    ranked, total = store.dyad_ranking(EventQuery.build(instances=True, limit=100), domestic=True)
    pairs = {(row["a"], row["b"]): row for row in ranked}
    assert total == 5
    assert pairs["CHN", "USA"]["events"] == 3  # e01-e03, e09, e12-e13
    assert pairs["CHN", "USA"]["quad_counts"] == {"1": 1, "2": 0, "3": 0, "4": 2}  # e02 stands for e01-e03
    assert pairs["RUS", "UKR"]["events"] == 2  # e06; e07 unlinked but named by e08
    assert pairs["RUS", "UKR"]["goldstein_sum"] == pytest.approx(-16.0)  # -10 + mean(-10, -2)
    assert pairs["FRA", "FRA"]["events"] == 1
    dated, _ = store.dyad_ranking(EventQuery.build(instances=True, limit=100, date_from="2024-03-01"))
    quads = {(row["a"], row["b"]): row["quad_counts"] for row in dated}
    assert quads["CHN", "USA"] == {"1": 2, "2": 0, "3": 0, "4": 1}  # e02 filtered out: e01 stands


def test_top_dyads_by_instances_counts_each_linked_instance_once(store: EventStore) -> None:
    _fill(store)
    ranked = {(row["a"], row["b"]): row["events"] for row in store.top_dyads(limit=20, instances=True)}
    reports = {(row["a"], row["b"]): row["events"] for row in store.top_dyads(limit=20)}
    assert ranked == {("CHN", "USA"): 3, ("RUS", "USA"): 1, ("RUS", "UKR"): 2, ("DEU", "FRA"): 1}
    assert reports == {("CHN", "USA"): 6, ("RUS", "USA"): 2, ("RUS", "UKR"): 3, ("DEU", "FRA"): 1}
