"""Train the event-type classifier (``detente train``); needs scikit-learn (``pip install detente[train]``).

Training data, both with licenses that let the model ship:

* the NGEC synthetic stories (Andy Halterman, MIT): 4,500 fictional news stories, one PLOVER type each; the
  first sentence of each story is one example, its main verb standing in for the trigger, the verb's subject
  and object for source and target (:func:`detente.learn.features.lead_trigger`);
* the PLOVER gold records, dev half (Open Event Data Alliance, CC BY-SA 4.0): each record is one example with
  its marked trigger (``EVT``), source and target, weighted ``DEV_WEIGHT`` times a story.

The classifier is a multinomial logistic regression (L2, ``C``; lbfgs, deterministic) over features seen at
least twice. Its confidence calibration and the rule priors are fit on the dev records as
:mod:`detente.learn.model` describes: the dev records are split in two by a hash of their ids
(:func:`split_folds`); each half is coded by the full pipeline with a classifier trained without it, and the
coded events of both halves (out-of-fold) fit the Platt scaling. Every choice here (``C``, the weight, the
proposal threshold 0.5, the minimum feature count) is fixed in advance, not tuned on the dev records.
Same data and seed -> the same model file, byte for byte.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import DataFileError, DetenteError
from ..ontology import fold_plover
from ..records import CodedArticle
from .features import event_features, lead_trigger
from .model import FORMAT, EventTypeModel, RulePriors, save_model
from .review import SecondOpinion

__all__ = [
    "Example",
    "TrainingData",
    "fit_bundle",
    "fit_classifier",
    "load_dev",
    "load_ngec",
    "split_folds",
    "train",
]

SEED = 13
C = 1.0
DEV_WEIGHT = 3.0
MIN_COUNT = 2
PROPOSE_THRESHOLD = 0.5
CREDITS = (
    "NGEC synthetic PLOVER stories (gpt_synthetic_events_2023-10-19_19.csv), Andy Halterman, "
    "github.com/ahalterman/NGEC-2025, MIT License",
    "PLOVER gold-standard records, dev half (PLOVER_GSR_dev.json), Open Event Data Alliance / "
    "Parus Analytics, "
    "CC BY-SA 4.0",
)
_MARKUP = re.compile(r"\((SRC/TAR|SRC|TAR|EVT):\s*([^)]*)\)")
_LEAD_CHARS = 600


class TrainingError(DetenteError):
    """Training could not run (missing scikit-learn, unreadable or empty data)."""


@dataclass(frozen=True, slots=True)
class Text:
    """One training text before parsing: the sentence(s), its label and the marked words, if any."""

    id: str
    text: str
    label: str
    trigger: str | None = None
    source: str | None = None
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Example:
    id: str
    features: tuple[str, ...]
    label: str
    weight: float


@dataclass(frozen=True)
class TrainingData:
    """Parsed examples: the NGEC stories and the dev records (by record id), and the data's SHA-256."""

    stories: tuple[Example, ...]
    dev: dict[str, Example]
    digest: str


