"""The store's read statements, built from validated queries: ``(sql, params)`` with ``?`` placeholders.

Values only ever travel as parameters; the SQL text is assembled from fixed fragments chosen by which
filters are set. Substring filters escape the ``LIKE`` wildcards of the user's text, so "50%" and "a_b"
match literally.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from .query import EventQuery, QuoteQuery
from .sql import EVENT_COLUMNS

__all__ = [
    "actor_list",
    "article_count",
    "article_list",
    "directed_dyad_totals",
    "dyad_totals",
    "event_by_id",
    "event_count",
    "event_instances",
    "event_list",
    "event_stream_page",
    "instance_total",
    "like_pattern",
    "quote_count",
    "quote_list",
    "series_days",
]

Statement = tuple[str, list[Any]]

_EVENT_TEXT_COLUMNS = ("evidence_sentence", "source_text", "source_name", "target_text", "target_name")
#: The article fields every event row carries.
_ARTICLE_FIELDS = (
    "a.title AS article_title, a.published AS article_published, a.url AS article_url, "
    "a.source AS article_source"
)
_QUOTE_SELECT = "SELECT q.payload, q.article_id FROM quotes q"
_ARTICLE_SELECT = (
    "SELECT a.id, a.title, a.published, a.url, a.source, a.added_at, "
    "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) AS event_count, "
    "(SELECT COUNT(*) FROM quotes q WHERE q.article_id = a.id) AS quote_count FROM articles a"
)


def _quad_sums(alias: str) -> str:
    """``q1``..``q4``: how many rows of each QuadClass (the numbers are fixed, not values)."""
    return ", ".join(
        f"SUM(CASE WHEN {alias}.quad_class = {quad} THEN 1 ELSE 0 END) AS q{quad}" for quad in (1, 2, 3, 4)
    )


#: Date precisions shorter than a month: an event so dated is counted on its day (its first day).
_SHORT_PRECISIONS = ("day", "time", "week", "weekend")
#: An event's instance: its ``instance_id``, or the event itself while it is not linked.
_INSTANCE_KEY = "COALESCE(e.instance_id, e.id)"
#: Whether an event is dated to a month or a longer period (``coarse`` 1). Such a date's day is the 1st of a
#: month, so only those rows look the precision up (the rest stay in the covering index, as in
#: :func:`series_days`).
_COARSE = (
    "CASE WHEN substr(e.day, 9, 2) = '01' THEN CASE WHEN e.date_precision IS NOT NULL AND e.date_precision "
    f"NOT IN {_SHORT_PRECISIONS!r} THEN 1 ELSE 0 END ELSE 0 END"
)
#: The report columns instance counting reads besides ``id``, ``day``, ``quad_class`` and ``goldstein``.
_INSTANCE_COLUMNS = f", {_INSTANCE_KEY} AS instance, {_COARSE} AS coarse"
#: Which report of an instance stands for it in a count, among those that pass the filters, as one sortable
#: text: the earliest of those dated to a day or a week (``coarse`` 0), else of all (a report of "May" does
#: not take an instance told on 7 May by another report to the month's band), by day (undated last), then
#: the lower QuadClass, then the smaller id. Its day is characters 2-11, its QuadClass 12, its id from 13.
_FIRST_REPORT = (
    "MIN(CAST(m.coarse AS TEXT) || COALESCE(m.day, '9999-12-31') || CAST(COALESCE(m.quad_class, 0) AS TEXT) "
    "|| m.id)"
)


def _per_instance(rows: str, *, partition: Sequence[str] = (), span: bool = False) -> str:
    """One row per instance of the report rows ``rows`` (which carry ``id``, ``day``, ``quad_class``,
    ``goldstein`` and :data:`_INSTANCE_COLUMNS`; ``partition`` names columns an instance is counted once
    per, e.g. a pair, and keeps them): the ``day`` and ``quad_class`` of the report that stands for it
    (:data:`_FIRST_REPORT`), ``goldstein``, the mean of their Goldstein values, and with ``span`` the
    ``span`` of :func:`series_days` (the standing report's date when that is coarse).

    Filters apply to the reports first: an instance is counted from the reports that pass them, so a
    date range or a QuadClass filter never brings in a report it excludes. One grouping of the matching
    reports (their instance is in the covering indexes: migration 0011) where a window function would
    sort them twice.
    """
    by = ", ".join(["m.instance", *(f"m.{column}" for column in partition)])
    kept = "".join(f", i.{column} AS {column}" for column in partition)
    spans = ""
    if span:
        spans = (
            ", CASE WHEN substr(i.k, 1, 1) = '1' THEN "
            "(SELECT x.date FROM events x WHERE x.id = substr(i.k, 13)) END AS span"
        )
    return (
        "SELECT NULLIF(substr(i.k, 2, 10), '9999-12-31') AS day, "
        f"CAST(substr(i.k, 12, 1) AS INTEGER) AS quad_class, i.goldstein AS goldstein{kept}{spans} "
        f"FROM (SELECT {by}, {_FIRST_REPORT} AS k, AVG(m.goldstein) AS goldstein FROM ({rows}) m "
        f"GROUP BY {by}) i"
    )


def _counting(query: EventQuery) -> tuple[EventQuery, bool]:
    """The query whose reports an aggregate reads, and whether it counts instances: an aggregate with
    ``instances`` counts each instance once from the matching reports, where a listing keeps only the
    instances' representatives (``e.instance_id = e.id``)."""
    if query.instances:
        return dataclasses.replace(query, instances=False), True
    return query, False


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


def _common_filters(query: EventQuery, *, dated: bool) -> list[tuple[str, list[Any]]]:
    """Every filter but country and dyad, which :func:`_arms` may split by side."""
    filters: list[tuple[str, list[Any]]] = []
    if query.actor is not None:
        source, source_params = _prefix("e.source_code", query.actor)
        target, target_params = _prefix("e.target_code", query.actor)
        filters.append((f"({source} OR {target})", [*source_params, *target_params]))
    if query.sector is not None:
        filters.append(("(e.source_sector = ? OR e.target_sector = ?)", [query.sector] * 2))
    if query.code is not None:
        filters.append(_codes(query.code))
    filters.extend(_equal(query))
    if query.status is not None:
        filters.append(_in("e.status", query.status))
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
    if query.min_confidence is not None:
        filters.append(("e.confidence >= CAST(? AS DOUBLE PRECISION)", [query.min_confidence]))
    if query.instances:  # each instance once: its representative report carries the instance's own id
        filters.append(("e.instance_id = e.id", []))
    return filters


def _arms(
    query: EventQuery, *, dated: bool = False, extra: Sequence[tuple[str, list[Any]]] = ()
) -> tuple[list[Statement], bool]:
    """The query's ``WHERE`` clauses, one per side when an either-side filter can be split, and whether
    they are disjoint (their rows may be added up) rather than overlapping (their rows need de-duplicating).

    An undirected dyad becomes its two directions and a country its two sides: each is then one range of
    a composite index (``events_pair_day``, ``events_source_root``, ``events_target_root``) instead of an
    ``OR`` across two, which PostgreSQL can only answer from the table (a bitmap heap scan).
    """
    common = [*_common_filters(query, dated=dated), *extra]
    if query.dyad is not None and not query.directed and query.dyad[0] != query.dyad[1]:
        first, second = query.dyad
        arms = [_where([*common, _pair(first, second)]), _where([*common, _pair(second, first)])]
        return arms, len(first) == 3 and len(second) == 3  # two different countries: no event is both
    if query.dyad is not None:
        common.append(_pair(*query.dyad))
    if query.country is not None:
        source, target = _in("e.source_country", query.country), _in("e.target_country", query.country)
        if query.dyad is None:
            return [_where([*common, side]) for side in (source, target)], False
        common.append((f"({source[0]} OR {target[0]})", [*source[1], *target[1]]))
    return [_where(common)], True


def _in(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """``column`` is one of ``values`` (``=`` for one value, which every index serves alike)."""
    if len(values) == 1:
        return f"{column} = ?", [values[0]]
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def _codes(codes: Sequence[str]) -> tuple[str, list[Any]]:
    """Any of the CAMEO code prefixes: their roots (which the indexes hold) and, for longer prefixes, the
    code itself."""
    roots = sorted({code[:2] for code in codes})
    clause, params = _in("e.cameo_root", roots)
    if all(len(code) == 2 for code in codes):
        return clause, params
    either = []
    for code in codes:
        if len(code) == 2:
            either.append(("e.cameo_root = ?", [code]))
        else:
            either.append(_prefix("e.cameo", code))
    alternatives = " OR ".join(part for part, _ in either)
    return f"({clause} AND ({alternatives}))", [*params, *(value for _, values in either for value in values)]


def _matching(
    query: EventQuery, columns: str, *, dated: bool = False, extra: Sequence[tuple[str, list[Any]]] = ()
) -> Statement:
    """``SELECT columns`` (which must include ``e.id``) of every event matching the query (and the
    ``extra`` clauses), each once."""
    arms, disjoint = _arms(query, dated=dated, extra=extra)
    union = " UNION ALL " if disjoint else " UNION "
    parts = [f"SELECT {columns} FROM events e{where}" for where, _ in arms]
    return union.join(parts), [value for _, params in arms for value in params]


def _equal(query: EventQuery) -> list[tuple[str, list[Any]]]:
    pairs = (
        ("e.plover", query.plover),
        ("e.quad_class", query.quad_class),
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


def event_list(query: EventQuery) -> Statement:
    """One page of events with their article's title and publication day, by day (ties by event id).

    The page's ids are chosen first, from the indexes alone where they cover the filters; only those
    rows are then read and joined to their articles.
    """
    ids, params = _matching(query, "e.id AS id, e.day AS day")
    direction = "DESC" if query.descending else "ASC"
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns}, {_ARTICLE_FIELDS} "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN "
        f"(SELECT m.id FROM ({ids}) m ORDER BY m.day {direction} NULLS LAST, m.id LIMIT ? OFFSET ?) "
        f"ORDER BY e.day {direction} NULLS LAST, e.id"
    )
    return sql, [*params, query.limit, query.offset]


def event_stream_page(query: EventQuery, after: tuple[str | None, str] | None) -> Statement:
    """The ``query.limit`` events that follow ``after`` (the ``(day, id)`` of the last one read; None: from
    the start) in a stream's order: dated events by (day, id) (both descending when ``query.descending``),
    then undated ones by id. ``query.offset`` is ignored.

    Each page seeks its start in the day index (a row-value comparison), so reading a whole store page by
    page costs one pass, where offsets would re-read every skipped row on every page.
    """
    if after is not None and after[0] is None:
        keyset: tuple[str, list[Any]] = ("e.day IS NULL AND e.id > ?", [after[1]])
        order = "m.id"
    else:
        direction = "DESC" if query.descending else "ASC"
        order = f"m.day {direction}, m.id {direction}"
        if after is None:
            keyset = ("e.day IS NOT NULL", [])
        else:
            keyset = (f"(e.day, e.id) {'<' if query.descending else '>'} (?, ?)", [after[0], after[1]])
    ids, params = _matching(query, "e.id AS id, e.day AS day", extra=[keyset])
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns}, {_ARTICLE_FIELDS} "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id IN "
        f"(SELECT m.id FROM ({ids}) m ORDER BY {order} LIMIT ?) ORDER BY {order.replace('m.', 'e.')}"
    )
    return sql, [*params, query.limit]


