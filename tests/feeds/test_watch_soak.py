"""Soak: a couple of thousand pages through ``watch``, the watcher killed with SIGKILL at random moments and
started again; the store must end identical to one clean run, each article stored once (SQLite and
PostgreSQL). The watcher runs in its own process with the stand-in coder (tests/feeds/soak_worker.py)."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from detente.store import open_store

from ..store.pg_schemas import fresh_schema
from .news_server import NewsServer, Route, article_html, news_server, rss

ROOT = Path(__file__).resolve().parents[2]
PAGES = 1000
FEEDS = 3
KILLS = 5
SUBJECTS = ["Russia", "Ukraine", "China", "Japan", "France", "Germany", "Brazil", "India", "Kenya", "Egypt"]
VERBS = ["accused", "praised", "met", "criticized", "thanked", "warned", "visited", "sanctioned"]


def _story(number: int) -> str:
    rng = random.Random(number)
    first, second = rng.sample(SUBJECTS, 2)
    lines = [
        f"{first} {rng.choice(VERBS)} {second} on day {number} of the talks, officials said on Monday.",
        f"The ministry of {second} said story {number} would be discussed again at the next meeting.",
    ]
    return f"Report {number}: {first} and {second}\n\n" + "\n\n".join(lines)


def _site(server: NewsServer) -> list[str]:
    """FEEDS feeds over PAGES pages: plain text, one in ten HTML, one in fifty a second URL for a story."""
    server.add("/robots.txt", Route(status=404))
    items: list[list[tuple[str, str]]] = [[] for _ in range(FEEDS)]
    for number in range(PAGES):
        path = f"/p/{number:05d}"
        if number % 10 == 0:
            title, body = _story(number).split("\n\n", 1)
            server.add(path, Route(article_html(title, body.split("\n\n"))))
        else:
            server.add(path, Route(_story(number).encode(), content_type="text/plain"))
        items[number % FEEDS].append((path, f"story {number}"))
        if number % 50 == 1:
            twin = f"/syndicated/{number:05d}"
            server.add(twin, Route(_story(number).encode(), content_type="text/plain"))
            items[(number + 1) % FEEDS].append((twin, f"story {number} again"))
        if number % 97 == 0:
            items[number % FEEDS].append((f"/missing/{number}", "gone"))  # 404: a dead letter
    return [
        server.add(f"/feed{index}.xml", Route(rss(server.url, feed), content_type="application/rss+xml"))
        for index, feed in enumerate(items)
    ]


def _worker(sources: Path, location: str, log: Path, lease: float) -> subprocess.Popen:
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    command = [sys.executable, "-m", "tests.feeds.soak_worker", str(sources), location, str(log), str(lease)]
    return subprocess.Popen(command, cwd=ROOT, env=environment, stderr=subprocess.PIPE)


def _finish(process: subprocess.Popen) -> None:
    _, errors = process.communicate(timeout=900)
    assert process.returncode == 0, errors.decode(errors="replace")[-3000:]


def _end_state(location: str) -> tuple[list, list, list]:
    with open_store(location) as store:
        articles = store.rows(
            "SELECT id, url, title, text, published, source, fingerprint FROM articles ORDER BY id"
        )
        fetches = store.rows(
            "SELECT url, source_id, status, error_code, article_id FROM fetches ORDER BY url"
        )
        rejections = store.rows("SELECT code, origin FROM rejections ORDER BY origin")
    return articles, fetches, rejections


def _soak(tmp_path: Path, clean: str, killed: str, *, lease: float) -> None:
    rng = random.Random(13)
    with news_server() as server:
        feeds = _site(server)
        sources = tmp_path / "sources.toml"
        sources.write_text("".join(f'[[source]]\nfeed = "{feed}"\ninterval = 1\n\n' for feed in feeds))
        began = time.monotonic()
        _finish(_worker(sources, clean, tmp_path / "clean.log", lease))
        clean_seconds = time.monotonic() - began
        coded_log = tmp_path / "killed.log"
        for _ in range(KILLS):
            process = _worker(sources, killed, coded_log, lease)
            time.sleep(rng.uniform(0.3, max(0.6, clean_seconds * 0.4)))
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=60)
            time.sleep(lease)  # PostgreSQL: the killed watcher's claims run out
        _finish(_worker(sources, killed, coded_log, lease))
    expected, got = _end_state(clean), _end_state(killed)
    assert len(expected[0]) > PAGES * 0.95
    assert got[0] == expected[0], "the articles differ from one clean run"
    assert got[1] == expected[1], "the fetch states differ from one clean run"
    assert got[2] == expected[2]
    coded = coded_log.read_text().split()
    assert len(set(coded)) == len(expected[0])
    assert len(coded) - len(set(coded)) <= KILLS, "articles were coded again beyond one per kill"


@pytest.mark.slow
def test_soak_sqlite_survives_kill_9(tmp_path):
    _soak(tmp_path, str(tmp_path / "clean.db"), str(tmp_path / "killed.db"), lease=0.0)


@pytest.mark.slow
@pytest.mark.postgres
def test_soak_postgresql_survives_kill_9(tmp_path):
    with fresh_schema() as clean, fresh_schema() as killed:
        _soak(tmp_path, clean, killed, lease=1.0)
