"""The CAMEO event code table with Goldstein values, quad classes and the PLOVER crosswalk.

The shipped table is ``data/cameo.tsv`` (its header comment names the sources). A user may load their own
table in the same format: tab-separated, ``#`` comment lines, a header row naming the columns ``code``,
``label``, ``goldstein``, ``quad_class`` and optionally ``plover``, ``plover_mode``, ``plover_context``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from ..datafiles import data_lines
from ..errors import DataFileError, DetenteError

__all__ = [
    "CameoCode",
    "Ontology",
    "UnknownCodeError",
    "fold_plover",
    "load_ontology",
    "parse_cameo_table",
]

REQUIRED_COLUMNS = ("code", "label", "goldstein", "quad_class")
OPTIONAL_COLUMNS = ("plover", "plover_mode", "plover_context")
_CODE = re.compile(r"\d{2,4}")

#: Older PLOVER event types and the PLOVER 2021 type each is scored as.
PLOVER_FOLDS = MappingProxyType(
    {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
)


class UnknownCodeError(DetenteError, KeyError):
    """A CAMEO code that is not in the table."""

    def __str__(self) -> str:  # KeyError would show the repr of the message
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO event code and what it maps to."""

    code: str
    label: str
    goldstein: float
    quad_class: int
    plover: str | None = None
    plover_mode: str | None = None
    plover_context: str | None = None

    @property
    def root(self) -> str:
        """The two-digit root code, e.g. ``"04"`` for ``"042"``."""
        return self.code[:2]

    @property
    def is_root(self) -> bool:
        return len(self.code) == 2


class Ontology:
    """An immutable CAMEO table: look codes up, walk roots and children, list PLOVER types."""

    __slots__ = ("_codes",)

    def __init__(self, codes: Iterable[CameoCode]) -> None:
        table: dict[str, CameoCode] = {}
        for cameo in codes:
            if cameo.code in table:
                raise ValueError(f"duplicate CAMEO code {cameo.code!r}")
            table[cameo.code] = cameo
        self._codes = MappingProxyType(table)

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; raises :class:`UnknownCodeError` when there is none."""
        try:
            return self._codes[code]
        except (KeyError, TypeError):
            raise UnknownCodeError(f"unknown CAMEO code {code!r}") from None

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        return iter(self._codes.values())

    def __len__(self) -> int:
        return len(self._codes)

    def __repr__(self) -> str:
        return f"Ontology({len(self)} codes)"

    def roots(self) -> list[CameoCode]:
        """The two-digit root codes, in table order."""
        return [cameo for cameo in self if cameo.is_root]

    def children(self, code: str) -> list[CameoCode]:
        """The direct children of ``code`` (one digit longer, same prefix), in table order."""
        parent = self.get(code)
        size = len(parent.code) + 1
        return [c for c in self if len(c.code) == size and c.code.startswith(parent.code)]

    def plover_types(self) -> list[str]:
        """The distinct PLOVER event types the table maps to, sorted."""
        return sorted({cameo.plover for cameo in self if cameo.plover})


def fold_plover(plover_type: str) -> str:
    """Fold PLOVER versions together for scoring: upper-case, and older types to their 2021 successors.

    ``DEMAND`` → ``REQUEST``, ``DISAPPROVE`` and ``INVESTIGATE`` → ``ACCUSE``, ``FIGHT`` → ``ASSAULT``;
    any other type is returned upper-cased.
    """
    upper = plover_type.strip().upper()
    return PLOVER_FOLDS.get(upper, upper)


def load_ontology(path: Path | str | None = None) -> Ontology:
    """Load the shipped CAMEO table (cached), or a user's table from ``path`` (read on every call)."""
    if path is None:
        return _default_ontology()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(f"cannot read CAMEO table {path}: {error}") from error
    return parse_cameo_table(text, origin=str(path))


@functools.lru_cache(maxsize=1)
def _default_ontology() -> Ontology:
    text = resources.files(__package__).joinpath("data", "cameo.tsv").read_text(encoding="utf-8")
    return parse_cameo_table(text, origin="detente/ontology/data/cameo.tsv")


def parse_cameo_table(text: str, *, origin: str = "<string>") -> Ontology:
    """Parse a CAMEO table in detente's TSV format; a bad line raises :class:`DataFileError`."""
    columns: tuple[str, ...] | None = None
    codes: list[CameoCode] = []
    seen: set[str] = set()
    for number, line in data_lines(text):
        where = f"{origin}:{number}"
        if columns is None:
            columns = _parse_header(line, where=where)
            continue
        cameo = _parse_row(line, columns=columns, where=where)
        if cameo.code in seen:
            raise DataFileError(f"{where}: duplicate CAMEO code {cameo.code!r}")
        seen.add(cameo.code)
        codes.append(cameo)
    if not codes:
        raise DataFileError(f"{origin}: no CAMEO codes (a header row and at least one code are needed)")
    return Ontology(codes)


def _parse_header(line: str, *, where: str) -> tuple[str, ...]:
    columns = tuple(name.strip() for name in line.split("\t"))
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    unknown = [name for name in columns if name not in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown or len(set(columns)) != len(columns):
        raise DataFileError(
            f"{where}: bad header row {line!r}: needs the tab-separated columns {', '.join(REQUIRED_COLUMNS)}"
            f" (optional: {', '.join(OPTIONAL_COLUMNS)})"
        )
    return columns


def _parse_row(line: str, *, columns: tuple[str, ...], where: str) -> CameoCode:
    values = line.split("\t")
    if len(values) != len(columns):
        raise DataFileError(f"{where}: expected {len(columns)} tab-separated fields, found {len(values)}")
    row = {name: value.strip() for name, value in zip(columns, values, strict=True)}
    code = row["code"]
    if not _CODE.fullmatch(code):
        raise DataFileError(f"{where}: bad CAMEO code {code!r} (two to four digits)")
    if not row["label"]:
        raise DataFileError(f"{where}: empty label for CAMEO code {code}")
    return CameoCode(
        code=code,
        label=row["label"],
        goldstein=_parse_goldstein(row["goldstein"], where=where),
        quad_class=_parse_quad_class(row["quad_class"], where=where),
        plover=row.get("plover") or None,
        plover_mode=row.get("plover_mode") or None,
        plover_context=row.get("plover_context") or None,
    )


def _parse_goldstein(raw: str, *, where: str) -> float:
    try:
        value = float(raw)
    except ValueError:
        raise DataFileError(f"{where}: goldstein must be a number, got {raw!r}") from None
    if not -10.0 <= value <= 10.0:
        raise DataFileError(f"{where}: goldstein must be between -10 and 10, got {value}")
    return value


def _parse_quad_class(raw: str, *, where: str) -> int:
    if raw not in ("1", "2", "3", "4"):
        raise DataFileError(f"{where}: quad_class must be 1, 2, 3 or 4, got {raw!r}")
    return int(raw)
