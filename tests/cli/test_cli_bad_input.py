"""Bad input, hostile input and bad arguments through the ``detente`` command.

A folder mixing good articles with unusable files still gives one record per item, in order; rejections
are counted on stderr and make the exit status 1. ``ingest`` stores the good ones, records the rejections
and duplicates nothing when run again. Bad arguments exit 2, an unusable store exits 3.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import REJECTION_CODES
from detente.ingest import read_inputs
from detente.records import Article

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
GOOD = (EXAMPLES / "01_minister_visit.txt").read_text(encoding="utf-8")
WINDOWS = (EXAMPLES / "02_border_clash.txt").read_text(encoding="utf-8")
LEGACY = (
    "Café diplomacy in Zürich\n\n"
    "ZURICH, May 3 - Swiss Foreign Minister Ignazio Cassis met his Austrian counterpart in Zürich on Monday "
    "and said both countries would “work closely” on energy security — a pledge worth €2 billion.\n"
)
FRENCH = (
    "Le ministre des Affaires étrangères a rencontré son homologue allemand à Paris mardi pour discuter "
    "de la guerre en Ukraine et des sanctions contre la Russie. Les deux pays ont convenu de renforcer leur "
    "coopération.\n"
)
SCRIPT = "<script>alert(1)</script>"
DROP = "'; DROP TABLE events; --"
HOSTILE = (
    f"Hackers post {SCRIPT} on ministry site\n\n"
    f"A message reading {DROP} appeared on the website of the Estonian foreign ministry on Monday, "
    f"next to the text {SCRIPT}, officials said.\n\n"
    "Estonia accused Russia on Tuesday of carrying out the attack on the ministry's website.\n"
)
JSONL = (
    json.dumps({"id": "feed-1", "text": "Russia accused Ukraine on Monday of shelling the nuclear plant."})
    + "\n"
    + '{"id": "feed-2", "text": "The foreign minister said that the talks\n'  # cut off mid-string
)
NAV_HTML = (
    "<!doctype html><html><head><title>World News</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/login'>Log in</a></nav>"
    "<footer>© 2024</footer></body></html>"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256))

#: (file name, content, what each item in it should become: None for an article, else a rejection code)
FOLDER = [
    ("a_good.txt", GOOD.encode("utf-8"), [None]),
    ("b_empty.txt", b"", ["empty"]),
    ("c_photo.txt", PNG, ["binary"]),
    ("d_saved_as_unicode.txt", WINDOWS.encode("utf-16"), [None]),  # Notepad's "Unicode": UTF-16 with BOM
    ("e_legacy.txt", LEGACY.encode("cp1252"), [None]),
    ("f_french.txt", FRENCH.encode("utf-8"), ["not_english"]),
    ("g_feed.jsonl", JSONL.encode("utf-8"), [None, "bad_json"]),
    ("h_navigation.html", NAV_HTML.encode("utf-8"), ["no_body"]),
    ("i_hostile.txt", HOSTILE.encode("utf-8"), [None]),
]
REJECTED_LINE = re.compile(r"^rejected (\d+) input\(s\) \((.*)\)$", re.MULTILINE)
SUMMARY = re.compile(r"^(\d+) articles \((\d+) new or changed, (\d+) unchanged\), (\d+) events written to ")


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args), prog_name="detente", catch_exceptions=False)


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory) -> tuple[list[str], list[tuple[str, str | None]]]:
    """The CLI arguments and, per expected output item, its origin and rejection code (None: an article)."""
    root = tmp_path_factory.mktemp("inputs")
    folder = root / "news"
    folder.mkdir()
    expected: list[tuple[str, str | None]] = []
    for name, content, outcomes in FOLDER:
        path = folder / name
        path.write_bytes(content)
        for line, code in enumerate(outcomes, start=1):
            expected.append((f"{path}:{line}" if name.endswith(".jsonl") else str(path), code))
    (folder / ".hidden.txt").write_text(GOOD, encoding="utf-8")  # skipped: hidden
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n")  # skipped inside a folder: no reader
    report = root / "report.pdf"
    report.write_bytes(b"%PDF-1.7\n")  # named explicitly: rejected
    missing = root / "no_such_file.txt"
    expected += [(str(report), "unsupported"), (str(missing), "not_found")]
    return [str(folder), str(report), str(missing)], expected


def _rejection_counts(stderr: str) -> Counter[str]:
    match = REJECTED_LINE.search(stderr)
    assert match, stderr
    counts = Counter({code: int(n) for code, n in (part.split(": ") for part in match[2].split(", "))})
    assert sum(counts.values()) == int(match[1])
    return counts


# -- code ----------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_code_prints_one_record_per_item_in_order(bad_inputs):
    args, expected = bad_inputs
    result = _invoke("code", *args, "--date", "2024-03-01")
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(expected)
    for record, (origin, code) in zip(records, expected, strict=True):
        if code is None:
            assert record["error"] is None, (origin, record["error"])
            assert record["article"]["id"] and record["article"]["published"] == "2024-03-01"
        else:
            error = record["error"]
            assert error is not None, f"{origin} should be rejected as {code}"
            assert set(error) == {"code", "message", "origin"}
            assert (error["code"], error["origin"]) == (code, origin)
            assert error["code"] in REJECTION_CODES and len(error["message"]) > 10
            assert record["events"] == []


@pytest.mark.slow
def test_code_summarises_rejections_by_code_on_stderr(bad_inputs):
    args, expected = bad_inputs
    result = _invoke("code", *args)
    assert result.exit_code == 1
    assert _rejection_counts(result.stderr) == Counter(code for _, code in expected if code)
    assert "Traceback" not in result.output


@pytest.mark.slow
def test_code_of_good_input_only_exits_0(tmp_path):
    path = tmp_path / "good.txt"
    path.write_bytes(LEGACY.encode("cp1252"))
    result = _invoke("code", str(path))
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["title"] == "Café diplomacy in Zürich"


@pytest.mark.slow
def test_utf16_without_bom_is_read(tmp_path):
    path = tmp_path / "exported.txt"
    path.write_bytes(WINDOWS.encode("utf-16-le"))
    result = _invoke("code", str(path))
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["error"] is None, record["error"]


# -- ingest --------------------------------------------------------------------------------------------------
def _dump(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("articles", "events", "mentions", "rejections")
        }


@pytest.fixture(scope="module")
def ingested(bad_inputs, tmp_path_factory):
    args, _ = bad_inputs
    db = tmp_path_factory.mktemp("store") / "events.db"
    first = _invoke("ingest", *args, "--db", str(db), "--quiet")
    after_first = _dump(db)
    second = _invoke("ingest", *args, "--db", str(db), "--quiet")
    return db, first, second, after_first, _dump(db)


@pytest.mark.slow
def test_ingest_stores_the_good_and_records_the_rejections(ingested, bad_inputs):
    _, expected = bad_inputs
    db, first, _, stored, _ = ingested
    good = sum(code is None for _, code in expected)
    assert first.exit_code == 1, first.output
    match = SUMMARY.match(first.stdout)
    assert match, first.stdout
    assert (int(match[1]), int(match[2]), int(match[3])) == (good, good, 0)
    assert int(match[4]) == len(stored["events"])
    assert len(stored["articles"]) == good
    with sqlite3.connect(db) as connection:
        rows = connection.execute("SELECT origin, code FROM rejections").fetchall()
    assert sorted(rows) == sorted((origin, code) for origin, code in expected if code)
    assert _rejection_counts(first.stderr) == Counter(code for _, code in expected if code)


@pytest.mark.slow
def test_ingest_again_duplicates_nothing(ingested, bad_inputs):
    _, expected = bad_inputs
    _, _, second, after_first, after_second = ingested
    good = sum(code is None for _, code in expected)
    assert second.exit_code == 1, second.output
    match = SUMMARY.match(second.stdout)
    assert match, second.stdout
    assert (int(match[1]), int(match[2]), int(match[3]), int(match[4])) == (good, 0, good, 0)
    assert after_second == after_first


@pytest.mark.slow
def test_hostile_text_is_stored_verbatim_and_the_tables_survive(ingested, bad_inputs):
    from detente.store import open_store

    db = ingested[0]
    hostile_path = next(origin for origin, _ in bad_inputs[1] if origin.endswith("i_hostile.txt"))
    (article,) = list(read_inputs([hostile_path]))
    assert isinstance(article, Article)
    with open_store(str(db)) as store:
        stored = store.get_article(article.id)
        assert stored is not None
        assert stored["text"] == article.text
        assert SCRIPT in stored["text"] and DROP in stored["text"]
        assert stored["title"] == f"Hackers post {SCRIPT} on ministry site"
        assert store.count_events() == len(ingested[3]["events"]) > 0
    with sqlite3.connect(db) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "events", "mentions", "rejections"} <= tables
    result = _invoke("events", "--db", str(db), "--format", "json", "--limit", "10000")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == len(ingested[3]["events"])


# -- bad arguments (exit 2) ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["code", "x.txt", "--date", "2023-13-45"], "YYYY-MM-DD"),
        (["ingest", "x.txt", "--date", "2023-02-30"], "YYYY-MM-DD"),
        (["code", "x.txt", "--format", "xml"], "xml"),
        (["code"], "PATHS"),
        (["ingest", "x.txt", "--workers", "0"], "--workers"),
        (["events", "--dyad", "USA"], "USA-CHN"),
        (["events", "--dyad", "USA-"], "USA-CHN"),
        (["events", "--format", "xml"], "xml"),
        (["export", "--format", "xml"], "xml"),
        (["events", "--offset", "-1"], "--offset"),
        (["events", "--root", "4x"], "root"),
        (["events", "--status", "done"], "done"),
        (["events", "--country", " "], "country"),
        (["events", "--from", "2023-13-01"], "--from"),
        (["events", "--limit", "0"], "--limit"),
    ],
    ids=lambda value: " ".join(value) if isinstance(value, list) else None,
)
def test_bad_arguments_exit_2_with_a_clear_message(tmp_path, args, fragment):
    if args[0] == "events":
        args = [*args, "--db", str(tmp_path / "never-created.db")]
    result = _invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert "Usage: detente" in result.stderr and "Error:" in result.stderr
    assert fragment in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "never-created.db").exists()


# -- unusable store (exit 3) ---------------------------------------------------------------------------------
def test_store_in_a_missing_folder_exits_3(tmp_path):
    db = tmp_path / "no" / "such" / "folder" / "events.db"
    result = _invoke("ingest", str(EXAMPLES), "--db", str(db), "--quiet")
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and "does not exist" in result.stderr
    assert not db.parent.exists()


@pytest.mark.parametrize("command", ["ingest", "events"])
def test_store_that_is_not_a_database_exits_3(tmp_path, command):
    db = tmp_path / "notes.db"
    db.write_text("shopping list\n", encoding="utf-8")
    args = ["ingest", str(EXAMPLES), "--quiet"] if command == "ingest" else ["events"]
    result = _invoke(*args, "--db", str(db))
    assert result.exit_code == 3, result.output
    assert result.stderr.startswith("error: ") and "not an SQLite database" in result.stderr
    assert db.read_text(encoding="utf-8") == "shopping list\n"


def test_events_without_a_store_exits_3(tmp_path):
    result = _invoke("events", "--db", str(tmp_path / "missing" / "events.db"))
    assert result.exit_code == 3
    assert result.stderr.startswith("error: ") and "detente ingest" in result.stderr
