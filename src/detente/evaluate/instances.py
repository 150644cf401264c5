"""Score event-instance linking against ECB+ cross-document event coreference (``detente eval instances``).

Each ECB+ file (``<topic>/<topic>_<n>ecb[plus].xml``) becomes one article: its sentences, tokens joined by
spaces, one paragraph per sentence, no publication day (ECB+ gives none: an event with no date of its own is
dated by the first full date its article states, else undated, see
:mod:`detente.analysis.features`). All files are coded and stored in
one store (topics are not kept apart: a link across topics is a wrong link), then linked
(:func:`detente.analysis.link_pending`). With ``within_topics`` each topic is stored and linked in a store
of its own, as the same-lemma baseline (and most of the ECB+ literature) is given the topics.

**Mapping.** A gold mention is an ``ACTION_*`` or ``NEG_ACTION_*`` markable in a sentence listed in
``ECBplus_coreference_sentences.csv`` (the sentences ECB+ annotated fully). A stored event maps to the gold
mentions whose tokens its trigger span overlaps, in its evidence or any of its mentions (characters, so a
one-word trigger inside a multiword mention maps, and so does a multiword trigger over a one-word mention).
The scored items are the gold mentions some event maps to; each takes the instance of the event that maps to
it (the smallest event id when several do). Gold clusters are the ``CROSS_DOC_COREF`` chains; an annotated
mention in no chain is its own cluster.

**Unmapped events** are left out of the scores and counted in the report, split into those whose triggers
lie in annotated sentences (on no gold mention: a trigger ECB+ does not mark as an event) and those outside
them (the sentence was not annotated, so nothing can be said of them). They still take part in linking, so a
wrong link through an unmapped event can merge two scored clusters. Gold mentions no event maps to are left
out too (coverage is reported).

**Baseline**: the same items (the gold mentions some event maps to), clustered by topic and the lemma of the
mention's first token (the same-lemma baseline of the ECB+ literature).
"""

from __future__ import annotations

import csv
import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataFileError
from ..records import Article, Span
from ..settings import Settings
from .coref import Clustering, b_cubed, ceaf_e, conll_f1, muc, pairwise

__all__ = ["EcbDocument", "InstanceReport", "evaluate_instances", "load_ecbplus", "score_store"]

_FILE = re.compile(r"^(\d+)_(\d+ecb(?:plus)?)\.xml$")


@dataclass(frozen=True, slots=True)
class GoldMention:
    m_id: str
    tokens: tuple[str, ...]
    chain: str


@dataclass(slots=True)
class EcbDocument:
    topic: int
    name: str  # e.g. "1_10ecbplus"
    text: str
    paragraphs: tuple[Span, ...]
    token_spans: dict[str, tuple[int, int]]  # t_id -> character span
    token_text: dict[str, str]
    mentions: list[GoldMention] = field(default_factory=list)
    annotated: tuple[Span, ...] = ()  # the character spans of the annotated sentences

    @property
    def article_id(self) -> str:
        return f"ecbplus-{self.name}"


def _annotated(path: Path) -> set[tuple[int, str, int]]:
    index = path / "ECBplus_coreference_sentences.csv"
    if not index.is_file():
        raise DataFileError(f"{index}: missing (the list of annotated sentences)")
    with index.open(encoding="utf-8") as handle:
        return {
            (int(row["Topic"]), row["File"], int(row["Sentence Number"])) for row in csv.DictReader(handle)
        }


def _read_document(path: Path, topic: int, annotated: set[tuple[int, str, int]]) -> EcbDocument:
    root = ET.parse(path).getroot()
    name = path.stem
    file_key = name.split("_", 1)[1]
    sentences: dict[int, list[tuple[str, str]]] = {}
    for token in root.iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(
            (token.get("t_id", ""), token.text or "")
        )
    parts, spans, texts, paragraphs, offset = [], {}, {}, [], 0
    sentence_of: dict[str, int] = {}
    for number in sorted(sentences):
        start = offset
        for t_id, text in sentences[number]:
            if offset > start:
                parts.append(" ")
                offset += 1
            spans[t_id], texts[t_id] = (offset, offset + len(text)), text
            sentence_of[t_id] = number
            parts.append(text)
            offset += len(text)
        paragraphs.append(Span(start, offset))
        parts.append("\n\n")
        offset += 2
    document = EcbDocument(topic, name, "".join(parts).rstrip(), tuple(paragraphs), spans, texts)
    keys = [(topic, file_key, number) for number in sorted(sentences)]
    document.annotated = tuple(span for key, span in zip(keys, paragraphs, strict=True) if key in annotated)
    chains = _chains(root)
    for markable in root.find("Markables") or []:
        if not (markable.tag.startswith("ACTION_") or markable.tag.startswith("NEG_ACTION_")):
            continue
        tokens = tuple(anchor.get("t_id", "") for anchor in markable.iter("token_anchor"))
        if not tokens or (topic, file_key, sentence_of.get(tokens[0], -1)) not in annotated:
            continue
        m_id = markable.get("m_id", "")
        document.mentions.append(GoldMention(m_id, tokens, chains.get(m_id, f"{name}:{m_id}")))
    return document


