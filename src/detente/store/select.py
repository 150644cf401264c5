"""The store's read statements, built from validated queries: ``(sql, params)`` with ``?`` placeholders.

Values only ever travel as parameters; the SQL text is assembled from fixed fragments chosen by which
filters are set. Substring filters escape the ``LIKE`` wildcards of the user's text, so "50%" and "a_b"
match literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .query import EventQuery, QuoteQuery
from .sql import EVENT_COLUMNS

__all__ = [
    "actor_list",
    "article_count",
    "article_list",
    "dyad_totals",
    "event_by_id",
    "event_count",
    "event_list",
    "event_where",
    "like_pattern",
    "quote_count",
    "quote_list",
    "series_days",
]

Statement = tuple[str, list[Any]]

_QUAD_SUMS = ", ".join(
    f"SUM(CASE WHEN e.quad_class = {quad} THEN 1 ELSE 0 END) AS q{quad}" for quad in (1, 2, 3, 4)
)
_EVENT_TEXT_COLUMNS = ("evidence_sentence", "source_text", "source_name", "target_text", "target_name")
_QUOTE_SELECT = "SELECT q.payload, q.article_id FROM quotes q"
_ARTICLE_SELECT = (
    "SELECT a.id, a.title, a.published, a.url, a.source, a.added_at, "
    "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS event_count, "
    "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quote_count FROM articles a"
)


def like_pattern(text: str) -> str:
    """A ``LIKE`` pattern (with ``ESCAPE '\\'``) matching ``text`` anywhere, its wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _contains(columns: Sequence[str], text: str) -> tuple[str, list[Any]]:
    """Any of ``columns`` contains ``text``, ignoring case (ASCII case on SQLite)."""
    clause = " OR ".join(f"lower({column}) LIKE lower(CAST(? AS TEXT)) ESCAPE '\\'" for column in columns)
    return f"({clause})", [like_pattern(text)] * len(columns)


def _prefix(column: str, value: str) -> tuple[str, list[Any]]:
    return f"substr({column}, 1, CAST(? AS INTEGER)) = ?", [len(value), value]


def _where(filters: list[tuple[str, list[Any]]]) -> Statement:
    if not filters:
        return "", []
    params = [value for _, values in filters for value in values]
    return " WHERE " + " AND ".join(clause for clause, _ in filters), params


# -- events ------------------------------------------------------------------------------------------------


def event_where(query: EventQuery, *, dated: bool = False) -> Statement:
    """The ``WHERE`` clause (over ``events e``) of an event query; ``dated`` keeps only events with a day."""
    filters: list[tuple[str, list[Any]]] = []
    if query.actor is not None:
        source, source_params = _prefix("e.source_code", query.actor)
        target, target_params = _prefix("e.target_code", query.actor)
        filters.append((f"({source} OR {target})", [*source_params, *target_params]))
    if query.country is not None:
        filters.append(("(e.source_country = ? OR e.target_country = ?)", [query.country] * 2))
    if query.sector is not None:
        filters.append(("(e.source_sector = ? OR e.target_sector = ?)", [query.sector] * 2))
    if query.dyad is not None:
        filters.append(_dyad(query.dyad, directed=query.directed))
    if query.code is not None:
        prefix, params = _prefix("e.cameo", query.code)
        filters.append((f"e.cameo_root = ? AND {prefix}", [query.code[:2], *params]))
    filters.extend(_equal(query))
    if query.date_from is not None:
        filters.append(("e.day >= ?", [query.date_from]))
    if query.date_to is not None:
        filters.append(("e.day <= ?", [query.date_to]))
    if dated and query.date_from is None and query.date_to is None:
        filters.append(("e.day IS NOT NULL", []))
    if query.text is not None:
        filters.append(_contains([f"e.{column}" for column in _EVENT_TEXT_COLUMNS], query.text))
    if query.has_location:
        filters.append(("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL", []))
    return _where(filters)


def _equal(query: EventQuery) -> list[tuple[str, list[Any]]]:
    pairs = (
        ("e.plover", query.plover),
        ("e.quad_class", query.quad_class),
        ("e.status", query.status),
        ("e.article_id", query.article_id),
    )
    return [(f"{column} = ?", [value]) for column, value in pairs if value is not None]


def _side(side: str, value: str) -> tuple[str, list[Any]]:
    """A dyad side: three letters are a country, anything longer an actor code prefix."""
    if len(value) == 3:
        return f"e.{side}_country = ?", [value]
    return _prefix(f"e.{side}_code", value)


def _pair(source: str, target: str) -> tuple[str, list[Any]]:
    source_clause, source_params = _side("source", source)
    target_clause, target_params = _side("target", target)
    return f"({source_clause} AND {target_clause})", [*source_params, *target_params]


def _dyad(dyad: tuple[str, str], *, directed: bool) -> tuple[str, list[Any]]:
    first, second = dyad
    forward, forward_params = _pair(first, second)
    if directed or first == second:
        return forward, forward_params
    backward, backward_params = _pair(second, first)
    return f"({forward} OR {backward})", [*forward_params, *backward_params]


def event_list(query: EventQuery) -> Statement:
    """One page of events with their article's title and publication day, in day order."""
    where, params = event_where(query)
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    direction = "DESC" if query.descending else "ASC"
    sql = (
        f"SELECT {columns}, a.title AS article_title, a.published AS article_published "
        f"FROM events e JOIN articles a ON a.id = e.article_id{where} "
        f"ORDER BY e.day {direction} NULLS LAST, e.article_id, e.id LIMIT ? OFFSET ?"
    )
    return sql, [*params, query.limit, query.offset]


