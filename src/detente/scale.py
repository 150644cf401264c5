"""Batch coding on Dask: the same pure stage functions, run over partitions of articles.

``code_on_dask(items, scheduler="local")`` starts a local cluster (one process per core);
``scheduler="tcp://host:8786"`` uses a running cluster. Each worker process loads the pipeline once, when it
starts (:class:`CoderPlugin`, a worker plugin, so a worker that joins later warms up before its first task),
and codes whole partitions with ``nlp.pipe``. Results come back in input order, a bounded number of
partitions in flight, so memory stays flat however long the input is.

``store_on_dask(items, db=...)`` goes one step further for a store every worker can reach (PostgreSQL): each
worker codes its partition and writes it straight to the store on its own connection, and only a summary of
the write comes back; the client no longer funnels every coded article. SQLite stays single-writer: there the
client writes what :func:`code_on_dask` returns.

The plugin also tunes each worker process for this work (less CPU per article: ``benchmarks/scale.py``):
malloc keeps parse arrays on its heap (:func:`_steady_malloc`), BLAS/OpenMP run one thread, and the
worker's statistical profiler is stopped.

Partitions are small (:data:`PARTITION_SIZE` articles): Dask's cost per task is a few milliseconds, while
the last partitions decide how long the workers wait for each other at the end (15 partitions of 16 on two
workers is 8 against 7: one worker idles for a partition, a 6% loss; partitions of 8 balance it), and a
new partition goes out as soon as any finishes, so a worker done with short articles never waits for a long
partition elsewhere. Each worker process runs one task at a time: parallelism comes from processes.
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from .batching import batched
from .errors import ConfigError
from .records import Article, CodedArticle, Rejection
from .settings import Settings
from .store import EventStore, WriteSummary, open_store

__all__ = [
    "PARTITION_SIZE",
    "ClusterCoder",
    "CoderPlugin",
    "PageOutcome",
    "code_on_client",
    "code_on_dask",
    "code_partition",
    "close_worker_stores",
    "dask_client",
    "local_cluster",
    "store_on_client",
    "store_on_dask",
    "store_outcome",
    "store_partition",
]

#: Articles per task: small enough that the workers finish together, large enough for ``nlp.pipe``.
PARTITION_SIZE = 8


def code_partition(items: list[Article | Rejection], settings: Settings) -> list[CodedArticle]:
    """Code one partition in the worker's process (module-level so Dask can pickle it)."""
    from .pipeline import get_coder

    if not getattr(_task_thread, "tuned", False):  # OpenMP's limit is per thread: set it on the task's
        _single_threaded_math()
        _task_thread.tuned = True
    return list(get_coder(settings).code(items))


def store_partition(items: list[Article | Rejection], settings: Settings, db: str) -> WriteSummary:
    """Code one partition and write it to ``db`` on this worker's own connection (opened once per process)."""
    return _worker_store(db).write_batch(code_partition(items, settings))


#: What became of each item of a partition a worker wrote: (article id, None) or (None, its rejection).
PageOutcome = list[tuple[str | None, Rejection | None]]


def store_outcome(
    items: list[Article | Rejection], settings: Settings, db: str
) -> tuple[WriteSummary, PageOutcome]:
    """Code one partition and write it to ``db`` on this worker's connection; the write's summary and, per
    item, its article id or rejection (what ``detente watch`` records for the page)."""
    coded = code_partition(items, settings)
    summary = _worker_store(db).write_batch(coded)
    return summary, [(item.article.id if item.article else None, item.error) for item in coded]


_task_thread = threading.local()

#: The store connections tasks opened, one per location and thread (a worker process has one task thread;
#: workers in the caller's process, ``LocalCluster(processes=False)``, have one each).
_worker_stores: dict[tuple[str, int], EventStore] = {}
_worker_stores_lock = threading.Lock()