def event_by_id(event_id: str) -> Statement:
    """One event, in the shape of :func:`event_list` rows."""
    columns = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)
    sql = (
        f"SELECT {columns}, {_ARTICLE_FIELDS} "
        "FROM events e JOIN articles a ON a.id = e.article_id WHERE e.id = ?"
    )
    return sql, [event_id]


def event_count(query: EventQuery | None) -> Statement:
    if query is None:
        return "SELECT COUNT(*) AS count FROM events", []
    ids, params = _matching(query, "e.id AS id")
    return f"SELECT COUNT(*) AS count FROM ({ids}) m", params


def instance_total() -> Statement:
    """How many instances the events make: the representatives (``instance_id = id``) and the events not
    yet linked, from the ``events_instance`` index alone."""
    return "SELECT COUNT(*) AS count FROM events e WHERE e.instance_id IS NULL OR e.instance_id = e.id", []


def event_instances(event_ids: Sequence[str]) -> Statement:
    """Each of the events' instance (the event itself while it is not linked)."""
    marks = ", ".join("?" for _ in event_ids)
    return f"SELECT e.id AS id, {_INSTANCE_KEY} AS instance FROM events e WHERE e.id IN ({marks})", list(
        event_ids
    )


def series_days(query: EventQuery, *, basis: str = "event", spans: str | None = None) -> Statement:
    """Per day with events: the count by QuadClass and the Goldstein sum (periods are folded in Python).

    ``basis`` ``"event"`` counts each event on its day (the first day of its date), ``"published"`` on its
    article's publication day (the date filters then apply to that day; events of undated articles are
    left out). ``spans`` (an interval name; event basis only) adds a ``span`` column: the event's TIMEX3
    date where the event is dated to a month or a longer period (a quarter, a season, a year...), else
    NULL, so that events dated more coarsely than the series' interval can be told apart. Each of those
    periods starts on the 1st of a month, so only such days look the date up: on SQLite the table is read
    for those rows alone (the CASE defers the row's seek) and the rest of the series still comes from an
    index (a pair's year by day, 1,000,000 events: p95 33 ms; reading every row's precision took 203 ms).

    With ``query.instances`` each event instance counts once (see :func:`_per_instance`): on the day (and
    in the span and QuadClass) of its earliest report that matches the query (the earliest dated to a
    day or a week, if any is), with the mean Goldstein value of those reports; an event not yet linked is
    its own instance. On the publication basis the instance's day is its first matching report's
    publication day.
    """
    query, instances = _counting(query)
    key = _INSTANCE_COLUMNS if instances else ""
    if basis == "published":
        undated = dataclasses.replace(query, date_from=None, date_to=None)
        rows, params = _matching(
            undated,
            "e.id AS id, e.article_id AS article_id, e.quad_class AS quad_class, e.goldstein AS goldstein"
            + key,
        )
        day = "substr(a.published, 1, 10)"
        filters: list[tuple[str, list[Any]]] = [("a.published IS NOT NULL", [])]
        if query.date_from is not None:
            filters.append((f"{day} >= ?", [query.date_from]))
        if query.date_to is not None:
            filters.append((f"{day} <= ?", [query.date_to]))
        where, where_params = _where(filters)
        reports = (
            f"SELECT {day} AS day, m.id AS id, m.quad_class AS quad_class, m.goldstein AS goldstein"
            f"{', m.instance AS instance, 0 AS coarse' if instances else ''} "
            f"FROM ({rows}) m JOIN articles a ON a.id = m.article_id{where}"
        )
        if instances:
            reports = _per_instance(reports)
        sql = (
            "SELECT m.day AS day, COUNT(*) AS events, SUM(m.goldstein) AS goldstein_sum, "
            f"{_quad_sums('m')} FROM ({reports}) m GROUP BY m.day ORDER BY m.day"
        )
        return sql, [*params, *where_params]
    if basis != "event":
        raise ValueError(f"basis must be 'event' or 'published', got {basis!r}")
    columns = "e.id AS id, e.day AS day, e.quad_class AS quad_class, e.goldstein AS goldstein" + key
    span_column = span_group = ""
    if spans is not None:
        span_column, span_group = ", m.span AS span", ", m.span"
    if spans is not None and not instances:  # counting instances, the standing report's span is looked up
        coarse = f"e.date_precision IS NOT NULL AND e.date_precision NOT IN {_SHORT_PRECISIONS!r}"
        first_day = "substr(e.day, 9, 2) = '01'"
        columns += f", CASE WHEN {first_day} THEN CASE WHEN {coarse} THEN e.date END END AS span"
    rows, params = _matching(query, columns, dated=True)
    if instances:
        rows = _per_instance(rows, span=spans is not None)
    sql = (
        f"SELECT m.day AS day{span_column}, COUNT(*) AS events, SUM(m.goldstein) AS goldstein_sum, "
        f"{_quad_sums('m')} FROM ({rows}) m GROUP BY m.day{span_group} ORDER BY m.day"
    )
    return sql, params


