"""Several watchers on one PostgreSQL queue: each page is claimed by one of them (FOR UPDATE SKIP LOCKED), so
every page is fetched and coded exactly once between them."""

from __future__ import annotations

import threading

import pytest

from detente.feeds import FetchLimits, Watcher, WatchOptions, load_sources
from detente.settings import Settings
from detente.store import open_store

from ..store.pg_schemas import fresh_schema
from .news_server import Route, news_server, rss
from .stub_coder import StubCoder

PAGES = 240


@pytest.mark.postgres
def test_three_watchers_share_one_queue(tmp_path):
    with news_server() as server, fresh_schema() as url:
        server.add("/robots.txt", Route(status=404))
        for number in range(PAGES):
            text = f"Report {number}\n\nThe ministers of Peru and Chile met on day {number} of the talks."
            server.add(f"/p/{number}", Route(text.encode(), content_type="text/plain", delay=0.01))
        feed = server.add("/rss", Route(rss(server.url, [(f"/p/{n}", f"report {n}") for n in range(PAGES)])))
        sources_file = tmp_path / "sources.toml"
        sources_file.write_text(f'[[source]]\nfeed = "{feed}"\ninterval = 3600\n')
        with open_store(url) as store:  # queue the pages once, before the watchers start
            (source,) = load_sources(sources_file)
            poller = Watcher(store, [source], settings=Settings(), coder=StubCoder())
            assert poller.poll(source) == PAGES
            poller.close()
        coders = [StubCoder() for _ in range(3)]
        errors: list[BaseException] = []

        def watch(coder: StubCoder) -> None:
            options = WatchOptions(batch=4, limits=FetchLimits(per_host_interval=0, respect_robots=False))
            try:
                with open_store(url) as store:
                    watcher = Watcher(store, [], settings=Settings(), options=options, coder=coder)
                    watcher.run(stop=threading.Event(), once=True)
                    watcher.close()
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        threads = [threading.Thread(target=watch, args=(coder,)) for coder in coders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=300)
        assert not errors, errors
        coded = [article_id for coder in coders for article_id in coder.coded]
        assert len(coded) == len(set(coded)) == PAGES, "a page was coded twice, or not at all"
        assert sum(1 for coder in coders if coder.coded) >= 2, "one watcher did everything"
        with open_store(url) as store:
            statuses = store.rows("SELECT status, COUNT(*) AS n FROM fetches GROUP BY status")
        assert {row["status"]: row["n"] for row in statuses} == {"done": PAGES}
