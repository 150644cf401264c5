"""The store's side of event instances: the linking index, the instances' rows, the syndication stories.

:mod:`detente.analysis.instances` decides which reports are one event; it reads and writes only through a
:class:`LinkSession` (one transaction, holding the linking lock) and reads instances back through
:class:`InstanceReader`. Tables: ``instance_keys`` (days and features per event), ``instance_blocks`` (the
index: a row per block of an event, with its first day), ``instances`` (counts per instance),
``article_stories`` and ``article_bands`` (MinHash stories), ``instance_dirty`` (articles written again since
they were linked), ``instance_comps`` (the window components instances are cut from: size and reach, see
:mod:`detente.analysis.instances`); ``events.instance_id`` names each event's instance (NULL until linked).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .dialect import Dialect
from .rows import event_dict, mention_dict
from .sql import EVENT_COLUMNS, SELECT_MENTIONS

__all__ = ["INSTANCE_COLUMNS", "InstanceReader", "LinkSession", "link_session"]

INSTANCE_COLUMNS = (
    "id",
    "block",
    "family",
    "a",
    "b",
    "cameo",
    "quad_class",
    "goldstein",
    "status",
    "day",
    "num_reports",
    "num_mentions",
    "num_articles",
    "num_sources",
    "first_report",
    "last_report",
    "outlets",
)
KEY_COLUMNS = (
    "event_id",
    "article_id",
    "instance_id",
    "block",
    "day_lo",
    "day_hi",
    "rank",
    "features",
    "cell",
    "comp_prev",
    "comp_here",
    "label",
    "story",
    "outlet",
    "report_day",
    "mentions",
    "goldstein",
)
#: Any fixed key: it only has to be the same in every process linking one detente store.
_PG_LINK_LOCK = "SELECT pg_advisory_xact_lock(4715000012)"
_EVENT_SELECT = ", ".join(f"e.{column}" for column in EVENT_COLUMNS)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" for _ in values)


class LinkSession:
    """The statements instance linking needs, on one cursor inside one transaction."""

    def __init__(self, cursor: Any, dialect: Dialect) -> None:
        self._cursor = cursor
        self._dialect = dialect

    def _all(self, statement: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        self._cursor.execute(self._dialect.sql(statement), tuple(params))
        names = [column[0] for column in self._cursor.description]
        return [dict(zip(names, row, strict=True)) for row in self._cursor.fetchall()]

    def _run(self, statement: str, params: Iterable[Any] = ()) -> None:
        self._cursor.execute(self._dialect.sql(statement), tuple(params))

    def _chunks(self, values: Sequence[Any], size: int = 500) -> Iterator[Sequence[Any]]:
        for start in range(0, len(values), size):
            yield values[start : start + size]

    # -- what is waiting ---------------------------------------------------------------------------------

    def dirty_articles(self) -> list[str]:
        return [row["article_id"] for row in self._all("SELECT article_id FROM instance_dirty ORDER BY 1")]

    def clear_dirty(self, article_ids: Sequence[str]) -> None:
        for chunk in self._chunks(article_ids):
            self._run(f"DELETE FROM instance_dirty WHERE article_id IN ({_marks(chunk)})", chunk)

    def pending_events(self, limit: int) -> list[dict[str, Any]]:
        """Events not yet linked (``instance_id`` NULL), by id, with their article's publication day."""
        return self._all(
            f"SELECT {_EVENT_SELECT}, a.published AS article_published, a.added_at AS article_added_at "
            "FROM events e "
            "JOIN articles a ON a.id = e.article_id WHERE e.instance_id IS NULL ORDER BY e.id LIMIT ?",
            (limit,),
        )

    # -- the index ---------------------------------------------------------------------------------------

    def keys_where(self, column: str, values: Sequence[str]) -> list[dict[str, Any]]:
        """Index rows whose ``article_id``, ``instance_id`` or ``event_id`` is one of ``values``."""
        if column not in ("article_id", "instance_id", "event_id"):
            raise ValueError(column)
        rows: list[dict[str, Any]] = []
        for chunk in self._chunks(values):
            rows += self._all(
                f"SELECT {', '.join(KEY_COLUMNS)} FROM instance_keys WHERE {column} IN ({_marks(chunk)})",
                chunk,
            )
        return rows

    def candidates(
        self, block: str, day_range: tuple[str, str] | None, *, lookback: str
    ) -> list[dict[str, Any]]:
        """Reports indexed under ``block`` whose days overlap ``day_range`` and whose first day is on or
        after ``lookback`` (an undated report: every undated report of the block)."""
        return self.candidates_of([(block, day_range, lookback)])

    def candidates_of(
        self, lookups: Sequence[tuple[str, tuple[str, str] | None, str]]
    ) -> list[dict[str, Any]]:
        """:meth:`candidates` of several ``(block, day_range, lookback)`` lookups in one statement (rows may
        repeat)."""
        keys = ", ".join(f"k.{column}" for column in KEY_COLUMNS)
        select = f"SELECT {keys} FROM instance_blocks b JOIN instance_keys k ON k.event_id = b.event_id"
        parts, params = [], []
        for block, day_range, lookback in lookups:
            if day_range is None:
                parts.append(f"{select} WHERE b.block = ? AND b.day_lo IS NULL")
                params.append(block)
            else:
                parts.append(
                    f"{select} WHERE b.block = ? AND b.day_lo >= ? AND b.day_lo <= ? AND b.day_hi >= ?"
                )
                params += [block, lookback, day_range[1], day_range[0]]
        return self._all(" UNION ALL ".join(parts), params) if parts else []

    def insert_keys(
        self,
        rows: Sequence[tuple[Any, ...]],
        blocks: Sequence[tuple[str, str, str | None, str | None]],
        comps: Sequence[tuple[str, int, int]] = (),
    ) -> None:
        """Index rows (in :data:`KEY_COLUMNS` order), their ``(block, event_id, day_lo, day_hi)`` lookups
        and their new window components ``(id, size, reach)``."""
        if rows:
            self._cursor.executemany(self._dialect.insert("instance_keys", KEY_COLUMNS), rows)
        if blocks:
            columns = ("block", "event_id", "day_lo", "day_hi")
            self._cursor.executemany(self._dialect.insert("instance_blocks", columns), blocks)
        if comps:
            self._cursor.executemany(self._dialect.insert("instance_comps", ("id", "size", "reach")), comps)

    def forget_events(self, event_ids: Sequence[str]) -> None:
        """Drop events (and their window components) from the index and mark them (those still stored)
        not linked. The events must be whole window components (see :meth:`chain`)."""
        for chunk in self._chunks(event_ids):
            marks = _marks(chunk)
            comps = self._all(
                f"SELECT comp_prev, comp_here FROM instance_keys WHERE event_id IN ({marks})", chunk
            )
            self.drop_comps(sorted({comp for row in comps for comp in row.values() if comp}))
            self._run(f"DELETE FROM instance_keys WHERE event_id IN ({marks})", chunk)
            self._run(f"DELETE FROM instance_blocks WHERE event_id IN ({marks})", chunk)
            self._run(f"UPDATE events SET instance_id = NULL WHERE id IN ({marks})", chunk)

    def chain(self, event_ids: Sequence[str]) -> set[str]:
        """The events sharing a window component with these, and so on: the smallest set of whole window
        components that holds them (what must be linked again when one of them goes)."""
        found: set[str] = set()
        comps: set[str] = set()
        todo = set(event_ids)
        while todo:
            rows = self.keys_where("event_id", sorted(todo))
            found |= todo
            fresh = {comp for row in rows for comp in (row["comp_prev"], row["comp_here"]) if comp} - comps
            comps |= fresh
            todo = set()
            for column in ("comp_prev", "comp_here"):
                for chunk in self._chunks(sorted(fresh)):
                    todo |= {
                        row["event_id"]
                        for row in self._all(
                            f"SELECT event_id FROM instance_keys WHERE {column} IN ({_marks(chunk)})", chunk
                        )
                    }
            todo -= found
        return found

    # -- window components and labels ----------------------------------------------------------------------

    def comps(self, comp_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """``id -> (size, reach)`` of window components."""
        found: dict[str, tuple[int, int]] = {}
        for chunk in self._chunks(comp_ids):
            for row in self._all(
                f"SELECT id, size, reach FROM instance_comps WHERE id IN ({_marks(chunk)})", chunk
            ):
                found[row["id"]] = (int(row["size"]), int(row["reach"]))
        return found

    def drop_comps(self, comp_ids: Sequence[str]) -> None:
        for chunk in self._chunks(comp_ids):
            self._run(f"DELETE FROM instance_comps WHERE id IN ({_marks(chunk)})", chunk)

    def put_comps(self, totals: Sequence[tuple[int, int, str]]) -> None:
        """Set ``(size, reach, id)`` of window components."""
        if totals:
            self._cursor.executemany(
                self._dialect.sql("UPDATE instance_comps SET size = ?, reach = ? WHERE id = ?"), totals
            )

    def labels_after(self, comp_ids: Sequence[str]) -> set[str]:
        """The labels of the reports whose earlier window's component is one of ``comp_ids``."""
        labels: set[str] = set()
        for chunk in self._chunks(comp_ids):
            rows = self._all(
                f"SELECT DISTINCT label FROM instance_keys WHERE comp_prev IN ({_marks(chunk)})", chunk
            )
            labels |= {row["label"] for row in rows}
        return labels

    def reach(self, flips: Sequence[tuple[str, str]]) -> None:
        """For each ``(winner, comp)``: the reports whose earlier window's component is ``comp`` take
        ``winner`` (that component once merged, now reaching back) as their label."""
        if flips:
            self._cursor.executemany(
                self._dialect.sql("UPDATE instance_keys SET label = ? WHERE comp_prev = ?"), flips
            )

    def absorb(self, absorbed: Sequence[tuple[str, str]]) -> None:
        """For each ``(winner, loser)``: window component ``loser`` becomes part of ``winner`` (its id, and
        label, are replaced)."""
        if not absorbed:
            return
        for column in ("comp_prev", "comp_here", "label"):
            self._cursor.executemany(
                self._dialect.sql(f"UPDATE instance_keys SET {column} = ? WHERE {column} = ?"), absorbed
            )
        self.drop_comps([loser for _, loser in absorbed])

    def labels_of(self, event_ids: Sequence[str]) -> set[str]:
        return {row["label"] for row in self.keys_where("event_id", event_ids)}

    def settle(self, labels: Sequence[str]) -> tuple[dict[str, str], set[str]]:
        """Give the reports of each label their instance id (the member of smallest rank). Returns
        ``label -> instance id`` (labels no report has are left out) and the instance ids the reports had
        before that differ."""
        members: dict[str, list[dict[str, Any]]] = {}
        for chunk in self._chunks(labels):
            for row in self._all(
                "SELECT label, event_id, rank, instance_id FROM instance_keys "
                f"WHERE label IN ({_marks(chunk)})",
                chunk,
            ):
                members.setdefault(row["label"], []).append(row)
        heads: dict[str, str] = {}
        stale: set[str] = set()
        changed: list[tuple[str, str]] = []
        for label, rows in members.items():
            head = min(rows, key=lambda row: (row["rank"], row["event_id"]))["event_id"]
            heads[label] = head
            for row in rows:
                if row["instance_id"] != head:
                    stale.add(row["instance_id"])
                    changed.append((head, row["event_id"]))
        if changed:
            self._cursor.executemany(
                self._dialect.sql("UPDATE instance_keys SET instance_id = ? WHERE event_id = ?"), changed
            )
            self._cursor.executemany(
                self._dialect.sql("UPDATE events SET instance_id = ? WHERE id = ?"), changed
            )
        return heads, stale

    def mark_linked(self, event_ids: Sequence[str]) -> None:
        """Events that are their own instance's representative (their index row already says so)."""
        self._cursor.executemany(
            self._dialect.sql("UPDATE events SET instance_id = ? WHERE id = ?"),
            [(event_id, event_id) for event_id in event_ids],
        )

    def drop_unused_instances(self, instance_ids: Sequence[str]) -> None:
        """Delete the rows of these instances that no report names any more."""
        for instance_id in instance_ids:
            self._run(
                "DELETE FROM instances WHERE id = ? AND NOT EXISTS "
                "(SELECT 1 FROM instance_keys WHERE instance_id = ?)",
                (instance_id, instance_id),
            )

    # -- instances ---------------------------------------------------------------------------------------

    def members(self, instance_id: str) -> list[dict[str, Any]]:
        """The instance's reports with what its counts need (article, story, outlet, days)."""
        return self._all(
            "SELECT e.id AS id, k.block AS block, k.rank AS rank, e.article_id AS article_id, "
            "e.cameo AS cameo, e.quad_class AS quad_class, "
            "e.goldstein AS goldstein, e.status AS status, e.day AS day, e.mention_count AS mention_count, "
            "a.published AS published, a.added_at AS added_at, s.story_id AS story_id, s.outlet AS outlet "
            "FROM instance_keys k JOIN events e ON e.id = k.event_id JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN article_stories s ON s.article_id = e.article_id "
            "WHERE k.instance_id = ? ORDER BY e.id",
            (instance_id,),
        )

    def delete_instances(self, instance_ids: Sequence[str]) -> None:
        for chunk in self._chunks(instance_ids):
            self._run(f"DELETE FROM instances WHERE id IN ({_marks(chunk)})", chunk)

    def put_instance(self, values: dict[str, Any]) -> None:
        statement = self._dialect.upsert(
            "instances", INSTANCE_COLUMNS, conflict=("id",), update=INSTANCE_COLUMNS[1:]
        )
        self._cursor.execute(statement, tuple(values[column] for column in INSTANCE_COLUMNS))

    def refresh_instance(self, instance_id: str) -> None:
        """Recount one instance (see :meth:`refresh_instances`)."""
        self.refresh_instances([instance_id])

    def refresh_instances(self, instance_ids: Sequence[str]) -> None:
        """Recount instances from their reports' index rows in SQL (per chunk: one aggregate and one list of
        outlets over the covering index ``instance_keys_counts``, one read of the heads): the same rows
        :func:`~detente.analysis.instances.summarize_instance` gives, without reading the members into
        Python. Deletes the rows of instances no report names."""
        for chunk in self._chunks(sorted(instance_ids)):
            self._refresh_chunk(chunk)

    def _refresh_chunk(self, instance_ids: Sequence[str]) -> None:
        marks = _marks(instance_ids)
        where = f"FROM instance_keys WHERE instance_id IN ({marks})"
        counts = {
            row["instance_id"]: row
            for row in self._all(
                "SELECT instance_id, COUNT(*) AS num_reports, SUM(mentions) AS num_mentions, "
                "SUM(goldstein) AS goldstein, COUNT(DISTINCT story) AS num_articles, "
                "COUNT(DISTINCT COALESCE(NULLIF(outlet, ''), 'story:' || story)) AS num_sources, "
                "MIN(report_day) AS first_report, MAX(report_day) AS last_report "
                f"{where} GROUP BY instance_id",
                instance_ids,
            )
        }
        outlets: dict[str, list[str]] = {}
        for row in self._all(
            f"SELECT DISTINCT instance_id, outlet {where} AND outlet IS NOT NULL AND outlet <> ''",
            instance_ids,
        ):
            outlets.setdefault(row["instance_id"], []).append(row["outlet"])
        heads = {
            row["id"]: row
            for row in self._all(
                "SELECT k.event_id AS id, k.block AS block, e.cameo AS cameo, e.quad_class AS quad_class, "
                "e.status AS status, e.day AS day FROM instance_keys k JOIN events e ON e.id = k.event_id "
                f"WHERE k.event_id IN ({marks})",
                instance_ids,
            )
        }
        gone = [instance_id for instance_id in instance_ids if instance_id not in counts]
        if gone:
            self.delete_instances(gone)
        rows = []
        for instance_id, count in counts.items():
            head = heads[instance_id]
            a, b, family = head["block"].split("|", 2)
            values = {
                **head,
                "family": family,
                "a": None if a == "-" else a,
                "b": None if b == "-" else b,
                "goldstein": round(float(count["goldstein"]) / int(count["num_reports"]), 3),
                "num_reports": int(count["num_reports"]),
                "num_mentions": int(count["num_mentions"]),
                "num_articles": int(count["num_articles"]),
                "num_sources": int(count["num_sources"]),
                "first_report": count["first_report"],
                "last_report": count["last_report"],
                "outlets": json.dumps(sorted(outlets.get(instance_id, [])), ensure_ascii=False),
            }
            rows.append(tuple(values[column] for column in INSTANCE_COLUMNS))
        if rows:
            statement = self._dialect.upsert(
                "instances", INSTANCE_COLUMNS, conflict=("id",), update=INSTANCE_COLUMNS[1:]
            )
            self._cursor.executemany(statement, rows)

    def instances_of_articles(self, article_ids: Sequence[str]) -> set[str]:
        return {row["instance_id"] for row in self.keys_where("article_id", article_ids)}

    # -- syndication stories -----------------------------------------------------------------------------

    def articles_without_story(self, article_ids: Sequence[str]) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for chunk in self._chunks(article_ids):
            rows += self._all(
                "SELECT a.id AS id, a.text AS text, a.source AS source, a.url AS url FROM articles a "
                "LEFT JOIN article_stories s ON s.article_id = a.id "
                f"WHERE s.article_id IS NULL AND a.id IN ({_marks(chunk)})",
                chunk,
            )
        return rows

    def stories(self, article_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for chunk in self._chunks(article_ids):
            rows += self._all(
                f"SELECT article_id, story_id, outlet, signature FROM article_stories "
                f"WHERE article_id IN ({_marks(chunk)})",
                chunk,
            )
        return {row["article_id"]: {**row, "signature": tuple(json.loads(row["signature"]))} for row in rows}

    def band_neighbors(self, bands: Sequence[str]) -> set[str]:
        return {
            row["article_id"]
            for row in self._all(
                f"SELECT article_id FROM article_bands WHERE band IN ({_marks(bands)})", bands
            )
        }

    def put_story(
        self,
        article_id: str,
        *,
        story_id: str,
        outlet: str | None,
        signature: Sequence[int],
        bands: Sequence[str],
    ) -> None:
        self._cursor.execute(
            self._dialect.insert("article_stories", ("article_id", "story_id", "outlet", "signature")),
            (article_id, story_id, outlet, json.dumps(list(signature))),
        )
        self._cursor.executemany(
            self._dialect.insert("article_bands", ("band", "article_id")),
            [(band, article_id) for band in bands],
        )

    def set_story(self, article_id: str, story_id: str) -> None:
        self._run("UPDATE article_stories SET story_id = ? WHERE article_id = ?", (story_id, article_id))
        self._run("UPDATE instance_keys SET story = ? WHERE article_id = ?", (story_id, article_id))

    def forget_story(self, article_id: str) -> None:
        self._run("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
        self._run("DELETE FROM article_stories WHERE article_id = ?", (article_id,))


@contextlib.contextmanager
def link_session(connection: Any, dialect: Dialect) -> Iterator[LinkSession]:
    """One linking transaction, holding the store's linking lock (SQLite's write lock, a PostgreSQL
    advisory lock) so that two processes never link at once."""
    with dialect.transaction(connection) as cursor:
        if dialect.name == "postgresql":
            cursor.execute(_PG_LINK_LOCK)
        yield LinkSession(cursor, dialect)


class InstanceReader:
    """Reading instances back: one row, its reports with their evidence, the instances it plans or
    fulfils."""

    def __init__(self, fetch_all: Any) -> None:
        self._fetch_all = fetch_all

    def rows(self, instance_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        if not instance_ids:
            return {}
        rows = self._fetch_all(
            f"SELECT {', '.join(INSTANCE_COLUMNS)} FROM instances WHERE id IN ({_marks(instance_ids)})",
            list(instance_ids),
        )
        return {row["id"]: instance_dict(row) for row in rows}

    def reports(self, instance_id: str) -> list[dict[str, Any]]:
        """Every report of the instance (as ``query_events`` gives events) with its ``mention_list``."""
        rows = self._fetch_all(
            f"SELECT {_EVENT_SELECT}, a.title AS article_title, a.published AS article_published, "
            "a.source AS article_source, a.url AS article_url, s.story_id AS story_id "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN article_stories s ON s.article_id = e.article_id "
            "WHERE e.instance_id = ? ORDER BY e.day, e.id",
            [instance_id],
        )
        reports = []
        for row in rows:
            report = event_dict(row)
            report.update(
                article_source=row["article_source"], article_url=row["article_url"], story_id=row["story_id"]
            )
            mentions = self._fetch_all(SELECT_MENTIONS, [row["id"]])
            report["mention_list"] = [mention_dict(item) for item in mentions]
            reports.append(report)
        return reports

    def keys(self, instance_id: str) -> list[dict[str, Any]]:
        return self._fetch_all(
            f"SELECT {', '.join(KEY_COLUMNS)} FROM instance_keys WHERE instance_id = ?", [instance_id]
        )

    def candidates(self, block: str, day_range: tuple[str, str], *, lookback: str) -> list[dict[str, Any]]:
        keys = ", ".join(f"k.{column}" for column in KEY_COLUMNS)
        return self._fetch_all(
            f"SELECT {keys} FROM instance_blocks b JOIN instance_keys k ON k.event_id = b.event_id "
            "WHERE b.block = ? AND b.day_lo >= ? AND b.day_lo <= ? AND b.day_hi >= ?",
            [block, lookback, day_range[1], day_range[0]],
        )


def instance_dict(row: dict[str, Any]) -> dict[str, Any]:
    """An ``instances`` row in its public shape."""
    data = {column: row[column] for column in INSTANCE_COLUMNS if column != "outlets"}
    data["outlets"] = json.loads(row["outlets"])
    return data
