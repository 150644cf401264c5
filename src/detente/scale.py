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
"""

from __future__ import annotations

import functools
from collections import deque
from collections.abc import Iterable, Iterator

from .batching import batched
from .errors import ConfigError
from .records import Article, CodedArticle, Rejection
from .settings import Settings
from .store import EventStore, WriteSummary, open_store

__all__ = [
    "CoderPlugin",
    "code_on_client",
    "code_on_dask",
    "code_partition",
    "store_on_dask",
    "store_partition",
]


def code_partition(items: list[Article | Rejection], settings: Settings) -> list[CodedArticle]:
    """Code one partition in the worker's process (module-level so Dask can pickle it)."""
    from .pipeline import get_coder

    return list(get_coder(settings).code(items))


def store_partition(items: list[Article | Rejection], settings: Settings, db: str) -> WriteSummary:
    """Code one partition and write it to ``db`` on this worker's own connection (opened once per process)."""
    return _worker_store(db).write_batch(code_partition(items, settings))


@functools.lru_cache(maxsize=4)
def _worker_store(db: str) -> EventStore:
    """One store connection per worker process and location (closed when the process ends)."""
    return open_store(db)


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

        get_coder(self.settings)

    def teardown(self, worker: object) -> None:
        """Nothing to release: the coder lives as long as the worker process."""


def code_on_dask(
    items: Iterable[Article | Rejection],
    *,
    scheduler: str = "local",
    settings: Settings | None = None,
    partition_size: int = 32,
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
    client: object, items: Iterable[Article | Rejection], *, settings: Settings, partition_size: int = 32
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
    partition_size: int = 32,
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
        workers = _warm_up(client, settings)
        sized = ((len(partition), partition) for partition in batched(items, partition_size))
        yield from _ordered_sized(client, sized, (settings, db), in_flight=2 * workers)
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
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - depends on the install
        raise ConfigError("Dask is not installed: pip install 'detente[dask]'") from None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    _probe(scheduler, timeout=connect_timeout)
    return Client(scheduler, timeout=f"{connect_timeout}s"), None


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
    pending: deque = deque()
    for partition in partitions:
        pending.append(client.submit(function, partition, *args, pure=False))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _ordered_sized(client, sized, args: tuple, *, in_flight: int) -> Iterator[tuple[int, WriteSummary]]:  # noqa: ANN001
    pending: deque = deque()
    for size, partition in sized:
        pending.append((size, client.submit(store_partition, partition, *args, pure=False)))
        if len(pending) >= in_flight:
            size_done, future = pending.popleft()
            yield size_done, future.result()
    while pending:
        size_done, future = pending.popleft()
        yield size_done, future.result()
