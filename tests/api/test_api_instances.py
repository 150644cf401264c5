"""/api/instances, one instance with its reports, the instance of an event, pulse and alerts."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.analysis import link_pending
from detente.api import create_app
from detente.settings import Settings
from detente.store import open_store
from tests.analysis.test_instances import _corpus

from .conftest import assert_error

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def instance_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("api-instances") / "instances.db"
    with open_store(path) as store:
        store.write_batch(_corpus())
        link_pending(store)
    with TestClient(create_app(Settings(db=str(path)))) as client:
        yield client


def test_list_counts_each_instance_once(instance_client: TestClient) -> None:
    body = instance_client.get("/api/instances", params={"dyad": "USA-CHN"}).json()
    assert body["total"] == 4
    meeting = next(item for item in body["items"] if item["id"] == "e1")
    assert (meeting["num_reports"], meeting["num_articles"], meeting["num_sources"]) == (4, 3, 4)
    assert meeting["representative"]["id"] == "e1"


def test_one_instance_has_every_report_with_its_evidence(instance_client: TestClient) -> None:
    body = instance_client.get("/api/instances/e1").json()
    assert [report["id"] for report in body["reports"]] == ["e1", "e2", "e3", "e4"]  # by day, then id
    assert all(report["mention_list"] for report in body["reports"])
    assert {report["article_source"] for report in body["reports"]} == {"Reuters", "Yahoo", "AP", None}
    assert instance_client.get("/api/events/e4/instance").json()["id"] == "e1"
    plan = instance_client.get("/api/instances/e6").json()
    assert plan["related"] == {"planned": [], "occurred": ["e7"]}


def test_unknown_instance_is_a_404(instance_client: TestClient) -> None:
    assert_error(instance_client.get("/api/instances/nope"), 404)
    assert_error(instance_client.get("/api/events/nope/instance"), 404)


def test_series_and_dyads_count_instances_by_default(instance_client: TestClient) -> None:
    instances = instance_client.get("/api/instances/dyads").json()
    reports = instance_client.get("/api/instances/dyads", params={"count": "reports"}).json()
    assert (instances["items"][0]["events"], reports["items"][0]["events"]) == (4, 7)
    series = instance_client.get("/api/instances/series", params={"interval": "year"}).json()
    assert series["count"] == "instances" and series["items"][0]["events"] == 4


def test_pulse_and_alerts(instance_client: TestClient) -> None:
    pulse = instance_client.get("/api/dyads/USA/CHN/pulse", params={"interval": "day"}).json()
    # 05-06 the strike, 05-07 the meeting, empty days, 05-14 the planned visit and the visit
    assert [item["instances"] for item in pulse["items"]] == [1, 1, 0, 0, 0, 0, 0, 0, 2]
    assert pulse["items"][0]["conflict_share"] == 1.0
    alerts = instance_client.get("/api/alerts").json()
    assert alerts["items"] == []  # four instances are no baseline
    assert_error(instance_client.get("/api/alerts", params={"dyad": "USA"}), 422)
