"""What instance linking compares: an event row as its linking features, and the block it is indexed by.

A stored event (a row of ``events`` with its article's publication day) becomes :class:`LinkFeatures`:

* **sides**: the known sides' countries (else actor codes); with the type **family** (``type_families.tsv``:
  CAMEO roots that may be one event) each known side makes a **block**, an index key candidates are read
  by (``USA|consult`` and ``CHN|consult`` for a US-China meeting; ``-|consult`` when no side is known), so
  that a report naming one side finds the reports naming both; the **pair** block (both sides, sorted,
  ``-`` for a missing one) names the instance's dyad;
* **days**: the days the event may have happened on. A date from the text of at most a month covers its days
  (a month-precision date overlaps each day in it); an event dated only by its article (no date, a coarser
  date, or ``date_source == "published"``) covers the publication day and the :data:`REPORT_LAG_DAYS` before
  it (news reports yesterday's events); an article with no publication day (nor a dateline, which the coder
  reads) stands in for it with the first full date it states (:func:`article_day`, stored with its events),
  since a report mostly dates its news before its background. An event with neither is undated. Two reports
  can be one event only when their days overlap;
* **status group**: ``occurred``, ``planned`` (planned or hypothetical), or the status itself (denied,
  cancelled, negated); a planned event and the event itself are different instances (linked, not merged);
* the evidence compared: the trigger's stem, the sentence's content words (hashed), the CAMEO code, the
  place, each side's actor code and direction;
* the sentence's **numbers** (counts, years, days of the month, as digits or as the number words of the
  temporal lexicon from two up, ``twenty-three`` read as 23; not runs of more than four digits with no
  separator, which are identifiers): two reports of one event tend to repeat its
  counts (23 pirates captured), two events of one kind tend to differ in them (26 pirates captured, two
  years later). They default to none, so features stored before them still load;
* the article's **names**: its most frequent distinctive names (:func:`article_names`, at most
  :data:`NAMES_KEPT`, hashed), read from the whole article when it is stored: two reports of one event tend to
  name some of the same people, places and organizations somewhere in their articles, two events of one kind
  (two killings, two earthquakes) tend to name different ones. Country and capital names and their adjectives
  are left out (the sides already say them, and two events in one country share them), as are month and
  weekday names. A fixed rule per article, no table learnt from the store, so that a report's names do not
  depend on what else is stored. They default to none (events stored before them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

from ..datafiles import tsv_rows
from ..errors import DataFileError
from ..records import TimeExpression
from ..timex.lexicon import load_timex_lexicon
from ..timex.values import value_range

__all__ = [
    "LinkFeatures",
    "MAX_SPAN_DAYS",
    "NAMES_KEPT",
    "NARROW_DAYS",
    "REPORT_LAG_DAYS",
    "article_day",
    "article_names",
    "link_features",
    "stem",
    "type_family",
]

#: A report dated only by its publication day may tell of an event up to this many days before it.
REPORT_LAG_DAYS = 2
#: Reports whose days span at most this many days (after the first) are narrow (see LinkFeatures.wide).
NARROW_DAYS = REPORT_LAG_DAYS
#: Text dates covering more days than this (a year, a quarter) do not date an event for linking.
MAX_SPAN_DAYS = 31
#: An article's names kept for linking: its most frequent (then earliest) distinctive names.
NAMES_KEPT = 16
_STATUS_GROUPS = {"occurred": "occurred", "planned": "planned", "hypothetical": "planned"}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_TOKEN = re.compile(r"[^\W_]+(?:[-.,'’][^\W_]+)*", re.UNICODE)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s", "ion", "ions", "ment", "ments")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "but",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "has",
        "have",
        "had",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "them",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "your",
        "i",
        "not",
        "no",
        "will",
        "would",
        "said",
        "says",
        "say",
        "also",
        "after",
        "before",
        "over",
        "into",
        "about",
        "than",
        "then",
        "there",
        "here",
        "who",
        "which",
        "what",
        "when",
        "where",
    ]
)


@dataclass(frozen=True, slots=True)
class LinkFeatures:
    """One stored event as instance linking sees it (serialized as JSON in ``instance_keys.features``)."""

    event_id: str
    article_id: str
    block: str
    sides: tuple[str, ...]
    family: str
    symmetric: bool
    source: str | None
    target: str | None
    source_code: str | None
    target_code: str | None
    reciprocal: bool
    cameo: str
    status: str
    status_group: str
    day: str | None
    day_lo: str | None
    day_hi: str | None
    text_dated: bool
    place_country: str | None
    place_name: str | None
    trigger: str
    words: tuple[int, ...]
    numbers: tuple[str, ...] = ()
    names: tuple[int, ...] = ()

    @property
    def blocks(self) -> tuple[str, ...]:
        """The index keys: one per known side (with the family), ``-|family`` when no side is known."""
        return tuple(f"{side}|{self.family}" for side in self.sides) or (f"-|{self.family}",)

    @property
    def wide(self) -> bool:
        """Whether the event may have happened on more than :data:`NARROW_DAYS` + 1 days (a week or
        month date): such reports are indexed apart (``~`` before the block), so that the many narrow
        ones are read with a window of days, not of a month."""
        if self.day_lo is None or self.day_hi is None:
            return False
        span = dt.date.fromisoformat(self.day_hi) - dt.date.fromisoformat(self.day_lo)
        return span.days > NARROW_DAYS

    @property
    def index_blocks(self) -> tuple[str, ...]:
        """The keys this report is indexed under (its blocks, marked ``~`` when it is wide)."""
        return tuple(f"~{block}" for block in self.blocks) if self.wide else self.blocks

    @property
    def rank(self) -> tuple[str, str]:
        """The instance's representative is its member with the smallest rank: earliest day, then id."""
        return (self.day or "9999-12-31", self.event_id)

    def to_json(self) -> str:
        # the fields one level deep (asdict's deep copy is most of the cost; the values are flat)
        data = {name.name: getattr(self, name.name) for name in dataclasses.fields(self)}
        return json.dumps(data, sort_keys=True, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> LinkFeatures:
        data = json.loads(text)
        data["words"] = tuple(data["words"])
        data["sides"] = tuple(data["sides"])
        data["numbers"] = tuple(data.get("numbers", ()))
        data["names"] = tuple(data.get("names", ()))
        return cls(**data)


@functools.lru_cache(maxsize=1)
def _families() -> dict[str, tuple[str, bool]]:
    path = files("detente.analysis") / "data" / "type_families.tsv"
    table: dict[str, tuple[str, bool]] = {}
    for number, fields in tsv_rows(path, "event-type families"):
        if fields[0] == "root":
            continue
        if len(fields) != 3 or fields[2] not in ("0", "1"):
            raise DataFileError(f"{path}:{number}: expected root, family, symmetric (0 or 1)")
        table[fields[0]] = (fields[1], fields[2] == "1")
    return table


def type_family(cameo: str) -> tuple[str, bool]:
    """The family of a CAMEO code's root and whether its events are symmetric; unknown roots are their own."""
    root = cameo[:2]
    return _families().get(root, (f"root{root}", False))


def stem(word: str) -> str:
    """A crude stem for comparing triggers and sentence words ("talks", "talked" and "talking" -> "talk")."""
    word = word.lower()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def _side(row: Mapping[str, Any], side: str) -> str | None:
    return row.get(f"{side}_country") or row.get(f"{side}_code") or None


def _hashed(items: set[str]) -> tuple[int, ...]:
    return tuple(sorted(int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest()) for s in items))


