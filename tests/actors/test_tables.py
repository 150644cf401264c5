"""Tests of the actor tables and their loader."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

from detente.actors.tables import (
    GROUP_COUNTRIES,
    PERSON_ROLES,
    SECTORS,
    ActorEntry,
    ActorTables,
    load_tables,
    normalize_phrase,
    read_table,
)
from detente.errors import DataFileError

D = dt.date
SINGLE_HOLDER_ROLES = PERSON_ROLES  # every role in the people table has one holder at a time


@pytest.fixture(scope="module")
def tables() -> ActorTables:
    return load_tables()


def codes(entries: list[ActorEntry]) -> set[str]:
    return {entry.code for entry in entries}


def people(tables: ActorTables) -> list[ActorEntry]:
    """One entry per row of the people table (the row's main name)."""
    return [entry for entry in tables.entries if entry.kind == "person" and entry.phrase == entry.name]


# ------------------------------------------------------------------------------------------ countries


def test_every_iso_country_is_present(tables: ActorTables) -> None:
    present = {entry.country for entry in tables.entries if entry.kind == "country"}
    missing = {country.alpha_3 for country in pycountry.countries} - present
    assert not missing
    assert {"TWN", "PSE", "XKX"} <= present


@pytest.mark.parametrize("phrase", ["US", "U.S.", "United States", "America", "USA", "American"])
def test_united_states_aliases(tables: ActorTables, phrase: str) -> None:
    assert codes(tables.lookup(phrase)) == {"USA"}


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Chinese", "CHN"),
        ("chinese", "CHN"),
        ("Britain", "GBR"),
        ("British", "GBR"),
        ("UK", "GBR"),
        ("South Korea", "KOR"),
        ("North Korean", "PRK"),
        ("Russia", "RUS"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Vietnam", "VNM"),
        ("Laos", "LAO"),
        ("Bolivia", "BOL"),
        ("Tanzania", "TZA"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Palestinian", "PSE"),
        ("Israeli", "ISR"),
        ("Afghan", "AFG"),
        ("Kosovo", "XKX"),
        ("Taiwan", "TWN"),
    ],
)
def test_country_names_and_adjectives(tables: ActorTables, phrase: str, code: str) -> None:
    assert codes(tables.lookup(phrase)) == {code}


def test_short_acronyms_need_their_case(tables: ActorTables) -> None:
    assert tables.lookup("us") == []
    assert tables.lookup("who") == []
    assert codes(tables.lookup("WHO")) == {"IGOUNOHLHWHO"}


def test_kurdish_is_not_a_country(tables: ActorTables) -> None:
    assert tables.lookup("Kurdish") == []


# ------------------------------------------------------------------------------------------ capitals


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("Washington", "USAGOV"),
        ("Beijing", "CHNGOV"),
        ("the Kremlin", "RUSGOV"),
        ("Kremlin", "RUSGOV"),
        ("The White House", "USAGOV"),
        ("the Pentagon", "USAMIL"),
        ("Downing Street", "GBRGOV"),
        ("the Elysee", "FRAGOV"),
        ("the Élysée", "FRAGOV"),
        ("Kyiv", "UKRGOV"),
        ("Kiev", "UKRGOV"),
        ("Tehran", "IRNGOV"),
        ("Pyongyang", "PRKGOV"),
        ("New Delhi", "INDGOV"),
        ("Brussels", "IGOEUREEC"),
        ("the State Department", "USAGOV"),
    ],
)
def test_capitals_and_metonyms(tables: ActorTables, phrase: str, code: str) -> None:
    assert codes(tables.lookup(phrase)) == {code}


def test_capital_sectors(tables: ActorTables) -> None:
    (pentagon,) = tables.lookup("the Pentagon")
    assert (pentagon.country, pentagon.sector, pentagon.kind) == ("USA", "MIL", "capital")


def test_epithets(tables: ActorTables) -> None:
    assert codes(tables.lookup("the Jewish state")) == {"ISR"}
    assert codes(tables.lookup("the Islamic Republic")) == {"IRN"}
    assert codes(tables.lookup("the hermit kingdom")) == {"PRK"}


# ------------------------------------------------------------------------------------------ organizations


@pytest.mark.parametrize(
    ("phrase", "code", "country"),
    [
        ("United Nations", "IGOUNO", "IGO"),
        ("U.N.", "IGOUNO", "IGO"),
        ("NATO", "IGOWSTNAT", "IGO"),
        ("European Union", "IGOEUREEC", "IGO"),
        ("IAEA", "IGOUNOIAE", "IGO"),
        ("Amnesty International", "NGOHRIAMN", "NGO"),
        ("ISIS", "IMGMUSISI", "IMG"),
        ("Daesh", "IMGMUSISI", "IMG"),
        ("Hamas", "PSEREBHMS", "PSE"),
        ("Hezbollah", "LBNREB", "LBN"),
        ("Taliban", "AFGREB", "AFG"),
    ],
)
def test_organizations(tables: ActorTables, phrase: str, code: str, country: str) -> None:
    (entry,) = tables.lookup(phrase)
    assert (entry.code, entry.country, entry.kind) == (code, country, "organization")


