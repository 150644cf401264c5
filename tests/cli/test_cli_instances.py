"""``detente events --instances`` and ``detente alerts`` over a store with linked instances."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from detente.analysis import link_pending
from detente.cli import main
from detente.store import open_store
from tests.analysis.test_instances import _corpus


def _store(tmp_path: Path) -> str:
    path = str(tmp_path / "instances.db")
    with open_store(path) as store:
        store.write_batch(_corpus())
        link_pending(store)
    return path


def test_events_instances_lists_each_instance_once(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = CliRunner().invoke(main, ["events", "--db", db, "--instances", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(row["num_reports"] for row in rows) == [1, 1, 1, 4]
    days = [row["representative"]["day"] for row in rows]
    assert days == sorted(days, reverse=True)  # newest first, as every list
    table = CliRunner().invoke(main, ["events", "--db", db, "--instances", "--dyad", "USA-CHN"])
    assert "4r 3a 4s" in table.output and "4 instance(s)" in table.output


def test_alerts_runs_and_checks_its_dyad(tmp_path: Path) -> None:
    db = _store(tmp_path)
    result = CliRunner().invoke(main, ["alerts", "--db", db, "--since", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert "0 alert(s)" in result.output
    assert CliRunner().invoke(main, ["alerts", "--db", db, "--dyad", "USA"]).exit_code == 2