def _words(sentence: str) -> tuple[int, ...]:
    """The sentence's content words, stemmed and hashed to 32 bits (sorted, unique)."""
    return _hashed({stem(word) for word in _WORD.findall(sentence) if word.lower() not in _STOPWORDS})


@functools.lru_cache(maxsize=1)
def _number_words() -> dict[str, int]:
    """The one-word numbers of the temporal lexicon from two up (``one`` and ``a`` are too often no count)."""
    table = load_timex_lexicon().words.get("number", {})
    values = {word: int(value) for word, value in table.items() if " " not in word and value.isdigit()}
    return {word: value for word, value in values.items() if value >= 2}


def _number(token: str) -> str | None:
    """The value of a number token (``1,200`` -> ``1200``, ``twenty-three`` -> ``23``), else None."""
    if _DIGITS.fullmatch(token):
        if token.isdigit() and len(token) > 4:
            return None  # a long run of digits with no separator is an identifier (a story id, a code)
        whole, _, fraction = token.replace(",", "").partition(".")
        if fraction.strip("0"):
            return f"{int(whole)}.{fraction.rstrip('0')}"
        return whole.lstrip("0") or "0"
    words, parts = _number_words(), token.lower().split("-")
    if not all(part in words for part in parts):
        return None
    return str(sum(words[part] for part in parts)) if len(parts) <= 2 else None


