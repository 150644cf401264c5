"""The shipped agent table: its conversion from the agent dictionaries and what it gives the resolver."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.actors.agents import agent_titles, convert_agents, main, sector_of, write_agent_table
from detente.actors.petrarch import read_agent_dictionary
from detente.actors.tables import DATA_DIR, load_tables

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
PHOENIX = SHARED / "reference" / "petrarch2" / "dictionaries" / "Phoenix.agents.txt"
PLOVER = SHARED / "train" / "ngec" / "PLOVER_agents.txt"
needs_shared = pytest.mark.skipif(
    not (PHOENIX.is_file() and PLOVER.is_file()), reason="shared agent dictionaries not available"
)


@needs_shared
def test_converting_the_dictionaries_reproduces_the_shipped_table(tmp_path: Path) -> None:
    out = tmp_path / "agents.tsv"
    assert main([str(PHOENIX), str(PLOVER), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (DATA_DIR / "agents.tsv").read_text(encoding="utf-8")


def test_sector_of_takes_the_first_usable_part() -> None:
    assert sector_of("CVLOPPEDU") == "CVL"
    assert sector_of("SOCOPP") == "OPP"  # SOC is passed over
    assert sector_of("JRN") == "MED"
    assert sector_of("CHRCTH") == "REL"
    assert sector_of("JNK") is None
    assert sector_of("PPL") is None


def test_conversion_rules(tmp_path: Path) -> None:
    first = tmp_path / "First.agents.txt"
    first.write_text(
        "!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON\n"
        "MARCHER [~OPP]\n"
        "SENTRY!PERSON! [~MIL]\n"
        "RAIDERS [~CVLREB]\n"
        "LONG_MARCHERS,_WITH_FAMILIES [~OPP]\n"
        "GATE_OF [~COP]\n"
        "SHIP_CAPTAIN [~JNK]\n"
        "CAPITAL [~GOV]\n",
        encoding="utf-8",
    )
    second = tmp_path / "Second.agents.txt"
    second.write_text("MARCHER [~CVL]\nFERRYMAN [~BUS]\n", encoding="utf-8")
    titles = {t.phrase: t for t in convert_agents([first, second])}
    assert titles["marcher"].sector == "OPP" and titles["marchers"].plural  # the first file wins
    assert titles["sentrymen"].plural and titles["sentrywoman"].kind == "title"
    assert titles["raiders"].plural and titles["raiders"].sector == "CVL"  # a plural listed as a noun
    assert "raiderses" not in titles
    assert titles["ferrymen"].plural and "ferrymans" not in titles
    for left_out in ("long marchers, with families", "gate of", "ship captain", "capital", "capitals"):
        assert left_out not in titles
    out = tmp_path / "table.tsv"
    write_agent_table(list(titles.values()), out)
    text = out.read_text(encoding="utf-8")
    assert "MIT License" in text and "Open Event Data Alliance" in text
    assert "ferrymen\tBUS\t\tgroup\tyes" in text


def test_reader_makes_irregular_plurals(tmp_path: Path) -> None:
    path = tmp_path / "X.agents.txt"
    path.write_text("GUNMAN [~UAF]\nGUNMEN [~UAF]\nGERMAN [~CVL]\n", encoding="utf-8")
    phrases = {t.phrase: t.plural for t in read_agent_dictionary(path)}
    assert phrases == {"gunman": False, "gunmen": True, "german": False, "germans": True}


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("police", "COP"),
        ("riot police", "COP"),
        ("policemen", "COP"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("rebels", "REB"),
        ("insurgents", "REB"),
        ("protesters", "OPP"),
        ("demonstrators", "OPP"),
        ("villagers", "CVL"),
        ("students", "EDU"),
        ("workers", "LAB"),
        ("farmers", "AGR"),
        ("journalists", "MED"),
        ("refugees", "REF"),
    ],
)
def test_generic_agents_give_a_sector(phrase: str, sector: str) -> None:
    title = load_tables().title(phrase)
    assert title is not None and title.sector == sector


def test_generic_agents_are_never_the_government() -> None:
    for phrase in ("police", "protesters", "demonstrators", "rioters", "students", "villagers", "workers"):
        title = load_tables().title(phrase)
        assert title is not None and title.sector != "GOV", phrase


def test_hand_made_titles_win_over_the_agent_table() -> None:
    from_agents = {t.phrase: t for t in agent_titles()}
    assert from_agents["spokesman"].sector == "MED"  # the dictionaries' reading
    assert load_tables().title("spokesman").sector == "GOV"  # titles.tsv's
