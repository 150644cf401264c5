"""The event lexicons: verb and noun frames, synsets, light verbs, speech verbs and status cues.

The knowledge lives in data files next to this module (``data/*.tsv``, ``data/*.txt``; each file documents its
format in a header comment). :func:`load_lexicon` reads them once, expands the ``@SYNSET`` classes and sorts
each lemma's frames from most to least specific, so that :meth:`Lexicon.match` is one dictionary lookup and a
short scan. The extractor computes a *feature dict* for a predicate (lowercase lemmas)::

    {"prt": {"off"}, "prep": {"with"}, "obj": {"sanction"}, "xcomp": {"cooperate"}, "pobj.of": {"spy"}}

and asks which frame matches. No spaCy here: features are plain strings.

User files add to or override the shipped data; their kind comes from the end of their file name
(``my_verbs.tsv``, ``nouns.tsv``, ``synsets.tsv``, ``light_verbs.txt``, ``speech_verbs.txt``,
``status_cues.tsv``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError
from ..records import STATUSES

__all__ = [
    "CUE_SCOPES",
    "Condition",
    "Frame",
    "Lexicon",
    "StatusCue",
    "load_lexicon",
]

DATA_DIR = Path(__file__).resolve().parent / "data"

#: How a status cue attaches to the event word (see ``data/status_cues.tsv``).
CUE_SCOPES = frozenset(
    {"head", "xcomp", "subject-of-passive", "subject", "amod", "aux", "mark", "neg", "det", "prep"}
)

# file kind -> shipped file name; a user file's kind is the shipped name its own name ends with
_FILES = {
    "synsets": "synsets.tsv",
    "verbs": "verbs.tsv",
    "nouns": "nouns.tsv",
    "light_verbs": "light_verbs.txt",
    "speech_verbs": "speech_verbs.txt",
    "status_cues": "status_cues.tsv",
}
_POS = {"verbs": "VERB", "nouns": "NOUN"}
_SPEECH_FLAGS = ("report", "act")

_LEMMA = re.compile(r"[a-z0-9'][a-z0-9'.\-]*\Z")
_SYNSET = re.compile(r"@[A-Z][A-Z0-9_]*\Z")
_KIND = re.compile(r"[a-z]+(?:\.[a-z]+)?\Z")
_CAMEO = re.compile(r"(?:0[1-9]|1[0-9]|20)[0-9]{0,2}\Z")
_TARGET = re.compile(r"(?:obj|none|xcomp\.obj|prep:[a-z]+|from:[a-z]+)\Z")


@dataclass(frozen=True, slots=True)
class Condition:
    """One requirement of a frame: the feature ``kind`` holds one of ``values`` (empty = any value)."""

    kind: str
    values: frozenset[str]
    text: str = ""  # as written in the data file, e.g. "xcomp:@MEET"

    def holds(self, features: Mapping[str, Collection[str]]) -> bool:
        found = features.get(self.kind)
        return bool(found) and (not self.values or not self.values.isdisjoint(found))


@dataclass(frozen=True, slots=True)
class Frame:
    """A coded reading of a verb or event noun: when ``conditions`` hold, it denotes CAMEO ``cameo``.

    ``cameo`` is ``""`` for a blocking frame (the lemma codes no event in that reading). ``target`` says where
    the target actor is: ``obj``, ``prep:<p>``, ``xcomp.obj`` or ``none``; ``from:<p>`` turns the roles round:
    the object of the preposition is the source and the subject the target ("received aid from X").
    """

    lemma: str
    pos: str
    conditions: tuple[Condition, ...]
    cameo: str
    target: str
    source_line: int
    source_file: str = ""
    note: str = ""

    def matches(self, features: Mapping[str, Collection[str]]) -> bool:
        return all(condition.holds(features) for condition in self.conditions)

    @property
    def rule(self) -> str:
        """Where the frame comes from and what it needs, for evidence: ``verbs.tsv:12 agree xcomp:@MEET``."""
        conditions = " ".join(c.text for c in self.conditions) or "-"
        return f"{self.source_file}:{self.source_line} {self.lemma} {conditions}"


@dataclass(frozen=True, slots=True)
class StatusCue:
    """A word that gives the events it governs a status other than ``occurred``."""

    lemma: str
    status: str
    scope: str
    note: str = ""
    source_line: int = 0


@dataclass(frozen=True, slots=True)
class Lexicon:
    """All event lexicons, loaded and precomputed. Build it with :func:`load_lexicon`.

    The mappings are plain dicts (so the lexicon pickles for Dask workers); treat them as read-only.
    """

    verbs: Mapping[str, tuple[Frame, ...]]
    nouns: Mapping[str, tuple[Frame, ...]]
    light_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    status_cues: Mapping[str, tuple[StatusCue, ...]]
    report_verbs: frozenset[str] = frozenset()  # speech verbs that only report (flag "report")
    synsets: Mapping[str, frozenset[str]] = field(default_factory=dict)

    def __repr__(self) -> str:
        return (
            f"Lexicon({len(self.verbs)} verbs, {len(self.nouns)} nouns, {len(self.light_verbs)} light verbs, "
            f"{len(self.speech_verbs)} speech verbs, {len(self.status_cues)} status cues)"
        )

    def match(self, lemma: str, pos: str, features: Mapping[str, Collection[str]]) -> Frame | None:
        """The most specific frame of ``lemma`` whose conditions all hold, or None.

        ``pos`` is ``"VERB"`` or ``"NOUN"`` (any other part of speech has no frames). A blocking frame
        (CAMEO ``-`` in the data) that wins gives None too.
        """
        frame = self.lookup(lemma, pos, features)
        return frame if frame is not None and frame.cameo else None

    def lookup(self, lemma: str, pos: str, features: Mapping[str, Collection[str]]) -> Frame | None:
        """Like :meth:`match`, but a winning blocking frame is returned (its ``cameo`` is ``""``).

        None means that no frame of ``lemma`` matched at all: only then may a lower layer (the PETRARCH
        verb dictionary, :mod:`detente.events.dictionary`) code the verb.
        """
        table = self.verbs if pos == "VERB" else self.nouns if pos == "NOUN" else None
        if table is None:
            return None
        for frame in table.get(lemma, ()):
            for condition in frame.conditions:  # inlined Condition.holds: this runs for every verb
                found = features.get(condition.kind)
                if not found or (condition.values and condition.values.isdisjoint(found)):
                    break
            else:
                return frame
        return None

    def cues(self, lemma: str, scope: str | None = None) -> tuple[StatusCue, ...]:
        """The status cues of ``lemma`` (for ``scope`` only when given)."""
        found = self.status_cues.get(lemma, ())
        return found if scope is None else tuple(cue for cue in found if cue.scope == scope)


# -- loading ----------------------------------------------------------------------------------------------
def load_lexicon(*, extra_files: Sequence[Path] = ()) -> Lexicon:
    """Load the shipped lexicons, then ``extra_files`` in order (later lines override earlier ones).

    Without extra files the result is cached. Raises :class:`DataFileError` naming the file and line of a
    malformed entry, an unknown ``@SYNSET`` or a file whose kind cannot be told from its name.
    """
    if not extra_files:
        return _load_shipped()
    return _build([*_shipped_paths(), *(Path(p) for p in extra_files)])


@functools.lru_cache(maxsize=1)
def _load_shipped() -> Lexicon:
    return _build(_shipped_paths())


def _shipped_paths() -> list[Path]:
    return [DATA_DIR / name for name in _FILES.values()]


def _kind_of(path: Path) -> str:
    name = path.name.lower()
    for kind, shipped in sorted(_FILES.items(), key=lambda item: -len(item[1])):
        if name.endswith(shipped):
            return kind
    raise DataFileError(
        f"{path}: cannot tell which lexicon this is; the file name must end with one of "
        + ", ".join(_FILES.values())
    )


def _build(paths: Sequence[Path]) -> Lexicon:
    by_kind: dict[str, list[tuple[int, Path]]] = {kind: [] for kind in _FILES}
    for rank, path in enumerate(paths):
        by_kind[_kind_of(path)].append((rank, path))
    synsets = _load_synsets([p for _, p in by_kind["synsets"]])
    speech = _load_speech([p for _, p in by_kind["speech_verbs"]])
    return Lexicon(
        verbs=_load_frames(by_kind["verbs"], pos="VERB", synsets=synsets),
        nouns=_load_frames(by_kind["nouns"], pos="NOUN", synsets=synsets),
        light_verbs=_load_light([p for _, p in by_kind["light_verbs"]]),
        speech_verbs=frozenset(speech),
        status_cues=_load_cues([p for _, p in by_kind["status_cues"]]),
        report_verbs=frozenset(lemma for lemma, flag in speech.items() if flag == "report"),
        synsets=synsets,
    )


def _rows(path: Path, *, min_cols: int, max_cols: int) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line number, fields)`` for each data line (tab-separated; ``#`` lines and blanks skipped)."""
    for number, fields in tsv_rows(path, "lexicon file"):
        while fields and not fields[-1]:  # trailing tabs leave empty optional fields
            fields.pop()
        if not min_cols <= len(fields) <= max_cols:
            raise _error(
                path, number, f"expected {min_cols} to {max_cols} tab-separated fields, got {len(fields)}"
            )
        yield number, fields


