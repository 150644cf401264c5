"""Dask workers that write to PostgreSQL themselves: the same events as coding in-process, stored once, and
the pipeline loaded by the worker plugin before the first task."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.distributed")

from detente.cli import main  # noqa: E402
from detente.ingest import read_inputs  # noqa: E402
from detente.store import open_store  # noqa: E402

from .store.pg_schemas import fresh_schema  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.slow
@pytest.mark.postgres
def test_workers_write_to_postgresql_themselves():
    from detente.pipeline import get_coder

    coded = list(get_coder().code(read_inputs([EXAMPLES])))
    expected = sorted(event.id for item in coded for event in item.events)
    with fresh_schema() as url:
        args = ["ingest", str(EXAMPLES), "--db", url, "--quiet", "--scheduler", "local", "--workers", "2"]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        match = re.match(r"(\d+) articles \((\d+) new or changed, 0 unchanged\), (\d+) events", result.stdout)
        assert match and int(match[1]) == len(coded) and int(match[3]) == len(expected), result.stdout
        again = CliRunner().invoke(main, args)
        assert f"({0} new or changed, {len(coded)} unchanged)" in again.stdout
        with open_store(url) as store:
            stored = sorted(row["id"] for row in store.rows("SELECT id FROM events"))
    assert stored == expected


@pytest.mark.slow
def test_the_worker_plugin_loads_the_pipeline_before_the_first_task():
    from dask.distributed import Client

    from detente.scale import CoderPlugin, local_cluster
    from detente.settings import Settings

    def loaded(dask_worker) -> bool:  # noqa: ANN001
        from detente.pipeline import get_coder

        return get_coder.cache_info().currsize > 0

    cluster = local_cluster(1)
    with cluster, Client(cluster) as client:
        client.register_plugin(CoderPlugin(Settings()), name=CoderPlugin.name)
        assert all(client.run(loaded).values())