def test_igo_has_no_sector(tables: ActorTables) -> None:
    (entry,) = tables.lookup("UN")
    assert entry.sector is None and entry.name == "United Nations"


# ------------------------------------------------------------------------------------------ titles


@pytest.mark.parametrize(
    ("phrase", "sector", "role", "kind"),
    [
        ("Foreign Minister", "GOV", "foreign_minister", "title"),
        ("secretary of state", "GOV", "foreign_minister", "title"),
        ("defense secretary", "GOV", "defence_minister", "title"),
        ("prime minister", "GOV", "head_of_government", "title"),
        ("troops", "MIL", None, "group"),
        ("police", "COP", None, "group"),
        ("rebels", "REB", None, "group"),
        ("protesters", "OPP", None, "group"),
        ("parliament", "LEG", None, "group"),
        ("judge", "JUD", "judge", "title"),
    ],
)
def test_titles(tables: ActorTables, phrase: str, sector: str, role: str | None, kind: str) -> None:
    title = tables.title(phrase)
    assert title is not None
    assert (title.sector, title.role, title.kind) == (sector, role, kind)


def test_plural_titles_are_groups(tables: ActorTables) -> None:
    officials = tables.title("officials")
    assert officials is not None and officials.plural and officials.kind == "group"
    assert tables.title("no such title") is None


# ------------------------------------------------------------------------------------------ people


def test_blinken_is_date_bounded(tables: ActorTables) -> None:
    assert codes(tables.lookup("Blinken", on=D(2023, 3, 1))) == {"USAGOV"}
    assert tables.lookup("Blinken", on=D(2019, 3, 1)) == []
    assert tables.lookup("Antony Blinken")  # all terms when no date is given


def test_wang_yi_terms(tables: ActorTables) -> None:
    (in_2015,) = tables.lookup("Wang Yi", on=D(2015, 6, 1))
    assert (in_2015.role, in_2015.code) == ("foreign_minister", "CHNGOV")
    assert tables.lookup("Wang Yi", on=D(2023, 5, 15)) == []
    assert tables.lookup("Wang Yi", on=D(2024, 1, 1))
    assert tables.holder("CHN", "foreign_minister", on=D(2023, 5, 15)).name == "Qin Gang"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("country", "role", "day", "name"),
    [
        ("USA", "head_of_state", D(2023, 6, 14), "Joe Biden"),
        ("USA", "head_of_state", D(2019, 6, 14), "Donald Trump"),
        ("USA", "head_of_state", D(2025, 6, 14), "Donald Trump"),
        ("USA", "head_of_government", D(2023, 6, 14), "Joe Biden"),  # falls back to the president
        ("USA", "national_security_advisor", D(2022, 1, 1), "Jake Sullivan"),
        ("CHN", "head_of_state", D(2015, 1, 1), "Xi Jinping"),
        ("RUS", "head_of_state", D(2010, 1, 1), "Dmitry Medvedev"),
        ("RUS", "head_of_government", D(2010, 1, 1), "Vladimir Putin"),
        ("GBR", "head_of_government", D(2022, 10, 1), "Liz Truss"),
        ("GBR", "foreign_minister", D(2004, 1, 1), "Jack Straw"),
        ("FRA", "head_of_state", D(2010, 1, 1), "Nicolas Sarkozy"),
        ("DEU", "head_of_government", D(2010, 1, 1), "Angela Merkel"),
        ("JPN", "head_of_government", D(2015, 1, 1), "Shinzo Abe"),
        ("IND", "head_of_government", D(2010, 1, 1), "Manmohan Singh"),
        ("SAU", "head_of_government", D(2020, 1, 1), "Salman bin Abdulaziz"),
        ("SAU", "head_of_government", D(2023, 1, 1), "Mohammed bin Salman"),
        ("IGO", "un_secretary_general", D(2010, 1, 1), "Ban Ki-moon"),
        ("IGO", "nato_secretary_general", D(2020, 1, 1), "Jens Stoltenberg"),
        ("IGO", "eu_foreign_policy_chief", D(2016, 1, 1), "Federica Mogherini"),
    ],
)
def test_holder(tables: ActorTables, country: str, role: str, day: dt.date, name: str) -> None:
    holder = tables.holder(country, role, on=day)
    assert holder is not None and holder.name == name


def test_holder_on_handover_day_is_the_incoming_one(tables: ActorTables) -> None:
    assert tables.holder("USA", "head_of_state", on=D(2021, 1, 20)).name == "Joe Biden"  # type: ignore[union-attr]
    assert tables.holder("USA", "head_of_state", on=D(1950, 1, 1)) is None