def _error(path: Path, number: int, message: str) -> DataFileError:
    return DataFileError(f"{path}:{number}: {message}")


# -- synsets ----------------------------------------------------------------------------------------------
def _load_synsets(paths: Sequence[Path]) -> dict[str, frozenset[str]]:
    raw: dict[str, tuple[list[str], Path, int]] = {}
    for path in paths:
        for number, (name, members) in _rows(path, min_cols=2, max_cols=2):
            if not _SYNSET.match(name):
                raise _error(path, number, f"bad synset name {name!r} (expected @UPPER_CASE)")
            items = [item.strip() for item in members.split("|")]
            for item in items:
                if not (_SYNSET.match(item) or _LEMMA.match(item)):
                    raise _error(path, number, f"bad synset member {item!r}")
            raw[name] = (items, path, number)
    return {name: _expand(name, raw, ()) for name in raw}


def _expand(
    name: str, raw: Mapping[str, tuple[list[str], Path, int]], stack: tuple[str, ...]
) -> frozenset[str]:
    items, path, number = raw[name]
    if name in stack:
        raise _error(path, number, f"synset {name} includes itself ({' > '.join((*stack, name))})")
    members: set[str] = set()
    for item in items:
        if not item.startswith("@"):
            members.add(item)
        elif item in raw:
            members |= _expand(item, raw, (*stack, name))
        else:
            raise _error(path, number, f"unknown synset {item}")
    return frozenset(members)


