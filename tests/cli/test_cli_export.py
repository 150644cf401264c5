"""``detente export`` and ``detente events --format csv|jsonl --offset`` over a store built by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.export import FLAT_COLUMNS
from detente.store import open_store

from ..store.store_records import coded, event


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("export") / "events.db"
    with open_store(path) as store:
        store.write_batch(
            [
                coded("old", event("e1", date="2024-01-05"), event("e2", "RUS", "UKR", date="2024-02-01")),
                coded("new", event("e3", "FRA", "DEU", status="planned"), published=dt.date(2024, 5, 1)),
            ]
        )
    return str(path)


def _run(*args: str) -> object:
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "gdelt", "icews", "plover"])
def test_export_to_a_file_and_to_stdout_agree(db: str, tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    written = _run("export", "--db", db, "--format", fmt, "-o", str(target))
    assert written.exit_code == 0, written.output
    assert "3 event(s) written" in written.stderr
    printed = _run("export", "--db", db, "--format", fmt)
    assert printed.exit_code == 0, (printed.output, repr(printed.exception))
    assert printed.stdout_bytes == target.read_bytes()


def test_export_takes_the_event_filters(db: str) -> None:
    result = _run("export", "--db", db, "--format", "jsonl", "--status", "planned")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["e3"]
    result = _run("export", "--db", db, "--format", "csv", "--dyad", "USA-CHN", "--order", "oldest")
    assert [row["id"] for row in csv.DictReader(io.StringIO(result.stdout))] == ["e1"]


def test_export_parquet(db: str, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "events.parquet"
    assert _run("export", "--db", db, "--format", "parquet", "-o", str(target)).exit_code == 0
    assert pq.read_table(target).column("id").to_pylist() == ["e3", "e2", "e1"]  # newest first


def test_events_pages_with_offset_in_csv_and_jsonl(db: str) -> None:
    result = _run("events", "--db", db, "--format", "csv", "--limit", "1", "--offset", "1")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert tuple(rows[0]) == FLAT_COLUMNS and [row["id"] for row in rows] == ["e2"]
    result = _run("events", "--db", db, "--format", "jsonl", "--order", "oldest", "--limit", "2")
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["e1", "e2"]


def test_export_without_a_store_exits_3(tmp_path: Path) -> None:
    result = _run("export", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3 and "detente ingest" in result.stderr


def test_code_table_shows_date_place_and_goldstein() -> None:
    from detente.cli import format_table

    table = format_table(coded("t", event("e9", date="2024-03-05")), width=200)
    facts = table.splitlines()[2]
    assert "date 2024-03-05" in facts and "place Geneva, CHE" in facts and "Goldstein +3.5" in facts
    undated = format_table(coded("u", event("e8", location=None), published=None), width=200)
    assert "date -" in undated and "place -" in undated