def _worker_store(db: str) -> EventStore:
    """This thread's store connection to ``db``, opened on first use (closed when the process ends)."""
    key = (db, threading.get_ident())
    with _worker_stores_lock:
        store = _worker_stores.get(key)
    if store is None:
        store = open_store(db)
        with _worker_stores_lock:
            _worker_stores[key] = store
    return store


def close_worker_stores() -> None:
    """Close the store connections tasks opened in this process: for workers that ran in the caller's own
    process (``LocalCluster(processes=False)``), once they are done; a worker process's close at its exit.
    (Not the plugin's teardown: that also runs when a second client registers the plugin again, while tasks
    of the first may be writing.)"""
    with _worker_stores_lock:
        stores = list(_worker_stores.values())
        _worker_stores.clear()
    for store in stores:
        store.close()


try:  # the plugin base class of Dask's workers (Dask is optional: the class stays importable without it)
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - depends on the install
    _WorkerPlugin = object  # type: ignore[assignment,misc]


class CoderPlugin(_WorkerPlugin):
    """A Dask worker plugin that loads the pipeline when the worker starts (``setup``), not in its first task.

    Registered by :func:`code_on_dask` on the cluster it uses; a worker joining later runs it too.
    """

    name = "detente-coder"

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def setup(self, worker: object) -> None:
        from .pipeline import get_coder

        _single_threaded_math()
        _steady_malloc()
        _stop_profiler(worker)
        get_coder(self.settings)

    def teardown(self, worker: object) -> None:
        """Nothing to release: the coder lives as long as the worker process."""


def _stop_profiler(worker: object) -> None:
    """Stop the worker's statistical profiler (``distributed.worker.profile``), which samples the task
    thread's stack every 10 ms while holding the GIL (1-4% more CPU per article, measured; more while
    idle). The dashboard's profile page stays empty."""
    callbacks = getattr(worker, "periodic_callbacks", {})
    for name in ("profile", "profile-cycle"):
        callback = callbacks.get(name)
        if callback is not None:
            callback.stop()


#: glibc's ``mallopt`` parameter for the size from which ``malloc`` maps memory of its own.
_M_MMAP_THRESHOLD = -3
#: Arrays up to this size come from malloc's heaps, not a fresh mapping each time (glibc's largest).
_MMAP_THRESHOLD = 32 * 1024 * 1024


def _steady_malloc() -> None:
    """Keep malloc from mapping and unmapping every parse's arrays (glibc on Linux).

    Dask's nanny starts workers with ``MALLOC_TRIM_THRESHOLD_=65536`` (memory back to the system sooner),
    and setting that turns off glibc's sliding mmap threshold: every array over 128 KiB is a new mapping,
    its pages faulted in afresh. Tasks run on a thread, whose allocations that hits hardest: coding the
    same articles took 15% more CPU on a thread than on the main thread under that setting, and the same
    with this larger threshold (measured; see ``benchmarks/scale.py``). Memory still goes back: freed
    chunks are trimmed as Dask wants.
    """
    import ctypes
    import ctypes.util
    import platform

    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
    except (OSError, AttributeError):  # pragma: no cover - an unusual libc
        return


def _single_threaded_math() -> None:
    """One BLAS/OpenMP thread (BLAS for the process, OpenMP for the calling thread: tasks call it too).

    A worker started by a nanny has ``OMP_NUM_THREADS=1`` and the like already (Dask's
    ``distributed.nanny.pre-spawn-environ``); one started otherwise would run a pool per core in every
    process, and processes * cores threads fight over the cores.
    """
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - depends on the install
        return
    threadpool_limits(limits=1)


