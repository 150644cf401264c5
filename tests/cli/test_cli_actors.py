"""Users add or override actors with their own table (--actors)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from detente.cli import main

pytestmark = pytest.mark.slow


def test_own_actor_table_is_used(tmp_path):
    table = tmp_path / "my_actors.tsv"
    table.write_text(
        "phrase\tcode\tcountry\tsector\tname\nthe Westeros Council\tWESGOV\tWES\tGOV\tCouncil of Westeros\n"
    )
    article = tmp_path / "story.txt"
    article.write_text("The Westeros Council accused Russia of spying on Tuesday.\n")
    result = CliRunner().invoke(main, ["code", str(article), "--actors", str(table)])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout.splitlines()[0])["events"]
    assert [(e["source"]["code"], e["cameo"][:2], e["target"]["code"]) for e in events] == [
        ("WESGOV", "11", "RUS")
    ]


def test_missing_actor_table_is_a_usage_error(tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Russia accused Ukraine of shelling.\n")
    result = CliRunner().invoke(main, ["code", str(article), "--actors", str(tmp_path / "nope.tsv")])
    assert result.exit_code == 2
    assert "nope.tsv" in result.output