# -- reading --------------------------------------------------------------------------------------------
def load_ngec(path: Path, *, limit: int | None = None) -> list[Text]:
    """The NGEC synthetic stories (the zipped CSV or the CSV): the lead of each as one labelled text."""
    try:
        if str(path).endswith(".zip"):
            with zipfile.ZipFile(path) as archive:
                name = next(n for n in sorted(archive.namelist()) if n.endswith(".csv"))
                raw = archive.read(name).decode("utf-8")
        else:
            raw = Path(path).read_text(encoding="utf-8")
    except (OSError, StopIteration, zipfile.BadZipFile, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read the NGEC stories: {exc}") from exc
    csv.field_size_limit(10**8)
    texts = []
    for number, row in enumerate(csv.DictReader(io.StringIO(raw))):
        text, label = (row.get("text") or "").strip(), (row.get("label") or "").strip().upper()
        if not text or not label:
            continue
        lead = re.split(r"\n\s*\n", text, maxsplit=1)[0][:_LEAD_CHARS]
        texts.append(Text(id=f"ngec:{number}", text=lead, label=fold_plover(label)))
        if limit is not None and len(texts) >= limit:
            break
    if not texts:
        raise DataFileError(f"{path}: no labelled stories (expected columns text and label)")
    return texts


def load_dev(path: Path) -> list[Text]:
    """The PLOVER gold records with their marked trigger, source and target words."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read PLOVER gold records: {exc}") from exc
    texts = []
    for number, item in enumerate(data if isinstance(data, list) else []):
        if not isinstance(item, dict) or not item.get("text") or item.get("event") in (None, "DOCUMENT"):
            continue
        marks: dict[str, str] = {}
        for kind, words in _MARKUP.findall((item.get("textInfo") or {}).get("markup", "")):
            for key in ("SRC", "TAR") if kind == "SRC/TAR" else (kind,):
                marks.setdefault(key, words.strip())
        texts.append(
            Text(
                id=str(item.get("id", number)),
                text=str(item["text"]),
                label=fold_plover(str(item["event"])),
                trigger=marks.get("EVT"),
                source=marks.get("SRC"),
                target=marks.get("TAR"),
            )
        )
    return texts


def digest_of(texts: Sequence[Text]) -> str:
    payload = json.dumps([list(_text_tuple(t)) for t in texts], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _text_tuple(text: Text) -> tuple[Any, ...]:
    return (text.id, text.text, text.label, text.trigger, text.source, text.target)


def parse_examples(nlp: Any, stories: Sequence[Text], dev: Sequence[Text]) -> TrainingData:
    """Parse every text once and turn it into features."""
    story_examples = []
    for text, doc in zip(stories, nlp.pipe([t.text for t in stories], batch_size=64), strict=True):
        sent = next(iter(doc.sents), None)
        if sent is None:
            continue
        trigger, source, target = lead_trigger(sent)
        story_examples.append(
            Example(text.id, tuple(event_features(sent, trigger, source, target)), text.label, 1.0)
        )
    dev_examples = {}
    for text, doc in zip(dev, nlp.pipe([t.text for t in dev], batch_size=64), strict=True):
        trigger = _marked(doc, text.trigger)
        sent = trigger.sent if trigger is not None else next(iter(doc.sents))
        features = event_features(sent, trigger, _marked(doc, text.source), _marked(doc, text.target))
        dev_examples[text.id] = Example(text.id, tuple(features), text.label, DEV_WEIGHT)
    return TrainingData(tuple(story_examples), dev_examples, digest_of([*stories, *dev]))


def _marked(doc: Any, words: str | None) -> Any:
    """The head token of the first occurrence of the marked ``words`` (or of their first word)."""
    if not words:
        return None
    for candidate in (words, words.split()[0]):
        start = doc.text.find(candidate)
        if start >= 0:
            span = doc.char_span(start, start + len(candidate), alignment_mode="expand")
            if span is not None and len(span):
                return span.root
    return None


# -- fitting --------------------------------------------------------------------------------------------
def _sklearn() -> Any:
    try:
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise TrainingError("training needs scikit-learn: pip install 'detente[train]'") from exc
    return LogisticRegression


def fit_classifier(
    examples: Sequence[Example], *, seed: int = SEED, metadata: dict | None = None
) -> EventTypeModel:
    """A logistic regression over the features seen at least ``MIN_COUNT`` times."""
    from scipy.sparse import csr_matrix

    logistic = _sklearn()
    counts = Counter(f for example in examples for f in set(example.features))
    vocabulary = tuple(sorted(f for f, n in counts.items() if n >= MIN_COUNT))
    index = {f: i for i, f in enumerate(vocabulary)}
    rows, cols = [], []
    for r, example in enumerate(examples):
        for f in example.features:
            if f in index:
                rows.append(r)
                cols.append(index[f])
    matrix = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(examples), len(vocabulary)))
    labels = [example.label for example in examples]
    weights = np.array([example.weight for example in examples])
    clf = logistic(C=C, max_iter=2000, random_state=seed, tol=1e-6)
    clf.fit(matrix, labels, sample_weight=weights)
    classes = tuple(str(c) for c in clf.classes_)
    coef = clf.coef_ if len(classes) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    bias = clf.intercept_ if len(classes) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]])
    return EventTypeModel(
        labels=classes,
        features=vocabulary,
        weights=np.round(coef.T, 5).astype(np.float32),
        bias=np.round(bias, 5).astype(np.float32),
        calibration=np.array([1.0, 0.0, 0.0, 0.0]),
        metadata=dict(metadata or {}, format=FORMAT, propose_threshold=PROPOSE_THRESHOLD),
    )


def split_folds(ids: Sequence[str], folds: int) -> list[list[str]]:
    """A deterministic split of record ids into ``folds`` parts: by the SHA-256 of each id, dealt in turn."""
    ordered = sorted(ids, key=lambda i: hashlib.sha256(i.encode("utf-8")).hexdigest())
    return [ordered[k::folds] for k in range(folds)]


Coded = tuple[CodedArticle, Any]  # the coded record and its spaCy Doc
CodeFn = Callable[[Sequence[str], SecondOpinion], list[Coded]]


def rule_priors(code: CodeFn, ids: Sequence[str], gold: dict[str, str]) -> RulePriors:
    """The rule layer's precision per PLOVER type over the records ``ids`` (coded with the classifier off)."""
    coded = code(ids, SecondOpinion(None, RulePriors({}, 0.5)))
    counts: dict[str, list[int]] = {}
    for record_id, (result, _doc) in zip(ids, coded, strict=True):
        for event in result.events:
            if event.plover:
                kind = fold_plover(event.plover)
                pair = counts.setdefault(kind, [0, 0])
                pair[0] += kind == gold[record_id]
                pair[1] += 1
    return RulePriors.fit({k: (h, n) for k, (h, n) in counts.items()}, records=len(ids))


def fit_bundle(
    data: TrainingData, dev_ids: Sequence[str], code: CodeFn, *, seed: int = SEED
) -> tuple[EventTypeModel, RulePriors]:
    """The classifier trained on the stories and the dev records ``dev_ids``, calibrated out-of-fold on
    those records only, and the rule priors measured on them. ``code(ids, opinion)`` codes dev records."""
    gold = {i: data.dev[i].label for i in dev_ids}
    priors = rule_priors(code, dev_ids, gold)
    rows: list[tuple[float, float, float, int]] = []
    right = total = 0
    for held in split_folds(dev_ids, 2):
        held_set = set(held)
        inner = fit_classifier(
            [*data.stories, *(data.dev[i] for i in dev_ids if i not in held_set)], seed=seed
        )
        for i in held:
            probs = inner.proba(data.dev[i].features)
            right += inner.labels[int(probs.argmax())] == gold[i]
            total += 1
        opinion = SecondOpinion(inner, priors)
        for record_id, (result, doc) in zip(held, code(held, opinion), strict=True):
            for event in result.events:
                p = opinion.type_probability(event, doc) if doc is not None else None
                if p is None or not event.plover:
                    continue
                proposed = float(event.evidence.rule.startswith("model:"))
                correct = int(fold_plover(event.plover) == gold[record_id])
                rows.append((p, proposed, priors.get(event.plover), correct))
    calibration, fit_metrics = _platt(rows, seed)
    metrics = {
        "dev_records": len(dev_ids),
        "stories": len(data.stories),
        "oof_type_accuracy_marked_trigger": round(right / total, 4) if total else None,
        **fit_metrics,
    }
    final = fit_classifier([*data.stories, *(data.dev[i] for i in dev_ids)], seed=seed)
    digest = hashlib.sha256((data.digest + "|" + ",".join(sorted(dev_ids))).encode()).hexdigest()
    metadata = {
        "format": FORMAT,
        "version": f"{FORMAT}-{digest[:8]}",
        "trained_on": list(CREDITS),
        "training_data_sha256": digest,
        "seed": seed,
        "C": C,
        "dev_weight": DEV_WEIGHT,
        "min_count": MIN_COUNT,
        "propose_threshold": PROPOSE_THRESHOLD,
        "metrics": metrics,
        "dev_ids": sorted(dev_ids),
    }
    return replace(final, calibration=calibration, metadata=metadata), priors


def _platt(rows: list[tuple[float, float, float, int]], seed: int) -> tuple[np.ndarray, dict[str, Any]]:
    """Platt scaling on (logit p, proposed, logit prior) -> correct; identity when it cannot be fit."""
    from .model import _logit

    labels = [r[3] for r in rows]
    if len(set(labels)) < 2:
        return np.array([1.0, 0.0, 0.0, 0.0]), {"calibration_events": len(rows)}
    x = np.array([[_logit(p), proposed, _logit(prior)] for p, proposed, prior, _ in rows])
    clf = _sklearn()(C=100.0, max_iter=2000, random_state=seed, tol=1e-8)
    clf.fit(x, labels)
    calibration = np.round(np.array([*clf.coef_[0], clf.intercept_[0]], dtype=np.float64), 6)
    z = x @ calibration[:3] + calibration[3]
    conf = 1 / (1 + np.exp(-z))
    y = np.array(labels)
    brier = float(np.mean((conf - y) ** 2))
    raw_brier = float(np.mean((np.array([r[0] for r in rows]) - y) ** 2))
    return calibration, {
        "calibration_events": len(rows),
        "calibration_positive_share": round(float(y.mean()), 4),
        "brier_calibrated_in_sample": round(brier, 4),
        "brier_raw_classifier": round(raw_brier, 4),
        "log_loss_calibrated_in_sample": round(
            float(-np.mean(y * np.log(conf) + (1 - y) * np.log(1 - conf))), 4
        ),
    }


# -- the command ---------------------------------------------------------------------------------------
def gold_coder(settings: Any) -> Callable[[dict[str, str]], CodeFn]:
    """A function coding dev records (by id, from their texts) with a given opinion, on one Coder."""
    from ..pipeline import Coder
    from .model import RulePriors as _Priors

    coder = Coder(replace(settings, classifier="off"), second_opinion=SecondOpinion(None, _Priors({}, 0.5)))

    def make(texts: dict[str, str]) -> CodeFn:
        def code(ids: Sequence[str], opinion: SecondOpinion) -> list[Coded]:
            return code_texts(coder, [texts[i] for i in ids], list(ids), opinion)

        return code

    make.coder = coder  # type: ignore[attr-defined]
    return make


def code_texts(coder: Any, texts: Sequence[str], ids: Sequence[str], opinion: SecondOpinion) -> list[Coded]:
    """Code each text as its own article with ``opinion``: (coded article, Doc) for each."""
    import datetime as dt

    from ..errors import InputError
    from ..ingest import make_article

    saved = coder.extractor.second_opinion
    coder.extractor.second_opinion = opinion
    try:
        results = []
        for text, record_id in zip(texts, ids, strict=True):
            try:
                article = make_article(text, id=record_id, published=dt.date(2000, 1, 1), origin=record_id)
            except InputError:
                results.append((CodedArticle(article=None), None))
                continue
            doc = coder.nlp(article.text)
            results.append((coder.code_doc(doc, article), doc))
        return results
    finally:
        coder.extractor.second_opinion = saved


def prepare(
    ngec: Path, dev: Path, settings: Any, *, limit_stories: int | None = None, limit_dev: int | None = None
):  # noqa: ANN201
    """Read and parse the training data once: (TrainingData, dev texts by id, code factory)."""
    stories = load_ngec(ngec, limit=limit_stories)
    records = load_dev(dev)[:limit_dev] if limit_dev else load_dev(dev)
    make = gold_coder(settings)
    data = parse_examples(make.coder.nlp, stories, records)  # type: ignore[attr-defined]
    return data, {r.id: r.text for r in records}, make


def train(
    ngec: Path,
    dev: Path,
    out_dir: Path,
    *,
    settings: Any,
    seed: int = SEED,
    limit_stories: int | None = None,
    limit_dev: int | None = None,
) -> dict[str, Any]:
    """Build the model file and the rule priors into ``out_dir``; return the model's metadata."""
    data, texts, make = prepare(ngec, dev, settings, limit_stories=limit_stories, limit_dev=limit_dev)
    model, priors = fit_bundle(data, sorted(data.dev), make(texts), seed=seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    from .model import MODEL_FILE, PRIORS_FILE

    save_model(model, out_dir / MODEL_FILE)
    priors_meta = {
        "note": "the rule layer's precision per PLOVER type on the PLOVER dev records (detente.learn.model)",
        "trained_on": CREDITS[1],
        "training_data_sha256": model.metadata["training_data_sha256"],
    }
    (out_dir / PRIORS_FILE).write_text(
        replace(priors, metadata={**priors.metadata, **priors_meta}).to_json(), encoding="utf-8"
    )
    return dict(model.metadata)
