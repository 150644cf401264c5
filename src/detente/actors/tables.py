"""Actor tables: the phrases that name actors, and the titles that give them a sector.

The tables are TSV data files shipped in ``actors/data/`` (``#`` comments, a header row, ``|`` between the
items of a list column). A file's header says which table it is:

=================  ===========================================================
table              columns (optional ones in brackets)
=================  ===========================================================
countries          iso3, name, aliases, adjectives
capitals           phrase, code, country, sector, [name]
epithets           phrase, code, [name]
organizations      code, name, country, sector, aliases
titles             phrase, sector, role, kind, plural
people             name, aliases, code, country, sector, role, start, end
=================  ===========================================================

:func:`load_tables` reads the shipped files, then PETRARCH dictionary folders, then the user's own files.
Each of those sources is a *layer*: a phrase defined in a later layer replaces every entry for that phrase
(compared case-insensitively, without a leading "the") from the earlier layers.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..datafiles import tsv_rows
from ..errors import DataFileError
from ..records import Actor

__all__ = [
    "ActorEntry",
    "ActorTables",
    "ENTRY_KINDS",
    "GROUP_COUNTRIES",
    "PERSON_ROLES",
    "SECTORS",
    "TABLE_COLUMNS",
    "TitleEntry",
    "load_tables",
    "normalize_phrase",
    "read_table",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
BUILTIN_FILES = (
    "countries.tsv",
    "capitals.tsv",
    "epithets.tsv",
    "organizations.tsv",
    "agents.tsv",  # generic agents converted from PETRARCH's dictionaries (detente.actors.agents)
    "titles.tsv",  # read after agents.tsv: the hand-made titles win
    "people.tsv",
)

ENTRY_KINDS = ("country", "adjective", "capital", "epithet", "organization", "person")

#: Pseudo-countries of CAMEO codes that are not states.
GROUP_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "MNC"})

#: Primary CAMEO sectors (the 3 letters after the country).
SECTORS = frozenset(
    {
        "GOV",
        "MIL",
        "COP",
        "REB",
        "OPP",
        "CVL",
        "BUS",
        "MED",
        "LEG",
        "JUD",
        "SPY",
        "EDU",
        "REL",
        "LAB",
        "REF",
        "HLH",
        "AGR",
        "CRM",
        "DEV",
        "ELI",
        "ENV",
        "HRI",
        "IGO",
        "INS",
        "MOD",
        "RAD",
        "SEP",
        "UAF",
    }
)

#: Roles a row of the people table may have.
PERSON_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "national_security_advisor",
        "un_secretary_general",
        "nato_secretary_general",
        "eu_foreign_policy_chief",
        "eu_commission_president",
        "eu_council_president",
    }
)

#: Required and optional columns of each table.
TABLE_COLUMNS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "countries": (frozenset({"iso3", "name", "aliases", "adjectives"}), frozenset()),
    "capitals": (frozenset({"phrase", "code", "country", "sector"}), frozenset({"name"})),
    "epithets": (frozenset({"phrase", "code"}), frozenset({"name"})),
    "organizations": (frozenset({"code", "name", "country", "sector", "aliases"}), frozenset()),
    "titles": (frozenset({"phrase", "sector", "role", "kind", "plural"}), frozenset()),
    "people": (
        frozenset({"name", "aliases", "code", "country", "sector", "role", "start", "end"}),
        frozenset(),
    ),
}

_CODE = re.compile(r"[A-Z]{3}(?:[A-Z0-9]{3})*")
_ROLE = re.compile(r"[a-z][a-z_]*")


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """A phrase that names an actor, e.g. "Chinese", "the Kremlin", "Qin Gang", "U.S."."""

    phrase: str
    kind: str
    code: str
    country: str | None
    sector: str | None
    name: str
    role: str | None = None
    start: dt.date | None = None
    end: dt.date | None = None

    def valid_on(self, day: dt.date | None) -> bool:
        """True when ``day`` is None or within ``[start, end]`` (both ends included, open when None)."""
        if day is None:
            return True
        if self.start is not None and day < self.start:
            return False
        return self.end is None or day <= self.end

    def to_actor(self) -> Actor:
        """The public :class:`~detente.records.Actor` this phrase names."""
        return Actor(code=self.code, country=self.country, sector=self.sector, name=self.name, role=self.role)


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """A title ("foreign minister", precedes a name) or group noun ("troops") that gives a sector."""

    phrase: str
    sector: str
    role: str | None
    kind: str  # "title" | "group"
    plural: bool = False


def _is_acronym(phrase: str) -> bool:
    """True for phrases such as "US", "U.K.", "WHO": at most 3 letters, all capitals."""
    letters = phrase.replace(".", "")
    return 0 < len(letters) <= 3 and letters.isalpha() and letters.isupper()


def normalize_phrase(phrase: str) -> str:
    """The lookup key of a phrase: case-folded, accents and a leading "the" dropped, spaces collapsed."""
    text = unicodedata.normalize("NFKD", phrase.replace("\u2019", "'").replace("\u2010", "-"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = " ".join(text.casefold().split())
    return text[4:] if text.startswith("the ") else text


class ActorTables:
    """All actor phrases and titles, indexed for lookup."""

    __slots__ = ("entries", "titles", "_by_phrase", "_by_role", "_titles")

    def __init__(self, entries: Iterable[ActorEntry], titles: Iterable[TitleEntry]) -> None:
        self.entries: tuple[ActorEntry, ...] = tuple(entries)
        self.titles: tuple[TitleEntry, ...] = tuple(titles)
        by_phrase: dict[str, list[ActorEntry]] = {}
        by_role: dict[tuple[str, str], list[ActorEntry]] = {}
        for entry in self.entries:
            by_phrase.setdefault(normalize_phrase(entry.phrase), []).append(entry)
            if entry.kind == "person" and entry.country and entry.role:
                by_role.setdefault((entry.country, entry.role), []).append(entry)
        self._by_phrase = {key: tuple(value) for key, value in by_phrase.items()}
        self._by_role = {key: tuple(value) for key, value in by_role.items()}
        self._titles = {normalize_phrase(title.phrase): title for title in self.titles}

    def __repr__(self) -> str:
        return f"ActorTables({len(self.entries)} entries, {len(self.titles)} titles)"

    def lookup(self, phrase: str, *, on: dt.date | None = None) -> list[ActorEntry]:
        """Entries named by ``phrase``; dated entries only when valid ``on`` that day (all when None).

        Matching is case-insensitive, except for short acronyms ("US", "WHO", "IS"), which must be
        written as in the table so that "us" or "who" name nobody.
        """
        found = self._by_phrase.get(normalize_phrase(phrase), ())
        text = " ".join(phrase.split())
        return [
            entry
            for entry in found
            if entry.valid_on(on) and (not _is_acronym(entry.phrase) or text == entry.phrase)
        ]

    def holder(self, country: str, role: str, *, on: dt.date | None) -> ActorEntry | None:
        """The person who held ``role`` in ``country`` on that day (today when ``on`` is None).

        On a hand-over day both holders are valid; the incoming one (later start) is returned. A
        ``head_of_government`` query falls back to the head of state (presidential systems, monarchies
        where the king presides over the government).
        """
        day = on or dt.date.today()
        valid = [entry for entry in self._by_role.get((country, role), ()) if entry.valid_on(day)]
        if not valid:
            if role == "head_of_government":
                return self.holder(country, "head_of_state", on=day)
            return None
        return max(valid, key=lambda entry: entry.start or dt.date.min)

    def title(self, phrase: str) -> TitleEntry | None:
        """The title or group noun ``phrase`` (case-insensitive), or None."""
        return self._titles.get(normalize_phrase(phrase))

    def phrases(self, kind: str | None = None) -> list[str]:
        """Every distinct phrase (of one ``kind`` when given), in table order."""
        seen = dict.fromkeys(entry.phrase for entry in self.entries if kind is None or entry.kind == kind)
        return list(seen)


# --------------------------------------------------------------------------------------------- reading


def _read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line number, row)`` of a TSV file with ``#`` comments; the first other line is the header."""
    header: list[str] | None = None
    for number, cells in tsv_rows(path, "actor table"):
        if header is None:
            header = cells
            yield number, {"": "\t".join(cells)}
            continue
        if len(cells) > len(header):
            raise DataFileError(f"{path}:{number}: {len(cells)} fields, the header has {len(header)}")
        cells += [""] * (len(header) - len(cells))
        yield number, dict(zip(header, cells, strict=True))


