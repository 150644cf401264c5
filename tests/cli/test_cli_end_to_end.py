"""The ``detente`` command end to end, as a user runs it: ``code``, ``ingest`` and ``events`` on the examples.

Most tests run the click command in-process (the model loads once per test session); a few run the installed
console script to check what only a real process shows (standard streams, the progress bar, stdin).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from detente.cli import main
from detente.errors import REJECTION_CODES
from detente.ingest import read_inputs
from detente.records import STATUSES, Article

pytestmark = pytest.mark.slow

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = "2023-06-14"
SCRIPT = Path(sys.executable).with_name("detente")

TOP_KEYS = {"article", "events", "quotes", "times", "error"}
ARTICLE_KEYS = {"id", "title", "published", "url", "source"}
EVENT_KEYS = {"id", "source", "target", "reciprocal", "cameo", "cameo_label", "goldstein", "quad_class",
              "plover", "plover_mode", "status", "date", "date_text", "date_precision", "date_source",
              "location", "mentions", "confidence", "evidence"}
EVIDENCE_KEYS = {"sentence", "start", "end", "trigger", "rule"}
ACTOR_KEYS = {"text", "name", "code", "country", "sector", "country_source", "start", "end"}
SUMMARY = re.compile(r"^(\d+) articles \((\d+) new or changed, (\d+) unchanged\), (\d+) events written to ")


def _invoke(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), input=input, env=env, catch_exceptions=False)


def _columns(line: str) -> int:
    """Terminal columns a line takes (wide East Asian characters take two, combining marks none)."""
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line
    )


def _summary(stdout: str) -> tuple[int, int, int, int]:
    match = SUMMARY.match(stdout)
    assert match, stdout
    return tuple(int(group) for group in match.groups())  # type: ignore[return-value]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = list(read_inputs([EXAMPLES], published=dt.date.fromisoformat(DATE)))
    assert items and all(isinstance(item, Article) for item in items)
    return items


@pytest.fixture(scope="module")
def records() -> list[dict]:
    result = _invoke("code", str(EXAMPLES), "--date", DATE, "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    return [json.loads(line) for line in result.stdout.splitlines()]


# -- code --format json --------------------------------------------------------------------------------------
def test_one_json_object_per_article_in_input_order(records, articles):
    assert [record["article"]["id"] for record in records] == [article.id for article in articles]
    for record in records:
        assert set(record) == TOP_KEYS
        assert set(record["article"]) == ARTICLE_KEYS
        assert record["error"] is None
        assert isinstance(record["quotes"], list) and isinstance(record["times"], list)


def test_date_applies_only_to_articles_without_their_own(records, articles):
    for record, article in zip(records, articles, strict=True):
        assert record["article"]["published"] == article.published.isoformat()
    from_files = [r for r in records if not r["article"]["id"].startswith("ex-")]
    assert from_files and {r["article"]["published"] for r in from_files} == {DATE}
    assert any(r["article"]["published"] != DATE for r in records), "JSONL rows carry their own dates"


def test_events_have_the_documented_shape(records):
    events = [event for record in records for event in record["events"]]
    assert len(events) >= len(records), "the examples are written to yield events"
    for event in events:
        assert set(event) == EVENT_KEYS
        assert set(event["evidence"]) >= EVIDENCE_KEYS
        assert re.fullmatch(r"\d{3,4}", event["cameo"]) and event["cameo_label"]
        assert isinstance(event["goldstein"], float) and -10 <= event["goldstein"] <= 10
        assert event["quad_class"] in (1, 2, 3, 4)
        assert event["status"] in STATUSES
        assert isinstance(event["reciprocal"], bool)
        assert isinstance(event["mentions"], int) and event["mentions"] >= 1
        assert isinstance(event["confidence"], float) and 0 <= event["confidence"] <= 1
        assert event["source"] or event["target"]
        for side in (event["source"], event["target"]):
            assert side is None or set(side) == ACTOR_KEYS


def test_event_ids_are_unique_within_an_article(records):
    for record in records:
        ids = [event["id"] for event in record["events"]]
        assert len(ids) == len(set(ids))


def test_offsets_point_into_the_article_text(records, articles):
    for record, article in zip(records, articles, strict=True):
        text = article.text
        for event in record["events"]:
            evidence = event["evidence"]
            assert text[evidence["start"] : evidence["end"]].strip() == evidence["sentence"]
            assert text[evidence["trigger_start"] : evidence["trigger_end"]] == evidence["trigger"]
            for side in (event["source"], event["target"]):
                if side is not None:
                    assert text[side["start"] : side["end"]] == side["text"]


def test_cli_prints_what_the_library_codes(records, articles):
    from detente.pipeline import get_coder

    coded = [c.to_dict() for c in get_coder().code(articles)]
    assert json.loads(json.dumps(coded)) == records


def test_stdin_plain_text():
    text = "Russia accused Ukraine on Monday of shelling the nuclear plant, the ministry in Moscow said.\n"
    result = _invoke("code", "-", "--date", DATE, input=text)
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["published"] == DATE
    codes = {(e["source"]["country"] if e["source"] else None, e["cameo"][:2]) for e in record["events"]}
    assert ("RUS", "11") in codes


def test_stdin_json_lines_keep_their_order():
    rows = [
        {"id": f"row-{n}", "text": f"Japan and South Korea agreed on talk round {n} in Seoul on Friday."}
        for n in range(3)
    ]
    result = _invoke("code", "-", input="\n".join(json.dumps(row) for row in rows) + "\n")
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    assert ids == ["row-0", "row-1", "row-2"]


def test_files_and_stdin_mixed_in_argument_order():
    first, second = sorted(EXAMPLES.glob("*.txt"))[:2]
    text = "Germany's chancellor met France's president in Paris on Monday to discuss the war in Ukraine.\n"
    result = _invoke("code", str(first), "-", str(second), input=text)
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.splitlines()]
    (first_id,) = [item.id for item in read_inputs([first])]
    (second_id,) = [item.id for item in read_inputs([second])]
    assert len(ids) == 3 and (ids[0], ids[2]) == (first_id, second_id)
    assert ids[1] not in (first_id, second_id)


# -- code --format table -------------------------------------------------------------------------------------
@pytest.mark.parametrize("columns", [80, 40])
def test_table_lines_fit_the_terminal(columns, articles):
    result = _invoke(
        "code",
        str(EXAMPLES),
        str(EXAMPLES / "missing.txt"),
        "--format",
        "table",
        env={"COLUMNS": str(columns)},
    )
    assert result.exit_code == 1  # the missing path
    lines = result.stdout.splitlines()
    assert max(_columns(line) for line in lines) <= columns
    headers = [line for line in lines if line.startswith(("■", "✗"))]
    assert len(headers) == len(articles) + 1
    assert headers[-1].startswith("✗") and "not_found" in headers[-1]


def test_table_counts_wide_characters_and_keeps_one_line_per_row(tmp_path):
    article = tmp_path / "wide.txt"
    article.write_text(
        "Qin meets Blinken\n\nChinese Foreign Minister Qin Gang (秦刚) met US Secretary of State "
        "Antony Blinken in Beijing on Sunday,\tthe foreign ministry (中华人民共和国外交部) said of "
        "the talks (会谈, 会谈, 会谈).\n",
        encoding="utf-8",
    )
    result = _invoke("code", str(article), "--format", "table", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any("秦" in line for line in lines), lines
    assert max(_columns(line) for line in lines) <= 80
    assert not any("\t" in line for line in lines)


# -- ingest and events ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    """The examples ingested twice into one store: db path, both runs, table dumps after each run."""
    db = tmp_path_factory.mktemp("store") / "events.db"
    first = _invoke("ingest", str(EXAMPLES), "--db", str(db), "--quiet")
    after_first = _dump(db)
    second = _invoke("ingest", str(EXAMPLES), "--db", str(db), "--quiet")
    return db, first, second, after_first, _dump(db)


def _dump(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            for table in ("articles", "events", "mentions", "rejections")
        }


def _stored_events(db: Path) -> list[dict]:
    columns = "id, source_code, source_country, target_code, target_country, cameo, status"
    with sqlite3.connect(db) as connection:
        rows = connection.execute(f"SELECT {columns} FROM events").fetchall()
    names = [name.strip() for name in columns.split(",")]
    return [dict(zip(names, row, strict=True)) for row in rows]


def test_ingest_exits_0_and_summarises(ingested, articles):
    db, first, _, after_first, _ = ingested
    assert first.exit_code == 0, first.output
    assert first.stderr == "", "--quiet silences the progress bar"
    total, written, unchanged, events = _summary(first.stdout)
    assert (total, written, unchanged) == (len(articles), len(articles), 0)
    assert events == len(after_first["events"]) > 0
    assert len(after_first["articles"]) == len(articles)
    assert str(db) in first.stdout


def test_second_ingest_writes_nothing(ingested, articles):
    _, _, second, after_first, after_second = ingested
    assert second.exit_code == 0, second.output
    assert _summary(second.stdout) == (len(articles), 0, len(articles), 0)
    assert after_second == after_first


def _events_json(db: Path, *filters: str) -> list[dict]:
    result = _invoke("events", "--db", str(db), "--format", "json", "--limit", "10000", *filters)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def _matches(code: str | None, country: str | None, wanted: str) -> bool:
    return country == wanted or (code or "").startswith(wanted)


def test_events_without_filters_lists_everything(ingested):
    db = ingested[0]
    rows = _events_json(db)
    assert sorted(row["id"] for row in rows) == sorted(event["id"] for event in _stored_events(db))
    for row in rows:
        assert set(row) >= EVENT_KEYS and row["article_id"]


def test_events_dyad(ingested):
    db = ingested[0]
    stored = _stored_events(db)
    pair = next(
        (e["source_country"], e["target_country"])
        for e in stored
        if e["source_country"] and e["target_country"] and e["source_country"] != e["target_country"]
    )
    first, second = pair
    expected = {
        e["id"]
        for e in stored
        if (
            _matches(e["source_code"], e["source_country"], first)
            and _matches(e["target_code"], e["target_country"], second)
        )
        or (
            _matches(e["source_code"], e["source_country"], second)
            and _matches(e["target_code"], e["target_country"], first)
        )
    }
    assert expected
    assert {row["id"] for row in _events_json(db, "--dyad", f"{first}-{second}")} == expected
    assert {row["id"] for row in _events_json(db, "--dyad", f"{second.lower()}-{first}")} == expected


def test_events_root(ingested):
    db = ingested[0]
    expected = {e["id"] for e in _stored_events(db) if e["cameo"].startswith("04")}
    assert expected, "the examples have meetings and visits"
    rows = _events_json(db, "--root", "04")
    assert {row["id"] for row in rows} == expected
    assert all(row["cameo"].startswith("04") for row in rows)


def test_events_country(ingested):
    db = ingested[0]
    stored = _stored_events(db)
    for country in sorted({e["source_country"] for e in stored if e["source_country"]})[:3]:
        expected = {e["id"] for e in stored if country in (e["source_country"], e["target_country"])}
        assert {row["id"] for row in _events_json(db, "--country", country)} == expected


def test_events_filters_combine(ingested):
    db = ingested[0]
    stored = _stored_events(db)
    status = stored[0]["status"]
    expected = {e["id"] for e in stored if e["cameo"].startswith("04") and e["status"] == status}
    assert {row["id"] for row in _events_json(db, "--root", "04", "--status", status)} == expected


def test_events_table_and_limit(ingested):
    db = ingested[0]
    result = _invoke("events", "--db", str(db), "--limit", "3", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert max(_columns(line) for line in lines) <= 80
    assert result.stderr.strip() == "3 event(s)"


def test_events_with_no_match_is_empty_not_an_error(ingested):
    result = _invoke("events", "--db", str(ingested[0]), "--dyad", "ATA-ATA", "--format", "json")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


# -- the installed console script ---------------------------------------------------------------------------
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="the detente script is not installed")


@needs_script
def test_script_progress_bar_goes_to_stderr_and_quiet_silences_it(tmp_path, articles):
    db = tmp_path / "events.db"
    loud = subprocess.run(
        [str(SCRIPT), "ingest", str(EXAMPLES), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert loud.returncode == 0, loud.stderr
    assert "coding" in loud.stderr and f"{len(articles)}" in loud.stderr
    assert _summary(loud.stdout)[:2] == (len(articles), len(articles))
    assert loud.stdout.count("\n") == 1 and "coding" not in loud.stdout
    quiet = subprocess.run(
        [str(SCRIPT), "ingest", str(EXAMPLES), "--db", str(db), "--quiet"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert quiet.returncode == 0, quiet.stderr
    assert quiet.stderr == ""
    assert _summary(quiet.stdout) == (len(articles), 0, len(articles), 0)


@needs_script
def test_script_code_reads_stdin_and_keeps_stdout_clean(tmp_path):
    text = "NATO allies condemned Russia on Tuesday over the missile strike on Kyiv.\n"
    result = subprocess.run(
        [str(SCRIPT), "code", "-", "--date", DATE, "--format", "json"],
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(record) == TOP_KEYS and record["error"] is None
    assert record["article"]["published"] == DATE


def test_rejection_codes_are_the_documented_ones():
    readme = (EXAMPLES.parent / "README.md").read_text(encoding="utf-8")
    for code in REJECTION_CODES:
        assert f"`{code}`" in readme
