"""Readers: each format, folders, standard input, the registry, batches in input order."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import (
    READERS,
    ReadContext,
    article_id,
    make_article,
    read_document,
    read_inputs,
    register_reader,
)
from detente.records import Article, Rejection

LEAD = "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in weeks."
SECOND = "Turkey's President Recep Tayyip Erdogan told both delegations that a ceasefire was within reach."
STORY = f"Talks resume in Istanbul\n\n{LEAD}\n\n{SECOND}\n"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _read(*paths, **kwargs) -> list[Article | Rejection]:
    return list(read_inputs([str(path) for path in paths], **kwargs))


def _only_article(items) -> Article:
    assert len(items) == 1 and isinstance(items[0], Article), items
    return items[0]


@pytest.mark.parametrize("name", ["story.txt", "story.text", "story.md", "STORY", "Story.TXT"])
def test_plain_text(tmp_path, name):
    path = tmp_path / name
    path.write_text(STORY, encoding="utf-8")
    article = _only_article(_read(path, published=dt.date(2022, 3, 29)))
    assert article.title == "Talks resume in Istanbul"
    assert article.text == f"Talks resume in Istanbul\n\n{LEAD}\n\n{SECOND}"
    assert article.id == article_id(article.text)
    assert article.published == dt.date(2022, 3, 29)
    assert article.origin == str(path)
    assert article.language == "en"


def test_json_lines_fields_and_origins(tmp_path):
    path = tmp_path / "feed.jsonl"
    rows = [
        {
            "id": "a1",
            "title": "Talks resume",
            "text": LEAD,
            "published": "2022-03-29",
            "url": "https://example.org/a1",
            "source": "Example Wire",
        },
        {"text": SECOND, "published": "2022-03-30T08:15:00+03:00"},
        {"id": 7, "text": LEAD + " " + SECOND},
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n\n", encoding="utf-8")
    first, second, third = _read(path, published=dt.date(2022, 1, 1))
    assert (first.id, first.title, first.source) == ("a1", "Talks resume", "Example Wire")
    assert first.url == "https://example.org/a1"
    assert first.published == dt.date(2022, 3, 29)
    assert first.text == f"Talks resume\n\n{LEAD}"
    assert first.origin == f"{path}:1"
    assert second.id == article_id(SECOND) and second.published == dt.date(2022, 3, 30)
    assert second.origin == f"{path}:2"
    assert third.id == "7" and third.published == dt.date(2022, 1, 1)


def test_record_and_text_file_give_the_same_article(tmp_path):
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    record = {"title": "Talks resume in Istanbul", "text": f"{LEAD}\n\n{SECOND}"}
    (tmp_path / "b.ndjson").write_text(json.dumps(record), encoding="utf-8")
    from_text, from_record = _read(tmp_path)
    assert from_text.text == from_record.text and from_text.id == from_record.id


def test_json_object_and_list(tmp_path):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"id": "x", "text": LEAD}), encoding="utf-8")
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": LEAD}, {"title": "No text"}, {"text": SECOND}]), encoding="utf-8")
    items = _read(single, many)
    assert [type(item).__name__ for item in items] == ["Article", "Article", "Rejection", "Article"]
    assert items[0].id == "x" and items[0].origin == str(single)
    assert items[2].code == "bad_record" and "'text'" in items[2].message
    assert items[2].origin == f"{many}[1]"
    assert items[3].origin == f"{many}[2]"


def test_csv_rows_with_multiline_fields(tmp_path):
    path = tmp_path / "feed.csv"
    path.write_text(
        f'id,title,text,published\nr1,Talks resume,"{LEAD}\n\n{SECOND}",2022-03-29\nr2,,{SECOND},\n',
        encoding="utf-8-sig",
    )
    first, second = _read(path)
    assert first.id == "r1" and first.title == "Talks resume" and first.published == dt.date(2022, 3, 29)
    assert first.text == f"Talks resume\n\n{LEAD}\n\n{SECOND}"
    assert first.origin == f"{path}:2"
    assert second.id == "r2" and second.title is None and second.published is None
    assert second.origin == f"{path}:5"


def test_html_page(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Talks resume in Istanbul | Example</title>"
        '<meta property="og:title" content="Talks resume in Istanbul">'
        '<meta property="og:site_name" content="Example News"></head><body>'
        '<nav><a href="/">Home</a> <a href="/world">World</a></nav>'
        f"<article><h1>Talks resume in Istanbul</h1><p>{LEAD}</p><p>{SECOND}</p>"
        "<script>track('view');</script></article><footer>Share this article</footer></body></html>",
        encoding="utf-8",
    )
    article = _only_article(_read(path))
    assert article.title == "Talks resume in Istanbul"
    assert article.text == f"Talks resume in Istanbul\n\n{LEAD}\n\n{SECOND}"
    assert article.source == "Example News"
    assert "track(" not in article.text and "Home" not in article.text


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(f"{SECOND}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"{LEAD}\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c", "text": LEAD}), encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    origins = [item.origin for item in _read(tmp_path)]
    assert origins == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt"), f"{tmp_path / 'c.jsonl'}:1"]


def test_unknown_suffix_named_explicitly_is_unsupported(tmp_path):
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.4")
    (rejection,) = _read(path)
    assert rejection.code == "unsupported" and "'.pdf'" in rejection.message and rejection.origin == str(path)


def test_stdin_plain_text_bytes():
    stdin = io.BytesIO(STORY.encode("utf-8"))
    article = _only_article(_read("-", stdin=stdin))
    assert article.origin == "<stdin>" and article.title == "Talks resume in Istanbul"
    assert not stdin.closed  # the caller's stream is left open


def test_stdin_text_stream():
    article = _only_article(_read("-", stdin=io.StringIO(STORY)))
    assert article.text.endswith(SECOND)


def test_stdin_json_lines_and_json_are_sniffed():
    lines = "\n".join(json.dumps({"id": str(n), "text": LEAD}) for n in range(3))
    items = _read("-", stdin=io.BytesIO(lines.encode()))
    assert [item.origin for item in items] == ["<stdin>:1", "<stdin>:2", "<stdin>:3"]
    pretty = json.dumps({"id": "p", "text": LEAD}, indent=2)
    assert _only_article(_read("-", stdin=io.BytesIO(pretty.encode()))).id == "p"


def test_register_reader_in_an_own_registry(tmp_path):
    def read_upper(stream, context):
        yield make_article(stream.read().decode().upper(), origin=context.origin)

    registry = READERS.copy()
    register_reader(["xyz"], read_upper, registry=registry)
    path = tmp_path / "story.xyz"
    path.write_text(LEAD, encoding="utf-8")
    assert _only_article(_read(path, readers=registry)).text == LEAD.upper()
    assert _read(path)[0].code == "unsupported"  # the default registry is unchanged


def test_read_document_checks_size_before_reading():
    class Unreadable(io.BytesIO):
        def read(self, *args):  # pragma: no cover - must not be called
            raise AssertionError("read before the size check")

    with pytest.raises(InputError) as caught:
        read_document(Unreadable(), ReadContext(origin="x", max_bytes=10, size=11))
    assert caught.value.code == "too_large"


def test_batch_keeps_input_order(tmp_path):
    good = []
    for name in ("1.txt", "2.txt", "3.txt"):
        good.append(tmp_path / name)
        good[-1].write_text(f"{LEAD} ({name})\n", encoding="utf-8")
    items = _read(good[0], tmp_path / "missing.txt", good[1], "-", good[2], stdin=io.BytesIO(b""))
    assert [item.origin for item in items] == [
        str(good[0]),
        str(tmp_path / "missing.txt"),
        str(good[1]),
        "<stdin>",
        str(good[2]),
    ]


@pytest.mark.skipif(not (EXAMPLES / "articles.jsonl").exists(), reason="examples/ not present")
def test_examples_folder_reads_cleanly():
    items = _read(EXAMPLES, published=dt.date(2024, 1, 1))
    assert all(isinstance(item, Article) for item in items), [i for i in items if isinstance(i, Rejection)]
    assert len(items) == 9
    assert all(item.title and len(item.paragraphs) >= 2 for item in items)
    assert not any("Read more" in item.text or "Share this" in item.text for item in items)
    assert [item.id for item in items[-5:]] == ["ex-001", "ex-002", "ex-003", "ex-004", "ex-005"]
