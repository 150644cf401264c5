"""Scaling on Dask: the same corpus coded by a local cluster of 1 and of 2 worker processes.

    python benchmarks/scale.py [PATH ...] [--articles 480] [--partition-size 16]

PATH defaults to the bundled ``examples/`` (texts cycled up to ``--articles``). For each cluster size the
workers start and load the pipeline first (the worker plugin, ``detente.scale.CoderPlugin``), and a warm-up
partition runs on every worker; then the corpus is timed through ``detente.scale.code_on_client`` (results
come back to the client in input order and are dropped). Efficiency is ``t(1) / (2 * t(2))``: 1.0 when two
workers take half the time of one. Peak RSS is each worker process's own (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import itertools
import resource
import sys
import time
from pathlib import Path

from dask.distributed import Client, LocalCluster

from detente.ingest import read_inputs
from detente.records import Article
from detente.scale import code_on_client, code_partition
from detente.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_run(articles: list[Article], *, workers: int, settings: Settings, partition_size: int) -> dict:
    """Seconds to code ``articles`` on a warm local cluster of ``workers`` processes, and their peak RSS."""
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, Client(cluster) as client:
        warm = list(code_on_client(client, articles[: 2 * workers], settings=settings, partition_size=1))
        assert len(warm) == 2 * workers
        for address in client.scheduler_info()["workers"]:  # every worker has coded once
            client.submit(code_partition, articles[:1], settings, workers=[address], pure=False).result()
        began = time.perf_counter()
        coded = sum(
            1 for _ in code_on_client(client, articles, settings=settings, partition_size=partition_size)
        )
        seconds = time.perf_counter() - began
        rss = sorted(client.run(peak_rss_mb).values())
    assert coded == len(articles)
    return {"workers": workers, "seconds": seconds, "rss_mb": rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--articles", type=int, default=480)
    parser.add_argument("--partition-size", type=int, default=16)
    args = parser.parse_args(argv)
    originals = [item for item in read_inputs(args.paths) if isinstance(item, Article)]
    if not originals:
        print("no readable articles in", args.paths, file=sys.stderr)
        return 2
    articles = list(itertools.islice(itertools.cycle(originals), args.articles))
    settings = Settings.from_env()
    one = timed_run(articles, workers=1, settings=settings, partition_size=args.partition_size)
    two = timed_run(articles, workers=2, settings=settings, partition_size=args.partition_size)
    for run in (one, two):
        rate = len(articles) / run["seconds"]
        rss = ", ".join(f"{value:.0f}" for value in run["rss_mb"])
        print(
            f"{run['workers']} worker(s): {run['seconds']:.1f} s, {rate:.1f} articles/s, "
            f"peak RSS MB per worker: {rss}"
        )
    efficiency = one["seconds"] / (2 * two["seconds"])
    print(
        f"efficiency with 2 workers: {efficiency:.2f} "
        f"({len(articles)} articles, partitions of {args.partition_size})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