def _table_kind(path: Path, number: int, header: str) -> str:
    columns = set(header.split("\t"))
    for kind, (required, optional) in TABLE_COLUMNS.items():
        if required <= columns <= required | optional:
            return kind
    raise DataFileError(f"{path}:{number}: header {sorted(columns)} matches no actor table format")


def _split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split("|") if item.strip()]


def _names(first: str, aliases: str) -> list[str]:
    """``first`` and the aliases, without repeats (as :func:`normalize_phrase` sees them)."""
    names: dict[str, str] = {}
    for name in [first, *_split(aliases)]:
        names.setdefault(normalize_phrase(name), name)
    return list(names.values())


def _date(path: Path, number: int, cell: str) -> dt.date | None:
    if not cell:
        return None
    try:
        return dt.date.fromisoformat(cell)
    except ValueError:
        raise DataFileError(f"{path}:{number}: bad date {cell!r} (want YYYY-MM-DD)") from None


def _code(path: Path, number: int, cell: str) -> str:
    if not _CODE.fullmatch(cell):
        raise DataFileError(f"{path}:{number}: bad actor code {cell!r}")
    return cell


def _sector(path: Path, number: int, cell: str) -> str | None:
    if cell and cell not in SECTORS:
        raise DataFileError(f"{path}:{number}: unknown sector {cell!r}")
    return cell or None


