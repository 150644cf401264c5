"""The words that tell where an event happened: ``places/data/cues.tsv``, read once per process.

:func:`load_cues` returns a :class:`PlaceCues` with one set of words per kind (see the file's header for the
kinds and what each one does).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError

__all__ = ["CUE_KINDS", "CUES_FILE", "PlaceCues", "load_cues", "read_cues"]

CUES_FILE = Path(__file__).resolve().parent / "data" / "cues.tsv"
CUE_KINDS = (
    "locative",
    "destination",
    "struck",
    "inner",
    "on_noun",
    "motion",
    "attack",
    "weapon",
    "meeting",
    "capital",
)


@dataclass(frozen=True, slots=True)
class PlaceCues:
    """The cue words by kind."""

    locative: frozenset[str]
    destination: frozenset[str]
    struck: frozenset[str]
    inner: frozenset[str]
    on_noun: frozenset[str]
    motion: frozenset[str]
    attack: frozenset[str]
    weapon: frozenset[str]
    meeting: frozenset[str]
    capital: frozenset[str]


@functools.lru_cache(maxsize=1)
def load_cues() -> PlaceCues:
    """The shipped cue words."""
    return read_cues(CUES_FILE)


def read_cues(path: Path) -> PlaceCues:
    """Read a cue file (``word``, ``kind``, optional ``note``; ``#`` comments; a header row)."""
    words: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
    header_seen = False
    for number, cells in tsv_rows(path, "place cues"):
        if not header_seen:
            if cells[:2] != ["word", "kind"]:
                raise DataFileError(f"{path}:{number}: header {cells} does not start with word, kind")
            header_seen = True
            continue
        if len(cells) < 2 or not cells[0] or cells[0] != cells[0].lower():
            raise DataFileError(f"{path}:{number}: want a lower-case word and a kind")
        if cells[1] not in words:
            raise DataFileError(f"{path}:{number}: kind {cells[1]!r} is not one of {CUE_KINDS}")
        words[cells[1]].add(cells[0])
    return PlaceCues(**{kind: frozenset(found) for kind, found in words.items()})
