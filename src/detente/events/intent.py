"""What an announced, future, conditional or refused act is coded as (``data/intent_codes.tsv``)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from ..errors import DataFileError

__all__ = ["intent_code", "load_intent_codes"]


@lru_cache(maxsize=1)
def load_intent_codes() -> dict[str, dict[str, str]]:
    """``intent_codes.tsv``: CAMEO prefix of an announced (or refused) act -> the code it is coded as."""
    tables: dict[str, dict[str, str]] = {"planned": {}, "refused": {}, "prepared": {}}
    text = resources.files("detente.events").joinpath("data/intent_codes.tsv").read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3 or not fields[0].isdigit() or not fields[1].isdigit() or fields[2] not in tables:
            expected = "from<TAB>to<TAB>" + "|".join(tables)
            raise DataFileError(f"intent_codes.tsv:{number}: expected '{expected}'")
        tables[fields[2]][fields[0]] = fields[1]
    return tables


def intent_code(table: dict[str, str], cameo: str) -> str | None:
    for length in range(len(cameo), 1, -1):
        found = table.get(cameo[:length])
        if found is not None:
            return found
    return None
