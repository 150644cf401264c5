"""Dask: the same events as the in-process coder, in input order, and quick failure for a bad scheduler."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.distributed")

from detente.cli import main  # noqa: E402
from detente.errors import ConfigError  # noqa: E402
from detente.ingest import read_inputs  # noqa: E402
from detente.records import Article, Rejection  # noqa: E402
from detente.scale import code_on_dask  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PUBLISHED = dt.date(2023, 6, 14)


def _outline(coded) -> list[tuple]:
    """What must be equal: per item, its article id (or error) and its event ids in order."""
    return [
        (c.article and c.article.id, [e.id for e in c.events], c.error and c.error.to_dict()) for c in coded
    ]


@pytest.fixture(scope="module")
def items() -> list[Article | Rejection]:
    """The examples, with rejections at the start, in the middle and at the end."""
    files = sorted(EXAMPLES.glob("*.txt"))
    paths = [
        EXAMPLES / "missing.txt",
        *files[:2],
        EXAMPLES / "nowhere.jsonl",
        *files[2:],
        EXAMPLES / "articles.jsonl",
        EXAMPLES / "gone.txt",
    ]
    found = list(read_inputs(paths, published=PUBLISHED))
    assert sum(isinstance(item, Rejection) for item in found) == 3
    assert sum(isinstance(item, Article) for item in found) >= 5
    return found


@pytest.mark.slow
def test_local_cluster_gives_the_same_events_in_input_order(items):
    from detente.pipeline import get_coder

    expected = _outline(get_coder().code(items))
    started = time.perf_counter()
    # partition_size=2: several partitions in flight, so the order really has to be restored
    got = _outline(code_on_dask(items, scheduler="local", n_workers=2, partition_size=2))
    assert time.perf_counter() - started < 50
    assert got == expected
    assert any(events for _, events, _ in got), "the examples should yield events"
    assert [error["code"] for _, _, error in got if error] == ["not_found"] * 3


@pytest.mark.slow
def test_scheduler_address_of_a_running_cluster(items):
    from detente.pipeline import get_coder
    from detente.scale import local_cluster

    expected = _outline(get_coder().code(items))
    with local_cluster(1, processes=False) as cluster:
        got = _outline(code_on_dask(items, scheduler=cluster.scheduler_address, partition_size=3))
    assert got == expected


def test_unreachable_scheduler_raises_config_error_quickly():
    started = time.perf_counter()
    with pytest.raises(ConfigError, match="cannot reach the Dask scheduler"):
        list(code_on_dask([], scheduler="tcp://127.0.0.1:1", connect_timeout=1.0))
    assert time.perf_counter() - started < 5


def test_default_connect_timeout_is_short():
    started = time.perf_counter()
    with pytest.raises(ConfigError):
        list(code_on_dask([], scheduler="tcp://127.0.0.1:1"))
    assert time.perf_counter() - started < 8


@pytest.mark.parametrize("address", ["nonsense", "foo://127.0.0.1:1", "tcp://127.0.0.1"])
def test_malformed_scheduler_address_is_a_config_error(address):
    with pytest.raises(ConfigError, match="not a Dask scheduler address"):
        list(code_on_dask([], scheduler=address))


def test_cli_unreachable_scheduler_exits_3(tmp_path):
    db = tmp_path / "events.db"
    result = CliRunner().invoke(
        main, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet", "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("error: cannot reach the Dask scheduler")
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_cli_ingest_on_a_local_cluster(tmp_path):
    from detente.pipeline import get_coder

    db = tmp_path / "events.db"
    result = CliRunner().invoke(
        main, ["ingest", str(EXAMPLES), "--db", str(db), "--quiet", "--scheduler", "local", "--workers", "2"]
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    coded = list(get_coder().code(read_inputs([EXAMPLES])))
    event_ids = sorted(event.id for c in coded for event in c.events)
    summary = r"(\d+) articles \((\d+) new or changed, 0 unchanged\), (\d+) events written"
    match = re.match(summary, result.stdout)
    assert match, result.stdout
    assert int(match[1]) == int(match[2]) == len(coded)
    assert int(match[3]) == len(event_ids)
    with sqlite3.connect(db) as connection:
        stored = sorted(row[0] for row in connection.execute("SELECT id FROM events"))
    assert stored == event_ids
