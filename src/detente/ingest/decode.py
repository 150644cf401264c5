"""Bytes to text: binary detection and encoding guessing (UTF-8, UTF-16/32 with BOM, UTF-16 without BOM
when every other byte is NUL, then Windows-1252).

Windows-1252 is tried last and only when the bytes look like text in it: few non-ASCII bytes, each
decoding to a letter or common punctuation, never in long runs. Anything else is an ``encoding`` error.
"""

from __future__ import annotations

import codecs
import unicodedata

from ..errors import InputError

__all__ = ["decode_bytes", "check_not_binary"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAX_CONTROL_SHARE = 0.10
_MAX_HIGH_BYTE_SHARE = 0.20
_MAX_HIGH_RUN = 3
_CP1252_PUNCTUATION = frozenset("€‚„…†‡ˆ‰‹‘’“”•–—˜™›¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿×÷\xa0")
_ALLOWED_CONTROLS = frozenset("\n\r\t\f\v")


def decode_bytes(data: bytes) -> str:
    """Decode ``data`` as text, or raise :class:`InputError` (``binary`` or ``encoding``)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError("encoding", f"starts with a {encoding} byte-order mark but {exc}") from None
            check_not_binary(text)
            return text.lstrip("\ufeff")
    if b"\x00" in data:
        text = _decode_utf16_without_bom(data)
        if text is None:
            raise InputError("binary", "contains NUL bytes: not a text file")
        check_not_binary(text)
        return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = _decode_cp1252(data, exc)
    check_not_binary(text)
    return text


def check_not_binary(text: str) -> None:
    """Raise ``binary`` when ``text`` has NUL characters or more than 10% control characters."""
    if "\x00" in text:
        raise InputError("binary", "contains NUL characters: not text")
    if not text:
        return
    controls = sum(1 for char in text if char not in _ALLOWED_CONTROLS and unicodedata.category(char) == "Cc")
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError("binary", f"{controls} of {len(text)} characters are control characters: not text")


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark: every other byte of mostly-ASCII text is NUL, on one side."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0) / (len(sample) // 2)
    odd_nul = sample[1::2].count(0) / (len(sample) // 2)
    if odd_nul > 0.7 and even_nul < 0.1:
        encoding = "utf-16-le"
    elif even_nul > 0.7 and odd_nul < 0.1:
        encoding = "utf-16-be"
    else:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _decode_cp1252(data: bytes, utf8_error: UnicodeDecodeError) -> str:
    where = f"invalid UTF-8 at byte {utf8_error.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise InputError("encoding", f"{where}, and not Windows-1252 either") from None
    if not _plausible_cp1252(data, text):
        raise InputError("encoding", f"{where}, and the bytes do not look like Windows-1252 text")
    return text


def _plausible_cp1252(data: bytes, text: str) -> bool:
    high = sum(1 for byte in data if byte >= 0x80)
    if high > _MAX_HIGH_BYTE_SHARE * len(data):
        return False
    run = 0
    for char in text:
        if ord(char) < 0x80:
            run = 0
            continue
        run += 1
        if run > _MAX_HIGH_RUN or not (char.isalpha() or char in _CP1252_PUNCTUATION):
            return False
    return True
