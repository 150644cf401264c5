"""Ranking pairs by instances: the events alone in their instance are summed as reports and only the rest
are grouped by instance; the answers must equal grouping every matching report by instance."""

from __future__ import annotations

import pytest

from detente.store import EventQuery, EventStore, select
from detente.store.summaries import top_dyads

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

FILTERS = (
    {},
    {"date_from": "2024-03-02"},
    {"date_from": "2024-03-01", "date_to": "2024-03-10"},
    {"actor": "USA"},
    {"country": "RUS"},
    {"quad_class": 4},
    {"min_confidence": 0.7},
    {"status": "occurred"},
    {"dyad": "USA-CHN"},
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


@pytest.mark.parametrize("filters", FILTERS, ids=lambda filters: ",".join(filters) or "none")
def test_split_ranking_equals_grouping_every_report(store: EventStore, filters: dict) -> None:
    _fill(store)
    query = EventQuery.build(instances=True, limit=100, **filters)
    statement, params = select.dyad_totals(query, domestic=True)
    half = len(params) // 2
    where = statement[
        statement.index(" FROM events e WHERE") : statement.index(" AND COALESCE(e.instance_id")
    ]
    general = (
        f"SELECT {select._LOW} AS a, {select._HIGH} AS b, e.id AS id, e.day AS day, "
        f"e.quad_class AS quad_class, e.goldstein AS goldstein{select._INSTANCE_COLUMNS}{where}"
    )
    rows = select._per_instance(general, partition=("a", "b"))
    grouped = (
        "SELECT m.a AS a, m.b AS b, COUNT(*) AS events, SUM(m.goldstein) AS goldstein_sum, "
        f"{select._quad_sums('m')} FROM ({rows}) m GROUP BY m.a, m.b"
    )
    expected = top_dyads(store._fetch_all(grouped, params[:half]), limit=None)
    ranked, total = store.dyad_ranking(query, domestic=True)
    assert ranked == expected
    assert total == len(expected)
    assert expected  # every filter keeps some pair
    if not filters:  # the linked multi-report instances count once per pair, by their standing report
        pairs = {(row["a"], row["b"]): row for row in expected}  # e02 stands for e01-e03
        assert pairs["CHN", "USA"]["events"] == 3  # e01-e03, e09, e12-e13
        assert pairs["CHN", "USA"]["quad_counts"] == {"1": 1, "2": 0, "3": 0, "4": 2}


def test_top_dyads_by_instances_counts_each_linked_instance_once(store: EventStore) -> None:
    _fill(store)
    ranked = {(row["a"], row["b"]): row["events"] for row in store.top_dyads(limit=20, instances=True)}
    reports = {(row["a"], row["b"]): row["events"] for row in store.top_dyads(limit=20)}
    assert ranked == {("CHN", "USA"): 3, ("RUS", "USA"): 1, ("RUS", "UKR"): 2, ("DEU", "FRA"): 1}
    assert reports == {("CHN", "USA"): 6, ("RUS", "USA"): 2, ("RUS", "UKR"): 3, ("DEU", "FRA"): 1}