#: An undirected pair's sides: the smaller country first (a pair's instance counts once for the pair,
#: whichever way each report points).
_LOW = "CASE WHEN e.source_country <= e.target_country THEN e.source_country ELSE e.target_country END"
_HIGH = "CASE WHEN e.source_country <= e.target_country THEN e.target_country ELSE e.source_country END"


def _pair_totals(where: str, instances: bool) -> str:
    """Totals per country pair of the events ``where`` keeps: per directed pair (``a`` the source),
    or, counting instances, per undirected pair (``a`` <= ``b``) with each instance once per pair."""
    if not instances:
        return (
            "SELECT e.source_country AS a, e.target_country AS b, COUNT(*) AS events, "
            f"SUM(e.goldstein) AS goldstein_sum, {_quad_sums('e')} FROM events e{where} "
            "GROUP BY e.source_country, e.target_country"
        )
    reports = (
        f"SELECT {_LOW} AS a, {_HIGH} AS b, e.id AS id, e.day AS day, e.quad_class AS quad_class, "
        f"e.goldstein AS goldstein{_INSTANCE_COLUMNS} FROM events e{where}"
    )
    rows = _per_instance(reports, partition=("a", "b"))
    return (
        "SELECT m.a AS a, m.b AS b, COUNT(*) AS events, SUM(m.goldstein) AS goldstein_sum, "
        f"{_quad_sums('m')} FROM ({rows}) m GROUP BY m.a, m.b"
    )


