"""The gazetteer: what it holds, how names are matched and ambiguous names settled, and its own table."""

from __future__ import annotations

import pytest

from detente.errors import DataFileError
from detente.places.gazetteer import (
    COUNTRY_POINTS_FILE,
    FEATURES,
    PLACES_FILE,
    distance_km,
    load_gazetteer,
    place_key,
    read_country_points,
    read_places,
)


@pytest.fixture(scope="module")
def gazetteer():
    return load_gazetteer()


def test_it_holds_countries_cities_and_our_places(gazetteer):
    features = {}
    for entry in gazetteer.entries():
        features[entry.feature] = features.get(entry.feature, 0) + 1
    assert features["country"] >= 240
    assert features["city"] >= 30000  # GeoNames cities of 15,000 people or more
    assert {"sea", "region", "territory", "admin1"} <= set(features)


@pytest.mark.parametrize(
    ("name", "expected", "country"),
    [
        ("Kyiv", "Kyiv", "UKR"),
        ("Kiev", "Kyiv", "UKR"),  # alternate name
        ("Kharkov", "Kharkiv", "UKR"),
        ("Odessa", "Odesa", "UKR"),  # the alternate spelling of a big city beats Odessa, Texas
        ("Peking", "Beijing", "CHN"),
        ("Sao Paulo", "São Paulo", "BRA"),  # accents are optional
        ("the US", "United States", "USA"),  # an alias from the actor tables
        ("Britain", "United Kingdom", "GBR"),
        ("the Gaza Strip", "Gaza Strip", "PSE"),
        ("Crimea", "Crimea", "UKR"),
        ("Donbass", "Donbas", "UKR"),
        ("New York", "New York City", "USA"),  # the city; the state is "New York State"
        ("New Delhi", "New Delhi", "IND"),  # not Delhi, one of whose alternate names it is
        ("Samarra", "Sāmarrā’", "IRQ"),  # transliteration marks are optional
        ("Khan Younis", "Khān Yūnis", "PSE"),
        ("Jenin", "Janīn", "PSE"),
    ],
)
def test_names_and_aliases(gazetteer, name, expected, country):
    entry = gazetteer.resolve(name)
    assert entry is not None and (entry.name, entry.country) == (expected, country)


@pytest.mark.parametrize(
    ("name", "event", "article", "country", "feature"),
    [
        ("Vienna", {"USA", "CHN"}, {"USA", "CHN", "TWN"}, "AUT", "city"),  # not Vienna, Virginia
        ("Paris", (), (), "FRA", "city"),
        ("Geneva", {"USA", "RUS"}, {"USA", "RUS"}, "CHE", "city"),
        ("Georgia", (), (), "GEO", "country"),
        ("Georgia", {"GEO", "RUS"}, {"GEO", "RUS"}, "GEO", "country"),
        ("Georgia", {"USA"}, {"USA"}, "USA", "admin1"),  # a US event: the state
        ("Washington", {"USA"}, {"USA"}, "USA", "city"),  # the capital, not the state
        ("Washington", {"GBR"}, {"GBR"}, "USA", "city"),  # nor Washington, Tyne and Wear
        ("Tripoli", (), (), "LBY", "city"),
        ("Tripoli", {"LBN"}, {"LBN"}, "LBN", "city"),  # the event's country settles it
        ("Hyderabad", (), (), "IND", "city"),
        ("Hyderabad", {"PAK"}, (), "PAK", "city"),
        ("Birmingham", {"USA"}, {"USA"}, "USA", "city"),
        ("Gaza", (), (), "PSE", "territory"),  # the strip, not only its city
    ],
)
def test_ambiguous_names(gazetteer, name, event, article, country, feature):
    entry = gazetteer.resolve(name, event_countries=event, article_countries=article)
    assert entry is not None and (entry.country, entry.feature) == (country, feature), entry


def test_alternate_names_can_be_left_out(gazetteer):
    assert gazetteer.resolve("Kiev", alternates=False) is None
    assert gazetteer.resolve("Kyiv", alternates=False).name == "Kyiv"
    assert gazetteer.resolve("Hamas", alternates=False) is None  # an alternate name of Hamm