def _need(path: Path, number: int, row: dict[str, str], *columns: str) -> None:
    for column in columns:
        if not row[column]:
            raise DataFileError(f"{path}:{number}: empty {column!r}")


def _country_rows(path: Path, number: int, row: dict[str, str]) -> list[ActorEntry]:
    _need(path, number, row, "iso3", "name")
    iso3 = _code(path, number, row["iso3"])
    names = _names(row["name"], row["aliases"])
    entries = [ActorEntry(name, "country", iso3, iso3, None, row["name"]) for name in names]
    adjectives = _split(row["adjectives"])
    entries += [ActorEntry(adj, "adjective", iso3, iso3, None, row["name"]) for adj in adjectives]
    return entries


def _capital_rows(path: Path, number: int, row: dict[str, str]) -> list[ActorEntry]:
    _need(path, number, row, "phrase", "code")
    code = _code(path, number, row["code"])
    country = row["country"] or None
    name = row.get("name") or row["phrase"]
    return [ActorEntry(row["phrase"], "capital", code, country, _sector(path, number, row["sector"]), name)]


def _epithet_rows(path: Path, number: int, row: dict[str, str]) -> list[ActorEntry]:
    _need(path, number, row, "phrase", "code")
    code = _code(path, number, row["code"])
    name = row.get("name") or row["phrase"]
    return [ActorEntry(row["phrase"], "epithet", code, code[:3], None, name)]


def _organization_rows(path: Path, number: int, row: dict[str, str]) -> list[ActorEntry]:
    _need(path, number, row, "code", "name")
    code = _code(path, number, row["code"])
    sector = _sector(path, number, row["sector"])
    country = row["country"] or None
    names = _names(row["name"], row["aliases"])
    return [ActorEntry(name, "organization", code, country, sector, row["name"]) for name in names]


def _people_rows(path: Path, number: int, row: dict[str, str]) -> list[ActorEntry]:
    _need(path, number, row, "name", "code", "role")
    if row["role"] not in PERSON_ROLES:
        raise DataFileError(f"{path}:{number}: unknown role {row['role']!r}")
    start, end = _date(path, number, row["start"]), _date(path, number, row["end"])
    if start and end and end < start:
        raise DataFileError(f"{path}:{number}: end {end} is before start {start}")
    code, sector = _code(path, number, row["code"]), _sector(path, number, row["sector"])
    country = row["country"] or None
    names = _names(row["name"], row["aliases"])
    role = row["role"]
    name = row["name"]
    return [ActorEntry(alias, "person", code, country, sector, name, role, start, end) for alias in names]


