"""Tests of the PETRARCH dictionary reader."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from detente.actors.petrarch import read_actor_dictionary, read_agent_dictionary, read_petrarch_dir
from detente.actors.tables import load_tables
from detente.errors import DataFileError

D = dt.date
REFERENCE = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference" / "petrarch2" / "dictionaries"
needs_reference = pytest.mark.skipif(not REFERENCE.is_dir(), reason="shared PETRARCH reference not available")

SAMPLE_ACTORS = """\
# a comment
JOHN_KERRY_ # just KERRY is somewhat vague...
+SECRETARY_KERRY_
+JOHN_KERRY
\t[USAGOVLEG 850103-130201]
\t[USAGOV >130201]

UNICEF_\t[IGOUNOKID]# UN Children's Fund
KOFI_ANNAN_
+K._ANNAN_
\t[IGOUNO 970101-061231]
\t[ELI]
OLD_GUARD_ [FRAMIL <991231] [---]
ISRAEL [ISR]
BAD_DATES_ [USAGOV 2004017-20061201]
"""

SAMPLE_AGENTS = """\
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES
FOREIGN_!MINIST! [~GOV]
CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]
POLICE {} [~COP]
JUDGE [~JUD] # a comment
ARMY [~MIL]
ISLAMIC_EXTREMIST
"""


@pytest.fixture()
def actors(tmp_path: Path) -> Path:
    path = tmp_path / "Sample.actors.txt"
    path.write_text(SAMPLE_ACTORS, encoding="utf-8")
    return path


@pytest.fixture()
def agents(tmp_path: Path) -> Path:
    path = tmp_path / "Sample.agents.txt"
    path.write_text(SAMPLE_AGENTS, encoding="utf-8")
    return path


def by_phrase(entries: list, phrase: str) -> list:
    return [entry for entry in entries if entry.phrase == phrase]


def test_dated_codes(actors: Path) -> None:
    kerry = by_phrase(read_actor_dictionary(actors), "SECRETARY KERRY")
    assert {(entry.code, entry.start, entry.end) for entry in kerry} == {
        ("USAGOVLEG", D(1985, 1, 3), D(2013, 2, 1)),
        ("USAGOV", D(2013, 2, 1), None),
    }
    assert all(entry.kind == "person" and entry.name == "John Kerry" for entry in kerry)
    assert {(entry.country, entry.sector) for entry in kerry} == {("USA", "GOV")}
    assert len(by_phrase(read_actor_dictionary(actors), "JOHN KERRY")) == 2  # root and "+" are one phrase


def test_undated_code_is_the_default_outside_the_dated_ones(actors: Path) -> None:
    annan = by_phrase(read_actor_dictionary(actors), "K. ANNAN")
    assert {(entry.code, entry.start, entry.end) for entry in annan} == {
        ("IGOUNO", D(1997, 1, 1), D(2006, 12, 31)),
        ("ELI", None, D(1996, 12, 31)),
        ("ELI", D(2007, 1, 1), None),
    }


def test_codes_on_the_phrase_line(actors: Path) -> None:
    entries = read_actor_dictionary(actors)
    (unicef,) = by_phrase(entries, "UNICEF")
    assert (unicef.code, unicef.country, unicef.sector) == ("IGOUNOKID", "IGO", None)
    assert unicef.kind == "organization"
    (israel,) = by_phrase(entries, "ISRAEL")
    assert (israel.code, israel.country, israel.kind) == ("ISR", "ISR", "country")
    (guard,) = by_phrase(entries, "OLD GUARD")  # "[---]" is no code
    assert (guard.code, guard.start, guard.end) == ("FRAMIL", None, D(1999, 12, 31))
    assert by_phrase(entries, "BAD DATES") == []  # impossible dates are skipped, as PETRARCH does


def test_orphan_synonym_and_unclosed_bracket(tmp_path: Path) -> None:
    path = tmp_path / "bad.actors.txt"
    path.write_text("# header\n+ORPHAN_\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.actors.txt:2"):
        read_actor_dictionary(path)
    path.write_text("ROOT_\n\t[USAGOV 850103\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad.actors.txt:2: unclosed"):
        read_actor_dictionary(path)


def test_agents(agents: Path) -> None:
    titles = {title.phrase: title for title in read_agent_dictionary(agents)}
    assert set(titles) >= {"foreign minister", "foreign ministers", "foreign ministry", "foreign ministries"}
    assert titles["foreign minister"].kind == "title" and not titles["foreign minister"].plural
    assert titles["foreign ministers"].plural and titles["foreign ministers"].kind == "group"
    assert titles["chambers of commerce"].plural
    assert titles["police"].kind == "group" and "polices" not in titles
    assert titles["judges"].sector == "JUD" and titles["armies"].plural
    assert "islamic extremist" not in titles  # no code: skipped, as PETRARCH does


def test_petrarch_dir_overrides_builtin(tmp_path: Path, actors: Path, agents: Path) -> None:
    tables = load_tables(petrarch_dirs=[tmp_path])
    assert {entry.code for entry in tables.lookup("Israel")} == {"ISR"}
    assert {entry.code for entry in tables.lookup("John Kerry", on=D(2010, 1, 1))} == {"USAGOVLEG"}
    assert tables.title("judge") is not None and tables.title("judge").role is None  # type: ignore[union-attr]
    with pytest.raises(DataFileError):
        read_petrarch_dir(tmp_path / "absent")


@needs_reference
def test_phoenix_countries() -> None:
    entries = read_actor_dictionary(REFERENCE / "Phoenix.Countries.actors.txt")
    assert len(entries) > 30_000
    kerry = by_phrase(entries, "JOHN KERRY")
    assert {entry.code for entry in kerry if entry.valid_on(D(2010, 1, 1))} == {"USAGOVLEG"}
    assert {entry.code for entry in kerry if entry.valid_on(D(2014, 1, 1))} == {"USAGOV"}
    assert {entry.code for entry in by_phrase(entries, "AFGHANISTAN")} == {"AFG"}


@needs_reference
def test_phoenix_international() -> None:
    entries = read_actor_dictionary(REFERENCE / "Phoenix.International.actors.txt")
    assert {entry.code for entry in by_phrase(entries, "NATO")} == {"IGOWSTNAT"}
    assert {entry.code for entry in by_phrase(entries, "BAN KI-MOON") if entry.valid_on(D(2010, 1, 1))} == {
        "IGOUNO"
    }


@needs_reference
def test_phoenix_agents() -> None:
    titles = {title.phrase: title for title in read_agent_dictionary(REFERENCE / "Phoenix.agents.txt")}
    assert len(titles) > 3000
    assert titles["foreign minister"].sector == "GOV"
    assert titles["demonstrator"].sector == "OPP"
    assert titles["congressmen"].plural
