"""How far gold TIMEX3 annotations agree with themselves (``detente eval timex PATH --agreement``).

Reads only the gold documents (:func:`detente.evaluate.timex.load_gold`), codes nothing. The unit is the
*form*: the lower-cased text of a gold TIMEX3 with its whitespace normalized. Every form gold marks at least
once is looked for in the scored text of every document (case-insensitive, not inside a word; any run of
spaces between its words). An occurrence that is exactly a gold expression counts for that expression's form;
of the other occurrences, those overlapping such an exact one are dropped ("week" in a gold "last week",
"on Monday" around a gold "Monday"), and of the rest only the longest counts ("week" in an unmarked "last
week" is no occurrence of "week"), so no stretch of text is counted under two forms that nest; occurrences
that merely cross (rare) are both counted. An occurrence is *marked* when it overlaps a gold TIMEX3 (the
relaxed span match of the scorer) and *exact* when it is the whole of one.

Three measures, over the forms that occur at least ``min_count`` times:

1. **marking**: per form, occurrences, marked, rate; a system deciding from the form alone makes at least
   ``min(marked, unmarked)`` span errors on it, and the sum over forms is reported.
2. **values**: per form marked exactly at least ``min_count`` times, each gold value expressed relative to
   its document's creation time (:func:`relative_value`: ``D-1``, ``W+0``, ``M-1``, ``Y+0``, ``Q-1``,
   ``weekday-1`` for the most recent such weekday, the creation day counting, ``date+1``, ...; durations,
   ``*_REF`` and absolute values as written), the majority convention and its share; ``exact - majority``
   disagreements are unavoidable for a system that gives the form one convention.
3. **ceiling**: the best value F1 a system could reach on those forms if it decided, per form, whether to
   mark every occurrence and which one convention to apply to the creation time: gold = their exact
   occurrences, predictions = the exact and unmarked occurrences of the forms it marks, right = the
   majority convention's count. It is an upper bound for such form-only systems, computed generously (the
   system is given the gold boundaries and loses nothing on occurrences inside longer expressions, which are
   left out); it is **not** a bound for a system that reads the context (tense, "over the last week" against
   "last week"), and its gap to 1 mixes annotation disagreement with such legitimate context dependence.

A gold expression with an empty value (no value annotated, as in EventStoryLine's durations) counts for the
marking only: it is in no form's conventions, and the ceiling neither expects nor predicts its value.

Forms that name a weekday, month, season or the weekend without a shift or a year ("Monday", "March 5",
"the weekend"; ``data/agreement_words.tsv``) take their value from the tense of their clause in TimeML: they
are listed apart and left out of every sum and of the ceiling.

The result depends only on the documents read (sorted by file name) and ``min_count``: forms are ordered by
count then text, ties between conventions by label.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError
from .timex import MeantimeDocument, load_gold, split_half

__all__ = [
    "AgreementReport",
    "FormMarking",
    "FormValues",
    "is_clause_dependent",
    "measure_agreement",
    "relative_value",
    "timex_agreement",
]

DEFAULT_MIN_COUNT = 3


@dataclass(frozen=True, slots=True)
class FormMarking:
    """One form's occurrences in the scored text and how many of them gold marks (overlaps, or is exactly)."""

    form: str
    occurrences: int
    marked: int
    exact: int

    @property
    def unmarked(self) -> int:
        return self.occurrences - self.marked

    @property
    def rate(self) -> float:
        return self.marked / self.occurrences if self.occurrences else 0.0

    @property
    def unavoidable(self) -> int:
        """The span errors of a system that marks every occurrence of the form or none."""
        return min(self.marked, self.unmarked)

    def to_dict(self) -> dict[str, object]:
        return {
            "form": self.form,
            "occurrences": self.occurrences,
            "marked": self.marked,
            "exact": self.exact,
            "rate": round(self.rate, 4),
        }


@dataclass(frozen=True, slots=True)
class FormValues:
    """The conventions of one form's exact gold expressions, most frequent first."""

    form: str
    conventions: tuple[tuple[str, int], ...]

    @property
    def marked(self) -> int:
        return sum(count for _, count in self.conventions)

    @property
    def majority(self) -> str:
        return self.conventions[0][0] if self.conventions else ""

    @property
    def majority_count(self) -> int:
        return self.conventions[0][1] if self.conventions else 0

    @property
    def share(self) -> float:
        return self.majority_count / self.marked if self.marked else 0.0

    @property
    def disagreements(self) -> int:
        return self.marked - self.majority_count

    def to_dict(self) -> dict[str, object]:
        return {
            "form": self.form,
            "marked": self.marked,
            "majority": self.majority,
            "majority_count": self.majority_count,
            "share": round(self.share, 4),
            "conventions": dict(self.conventions),
        }


