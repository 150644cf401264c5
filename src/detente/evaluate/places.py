"""Score detente's places: toponyms against a geoparsing corpus, event locations against PLOVER records.

**Geoparsing corpora** (XML, one ``<article>`` per document with its ``<text>``), in either of the two layouts
of the TR-News / LGL / GeoVirus family:

* ``<locations><location><name/><start/><end/><lat/><lon/></location>...`` (GeoVirus, WikToR-style), or
* ``<toponyms><toponym><start/><end/><phrase/>`` with ``<lat/>``/``<lon/>`` anywhere inside the toponym
  (``<gaztag>``), as LGL and TR-News write them.

Offsets are checked against the text: where the name is not at ``start`` (GeoVirus counts from 1), it is
looked for a few characters around. Every article is coded as its own article (no publication date). Scores:

* **toponyms** (recognition): precision, recall and F1 of the toponyms detente finds in the text
  (:class:`detente.places.toponyms.ArticlePlaces`); a found toponym is right when it overlaps a gold one;
* **resolution** of the gold toponyms detente found: accuracy@161 km (the share within 161 km, 100 miles, of
  the gold point), the same with a country-level place credited when the gold point lies in that country (its
  nearest GeoNames city is in it), and the mean and median error in km;
* **events**: how many coded events have a location, and of those whose place words overlap a gold toponym,
  how many lie within 161 km of it (country-credited).

``--split`` scores the first or second half of the articles only (tune on one, report the other).

**PLOVER records** (a JSON array, as ``detente eval plover`` reads): the records whose ``eventLoc`` names a
place are coded; a record is located when some coded event has a location, and right when that place has the
gold name or lies within 161 km of the place the gazetteer gives for it (country-credited).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import statistics
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataFileError
from ..ingest import make_article
from ..places.gazetteer import Gazetteer, PlaceEntry, distance_km, load_gazetteer, place_key
from ..places.toponyms import ArticlePlaces
from ..records import Event, Place
from ..settings import Settings

__all__ = [
    "GoldToponym",
    "GeoDocument",
    "PlacesReport",
    "evaluate_places",
    "load_geoparse_corpus",
    "score_document",
]

#: the usual threshold of geoparsing: 161 km, 100 miles
THRESHOLD_KM = 161.0
_SEARCH = 5  # characters around a gold offset where its name is looked for


@dataclass(frozen=True, slots=True)
class GoldToponym:
    name: str
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GeoDocument:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]


@dataclass(slots=True)
class PlacesReport:
    documents: int = 0
    gold: int = 0
    predicted: int = 0
    right_predicted: int = 0  # predictions that overlap a gold toponym
    found_gold: int = 0  # gold toponyms some prediction overlaps
    errors_km: list[float] = field(default_factory=list)
    within: int = 0
    within_credited: int = 0
    events: int = 0
    located: int = 0
    located_on_gold: int = 0
    located_right: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.right_predicted / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.within / len(self.errors_km) if self.errors_km else 0.0

    @property
    def accuracy_credited(self) -> float:
        return self.within_credited / len(self.errors_km) if self.errors_km else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {
            "documents": self.documents,
            "gold_toponyms": self.gold,
            "predicted_toponyms": self.predicted,
            "toponym_precision": round(self.precision, 4),
            "toponym_recall": round(self.recall, 4),
            "toponym_f1": round(self.f1, 4),
            "resolved": len(self.errors_km),
            "accuracy_161km": round(self.accuracy, 4),
            "accuracy_161km_country_credited": round(self.accuracy_credited, 4),
            "mean_error_km": round(statistics.fmean(self.errors_km), 1) if self.errors_km else 0.0,
            "median_error_km": round(statistics.median(self.errors_km), 1) if self.errors_km else 0.0,
            "events": self.events,
            "events_located": self.located,
            "event_locations_on_gold": self.located_on_gold,
            "event_locations_right": self.located_right,
        }

    def format(self, *, show_misses: bool = False) -> str:
        d = self.to_dict()
        lines = [
            f"documents {d['documents']}, gold toponyms {d['gold_toponyms']}, "
            f"found {d['predicted_toponyms']}",
            f"toponyms: P {d['toponym_precision']:.3f} R {d['toponym_recall']:.3f} F1 {d['toponym_f1']:.3f}",
            f"resolution of {d['resolved']} found gold toponyms: accuracy@161km {d['accuracy_161km']:.3f} "
            f"({d['accuracy_161km_country_credited']:.3f} country-credited), mean error "
            f"{d['mean_error_km']} km, median {d['median_error_km']} km",
            f"events: {d['events']}, located {d['events_located']} "
            f"({d['events_located'] / d['events'] if d['events'] else 0:.1%}); on a gold toponym "
            f"{d['event_locations_on_gold']}, of which within 161 km (country-credited) "
            f"{d['event_locations_right']}",
        ]
        if show_misses:
            lines += ["", *self.misses]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------- reading


def load_geoparse_corpus(path: Path) -> list[GeoDocument]:
    """The documents of a geoparsing corpus in the GeoVirus or LGL/TR-News XML layout."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as err:
        raise DataFileError(f"{path}: cannot read it as a geoparsing corpus: {err}") from err
    documents = []
    for number, article in enumerate(root.iter("article")):
        text = article.findtext("text")
        if text is None:
            raise DataFileError(f"{path}: article {number + 1} has no <text>")
        gold = []
        for item in [*article.iter("location"), *article.iter("toponym")]:
            toponym = _gold_toponym(item, text)
            if toponym is not None:
                gold.append(toponym)
        doc_id = article.get("docid") or article.findtext("source") or str(number + 1)
        documents.append(GeoDocument(doc_id, text, tuple(sorted(gold, key=lambda t: t.start))))
    if not documents:
        raise DataFileError(f"{path}: no <article> elements")
    return documents


