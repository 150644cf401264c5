"""Read PETRARCH-format actor and agent dictionaries into actor table entries.

Actor dictionaries (``*.actors.txt``)::

    JOHN_KERRY_            # a root phrase, "_" between words (a trailing "_" is dropped)
    +SECRETARY_KERRY_      # "+" lines are synonyms of the root
        [USAGOVLEG 850103-130201]    # tab-indented codes, with optional date restrictions:
        [USAGOV >130201]             # YYMMDD-YYMMDD (both included), >YYMMDD (from), <YYMMDD (until)
    UNICEF_ [IGOUNOKID]    # or the code(s) on the root line itself

An undated code next to dated ones is the default: it is valid on the days no dated code covers. Dates
have 6 digits (two-digit years below 40 are 20xx) or 8 digits. ``[---]`` is "no code" and is skipped.
Following PETRARCH, a phrase without any code is skipped (as are codes with impossible dates).

Agent dictionaries (``*.agents.txt``)::

    !MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES    # a macro
    FOREIGN_!MINIST! [~GOV]                                  # expands to one title per alternative
    CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]        # explicit plural; {} means none
    JUDGE [~JUD]                                             # regular plural ("judges") made for us

A singular agent becomes a ``"title"`` :class:`TitleEntry`, a plural or uncountable one a ``"group"``;
the sector is the first three letters after ``~`` (``~GOVMIL`` gives ``GOV``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from ..errors import DataFileError
from .tables import GROUP_COUNTRIES, ActorEntry, TitleEntry

__all__ = ["read_actor_dictionary", "read_agent_dictionary", "read_petrarch_dir"]

_BRACKET = re.compile(r"\[([^\]]*)\]")
_DATED = re.compile(r"([A-Z0-9]+)\s*(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?")
_AGENT = re.compile(r"^(?P<noun>[^{\[]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]")
_MACRO = re.compile(r"^(!\w+!)\s*=\s*(.+)$")
_USE = re.compile(r"!\w+!")


def _text(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError as err:
        raise DataFileError(f"{path}: cannot read PETRARCH dictionary: {err}") from err


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").replace("]", " ").split())


def _strip_comment(line: str) -> str:
    return line.split("#", 1)[0].rstrip()


def _day(digits: str) -> dt.date | None:
    try:
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        year = int(digits[:2])
        year += 2000 if year < 40 else 1900
        return dt.date(year, int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None


_Code = tuple[str, dt.date | None, dt.date | None]


def _parse_code(text: str) -> _Code | None:
    """``CODE``, ``CODE >YYMMDD``, ``CODE <YYMMDD`` or ``CODE YYMMDD-YYMMDD``; None when unusable."""
    match = _DATED.fullmatch(text.strip())
    if match is None:
        return None
    code, sign, one, first, last = match.groups()
    if sign:
        day = _day(one)
        if day is None:
            return None
        return (code, day, None) if sign == ">" else (code, None, day)
    if first:
        start, end = _day(first), _day(last)
        if start is None or end is None or end < start:
            return None
        return code, start, end
    return code, None, None


def _uncovered(dated: list[_Code]) -> list[tuple[dt.date | None, dt.date | None]]:
    """The gaps (as closed ranges, open when None) that no dated code covers."""
    gaps: list[tuple[dt.date | None, dt.date | None]] = []
    cursor: dt.date | None = None  # first day not yet covered; None = the beginning of time
    for _, start, end in sorted(dated, key=lambda code: code[1] or dt.date.min):
        if start is not None and (cursor is None or start > cursor):
            gaps.append((cursor, start - dt.timedelta(days=1)))
        if end is None:
            return gaps
        if cursor is None or end >= cursor:
            cursor = end + dt.timedelta(days=1)
    gaps.append((cursor, None))
    return gaps


def _split_code(code: str, countries: frozenset[str]) -> tuple[str | None, str | None]:
    head = code[:3]
    if head in GROUP_COUNTRIES:
        return head, None
    if head in countries:
        return head, code[3:6] or None
    return None, None


def _display_name(phrase: str) -> str:
    """ "JOHN KERRY" → "John Kerry"; acronyms ("UN", "U.N.") stay as they are."""
    return phrase if len(phrase.replace(".", "")) <= 4 else phrase.title()


def _entry_kind(code: str, start: dt.date | None, end: dt.date | None) -> str:
    # a bare country code names the country even when dated ("IRAQI [IRQ]" across regime changes)
    if len(code) == 3 and code not in GROUP_COUNTRIES:
        return "country"
    return "person" if start or end else "organization"


def _block_entries(phrases: list[str], codes: list[_Code], countries: frozenset[str]) -> list[ActorEntry]:
    dated = [code for code in codes if code[1] or code[2]]
    ranged: list[_Code] = list(dated)
    for code, _, _ in (code for code in codes if not (code[1] or code[2])):
        ranged += [(code, start, end) for start, end in (_uncovered(dated) if dated else [(None, None)])]
    phrases = list(dict.fromkeys(phrases))
    name = _display_name(phrases[0]) if phrases else ""
    entries = []
    for code, start, end in ranged:
        country, sector = _split_code(code, countries)
        kind = _entry_kind(code, start, end)
        entries += [
            ActorEntry(phrase, kind, code, country, sector, name, None, start, end) for phrase in phrases
        ]
    return entries


def _codes_on(line: str, path: Path, number: int) -> list[_Code]:
    if line.count("[") > line.count("]"):
        raise DataFileError(f"{path}:{number}: unclosed '[' in {line.strip()!r}")
    codes = [_parse_code(text) for text in _BRACKET.findall(line)]
    return [code for code in codes if code is not None]


def read_actor_dictionary(path: Path, *, countries: frozenset[str] = frozenset()) -> list[ActorEntry]:
    """Entries of a PETRARCH actor dictionary. ``countries``: codes whose first 3 letters are a country.

    Bare 3-letter country codes get kind ``"country"`` (dated or not), other dated entries ``"person"``,
    all others ``"organization"``. Raises :class:`DataFileError` on an unclosed ``[`` or an orphan "+" line.
    """
    path = Path(path)
    countries = countries or _iso_countries()
    entries: list[ActorEntry] = []
    phrases: list[str] = []
    codes: list[_Code] = []
    for number, raw in enumerate(_text(path), start=1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        if line[0].isspace():
            codes += _codes_on(line, path, number)
            continue
        head = line.split("[", 1)[0].strip()
        if head.startswith("+"):
            if not phrases:
                raise DataFileError(f"{path}:{number}: synonym {head!r} before any root phrase")
            phrases.append(_phrase(head[1:]))
        else:
            entries += _block_entries(phrases, codes, countries)
            phrases, codes = [_phrase(head)], []
        codes += _codes_on(line, path, number)
    entries += _block_entries(phrases, codes, countries)
    return entries


def _regular_plural(noun: str) -> str:
    if noun.endswith("MAN") and not re.search(r"(^|_)(GER|SHA|RO|OTTO|CAY)MAN$", noun):  # "GUNMAN", "HIT_MAN"
        return noun[:-3] + "MEN"
    if re.search(r"[^AEIOU]Y$", noun):
        return noun[:-1] + "IES"
    if re.search(r"(S|X|Z|CH|SH)$", noun):
        return noun + "ES"
    return noun + "S"


def _agent_forms(noun: str, plural: str | None, macros: dict[str, list[str]]) -> list[tuple[str, bool]]:
    """(phrase, is plural) pairs of one agent line, macros expanded."""
    use = _USE.search(noun)
    if use is not None:
        alternatives = macros.get(use.group(0), [])
        return [(noun.replace(use.group(0), alt), alt.endswith(("S", "MEN"))) for alt in alternatives]
    if plural is None and re.search(r"MEN$", noun) and not re.search(r"(^|_)(A|O|STA)MEN$", noun):
        return [(noun, True)]  # "GUNMEN", "ARMED_MEN": already a plural ("AMEN", "OMEN", "STAMEN" are not)
    if plural is None:
        return [(noun, False), (_regular_plural(noun), True)]
    return [(noun, False)] + [(form, True) for form in plural.split() if form]


def read_agent_dictionary(
    path: Path, *, sector_of: Callable[[str], str | None] | None = None
) -> list[TitleEntry]:
    """Titles of a PETRARCH agent dictionary. Lines without a code are skipped, as PETRARCH does.

    ``sector_of`` picks the sector of a code (without its ``~``); by default its first three letters. A line
    whose code it maps to None is skipped.
    """
    path = Path(path)
    macros: dict[str, list[str]] = {}
    titles: list[TitleEntry] = []
    for number, raw in enumerate(_text(path), start=1):
        line = _strip_comment(raw).strip()
        macro = _MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [alt.strip() for alt in macro.group(2).split(",") if alt.strip()]
            continue
        match = _AGENT.match(line)
        if match is None:
            continue
        code = match.group("code").strip().lstrip("~")
        if len(code) < 3:
            raise DataFileError(f"{path}:{number}: bad agent code {match.group('code')!r}")
        sector = code[:3] if sector_of is None else sector_of(code)
        if sector is None:
            continue
        for noun, plural in _agent_forms(match.group("noun").strip(), match.group("plural"), macros):
            phrase = _phrase(noun).lower()
            uncountable = match.group("plural") is not None and not match.group("plural").strip()
            kind = "group" if plural or uncountable else "title"
            titles.append(TitleEntry(phrase, sector, None, kind, plural))
    return titles


def read_petrarch_dir(folder: Path) -> tuple[list[ActorEntry], list[TitleEntry]]:
    """Every ``*actors*.txt`` and ``*agents*.txt`` dictionary of a folder, in name order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DataFileError(f"{folder}: not a folder of PETRARCH dictionaries")
    countries = _iso_countries()
    entries: list[ActorEntry] = []
    titles: list[TitleEntry] = []
    for path in sorted(folder.glob("*actors*.txt")):
        entries += read_actor_dictionary(path, countries=countries)
    for path in sorted(folder.glob("*agents*.txt")):
        titles += read_agent_dictionary(path)
    return entries, titles


def _iso_countries() -> frozenset[str]:
    from .tables import load_tables

    entries = load_tables().entries
    return frozenset(entry.country for entry in entries if entry.kind == "country" and entry.country)
