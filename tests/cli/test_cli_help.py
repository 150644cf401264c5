"""Every command has --help, and every command is documented in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from detente.cli import main

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in group.commands.items():
        path = prefix + (name,)
        found.append(path)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
    return found


COMMANDS = _commands(main)


def test_there_are_commands():
    assert {("code",), ("ingest",), ("events",), ("eval", "plover")} <= set(COMMANDS)


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_help(path):
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    assert max(len(line) for line in result.output.splitlines()) <= 100


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_documented_in_readme(path):
    assert f"detente {' '.join(path)}" in README


def test_bad_date_is_a_usage_error():
    result = CliRunner().invoke(main, ["code", "x.txt", "--date", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_bad_dyad_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["events", "--db", str(tmp_path / "x.db"), "--dyad", "USA"])
    assert result.exit_code == 2
    assert "USA-CHN" in result.output