@dataclass(slots=True)
class AgreementReport:
    """Marking and value consistency of a gold set, and the form-only ceiling (see the module)."""

    documents: int = 0
    gold: int = 0
    min_count: int = DEFAULT_MIN_COUNT
    marking: list[FormMarking] = field(default_factory=list)
    values: list[FormValues] = field(default_factory=list)
    clause_marking: list[FormMarking] = field(default_factory=list)
    clause_values: list[FormValues] = field(default_factory=list)
    #: the ceiling over the forms of ``marking``: their exact gold, what the best choice predicts, gets right
    ceiling_gold: int = 0
    ceiling_predicted: int = 0
    ceiling_right: int = 0
    ceiling_forms_marked: int = 0
    #: occurrences of those forms inside or across a longer gold expression, left out of the ceiling
    ceiling_left_out: int = 0

    @property
    def unavoidable_marking(self) -> int:
        return sum(form.unavoidable for form in self.marking)

    @property
    def unavoidable_values(self) -> int:
        return sum(form.disagreements for form in self.values)

    @property
    def ceiling_precision(self) -> float:
        return self.ceiling_right / self.ceiling_predicted if self.ceiling_predicted else 0.0

    @property
    def ceiling_recall(self) -> float:
        return self.ceiling_right / self.ceiling_gold if self.ceiling_gold else 0.0

    @property
    def ceiling_f1(self) -> float:
        total = self.ceiling_gold + self.ceiling_predicted
        return 2 * self.ceiling_right / total if total else 0.0

    @property
    def coverage(self) -> float:
        """The share of all gold expressions that the ceiling's forms cover."""
        return self.ceiling_gold / self.gold if self.gold else 0.0

    def totals(self) -> dict[str, object]:
        """The aggregate figures, without any single form."""
        marked_values = sum(form.marked for form in self.values)
        return {
            "documents": self.documents,
            "gold": self.gold,
            "min_count": self.min_count,
            "marking_forms": len(self.marking),
            "marking_occurrences": sum(form.occurrences for form in self.marking),
            "marking_marked": sum(form.marked for form in self.marking),
            "unavoidable_marking_errors": self.unavoidable_marking,
            "value_forms": len(self.values),
            "value_marked": marked_values,
            "value_majority": marked_values - self.unavoidable_values,
            "value_majority_share": round(1 - self.unavoidable_values / marked_values, 4)
            if marked_values
            else 0.0,
            "unavoidable_value_disagreements": self.unavoidable_values,
            "clause_dependent_forms": len(self.clause_marking),
            "clause_dependent_marked": sum(form.exact for form in self.clause_marking),
            "clause_dependent_value_forms": len(self.clause_values),
            "clause_dependent_value_marked": sum(form.marked for form in self.clause_values),
            "clause_dependent_disagreements": sum(form.disagreements for form in self.clause_values),
            "ceiling_gold": self.ceiling_gold,
            "ceiling_coverage": round(self.coverage, 4),
            "ceiling_predicted": self.ceiling_predicted,
            "ceiling_right": self.ceiling_right,
            "ceiling_forms_marked": self.ceiling_forms_marked,
            "ceiling_left_out": self.ceiling_left_out,
            "ceiling_value_precision": round(self.ceiling_precision, 4),
            "ceiling_value_recall": round(self.ceiling_recall, 4),
            "ceiling_value_f1": round(self.ceiling_f1, 4),
        }

    def to_dict(self) -> dict[str, object]:
        return {
            "totals": self.totals(),
            "marking": [form.to_dict() for form in self.marking],
            "values": [form.to_dict() for form in self.values],
            "clause_dependent": {
                "marking": [form.to_dict() for form in self.clause_marking],
                "values": [form.to_dict() for form in self.clause_values],
            },
        }

    def format(self) -> str:
        t = self.totals()
        n = self.min_count
        rows = [
            f"gold agreement: {self.documents} documents, {self.gold} gold expressions;"
            f" forms seen >= {n} times",
            f"marking: {t['marking_forms']} forms, {t['marking_occurrences']} occurrences,"
            f" {t['marking_marked']} marked;"
            f" unavoidable span errors of a form-only system: {self.unavoidable_marking}",
            f"values: {t['value_forms']} forms marked >= {n} times, {t['value_marked']} expressions, majority"
            f" convention {t['value_majority']} ({t['value_majority_share']:.3f});"
            f" unavoidable disagreements: {self.unavoidable_values}",
            f"clause-dependent (weekday, month, season, weekend; by tense):"
            f" {t['clause_dependent_forms']} forms,"
            f" {t['clause_dependent_marked']} expressions, not in the sums; of the"
            f" {t['clause_dependent_value_marked']} marked >= {n} times,"
            f" {t['clause_dependent_disagreements']} differ from their form's majority",
            f"form-only ceiling: value P {self.ceiling_precision:.3f} R {self.ceiling_recall:.3f}"
            f" F1 {self.ceiling_f1:.3f} over {self.ceiling_gold} gold expressions"
            f" ({self.coverage:.1%} of all);"
            f" marks {self.ceiling_forms_marked} of {len(self.marking)} forms;"
            f" {self.ceiling_left_out} occurrences inside longer expressions left out",
            "  (a bound for systems deciding from the form and creation time alone,"
            " not for context-using ones)",
        ]
        rows += ["", f"{'marking':<32}{'occ':>6}{'marked':>8}{'exact':>7}{'rate':>7}"]
        rows += [_marking_row(form) for form in self.marking]
        rows += ["", f"{'values':<32}{'marked':>7}{'share':>7}  conventions (relative to the creation time)"]
        rows += [_values_row(form) for form in self.values]
        rows += ["", f"{'clause-dependent: marking':<32}{'occ':>6}{'marked':>8}{'exact':>7}{'rate':>7}"]
        rows += [_marking_row(form) for form in self.clause_marking]
        rows += ["", f"{'clause-dependent: values':<32}{'marked':>7}{'share':>7}  conventions"]
        rows += [_values_row(form) for form in self.clause_values]
        return "\n".join(rows)


