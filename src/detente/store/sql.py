"""All of the store's SQL: the migrations, the column lists and the statements built from them.

Statements use ``?`` placeholders and ``{autoincrement_pk}`` / ``{float}`` type tokens; a
:class:`detente.store.dialect.Dialect` renders them for one database. ``start`` and ``end`` are reserved
words in PostgreSQL, so the mention columns that carry those names are always quoted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .query import EventQuery

__all__ = [
    "ARTICLE_COLUMNS",
    "EVENT_COLUMNS",
    "MENTION_COLUMNS",
    "MIGRATIONS",
    "MIGRATIONS_TABLE",
    "Migration",
    "QUOTE_COLUMNS",
    "REJECTION_COLUMNS",
    "event_query",
]


@dataclass(frozen=True, slots=True)
class Migration:
    """One named, append-only schema step. Never edit a released one: add the next."""

    name: str
    statements: tuple[str, ...]


MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    name TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)"""

_ACTOR_DDL = """
    {side}_text TEXT,
    {side}_name TEXT,
    {side}_code TEXT,
    {side}_country TEXT,
    {side}_sector TEXT,
    {side}_start INTEGER,
    {side}_end INTEGER,"""

_INITIAL = (
    """
CREATE TABLE articles (
    id TEXT PRIMARY KEY,
    title TEXT,
    text TEXT NOT NULL,
    published TEXT,
    url TEXT,
    source TEXT,
    language TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    added_at TEXT NOT NULL
)""",
    """
CREATE TABLE events (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),"""
    + _ACTOR_DDL.replace("{side}", "source")
    + _ACTOR_DDL.replace("{side}", "target")
    + """
    reciprocal INTEGER NOT NULL,
    cameo TEXT NOT NULL,
    cameo_root TEXT NOT NULL,
    cameo_label TEXT NOT NULL,
    goldstein {float} NOT NULL,
    quad_class INTEGER NOT NULL,
    plover TEXT,
    plover_mode TEXT,
    status TEXT NOT NULL,
    date TEXT,
    date_text TEXT,
    location TEXT,
    mention_count INTEGER NOT NULL,
    evidence_sentence TEXT NOT NULL,
    evidence_start INTEGER NOT NULL,
    evidence_end INTEGER NOT NULL,
    evidence_trigger TEXT NOT NULL,
    evidence_trigger_start INTEGER NOT NULL,
    evidence_trigger_end INTEGER NOT NULL,
    evidence_rule TEXT NOT NULL
)""",
    """
CREATE TABLE mentions (
    event_id TEXT NOT NULL REFERENCES events (id),
    article_id TEXT NOT NULL REFERENCES articles (id),
    sentence TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    trigger TEXT NOT NULL,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    rule TEXT NOT NULL,
    UNIQUE (event_id, "start", "end")
)""",
    """
CREATE TABLE quotes (
    id TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id),
    payload TEXT NOT NULL
)""",
    """
CREATE TABLE rejections (
    id {autoincrement_pk},
    origin TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    article_id TEXT,
    at TEXT NOT NULL,
    UNIQUE (origin, code, message)
)""",
    "CREATE INDEX events_article ON events (article_id)",
    "CREATE INDEX events_source_country ON events (source_country)",
    "CREATE INDEX events_target_country ON events (target_country)",
    "CREATE INDEX events_source_code ON events (source_code)",
    "CREATE INDEX events_target_code ON events (target_code)",
    "CREATE INDEX events_cameo_root ON events (cameo_root)",
    "CREATE INDEX events_date ON events (date)",
    "CREATE INDEX mentions_article ON mentions (article_id)",
    "CREATE INDEX quotes_article ON quotes (article_id)",
)

_EVENT_DATES = (
    "ALTER TABLE events ADD COLUMN date_precision TEXT",
    "ALTER TABLE events ADD COLUMN date_source TEXT",
)

#: Every migration, in order. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _INITIAL),
    Migration("0002_event_dates", _EVENT_DATES),
)

ARTICLE_COLUMNS = ("id", "title", "text", "published", "url", "source", "language", "fingerprint", "added_at")
#: Columns replaced when an article is written again (``added_at`` keeps the first write).
ARTICLE_UPDATE_COLUMNS = ARTICLE_COLUMNS[1:-1]

