"""Batch coding on Dask: the same pure stage functions, run over partitions of articles.

``code_on_dask(items, scheduler="local")`` starts a local cluster (one process per core);
``scheduler="tcp://host:8786"`` uses a running cluster. Each worker process loads the pipeline once
(:func:`detente.pipeline.get_coder`) and codes whole partitions with ``nlp.pipe``. Results come back in input
order, a bounded number of partitions in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator

from .batching import batched
from .errors import ConfigError
from .records import Article, CodedArticle, Rejection
from .settings import Settings

__all__ = ["code_on_dask", "code_partition"]


def code_partition(items: list[Article | Rejection], settings: Settings) -> list[CodedArticle]:
    """Code one partition in the worker's process (module-level so Dask can pickle it)."""
    from .pipeline import get_coder

    return list(get_coder(settings).code(items))


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
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from _ordered(client, batched(items, partition_size), settings, in_flight=2 * workers)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


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


def _ordered(client, partitions, settings: Settings, *, in_flight: int) -> Iterator[CodedArticle]:  # noqa: ANN001
    pending: deque = deque()
    for partition in partitions:
        pending.append(client.submit(code_partition, partition, settings, pure=False))
        if len(pending) >= in_flight:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()