def test_a_qualifier_restricts_the_choice(gazetteer):
    texas = [entry for entry, _ in gazetteer.lookup("Texas") if entry.feature == "admin1"]
    paris = gazetteer.resolve("Paris", within=texas)
    assert paris is not None and (paris.country, paris.admin1) == ("USA", "TX")
    austria = [entry for entry, _ in gazetteer.lookup("Austria")]
    assert gazetteer.resolve("Vienna", event_countries={"USA"}, within=austria).country == "AUT"


def test_countries_are_areas_with_their_own_point_not_their_capitals(gazetteer):
    austria = gazetteer.country("AUT")
    vienna = gazetteer.capital("AUT")
    assert austria is not None and vienna is not None and vienna.name == "Vienna"
    assert austria.feature == "country" and (austria.lat, austria.lon) != (vienna.lat, vienna.lon)
    assert abs(vienna.lat - 48.21) < 0.05 and abs(vienna.lon - 16.37) < 0.05
    russia, moscow = gazetteer.country("RUS"), gazetteer.capital("RUS")
    assert russia is not None and moscow is not None
    assert distance_km(russia.lat, russia.lon, moscow.lat, moscow.lon) > 1500  # Russia is not Moscow
    indonesia = gazetteer.country("IDN")
    assert indonesia is not None and indonesia.name == "Indonesia" and indonesia.lat is not None
    assert gazetteer.country("NATO") is None and gazetteer.country(None) is None


def test_country_points_lie_among_the_countrys_cities(gazetteer):
    """Each listed point lies within the box of its country's GeoNames cities (3 degrees of margin; for
    countries with three cities or more), so that a slip in the table (a sign, swapped coordinates) is
    caught."""
    points = read_country_points(COUNTRY_POINTS_FILE)
    assert len(points) > 190
    boxes: dict[str, list[float]] = {}
    counts: dict[str, int] = {}
    for entry in gazetteer.entries():
        if entry.feature == "city" and entry.country in points:
            counts[entry.country] = counts.get(entry.country, 0) + 1
            box = boxes.setdefault(entry.country, [90.0, -90.0, 180.0, -180.0])
            box[0], box[1] = min(box[0], entry.lat), max(box[1], entry.lat)
            box[2], box[3] = min(box[2], entry.lon), max(box[3], entry.lon)
    outside = []
    for country, (lat, lon) in points.items():
        box = boxes.get(country)
        # too few cities to tell (Greenland has one), or across the antimeridian (Fiji, Kiribati)
        if box is None or counts[country] < 3 or box[3] - box[2] > 180:
            continue
        if not (box[0] - 3 <= lat <= box[1] + 3 and box[2] - 3 <= lon <= box[3] + 3):
            outside.append((country, lat, lon, box))
    assert not outside