def _gold_toponym(item: ET.Element, text: str) -> GoldToponym | None:
    name = item.findtext("name") or item.findtext("phrase")
    start, end = item.findtext("start"), item.findtext("end")
    if not name or start is None or end is None:
        return None
    try:
        begin = int(start)
    except ValueError:
        return None
    name = name.strip()
    found = _find_near(text, name, begin)
    if found is None:
        return None
    lat, lon = _coordinate(item, "lat"), _coordinate(item, "lon")
    return GoldToponym(name, found, found + len(name), lat, lon)


def _find_near(text: str, name: str, start: int) -> int | None:
    for shift in sorted(range(-_SEARCH, _SEARCH + 1), key=abs):
        begin = start + shift
        if begin >= 0 and text[begin : begin + len(name)] == name:
            return begin
    return None


def _coordinate(item: ET.Element, tag: str) -> float | None:
    for element in item.iter(tag):
        try:
            return float(element.text or "")
        except ValueError:
            return None
    return None


# --------------------------------------------------------------------------------------------- scoring


def score_document(
    report: PlacesReport,
    document: GeoDocument,
    places: list[Place],
    events: Iterable[Event],
    country_of: CountryFinder,
) -> None:
    """Add one document's toponyms and event locations to ``report``."""
    report.documents += 1
    report.gold += len(document.toponyms)
    report.predicted += len(places)
    for place in places:
        gold = [g for g in document.toponyms if _overlaps(place, g)]
        if gold:
            report.right_predicted += 1
        else:
            report.misses.append(f"{document.id}: extra {place.text!r} -> {place.name} ({place.country})")
    for gold in document.toponyms:
        found = [place for place in places if _overlaps(place, gold)]
        if not found:
            report.misses.append(f"{document.id}: missed {gold.name!r}")
            continue
        report.found_gold += 1
        if gold.lat is None or gold.lon is None or found[0].lat is None or found[0].lon is None:
            continue
        place = found[0]
        error = distance_km(gold.lat, gold.lon, place.lat, place.lon)
        report.errors_km.append(error)
        right = error <= THRESHOLD_KM
        credited = right or _country_credit(place, gold, country_of)
        report.within += right
        report.within_credited += credited
        if not credited:
            report.misses.append(
                f"{document.id}: {gold.name!r} -> {place.name} ({place.country}, {place.feature}) "
                f"{error:.0f} km off"
            )
    for event in events:
        report.events += 1
        place = event.location
        if place is None:
            continue
        report.located += 1
        gold_here = [g for g in document.toponyms if _overlaps(place, g)]
        if not gold_here or gold_here[0].lat is None or place.lat is None:
            continue
        report.located_on_gold += 1
        gold = gold_here[0]
        error = distance_km(gold.lat, gold.lon, place.lat, place.lon)  # type: ignore[arg-type]
        report.located_right += error <= THRESHOLD_KM or _country_credit(place, gold, country_of)


def _overlaps(place: Place, gold: GoldToponym) -> bool:
    return place.start < gold.end and gold.start < place.end


def _country_credit(place: Place, gold: GoldToponym, country_of: CountryFinder) -> bool:
    """A country-level place is right when the gold point lies in its country."""
    if place.feature != "country" or gold.lat is None or gold.lon is None:
        return False
    return country_of(gold.lat, gold.lon) == place.country


