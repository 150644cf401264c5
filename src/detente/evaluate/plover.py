"""Score detente against PLOVER gold-standard records.

Each gold record (a JSON array of objects with ``text``, ``event``, ``source``, ``target`` and
``textInfo.markup``) is coded as its own article, published 2000-01-01.

* **Type recall**: the share of records where some coded event has the gold PLOVER type, with versions folded
  together (DEMAND≡REQUEST, DISAPPROVE≡INVESTIGATE≡ACCUSE, FIGHT≡ASSAULT).
* **Folds** (``--folds k``): the records are split in ``k`` parts by a hash of their ids
  (:func:`detente.learn.train.split_folds`); each part is coded with a classifier trained, calibrated and
  given its rule priors without it (on the NGEC stories and the other parts) and scored; the figures of the
  parts are pooled (micro). The rules themselves are the same in every part: they were written with the
  whole dev set in view, which is why held-out news scores lower still.
* **Triples**: micro precision/recall/F1 over (source country, type, target country). A record whose actors
  are marked ``SRC/TAR`` (reciprocal) is matched in either direction; a record without a target matches a
  coded event with any target.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..errors import DataFileError, InputError
from ..ingest import make_article
from ..ontology import fold_plover
from ..records import Article, CodedArticle
from ..settings import Settings
from .scores import TripleScore

__all__ = [
    "FoldedReport",
    "GoldRecord",
    "PloverReport",
    "evaluate_plover",
    "evaluate_plover_folds",
    "folded_scores",
    "load_gold",
    "score",
]

PUBLISHED = dt.date(2000, 1, 1)
#: Statuses whose events count as coded events: a planned, negated, denied, cancelled or merely hoped-for act
#: is not one (announced cooperation and threats are coded as intents, 03 and 13, which did occur).
FACTUAL = ("occurred",)
Triple = tuple[str | None, str, str | None, bool]  # source, type, target, reciprocal


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    type: str
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    reciprocal: bool


@dataclass(slots=True)
class PloverReport:
    records: int = 0
    type_hits: int = 0
    triples: TripleScore = field(default_factory=TripleScore)
    failures: int = 0  # sentences detente could not code at all (an internal error)
    misses: list[tuple[str, str, list[str]]] = field(default_factory=list)

    @property
    def type_recall(self) -> float:
        return self.type_hits / self.records if self.records else 0.0

    @property
    def precision(self) -> float:
        return self.triples.precision

    @property
    def recall(self) -> float:
        return self.triples.recall

    @property
    def f1(self) -> float:
        return self.triples.f1

    def to_dict(self) -> dict[str, float | int]:
        return {
            "records": self.records,
            "type_recall": round(self.type_recall, 4),
            "triple_precision": round(self.precision, 4),
            "triple_recall": round(self.recall, 4),
            "triple_f1": round(self.f1, 4),
            "gold_triples": self.triples.gold,
            "predicted_triples": self.triples.predicted,
        }

    def format(self, *, show_misses: bool = False) -> str:
        counts = self.triples
        lines = [
            f"PLOVER gold records: {self.records}",
            f"type recall:      {self.type_recall:.3f}  ({self.type_hits}/{self.records})",
            f"triple precision: {self.precision:.3f}  ({counts.predicted_matched}/{counts.predicted})",
            f"triple recall:    {self.recall:.3f}  ({counts.gold_matched}/{counts.gold})",
            f"triple F1:        {self.f1:.3f}",
        ]
        if self.failures:
            lines.append(f"coding failures:  {self.failures} (see the error records: detente code)")
        if show_misses:
            lines.append("")
            lines.extend(
                f"MISS {gold_type:<11} got {','.join(got) or '-':<24} {text[:140]}"
                for gold_type, text, got in self.misses
            )
        return "\n".join(lines)


def load_gold(path: Path) -> list[GoldRecord]:
    """Read the gold records (documentation records without text are skipped)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read PLOVER gold records: {exc}") from exc
    if not isinstance(data, list):
        raise DataFileError(f"{path}: expected a JSON array of records")
    records = []
    for item in data:
        if not isinstance(item, dict) or not item.get("text") or item.get("event") in (None, "DOCUMENT"):
            continue
        markup = (item.get("textInfo") or {}).get("markup", "")
        records.append(
            GoldRecord(
                id=str(item.get("id", len(records))),
                text=str(item["text"]),
                type=fold_plover(str(item["event"])),
                sources=_codes(item.get("source")),
                targets=_codes(item.get("target")),
                reciprocal="SRC/TAR" in markup,
            )
        )
    return records