def test_person_rows_are_well_formed(tables: ActorTables) -> None:
    countries = {entry.country for entry in tables.entries if entry.kind == "country"} | GROUP_COUNTRIES
    rows = people(tables)
    assert len(rows) > 500
    for row in rows:
        assert row.start is not None, row
        assert row.end is None or row.start <= row.end, row
        assert row.country in countries, row
        assert row.role in PERSON_ROLES, row
        assert row.sector is None or row.sector in SECTORS, row
        assert row.code.startswith(row.country or ""), row


def test_no_overlapping_terms(tables: ActorTables) -> None:
    terms: dict[tuple[str | None, str | None], list[ActorEntry]] = defaultdict(list)
    for row in people(tables):
        if row.role in SINGLE_HOLDER_ROLES:
            terms[row.country, row.role].append(row)
    for key, rows in terms.items():
        rows.sort(key=lambda row: row.start or D.min)
        for before, after in zip(rows, rows[1:], strict=False):
            assert before.end is not None, (key, before.name, after.name)
            assert before.end <= after.start, (key, before.name, after.name)  # type: ignore[operator]


G20 = [
    "ARG",
    "AUS",
    "BRA",
    "CAN",
    "CHN",
    "FRA",
    "DEU",
    "IND",
    "IDN",
    "ITA",
    "JPN",
    "MEX",
    "RUS",
    "SAU",
    "ZAF",
    "KOR",
    "TUR",
    "GBR",
    "USA",
]


@pytest.mark.parametrize("country", G20)
def test_g20_offices_are_filled(tables: ActorTables, country: str) -> None:
    for role in ("head_of_government", "foreign_minister", "defence_minister"):
        for year in (2001, 2005, 2010, 2015, 2020, 2024):
            assert tables.holder(country, role, on=D(year, 7, 1)) is not None, (country, role, year)


# ------------------------------------------------------------------------------------------ loading


def test_every_shipped_table_reads_and_loading_is_cached() -> None:
    """How long loading takes is measured by benchmarks/throughput.py (start-up), not asserted here."""
    data = Path(__file__).resolve().parents[2] / "src" / "detente" / "actors" / "data"
    for name in ("countries", "capitals", "epithets", "organizations", "titles", "people"):
        assert read_table(data / f"{name}.tsv")
    assert load_tables() is load_tables()


def test_normalize_phrase() -> None:
    assert normalize_phrase("The  Élysée") == "elysee"
    assert normalize_phrase("Xi\u2019s") == "xi's"


def test_user_file_overrides_and_adds(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my people\n"
        "name\taliases\tcode\tcountry\tsector\trole\tstart\tend\n"
        "Jane Roe\tRoe\tFRAGOV\tFRA\tGOV\tforeign_minister\t2030-01-01\t\n"
        "Emmanuel Macron\tMacron\tFRAGOV\tFRA\tGOV\thead_of_state\t2017-05-14\t2020-01-01\n",
        encoding="utf-8",
    )
    caps = tmp_path / "caps.tsv"
    caps.write_text("phrase\tcode\tcountry\tsector\nWashington\tUSALEG\tUSA\tLEG\n", encoding="utf-8")
    tables = load_tables(extra_files=[extra, caps])
    assert codes(tables.lookup("Roe", on=D(2031, 1, 1))) == {"FRAGOV"}
    assert tables.lookup("Macron", on=D(2023, 1, 1)) == []  # the user's row replaced ours
    assert codes(tables.lookup("Washington")) == {"USALEG"}
    assert codes(load_tables().lookup("Washington")) == {"USAGOV"}  # the cached default is untouched


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("phrase\tcode\nthe Land of Oz\tOZ\n", "mine.tsv:2"),
        ("phrase\tcode\tcountry\tsector\nOzville\tOZZGOV\tOZZ\tXXX\n", "unknown sector"),
        (
            "name\taliases\tcode\tcountry\tsector\trole\tstart\tend\nA\t\tUSAGOV\tUSA\tGOV\tking\t2000-01-01\t\n",
            "unknown role",
        ),
        (
            "name\taliases\tcode\tcountry\tsector\trole\tstart\tend\n"
            "A\t\tUSAGOV\tUSA\tGOV\thead_of_state\t2000-13-01\t\n",
            "bad date",
        ),
        (
            "name\taliases\tcode\tcountry\tsector\trole\tstart\tend\n"
            "A\t\tUSAGOV\tUSA\tGOV\thead_of_state\t2001-01-01\t2000-01-01\n",
            "before start",
        ),
        ("what\tever\nx\ty\n", "matches no actor table"),
        ("phrase\tcode\na\tUSA\tGOV\textra\n", "fields"),
        ("# only a comment\n", "no header"),
    ],
)
def test_bad_file_raises(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "mine.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        load_tables(extra_files=[path])


def test_missing_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_tables(extra_files=[tmp_path / "absent.tsv"])
