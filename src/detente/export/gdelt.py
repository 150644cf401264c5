"""``gdelt``: the GDELT 2.0 event table layout: its 61 columns in order, tab-separated, no header row (as
GDELT publishes it), so that tooling written for GDELT's export files reads detente's events unchanged.

detente fills the columns where it has the value and leaves the others empty:

* ``GLOBALEVENTID``: a stable integer from the event id (the first 60 bits of its SHA-256);
* ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the event's day (the first day of its date, else the
  publication day), ``DATEADDED``: the article's publication day at midnight;
* ``Actor1*``/``Actor2*``: the source and target, their codes split into country, known group and up to
  three role types (``PSEREBHMS`` is country PSE, type REB, group HMS); ethnic and religious codes empty;
* ``EventCode``/``EventBaseCode``/``EventRootCode``, ``QuadClass``, ``GoldsteinScale``; ``NumMentions``
  (sentences of the article reporting it), ``NumSources`` and ``NumArticles`` 1; ``AvgTone`` empty;
* ``ActionGeo_*``: where it happened (type 1 country, 4 city, 5 first-level division; 2 and 3 in the
  United States), FIPS 10-4 country codes, GDELT's convention; actor places empty;
* ``SOURCEURL``: the article's URL, else its outlet.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

from ..datafiles import data_lines, read_data_file
from .codes import fips_code, split_actor
from .formats import ExportFormat
from .rows import flat_row
from .text_rows import delimited

__all__ = ["FORMAT", "encode", "gdelt_columns", "gdelt_row"]

_GEO_TYPES = {"country": 1, "city": 4, "admin1": 5}
_US_GEO_TYPES = {"city": 3, "admin1": 2}


@functools.cache
def gdelt_columns() -> tuple[str, ...]:
    """The GDELT 2.0 event table's column names, in order (``data/gdelt_event_columns.txt``)."""
    path = resources.files("detente.export").joinpath("data/gdelt_event_columns.txt")
    text = read_data_file(path, "the GDELT event columns")
    return tuple(line.strip() for _, line in data_lines(text))


def global_event_id(event_id: str) -> int:
    """A stable positive integer (below 2**60) for an event id."""
    return int(hashlib.sha256(event_id.encode("utf-8", "surrogatepass")).hexdigest()[:15], 16)


def _dates(day: str | None) -> dict[str, Any]:
    if not day or len(day) < 10:
        return {}
    year, month, date = int(day[:4]), int(day[5:7]), int(day[8:10])
    return {
        "SQLDATE": f"{day[:4]}{day[5:7]}{day[8:10]}",
        "MonthYear": f"{day[:4]}{day[5:7]}",
        "Year": day[:4],
        "FractionDate": f"{year + (month * 30 + date) / 365:.4f}",
    }


def _actor(prefix: str, row: dict[str, Any], side: str) -> dict[str, Any]:
    code = row[f"{side}_code"]
    if not code:
        return {}
    parts = split_actor(code)
    values = {
        f"{prefix}Code": code,
        f"{prefix}Name": (row[f"{side}_name"] or "").upper(),
        f"{prefix}CountryCode": parts.country,
        f"{prefix}KnownGroupCode": parts.known_group,
    }
    for number, kind in enumerate(parts.types, start=1):
        values[f"{prefix}Type{number}Code"] = kind
    return values


def _action_geo(row: dict[str, Any]) -> dict[str, Any]:
    feature = row["location_feature"]
    if row["location_name"] is None or row["location_lat"] is None:
        return {}
    country = row["location_country"]
    kind = (_US_GEO_TYPES if country == "USA" else {}).get(feature) or _GEO_TYPES.get(feature, "")
    fips = fips_code(country)
    return {
        "ActionGeo_Type": kind,
        "ActionGeo_FullName": row["location_name"],
        "ActionGeo_CountryCode": fips,
        "ActionGeo_Lat": row["location_lat"],
        "ActionGeo_Long": row["location_lon"],
        "ActionGeo_FeatureID": fips if feature == "country" else "",
    }


def gdelt_row(event: dict[str, Any]) -> list[Any]:
    """One event as the 61 cells of a GDELT 2.0 event row."""
    row = flat_row(event)
    cameo = row["cameo"] or ""
    published = row["article_published"] or ""
    values: dict[str, Any] = {
        "GLOBALEVENTID": global_event_id(row["id"]),
        **_dates(row["day"]),
        **_actor("Actor1", row, "source"),
        **_actor("Actor2", row, "target"),
        "EventCode": cameo,
        "EventBaseCode": cameo[:3],
        "EventRootCode": cameo[:2],
        "QuadClass": row["quad_class"],
        "GoldsteinScale": row["goldstein"],
        "NumMentions": row["mentions"],
        "NumSources": 1,
        "NumArticles": 1,
        **_action_geo(row),
        "DATEADDED": published.replace("-", "")[:8] + "000000" if len(published) >= 10 else "",
        "SOURCEURL": row["url"] or row["outlet"] or "",
    }
    return [values.get(column, "") for column in gdelt_columns()]


def encode(events: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    return delimited((gdelt_row(event) for event in events), header=None, delimiter="\t")


FORMAT = ExportFormat(
    name="gdelt",
    extension="tsv",
    media_type="text/tab-separated-values; charset=utf-8",
    encode=encode,
    description="the GDELT 2.0 event table's 61 columns, tab-separated, no header",
)