def _title_rows(path: Path, number: int, row: dict[str, str]) -> list[TitleEntry]:
    _need(path, number, row, "phrase", "sector", "kind")
    sector = _sector(path, number, row["sector"]) or ""
    if row["kind"] not in ("title", "group"):
        raise DataFileError(f"{path}:{number}: kind must be 'title' or 'group', got {row['kind']!r}")
    if row["role"] and not _ROLE.fullmatch(row["role"]):
        raise DataFileError(f"{path}:{number}: bad role {row['role']!r}")
    if row["plural"] not in ("", "yes", "no"):
        raise DataFileError(f"{path}:{number}: plural must be 'yes', 'no' or empty, got {row['plural']!r}")
    return [TitleEntry(row["phrase"], sector, row["role"] or None, row["kind"], row["plural"] == "yes")]


_ROW_READERS = {
    "countries": _country_rows,
    "capitals": _capital_rows,
    "epithets": _epithet_rows,
    "organizations": _organization_rows,
    "people": _people_rows,
    "titles": _title_rows,
}


def read_table(path: Path) -> tuple[list[ActorEntry], list[TitleEntry]]:
    """Read one actor table file of any kind (told by its header). Raises :class:`DataFileError`."""
    path = Path(path)
    entries: list[ActorEntry] = []
    titles: list[TitleEntry] = []
    kind = ""
    for number, row in _read_rows(path):
        if "" in row:
            kind = _table_kind(path, number, row[""])
            continue
        made = _ROW_READERS[kind](path, number, row)
        (titles if kind == "titles" else entries).extend(made)  # type: ignore[arg-type]
    if not kind:
        raise DataFileError(f"{path}: no header row")
    return entries, titles


# --------------------------------------------------------------------------------------------- layers


def _merge(
    layers: Iterable[tuple[Sequence[ActorEntry], Sequence[TitleEntry]]],
) -> tuple[list[ActorEntry], list[TitleEntry]]:
    """Stack layers: a phrase in a later layer replaces that phrase's entries of the earlier ones."""
    entries: list[ActorEntry] = []
    titles: list[TitleEntry] = []
    for layer_entries, layer_titles in layers:
        replaced = {normalize_phrase(entry.phrase) for entry in layer_entries}
        entries = [entry for entry in entries if normalize_phrase(entry.phrase) not in replaced]
        entries.extend(layer_entries)
        replaced = {normalize_phrase(title.phrase) for title in layer_titles}
        titles = [title for title in titles if normalize_phrase(title.phrase) not in replaced]
        titles.extend(layer_titles)
    return entries, titles


def _builtin_layer() -> tuple[list[ActorEntry], list[TitleEntry]]:
    entries: list[ActorEntry] = []
    titles: list[TitleEntry] = []
    for name in BUILTIN_FILES:
        file_entries, file_titles = read_table(DATA_DIR / name)
        entries.extend(file_entries)
        titles.extend(file_titles)
    return entries, titles


@functools.lru_cache(maxsize=1)
def _default_tables() -> ActorTables:
    return ActorTables(*_builtin_layer())


def load_tables(*, extra_files: Sequence[Path] = (), petrarch_dirs: Sequence[Path] = ()) -> ActorTables:
    """The shipped tables, then PETRARCH dictionary folders, then ``extra_files``, each overriding the last.

    Without arguments the result is cached. Raises :class:`DataFileError` for an unreadable or bad file.
    """
    if not extra_files and not petrarch_dirs:
        return _default_tables()
    from .petrarch import read_petrarch_dir

    base = _default_tables()
    layers: list[tuple[Sequence[ActorEntry], Sequence[TitleEntry]]] = [(base.entries, base.titles)]
    layers += [read_petrarch_dir(Path(folder)) for folder in petrarch_dirs]
    layers += [read_table(Path(path)) for path in extra_files]
    return ActorTables(*_merge(layers))
