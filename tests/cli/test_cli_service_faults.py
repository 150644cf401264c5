"""Faults that once ended or spoiled a whole run of ``detente``: a JSON line nested a thousand levels deep
among good lines, a store that fails mid-run (disk full), and a file name that is not valid UTF-8."""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.store import register_backend
from detente.store.sqlite import open_sqlite

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SCRIPT = Path(sys.executable).with_name("detente")
_SCHEMES = itertools.count()


def _invoke(*args: str):  # noqa: ANN202
    return CliRunner().invoke(main, list(args), prog_name="detente", catch_exceptions=False)


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as connection:
        return connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_deeply_nested_line_is_rejected_and_the_rest_of_the_batch_is_stored(tmp_path):
    feed = tmp_path / "feed.jsonl"
    good = (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8")
    feed.write_text(good + "[" * 1000 + "]" * 1000 + "\n", encoding="utf-8")
    db = tmp_path / "events.db"
    result = _invoke("ingest", str(feed), "--db", str(db), "--quiet")
    assert result.exit_code == 1, result.output
    assert "bad_json: 1" in result.stderr
    assert _count(db, "articles") == len(good.splitlines())
    with sqlite3.connect(db) as connection:
        (message,) = connection.execute("SELECT message FROM rejections").fetchone()
    assert "nested deeper than" in message


def _full_disk_backend(pages_left: int) -> str:
    """A URL scheme whose stores are SQLite files that run out of room after ``pages_left`` more pages."""

    def open_full(location: str) -> object:
        store = open_sqlite(location.split("://", 1)[1])
        connection = store._connection  # noqa: SLF001 - the test reaches past the store to limit its file
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + pages_left}")
        return store

    scheme = f"fulldisk{next(_SCHEMES)}"
    register_backend(scheme, open_full)
    return scheme


def test_a_store_failure_stops_the_run_at_once_with_exit_3(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    texts = [line for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines() if line]
    records = [json.loads(line) for line in texts]
    for copy in range(40):  # enough articles that the store fills up long before the end
        with (folder / f"batch{copy:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for record in records:
                handle.write(json.dumps({**record, "id": f"{record.get('id', 'x')}-{copy}"}) + "\n")
    db = tmp_path / "events.db"
    scheme = _full_disk_backend(pages_left=3)
    result = _invoke("ingest", str(folder), "--db", f"{scheme}://{db}", "--quiet")
    assert result.exit_code == 3, result.output
    assert "database or disk is full" in result.stderr
    assert "stopped" in result.stderr and "rejected 0" not in result.stderr
    assert result.stderr.count("failed:") <= 16, "it went on writing after the store failed"
    stored = _count(db, "articles")
    assert 0 < stored < 40 * len(records)


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses file names that are not UTF-8")
def test_output_is_valid_utf8_for_a_file_name_that_is_not(tmp_path):
    folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xff")))
    folder.mkdir()
    (folder / "story.txt").write_text((EXAMPLES / "01_minister_visit.txt").read_text(encoding="utf-8"))
    (folder / "empty.txt").write_bytes(b"")
    environment = {**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape", "LC_ALL": "C.UTF-8"}
    result = subprocess.run(
        [str(SCRIPT), "code", os.fsdecode(folder)], capture_output=True, env=environment, timeout=600
    )
    assert result.returncode == 1, result.stderr
    lines = result.stdout.decode("utf-8").splitlines()  # strict: raises on a byte that is not UTF-8
    records = [json.loads(line) for line in lines]
    assert [record["error"]["code"] if record["error"] else None for record in records] == ["empty", None]
    assert "caf\ufffd" in records[0]["error"]["origin"]
    result.stderr.decode("utf-8")
