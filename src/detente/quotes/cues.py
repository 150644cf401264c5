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

__all__ = ["CueWords", "load_cue_words"]

DATA_FILE = Path(__file__).resolve().parent / "data" / "cues.tsv"
KINDS = ("cue", "thought", "addressee", "voice", "naming", "phrase", "inside", "light")


@dataclass(frozen=True, slots=True)
class CueWords:
    """Cue verbs (``verbs``), of which ``reporting`` introduce reported speech; the other word classes."""

    verbs: frozenset[str]
    reporting: frozenset[str]
    addressee: frozenset[str]
    voice: frozenset[str]
    naming: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    light: dict[str, frozenset[str]]

    def with_speech_verbs(self, speech_verbs: Iterable[str]) -> CueWords:
        """These cues plus the event lexicon's speech verbs (each a cue verb and a reporting verb)."""
        speech = frozenset(speech_verbs)
        thought = self.verbs - self.reporting
        return CueWords(
            verbs=self.verbs | speech,
            reporting=(self.reporting | speech) - thought,
            addressee=self.addressee,
            voice=self.voice,
            naming=self.naming,
            phrases=self.phrases,
            light=self.light,
        )


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
    non_reporting = words["thought"] | words["inside"]
    light: dict[str, set[str]] = {}
    for phrase in words["light"]:
        verb, _, complement = phrase.partition(" ")
        light.setdefault(verb, set()).add(complement.split()[-1] if complement else "")
    return CueWords(
        verbs=frozenset(words["cue"] | non_reporting),
        reporting=frozenset(words["cue"] - non_reporting),
        addressee=frozenset(words["addressee"]),
        voice=frozenset(words["voice"]),
        naming=frozenset(words["naming"]),
        phrases=tuple(sorted((tuple(p.split()) for p in words["phrase"]), key=len, reverse=True)),
        light={verb: frozenset(complements) for verb, complements in light.items()},
    )