def code_on_dask(
    items: Iterable[Article | Rejection],
    *,
    scheduler: str = "local",
    settings: Settings | None = None,
    partition_size: int = PARTITION_SIZE,
    n_workers: int | None = None,
    connect_timeout: float = 5.0,
) -> Iterator[CodedArticle]:
    """Code ``items`` on a Dask cluster and yield the results in input order.

    A scheduler that cannot be reached within ``connect_timeout`` seconds, or a malformed address, raises
    :class:`ConfigError` when iteration starts. A local cluster is closed when iteration ends.
    """
    settings = settings or Settings.from_env()
    client, cluster = _connect(scheduler, n_workers=n_workers, connect_timeout=connect_timeout)
    try:
        yield from code_on_client(client, items, settings=settings, partition_size=partition_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def code_on_client(
    client: object,
    items: Iterable[Article | Rejection],
    *,
    settings: Settings,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[CodedArticle]:
    """Code ``items`` on the cluster of a Dask ``client`` you manage, in input order (the pipeline is loaded
    on every worker first, by :class:`CoderPlugin`)."""
    workers = _warm_up(client, settings)
    partitions = batched(items, partition_size)
    yield from _ordered(client, code_partition, partitions, (settings,), in_flight=2 * workers)


def store_on_dask(
    items: Iterable[Article | Rejection],
    *,
    db: str,
    scheduler: str = "local",
    settings: Settings | None = None,
    partition_size: int = PARTITION_SIZE,
    n_workers: int | None = None,
    connect_timeout: float = 5.0,
) -> Iterator[tuple[int, WriteSummary]]:
    """Code ``items`` on a Dask cluster whose workers write each partition to ``db`` themselves.

    Yields ``(items in the partition, its WriteSummary)`` in input order. ``db`` must be a store every worker
    can open (a PostgreSQL URL); a store failure on a worker raises :class:`StoreError` here.
    """
    settings = settings or Settings.from_env()
    client, cluster = _connect(scheduler, n_workers=n_workers, connect_timeout=connect_timeout)
    try:
        yield from store_on_client(client, items, db=db, settings=settings, partition_size=partition_size)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def store_on_client(
    client: object,
    items: Iterable[Article | Rejection],
    *,
    db: str,
    settings: Settings,
    partition_size: int = PARTITION_SIZE,
) -> Iterator[tuple[int, WriteSummary]]:
    """Code ``items`` on the cluster of a Dask ``client`` you manage, each worker writing its partitions to
    ``db`` (a PostgreSQL URL every worker can reach); ``(items in the partition, its WriteSummary)`` in input
    order."""
    workers = _warm_up(client, settings)
    sized = ((len(partition), partition) for partition in batched(items, partition_size))
    yield from _ordered_sized(client, sized, (settings, db), in_flight=2 * workers)


class ClusterCoder:
    """Hands ``detente watch``'s coding to a Dask cluster (the pipeline loaded once per worker by
    :class:`CoderPlugin`).

    ``submit(items)`` returns a future. Without ``db`` its result is the coded articles, which the caller
    writes (SQLite: one writer, the client); with ``db`` (a PostgreSQL URL every worker can reach) the worker
    writes them itself and the result is ``(WriteSummary, PageOutcome)``.
    """

    def __init__(self, client: Any, settings: Settings, *, db: str | None = None) -> None:
        self.client = client
        self.settings = settings
        self.db = db
        self.workers = _warm_up(client, settings)

    def submit(self, items: list[Article | Rejection]) -> Any:
        if self.db is not None:
            return self.client.submit(store_outcome, items, self.settings, self.db, pure=False)
        return self.client.submit(code_partition, items, self.settings, pure=False)


@contextlib.contextmanager
def dask_client(
    scheduler: str = "local", *, n_workers: int | None = None, connect_timeout: float = 5.0
) -> Iterator[object]:
    """A Dask client of the scheduler at ``scheduler`` (or of a new local cluster, closed at exit).

    An address that does not answer within ``connect_timeout`` seconds raises :class:`ConfigError`.
    """
    client, cluster = _connect(scheduler, n_workers=n_workers, connect_timeout=connect_timeout)
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _warm_up(client, settings: Settings) -> int:  # noqa: ANN001
    """Register the plugin that loads the pipeline on every worker (now and later); the worker count."""
    client.register_plugin(CoderPlugin(settings), name=CoderPlugin.name)
    return max(1, len(client.scheduler_info().get("workers", {})))


def _connect(scheduler: str, *, n_workers: int | None, connect_timeout: float):  # noqa: ANN202
    """A Dask client, and the local cluster it runs on (None for a remote scheduler)."""
    try:
        from dask.distributed import Client
    except ImportError:  # pragma: no cover - depends on the install
        raise ConfigError("Dask is not installed: pip install 'detente[dask]'") from None
    if scheduler == "local":
        cluster = local_cluster(n_workers)
        return Client(cluster), cluster
    _probe(scheduler, timeout=connect_timeout)
    return Client(scheduler, timeout=f"{connect_timeout}s"), None


def local_cluster(n_workers: int | None = None, *, processes: bool = True) -> Any:
    """A Dask ``LocalCluster`` for coding: ``n_workers`` single-threaded workers (default: one per core), no
    dashboard, and the scheduler's small HTTP server (health, metrics) on a free port instead of 8787, so
    that clusters side by side on one machine do not fight over that port."""
    try:
        from dask.distributed import LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise ConfigError("Dask is not installed: pip install 'detente[dask]'") from None
    return LocalCluster(
        n_workers=n_workers,
        threads_per_worker=1,
        processes=processes,
        dashboard_address=None,
        scheduler_kwargs={"dashboard_address": ":0"},
    )


def _probe(scheduler: str, *, timeout: float) -> None:
    """Raise ConfigError unless ``scheduler`` answers within ``timeout`` seconds.

    Checked on a private event loop before a Client exists: a Client whose constructor fails leaves its
    IO-loop thread behind, which can stall the next Client of the process.
    """
    import asyncio

    from distributed.comm import connect
    from distributed.security import Security

    async def handshake() -> None:
        comm = await connect(scheduler, timeout=timeout, **Security().get_connection_args("client"))
        await comm.close()

    try:
        asyncio.run(handshake())
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"not a Dask scheduler address: {scheduler!r} ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler!r}: {exc}") from None


def _ordered(client, function, partitions, args: tuple, *, in_flight: int) -> Iterator[CodedArticle]:  # noqa: ANN001
    for _, coded in _in_order(client, function, ((0, p) for p in partitions), args, in_flight=in_flight):
        yield from coded


def _ordered_sized(client, sized, args: tuple, *, in_flight: int) -> Iterator[tuple[int, WriteSummary]]:  # noqa: ANN001
    yield from _in_order(client, store_partition, sized, args, in_flight=in_flight)


def _in_order(client, function, sized, args: tuple, *, in_flight: int) -> Iterator[tuple[int, Any]]:  # noqa: ANN001
    """``(size, function(partition, *args))`` for each ``(size, partition)``, in input order.

    ``in_flight`` partitions are running or queued at any time: a new one is submitted as soon as any of
    them finishes, not only the oldest, so a worker done with a short partition never waits for a long one
    on another worker. Finished results wait for the older ones in a buffer of at most ``2 * in_flight``
    partitions (memory stays flat); only a partition slower than all that stalls the submissions.
    """
    from distributed import wait

    sized = iter(sized)
    window: deque = deque()  # (size, future) in input order, not yielded yet
    running: set = set()
    exhausted = False
    while True:
        while not exhausted and len(running) < in_flight and len(window) < 2 * in_flight:
            entry = next(sized, None)
            if entry is None:
                exhausted = True
                break
            future = client.submit(function, entry[1], *args, pure=False)
            window.append((entry[0], future))
            running.add(future)
        if not window:
            return
        if not window[0][1].done():
            done, _ = wait(list(running), return_when="FIRST_COMPLETED")
            running -= set(done)
            continue
        size, future = window.popleft()
        running.discard(future)
        yield size, future.result()