# -- frames -----------------------------------------------------------------------------------------------
def _load_frames(
    files: Sequence[tuple[int, Path]], *, pos: str, synsets: Mapping[str, frozenset[str]]
) -> Mapping[str, tuple[Frame, ...]]:
    frames: dict[tuple[str, tuple[tuple[str, frozenset[str]], ...]], tuple[int, Frame]] = {}
    for rank, path in files:
        seen: dict[tuple[str, tuple[tuple[str, frozenset[str]], ...]], int] = {}
        for number, fields in _rows(path, min_cols=3, max_cols=5):
            frame = _parse_frame(fields, pos=pos, synsets=synsets, path=path, number=number)
            key = (frame.lemma, tuple(sorted((c.kind, c.values) for c in frame.conditions)))
            if key in seen:
                raise _error(path, number, f"duplicate frame for {frame.lemma!r} (first at line {seen[key]})")
            seen[key] = number
            frames[key] = (rank, frame)
    grouped: dict[str, list[tuple[int, Frame]]] = {}
    for rank, frame in frames.values():
        grouped.setdefault(frame.lemma, []).append((rank, frame))
    return {lemma: _most_specific_first(items) for lemma, items in grouped.items()}


def _most_specific_first(items: list[tuple[int, Frame]]) -> tuple[Frame, ...]:
    def key(item: tuple[int, Frame]) -> tuple[int, int, int, int]:
        rank, frame = item
        specific = sum(1 for c in frame.conditions if c.values)
        return (-len(frame.conditions), -specific, -rank, frame.source_line)

    return tuple(frame for _, frame in sorted(items, key=key))


