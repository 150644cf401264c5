"""Score detente against PETRARCH-2's validation records (``PETR2_GSR_validation.xml``).

Each ``<Sentence>`` record is coded as its own article, published on the record's own date. Its
``<EventCoding eventcode= sourcecode= targetcode=/>`` lines are the gold events; PETRARCH actor codes are
reduced to their first three letters (the country, or ``IGO``/``NGO``/``IMG``), and ``---`` or an empty
code means "no actor", which matches any predicted actor on that side. Only coded events whose status is
``occurred`` count (as in :mod:`detente.evaluate.plover`).

* **Root triples**: micro precision/recall/F1 over (source country, CAMEO root = first two digits,
  target country).
* **Full triples**: the same over (source country, full CAMEO code, target country).
* **No-event records** (``<EventCoding noevents="True"/>``): the share where detente coded no event.

The file is not well-formed XML (a free-text ``####`` header outside any comment, ``<Sentence .../>``
self-closed with its children following as siblings), so it is read with regular expressions, record by
record; the ``<Parse>`` blocks are ignored.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError, InputError
from ..records import ActorMention, Article, CodedArticle
from ..settings import Settings
from .plover import FACTUAL
from .scores import TripleScore

__all__ = [
    "GoldEvent",
    "PetrarchRecord",
    "PetrarchReport",
    "TripleScore",
    "actor_country",
    "evaluate_petrarch",
    "gold_triples",
    "load_records",
    "parse_records",
    "predicted_triples",
    "score",
]

#: (source country or None for "any", CAMEO code or root, target country or None for "any").
Triple = tuple[str | None, str, str | None]

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SENTENCE = re.compile(r"<Sentence\b(?!s)([^>]*)>")
_CODING = re.compile(r"<EventCoding\b([^>]*)>")
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.DOTALL)
_SPACE_BEFORE_PUNCTUATION = re.compile(r" ([.,;:!?])(?= |$)")
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.DOTALL)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """One expected event, with PETRARCH's actor codes as written (e.g. ``USAGOV``, ``---LEG``)."""

    source: str
    code: str
    target: str


@dataclass(frozen=True, slots=True)
class PetrarchRecord:
    """One validation sentence: its text, date and expected events (``noevents``: expects none)."""

    id: str
    text: str
    date: dt.date | None
    category: str = ""
    events: tuple[GoldEvent, ...] = ()
    noevents: bool = False

    def add(self, gold: list[Triple], predicted: set[Triple]) -> None:
        self.gold += len(gold)
        self.predicted += len(predicted)
        self.gold_matched += sum(1 for g in gold if any(_matches(g, p) for p in predicted))
        self.predicted_matched += sum(1 for p in predicted if any(_matches(g, p) for g in gold))


@dataclass(slots=True)
class PetrarchReport:
    records: int = 0
    root: TripleScore = field(default_factory=TripleScore)
    full: TripleScore = field(default_factory=TripleScore)
    noevent_records: int = 0
    noevent_clean: int = 0
    #: (record id, what was expected, what was coded, text) for records whose root triples were not all
    #: found, or no-event records where something was coded.
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    @property
    def noevent_share(self) -> float:
        return self.noevent_clean / self.noevent_records if self.noevent_records else 0.0

    def to_dict(self) -> dict[str, float | int]:
        result: dict[str, float | int] = {"records": self.records}
        for name, tally in (("root", self.root), ("full", self.full)):
            result[f"{name}_precision"] = round(tally.precision, 4)
            result[f"{name}_recall"] = round(tally.recall, 4)
            result[f"{name}_f1"] = round(tally.f1, 4)
        result.update(
            gold_triples=self.root.gold,
            predicted_triples=self.root.predicted,
            noevent_records=self.noevent_records,
            noevent_share=round(self.noevent_share, 4),
        )
        return result

    def format(self, *, show_misses: bool = False) -> str:
        lines = [f"PETRARCH-2 validation records: {self.records}"]
        for name, tally in (("root", self.root), ("full code", self.full)):
            lines += [
                f"{name + ' precision:':<22}{tally.precision:.3f}  "
                f"({tally.predicted_matched}/{tally.predicted})",
                f"{name + ' recall:':<22}{tally.recall:.3f}  ({tally.gold_matched}/{tally.gold})",
                f"{name + ' F1:':<22}{tally.f1:.3f}",
            ]
        lines.append(
            f"{'no-event records:':<22}{self.noevent_share:.3f}  "
            f"({self.noevent_clean}/{self.noevent_records} coded without events)"
        )
        if show_misses:
            lines.append("")
            lines.extend(
                f"MISS {record_id:<18} want {want:<28} got {got or '-':<28} {text[:120]}"
                for record_id, want, got, text in self.misses
            )
        return "\n".join(lines)


# -- reading ---------------------------------------------------------------------------------------------
def load_records(path: Path) -> list[PetrarchRecord]:
    """Read a PETRARCH-2 validation file (records without text or with ``evaluate="false"`` are skipped)."""
    try:
        content = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read PETRARCH validation records: {exc}") from exc
    records = parse_records(content)
    if not records:
        raise DataFileError(f"{path}: no <Sentence> records with <Text> found")
    return records


def parse_records(content: str) -> list[PetrarchRecord]:
    """Parse validation records from the file's text, tolerating its XML quirks."""
    content = _COMMENT.sub("", content)
    starts = list(_SENTENCE.finditer(content))
    records = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(content)
        record = _parse_record(_attributes(match.group(1)), content[match.end() : end], len(records))
        if record is not None:
            records.append(record)
    return records


