"""A cheap "is this English?" check: writing systems first, then function-word counts.

Only the first ~2,000 characters are looked at. Short texts and texts made mostly of names carry too
little evidence to reject, so they pass as English; a text is rejected only when another language's
function words clearly outnumber English ones, or when most of its letters are not Latin.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from importlib import resources

from ..datafiles import data_lines, read_data_file
from ..errors import DataFileError

__all__ = ["detect_language", "function_words"]

SAMPLE_CHARS = 2_000
_MIN_EVIDENCE = 4  # fewer function-word hits than this in all languages: too little to judge
_MIN_WORDS = 12  # a shorter text (a headline, a list of names) is never rejected on function words
_MIN_FOREIGN_HITS = 3  # distinct function words of the other language
_FOREIGN_RATIO = 2.0  # the best other language must have this many times the English hits
_NON_LATIN_SHARE = 0.4
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SCRIPTS = (
    ("CJK", "zh"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("HANGUL", "ko"),
    ("CYRILLIC", "ru"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("GREEK", "el"),
    ("DEVANAGARI", "hi"),
    ("THAI", "th"),
)


def detect_language(text: str) -> str:
    """``"en"`` or the code of the language (or writing system) that ``text`` more likely is in."""
    sample = text[:SAMPLE_CHARS]
    script = _dominant_script(sample)
    if script is not None:
        return script
    words = [match.group().casefold() for match in _WORD.finditer(sample)]
    if len(words) < _MIN_WORDS:
        return "en"
    counts = _function_word_counts(words)
    english = counts.pop("en", 0)
    if not counts or english + sum(counts.values()) < _MIN_EVIDENCE:
        return "en"
    other, hits = counts.most_common(1)[0]
    distinct = len(set(words) & function_words()[other])
    if distinct >= _MIN_FOREIGN_HITS and hits >= _FOREIGN_RATIO * english:
        return other
    return "en"


@lru_cache(maxsize=1)
def function_words() -> dict[str, frozenset[str]]:
    """Language → its function words, from ``data/function_words.tsv``."""
    source = resources.files(__package__).joinpath("data/function_words.tsv")
    table: dict[str, frozenset[str]] = {}
    for number, line in data_lines(read_data_file(source, "the function-word table")):
        language, sep, listed = line.partition("\t")
        if not sep or not listed.strip():
            raise DataFileError(f"function_words.tsv line {number}: expected 'language<TAB>words'")
        table[language] = table.get(language, frozenset()) | {word.casefold() for word in listed.split()}
    return table


def _function_word_counts(words: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for word in words:
        for language, words in function_words().items():
            if word in words:
                counts[language] += 1
    return counts


def _dominant_script(sample: str) -> str | None:
    """The language code of a non-Latin writing system that holds most of the letters, if any."""
    letters = [char for char in sample if char.isalpha()]
    if not letters:
        return None
    scripts: Counter[str] = Counter()
    for char in letters:
        if ord(char) < 0x250:
            continue
        name = unicodedata.name(char, "")
        for prefix, code in _SCRIPTS:
            if name.startswith(prefix) or (prefix == "CJK" and "IDEOGRAPH" in name):
                scripts[code] += 1
                break
    if not scripts:
        return None
    code, count = scripts.most_common(1)[0]
    return code if sum(scripts.values()) >= _NON_LATIN_SHARE * len(letters) else None