def _chains(root: ET.Element) -> dict[str, str]:
    chains: dict[str, str] = {}
    for relation in root.iter("CROSS_DOC_COREF"):
        for source in relation.iter("source"):
            chains[source.get("m_id", "")] = relation.get("note", "")
    return chains


def load_ecbplus(path: Path, *, topics: Iterable[int] | None = None) -> list[EcbDocument]:
    """The ECB+ documents under ``path`` (only ``topics`` when given), in topic and file order."""
    wanted = set(topics) if topics is not None else None
    annotated = _annotated(path)
    documents = []
    for file in sorted(path.glob("*/*.xml")):
        match = _FILE.match(file.name)
        if match is None or (wanted is not None and int(match.group(1)) not in wanted):
            continue
        documents.append(_read_document(file, int(match.group(1)), annotated))
    if not documents:
        raise DataFileError(f"{path}: no ECB+ files (<topic>/<topic>_<n>ecb[plus].xml) found")
    return documents


@dataclass(slots=True)
class InstanceReport:
    documents: int = 0
    gold_mentions: int = 0
    events: int = 0
    unmapped_events: int = 0
    unmapped_annotated: int = 0
    items: int = 0
    within_topics: bool = False
    scores: dict[str, Any] = field(default_factory=dict)
    baseline: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "gold_mentions": self.gold_mentions,
            "events": self.events,
            "unmapped_events": self.unmapped_events,
            "unmapped_in_annotated_sentences": self.unmapped_annotated,
            "scored_mentions": self.items,
            "linked_within_topics": self.within_topics,
            "detente": self.scores,
            "same_lemma_baseline": self.baseline,
        }

    def format(self) -> str:
        lines = [
            f"documents {self.documents}, annotated gold event mentions {self.gold_mentions}",
            f"stored events {self.events}, unmapped (left out) {self.unmapped_events}: "
            f"{self.unmapped_annotated} in annotated sentences, "
            f"{self.unmapped_events - self.unmapped_annotated} in sentences ECB+ did not annotate",
            f"gold mentions scored (some event maps to them) {self.items}; linked "
            + ("within each topic" if self.within_topics else "across all topics in one store"),
            f"{'':12} {'pairwise P':>10} {'R':>6} {'F1':>6} {'MUC F1':>7} {'B3 F1':>6} "
            f"{'CEAF-e':>7} {'CoNLL':>6}",
        ]
        for name, scores in (("detente", self.scores), ("same lemma", self.baseline)):
            if scores:
                pair = scores["pairwise"]
                lines.append(
                    f"{name:12} {pair['precision']:>10.3f} {pair['recall']:>6.3f} {pair['f1']:>6.3f} "
                    f"{scores['muc']['f1']:>7.3f} {scores['b3']['f1']:>6.3f} {scores['ceaf_e']['f1']:>7.3f} "
                    f"{scores['conll_f1']:>6.3f}"
                )
        return "\n".join(lines)


def all_scores(gold: Clustering, predicted: Clustering) -> dict[str, Any]:
    return {
        "pairwise": pairwise(gold, predicted).to_dict(),
        "muc": muc(gold, predicted).to_dict(),
        "b3": b_cubed(gold, predicted).to_dict(),
        "ceaf_e": ceaf_e(gold, predicted).to_dict(),
        "conll_f1": round(conll_f1(gold, predicted), 4),
    }


def articles_of(documents: Iterable[EcbDocument]) -> list[Article]:
    return [
        Article(id=doc.article_id, text=doc.text, paragraphs=doc.paragraphs, origin=doc.name)
        for doc in documents
    ]


def _event_spans(event: dict[str, Any]) -> list[tuple[int, int]]:
    evidence = [event["evidence"], *event.get("mention_list", [])]
    return [(item["trigger_start"], item["trigger_end"]) for item in evidence if item["trigger_start"] >= 0]


