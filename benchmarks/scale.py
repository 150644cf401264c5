"""Scaling on Dask: the same corpus coded by a local cluster of 1 and of 2 worker processes.

    python benchmarks/scale.py [PATH ...] [--articles 960] [--partition-size 8] [--rounds 3]

PATH defaults to the bundled ``examples/`` (texts cycled up to ``--articles``). With ``--db URL`` (a
PostgreSQL store every worker can reach) each worker also writes its partitions to that store, as
``detente ingest --scheduler ... --db postgresql://...`` does: every run stores fresh copies of the articles
(ids made unique per run), so each write is a real one. Both clusters (1 worker, 2 workers) start first and
load the pipeline (the worker plugin, ``detente.scale.CoderPlugin``), and every worker codes a warm-up
partition; start-up is not timed. Then the corpus is timed through ``detente.scale.code_on_client`` (or
``store_on_client`` with ``--db``; results come back to the client in input order and are dropped), on the
1-worker and the 2-worker cluster in turn, ``--rounds`` times, alternating which goes first, so a change in
the machine's load falls on both.

For each run it reports the wall time, the CPU seconds each worker process spent (user + system, from
``getrusage``: it does not depend on how loaded the machine is), the CPU seconds of this process (client and
scheduler), and how busy the machine's cores were meanwhile (``/proc/stat``): ``others`` is the cores' busy
time not spent by the benchmark's own processes, averaged over the run, i.e. the load from everything else.

* wall efficiency ``t(1) / (2 * t(2))`` (median of the rounds, and its spread): 1.0 when two workers take half
  the time of one. On a machine whose other load takes cores away, two workers cannot get two cores and this
  figure says more about the load than about detente.
* CPU per article, with 1 and with 2 workers: if the work per article grows with two workers (contention,
  oversubscribed threads), scaling cannot reach 1.0 even on an idle machine. Every Dask process also ticks
  (event loop, heartbeats) at a small CPU cost per second of wall time, however long a loaded machine
  stretches the run; that idle rate is measured first, with nothing running, and taken off.
* CPU-bound efficiency: what the wall efficiency would be if the benchmark's processes had the two cores to
  themselves, from the CPU seconds measured (a bound: perfect overlap, no waiting). Each run needs at least
  ``max(busiest worker's work, (all workers' work + client work) / 2)`` seconds on two cores, plus the
  processes' idle ticking charged for that projected time, not the measured one.

Peak RSS is each worker process's own (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import logging
import os
import resource
import statistics
import sys
import time
from pathlib import Path

from dask.distributed import Client, LocalCluster

from detente.ingest import read_inputs
from detente.records import Article
from detente.scale import PARTITION_SIZE, code_on_client, code_partition, local_cluster, store_on_client
from detente.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB (run on each worker)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU seconds of this process so far (run on each worker, and in the client)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def blas_threads() -> int:
    """The most threads any BLAS/OpenMP pool of this process may use (run on each worker; 0: none loaded)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return -1
    return max((pool["num_threads"] for pool in threadpool_info()), default=0)


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of all cores since boot, from /proc/stat (Linux)."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return 0.0, 0.0
    ticks = [int(value) for value in fields]
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)  # idle + iowait
    hertz = os.sysconf("SC_CLK_TCK")
    return (sum(ticks) - idle) / hertz, sum(ticks) / hertz


def start(workers: int, articles: list[Article], settings: Settings) -> tuple[LocalCluster, Client]:
    """A warm local cluster: pipeline loaded, every worker has coded once."""
    cluster = local_cluster(workers)
    client = Client(cluster)
    warm = list(code_on_client(client, articles[: 2 * workers], settings=settings, partition_size=1))
    assert len(warm) == 2 * workers
    for address in client.scheduler_info()["workers"]:
        client.submit(code_partition, articles[:1], settings, workers=[address], pure=False).result()
    return cluster, client


def fresh_copies(articles: list[Article], tag: str) -> list[Article]:
    """The articles under ids (and URLs) no store has seen: ``<id>~<tag>~<n>``."""
    return [
        dataclasses.replace(
            article,
            id=f"{article.id}~{tag}~{n}",
            url=f"{article.url}#{tag}-{n}" if article.url else None,
        )
        for n, article in enumerate(articles)
    ]


def timed_run(
    client: Client, articles: list[Article], *, settings: Settings, partition_size: int, db: str | None = None
) -> dict:
    """Code ``articles`` once on a warm cluster (and write them to ``db`` from the workers, if given): wall
    seconds, CPU seconds per worker and of the client."""
    workers_before = client.run(cpu_seconds)
    client_before = cpu_seconds()
    busy_before, total_before = machine_busy()
    began = time.perf_counter()
    if db is None:
        results = code_on_client(client, articles, settings=settings, partition_size=partition_size)
        coded = sum(1 for _ in results)
    else:
        coded = 0
        for size, summary in store_on_client(
            client, articles, db=db, settings=settings, partition_size=partition_size
        ):
            coded += size
            if summary.rejected or summary.failed or summary.articles_written != size:
                raise RuntimeError(f"a partition was not written whole: {summary.to_dict()}")
    seconds = time.perf_counter() - began
    busy_after, total_after = machine_busy()
    client_cpu = cpu_seconds() - client_before
    workers_after = client.run(cpu_seconds)
    assert coded == len(articles)
    worker_cpu = sorted(workers_after[address] - workers_before[address] for address in workers_before)
    ours = sum(worker_cpu) + client_cpu
    others = max(0.0, (busy_after - busy_before) - ours) / seconds if total_after > total_before else None
    return {
        "workers": len(worker_cpu),
        "seconds": seconds,
        "worker_cpu": worker_cpu,
        "client_cpu": client_cpu,
        "others": others,
    }


