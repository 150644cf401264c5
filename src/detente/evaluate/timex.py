"""Score detente's temporal expressions against gold TIMEX3 annotations (TempEval-3 style).

Three gold formats are read: the MEANTIME corpus (a folder of NewsReader XML), TimeML ``.tml`` files, as in
TimeBank, AQUAINT and the TempEval-3 data (a file or a folder of them; see :func:`load_timeml`), and the
EventStoryLine corpus (a folder of CAT XML whose times are ``TIME_*`` markables; see
:mod:`detente.evaluate.timex_esc`). A folder of XML is EventStoryLine when its files carry ``TIME_*``
markables and no ``TIMEX3``, MEANTIME otherwise.

MEANTIME (NewsReader, English Wikinews) ships one XML file per article under
``intra-doc_annotation/corpus_<topic>/``: the tokens (``<token t_id sentence number>``, space-separated) and
the ``TIMEX3`` markables with their ``token_anchor`` children, ``type`` and ``value``. For each document:

* the text is rebuilt from the tokens (title, dateline and body as three paragraphs; no space before closing
  punctuation; Penn Treebank quotes as curly ones), keeping every token's offsets;
* the document creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``, written
  ``DD-MM-YYYY`` in one file) is the article's publication date and is not scored, nor is any prediction
  overlapping its words; a document without one is coded without a publication date (its dateline then
  anchors the relative expressions);
* only the annotated opening is scored: sentences 0 to 5, or further where annotations go further.

Scores, micro-averaged per corpus and overall:

* **span** (relaxed): a gold expression is found when a predicted one overlaps it; a prediction is right when
  it overlaps a gold one.
* **value**: the same, and the values are equal (case and spaces ignored). A gold expression with an empty
  value has no value annotated: it counts for the span scores only, and a prediction overlapping only such
  expressions is left out of the value precision.
* **type accuracy**: the share of found gold expressions with an overlapping prediction of their type.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..records import Article, CodedArticle, Span, TimeExpression
from ..settings import Settings
from .scores import TripleScore

__all__ = [
    "GoldTime",
    "MeantimeDocument",
    "TimexReport",
    "evaluate_timex",
    "load_gold",
    "load_meantime",
    "load_timeml",
    "score_document",
    "split_half",
]

#: the last sentence of the annotated opening (title 0, dateline 1, body 2-5)
SCOPE_LAST_SENTENCE = 5
_NO_SPACE_BEFORE = re.compile(r"^(?:[,.:;!?)\]}%\u201d]|'s|'re|'ve|'ll|'d|'m|n't|’s)$", re.IGNORECASE)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#", "\u201c"})
_QUOTES = {"``": "\u201c", "''": "\u201d"}  # Penn Treebank quotation marks, as the news wrote them
_DAY_FIRST = re.compile(r"(\d{2})-(\d{2})-(\d{4})")


@dataclass(frozen=True, slots=True)
class GoldTime:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True, slots=True)
class MeantimeDocument:
    """One MEANTIME article: rebuilt text, paragraphs, gold expressions in scope, DCT and scope end."""

    id: str
    corpus: str
    text: str
    paragraphs: tuple[Span, ...]
    published: dt.date | None
    gold: tuple[GoldTime, ...]
    excluded: tuple[Span, ...]  # text not scored: the creation time's words, unannotated sentences
    scope_end: int  # offset where the annotated opening ends
    headings: tuple[Span, ...] | None = None  # the article's headings; None: the first paragraph


@dataclass(slots=True)
class TimexScores:
    documents: int = 0
    span: TripleScore = field(default_factory=TripleScore)
    value: TripleScore = field(default_factory=TripleScore)
    typed: int = 0  # found gold expressions with an overlapping prediction of their type

    @property
    def type_accuracy(self) -> float:
        return self.typed / self.span.gold_matched if self.span.gold_matched else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "documents": self.documents,
            "gold": self.span.gold,
            "predicted": self.span.predicted,
            "span_precision": round(self.span.precision, 4),
            "span_recall": round(self.span.recall, 4),
            "span_f1": round(self.span.f1, 4),
            "value_precision": round(self.value.precision, 4),
            "value_recall": round(self.value.recall, 4),
            "value_f1": round(self.value.f1, 4),
            "type_accuracy": round(self.type_accuracy, 4),
        }


@dataclass(slots=True)
class TimexReport:
    """Scores per corpus and overall, and the gold expressions whose value was not found."""

    corpora: dict[str, TimexScores] = field(default_factory=dict)
    overall: TimexScores = field(default_factory=TimexScores)
    #: per TIMEX3 type: recall over the gold expressions of that type, precision over the predictions of it
    types: dict[str, TimexScores] = field(default_factory=dict)
    failures: int = 0  # documents detente could not code at all
    undated: int = 0  # documents without a creation date (coded without a publication date)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, gold text, gold value, got
    #: predictions that overlap no gold expression: doc, text, value
    false_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def value_f1(self) -> float:
        return self.overall.value.f1

    @property
    def span_f1(self) -> float:
        return self.overall.span.f1

    def to_dict(self) -> dict[str, object]:
        return {
            "overall": self.overall.to_dict(),
            "corpora": {name: scores.to_dict() for name, scores in sorted(self.corpora.items())},
            "types": {name: scores.to_dict() for name, scores in sorted(self.types.items())},
            "failures": self.failures,
            "undated": self.undated,
        }

    def format(self, *, show_misses: bool = False) -> str:
        header = (
            f"{'corpus':<14}{'docs':>5}{'gold':>6}{'pred':>6}  {'span P':>7}{'R':>7}{'F1':>7}"
            f"  {'value P':>7}{'R':>7}{'F1':>7}  {'type acc':>8}"
        )
        rows = [header, "-" * len(header)]
        named = [*sorted(self.corpora.items()), ("overall", self.overall)]
        for name, scores in named:
            span, value = scores.span, scores.value
            rows.append(
                f"{name:<14}{scores.documents:>5}{span.gold:>6}{span.predicted:>6}"
                f"  {span.precision:>7.3f}{span.recall:>7.3f}{span.f1:>7.3f}"
                f"  {value.precision:>7.3f}{value.recall:>7.3f}{value.f1:>7.3f}  {scores.type_accuracy:>8.3f}"
            )
        rows.append("-" * len(header))
        for name, scores in sorted(self.types.items()):
            span, value = scores.span, scores.value
            rows.append(
                f"{'type ' + name:<14}{'':>5}{span.gold:>6}{span.predicted:>6}"
                f"  {span.precision:>7.3f}{span.recall:>7.3f}{span.f1:>7.3f}"
                f"  {value.precision:>7.3f}{value.recall:>7.3f}{value.f1:>7.3f}  {scores.type_accuracy:>8.3f}"
            )
        if self.failures:
            rows.append(f"coding failures: {self.failures} (see the error records: detente code)")
        if self.undated:
            rows.append(
                f"documents without a creation date: {self.undated} (coded without a publication date: "
                "the first full date of the text anchors them)"
            )
        if show_misses:
            rows.append("")
            rows.extend(
                f"MISS {doc:<10} {text[:40]!r:<44} gold {value:<18} got {got}"
                for doc, text, value, got in self.misses
            )
            rows.extend(
                f"EXTRA {doc:<10} {text[:40]!r:<44} value {value}" for doc, text, value in self.false_alarms
            )
        return "\n".join(rows)


# -- reading -------------------------------------------------------------------------------------------
def load_meantime(path: Path) -> list[MeantimeDocument]:
    """Every document of a MEANTIME folder (the corpus root, ``intra-doc_annotation`` or one corpus), or of
    an EventStoryLine folder (``annotated_data`` or one topic: CAT XML with ``TIME_*`` markables)."""
    from .timex_esc import is_esc, read_esc_document

    root = Path(path)
    files = sorted(root.rglob("*.xml"))
    intra = [f for f in files if "intra-doc_annotation" in f.parts]
    files = intra or files
    if not files:
        raise DataFileError(
            f"{path}: no MEANTIME XML files (expected intra-doc_annotation/corpus_*/*.xml) "
            "nor EventStoryLine ones (annotated_data/<topic>/*.xml)"
        )
    parsed: list[tuple[Path, ET.Element | None, Exception | None]] = []
    for file in files:
        try:
            parsed.append((file, ET.parse(file).getroot(), None))
        except (OSError, ET.ParseError) as exc:
            parsed.append((file, None, exc))
    esc = is_esc([document for _, document, _ in parsed if document is not None])
    documents = []
    for file, document, error in parsed:
        if document is None:
            corpus = "EventStoryLine (CAT)" if esc else "MEANTIME"
            raise DataFileError(f"{file}: cannot read {corpus} XML: {error}") from error
        documents.append(read_esc_document(file, document) if esc else _read_document(file, document))
    return documents


def _read_document(file: Path, document: ET.Element) -> MeantimeDocument:
    """One parsed MEANTIME file as a scored document."""
    tokens = [
        (token.get("t_id", ""), int(token.get("sentence", "0") or 0), token.text or "")
        for token in document.iter("token")
    ]
    text, offsets, paragraphs = _rebuild(tokens)
    markables = document.find("Markables")
    timexes = list(markables.iter("TIMEX3")) if markables is not None else []
    anchored_sentences = [
        offsets[anchor.get("t_id", "")][2]
        for element in (markables if markables is not None else [])
        for anchor in element.findall("token_anchor")
        if anchor.get("t_id", "") in offsets
    ]
    last_sentence = max([SCOPE_LAST_SENTENCE, *anchored_sentences])
    scope_end = max((end for _, end, sentence in offsets.values() if sentence <= last_sentence), default=0)
    gold, excluded, published = [], [], None
    for timex in timexes:
        ids = [a.get("t_id", "") for a in timex.findall("token_anchor") if a.get("t_id", "") in offsets]
        span = (min(offsets[i][0] for i in ids), max(offsets[i][1] for i in ids)) if ids else None
        if timex.get("functionInDocument") == "CREATION_TIME":
            published = _creation_date(timex.get("value", ""))
            if span:
                excluded.append(Span(*span))
        elif span and span[0] < scope_end:
            value, kind = timex.get("value", ""), timex.get("type", "")
            gold.append(GoldTime(span[0], span[1], kind, value, text[span[0] : span[1]]))
    return MeantimeDocument(
        id=document.get("doc_id") or file.stem,
        corpus=file.parent.name.removeprefix("corpus_"),
        text=text,
        paragraphs=paragraphs,
        published=published,
        gold=tuple(sorted(gold, key=lambda g: g.start)),
        excluded=tuple(excluded),
        scope_end=scope_end,
    )


def _rebuild(
    tokens: list[tuple[str, int, str]],
    *,
    glued: Callable[[list[tuple[str, int, str]], int], bool] | None = None,
    heading_sentences: int | None = 2,
) -> tuple[str, dict[str, tuple[int, int, int]], tuple[Span, ...]]:
    """The text from space-separated tokens: title, dateline and body as paragraphs; token offsets.

    The first ``heading_sentences`` sentence numbers (0 and 1: MEANTIME's title and dateline) are
    paragraphs of their own, every later sentence too if it is None; ``glued(tokens, i)`` True writes token
    ``i`` with no space before it (inside a sentence), on top of the punctuation rules.
    """
    parts: list[str] = []
    offsets: dict[str, tuple[int, int, int]] = {}
    paragraphs: list[Span] = []
    length, paragraph_start, previous_sentence, previous = 0, 0, None, ""
    for index, (t_id, sentence, token) in enumerate(tokens):
        word = _QUOTES.get(token, token)
        if previous_sentence is not None and sentence != previous_sentence:
            if heading_sentences is None or previous_sentence < heading_sentences:
                paragraphs.append(Span(paragraph_start, length))
                parts.append("\n\n")
                length += 2
                paragraph_start = length
            else:
                parts.append(" ")
                length += 1
        elif (
            previous_sentence is not None
            and not _NO_SPACE_BEFORE.match(word)
            and previous not in _NO_SPACE_AFTER
            and not (glued is not None and glued(tokens, index))
        ):
            parts.append(" ")
            length += 1
        offsets[t_id] = (length, length + len(word), sentence)
        parts.append(word)
        length += len(word)
        previous_sentence, previous = sentence, word
    paragraphs.append(Span(paragraph_start, length))
    return "".join(parts), offsets, tuple(paragraphs)


_UNPADDED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")


def _creation_date(value: str) -> dt.date | None:
    value = value.strip()
    if match := _DAY_FIRST.fullmatch(value):
        value = f"{match[3]}-{match[2]}-{match[1]}"
    elif match := _UNPADDED.match(value):  # 2009-12-4, 2009-12-3T14:36Z
        value = f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def load_gold(path: Path) -> list[MeantimeDocument]:
    """TimeML ``.tml`` files (one file or a folder holding them), else a MEANTIME or EventStoryLine folder."""
    root = Path(path)
    if root.is_file() and root.suffix.lower() == ".tml":
        return [_read_timeml(root)]
    if root.is_dir():
        tml = sorted(root.rglob("*.tml"))
        if tml:
            return [_read_timeml(file) for file in tml]
    if not root.exists():
        raise DataFileError(f"{path}: no such file or folder")
    return load_meantime(root)


def load_timeml(path: Path) -> list[MeantimeDocument]:
    """Every TimeML document of a ``.tml`` file or a folder of them (read recursively, sorted).

    The text is the content of ``<TEXT>`` with its tags removed: paragraphs are the blank-line separated
    blocks, lines inside a paragraph are joined with a space, Penn Treebank quotes become curly ones. The
    creation time is the ``TIMEX3`` in ``<DCT>`` (not scored, as it is not in the text); every ``TIMEX3``
    inside ``<TEXT>`` is gold, the whole text is in scope, and the corpus is the name of the file's folder.
    """
    root = Path(path)
    files = [root] if root.is_file() else sorted(root.rglob("*.tml"))
    if not files:
        raise DataFileError(f"{path}: no TimeML files (*.tml)")
    return [_read_timeml(file) for file in files]


_PTB_QUOTES = re.compile(r"``|''")


def _read_timeml(file: Path) -> MeantimeDocument:
    try:
        document = ET.parse(file).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataFileError(f"{file}: cannot read TimeML: {exc}") from exc
    body = document.find("TEXT")
    if body is None:
        raise DataFileError(f"{file}: no <TEXT> element")
    dct = document.find("DCT/TIMEX3")
    published = _creation_date(dct.get("value", "")) if dct is not None else None
    pieces: list[str] = []
    raw_gold: list[tuple[int, int, str, str]] = []
    length = 0

    def add(text: str | None) -> None:
        nonlocal length
        if text:
            pieces.append(text)
            length += len(text)

    def walk(element: ET.Element) -> None:
        add(element.text)
        for child in element:
            start = length
            walk(child)
            if child.tag == "TIMEX3":
                raw_gold.append((start, length, child.get("type", ""), child.get("value", "")))
            add(child.tail)

    walk(body)
    text, mapping = _normal_text("".join(pieces))
    paragraphs = tuple(Span(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", text))
    gold = []
    for start, end, kind, value in raw_gold:
        new_start, new_end = mapping[start], mapping[end]
        while new_start < new_end and text[new_start].isspace():
            new_start += 1
        while new_end > new_start and text[new_end - 1].isspace():
            new_end -= 1
        if new_end > new_start:
            gold.append(GoldTime(new_start, new_end, kind, value, text[new_start:new_end]))
    docid = document.findtext("DOCID")
    return MeantimeDocument(
        id=(docid or file.stem).strip(),
        corpus=file.parent.name,
        text=text,
        paragraphs=paragraphs,
        published=published,
        gold=tuple(sorted(gold, key=lambda g: g.start)),
        excluded=(),
        scope_end=len(text),
    )


def _normal_text(raw: str) -> tuple[str, list[int]]:
    """Blank-line paragraphs, single spaces inside them, curly quotes; and each raw offset's new offset."""
    out: list[str] = []
    mapping = [0] * (len(raw) + 1)
    i = 0
    pending = ""  # whitespace waiting to be written: "" , " " or "\n\n"
    while i < len(raw):
        mapping[i] = len(out) + (len(pending) if out else 0)
        char = raw[i]
        if char.isspace():
            j = i
            while j < len(raw) and raw[j].isspace():
                mapping[j] = len(out) + (len(pending) if out else 0)
                j += 1
            pending = "\n\n" if raw.count("\n", i, j) >= 2 else " "
            i = j
            continue
        if out and pending:
            out.extend(pending)
        pending = ""
        mapping[i] = len(out)
        quote = _PTB_QUOTES.match(raw, i)
        if quote:
            out.append("\u201c" if quote[0] == "``" else "\u201d")
            mapping[i + 1] = len(out)
            i += 2
            continue
        out.append(char)
        i += 1
    mapping[len(raw)] = len(out)
    for index in range(len(raw) - 1, -1, -1):  # trailing whitespace maps to the end of the text
        if mapping[index] > len(out):
            mapping[index] = len(out)
    return "".join(out), mapping


def split_half(documents: list[MeantimeDocument], half: int) -> list[MeantimeDocument]:
    """One of two fixed halves of a document set (1 or 2), by a hash of each document's id.

    The split does not depend on the order or number of files read, so a half tuned on stays the same half.
    """
    if half not in (1, 2):
        raise ValueError(f"half must be 1 or 2, got {half}")
    import hashlib

    return [d for d in documents if hashlib.sha256(d.id.encode("utf-8")).digest()[0] % 2 == half - 1]


# -- scoring -------------------------------------------------------------------------------------------
def _overlaps(gold: GoldTime, time: TimeExpression) -> bool:
    return gold.start < time.end and time.start < gold.end


def _same_value(gold: GoldTime, time: TimeExpression) -> bool:
    return _overlaps(gold, time) and _canonical(gold.value) == _canonical(time.value)


def _valued(gold: GoldTime) -> bool:
    """Whether gold annotates a value (an empty one is 'no value annotated', not a value to match)."""
    return bool(gold.value.strip())


def _value_predictions(gold: Iterable[GoldTime], predicted: list[TimeExpression]) -> list[TimeExpression]:
    """The predictions that count for value precision: all but those overlapping only gold expressions
    without a value (their value can be neither right nor wrong)."""
    unvalued = [g for g in gold if not _valued(g)]
    if not unvalued:
        return predicted
    valued = [g for g in gold if _valued(g)]
    return [
        time
        for time in predicted
        if not any(_overlaps(g, time) for g in unvalued) or any(_overlaps(g, time) for g in valued)
    ]


def _canonical(value: str) -> str:
    return re.sub(r"\s+", "", value).upper()


def scored_predictions(document: MeantimeDocument, times: Iterable[TimeExpression]) -> list[TimeExpression]:
    """The predictions that count: in the annotated opening, not on the creation time's words."""
    return [
        time
        for time in times
        if time.start < document.scope_end
        and not any(time.start < span.end and span.start < time.end for span in document.excluded)
    ]


def score_document(document: MeantimeDocument, times: Iterable[TimeExpression], scores: TimexScores) -> None:
    """Add one document's counts to ``scores``."""
    predicted = scored_predictions(document, times)
    scores.documents += 1
    scores.span.add(document.gold, predicted, _overlaps)
    valued = [g for g in document.gold if _valued(g)]
    scores.value.add(valued, _value_predictions(document.gold, predicted), _same_value)
    scores.typed += sum(
        1 for gold in document.gold if any(_overlaps(gold, t) and t.type == gold.type for t in predicted)
    )


def _score_type(
    scores: TimexScores, kind: str, gold: tuple[GoldTime, ...], predicted: list[TimeExpression]
) -> None:
    """One type's counts: recall over the gold expressions of that type (found by any prediction),
    precision over the predictions of that type (against any gold expression); for values, only gold
    expressions with a value and the predictions :func:`_value_predictions` keeps."""
    of_kind = [g for g in gold if g.type == kind]
    predicted_kind = [t for t in predicted if t.type == kind]
    valued = [g for g in gold if _valued(g)]
    scores.documents += 1
    valued_kind = [g for g in of_kind if _valued(g)]
    counted = (
        (scores.span, _overlaps, of_kind, predicted_kind, gold),
        (scores.value, _same_value, valued_kind, _value_predictions(gold, predicted_kind), valued),
    )
    for score, matches, gold_of_kind, predicted_of_kind, against in counted:
        score.gold += len(gold_of_kind)
        score.gold_matched += sum(1 for g in gold_of_kind if any(matches(g, t) for t in predicted))
        score.predicted += len(predicted_of_kind)
        score.predicted_matched += sum(1 for t in predicted_of_kind if any(matches(g, t) for g in against))
    scores.typed += sum(1 for g in of_kind if any(_overlaps(g, t) and t.type == kind for t in predicted))


def score(documents: Iterable[MeantimeDocument], coded: Iterable[CodedArticle]) -> TimexReport:
    report = TimexReport()
    for document, result in zip(documents, coded, strict=True):
        if result.error is not None:
            report.failures += 1
        if document.published is None:
            report.undated += 1
        times = result.times
        for scores in (report.corpora.setdefault(document.corpus, TimexScores()), report.overall):
            score_document(document, times, scores)
        predicted = scored_predictions(document, times)
        for kind in {g.type for g in document.gold} | {t.type for t in predicted}:
            _score_type(report.types.setdefault(kind, TimexScores()), kind, document.gold, predicted)
        for gold in document.gold:
            if _valued(gold) and not any(_same_value(gold, t) for t in predicted):
                got = ",".join(t.value for t in predicted if _overlaps(gold, t)) or "-"
                report.misses.append((document.id, gold.text, gold.value, got))
            elif not _valued(gold) and not any(_overlaps(gold, t) for t in predicted):
                report.misses.append((document.id, gold.text, "(no value)", "-"))
        for time in predicted:
            if not any(_overlaps(gold, time) for gold in document.gold):
                report.false_alarms.append((document.id, time.text, time.value))
    return report


def evaluate_timex(path: Path, *, settings: Settings | None = None, half: int | None = None) -> TimexReport:
    """Code every gold document (MEANTIME folder or TimeML files) with the real pipeline and score its times.

    ``half`` (1 or 2) scores only that half of the documents (:func:`split_half`).
    """
    from ..pipeline import get_coder

    documents = load_gold(path)
    if half is not None:
        documents = split_half(documents, half)
    articles = [
        Article(
            id=document.id,
            text=document.text,
            published=document.published,
            paragraphs=document.paragraphs,
            headings=document.paragraphs[:1] if document.headings is None else document.headings,
            origin=f"{document.corpus}/{document.id}",
        )
        for document in documents
    ]
    return score(documents, get_coder(settings).code(articles))