def _overlapping(document: EcbDocument, spans: list[tuple[int, int]]) -> list[GoldMention]:
    found = []
    for mention in document.mentions:
        for t_id in mention.tokens:
            token = document.token_spans.get(t_id)
            if token and any(start < token[1] and token[0] < end for start, end in spans):
                found.append(mention)
                break
    return found


def _in_annotated(document: EcbDocument, spans: list[tuple[int, int]]) -> bool:
    return any(span.start <= start < span.end for start, _ in spans for span in document.annotated)


def _map_events(
    store: Any, documents: list[EcbDocument], report: InstanceReport
) -> dict[tuple[str, str], str]:
    """The instance of each gold mention some stored event maps to; counts the events in ``report``."""
    predicted: dict[tuple[str, str], str] = {}
    for document in documents:
        events = store.query_events(article_id=document.article_id, limit=1000)
        report.events += len(events)
        for row in sorted(events, key=lambda item: item["id"]):
            event = store.get_event(row["id"])
            instance = store.instance_of(row["id"]) or row["id"]
            spans = _event_spans(event)
            mapped = _overlapping(document, spans)
            if not mapped:
                report.unmapped_events += 1
                report.unmapped_annotated += _in_annotated(document, spans)
            for mention in mapped:
                predicted.setdefault((document.name, mention.m_id), instance)
    return predicted


def _score(
    report: InstanceReport, documents: list[EcbDocument], predicted: dict[tuple[str, str], str], lemma: Any
) -> InstanceReport:
    chain_of = {(d.name, m.m_id): m.chain for d in documents for m in d.mentions}
    gold = {item: chain_of[item] for item in predicted}
    report.items = len(gold)
    if gold:
        report.scores = all_scores(gold, predicted)
        if lemma is not None:
            report.baseline = all_scores(gold, _same_lemma(documents, predicted, lemma))
    return report


def score_store(store: Any, documents: list[EcbDocument], *, lemma: Any = None) -> InstanceReport:
    """Score the instances of a store holding ``documents`` (coded, stored and linked)."""
    report = InstanceReport(documents=len(documents), gold_mentions=sum(len(d.mentions) for d in documents))
    return _score(report, documents, _map_events(store, documents, report), lemma)


def _same_lemma(documents: list[EcbDocument], items: Iterable[tuple[str, str]], lemma: Any) -> dict[Any, Any]:
    by_name = {document.name: document for document in documents}
    mentions = {(d.name, m.m_id): m for d in documents for m in d.mentions}
    clusters = {}
    for item in items:
        document, mention = by_name[item[0]], mentions[item]
        clusters[item] = (document.topic, lemma(document.token_text[mention.tokens[0]]))
    return clusters


def evaluate_instances(
    path: Path,
    *,
    settings: Settings | None = None,
    topics: Iterable[int] | None = None,
    db: str | None = None,
    within_topics: bool = False,
) -> InstanceReport:
    """Code and store the ECB+ files under ``path`` (in ``db``, else a temporary SQLite file; with
    ``within_topics`` one temporary store per topic), link them, and score the instances and the same-lemma
    baseline."""
    from ..analysis import link_pending
    from ..pipeline import get_coder
    from ..store import open_store

    settings = settings or Settings.from_env()
    documents = load_ecbplus(path, topics=topics)
    coder = get_coder(settings)
    lemma = _lemmatizer(coder.nlp)
    if not within_topics:
        with tempfile.TemporaryDirectory() as folder, open_store(db or f"{folder}/ecbplus.db") as store:
            store.write_batch(coder.code(articles_of(documents)))
            link_pending(store)
            return score_store(store, documents, lemma=lemma)
    report = InstanceReport(
        documents=len(documents), gold_mentions=sum(len(d.mentions) for d in documents), within_topics=True
    )
    predicted: dict[tuple[str, str], str] = {}
    with tempfile.TemporaryDirectory() as folder:
        for topic in sorted({document.topic for document in documents}):
            part = [document for document in documents if document.topic == topic]
            with open_store(str(Path(folder) / f"ecbplus-{topic}.db")) as store:
                store.write_batch(coder.code(articles_of(part)))
                link_pending(store)
                predicted.update(_map_events(store, part, report))
    return _score(report, documents, predicted, lemma)


def _lemmatizer(nlp: Any) -> Any:
    cache: dict[str, str] = {}

    def lemma(word: str) -> str:
        if word not in cache:
            doc = nlp(word)
            cache[word] = (doc[0].lemma_ if len(doc) else word).lower()
        return cache[word]

    return lemma
