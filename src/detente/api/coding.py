"""Coding POSTed articles off the request path, one article at a time, requests taking turns.

The pipeline is one per process and codes one article at a time. Coding a whole request under one lock let
a request of twenty long articles hold every other writer for minutes. Here one coding thread of its own
takes the next article of the request at the head of the line, codes it, and sends that request to the back
of the line when it has more: a one-article POST waits for at most one article of each request ahead of it,
never for whole batches. Request handlers only await their result; the event loop and the store threads
never code.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..pipeline import Coder
from ..records import Article, CodedArticle, Rejection

__all__ = ["CodingQueue"]


@dataclass(slots=True)
class _Job:
    """One request's articles and what has been coded of them so far."""

    items: Sequence[Article | Rejection]
    done: concurrent.futures.Future[list[CodedArticle]]
    results: list[CodedArticle] = field(default_factory=list)


class CodingQueue:
    """Code requests' articles on one thread, an article at a time, round-robin between requests.

    ``load_coder`` is called on the coding thread when the first article arrives (it returns the
    process-wide coder; an error loading it fails the requests waiting, and the next request tries again).
    """

    def __init__(self, load_coder: Callable[[], Coder]) -> None:
        self._load_coder = load_coder
        self._jobs: collections.deque[_Job] = collections.deque()
        self._ready = threading.Condition()
        self._closed = False
        self._thread: threading.Thread | None = None  # started by the first request

    async def code(self, items: Sequence[Article | Rejection]) -> list[CodedArticle]:
        """The coded articles, in order, once every one has had its turn (rejections pass through)."""
        return await asyncio.wrap_future(self.submit(items))

    def submit(self, items: Sequence[Article | Rejection]) -> concurrent.futures.Future[list[CodedArticle]]:
        """Queue a request's articles; the future holds their coded records."""
        job = _Job(items=list(items), done=concurrent.futures.Future())
        with self._ready:
            if self._closed:
                raise RuntimeError("the coding queue is closed")
            if not job.items:
                job.done.set_result([])
                return job.done
            self._jobs.append(job)
            self._ready.notify()
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="detente-coding", daemon=True)
                self._thread.start()
        return job.done

    def close(self) -> None:
        """Stop the coding thread after the article it is coding; requests still waiting get an error."""
        with self._ready:
            self._closed = True
            waiting = list(self._jobs)
            self._jobs.clear()
            self._ready.notify_all()
            thread = self._thread
        for job in waiting:
            job.done.set_exception(RuntimeError("the server is shutting down"))
        if thread is not None:
            thread.join(timeout=60)

    def _next(self) -> _Job | None:
        with self._ready:
            while not self._jobs and not self._closed:
                self._ready.wait()
            return None if self._closed else self._jobs.popleft()

    def _work(self) -> None:
        while (job := self._next()) is not None:
            try:
                coder = self._load_coder()
                item = job.items[len(job.results)]
                job.results.extend(coder.code([item]))
            except Exception as exc:  # noqa: BLE001 - the request gets the error (a model that will not load)
                job.done.set_exception(exc)
                continue
            if len(job.results) == len(job.items):
                job.done.set_result(job.results)
                continue
            with self._ready:
                if self._closed:
                    job.done.set_exception(RuntimeError("the server is shutting down"))
                else:
                    self._jobs.append(job)