def _marking_row(form: FormMarking) -> str:
    return f"{form.form[:31]:<32}{form.occurrences:>6}{form.marked:>8}{form.exact:>7}{form.rate:>7.2f}"


def _values_row(form: FormValues) -> str:
    conventions = ", ".join(f"{label} {count}" for label, count in form.conventions)
    return f"{form.form[:31]:<32}{form.marked:>7}{form.share:>7.2f}  {conventions}"


# -- forms -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Words:
    classes: dict[str, str]  # word -> class
    values: dict[str, str]  # word -> value


@functools.cache
def _words() -> _Words:
    path = resources.files("detente.evaluate").joinpath("data/agreement_words.tsv")
    classes, values = {}, {}
    for number, fields in tsv_rows(path, "the clause-dependent words"):
        if len(fields) != 3:
            raise DataFileError(f"{path}:{number}: expected class, word and value")
        classes[fields[1]], values[fields[1]] = fields[0], fields[2]
    return _Words(classes, values)


_NAME_CLASSES = frozenset({"weekday", "month", "season", "weekend"})
_DAY_NUMBER = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")


def normal_form(text: str) -> str:
    """A gold expression's form: lower case, single spaces."""
    return " ".join(text.split()).lower()


def _form_words(form: str) -> list[str]:
    return [word.rstrip(",") for word in form.split() if word.rstrip(",")]


def is_clause_dependent(form: str) -> bool:
    """Whether a form names a weekday, month, season or the weekend with nothing that anchors it (no shift,
    no year): only such names, parts of the day, fillers and day numbers."""
    classes = _words().classes
    words = _form_words(form)
    named = False
    for word in words:
        kind = classes.get(word)
        if kind in _NAME_CLASSES:
            named = True
        elif kind not in ("part", "filler") and not _DAY_NUMBER.fullmatch(word):
            return False
    return named


def _named(form: str, kind: str) -> set[int]:
    words = _words()
    return {int(words.values[word]) for word in _form_words(form) if words.classes.get(word) == kind}


# -- relative values -------------------------------------------------------------------------------------
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d{1,2})(-.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-([QH])([1-4])")
_SEASON = re.compile(r"(\d{4})-(SP|SU|FA|WI)")
_YEAR = re.compile(r"(\d{4})(-.*)?")
_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d{2})(?:XX)?")
_SEASONS = ("SP", "SU", "FA", "WI")


def _signed(label: str, number: int) -> str:
    return f"{label}{number:+d}"


