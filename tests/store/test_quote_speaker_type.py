"""A quote's speaker type is stored in its own column (migration 0008), backfilled for older stores from
the stored payloads, and filtered by ``QuoteQuery.speaker_type``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from detente.errors import ConfigError
from detente.records import CodedArticle, Quote, Span, Speaker
from detente.store import open_store
from detente.store.dialect import SQLITE
from detente.store.migrations import apply_migrations
from detente.store.query import QuoteQuery
from detente.store.sql import MIGRATIONS

from .store_records import article

TEXT = "We welcome it. The paper said so. Analysts agreed."


def _speaker(text: str, start: int, kind: str) -> Speaker:
    return Speaker(text, start, start + len(text), kind, None, None, Span(start, start + len(text)), text)


def _coded(article_id: str) -> CodedArticle:
    quotes = (
        Quote(f"{article_id}-q1", "We welcome it.", 0, 14, "direct", _speaker("The paper", 15, "media")),
        Quote(f"{article_id}-q2", "so", 30, 32, "indirect", _speaker("Analysts", 34, "group")),
        Quote(f"{article_id}-q3", "agreed", 43, 49, "direct", None),
    )
    return CodedArticle(article=article(article_id), quotes=quotes)


def test_speaker_type_is_written_and_filtered(tmp_path: Path) -> None:
    with open_store(tmp_path / "events.db") as store:
        store.write_batch([_coded("a1")])
        media = store.query_quotes(speaker_type="media")
        assert [q["id"] for q in media] == ["a1-q1"]
        assert media[0]["speaker"]["type"] == "media"
        both = store.query_quotes(QuoteQuery.build(speaker_type="media, GROUP"))
        assert [q["id"] for q in both] == ["a1-q1", "a1-q2"]
        assert store.count_quotes(QuoteQuery.build(speaker_type=["document"])) == 0
        assert store.count_quotes(QuoteQuery.build()) == 3


def test_an_unknown_speaker_type_is_refused() -> None:
    with pytest.raises(ConfigError, match="speaker_type must be one of"):
        QuoteQuery.build(speaker_type="pundit")


def test_migration_0008_backfills_older_quotes_from_their_payloads(tmp_path: Path) -> None:
    path = tmp_path / "events.db"
    with open_store(path) as store:
        store.write_batch([_coded("a1")])
    connection = sqlite3.connect(path, isolation_level=None)
    try:  # back to a store from before 0008: no column, no record of the migration
        connection.execute("DROP INDEX quotes_speaker_type")
        connection.execute("ALTER TABLE quotes DROP COLUMN speaker_type")
        connection.execute("DELETE FROM migrations WHERE name = '0008_quote_speaker_type'")
        # a quote stored before speakers had a type keeps NULL
        stored = connection.execute("SELECT payload FROM quotes WHERE id = 'a1-q2'").fetchone()[0]
        payload = json.loads(stored)
        del payload["speaker"]["type"]
        connection.execute("UPDATE quotes SET payload = ? WHERE id = 'a1-q2'", (json.dumps(payload),))
        assert apply_migrations(connection, SQLITE, migrations=MIGRATIONS) == ["0008_quote_speaker_type"]
        rows = dict(connection.execute("SELECT id, speaker_type FROM quotes").fetchall())
    finally:
        connection.close()
    assert rows == {"a1-q1": "media", "a1-q2": None, "a1-q3": None}
