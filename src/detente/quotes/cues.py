"""The words that attribute quotations: loaded once from ``data/cues.tsv`` (its header documents the format)
and combined with the event lexicon's speech verbs, so that a user's own speech-verb file counts here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError

__all__ = ["CueWords", "load_cue_words", "load_speaker_types"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "cues.tsv"
SPEAKERS_FILE = Path(__file__).resolve().parent / "data" / "speakers.tsv"
KINDS = (
    "cue",
    "thought",
    "addressee",
    "voice",
    "naming",
    "phrase",
    "inside",
    "light",
    "directive",
    "charge",
    "finding",
    "noun",
)
_SPEAKER_TYPES = ("person", "group", "organization", "media", "document")


@dataclass(frozen=True, slots=True)
class CueWords:
    """Cue verbs (``verbs``), of which ``reporting`` introduce reported speech (``thought`` and ``finding``
    ones only for some speakers, see the table's header); the other word classes."""

    verbs: frozenset[str]
    reporting: frozenset[str]
    addressee: frozenset[str]
    voice: frozenset[str]
    naming: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    light: dict[str, frozenset[str]]
    thought: frozenset[str] = frozenset()
    finding: frozenset[str] = frozenset()
    directive: frozenset[str] = frozenset()
    charge: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()

    def with_speech_verbs(self, speech_verbs: Iterable[str]) -> CueWords:
        """These cues plus the event lexicon's speech verbs (each a cue verb and a reporting verb)."""
        speech = frozenset(speech_verbs)
        return CueWords(
            verbs=self.verbs | speech,
            reporting=self.reporting | (speech - self.verbs),
            addressee=self.addressee,
            voice=self.voice,
            naming=self.naming,
            phrases=self.phrases,
            light=self.light,
            thought=self.thought,
            finding=self.finding,
            directive=self.directive,
            charge=self.charge,
            nouns=self.nouns,
        )

    def conditional(self, lemma: str) -> bool:
        """A verb that reports only for some speakers: a thought that is no speech cue, or a finding."""
        return lemma in self.thought or (lemma in self.finding and lemma not in self.speech)

    @property
    def speech(self) -> frozenset[str]:
        return self.reporting - self.thought - self.finding


@lru_cache(maxsize=1)
def load_cue_words(path: Path = DATA_FILE) -> CueWords:
    """Read the cue table (raises :class:`detente.errors.DataFileError` on a malformed line)."""
    words: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for number, fields in tsv_rows(path, "the quote cue table"):
        if len(fields) not in (2, 3) or fields[1] not in KINDS or not fields[0]:
            raise DataFileError(
                f"{path}:{number}: expected 'word <tab> kind [<tab> note]', kind one of {KINDS}"
            )
        words[fields[1]].add(fields[0].lower())
    non_reporting = words["inside"]
    light: dict[str, set[str]] = {}
    for phrase in words["light"]:
        verb, _, complement = phrase.partition(" ")
        light.setdefault(verb, set()).add(complement.split()[-1] if complement else "")
    thought = words["thought"] - words["cue"]
    return CueWords(
        verbs=frozenset(words["cue"] | words["thought"] | non_reporting),
        reporting=frozenset((words["cue"] | thought | words["finding"]) - non_reporting),
        addressee=frozenset(words["addressee"]),
        voice=frozenset(words["voice"]),
        naming=frozenset(words["naming"]),
        phrases=tuple(sorted((tuple(p.split()) for p in words["phrase"]), key=len, reverse=True)),
        light={verb: frozenset(complements) for verb, complements in light.items()},
        thought=frozenset(thought),
        finding=frozenset(words["finding"] - words["cue"]),
        directive=frozenset(words["directive"]),
        charge=frozenset(words["charge"]),
        nouns=frozenset(words["noun"]),
    )


@lru_cache(maxsize=1)
def load_speaker_types(path: Path = SPEAKERS_FILE) -> dict[str, str]:
    """Noun lemma -> speaker type, from ``data/speakers.tsv`` (the first type listed for a noun wins)."""
    types: dict[str, str] = {}
    for number, fields in tsv_rows(path, "the quote speaker table"):
        if len(fields) != 2 or fields[1] not in _SPEAKER_TYPES or not fields[0]:
            raise DataFileError(f"{path}:{number}: expected 'noun <tab> type', type one of {_SPEAKER_TYPES}")
        types.setdefault(fields[0].lower(), fields[1])
    return types