def _parse_frame(
    fields: list[str], *, pos: str, synsets: Mapping[str, frozenset[str]], path: Path, number: int
) -> Frame:
    lemma, frame_text, cameo = fields[0], fields[1], fields[2]
    target = fields[3] if len(fields) > 3 and fields[3] not in ("", "-") else "obj"
    if not _LEMMA.match(lemma):
        raise _error(path, number, f"bad lemma {lemma!r} (one lowercase word)")
    if cameo != "-" and not _CAMEO.match(cameo):
        raise _error(path, number, f"bad CAMEO code {cameo!r} (2-4 digits, root 01-20)")
    if not _TARGET.match(target):
        raise _error(
            path, number, f"bad target {target!r} (obj, none, xcomp.obj, prep:<word> or from:<word>)"
        )
    if not frame_text:
        raise _error(path, number, "empty frame (write '-' for the default frame)")
    conditions = () if frame_text == "-" else _parse_conditions(frame_text, synsets, path=path, number=number)
    return Frame(
        lemma=lemma,
        pos=pos,
        conditions=conditions,
        cameo="" if cameo == "-" else cameo,
        target=target,
        source_line=number,
        source_file=path.name,
        note=fields[4] if len(fields) > 4 else "",
    )


def _parse_conditions(
    text: str, synsets: Mapping[str, frozenset[str]], *, path: Path, number: int
) -> tuple[Condition, ...]:
    conditions: list[Condition] = []
    for token in text.split():
        kind, colon, spec = token.partition(":")
        if not colon or not _KIND.match(kind) or not spec:
            raise _error(path, number, f"bad condition {token!r} (expected kind:value|value, kind:* or '-')")
        if any(c.kind == kind for c in conditions):
            raise _error(path, number, f"condition kind {kind!r} given twice")
        values = frozenset() if spec == "*" else _values(spec, synsets, path=path, number=number)
        conditions.append(Condition(kind, values, token))
    return tuple(conditions)


def _values(spec: str, synsets: Mapping[str, frozenset[str]], *, path: Path, number: int) -> frozenset[str]:
    values: set[str] = set()
    for item in spec.split("|"):
        if item.startswith("@"):
            if item not in synsets:
                raise _error(path, number, f"unknown synset {item}")
            values |= synsets[item]
        elif _LEMMA.match(item):
            values.add(item)
        else:
            raise _error(path, number, f"bad value {item!r} (lowercase lemma or @SYNSET)")
    return frozenset(values)


# -- word lists and cues ----------------------------------------------------------------------------------
def _phrase(text: str, *, path: Path, number: int, max_words: int = 3) -> str:
    words = text.split()
    if not 1 <= len(words) <= max_words or not all(_LEMMA.match(word) for word in words):
        raise _error(path, number, f"bad entry {text!r} (1 to {max_words} lowercase words)")
    return " ".join(words)


def _load_light(paths: Sequence[Path]) -> frozenset[str]:
    entries: set[str] = set()
    for path in paths:
        for number, fields in _rows(path, min_cols=1, max_cols=2):
            entries.add(_phrase(fields[0], path=path, number=number))
    return frozenset(entries)


def _load_speech(paths: Sequence[Path]) -> dict[str, str]:
    flags: dict[str, str] = {}
    for path in paths:
        for number, fields in _rows(path, min_cols=2, max_cols=3):
            lemma = _phrase(fields[0], path=path, number=number, max_words=1)
            if fields[1] not in _SPEECH_FLAGS:
                raise _error(path, number, f"bad flag {fields[1]!r} (expected report or act)")
            flags[lemma] = fields[1]
    return flags


def _load_cues(paths: Sequence[Path]) -> Mapping[str, tuple[StatusCue, ...]]:
    cues: dict[tuple[str, str], StatusCue] = {}
    for path in paths:
        for number, fields in _rows(path, min_cols=3, max_cols=4):
            cue = _parse_cue(fields, path=path, number=number)
            cues[(cue.lemma, cue.scope)] = cue
    grouped: dict[str, list[StatusCue]] = {}
    for cue in cues.values():
        grouped.setdefault(cue.lemma, []).append(cue)
    return {lemma: tuple(items) for lemma, items in grouped.items()}


def _parse_cue(fields: list[str], *, path: Path, number: int) -> StatusCue:
    lemma = _phrase(fields[0], path=path, number=number, max_words=2)
    status, scope = fields[1], fields[2]
    if status not in STATUSES or status == "occurred":
        raise _error(
            path, number, f"bad status {status!r} (planned, cancelled, denied, hypothetical, negated)"
        )
    if scope not in CUE_SCOPES:
        raise _error(path, number, f"bad scope {scope!r} (one of {', '.join(sorted(CUE_SCOPES))})")
    note = fields[3] if len(fields) > 3 else ""
    return StatusCue(lemma=lemma, status=status, scope=scope, note=note, source_line=number)
