"""Reading detente's data files: UTF-8, blank lines and ``#`` comment lines skipped, tab-separated fields.

Every table, word list and lexicon the package ships (and those users add) is read through these, so that a
file that cannot be read is always a :class:`detente.errors.DataFileError` naming the file, and every row
keeps its line number for the messages about bad lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import DataFileError

__all__ = ["data_lines", "read_data_file", "tsv_rows"]


def read_data_file(path: Path | Traversable, what: str) -> str:
    """The text of a data file; an unreadable or non-UTF-8 file raises ``DataFileError("<path>: cannot read
    <what>: ...")``."""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise DataFileError(f"{path}: cannot read {what}: {err}") from err


def data_lines(text: str) -> Iterator[tuple[int, str]]:
    """``(line number, line)`` for each line that is neither blank nor a comment (first visible character
    ``#``), numbered from 1 as an editor numbers them."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def tsv_rows(path: Path | Traversable, what: str, *, strip: bool = True) -> Iterator[tuple[int, list[str]]]:
    """``(line number, fields)`` of each data line of a tab-separated file; fields are stripped of spaces
    unless ``strip`` is false (for fields where spaces count, such as regular expressions)."""
    for number, line in data_lines(read_data_file(path, what)):
        fields = line.split("\t")
        yield number, [field.strip() for field in fields] if strip else fields
