"""The field's verb dictionary as a recall layer under detente's own frames.

``data/petrarch_verbs.tsv`` and ``data/petrarch_synsets.tsv`` are PETRARCH-2's CAMEO verb dictionary converted
by :mod:`detente.events.petrarch_verbs` (MIT, Open Event Data Alliance; see ``data/PETRARCH2_LICENSE.txt``).
``data/petrarch_overrides.tsv`` holds detente's precision choices on top of it (frames dropped because they
fire on everyday, non-political use).

The layer is consulted only for a verb where none of detente's own frames matched (a matching blocking frame
still blocks; see :meth:`detente.events.lexicon.Lexicon.lookup`). A match gives an ordinary
:class:`~detente.events.lexicon.Frame` whose ``rule`` starts with the source line, e.g.
``CAMEO.2.0.txt:3121 attack post:&MILITARY``. Conditions are matched against *zones* of the parse around the
verb, each a set of lowercase words and lemmas:

* ``pre``: the subject noun with its modifiers, and the verb's adverbs;
* ``post``: particles, bare prepositions, the object (and attribute, complement) with its modifiers, the
  complement verb and its object;
* ``pp.<prep>``: the object (with modifiers) of that preposition under the verb, its object or complement.

Every item of a condition must be found in its zone (a noun phrase ``a_b``: all its words; ``&SET``: any
member). The most specific matching frame wins (most items, then the earlier line); the bare verb's default
comes last. Set ``DETENTE_PETRARCH_VERBS=off`` to switch the layer off.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from ..datafiles import tsv_rows
from ..errors import DataFileError
from ..records import ActorMention
from .lexicon import Condition, Frame
from .petrarch_verbs import SOURCE_NAME, SYNSETS_FILE, VERBS_FILE

__all__ = [
    "DictFrame",
    "VerbDictionary",
    "dictionary_dyad",
    "dictionary_enabled",
    "load_dictionary",
    "verb_zones",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
OVERRIDES_FILE = "petrarch_overrides.tsv"

_SUBJECTS = ("nsubj", "nsubjpass")
_MODIFIERS = ("compound", "amod", "nmod", "poss", "nummod")
_OBJECTS = ("dobj", "attr", "oprd", "dative", "acomp")
_PRE_ADVERBS = ("advmod", "neg", "npadvmod")
_DESCRIPTIVE = frozenset({"relcl", "acl", "amod", "compound"})


@dataclass(frozen=True, slots=True)
class DictFrame:
    """One converted PETRARCH frame: all ``conditions`` (zone, alternatives per item) must hold."""

    frame: Frame
    conditions: tuple[tuple[str, tuple[tuple[frozenset[str], ...], ...]], ...]
    size: int

    def matches(self, zones: Mapping[str, set[str]]) -> bool:
        for zone_name, items in self.conditions:
            zone = zones.get(zone_name)
            if zone is None:
                return False
            for alternatives in items:  # one item: any alternative (a set of words that must all be there)
                if not any(words <= zone for words in alternatives):
                    return False
        return True


@dataclass(frozen=True, slots=True)
class VerbDictionary:
    """The converted dictionary: lemma -> frames, most specific first (the bare default last)."""

    frames: Mapping[str, tuple[DictFrame, ...]]

    def __repr__(self) -> str:
        return f"VerbDictionary({len(self.frames)} verbs, {sum(map(len, self.frames.values()))} frames)"

    def __contains__(self, lemma: str) -> bool:
        return lemma in self.frames

    def match(self, lemma: str, zones: Mapping[str, set[str]]) -> Frame | None:
        """The most specific frame of ``lemma`` that holds in ``zones`` (see :func:`verb_zones`), or None."""
        for candidate in self.frames.get(lemma, ()):
            if candidate.matches(zones):
                return candidate.frame
        return None

    def match_verb(self, verb: Token, lemma: str) -> Frame | None:
        """:meth:`match` with the zones of ``verb`` in its parse.

        A verb that describes a noun rather than reports an act (a relative clause, "the faction that controls
        Kabul"; a participle, "power lines leading into Kabul") codes nothing here.
        """
        if lemma not in self.frames or verb.dep_ in _DESCRIPTIVE:
            return None
        return self.match(lemma, verb_zones(verb))


def dictionary_enabled(environ: Mapping[str, str] | None = None) -> bool:
    """False when ``DETENTE_PETRARCH_VERBS`` is ``off`` (or ``0``, ``false``, ``no``)."""
    value = (os.environ if environ is None else environ).get("DETENTE_PETRARCH_VERBS", "")
    return value.strip().lower() not in ("off", "0", "false", "no")


def dictionary_dyad(
    sources: Sequence[ActorMention], targets: Sequence[ActorMention]
) -> tuple[Sequence[ActorMention], Sequence[ActorMention]]:
    """The actors a dictionary frame may code: a resolved source and a resolved target, or nothing.

    A one-sided guess from the dictionary costs more precision than it brings recall on the PLOVER dev
    records. A target that is only the source's own country ("Moscow is ready to help" read as Russia helping
    Russia) is no target.
    """
    own = {m.actor.country for m in sources}
    targets = tuple(t for t in targets if t.actor.sector or t.actor.country not in own)
    return (tuple(sources), targets) if sources and targets else ((), ())


# -- zones ------------------------------------------------------------------------------------------------
def _words(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _phrase_words(head: Token) -> set[str]:
    words = _words(head)
    for child in head.children:
        if child.dep_ in _MODIFIERS:
            words |= _words(child)
            for grand in child.children:  # "U.N. peacekeeping mission", "fighter jets"
                if grand.dep_ in ("compound", "amod"):
                    words |= _words(grand)
    return words


def verb_zones(verb: Token) -> dict[str, set[str]]:
    """The word zones of ``verb`` that conditions are matched against (``pre``, ``post``, ``pp.<prep>``)."""
    pre: set[str] = set()
    post: set[str] = set()
    zones: dict[str, set[str]] = {"pre": pre, "post": post}

    def add_preps(node: Token, depth: int) -> None:
        for child in node.children:
            if child.dep_ in ("prep", "agent"):
                zone = zones.setdefault(f"pp.{child.lower_}", set())
                for grand in child.children:
                    if grand.dep_ in ("pobj", "pcomp"):
                        zone |= _phrase_words(grand)
                        if depth < 2:
                            add_preps(grand, depth + 1)

    for child in verb.children:
        dep = child.dep_
        if dep in _SUBJECTS:
            pre |= _phrase_words(child)
        elif dep in _PRE_ADVERBS and child.i < verb.i:
            pre |= _words(child)
        elif dep in ("prt", "prep", "agent"):
            post.add(child.lower_)
        elif dep in _OBJECTS:
            post |= _phrase_words(child)
            add_preps(child, 1)
        elif dep == "advmod" and child.i > verb.i:
            post |= _words(child)
        elif dep == "xcomp":
            post |= _words(child)
            for grand in child.children:
                if grand.dep_ in _OBJECTS:
                    post |= _phrase_words(grand)
                    add_preps(grand, 1)
                elif grand.dep_ == "prt":
                    post.add(grand.lower_)
            add_preps(child, 1)
    add_preps(verb, 0)
    return zones


# -- loading ----------------------------------------------------------------------------------------------
def load_dictionary(*, data_dir: Path | None = None) -> VerbDictionary:
    """Load the converted dictionary with its overrides (cached for the shipped files)."""
    if data_dir is None:
        return _load_shipped()
    return _load(Path(data_dir))


@functools.lru_cache(maxsize=1)
def _load_shipped() -> VerbDictionary:
    return _load(DATA_DIR)


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _alternatives(phrase: str) -> frozenset[str]:
    return frozenset(_singular(word) for word in phrase.split("_"))


def _load(folder: Path) -> VerbDictionary:
    synsets: dict[str, tuple[frozenset[str], ...]] = {}
    for number, fields in tsv_rows(folder / SYNSETS_FILE, "dictionary file"):
        if len(fields) != 2 or not fields[0].startswith("&"):
            raise DataFileError(f"{folder / SYNSETS_FILE}:{number}: expected &NAME<tab>member|member")
        synsets[fields[0]] = tuple(_alternatives(m) for m in fields[1].split("|") if m)
    dropped_lemmas, dropped = _load_overrides(folder / OVERRIDES_FILE)
    dropped_codes = tuple(key[5:] for key, text in dropped if key.startswith("code:") and text == "-")
    grouped: dict[str, list[DictFrame]] = {}
    path = folder / VERBS_FILE
    for number, fields in tsv_rows(path, "dictionary file"):
        if len(fields) < 5:
            raise DataFileError(f"{path}:{number}: expected lemma, conditions, cameo, target, line")
        lemma, text, cameo, target, line = fields[:5]
        if (
            lemma in dropped_lemmas
            or (lemma, text) in dropped
            or ("*", text) in dropped
            or (text == "-" and any(cameo.startswith(prefix) for prefix in dropped_codes))
        ):
            continue
        conditions = _conditions(text, synsets, path=path, number=number)
        frame = Frame(
            lemma=lemma,
            pos="VERB",
            conditions=tuple(Condition(kind, frozenset(), f"{kind}:{spec}") for kind, spec in _split(text)),
            cameo=cameo,
            target=target,
            source_line=int(line),
            source_file=SOURCE_NAME,
            note=fields[5] if len(fields) > 5 else "",
        )
        size = sum(len(items) for _, items in conditions)
        grouped.setdefault(lemma, []).append(DictFrame(frame, conditions, size))
    return VerbDictionary(
        {
            lemma: tuple(sorted(items, key=lambda f: (-f.size, f.frame.source_line)))
            for lemma, items in grouped.items()
        }
    )


def _split(text: str) -> list[tuple[str, str]]:
    if text == "-":
        return []
    return [tuple(part.split(":", 1)) for part in text.split()]  # type: ignore[misc]


def _conditions(
    text: str, synsets: Mapping[str, tuple[frozenset[str], ...]], *, path: Path, number: int
) -> tuple[tuple[str, tuple[tuple[frozenset[str], ...], ...]], ...]:
    conditions = []
    for kind, spec in _split(text):
        items: list[tuple[frozenset[str], ...]] = []
        for item in () if spec == "*" else spec.split("+"):
            if item.startswith("&"):
                if item not in synsets:
                    raise DataFileError(f"{path}:{number}: unknown synonym set {item}")
                items.append(synsets[item])
            else:
                items.append((_alternatives(item),))
        conditions.append((kind, tuple(items)))
    return tuple(conditions)


def _load_overrides(path: Path) -> tuple[set[str], set[tuple[str, str]]]:
    """``petrarch_overrides.tsv``: ``key  conditions  drop  reason``. The key is a lemma, ``*`` (every verb)
    or ``code:<prefix>`` (with conditions ``-``: the bare defaults whose CAMEO code starts with the prefix);
    conditions ``*`` drop every frame of the lemma, ``-`` its bare default, others that exact frame."""
    lemmas: set[str] = set()
    frames: set[tuple[str, str]] = set()
    if not path.exists():
        return lemmas, frames
    for number, fields in tsv_rows(path, "dictionary overrides"):
        if len(fields) < 3 or fields[2] != "drop":
            raise DataFileError(f"{path}:{number}: expected lemma<tab>conditions<tab>drop<tab>reason")
        if fields[1] == "*":
            lemmas.add(fields[0])
        else:
            frames.add((fields[0], fields[1]))
    return lemmas, frames


def frames_of(dictionary: VerbDictionary, lemma: str) -> Sequence[Frame]:
    """The frames of ``lemma``, most specific first (for inspection and tests)."""
    return [f.frame for f in dictionary.frames.get(lemma, ())]