_ACTOR_FIELDS = ("text", "name", "code", "country", "sector", "start", "end")
EVENT_COLUMNS = (
    "id",
    "article_id",
    *(f"source_{name}" for name in _ACTOR_FIELDS),
    *(f"target_{name}" for name in _ACTOR_FIELDS),
    "reciprocal",
    "cameo",
    "cameo_root",
    "cameo_label",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "status",
    "date",
    "date_text",
    "date_precision",
    "date_source",
    "location",
    "mention_count",
    "evidence_sentence",
    "evidence_start",
    "evidence_end",
    "evidence_trigger",
    "evidence_trigger_start",
    "evidence_trigger_end",
    "evidence_rule",
)
MENTION_COLUMNS = (
    "event_id",
    "article_id",
    "sentence",
    '"start"',
    '"end"',
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
)
MENTION_KEY = ("event_id", '"start"', '"end"')
QUOTE_COLUMNS = ("id", "article_id", "payload")
REJECTION_COLUMNS = ("origin", "code", "message", "article_id", "at")
REJECTION_KEY = ("origin", "code", "message")

RECORD_MIGRATION = "INSERT INTO migrations (name, applied_at) VALUES (?, ?)"
APPLIED_MIGRATIONS = "SELECT name FROM migrations ORDER BY name"
MIGRATION_APPLIED = "SELECT name FROM migrations WHERE name = ?"
ARTICLE_FINGERPRINT = "SELECT fingerprint FROM articles WHERE id = ?"
SELECT_ARTICLE = (
    "SELECT id, title, text, published, url, source, language, added_at FROM articles WHERE id = ?"
)
DELETE_ARTICLE_MENTIONS = "DELETE FROM mentions WHERE article_id = ?"
DELETE_ARTICLE_EVENTS = "DELETE FROM events WHERE article_id = ?"
DELETE_ARTICLE_QUOTES = "DELETE FROM quotes WHERE article_id = ?"
EVENT_OWNER = "SELECT article_id FROM events WHERE id = ?"
COUNT_EVENTS = "SELECT COUNT(*) AS count FROM events"
COUNT_ARTICLES = "SELECT COUNT(*) AS count FROM articles"

_EFFECTIVE_DATE = "COALESCE(e.date, a.published)"


def event_query(query: EventQuery) -> tuple[str, list[Any]]:
    """The ``SELECT`` (with ``?`` placeholders) and parameters for one validated event query."""
    clauses: list[str] = []
    params: list[Any] = []
    for clause, values in _filters(query):
        clauses.append(clause)
        params.extend(values)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns} FROM events e JOIN articles a ON a.id = e.article_id {where} "
        f"ORDER BY {_EFFECTIVE_DATE} IS NULL, {_EFFECTIVE_DATE}, e.article_id, e.id LIMIT ? OFFSET ?"
    )
    return sql, [*params, query.limit, query.offset]


def _filters(query: EventQuery) -> list[tuple[str, list[Any]]]:
    filters: list[tuple[str, list[Any]]] = []
    if query.actor is not None:
        filters.append(_either_side(_code_prefix, query.actor))
    if query.country is not None:
        filters.append(("(e.source_country = ? OR e.target_country = ?)", [query.country, query.country]))
    if query.dyad is not None:
        filters.append(_dyad(query.dyad, directed=query.directed))
    if query.root is not None:
        root = query.root
        filters.append(("e.cameo_root = ? AND substr(e.cameo, 1, ?) = ?", [root[:2], len(root), root]))
    if query.status is not None:
        filters.append(("e.status = ?", [query.status]))
    if query.date_from is not None:
        filters.append((f"substr({_EFFECTIVE_DATE}, 1, 10) >= ?", [query.date_from]))
    if query.date_to is not None:
        filters.append((f"substr({_EFFECTIVE_DATE}, 1, 10) <= ?", [query.date_to]))
    return filters


def _code_prefix(side: str, code: str) -> tuple[str, list[Any]]:
    return f"substr(e.{side}_code, 1, ?) = ?", [len(code), code]


def _country_or_code(side: str, value: str) -> tuple[str, list[Any]]:
    prefix, params = _code_prefix(side, value)
    return f"(e.{side}_country = ? OR {prefix})", [value, *params]


def _either_side(match: Any, value: str) -> tuple[str, list[Any]]:
    source, source_params = match("source", value)
    target, target_params = match("target", value)
    return f"({source} OR {target})", [*source_params, *target_params]


def _dyad(dyad: tuple[str, str], *, directed: bool) -> tuple[str, list[Any]]:
    first, second = dyad
    forward, forward_params = _pair(first, second)
    if directed:
        return forward, forward_params
    backward, backward_params = _pair(second, first)
    return f"({forward} OR {backward})", [*forward_params, *backward_params]


def _pair(source: str, target: str) -> tuple[str, list[Any]]:
    source_clause, source_params = _country_or_code("source", source)
    target_clause, target_params = _country_or_code("target", target)
    return f"({source_clause} AND {target_clause})", [*source_params, *target_params]