def _parse_record(attributes: dict[str, str], body: str, index: int) -> PetrarchRecord | None:
    text = _record_text(body)
    if not text or attributes.get("evaluate", "").lower() == "false":
        return None
    events: list[GoldEvent] = []
    noevents = False
    for coding in _CODING.finditer(body):
        values = _attributes(coding.group(1))
        if values.get("noevents", "").lower() == "true":
            noevents = True
        elif values.get("eventcode"):
            source, target = values.get("sourcecode", ""), values.get("targetcode", "")
            events.append(GoldEvent(source, values["eventcode"], target))
    return PetrarchRecord(
        id=attributes.get("id") or f"record-{index}",
        text=text,
        date=_parse_date(attributes.get("date", "")),
        category=attributes.get("category", ""),
        events=tuple(events),
        noevents=noevents and not events,
    )


def _record_text(body: str) -> str:
    """The ``<Text>``, whitespace collapsed; an empty one (one record has one) comes from the parse."""
    match = _TEXT.search(body)
    text = " ".join(match.group(1).split()) if match else ""
    if text:
        return text
    parse = _PARSE.search(body)
    return _words_from_conllu(parse.group(1)) if parse else ""


def _words_from_conllu(parse: str) -> str:
    """Join the FORM column of CoNLL-U token lines, honouring ``SpaceAfter=No``."""
    pieces: list[str] = []
    for line in parse.splitlines():
        columns = line.split("\t")
        if len(columns) < 2 or not columns[0].strip().isdigit():
            continue
        pieces.append(columns[1])
        if len(columns) < 10 or "SpaceAfter=No" not in columns[9]:
            pieces.append(" ")
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", "".join(pieces)).strip()


def _attributes(raw: str) -> dict[str, str]:
    return {name: double or single for name, double, single in _ATTRIBUTE.findall(raw)}


def _parse_date(raw: str) -> dt.date | None:
    """``YYYYMMDD``; a six-digit ``YYMMDD`` (one record has one) is read as 19YY/20YY; else None."""
    raw = raw.strip()
    try:
        if len(raw) == 8:
            return dt.datetime.strptime(raw, "%Y%m%d").date()
        if len(raw) == 6:
            return dt.datetime.strptime(raw, "%y%m%d").date()
    except ValueError:
        return None
    return None


# -- scoring ---------------------------------------------------------------------------------------------
def actor_country(code: str | None) -> str | None:
    """The first three letters of a PETRARCH actor code; None for ``---`` or an empty code ("any actor")."""
    country = (code or "").strip()[:3].upper()
    return None if not country or country == "---" else country


def gold_triples(record: PetrarchRecord, *, root: bool) -> list[Triple]:
    """The record's gold triples, with the full code or its two-digit root; duplicates dropped."""
    triples = (
        (actor_country(event.source), _project(event.code, root), actor_country(event.target))
        for event in record.events
    )
    return list(dict.fromkeys(triples))


def predicted_triples(coded: CodedArticle, *, root: bool) -> set[Triple]:
    """(source country, code, target country) of the coded events that occurred."""
    triples: set[Triple] = set()
    for event in coded.events:
        if event.status not in FACTUAL or not event.cameo:
            continue
        source = _mention_country(event.source)
        target = _mention_country(event.target)
        triples.add((source, _project(event.cameo, root), target))
        if event.reciprocal:  # PETRARCH writes a two-sided event as two codings, one each way
            triples.add((target, _project(event.cameo, root), source))
    return triples


def _mention_country(mention: ActorMention | None) -> str | None:
    if mention is None:
        return None
    return mention.actor.country or actor_country(mention.actor.code)


def _project(code: str, root: bool) -> str:
    return code[:2] if root else code


def _matches(gold: Triple, predicted: Triple) -> bool:
    gold_source, gold_code, gold_target = gold
    source, code, target = predicted
    return (
        code == gold_code
        and (gold_source is None or source == gold_source)
        and (gold_target is None or target == gold_target)
    )


def score(records: Iterable[PetrarchRecord], coded: Iterable[CodedArticle]) -> PetrarchReport:
    """Tally root and full-code triples and the no-event records (pure: no model)."""
    report = PetrarchReport()
    for record, result in zip(records, coded, strict=True):
        report.records += 1
        root_gold, root_predicted = gold_triples(record, root=True), predicted_triples(result, root=True)
        report.root.add(root_gold, root_predicted, _matches)
        report.full.add(gold_triples(record, root=False), predicted_triples(result, root=False), _matches)
        if record.noevents:
            report.noevent_records += 1
            report.noevent_clean += not root_predicted
        if _missed(root_gold, root_predicted, noevents=record.noevents):
            got = _show(sorted(predicted_triples(result, root=False), key=str))
            want = "no events" if record.noevents else _show(gold_triples(record, root=False))
            report.misses.append((record.id, want, got, record.text))
    return report


def _missed(gold: list[Triple], predicted: set[Triple], *, noevents: bool) -> bool:
    if noevents:
        return bool(predicted)
    return not all(any(_matches(g, p) for p in predicted) for g in gold)


def _show(triples: Iterable[Triple]) -> str:
    return ",".join(f"{s or '---'}-{code}-{t or '---'}" for s, code, t in triples)


# -- running ---------------------------------------------------------------------------------------------
def evaluate_petrarch(path: Path, *, settings: Settings | None = None) -> PetrarchReport:
    """Code every validation sentence with the real pipeline (published = its date) and score it."""
    from ..ingest import make_article
    from ..pipeline import get_coder

    records = load_records(path)
    articles: list[Article | None] = []
    for record in records:
        try:
            articles.append(make_article(record.text, id=record.id, published=record.date, origin=record.id))
        except InputError:
            articles.append(None)
    coder = get_coder(settings)
    coded_iter = iter(coder.code([a for a in articles if a is not None]))
    coded = [next(coded_iter) if a is not None else CodedArticle(article=None) for a in articles]
    return score(records, coded)
