"""GET /api/events.csv|.jsonl|.parquet: the filters of /api/events, streamed, no page cap."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.api import create_app
from detente.export import FLAT_COLUMNS
from detente.settings import Settings
from detente.store import open_store

from ..store.store_records import coded, event
from .conftest import assert_error

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

#: More events than one store page (1000) and than the API's largest page (500).
COUNT = 1234


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path: Path = tmp_path_factory.mktemp("exports") / "events.db"
    first = dt.date(2024, 1, 1)
    with open_store(path) as store:
        batch = []
        for number in range(COUNT):
            day = (first + dt.timedelta(days=number % 300)).isoformat()
            status = "planned" if number % 10 == 0 else "occurred"
            batch.append(coded(f"a{number}", event(f"e{number:05d}", date=day, status=status)))
        store.write_batch(batch)
    with TestClient(create_app(Settings(db=str(path)))) as test_client:
        yield test_client


def test_csv_streams_every_event_past_the_page_cap(client: TestClient) -> None:
    response = client.get("/api/events.csv")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="events.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == FLAT_COLUMNS
    assert len(rows) == COUNT == len({row["id"] for row in rows})
    days = [row["day"] for row in rows]
    assert days == sorted(days, reverse=True)  # newest first by default


def test_jsonl_takes_the_filters_and_order(client: TestClient) -> None:
    response = client.get("/api/events.jsonl", params={"status": "planned", "order": "asc"})
    records = [json.loads(line) for line in response.text.splitlines()]
    assert len(records) == COUNT // 10 + 1
    assert {record["status"] for record in records} == {"planned"}
    assert [record["day"] for record in records] == sorted(record["day"] for record in records)


def test_parquet_reads_back(client: TestClient) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    response = client.get("/api/events.parquet", params={"date_from": "2024-02-01", "date_to": "2024-02-29"})
    assert response.status_code == 200
    table = pq.read_table(io.BytesIO(response.content))
    assert tuple(table.column_names) == FLAT_COLUMNS
    assert table.num_rows == sum(1 for number in range(COUNT) if 31 <= number % 300 < 60)


def test_a_bad_filter_is_an_error_before_streaming(client: TestClient) -> None:
    assert_error(client.get("/api/events.csv", params={"date_from": "soon"}), 422)