def directed_dyad_totals(query: EventQuery) -> Statement:
    """Totals per directed country pair (``a`` the source) of the events the query's filters match (the
    store passes dates and status): one pass over ``events_pair_day`` in its order.

    The undirected pairs are folded from these by :func:`detente.store.summaries.top_dyads`; grouping on
    the index's own columns streams, where grouping on "the smaller country" would sort every event.
    With ``query.instances`` the rows are undirected pairs already, each instance counted once per pair.
    """
    query, instances = _counting(query)
    filters: list[tuple[str, list[Any]]] = [
        ("e.source_country IS NOT NULL AND e.target_country IS NOT NULL", []),
        ("e.source_country <> e.target_country", []),
        *_common_filters(query, dated=False),
    ]
    where, params = _where(filters)
    return _pair_totals(where, instances), params


def dyad_totals(query: EventQuery, *, domestic: bool) -> Statement:
    """As :func:`directed_dyad_totals`, with every filter of the query (a country keeps the pairs it is in)
    and, when ``domestic``, the pairs of a country with itself (SYR-SYR)."""
    query, instances = _counting(query)
    filters: list[tuple[str, list[Any]]] = [
        ("e.source_country IS NOT NULL AND e.target_country IS NOT NULL", []),
        *_common_filters(query, dated=False),
    ]
    if not domestic:
        filters.append(("e.source_country <> e.target_country", []))
    if query.country is not None:
        source, target = _in("e.source_country", query.country), _in("e.target_country", query.country)
        filters.append((f"({source[0]} OR {target[0]})", [*source[1], *target[1]]))
    if query.dyad is not None:
        filters.append(_pair(*query.dyad) if query.directed else _either_pair(*query.dyad))
    where, params = _where(filters)
    return _pair_totals(where, instances), params