def _numbers(sentence: str) -> tuple[str, ...]:
    """The numbers a sentence states (sorted, unique)."""
    values = (_number(token) for token in _TOKEN.findall(sentence))
    return tuple(sorted({value for value in values if value is not None}))


@functools.lru_cache(maxsize=1)
def _common_names() -> frozenset[str]:
    """Words that name no event apart: country and capital names and adjectives (the shipped actor tables),
    month and weekday names (the temporal lexicon)."""
    from ..actors.tables import load_tables

    kinds = ("country", "adjective", "capital")
    names = {phrase.lower() for kind in kinds for phrase in load_tables().phrases(kind)}
    words = load_timex_lexicon().words
    return frozenset(names | set(words.get("month", {})) | set(words.get("weekday", {})))


def article_names(text: str) -> tuple[int, ...]:
    """An article's distinctive names, hashed (32-bit BLAKE2b, sorted): the capitalized words not first in
    their sentence, of three letters or more, neither stopwords nor :func:`_common_names`; the
    :data:`NAMES_KEPT` most frequent (then earliest). Capitalized words stand for names: "Marfin Bank" gives
    ``marfin`` and ``bank``, so a name told in full in one article and in part in another still matches."""
    common = _common_names()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    position = 0
    for sentence in _SENTENCE_BREAK.split(text):
        for index, word in enumerate(_WORD.findall(sentence)):
            position += 1
            if index == 0 or not word[0].isupper() or len(word) < 3:
                continue
            name = word.lower()
            if name in _STOPWORDS or name in common:
                continue
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, position)
    kept = sorted(counts, key=lambda name: (-counts[name], first[name]))[:NAMES_KEPT]
    return _hashed(set(kept))


def article_day(times: Iterable[TimeExpression]) -> str | None:
    """The first full date (a day) among an article's time expressions, in text order, else None."""
    for time in sorted(times, key=lambda time: time.start):
        if time.type == "DATE" and _FULL_DATE.fullmatch(time.value):
            return time.value
    return None


def _days(row: Mapping[str, Any], published: str | None) -> tuple[str | None, str | None, bool]:
    """``(first day, last day, dated by its text)`` the event may have happened on."""
    covered = value_range(row.get("date")) if row.get("date_source") != "published" else None
    if covered is not None and (covered[1] - covered[0]).days < MAX_SPAN_DAYS:
        return covered[0].isoformat(), covered[1].isoformat(), True
    published = published or row.get("article_day")
    day = value_range(published[:10]) if published else None
    if day is None:
        return None, None, False
    first = day[0] - dt.timedelta(days=REPORT_LAG_DAYS)
    return first.isoformat(), day[0].isoformat(), False


def link_features(row: Mapping[str, Any]) -> LinkFeatures:
    """The linking features of an ``events`` row that also carries ``article_published`` (its ``link_names``
    and ``article_day`` are what the store kept of its article)."""
    source, target = _side(row, "source"), _side(row, "target")
    pair = sorted((source or "-", target or "-"))
    family, symmetric = type_family(row["cameo"])
    day_lo, day_hi, text_dated = _days(row, row.get("article_published"))
    trigger = row.get("evidence_trigger") or ""
    heads = [stem(word) for word in _WORD.findall(trigger) if word.lower() not in _STOPWORDS]
    return LinkFeatures(
        event_id=row["id"],
        article_id=row["article_id"],
        block=f"{pair[0]}|{pair[1]}|{family}",
        sides=tuple(sorted({side for side in (source, target) if side})),
        family=family,
        symmetric=symmetric,
        source=source,
        target=target,
        source_code=row.get("source_code"),
        target_code=row.get("target_code"),
        reciprocal=bool(row.get("reciprocal")),
        cameo=row["cameo"],
        status=row["status"],
        status_group=_STATUS_GROUPS.get(row["status"], row["status"]),
        day=row.get("day"),
        day_lo=day_lo,
        day_hi=day_hi,
        text_dated=text_dated,
        place_country=row.get("location_country"),
        place_name=row.get("location_name"),
        trigger=heads[-1] if heads else stem(trigger),
        words=_words(row.get("evidence_sentence") or ""),
        numbers=_numbers(row.get("evidence_sentence") or ""),
        names=tuple(json.loads(row["link_names"])) if row.get("link_names") else (),
    )
