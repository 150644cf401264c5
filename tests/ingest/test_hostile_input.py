"""Hostile input that once ended a whole run or gave a cut or wrong message: deeply nested JSON, malformed
JSON (the message keeps its position), symbolic link loops, and file names that are not valid UTF-8."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import read_inputs
from detente.records import Article, Rejection

STORY = (
    "Talks resume in Istanbul\n\n"
    "Russian and Ukrainian negotiators met in Istanbul on Tuesday for the first direct talks in weeks.\n"
)
#: A 2 KB line nested a thousand levels deep: json.loads alone raises RecursionError on it.
DEEP_LINE = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a": ' * 1000 + "1" + "}" * 1000


def _read(*paths: object, **kwargs: object) -> list[Article | Rejection]:
    return list(read_inputs([str(path) for path in paths], **kwargs))


def _codes(items: list[Article | Rejection]) -> list[str | None]:
    return [item.code if isinstance(item, Rejection) else None for item in items]


@pytest.mark.parametrize("deep", [DEEP_LINE, DEEP_OBJECT, '{"text": ' + DEEP_LINE + "}"])
def test_deep_jsonl_line_is_one_bad_json_rejection_and_the_rest_is_read(tmp_path, deep):
    good = json.dumps({"id": "ok-1", "text": STORY})
    path = tmp_path / "feed.jsonl"
    path.write_text(f"{good}\n{deep}\n{good.replace('ok-1', 'ok-2')}\n", encoding="utf-8")
    items = _read(path)
    assert _codes(items) == [None, "bad_json", None]
    assert [item.id for item in items if isinstance(item, Article)] == ["ok-1", "ok-2"]
    assert "nested deeper than" in items[1].message and "line 1 column" in items[1].message
    assert items[1].origin.endswith("feed.jsonl:2")


def test_deep_json_document_and_deep_stdin_are_rejections(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(DEEP_LINE, encoding="utf-8")
    assert _codes(_read(path)) == ["bad_json"]
    # standard input is sniffed by parsing its first line: that parse must not crash either
    assert _codes(_read("-", stdin=io.BytesIO(DEEP_OBJECT.encode()))) == ["bad_json"]


def test_nesting_up_to_the_cap_is_accepted_and_brackets_in_strings_do_not_count():
    from detente.ingest.jsontext import MAX_JSON_DEPTH, load_json

    nested = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert load_json(nested) is not None
    brackets = json.dumps({"text": "[[[{{{" * 500 + '\\" [[['})
    assert load_json(brackets)["text"].startswith("[[[{{{")
    with pytest.raises(InputError) as caught:
        load_json("[" + nested + "]")
    assert caught.value.code == "bad_json"


def test_bad_json_messages_keep_their_position(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b'{"text": "a\x01b"}\n{"text": "unclosed\n')
    first, second = _read(path)
    assert first.code == second.code == "bad_json"
    assert first.message.endswith("Invalid control character at line 1 column 12 (character 11)")
    assert second.message.endswith("at line 1 column 19 (character 18)")  # the newline inside the string
    document = tmp_path / "doc.json"
    document.write_text('{"text": "x",}', encoding="utf-8")
    (rejection,) = _read(document)
    assert "line 1 column 14 (character 13)" in rejection.message


def test_a_symlink_loop_is_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (given,) = _read(loop)
    assert given.code == "unreadable" and "symbolic link loop" in given.message
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(STORY, encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "b.txt")
    (folder / "c.txt").symlink_to(folder / "gone.txt")
    items = _read(folder)
    assert _codes(items) == [None, "unreadable", "not_found"]
    assert "symbolic link loop" in items[1].message
    assert "missing file" in items[2].message
    assert _read(tmp_path / "nothing.txt")[0].message == "no such file or folder"


@pytest.mark.skipif(os.uname().sysname == "Darwin", reason="macOS refuses file names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_gives_a_valid_utf8_origin(tmp_path):
    folder = Path(os.fsdecode(os.path.join(os.fsencode(tmp_path), b"caf\xff")))
    folder.mkdir()
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    (folder / "empty\udcff.txt").write_bytes(b"")
    items = _read(folder)
    assert _codes(items) == ["empty", None]
    for item in items:
        item.origin.encode("utf-8")  # no lone surrogates left
        assert "caf\ufffd" in item.origin
