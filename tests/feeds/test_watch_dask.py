"""``detente watch`` handing its coding to Dask workers (``--scheduler``): every page coded once on the
workers, the articles stored by the client (SQLite) or by the workers themselves (PostgreSQL), several
watchers on one cluster sharing the PostgreSQL queue, and the command line against a running scheduler."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

pytest.importorskip("dask.distributed")

from dask.distributed import Client  # noqa: E402

from detente import pipeline  # noqa: E402
from detente.cli import main  # noqa: E402
from detente.feeds import FetchLimits, Watcher, WatchOptions, load_sources  # noqa: E402
from detente.scale import ClusterCoder, close_worker_stores, local_cluster  # noqa: E402
from detente.settings import Settings  # noqa: E402
from detente.store import open_store  # noqa: E402

from ..store.pg_schemas import fresh_schema  # noqa: E402
from .news_server import Route, article_html, news_server, rss  # noqa: E402
from .stub_coder import StubCoder  # noqa: E402

PAGES = 40
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


class ThreadNotingCoder(StubCoder):
    """The stub coder, noting the thread each article was coded on."""

    def __init__(self) -> None:
        super().__init__()
        self.threads: list[str] = []
        self._lock = threading.Lock()

    def code(self, items):  # noqa: ANN001, ANN201
        for coded in super().code(items):
            if coded.article is not None:
                with self._lock:
                    self.threads.append(threading.current_thread().name)
            yield coded


@pytest.fixture
def stub_on_workers(monkeypatch: pytest.MonkeyPatch) -> ThreadNotingCoder:
    """Workers in this process (``processes=False``) code with a stub instead of loading the model."""
    coder = ThreadNotingCoder()
    monkeypatch.setattr(pipeline, "get_coder", lambda settings=None: coder)
    return coder


@pytest.fixture
def cluster() -> Iterator[Client]:
    local = local_cluster(2, processes=False)
    with local, Client(local) as client:
        yield client
    close_worker_stores()  # the workers' PostgreSQL connections, opened in this process


def _site(server, tmp_path: Path) -> Path:  # noqa: ANN001
    server.add("/robots.txt", Route(status=404))
    for number in range(PAGES):
        text = f"Report {number}\n\nThe ministers of Peru and Chile met on day {number} of the talks."
        server.add(f"/p/{number}", Route(text.encode(), content_type="text/plain"))
    server.add("/p/gone", Route(status=404))
    items = [(f"/p/{n}", f"report {n}") for n in range(PAGES)] + [("/p/gone", "gone")]
    feed = server.add("/rss", Route(rss(server.url, items), content_type="application/rss+xml"))
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nfeed = "{feed}"\ninterval = 3600\n')
    return sources


def _options() -> WatchOptions:
    return WatchOptions(batch=4, limits=FetchLimits(per_host_interval=0, respect_robots=False))


def _statuses(store) -> dict[str, int]:  # noqa: ANN001
    rows = store.rows("SELECT status, COUNT(*) AS n FROM fetches GROUP BY status")
    return {row["status"]: int(row["n"]) for row in rows}


def test_watch_codes_on_the_workers_and_the_client_writes_sqlite(tmp_path, stub_on_workers, cluster):
    with news_server() as server:
        sources = load_sources(_site(server, tmp_path))
        with open_store(str(tmp_path / "events.db")) as store:
            coder = ClusterCoder(cluster, Settings())
            assert coder.workers == 2 and coder.db is None
            watcher = Watcher(store, sources, settings=Settings(), options=_options(), cluster=coder)
            stats = watcher.run(stop=threading.Event(), once=True)
            watcher.close()
            assert store.count_articles() == PAGES
            assert _statuses(store) == {"done": PAGES, "dead": 1}
    assert stats.stored == PAGES and stats.dead == 1
    coded = stub_on_workers.coded
    assert len(coded) == len(set(coded)) == PAGES, "a page was coded twice, or not at all"
    # coded on the workers' task threads, never in the watcher's
    assert stub_on_workers.threads and threading.current_thread().name not in stub_on_workers.threads


@pytest.mark.postgres
def test_watchers_on_one_cluster_share_the_postgresql_queue_and_workers_write(
    tmp_path, stub_on_workers, cluster
):
    with news_server() as server, fresh_schema() as url:
        sources_file = _site(server, tmp_path)
        with open_store(url) as store:  # queue the pages once, before the watchers start
            (source,) = load_sources(sources_file)
            poller = Watcher(store, [source], settings=Settings(), coder=StubCoder())
            assert poller.poll(source) == PAGES + 1
            poller.close()
        errors: list[BaseException] = []
        written_here: list[int] = []

        def watch() -> None:
            try:
                with open_store(url) as store:
                    coder = ClusterCoder(cluster, Settings(), db=url)
                    watcher = Watcher(store, [], settings=Settings(), options=_options(), cluster=coder)
                    store.write_batch = lambda coded: written_here.append(len(coded))  # the client must not
                    watcher.run(stop=threading.Event(), once=True)
                    watcher.close()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=watch) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not errors, errors
        assert written_here == [], "a watcher wrote articles itself"
        with open_store(url) as store:
            assert store.count_articles() == PAGES
            assert _statuses(store) == {"done": PAGES, "dead": 1}
            dead = store.rows("SELECT attempts FROM fetches WHERE status = 'dead'")
    assert [row["attempts"] for row in dead] == [1]
    coded = stub_on_workers.coded
    assert len(coded) == len(set(coded)) == PAGES, "a page was coded twice, or not at all"


def _example(name: str) -> tuple[str, list[str]]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    title, *paragraphs = [part for part in text.split("\n\n") if part.strip()]
    return title.strip(), [paragraph.strip() for paragraph in paragraphs]


@pytest.mark.slow
def test_watch_command_with_a_scheduler_codes_what_it_codes_alone(tmp_path):
    """The real model: ``watch --scheduler ADDRESS`` stores the same events as ``watch`` in-process."""
    local = local_cluster(1, processes=False)
    events = {}
    with local, news_server() as server:
        server.add("/robots.txt", Route(status=404))
        items = []
        for number, name in enumerate(["01_minister_visit.txt", "02_border_clash.txt"]):
            title, paragraphs = _example(name)
            server.add(f"/news/{number}", Route(article_html(title, paragraphs)))
            items.append((f"/news/{number}", title))
        feed = server.add("/world.xml", Route(rss(server.url, items), content_type="application/rss+xml"))
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nfeed = "{feed}"\ninterval = "10m"\n')
        for name, extra in (("alone", []), ("cluster", ["--scheduler", local.scheduler_address])):
            db = tmp_path / f"{name}.db"
            args = ["watch", str(sources), "--db", str(db), "--once", "--log-json", "--host-interval", "0"]
            result = CliRunner().invoke(main, args + extra)
            assert result.exit_code == 0, result.output
            assert json.loads(result.stderr.splitlines()[-1])["stored"] == 2
            with sqlite3.connect(db) as connection:
                events[name] = sorted(connection.execute("SELECT id, cameo FROM events").fetchall())
    assert events["cluster"] == events["alone"] and len(events["alone"]) >= 2


def test_watch_command_with_an_unreachable_scheduler_says_so(tmp_path):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[[source]]\nfolder = "{tmp_path}"\ninterval = 60\n')
    args = ["watch", str(sources), "--db", str(tmp_path / "e.db"), "--once", "--scheduler", "tcp://127.0.0.1:9"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 3, result.output
    assert "cannot reach the Dask scheduler at 'tcp://127.0.0.1:9'" in result.stderr
