"""How ``detente.scale`` uses a cluster: results in input order while a free worker takes the next partition
at once (not only when the oldest is done), and the worker plugin's tuning (profiler stopped, one BLAS
thread), on workers in the test's process with a stand-in coder."""

from __future__ import annotations

import threading
import time

import pytest

pytest.importorskip("dask.distributed")

from dask.distributed import Client  # noqa: E402

from detente import pipeline  # noqa: E402
from detente.scale import CoderPlugin, _in_order, code_partition, local_cluster  # noqa: E402
from detente.settings import Settings  # noqa: E402

_SPANS: dict[int, tuple[float, float]] = {}
_LOCK = threading.Lock()


def _sleepy(partition: list[float], label: int) -> int:
    began = time.monotonic()
    time.sleep(sum(partition))
    with _LOCK:
        _SPANS[label] = (began, time.monotonic())
    return label


def test_results_in_order_and_free_workers_do_not_wait_for_the_oldest():
    _SPANS.clear()
    durations = [1.5] + [0.02] * 7  # one long partition first, then short ones
    sized = ((label, [seconds]) for label, seconds in enumerate(durations))

    with local_cluster(2, processes=False) as cluster, Client(cluster) as client:
        got = list(_in_order(_Submitter(client, iter(range(8))), _sleepy, sized, (), in_flight=2))
    assert [size for size, _ in got] == list(range(len(durations)))
    assert [result for _, result in got] == list(range(len(durations)))
    long_end = _SPANS[0][1]
    started_during = [label for label, (began, _) in _SPANS.items() if label and began < long_end]
    # the window holds 2 * in_flight = 4 partitions: the three after the long one run while it does
    assert len(started_during) >= 3, _SPANS


class _Submitter:
    """A client whose submit passes each partition's label along (``_in_order`` calls
    ``submit(function, partition, *args, pure=False)``)."""

    def __init__(self, client: Client, labels) -> None:  # noqa: ANN001
        self.client = client
        self.labels = labels

    def submit(self, function, partition, *args, pure):  # noqa: ANN001, ANN201
        return self.client.submit(function, partition, next(self.labels), *args, pure=pure)


def _math_threads() -> int:
    from threadpoolctl import threadpool_info

    return max((pool["num_threads"] for pool in threadpool_info()), default=1)


def test_the_plugin_stops_the_profiler_and_tasks_run_single_threaded_math(monkeypatch):
    pytest.importorskip("threadpoolctl")
    monkeypatch.setattr(pipeline, "get_coder", lambda settings=None: _NoCoder())

    def profiling(dask_worker) -> bool:  # noqa: ANN001
        callback = dask_worker.periodic_callbacks.get("profile")
        return callback is not None and callback.is_running()

    with local_cluster(1, processes=False) as cluster, Client(cluster) as client:
        assert all(client.run(profiling).values()), "Dask's profiler runs by default"
        client.register_plugin(CoderPlugin(Settings()), name=CoderPlugin.name)
        assert not any(client.run(profiling).values())
        assert client.submit(code_partition, [], Settings(), pure=False).result() == []
        # the same (only) task thread: BLAS and OpenMP pools at one thread
        assert client.submit(_math_threads, pure=False).result() == 1


class _NoCoder:
    def code(self, items):  # noqa: ANN001, ANN201
        return iter(())