def _codes(value: object) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v.get("code")) for v in value if isinstance(v, dict) and v.get("code"))
    return ()


def gold_triples(record: GoldRecord) -> list[tuple[frozenset[str] | tuple[str, str | None], bool]]:
    """Gold keys: ``(frozenset({a, b}), True)`` for reciprocal pairs, else ``((source, target), False)``."""
    if record.reciprocal:
        actors = list(dict.fromkeys(record.sources + record.targets))
        pairs = [frozenset((a, b)) for i, a in enumerate(actors) for b in actors[i + 1 :] if a != b]
        if pairs:
            return [(pair, True) for pair in dict.fromkeys(pairs)]
    targets: tuple[str | None, ...] = record.targets or (None,)
    return [((s, t), False) for s in record.sources for t in targets]


def predicted_triples(coded: CodedArticle) -> set[Triple]:
    triples: set[Triple] = set()
    for event in coded.events:
        if not event.plover or event.status not in FACTUAL:
            continue
        source = event.source.actor.country if event.source else None
        target = event.target.actor.country if event.target else None
        triples.add((source, fold_plover(event.plover), target, event.reciprocal))
    return triples


def score(records: Iterable[GoldRecord], coded: Iterable[CodedArticle]) -> PloverReport:
    report = PloverReport()
    for record, result in zip(records, coded, strict=True):
        report.records += 1
        if result.error is not None and result.error.code == "coding_failed":
            report.failures += 1
        predicted = predicted_triples(result)
        types = {t for _, t, _, _ in predicted}
        if record.type in types:
            report.type_hits += 1
        else:
            report.misses.append((record.type, record.text, sorted(types)))
        gold = gold_triples(record)
        report.triples.add(gold, predicted, partial(_matches, record.type))
    return report


def _matches(gold_type: str, key: tuple, triple: Triple) -> bool:
    actors, reciprocal = key
    source, event_type, target, two_sided = triple
    if event_type != gold_type:
        return False
    if reciprocal:
        return {source, target} == set(actors)
    gold_source, gold_target = actors
    if source == gold_source and (gold_target is None or target == gold_target):
        return True
    # a two-sided coded event ("X met with Y") stands for both directions
    return two_sided and target == gold_source and (gold_target is None or source == gold_target)


def evaluate_plover(path: Path, *, settings: Settings | None = None) -> PloverReport:
    """Code every gold sentence with the real pipeline and score it."""
    from ..pipeline import get_coder

    records = load_gold(path)
    coder = get_coder(settings)
    articles: list[Article | None] = []
    for record in records:
        try:
            articles.append(make_article(record.text, id=record.id, published=PUBLISHED, origin=record.id))
        except InputError:
            articles.append(None)
    coded_iter = iter(coder.code([a for a in articles if a is not None]))
    coded = [next(coded_iter) if a is not None else CodedArticle(article=None) for a in articles]
    return score(records, coded)


