"""Every aggregate counts event instances by default (``count=instances``) or reports (``count=reports``).

The store: one meeting told by three articles (opposite directions, a day apart, and one dating it only to
the month: one instance) and a strike not linked yet (its own instance). The instance is set on the rows
directly, so that these tests check the counting whatever the linking rule decides.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.api import create_app
from detente.records import CodedArticle
from detente.settings import Settings
from detente.store import open_store
from tests.store.pg_schemas import fresh_schema
from tests.store.store_records import article, event

from .conftest import assert_error

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _build(location: str) -> None:
    meeting = {"cameo": "040", "quad_class": 1}
    items = [
        CodedArticle(
            article=article("a1", published=dt.date(2024, 5, 7)),
            events=(event("e1", "USAGOV", "CHNGOV", date="2024-05-07", goldstein=1.0, **meeting),),
        ),
        CodedArticle(
            article=article("a2", published=dt.date(2024, 5, 8)),
            events=(event("e2", "CHNGOV", "USAGOV", date="2024-05-08", goldstein=3.0, **meeting),),
        ),
        CodedArticle(
            article=article("a4", published=dt.date(2024, 5, 30)),
            events=(
                event(
                    "e4", date="2024-05", date_precision="month", date_source="text", goldstein=2.0, **meeting
                ),
            ),
        ),
        CodedArticle(
            article=article("a3", published=dt.date(2024, 6, 2)),
            events=(
                event(
                    "e3", "USAGOV", "CHNGOV", cameo="190", date="2024-06-02", quad_class=4, goldstein=-10.0
                ),
            ),
        ),
    ]
    with open_store(location) as store:
        summary = store.write_batch(items)
        assert summary.articles_written == 4, summary
        with store.transaction() as cursor:  # e1, e2 and e4 are one instance; e3 is not linked yet
            linked = store.dialect.sql("UPDATE events SET instance_id = ? WHERE id IN (?, ?, ?)")
            cursor.execute(linked, ("e1", "e1", "e2", "e4"))


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def counted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    if request.param == "sqlite":
        path: Path = tmp_path_factory.mktemp("api-count") / "count.db"
        _build(str(path))
        with TestClient(create_app(Settings(db=str(path)))) as client:
            yield client
        return
    with fresh_schema() as url:
        _build(url)
        with TestClient(create_app(Settings(db=url))) as client:
            yield client


def _get(client: TestClient, path: str, **params: object) -> dict:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def _counts(items: list[dict]) -> dict[str, int]:
    return {item["period"]: item["events"] for item in items}


def test_series_counts_instances_by_default_and_reports_on_request(counted: TestClient) -> None:
    instances = _get(counted, "/api/series", interval="month")
    reports = _get(counted, "/api/series", interval="month", count="reports")
    assert (instances["count"], reports["count"]) == ("instances", "reports")
    assert _counts(instances["items"]) == {"2024-05": 1, "2024-06": 1}
    assert _counts(reports["items"]) == {"2024-05": 3, "2024-06": 1}
    # the instance's Goldstein value is the mean of its reports': (1 + 3 + 2) / 3, one instance
    assert instances["items"][0]["goldstein_mean"] == 2.0
    assert instances["items"][0]["quad_counts"] == {"1": 1, "2": 0, "3": 0, "4": 0}
    assert reports["items"][0]["quad_counts"]["1"] == 3
    assert reports["items"][0]["goldstein_mean"] == 2.0  # (1 + 3 + 2) / 3 reports


def test_an_instance_counts_once_on_its_earliest_matching_report(counted: TestClient) -> None:
    days = _get(counted, "/api/series", interval="day", date_from="2024-05-01", date_to="2024-05-08")
    assert {day: n for day, n in _counts(days["items"]).items() if n} == {"2024-05-07": 1}
    # a report dated only to the month does not take the instance to the month's band: a report dated to
    # the day places it; counting reports, that report is in the band
    assert days["spans"] == []
    reports = _get(counted, "/api/series", interval="day", date_from="2024-05-01", count="reports")
    assert [(span["period"], span["events"]) for span in reports["spans"]] == [("2024-05", 1)]
    # the filters apply to the reports first: with only the month's report left, it places the instance
    month = _get(counted, "/api/series", interval="day", date_from="2024-05-01", date_to="2024-05-05")
    assert [(span["period"], span["events"]) for span in month["spans"]] == [("2024-05", 1)]
    assert sum(_counts(month["items"]).values()) == 0
    # the filters apply to the reports first: without the first report, the second one places it
    later = _get(counted, "/api/series", interval="day", date_from="2024-05-08", date_to="2024-05-08")
    assert _counts(later["items"]) == {"2024-05-08": 1}
    assert later["items"][0]["goldstein_mean"] == 3.0
    published = _get(counted, "/api/series", interval="month", basis="published")
    assert _counts(published["items"]) == {"2024-05": 1, "2024-06": 1}


def test_pair_series_and_ranking_count_an_instance_once_for_the_pair(counted: TestClient) -> None:
    series = _get(counted, "/api/dyads/USA/CHN/series", interval="year")
    assert (series["count"], series["items"][0]["events"]) == ("instances", 2)
    assert (
        _get(counted, "/api/dyads/CHN/USA/series", interval="year", count="reports")["items"][0]["events"]
        == 4
    )
    ranking = _get(counted, "/api/dyads")
    assert ranking["count"] == "instances"
    assert [(row["a"], row["b"], row["events"]) for row in ranking["items"]] == [("CHN", "USA", 2)]
    assert ranking["items"][0]["goldstein_mean"] == -4.0  # (2 - 10) / 2 instances
    reports = _get(counted, "/api/dyads", count="reports")
    assert (reports["count"], reports["items"][0]["events"], reports["items"][0]["goldstein_mean"]) == (
        "reports",
        4,
        -1.0,
    )
    country = _get(counted, "/api/dyads", country="USA", quad_class=1)
    assert country["items"][0]["events"] == 1
    old = _get(counted, "/api/instances/dyads")
    assert old["items"][0]["events"] == 2


def test_places_and_actors_count_instances(counted: TestClient) -> None:
    places = _get(counted, "/api/places")
    assert (places["count"], places["total"], places["events"]) == ("instances", 2, 4)
    assert [(place["name"], place["events"]) for place in places["items"]] == [("Geneva", 2)]
    assert places["items"][0]["quad_counts"] == {"1": 1, "2": 0, "3": 0, "4": 1}
    assert places["items"][0]["goldstein_mean"] == -4.0
    reports = _get(counted, "/api/places", count="reports")
    assert (reports["count"], reports["total"], reports["items"][0]["events"]) == ("reports", 4, 4)
    actors = {row["code"]: row["events"] for row in _get(counted, "/api/actors")["items"]}
    assert actors["USAGOV"] == 2 and actors["CHNGOV"] == 2
    actors = {row["code"]: row["events"] for row in _get(counted, "/api/actors", count="reports")["items"]}
    assert actors["USAGOV"] == 4


def test_health_counts_both(counted: TestClient) -> None:
    health = _get(counted, "/api/health")
    assert (health["events"], health["instances"]) == (4, 2)


@pytest.mark.parametrize(
    "path", ["/api/series", "/api/dyads", "/api/dyads/USA/CHN/series", "/api/places", "/api/actors"]
)
def test_a_bad_count_is_refused_with_its_name(counted: TestClient, path: str) -> None:
    error = assert_error(counted.get(path, params={"count": "articles"}), 422)
    assert any(item["field"] == "count" for item in error["detail"]), error
