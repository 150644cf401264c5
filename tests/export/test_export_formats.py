"""Every export format written from a store and read back: CSV, JSON Lines, Parquet (pyarrow and pandas),
the GDELT 2.0 event table (its 61 columns against GDELT's own header file), ICEWS TSV and PLOVER JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from detente import load_events
from detente.export import FLAT_COLUMNS, export_events, export_formats, get_format
from detente.export.codes import split_actor
from detente.export.gdelt import gdelt_columns
from detente.export.plover import PLOVER_REQUIRED
from detente.records import Evidence, Place
from detente.store import EventQuery, EventStore, open_store

from ..store.store_records import coded, event

GDELT_HEADER = (
    Path(__file__).resolve().parents[2]
    / ".."
    / "shared"
    / "reference"
    / "gdelt"
    / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
)
#: A sentence with the characters that break delimited files: a tab, a line break, quotes, a comma.
AWKWARD = 'Officials said "no",\tthen\nleft; the UN, too.'


@pytest.fixture
def store(tmp_path: Path) -> EventStore:
    with open_store(tmp_path / "events.db") as opened:
        opened.write_batch(
            [
                coded(
                    "a1",
                    event("e1", "USAGOV", "CHNGOV", cameo="0421", date="2024-03-05"),
                    event(
                        "e2",
                        "PSEREBHMS",
                        "ISRMIL",
                        cameo="190",
                        status="planned",
                        evidence=Evidence(
                            sentence=AWKWARD, start=0, end=len(AWKWARD), trigger="said", rule="r"
                        ),
                        location=Place(name="Texas", country="USA", feature="admin1", lat=31.0, lon=-100.0),
                    ),
                    event("e3", "IGOUNO", None, cameo="010", plover=None, date="2023"),
                    published=dt.date(2024, 4, 1),
                ),
            ]
        )
        yield opened


def _export(store: EventStore, fmt: str, **filters: object) -> bytes:
    out = io.BytesIO()
    export_events(store, EventQuery.build(**filters), fmt, out)
    return out.getvalue()


def test_every_format_is_registered() -> None:
    assert set(export_formats()) >= {"csv", "jsonl", "parquet", "gdelt", "icews", "plover"}


def test_csv_reads_back_with_the_flat_columns(store: EventStore) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv").decode("utf-8"))))
    assert tuple(rows[0]) == FLAT_COLUMNS
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {"e1", "e2", "e3"}
    assert by_id["e2"]["evidence_sentence"] == AWKWARD  # quoted, not split
    assert by_id["e1"]["source_code"] == "USAGOV" and by_id["e1"]["target_country"] == "CHN"
    assert by_id["e1"]["url"] == "https://example.org/a1" and by_id["e1"]["outlet"] == "example.org"
    assert by_id["e3"]["target_code"] == "" and by_id["e3"]["date"] == "2023"
    assert float(by_id["e1"]["goldstein"]) == 3.5


def test_filters_and_order_apply_to_exports(store: EventStore) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv", status="planned").decode("utf-8"))))
    assert [row["id"] for row in rows] == ["e2"]
    newest = [json.loads(line)["id"] for line in _export(store, "jsonl", descending=True).splitlines()]
    oldest = [json.loads(line)["id"] for line in _export(store, "jsonl").splitlines()]
    assert newest == ["e2", "e1", "e3"] and oldest == ["e3", "e1", "e2"]


def test_jsonl_has_one_flat_object_per_line(store: EventStore) -> None:
    lines = _export(store, "jsonl").decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 3
    assert all(tuple(record) == FLAT_COLUMNS for record in records)
    assert {record["id"]: record["reciprocal"] for record in records}["e1"] is False


def test_parquet_reads_back_with_pyarrow_and_pandas(store: EventStore) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    pandas = pytest.importorskip("pandas")
    data = _export(store, "parquet")
    table = pq.read_table(io.BytesIO(data))
    assert tuple(table.column_names) == FLAT_COLUMNS
    assert table.num_rows == 3
    assert str(table.schema.field("day").type) == "date32[day]"
    assert str(table.schema.field("goldstein").type) == "double"
    frame = pandas.read_parquet(io.BytesIO(data))
    row = frame.set_index("id").loc["e2"]
    assert row["evidence_sentence"] == AWKWARD and row["location_name"] == "Texas"
    assert row["day"] == dt.date(2024, 4, 1)


def test_gdelt_columns_are_gdelts_own() -> None:
    if not GDELT_HEADER.exists():
        pytest.skip("../shared/reference/gdelt is not present")
    with GDELT_HEADER.open(encoding="utf-8") as header:
        reference = [row["tableId"] for row in csv.DictReader(header)]
    assert len(reference) == 61
    assert list(gdelt_columns()) == reference


def test_gdelt_rows_have_61_tab_separated_cells(store: EventStore) -> None:
    lines = _export(store, "gdelt").decode("utf-8").split("\n")
    assert lines[-1] == ""
    rows = [line.split("\t") for line in lines[:-1]]
    assert len(rows) == 3 and all(len(row) == 61 for row in rows)
    columns = gdelt_columns()
    records = [dict(zip(columns, row, strict=True)) for row in rows]
    by_code = {record["EventCode"]: record for record in records}
    first = by_code["0421"]
    assert (first["SQLDATE"], first["MonthYear"], first["Year"]) == ("20240305", "202403", "2024")
    assert first["EventBaseCode"] == "042" and first["EventRootCode"] == "04"
    assert (first["Actor1Code"], first["Actor1CountryCode"], first["Actor1Type1Code"]) == (
        "USAGOV",
        "USA",
        "GOV",
    )
    assert first["QuadClass"] == "1" and float(first["GoldsteinScale"]) == 3.5
    assert first["ActionGeo_CountryCode"] == "SZ"  # Switzerland in FIPS 10-4 (Geneva)
    assert first["ActionGeo_Type"] == "4" and first["SOURCEURL"] == "https://example.org/a1"
    assert first["GLOBALEVENTID"].isdigit()
    hamas = by_code["190"]
    assert (hamas["Actor1CountryCode"], hamas["Actor1KnownGroupCode"], hamas["Actor1Type1Code"]) == (
        "PSE",
        "HMS",
        "REB",
    )
    assert hamas["ActionGeo_Type"] == "2"  # a US state
    un = by_code["010"]
    assert (un["Actor1KnownGroupCode"], un["Actor1Type1Code"], un["Actor2Code"]) == ("UNO", "IGO", "")


def test_icews_tsv_reads_back(store: EventStore) -> None:
    text = _export(store, "icews").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(rows) == 3
    by_id = {row["Event ID"]: row for row in rows}
    assert by_id["e1"]["Source Country"] == "United States"
    assert by_id["e1"]["Source Sectors"] == "Government"
    assert by_id["e1"]["CAMEO Code"] == "0421" and by_id["e1"]["Event Text"] == "label 0421"
    assert by_id["e2"]["Province"] == "Texas" and by_id["e2"]["Country"] == "United States"
    assert "\n" not in by_id["e2"]["Event Text"]


def test_plover_records_have_the_required_fields(store: EventStore) -> None:
    records = json.loads(_export(store, "plover"))
    assert [record["id"] for record in records] == ["e1", "e2"]  # e3 has no PLOVER type
    for record in records:
        assert set(PLOVER_REQUIRED) <= set(record)
        assert isinstance(record["source"], list) and isinstance(record["target"], list)
        for actor in record["source"] + record["target"]:
            assert set(actor) == {"actorText", "code", "sector"} and len(actor["code"]) == 3
        assert dt.date.fromisoformat(record["date"])
    assert records[0]["source"][0] == {"actorText": "Usagov", "code": "USA", "sector": "GOV"}
    assert records[0]["eventLoc"]["country code"] == "CH"
    assert records[1]["detente"]["status"] == "planned"


def test_empty_exports_are_still_valid_files(store: EventStore) -> None:
    assert json.loads(_export(store, "plover", country="FRA")) == []
    assert _export(store, "csv", country="FRA").decode("utf-8").splitlines() == [",".join(FLAT_COLUMNS)]
    pq = pytest.importorskip("pyarrow.parquet")
    assert pq.read_table(io.BytesIO(_export(store, "parquet", country="FRA"))).num_rows == 0


def test_load_events_gives_a_dataframe(store: EventStore, tmp_path: Path) -> None:
    pytest.importorskip("pandas")
    frame = load_events(store, country="CHN")
    assert list(frame.columns) == list(FLAT_COLUMNS)
    assert sorted(frame["id"]) == ["e1"]
    assert frame["day"].iloc[0] == dt.date(2024, 3, 5)
    assert sorted(load_events(tmp_path / "events.db")["id"]) == ["e1", "e2", "e3"]


def test_split_actor_codes() -> None:
    assert split_actor("USAGOV").types == ("GOV",)
    assert split_actor("IGOUNOREFHCR").known_group == "UNO"
    assert split_actor(None).country == ""


def test_unknown_format_is_a_config_error() -> None:
    from detente.errors import ConfigError

    with pytest.raises(ConfigError, match="known: csv"):
        get_format("xml")