class CountryFinder:
    """The country of a point: that of the nearest GeoNames city (a coarse reverse geocoder for scoring)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.cells: dict[tuple[int, int], list[PlaceEntry]] = {}
        for entry in gazetteer.entries():
            if entry.feature == "city" and entry.lat is not None and entry.lon is not None:
                self.cells.setdefault((math.floor(entry.lat), math.floor(entry.lon)), []).append(entry)

    def __call__(self, lat: float, lon: float) -> str | None:
        row, column = math.floor(lat), math.floor(lon)
        for radius in range(0, 30):
            near = [
                entry
                for dr in range(-radius, radius + 1)
                for dc in range(-radius, radius + 1)
                if max(abs(dr), abs(dc)) == radius
                for entry in self.cells.get((row + dr, (column + dc + 180) % 360 - 180), ())
            ]
            if near:
                best = min(near, key=lambda e: distance_km(lat, lon, e.lat, e.lon))  # type: ignore[arg-type]
                return best.country
        return None


# ------------------------------------------------------------------------------------------------- runs


def evaluate_places(path: Path, *, settings: Settings | None = None, split: str = "all") -> PlacesReport:
    """Score a geoparsing corpus (XML) or the PLOVER records that name a place (JSON)."""
    from ..pipeline import code_article, get_coder

    coder = get_coder(settings or Settings.from_env())
    gazetteer = load_gazetteer()
    if path.suffix.lower() == ".json":
        return _evaluate_plover(path, coder, gazetteer)
    documents = load_geoparse_corpus(path)
    half = (len(documents) + 1) // 2
    if split == "first":
        documents = documents[:half]
    elif split == "second":
        documents = documents[half:]
    report = PlacesReport()
    country_of = CountryFinder(gazetteer)
    articles = [make_article(document.text, id=f"geo{number}") for number, document in enumerate(documents)]
    docs = coder.nlp.pipe([article.text for article in articles])
    for document, article, doc in zip(documents, articles, docs, strict=True):
        actors = coder.resolver.resolve(doc, published=None)
        places = ArticlePlaces(gazetteer, doc, actors).places()
        coded = code_article(coder.resolver, coder.extractor, doc, article)
        offset = _text_offset(document.text, article.text)
        shifted = GeoDocument(document.id, article.text, _shift(document.toponyms, offset, article.text))
        score_document(report, shifted, places, coded.events, country_of)
    return report


def _text_offset(original: str, cleaned: str) -> int:
    """Where the cleaned article text starts in the original (cleaning strips leading space)."""
    head = cleaned[:40]
    found = original.find(head)
    return found if found >= 0 else 0


def _shift(toponyms: tuple[GoldToponym, ...], offset: int, text: str) -> tuple[GoldToponym, ...]:
    shifted = []
    for gold in toponyms:
        begin = _find_near(text, gold.name, gold.start - offset)
        if begin is not None:
            shifted.append(GoldToponym(gold.name, begin, begin + len(gold.name), gold.lat, gold.lon))
    return tuple(shifted)


def _evaluate_plover(path: Path, coder, gazetteer: Gazetteer) -> PlacesReport:  # noqa: ANN001
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DataFileError(f"{path}: cannot read PLOVER records: {err}") from err
    named = [
        r for r in records if isinstance(r, dict) and (r.get("eventLoc") or {}).get("name") and r.get("text")
    ]
    report = PlacesReport()
    country_of = CountryFinder(gazetteer)
    published = dt.date(2000, 1, 1)
    articles = [make_article(r["text"], id=r.get("id"), published=published) for r in named]
    for record, coded in zip(named, coder.code(articles), strict=True):
        gold_name = record["eventLoc"]["name"]
        report.documents += 1
        report.gold += 1
        events = [e for e in coded.events if e.location is not None]
        report.events += len(coded.events)
        report.located += len(events)
        if not events:
            report.misses.append(f"{record.get('id')}: no location (gold {gold_name!r})")
            continue
        report.predicted += 1
        place = events[0].location
        assert place is not None
        entry = gazetteer.resolve(gold_name)
        right = place_key(place.name) == place_key(gold_name) or (place.text or "").find(gold_name) >= 0
        if not right and entry is not None and entry.lat is not None and place.lat is not None:
            error = distance_km(entry.lat, entry.lon, place.lat, place.lon)  # type: ignore[arg-type]
            right = error <= THRESHOLD_KM or (
                place.feature == "country" and country_of(entry.lat, entry.lon) == place.country  # type: ignore[arg-type]
            )
        report.right_predicted += right
        report.found_gold += right
        if not right:
            report.misses.append(f"{record.get('id')}: {place.name} for gold {gold_name!r}")
    return report
