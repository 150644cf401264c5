"""``icews``: the column layout of the ICEWS coded event data files (tab-separated, with a header row):
names for countries and sectors, the CAMEO code and its label, an intensity (the Goldstein value, CAMEO's
-10..10 scale as ICEWS uses it), the story and the place.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .codes import country_name, split_actor, type_name
from .formats import ExportFormat
from .rows import flat_row
from .text_rows import delimited

__all__ = ["FORMAT", "ICEWS_COLUMNS", "encode", "icews_row"]

ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)


def _sectors(row: dict[str, Any], side: str) -> str:
    parts = split_actor(row[f"{side}_code"])
    names = [type_name(kind) or kind for kind in parts.types]
    return ",".join(names)


def _actor_country(row: dict[str, Any], side: str) -> str:
    code = row[f"{side}_country"]
    return country_name(code) or code or ""


def icews_row(event: dict[str, Any]) -> list[Any]:
    """One event as the cells of an ICEWS event row."""
    row = flat_row(event)
    feature = row["location_feature"]
    values = {
        "Event ID": row["id"],
        "Event Date": row["day"],
        "Source Name": row["source_name"] or row["source_code"],
        "Source Sectors": _sectors(row, "source"),
        "Source Country": _actor_country(row, "source"),
        "Event Text": row["cameo_label"],
        "CAMEO Code": row["cameo"],
        "Intensity": row["goldstein"],
        "Target Name": row["target_name"] or row["target_code"],
        "Target Sectors": _sectors(row, "target"),
        "Target Country": _actor_country(row, "target"),
        "Story ID": row["article_id"],
        "Publisher": row["outlet"],
        "City": row["location_name"] if feature == "city" else None,
        "Province": row["location_admin1"] or (row["location_name"] if feature == "admin1" else None),
        "Country": country_name(row["location_country"]) or row["location_country"],
        "Latitude": row["location_lat"],
        "Longitude": row["location_lon"],
    }
    return [values.get(column) for column in ICEWS_COLUMNS]


def encode(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    return delimited((icews_row(event) for event in events), header=ICEWS_COLUMNS, delimiter="\t")


FORMAT = ExportFormat(
    name="icews",
    extension="tsv",
    media_type="text/tab-separated-values; charset=utf-8",
    encode=encode,
    description="the columns of the ICEWS event files, tab-separated, with a header row",
)
