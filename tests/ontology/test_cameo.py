"""The CAMEO/PLOVER table: checked against the reference files in ../shared, and the loader's behaviour."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from detente.errors import DataFileError, DetenteError
from detente.ontology import (
    CameoCode,
    Ontology,
    UnknownCodeError,
    fold_plover,
    load_ontology,
    parse_cameo_table,
)

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CAMEO_REF = SHARED / "reference" / "cameo"
PLOVER_REF = SHARED / "reference" / "plover" / "CAMEO2PLOVER-2021.txt"

needs_shared = pytest.mark.skipif(not CAMEO_REF.is_dir(), reason="../shared reference data not available")


def _gdelt_table(name: str) -> dict[str, str]:
    lines = (CAMEO_REF / name).read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t") for line in lines if line.strip())


def _crosswalk() -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Every ``CODE: TYPE, mode, context # comment`` line of CAMEO2PLOVER-2021, by code, in file order."""
    entries: dict[str, list[tuple[str, str | None, str | None]]] = {}
    for line in PLOVER_REF.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(\d{2,4}):([^#]*)", line)
        if not match:
            continue
        parts = [part.strip() for part in match.group(2).split(",")] + ["", ""]
        entries.setdefault(match.group(1), []).append((parts[0], parts[1] or None, parts[2] or None))
    return entries


def _root_quad_class(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return load_ontology()


# --- against the reference tables -------------------------------------------------------------------


@needs_shared
def test_code_set_equals_gdelt(ontology: Ontology) -> None:
    gdelt = _gdelt_table("CAMEO.eventcodes.txt")
    ours = [cameo.code for cameo in ontology]
    assert sorted(ours) == sorted(gdelt)
    assert len(ours) == len(set(ours)) == 311


@needs_shared
def test_goldstein_equals_gdelt(ontology: Ontology) -> None:
    gdelt = _gdelt_table("CAMEO.goldsteinscale.txt")
    wrong = {c.code: (c.goldstein, gdelt[c.code]) for c in ontology if c.goldstein != float(gdelt[c.code])}
    assert wrong == {}


@needs_shared
def test_quad_class_follows_root_rule_and_gdelt(ontology: Ontology) -> None:
    with (CAMEO_REF / "cameo_codebook_merged.csv").open(encoding="utf-8", newline="") as handle:
        merged = {row["cameo_code"]: int(row["quadclass_gdelt"]) for row in csv.DictReader(handle)}
    for cameo in ontology:
        assert cameo.quad_class == _root_quad_class(cameo.code), cameo.code
        assert cameo.quad_class == merged[cameo.code], cameo.code


@needs_shared
def test_plover_equals_crosswalk(ontology: Ontology) -> None:
    crosswalk = _crosswalk()
    for cameo in ontology:
        # first entry wins: the crosswalk lists root 08 twice (CONCEDE, then RETREAT)
        expected = crosswalk.get(cameo.code, [(None, None, None)])[0]
        plover = cameo.plover or None
        assert (plover, cameo.plover_mode, cameo.plover_context) == expected, cameo.code


@needs_shared
def test_crosswalk_ambiguities_are_the_known_ones(ontology: Ontology) -> None:
    crosswalk = _crosswalk()
    conflicting = {code for code, entries in crosswalk.items() if len(set(entries)) > 1}
    assert conflicting == {"08"}
    assert set(crosswalk) - {c.code for c in ontology} == {"1213", "1214"}  # not GDELT codes
    unmapped = {c.code for c in ontology if c.plover is None}
    assert {code[:2] for code in unmapped} == {"01", "02"}


# --- the shipped table on its own -------------------------------------------------------------------


def test_labels_are_short_and_clean(ontology: Ontology) -> None:
    for cameo in ontology:
        assert cameo.label and cameo.label == cameo.label.strip(), cameo.code
        assert cameo.label[0].isupper(), cameo.code
        assert "not specified" not in cameo.label, cameo.code
        assert cameo.label.isascii(), cameo.code


def test_known_entries(ontology: Ontology) -> None:
    visit = ontology.get("042")
    assert visit == CameoCode("042", "Make a visit", 1.9, 1, "CONSULT", "visit", None)
    assert visit.root == "04" and not visit.is_root
    assert ontology.get("106").label == "Demand meeting, negotiation"
    assert ontology.get("08").plover == "CONCEDE"
    assert ontology.get("01").plover is None and ontology.get("02").plover is None
    assert ontology.get("20").goldstein == -10.0


def test_lookup_protocol(ontology: Ontology) -> None:
    assert "190" in ontology and "999" not in ontology and 190 not in ontology
    assert len(ontology) == len(list(ontology)) == 311
    with pytest.raises(UnknownCodeError, match="unknown CAMEO code '999'") as caught:
        ontology.get("999")
    assert isinstance(caught.value, KeyError) and isinstance(caught.value, DetenteError)


def test_roots_and_children(ontology: Ontology) -> None:
    assert [c.code for c in ontology.roots()] == [f"{n:02d}" for n in range(1, 21)]
    assert [c.code for c in ontology.children("04")] == ["040", "041", "042", "043", "044", "045", "046"]
    assert [c.code for c in ontology.children("081")] == ["0811", "0812", "0813", "0814"]
    assert ontology.children("042") == []
    with pytest.raises(UnknownCodeError):
        ontology.children("99")
    for root in ontology.roots():
        assert all(child.root == root.code for child in ontology.children(root.code))


def test_plover_types(ontology: Ontology) -> None:
    types = ontology.plover_types()
    assert types == sorted(types)
    assert len(types) == 16
    assert {"CONSULT", "REQUEST", "ACCUSE", "ASSAULT", "RETREAT", "CONCEDE"} <= set(types)
    assert not {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"} & set(types)


def test_default_table_is_cached() -> None:
    assert load_ontology() is load_ontology()


# --- user tables --------------------------------------------------------------------------------------

USER_TABLE = (
    "# my own table\n"
    "code\tlabel\tgoldstein\tquad_class\tplover\tplover_mode\n"
    "04\tConsult\t1.0\t1\tCONSULT\t\n"
    "042\tMake a visit\t1.9\t1\tCONSULT\tvisit\n"
    "\n"
    "19\tFight\t-10\t4\tFIGHT\t\n"
)


def test_user_table_loads(tmp_path: Path) -> None:
    path = tmp_path / "cameo.tsv"
    path.write_text(USER_TABLE, encoding="utf-8")
    ontology = load_ontology(path)
    assert len(ontology) == 3
    assert ontology.get("042").plover_mode == "visit"
    assert ontology.get("04").plover_mode is None and ontology.get("04").plover_context is None
    assert ontology.get("19").goldstein == -10.0
    assert [c.code for c in ontology.children("04")] == ["042"]
    assert load_ontology(str(path)).get("19").plover == "FIGHT"
    assert load_ontology(path) is not load_ontology(path)


def test_user_table_with_required_columns_only() -> None:
    ontology = parse_cameo_table("code\tlabel\tgoldstein\tquad_class\n01\tSay\t0\t1\n")
    assert ontology.get("01") == CameoCode("01", "Say", 0.0, 1)


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("043\tHost a visit\t2.8\t1\tCONSULT", "expected 6 tab-separated fields, found 5"),
        ("043\tHost a visit\tlots\t1\tCONSULT\tvisit", "goldstein must be a number"),
        ("043\tHost a visit\t12\t1\tCONSULT\tvisit", "goldstein must be between -10 and 10"),
        ("043\tHost a visit\t2.8\t5\tCONSULT\tvisit", "quad_class must be 1, 2, 3 or 4"),
        ("43a\tHost a visit\t2.8\t1\tCONSULT\tvisit", "bad CAMEO code '43a'"),
        ("043\t\t2.8\t1\tCONSULT\tvisit", "empty label"),
        ("042\tAgain\t1.9\t1\tCONSULT\tvisit", "duplicate CAMEO code '042'"),
    ],
)
def test_malformed_user_table_names_the_line(tmp_path: Path, bad_line: str, message: str) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(USER_TABLE + bad_line + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"bad\.tsv:7: .*{re.escape(message)}"):
        load_ontology(path)


@pytest.mark.parametrize(
    "text",
    [
        "code\tlabel\tgoldstein\n01\tSay\t0\n",
        "code\tlabel\tgoldstein\tquad_class\tcolour\n",
        "01\tSay\t0\t1\n",
    ],
)
def test_bad_header_is_rejected(text: str) -> None:
    with pytest.raises(DataFileError, match=r"<string>:1: bad header row"):
        parse_cameo_table(text)


def test_empty_or_unreadable_table(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="no CAMEO codes"):
        parse_cameo_table("# nothing\ncode\tlabel\tgoldstein\tquad_class\n")
    with pytest.raises(DataFileError, match="cannot read CAMEO table"):
        load_ontology(tmp_path / "missing.tsv")
    binary = tmp_path / "binary.tsv"
    binary.write_bytes(b"\xff\xfe\x00bad")
    with pytest.raises(DataFileError, match="cannot read CAMEO table"):
        load_ontology(binary)


# --- fold_plover --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "folded"),
    [
        ("DEMAND", "REQUEST"),
        ("demand", "REQUEST"),
        ("DISAPPROVE", "ACCUSE"),
        ("INVESTIGATE", "ACCUSE"),
        ("Fight", "ASSAULT"),
        ("consult", "CONSULT"),
        ("REQUEST", "REQUEST"),
        (" assault ", "ASSAULT"),
    ],
)
def test_fold_plover(given: str, folded: str) -> None:
    assert fold_plover(given) == folded


def test_fold_plover_is_idempotent_on_the_table(ontology: Ontology) -> None:
    for plover in ontology.plover_types():
        assert fold_plover(plover) == plover
