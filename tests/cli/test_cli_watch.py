"""``detente watch`` and ``detente status`` as a user runs them, with the real model: a feed on a loopback
server coded into the store, structured logs, a clean stop on SIGTERM, and the status report."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main

from ..feeds.news_server import Route, article_html, news_server, rss

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = Path(sys.executable).with_name("detente")


def _example(name: str) -> tuple[str, list[str]]:
    text = (EXAMPLES / name).read_text(encoding="utf-8")
    title, *paragraphs = [part for part in text.split("\n\n") if part.strip()]
    return title.strip(), [paragraph.strip() for paragraph in paragraphs]


def _site(server) -> str:  # noqa: ANN001
    server.add("/robots.txt", Route(status=404))
    items = []
    for number, name in enumerate(["01_minister_visit.txt", "02_border_clash.txt"]):
        title, paragraphs = _example(name)
        server.add(f"/news/{number}", Route(article_html(title, paragraphs)))
        items.append((f"/news/{number}", title))
    items.append(("/news/missing", "gone"))
    return server.add("/world.xml", Route(rss(server.url, items), content_type="application/rss+xml"))


def test_watch_once_codes_a_feed_and_status_reports_it(tmp_path):
    db = tmp_path / "events.db"
    with news_server() as server:
        feed = _site(server)
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nfeed = "{feed}"\ninterval = "10m"\noutlet = "Loopback News"\n')
        result = CliRunner().invoke(
            main, ["watch", str(sources), "--db", str(db), "--once", "--log-json", "--host-interval", "0"]
        )
    assert result.exit_code == 0, result.output
    logs = [json.loads(line) for line in result.stderr.splitlines()]
    assert logs[-1]["stored"] == 2 and logs[-1]["dead"] == 1 and logs[-1]["events"] > 0
    assert any(entry.get("code") == "http_404" for entry in logs)
    with sqlite3.connect(db) as connection:
        assert connection.execute("SELECT COUNT(*) FROM events").fetchone()[0] > 0
        sources_stored = connection.execute("SELECT DISTINCT source FROM articles").fetchall()
    assert sources_stored == [("Loopback News",)]
    status = CliRunner().invoke(main, ["status", "--db", str(db), "--format", "json"])
    assert status.exit_code == 0, status.output
    report = json.loads(status.output)
    (source,) = report["sources"]
    assert source["last_success"] and source["errors"] == 0 and source["pages"] == {"done": 2, "dead": 1}
    assert report["queue"] == {"done": 2, "dead": 1}
    assert report["dead_letters"][0]["error_code"] == "http_404"
    table = CliRunner().invoke(main, ["status", "--db", str(db)])
    assert "last success" in table.output and "dead:" in table.output


def test_watch_stops_cleanly_on_sigterm(tmp_path):
    db = tmp_path / "events.db"
    with news_server() as server:
        feed = _site(server)
        sources = tmp_path / "sources.toml"
        sources.write_text(f'[[source]]\nfeed = "{feed}"\ninterval = 1\n')
        process = subprocess.Popen(
            [str(SCRIPT), "watch", str(sources), "--db", str(db), "--host-interval", "0"],
            stderr=subprocess.PIPE, env={**os.environ},
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 300
            while time.monotonic() < deadline and _articles(db) < 2:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.5)
            polls_before = server.hits("/world.xml")
            time.sleep(2.5)  # a second poll after the interval
            assert server.hits("/world.xml") > polls_before
            process.send_signal(signal.SIGTERM)
            _, errors = process.communicate(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, errors.decode()
    assert "watch: 2 stored" in errors.decode()
    assert _articles(db) == 2


def _articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db) as connection:
            return connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # the tables are not made yet
        return 0