@dataclass(slots=True)
class FoldedReport:
    """Whole-set figures (the shipped model, which was trained on these records) beside the k-fold ones."""

    whole: PloverReport
    pooled: PloverReport
    folds: list[PloverReport]

    def to_dict(self) -> dict[str, object]:
        return {
            "whole": self.whole.to_dict(),
            "folds": len(self.folds),
            "pooled": self.pooled.to_dict(),
            "per_fold": [fold.to_dict() for fold in self.folds],
        }

    def format(self, *, show_misses: bool = False) -> str:
        k = len(self.folds)
        rows = [
            ("records", "records"),
            ("type recall", "type_recall"),
            ("triple precision", "triple_precision"),
            ("triple recall", "triple_recall"),
            ("triple F1", "triple_f1"),
        ]
        whole, pooled = self.whole.to_dict(), self.pooled.to_dict()
        folds = [fold.to_dict() for fold in self.folds]
        header = f"{'PLOVER gold records':<18} {'whole set':>10} {f'{k}-fold':>10}  " + "  ".join(
            f"{f'fold {i + 1}':>7}" for i in range(k)
        )
        lines = [header]
        for label, key in rows:
            cells = [whole[key], pooled[key], *(fold[key] for fold in folds)]
            text = [f"{c:>10}" if isinstance(c, int) else f"{c:>10.3f}" for c in cells[:2]]
            text += [f"{c:>7}" if isinstance(c, int) else f"{c:>7.3f}" for c in cells[2:]]
            lines.append(f"{label:<18} {text[0]} {text[1]}  " + "  ".join(text[2:]))
        lines.append(
            f"whole set: the shipped classifier (trained on these records); {k}-fold: each part scored by a "
            "classifier trained without it"
        )
        if show_misses:
            lines.append("")
            lines.append(f"{k}-fold misses:")
            lines.extend(
                f"MISS {gold_type:<11} got {','.join(got) or '-':<24} {text[:140]}"
                for gold_type, text, got in self.pooled.misses
            )
        return "\n".join(lines)


#: ``trainer(train_ids) -> SecondOpinion``; ``code(ids, opinion) -> [(CodedArticle, Doc)]``.
Trainer = Callable[[Sequence[str]], object]
CodeRecords = Callable[[Sequence[str], object], list]


class FoldLeakError(RuntimeError):
    """A fold's model saw a record it was about to score."""


def folded_scores(
    records: Sequence[GoldRecord], folds: int, trainer: Trainer, code: CodeRecords
) -> tuple[PloverReport, list[PloverReport]]:
    """Score each of ``folds`` parts with a model ``trainer`` made from the other parts; pooled and per part.

    The model's ``metadata["dev_ids"]`` (the dev records it was trained or calibrated on) must not meet the
    part it scores, else :class:`FoldLeakError`.
    """
    from ..learn.train import split_folds

    by_id = {record.id: record for record in records}
    if len(by_id) != len(records):
        raise DataFileError("PLOVER gold records: ids must be unique for a folded evaluation")
    pooled_records: list[GoldRecord] = []
    pooled_coded: list[CodedArticle] = []
    reports = []
    for held in split_folds(list(by_id), folds):
        held_set = set(held)
        opinion = trainer([i for i in by_id if i not in held_set])
        model = getattr(opinion, "model", None)
        seen = set(model.metadata.get("dev_ids", ())) if model is not None else set()
        if seen & held_set:
            raise FoldLeakError(f"the model for a fold was trained on {len(seen & held_set)} of its records")
        coded = [result for result, _doc in code(held, opinion)]
        part = [by_id[i] for i in held]
        reports.append(score(part, coded))
        pooled_records.extend(part)
        pooled_coded.extend(coded)
    return score(pooled_records, pooled_coded), reports


def evaluate_plover_folds(
    path: Path, *, stories: Path, folds: int = 2, settings: Settings | None = None
) -> FoldedReport:
    """The whole-set figures with the configured classifier beside ``folds``-fold figures (each part coded
    with a classifier trained on ``stories`` and the other parts). Needs scikit-learn."""
    from ..learn import SecondOpinion, load_second_opinion
    from ..learn.train import fit_bundle, prepare

    settings = settings or Settings.from_env()
    records = load_gold(path)
    data, texts, make = prepare(stories, path, settings)
    code = make(texts)
    whole_coded = [result for result, _doc in code([r.id for r in records], load_second_opinion(settings))]
    whole = score(records, whole_coded)

    def trainer(train_ids: Sequence[str]) -> SecondOpinion:
        return SecondOpinion(*fit_bundle(data, train_ids, code))

    pooled, parts = folded_scores(records, folds, trainer, code)
    return FoldedReport(whole=whole, pooled=pooled, folds=parts)