def idle_rates(clients: list[Client], seconds: float = 3.0) -> tuple[float, float]:
    """CPU seconds per second of wall time spent with no task running: by this process (the clients and
    schedulers), and by each worker process (its event loop, heartbeats), the mean over all workers."""
    client_before, began = cpu_seconds(), time.perf_counter()
    workers_before = [client.run(cpu_seconds) for client in clients]
    time.sleep(seconds)
    workers_after = [client.run(cpu_seconds) for client in clients]
    elapsed = time.perf_counter() - began
    spent = [
        after[address] - before[address]
        for before, after in zip(workers_before, workers_after, strict=True)
        for address in before
    ]
    return (cpu_seconds() - client_before) / elapsed, sum(spent) / len(spent) / elapsed


def work_cpu(run: dict, worker_idle: float) -> list[float]:
    """Each worker's CPU seconds for the articles: its measured CPU less its idle ticking over the run."""
    return [max(0.0, cpu - worker_idle * run["seconds"]) for cpu in run["worker_cpu"]]


def bound(run: dict, idle: tuple[float, float]) -> float:
    """Least wall time the run's CPU work needs on two cores of its own (perfect overlap), charging the
    processes' idle ticking for that time rather than for the measured (load-stretched) one."""
    client_idle, worker_idle = idle
    workers = work_cpu(run, worker_idle)
    client_work = max(0.0, run["client_cpu"] - client_idle * run["seconds"])
    ticking = client_idle + worker_idle * len(workers)
    shared = (sum(workers) + client_work) / (2 - ticking)  # t = (work + ticking * t) / 2
    return max(max(workers) / (1 - worker_idle), shared)


def describe(run: dict, n_articles: int) -> str:
    cpu = ", ".join(f"{value:.1f}" for value in run["worker_cpu"])
    others = "?" if run["others"] is None else f"{run['others']:.1f}"
    per_article = 1000 * sum(run["worker_cpu"]) / n_articles
    return (
        f"{run['workers']} worker(s): {run['seconds']:5.1f} s wall; worker CPU s {cpu} "
        f"({per_article:.1f} ms/article); client+scheduler CPU {run['client_cpu']:.1f} s; "
        f"other load {others} cores"
    )


def spread(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} (min {min(values):.2f}, max {max(values):.2f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--articles", type=int, default=960)
    parser.add_argument("--partition-size", type=int, default=PARTITION_SIZE)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--db", metavar="URL", help="a PostgreSQL store the workers write to (default: code only)"
    )
    args = parser.parse_args(argv)
    if args.db is not None and not args.db.startswith(("postgresql://", "postgres://")):
        parser.error("--db takes a PostgreSQL URL: with SQLite only the client writes")
    logging.getLogger("distributed").setLevel(logging.WARNING)
    originals = [item for item in read_inputs(args.paths) if isinstance(item, Article)]
    if not originals:
        print("no readable articles in", args.paths, file=sys.stderr)
        return 2
    articles = list(itertools.islice(itertools.cycle(originals), args.articles))
    settings = Settings.from_env()
    clusters = {workers: start(workers, articles, settings) for workers in (1, 2)}
    runs: dict[int, list[dict]] = {1: [], 2: []}
    try:
        idle = idle_rates([client for _, client in clusters.values()])
        threads = clusters[2][1].run(blas_threads)
        print(
            f"idle CPU, s per s: client+schedulers {idle[0]:.3f}, each worker {idle[1]:.3f}; "
            f"BLAS/OpenMP threads per worker: {sorted(threads.values())}",
            flush=True,
        )
        for round_number in range(args.rounds):
            order = (1, 2) if round_number % 2 == 0 else (2, 1)
            for workers in order:
                batch = articles if args.db is None else fresh_copies(articles, f"r{round_number}w{workers}")
                run = timed_run(
                    clusters[workers][1],
                    batch,
                    settings=settings,
                    partition_size=args.partition_size,
                    db=args.db,
                )
                runs[workers].append(run)
                print(f"round {round_number + 1}: {describe(run, len(articles))}", flush=True)
        rss = {workers: sorted(client.run(peak_rss_mb).values()) for workers, (_, client) in clusters.items()}
    finally:
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
    n = len(articles)
    wall = [one["seconds"] / (2 * two["seconds"]) for one, two in zip(runs[1], runs[2], strict=True)]
    cpu_bound = [bound(one, idle) / (2 * bound(two, idle)) for one, two in zip(runs[1], runs[2], strict=True)]
    for workers in (1, 2):
        seconds = [run["seconds"] for run in runs[workers]]
        per_article = [1000 * sum(work_cpu(run, idle[1])) / n for run in runs[workers]]
        print(
            f"{workers} worker(s): wall s {spread(seconds)}; worker CPU ms/article (idle ticking taken off) "
            f"{spread(per_article)}; "
            f"peak RSS MB per worker: {', '.join(f'{value:.0f}' for value in rss[workers])}"
        )
    what = "coded" if args.db is None else "coded and written by the workers"
    print(
        f"wall efficiency with 2 workers: {spread(wall)} ({n} articles {what}, partitions of "
        f"{args.partition_size})"
    )
    print(f"CPU-bound efficiency (two cores of their own): {spread(cpu_bound)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