def event_by_id(event_id: str) -> Statement:
    """One event, in the shape of :func:`event_list` rows."""
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns}, a.title AS article_title, a.published AS article_published "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?"
    )
    return sql, [event_id]


def event_count(query: EventQuery | None) -> Statement:
    where, params = event_where(query) if query is not None else ("", [])
    return f"SELECT COUNT(*) AS count FROM events e{where}", params


def series_days(query: EventQuery) -> Statement:
    """Per day with events: the count by QuadClass and the Goldstein sum (periods are folded in Python)."""
    where, params = event_where(query, dated=True)
    sql = (
        f"SELECT e.day AS day, COUNT(*) AS events, SUM(e.goldstein) AS goldstein_sum, {_QUAD_SUMS} "
        f"FROM events e{where} GROUP BY e.day ORDER BY e.day"
    )
    return sql, params


def dyad_totals(*, limit: int, date_from: str | None, date_to: str | None, status: str | None) -> Statement:
    """The most active undirected country pairs (first < second), most events first."""
    filters: list[tuple[str, list[Any]]] = [
        ("e.source_country IS NOT NULL AND e.target_country IS NOT NULL", []),
        ("e.source_country <> e.target_country", []),
    ]
    if date_from is not None:
        filters.append(("e.day >= ?", [date_from]))
    if date_to is not None:
        filters.append(("e.day <= ?", [date_to]))
    if status is not None:
        filters.append(("e.status = ?", [status]))
    where, params = _where(filters)
    low = "CASE WHEN e.source_country < e.target_country THEN e.source_country ELSE e.target_country END"
    high = "CASE WHEN e.source_country < e.target_country THEN e.target_country ELSE e.source_country END"
    sql = (
        f"SELECT {low} AS a, {high} AS b, COUNT(*) AS events, SUM(e.goldstein) AS goldstein_sum, "
        f"{_QUAD_SUMS} FROM events e{where} GROUP BY {low}, {high} "
        "ORDER BY COUNT(*) DESC, a, b LIMIT ?"
    )
    return sql, [*params, limit]


def actor_list(*, text: str | None, country: str | None, limit: int, offset: int) -> Statement:
    """Actors on either side of events, grouped by code and name, most events first."""
    sides = " UNION ALL ".join(
        f"SELECT e.{side}_code AS code, e.{side}_country AS country, e.{side}_sector AS sector, "
        f"e.{side}_name AS name FROM events e WHERE e.{side}_code IS NOT NULL"
        for side in ("source", "target")
    )
    filters: list[tuple[str, list[Any]]] = []
    if text is not None:
        filters.append(_contains(("s.code", "s.name"), text))
    if country is not None:
        filters.append(("s.country = ?", [country]))
    where, params = _where(filters)
    sql = (
        "SELECT s.code AS code, MAX(s.country) AS country, MAX(s.sector) AS sector, s.name AS name, "
        f"COUNT(*) AS events FROM ({sides}) s{where} GROUP BY s.code, s.name "
        "ORDER BY COUNT(*) DESC, s.code, s.name LIMIT ? OFFSET ?"
    )
    return sql, [*params, limit, offset]


# -- articles and quotes -----------------------------------------------------------------------------------


def _article_where(text: str | None) -> Statement:
    return _where([_contains(("a.title", "a.text"), text)] if text is not None else [])


def article_list(*, text: str | None, limit: int, offset: int) -> Statement:
    """Articles, newest publication first, with their event and quote counts."""
    where, params = _article_where(text)
    order = "a.published DESC NULLS LAST, a.added_at DESC, a.id"
    sql = f"{_ARTICLE_SELECT}{where} ORDER BY {order} LIMIT ? OFFSET ?"
    return sql, [*params, limit, offset]


def article_count(*, text: str | None) -> Statement:
    where, params = _article_where(text)
    return f"SELECT COUNT(*) AS count FROM articles a{where}", params


def _quote_where(query: QuoteQuery) -> Statement:
    filters: list[tuple[str, list[Any]]] = []
    if query.speaker is not None:
        code, code_params = _prefix("q.speaker_code", query.speaker.upper())
        named, named_params = _contains(("q.speaker_name", "q.speaker_text"), query.speaker)
        filters.append((f"({code} OR {named})", [*code_params, *named_params]))
    if query.country is not None:
        filters.append(("q.speaker_country = ?", [query.country]))
    if query.text is not None:
        filters.append(_contains(("q.text",), query.text))
    if query.article_id is not None:
        filters.append(("q.article_id = ?", [query.article_id]))
    return _where(filters)


def quote_list(query: QuoteQuery) -> Statement:
    """One page of quotes, by article, then position in the article."""
    where, params = _quote_where(query)
    sql = f'{_QUOTE_SELECT}{where} ORDER BY q.article_id, q."start", q.id LIMIT ? OFFSET ?'
    return sql, [*params, query.limit, query.offset]


def quote_count(query: QuoteQuery | None) -> Statement:
    where, params = _quote_where(query) if query is not None else ("", [])
    return f"SELECT COUNT(*) AS count FROM quotes q{where}", params