def _either_pair(first: str, second: str) -> tuple[str, list[Any]]:
    one, one_params = _pair(first, second)
    other, other_params = _pair(second, first)
    return f"({one} OR {other})", [*one_params, *other_params]


def actor_list(
    *, text: str | None, country: str | None, limit: int, offset: int, instances: bool = False
) -> Statement:
    """Actors on either side of events, grouped by code and name, most events first (``instances``: most
    event instances, each counted once per actor whichever side and report it is on)."""
    sides = " UNION ALL ".join(
        f"SELECT e.{side}_code AS code, e.{side}_country AS country, e.{side}_sector AS sector, "
        f"e.{side}_name AS name{f', {_INSTANCE_KEY} AS instance' if instances else ''} "
        f"FROM events e WHERE e.{side}_code IS NOT NULL"
        for side in ("source", "target")
    )
    counted = "COUNT(DISTINCT s.instance)" if instances else "COUNT(*)"
    filters: list[tuple[str, list[Any]]] = []
    if text is not None:
        filters.append(_contains(("s.code", "s.name"), text))
    if country is not None:
        filters.append(("s.country = ?", [country]))
    where, params = _where(filters)
    sql = (
        "SELECT s.code AS code, MAX(s.country) AS country, MAX(s.sector) AS sector, s.name AS name, "
        f"{counted} AS events FROM ({sides}) s{where} GROUP BY s.code, s.name "
        f"ORDER BY {counted} DESC, s.code, s.name LIMIT ? OFFSET ?"
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
    if query.speaker_type is not None:
        marks = ", ".join("?" for _ in query.speaker_type)
        filters.append((f"q.speaker_type IN ({marks})", list(query.speaker_type)))
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