def _steps(difference: int, period: int) -> int:
    """Which occurrence of a recurring slot (a weekday, a month) ``difference`` units after the creation
    time's own: -1 the most recent one, the creation time's own counting; -2 the one before; 1 the next."""
    if difference <= 0:
        return -(-difference // period + 1)
    return (difference - 1) // period + 1


def _date_steps(date: dt.date, published: dt.date) -> int:
    """The same for a day of the year ('Aug. 7'): -1 its latest occurrence, the creation date counting."""
    day, own = (date.month, date.day), (published.month, published.day)
    if date <= published:
        latest = published.year if day <= own else published.year - 1
        return -(latest - date.year + 1)
    first = published.year if day > own else published.year + 1
    return date.year - first + 1


def relative_value(value: str, published: dt.date | None, form: str = "") -> str:
    """A gold value as a convention relative to the creation date, so that one rule gives one label.

    ``D-1`` (a day back), ``W+0`` (the same ISO week; ``-WE`` and other tails kept), ``M-1``, ``Q-1``,
    ``H+0``, ``S-1`` (seasons), ``Y-1`` (tails such as ``-WXX`` kept), ``DEC+0``, ``CENT+0``; a time keeps
    its tail (``D+0TEV``). A weekday, month or day of the year that the form names is counted in its own
    occurrences: ``weekday-1`` is the most recent such weekday, the creation date counting (a Friday's
    "Friday" and a Monday's "Friday" alike), ``weekday-2`` the one before, ``weekday+1`` the next after the
    creation date; ``month-1`` and ``date-1`` ('Aug. 7') likewise. Kept as written: durations, ``*_REF``,
    values with ``X`` for the year, values whose year (or decade) the form writes itself ("March 1998", "the
    1990s": absolute), and every value of a document without a creation date.
    """
    value = re.sub(r"\s+", "", value).upper()
    if published is None or not value or value.startswith("P") or value.endswith("_REF"):
        return value
    digits = re.match(r"\d+", value)
    if digits and digits[0] in form:  # the form writes its own year ('March 1998', 'the 1990s'): absolute
        return value
    if match := _DATE.fullmatch(value):
        try:
            date = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return value
        tail = match[4] or ""
        if date.isoweekday() in _named(form, "weekday"):
            return _signed("weekday", _steps((date - published).days, 7)) + tail
        if date.month in _named(form, "month"):
            return _signed("date", _date_steps(date, published)) + tail
        return _signed("D", (date - published).days) + tail
    if match := _WEEK.fullmatch(value):
        try:
            monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        except ValueError:
            return value
        return _signed("W", (monday - _monday(published)).days // 7) + (match[3] or "")
    if match := _MONTH.fullmatch(value):
        month = int(match[2])
        months = (int(match[1]) - published.year) * 12 + month - published.month
        if month in _named(form, "month"):
            return _signed("month", _steps(months, 12))
        return _signed("M", months) if 1 <= month <= 12 else value
    if match := _QUARTER.fullmatch(value):
        size = 3 if match[2] == "Q" else 6
        own = (published.month - 1) // size + 1
        per_year = 12 // size
        return _signed(match[2], (int(match[1]) - published.year) * per_year + int(match[3]) - own)
    if match := _SEASON.fullmatch(value):
        return _signed("S", _season_index(int(match[1]), match[2]) - _published_season(published))
    if match := _YEAR.fullmatch(value):
        return _signed("Y", int(match[1]) - published.year) + (match[2] or "")
    if match := _DECADE.fullmatch(value):
        return _signed("DEC", int(match[1]) - published.year // 10)
    if match := _CENTURY.fullmatch(value):
        return _signed("CENT", int(match[1]) - published.year // 100)
    return value


def _monday(date: dt.date) -> dt.date:
    return date - dt.timedelta(days=date.isoweekday() - 1)


def _season_index(year: int, season: str) -> int:
    return year * 4 + _SEASONS.index(season)


def _published_season(date: dt.date) -> int:
    """Spring March-May, summer June-August, autumn September-November, winter December-February (a winter
    is counted in the year of its December)."""
    if date.month == 12:
        return _season_index(date.year, "WI")
    if date.month <= 2:
        return _season_index(date.year - 1, "WI")
    return _season_index(date.year, _SEASONS[(date.month - 3) // 3])


# -- measuring -------------------------------------------------------------------------------------------
@dataclass(slots=True)
class _Tally:
    occurrences: int = 0
    marked: int = 0
    exact: int = 0
    unmarked: int = 0
    left_out: int = 0  # marked, but not the whole of a gold expression
    unvalued: int = 0  # exact, but gold annotates no value (an empty one)
    conventions: Counter[str] = field(default_factory=Counter)


def _pattern(form: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in form.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def _occurrences(
    document: MeantimeDocument, patterns: dict[str, re.Pattern[str]]
) -> list[tuple[int, int, str]]:
    """The occurrences of the forms in the document's scored text that count: every one that is exactly a gold
    expression, and of the rest those that overlap none of these and lie inside no longer one of the rest."""
    lowered = document.text.lower()
    gold_spans = {(gold.start, gold.end) for gold in document.gold}
    exact: list[tuple[int, int, str]] = []
    others: list[tuple[int, int, str]] = []
    for form, pattern in patterns.items():
        if form.split()[0] not in lowered:
            continue
        for match in pattern.finditer(document.text):
            start, end = match.span()
            if start >= document.scope_end or any(
                start < span.end and span.start < end for span in document.excluded
            ):
                continue
            (exact if (start, end) in gold_spans else others).append((start, end, form))
    others = [o for o in others if not any(o[0] < e and s < o[1] for s, e, _ in exact)]
    others.sort(key=lambda item: (item[0], -item[1], item[2]))
    kept, reach = [], -1  # reach: the furthest end of the occurrences before, all starting no later
    for start, end, form in others:
        if reach < end:  # not inside an earlier (or same-start, longer) occurrence
            kept.append((start, end, form))
        reach = max(reach, end)
    return sorted(exact + kept)


def measure_agreement(
    documents: list[MeantimeDocument], *, min_count: int = DEFAULT_MIN_COUNT
) -> AgreementReport:
    """Marking and value consistency of the gold expressions of ``documents`` (see the module)."""
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count}")
    forms = sorted({normal_form(gold.text) for document in documents for gold in document.gold} - {""})
    patterns = {form: _pattern(form) for form in forms}
    tallies: dict[str, _Tally] = {form: _Tally() for form in forms}
    for document in documents:
        golds = {(gold.start, gold.end): gold for gold in document.gold}
        for start, end, form in _occurrences(document, patterns):
            tally = tallies[form]
            tally.occurrences += 1
            exact = golds.get((start, end))
            if exact is not None:
                tally.marked += 1
                tally.exact += 1
                if exact.value.strip():
                    tally.conventions[relative_value(exact.value, document.published, form)] += 1
                else:
                    tally.unvalued += 1
            elif any(start < gold.end and gold.start < end for gold in document.gold):
                tally.marked += 1
                tally.left_out += 1
            else:
                tally.unmarked += 1
    report = AgreementReport(
        documents=len(documents), gold=sum(len(document.gold) for document in documents), min_count=min_count
    )
    order = sorted(tallies.items(), key=lambda item: (-item[1].occurrences, item[0]))
    for form, tally in order:
        if tally.occurrences < min_count:
            continue
        marking = FormMarking(form, tally.occurrences, tally.marked, tally.exact)
        clause = is_clause_dependent(form)
        (report.clause_marking if clause else report.marking).append(marking)
        if not clause:
            report.ceiling_left_out += tally.left_out
    for form, tally in sorted(tallies.items(), key=lambda item: (-item[1].exact, item[0])):
        if tally.exact - tally.unvalued < min_count:
            continue
        conventions = tuple(sorted(tally.conventions.items(), key=lambda item: (-item[1], item[0])))
        (report.clause_values if is_clause_dependent(form) else report.values).append(
            FormValues(form, conventions)
        )
    _ceiling(report, [tallies[form.form] for form in report.marking])
    return report


def _ceiling(report: AgreementReport, tallies: list[_Tally]) -> None:
    """The best choice of forms to mark: F1 = 2 right / (gold + predicted) is at its maximum on a set of forms
    whose right/predicted ratio is above a threshold, so the best prefix of the forms by that ratio is it."""
    report.ceiling_gold = sum(tally.exact - tally.unvalued for tally in tallies)
    candidates = []
    for tally in tallies:
        predicted = tally.exact - tally.unvalued + tally.unmarked  # as the scorer: none on unvalued gold
        right = max(tally.conventions.values(), default=0)
        if predicted and right:
            candidates.append((right / predicted, right, predicted))
    candidates.sort(key=lambda item: -item[0])
    best = (0.0, 0, 0, 0)
    right = predicted = 0
    for count, (_, form_right, form_predicted) in enumerate(candidates, start=1):
        right += form_right
        predicted += form_predicted
        f1 = 2 * right / (report.ceiling_gold + predicted)
        if f1 > best[0]:
            best = (f1, right, predicted, count)
    _, report.ceiling_right, report.ceiling_predicted, report.ceiling_forms_marked = best


def timex_agreement(
    path: Path, *, half: int | None = None, min_count: int = DEFAULT_MIN_COUNT
) -> AgreementReport:
    """The agreement report of a gold set: a MEANTIME folder or TimeML files, or one half of it."""
    documents = load_gold(path)
    if half is not None:
        documents = split_half(documents, half)
    return measure_agreement(documents, min_count=min_count)
