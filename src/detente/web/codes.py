"""Names for actor codes: countries (the actor tables' countries.tsv, with ISO 3166-1 numeric codes from
pycountry for the map), organizations (organizations.tsv) and the 3-letter sector and group parts
(``web/data/sectors.tsv``, from the CAMEO codebook).

:func:`code_names` reads them once; :meth:`CodeNames.describe` names a whole code (``USAGOV`` -> "United
States: Government", ``IGOUNOKID`` -> "UNICEF"), the same way the dashboard does with the table that
``GET /api/codes`` serves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from ..actors.tables import DATA_DIR as ACTOR_DATA_DIR
from ..datafiles import tsv_rows

__all__ = ["CodeNames", "code_names"]

#: The organizations' country column for bodies of no state (the rest are countries).
_GROUP_COLUMNS = frozenset({"IGO", "NGO", "IMG", "MNC"})
SECTOR_FILE = Path(__file__).resolve().parent / "data" / "sectors.tsv"


@dataclass(frozen=True, slots=True)
class CodeNames:
    """The tables behind every code's name, as lists of plain dicts (the shape /api/codes serves)."""

    countries: list[dict[str, Any]]
    organizations: list[dict[str, Any]]
    sectors: list[dict[str, str]]
    groups: list[dict[str, str]]
    _by_code: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """``names`` (every code with a name of its own: country, group, organization), ``parts`` (the
        3-letter sector names), and the ``countries`` (with aliases, adjectives and ISO numeric code),
        ``organizations`` and ``groups`` tables they come from."""
        return {
            "names": self._by_code,
            "parts": {row["code"]: row["name"] for row in self.sectors},
            "countries": self.countries,
            "organizations": self.organizations,
            "groups": self.groups,
        }

    def describe(self, code: str) -> dict[str, Any]:
        """``{"code", "name", "parts"}``: an organization's or country's own name, else the country (or
        group) and each known 3-letter part after it; ``name`` is null when no part is known."""
        code = code.upper()
        if code in self._by_code:
            return {"code": code, "name": self._by_code[code], "parts": [code]}
        head = next((code[:n] for n in range(len(code) - 1, 2, -1) if code[:n] in self._by_code), None)
        head = head or code[:3]
        sectors = {row["code"]: row["name"] for row in self.sectors}
        parts = [head] + [code[i : i + 3] for i in range(len(head), len(code), 3)]
        names = [self._by_code.get(head)] + [sectors.get(part) for part in parts[1:]]
        known = [name for name in names if name]
        name = None
        if names[0] and known:
            name = names[0] + (": " + ", ".join(known[1:]) if len(known) > 1 else "")
        elif known:
            name = ", ".join(known)
        return {"code": code, "name": name, "parts": parts}


def _rows(path: Path, what: str) -> list[dict[str, str]]:
    header: list[str] | None = None
    rows = []
    for _, cells in tsv_rows(path, what):
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True)))
    return rows


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def _numeric(iso3: str) -> str | None:
    country = pycountry.countries.get(alpha_3=iso3)
    return getattr(country, "numeric", None) if country is not None else None


def _countries() -> list[dict[str, Any]]:
    return [
        {
            "code": row["iso3"],
            "name": row["name"],
            "numeric": _numeric(row["iso3"]),
            "aliases": _split(row["aliases"]),
            "adjectives": _split(row["adjectives"]),
        }
        for row in _rows(ACTOR_DATA_DIR / "countries.tsv", "country table")
    ]


def _organizations() -> list[dict[str, Any]]:
    """One entry per code: the first row's name is the code's name; later rows' names are its bodies."""
    by_code: dict[str, dict[str, Any]] = {}
    for row in _rows(ACTOR_DATA_DIR / "organizations.tsv", "organization table"):
        names = [row["name"], *_split(row["aliases"])]
        entry = by_code.setdefault(
            row["code"], {"code": row["code"], "name": row["name"], "country": row["country"], "aliases": []}
        )
        known = {entry["name"], *entry["aliases"]}
        entry["aliases"].extend(name for name in dict.fromkeys(names) if name not in known)
    return list(by_code.values())


def _names_itself(organization: dict[str, Any]) -> bool:
    """Whether an organization's name is its code's name: not for a country's sector code (SYRREB is any
    Syrian rebel group, whichever group the table lists under it), which is named by its parts."""
    return organization["country"] in _GROUP_COLUMNS or len(organization["code"]) > 6


@cache
def code_names() -> CodeNames:
    """The shipped tables, read once."""
    parts = _rows(SECTOR_FILE, "sector names")
    countries, organizations = _countries(), _organizations()
    groups = [{"code": row["code"], "name": row["name"]} for row in parts if row["kind"] == "group"]
    by_code = {row["code"]: row["name"] for row in groups}
    by_code.update({row["code"]: row["name"] for row in countries})
    by_code.update({row["code"]: row["name"] for row in organizations if _names_itself(row)})
    return CodeNames(
        countries=countries,
        organizations=organizations,
        sectors=[{"code": row["code"], "name": row["name"]} for row in parts if row["kind"] == "sector"],
        groups=groups,
        _by_code=by_code,
    )