def test_country_points_file_is_checked(tmp_path):
    bad = tmp_path / "points.tsv"
    bad.write_text("country\tlat\tlon\nFRA\t46\t2\nFRA\t47\t2\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="twice"):
        read_country_points(bad)
    bad.write_text("country\tlat\tlon\nFRA\t146\t2\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_country_points(bad)


def test_historical_names_lose_to_current_names_without_context(gazetteer):
    """ "Salisbury" was Harare's colonial name: alone, or in a British story, it is the English city; a
    spelling of a place's own name ("Odessa") still competes; the context can bring an old name back."""
    assert gazetteer.resolve("Salisbury").country == "GBR"
    assert gazetteer.resolve("Salisbury", article_countries={"GBR", "USA"}).country == "GBR"
    assert gazetteer.resolve("Canton").country == "USA"
    assert gazetteer.resolve("Canton", event_countries={"CHN"}).name == "Guangzhou"


def test_same_name_places_settled_by_the_articles_other_places(gazetteer):
    atlanta, tbilisi = gazetteer.resolve("Atlanta"), gazetteer.resolve("Tbilisi")
    assert gazetteer.resolve("Georgia", near=[atlanta]).feature == "admin1"
    assert gazetteer.resolve("Georgia", near=[tbilisi]).feature == "country"
    columbus = gazetteer.resolve("Columbus", within=[e for e, _ in gazetteer.lookup("Ohio")])
    assert columbus.admin1 == "OH"
    assert gazetteer.resolve("Dublin").country == "IRL"
    assert gazetteer.resolve("Dublin", near=[columbus]).admin1 == "OH"
    found = gazetteer.explain("Georgia", near=[atlanta])
    assert found is not None and "article places" in found[1]


def test_common_words_and_codes_are_not_places(gazetteer):
    for word in ("", "the", "VIE", "May", "   ", "talks"):
        assert gazetteer.resolve(word) is None, word


def test_place_keys():
    assert place_key("The  South China Sea.") == "south china sea"
    assert place_key("Côte d\u2019Ivoire") == place_key("Cote d'Ivoire")
    assert place_key("Zaporizhzhia") == "zaporizhzhia"


def test_every_row_of_our_table_is_valid_and_names_are_unique():
    rows = list(read_places(PLACES_FILE))
    assert len(rows) >= 100
    gazetteer = load_gazetteer()
    seen: set[str] = set()
    for entry, aliases in rows:
        assert entry.feature in FEATURES and entry.feature != "city"
        assert entry.lat is not None and -90 <= entry.lat <= 90 and -180 <= entry.lon <= 180
        assert entry.country is None or gazetteer.country(entry.country) is not None, entry
        if entry.feature == "admin1":
            assert entry.country and entry.admin1, entry
        if entry.feature == "sea":
            assert entry.population == 0
        for name in (entry.name, *aliases):
            key = place_key(name)
            assert key not in seen, f"{name} twice in {PLACES_FILE.name}"
            seen.add(key)
    for name in (
        "South China Sea",
        "Gaza Strip",
        "West Bank",
        "Crimea",
        "Donbas",
        "Kashmir",
        "Taiwan Strait",
        "Red Sea",
        "Strait of Hormuz",
        "Golan Heights",
        "Nagorno-Karabakh",
        "Arctic",
        "Sahel",
        "Persian Gulf",
        "Black Sea",
        "Baltic Sea",
        "Korean Peninsula",
    ):
        assert place_key(name) in seen, name


def test_the_table_credits_geonames():
    header = PLACES_FILE.read_text(encoding="utf-8").split("\nname\t", 1)[0]
    assert "GeoNames" in header and "CC BY 4.0" in header


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("Atlantis\t\tisland\t\t0\t0\t\t", "feature"),
        ("Atlantis\t\tsea\tatl\t0\t0\t\t", "alpha-3"),
        ("Atlantis\t\tsea\t\t95\t0\t\t", "out of range"),
        ("Atlantis\t\tsea\t\tnorth\t0\t\t", "numbers"),
        ("\t\tsea\t\t0\t0\t\t", "no name"),
    ],
)
def test_bad_rows_are_named(tmp_path, line, message):
    path = tmp_path / "places.tsv"
    path.write_text("# test\nname\taliases\tfeature\tcountry\tlat\tlon\tadmin1\tpopulation\n" + line + "\n")
    with pytest.raises(DataFileError, match=message):
        list(read_places(path))


def test_a_bad_header_is_named(tmp_path):
    path = tmp_path / "places.tsv"
    path.write_text("name\tlat\tlon\n")
    with pytest.raises(DataFileError, match="header"):
        list(read_places(path))


def test_first_level_divisions():
    gazetteer = load_gazetteer()
    punjab = {entry.country for entry, _ in gazetteer.lookup("Punjab") if entry.feature == "admin1"}
    assert punjab == {"IND", "PAK"}
    # a division named after its capital: the bare name stays the city's, "X region" is the division
    assert gazetteer.resolve("Krasnodar").feature == "city"  # type: ignore[union-attr]
    region = gazetteer.resolve("Krasnodar region")
    assert region is not None and (region.feature, region.country) == ("admin1", "RUS")
    city = gazetteer.resolve("Krasnodar")
    assert distance_km(region.lat, region.lon, city.lat, city.lon) < 161  # type: ignore[arg-type, union-attr]
    # the article's places settle a shared division name: Amritsar is in India's Punjab
    amritsar = gazetteer.resolve("Amritsar")
    assert gazetteer.resolve("Punjab", near=[amritsar]).country == "IND"  # type: ignore[list-item, union-attr]
    assert gazetteer.resolve("Punjab", article_countries={"PAK"}).country == "PAK"  # type: ignore[union-attr]
    # a country's name stays the country's
    georgia = gazetteer.lookup("Georgia")
    assert all(entry.feature != "admin1" or entry.country == "USA" for entry, _ in georgia)
