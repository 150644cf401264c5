"""The benchmark scripts still run against the current store and API (a tiny size: this checks that they work,
not how fast anything is; the figures come from running them by hand, see README)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def test_api_benchmark_runs_on_a_small_store(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "api.py"), "--events", "2000", "--runs", "2",
         "--sqlite", str(tmp_path / "bench.db")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "API GET events dyad + 90 days" in result.stdout


@pytest.mark.slow
def test_export_benchmark_runs_on_a_small_store(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "export.py"), "--events", "2000",
         "--sqlite", str(tmp_path / "bench.db")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.mark.slow
def test_scale_benchmark_writes_from_the_workers_to_postgresql():
    """``--db``: each run's fresh copies are written by the workers, so the store ends with every copy."""
    from .store.pg_schemas import fresh_schema, table_counts

    with fresh_schema() as url:
        result = subprocess.run(
            [sys.executable, str(BENCHMARKS / "scale.py"), "--articles", "8", "--rounds", "1",
             "--partition-size", "4", "--db", url],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-3000:]
        assert "coded and written by the workers" in result.stdout
        # warm-up codes without writing; the two timed runs (1 and 2 workers) write 8 fresh copies each
        assert table_counts(url)["articles"] == 16


def test_scale_benchmark_refuses_a_sqlite_store(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "scale.py"), "--db", f"sqlite:///{tmp_path / 'x.db'}"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2
    assert "--db takes a PostgreSQL URL" in result.stderr


def test_instances_benchmark_runs_on_a_small_store(tmp_path):
    result = subprocess.run(
        [sys.executable, str(BENCHMARKS / "instances.py"), "--events", "500", "--new", "100",
         "--backends", "sqlite", "--sqlite", str(tmp_path / "bench.db")],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    assert "| sqlite |" in result.stdout
