"""The temporal lexicon: the words of temporal expressions (``data/words.tsv``) and the patterns built from
them (``data/patterns.tsv``); each file documents its format in a header comment.

:func:`load_timex_lexicon` reads both once and compiles every pattern, expanding ``{class}`` into an
alternation of that class's phrases (longest first, any run of spaces between words). Patterns are lowercase
and run over :func:`lower_ascii` of the text (case-insensitive matching of large alternations is ten times
slower). No spaCy here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError

__all__ = ["KINDS", "TimexLexicon", "TimexPattern", "load_timex_lexicon", "lower_ascii", "normalize_phrase"]

DATA_DIR = Path(__file__).resolve().parent / "data"

#: The pattern kinds the resolver understands (see ``data/patterns.tsv``).
KINDS = frozenset(
    {
        "date", "month", "year", "decade", "short_decade", "century", "weekday", "deixis", "shift_unit",
        "weekend", "shift_month", "season", "quarter", "half", "offset", "duration", "unit_adjective",
        "vague_duration", "time", "reference", "frequency", "every", "year_before", "anaphor", "boundary",
        "period", "week",
    }
)  # fmt: skip

#: word classes whose content words mark a place worth matching (see :func:`_triggers`)
_TRIGGER_CLASSES = (
    "month", "weekday", "season", "unit", "vague_unit", "deixis", "partofday", "reference", "frequency",
    "unit_adjective", "zone", "spoken_century", "decade_word", "holiday",
)  # fmt: skip
_NOT_TRIGGERS = frozenset(
    {"the", "a", "an", "of", "in", "at", "for", "this", "that", "these", "right", "very", "more", "most",
     "every", "each", "per", "once", "twice", "other", "near", "long", "short", "foreseeable", "single",
     "two"}
)  # fmt: skip
#: common words that mark a phrase only when no other word of it does
_WEAK_TRIGGERS = frozenset(
    {"last", "earlier", "late", "later", "after", "before", "past", "present", "second"}
)
#: words patterns.tsv spells out itself
_PATTERN_WORDS = (
    "weekend",
    "weekends",
    "quarter",
    "half",
    "century",
    "noon",
    "midnight",
    "midday",
    "clock",
    "time",
    "period",
    "then",
    "day",
    "fiscal",
    "financial",
    "fy",
    "q",
    "nineteen",
    "eighteen",
    "thousand",
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_SPACE = r"[^\S\n]"  # a space inside an expression: any but a line break
_CLASS_SPACE = r" \t\xa0\u2009\u202f"  # the same inside a character class
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
_SPACES = re.compile(r"\s+")
# a pattern never starts inside a word or after a word's hyphen ('mid-2011' is read whole, 'post-2008' is
# no date), nor ends inside a word; after a number's hyphen it may: the end of a range ('2005-2008', 'Feb.
# 28-March 1')
_BEFORE = r"(?<!\w)(?<![^\W\d_]-)"
_AFTER = r"(?!\w)"


@dataclass(frozen=True, slots=True)
class TimexPattern:
    """One compiled pattern: ``order`` is its line rank (an earlier line wins a tie in length)."""

    name: str
    kind: str
    regex: re.Pattern[str]
    order: int
    triggers: frozenset[str] = frozenset()  # the trigger words a match of it can contain ("0": a digit)


@dataclass(frozen=True, slots=True)
class TimexLexicon:
    """Phrase classes (class -> phrase -> value) and the compiled patterns, in file order."""

    words: Mapping[str, Mapping[str, str]]
    patterns: tuple[TimexPattern, ...]
    triggers: frozenset[str] = frozenset()
    trigger_regex: re.Pattern[str] = re.compile(r"\d+")  # finds the triggers and digit runs in lowered text

    def value(self, word_class: str, phrase: str | None) -> str | None:
        """The value of ``phrase`` in ``word_class`` (case and spacing ignored), or None."""
        if not phrase:
            return None
        return self.words.get(word_class, {}).get(normalize_phrase(phrase))


def lower_ascii(text: str) -> str:
    """``text`` with A-Z lowered and nothing else changed (same length, so offsets still hold)."""
    return text.translate(_ASCII_LOWER)


def normalize_phrase(phrase: str) -> str:
    """Lowercase, single spaces, straight apostrophes: the form phrases are stored in."""
    return _SPACES.sub(" ", phrase.strip().lower()).replace("’", "'").replace("‘", "'")


@functools.lru_cache(maxsize=2)
def load_timex_lexicon(data_dir: Path = DATA_DIR) -> TimexLexicon:
    """Read and compile the shipped temporal lexicon (once per process)."""
    words = _read_words(data_dir / "words.tsv")
    triggers = _triggers(words)
    patterns = _read_patterns(data_dir / "patterns.tsv", words, triggers)
    finder = re.compile(r"(?<![a-z])" + _alternation(dict.fromkeys(triggers, "")) + r"(?![a-z])|\d+")
    return TimexLexicon(words=words, patterns=patterns, triggers=triggers, trigger_regex=finder)


def _triggers(words: Mapping[str, Mapping[str, str]]) -> frozenset[str]:
    """The words one of which every temporal expression contains (digits aside): the content words of the
    time-naming classes, and the words the patterns spell out."""
    found = set(_PATTERN_WORDS)
    for word_class in _TRIGGER_CLASSES:
        for phrase in words.get(word_class, {}):
            content = [w for w in re.split(r"[^a-z]+", phrase) if w and w not in _NOT_TRIGGERS]
            strong = [w for w in content if w not in _WEAK_TRIGGERS]
            if word_class == "holiday" and strong:  # one word marks a holiday: 'new', 'good' would not
                strong = [max(strong, key=len)]
            found.update(strong or content)  # 'last night' needs only 'night'; 'the past' needs 'past'
    return frozenset(found)


def _rows(path: Path, columns: int) -> list[tuple[int, list[str]]]:
    rows = []
    for number, fields in tsv_rows(path, "the temporal lexicon", strip=False):  # spaces count in patterns
        if len(fields) != columns or not all(fields):
            line = "\t".join(fields)
            raise DataFileError(f"{path}:{number}: expected {columns} tab-separated fields, got {line!r}")
        rows.append((number, fields))
    return rows


def _read_words(path: Path) -> dict[str, dict[str, str]]:
    words: dict[str, dict[str, str]] = {}
    for _, (word_class, phrase, value) in _rows(path, 3):
        words.setdefault(word_class, {})[normalize_phrase(phrase)] = value
    return words


def _read_patterns(
    path: Path, words: Mapping[str, Mapping[str, str]], triggers: frozenset[str]
) -> tuple[TimexPattern, ...]:
    alternations = {name: _alternation(phrases) for name, phrases in words.items()}
    patterns = []
    for order, (number, (name, kind, source)) in enumerate(_rows(path, 3)):
        if kind not in KINDS:
            raise DataFileError(f"{path}:{number}: unknown kind {kind!r} (one of {', '.join(sorted(KINDS))})")
        try:
            expanded = _PLACEHOLDER.sub(lambda m: alternations[m[1]], _no_line_breaks(source))
            regex = re.compile(_BEFORE + "(?:" + expanded + ")" + _AFTER)
        except KeyError as exc:
            raise DataFileError(f"{path}:{number}: no word class {exc} in words.tsv") from None
        except re.error as exc:
            raise DataFileError(f"{path}:{number}: bad regular expression: {exc}") from None
        patterns.append(TimexPattern(name, kind, regex, order, _pattern_triggers(source, words, triggers)))
    return tuple(patterns)


def _pattern_triggers(
    source: str, words: Mapping[str, Mapping[str, str]], triggers: frozenset[str]
) -> frozenset[str]:
    """The trigger words a pattern's matches can contain: those of the classes it names, those it spells out,
    and "0" when it matches digits. A stretch of text without any of them cannot hold a match."""
    found = {word for name in _PLACEHOLDER.findall(source) for word in _words_of(words.get(name, {}))}
    spelled = re.sub(r"\(\?P<\w+>|\{\w+\}|\\[a-zA-Z]", " ", source)
    found.update(re.findall(r"[a-z]+", spelled))
    if re.search(r"\\d|\[[^\]]*\d", source):
        found.add("0")
    return frozenset(found & (triggers | {"0"}))


def _words_of(phrases: Mapping[str, str]) -> set[str]:
    return {word for phrase in phrases for word in re.split(r"[^a-z]+", phrase) if word}


def _no_line_breaks(source: str) -> str:
    r"""``source`` with every ``\s`` matching any space but a line break (an expression never spans lines)."""
    out, in_class, index = [], False, 0
    while index < len(source):
        char = source[index]
        if char == "\\" and index + 1 < len(source):
            pair = source[index : index + 2]
            out.append((_CLASS_SPACE if in_class else _SPACE) if pair == r"\s" else pair)
            index += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        out.append(char)
        index += 1
    return "".join(out)


def _alternation(phrases: Mapping[str, str]) -> str:
    """A regular expression for any of ``phrases``, as a character trie: the engine picks the branch by the
    next character instead of trying every phrase in turn; a longer phrase is tried before its prefix."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def _trie_regex(node: dict) -> str:
    branches = [
        (_SPACE + "+" if char == " " else re.escape(char)) + _trie_regex(child)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here: the longer ones are optional
        return body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
    return body
