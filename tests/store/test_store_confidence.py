"""Event confidence (migration 0006): stored, returned, and filtered on in the store, the CLI and the API."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import ConfigError
from detente.store import EventStore, open_store
from detente.store.query import EventQuery

from .store_records import coded, event

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _fill(store: EventStore) -> None:
    store.write_batch(
        [
            coded(
                "conf",
                event("low", "USAGOV", "CHNGOV", confidence=0.2),
                event("high", "RUSGOV", "UKRGOV", confidence=0.8),
                event("edge", "FRAGOV", "DEUGOV", confidence=0.5),
                event("none", "ITAGOV", "ESPGOV"),
            )
        ]
    )


def _ids(rows: list[dict]) -> set[str]:
    return {row["id"] for row in rows}


def test_confidence_is_stored_and_filtered(store: EventStore) -> None:
    _fill(store)
    rows = {row["id"]: row for row in store.query_events(EventQuery.build())}
    assert rows["low"]["confidence"] == pytest.approx(0.2) and rows["none"]["confidence"] is None
    query = EventQuery.build(min_confidence=0.5)
    assert _ids(store.query_events(query)) == {"high", "edge"}
    assert store.count_events(query) == 2
    assert _ids(store.query_events(EventQuery.build(min_confidence=0.0))) == {"low", "high", "edge"}
    both = EventQuery.build(min_confidence="0.5", country="RUS")
    assert _ids(store.query_events(both)) == {"high"}


@pytest.mark.parametrize("value", [-0.1, 1.5, "high", float("nan"), True])
def test_a_confidence_outside_0_1_is_refused(value: object) -> None:
    with pytest.raises(ConfigError, match="min_confidence"):
        EventQuery.build(min_confidence=value)  # type: ignore[arg-type]


@pytest.fixture
def sqlite_store(tmp_path: Path) -> str:
    path = tmp_path / "conf.db"
    with open_store(str(path)) as store:
        _fill(store)
    return str(path)


def test_cli_events_min_confidence(sqlite_store: str) -> None:
    runner = CliRunner()
    args = ["events", "--db", sqlite_store, "--min-confidence", "0.5", "--format", "json"]
    result = runner.invoke(main, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines() if line.startswith("{")]
    assert {row["id"] for row in rows} == {"high", "edge"}
    bad = runner.invoke(main, ["events", "--db", sqlite_store, "--min-confidence", "2"])
    assert bad.exit_code == 2


def test_api_events_min_confidence(sqlite_store: str) -> None:
    from detente.api import create_app
    from detente.settings import Settings

    with TestClient(create_app(Settings(db=sqlite_store))) as client:
        body = client.get("/api/events", params={"min_confidence": 0.5}).json()
        assert {item["id"] for item in body["items"]} == {"high", "edge"}
        assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422
