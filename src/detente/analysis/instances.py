"""Event instances: the reports (stored events) that tell of one real-world event, with counts that mean it.

After articles are stored, :func:`link_pending` links every event not yet linked.

**Links.** Each event's :class:`~detente.analysis.features.LinkFeatures` go into the store's index under its
blocks (actor side + type family) and first possible day. Its candidates are the index rows of its blocks
whose days overlap its own (a range read on ``(block, day_lo)``; reports dated to a week or a month are
indexed apart, so the common narrow reports are read over a few days): the cost of finding them does not
grow with the store's span of time, only with the reports of that side and kind in those days. A candidate
that :func:`~detente.analysis.linking.same_event` accepts is *linked* to the report.

**Instances are bounded in time.** Links alone would chain: the same talks reported every day, each report
overlapping the next one's days, would make one instance of a year. So time is cut into fixed cells of
:data:`CELL_DAYS` days (counted from a fixed Monday, :data:`EPOCH`); a report's cell is that of the middle of
its possible days. *Window* ``j`` is cells ``j`` and ``j + 1``; a dated report of cell ``k`` lies in windows
``k - 1`` and ``k``. In each window, the *window components* are the connected components of the links
between reports of that window (a link between reports whose cells are two or more apart belongs to no
window and is not used). A report's *label*, the window component that makes its instance, is:

* the component of its earlier window (``k - 1``) if that component reaches into cell ``k - 1`` (the report
  continues something that began in the cell before), else
* the component of its own window (``k``), less the reports that the first rule gives to the window before.

Reports without a date form one more window (undated reports link only with undated ones). The reports with
one label make one instance; its id is its representative's event id, the member with the earliest day
(then the smallest id).

Why this definition:

* **order-independent**: the links, the cells, the window components and hence the labels are functions of
  the set of stored reports, whatever order the articles arrive in; re-ingesting an unchanged article writes
  nothing and links nothing;
* **bounded**: an instance lies inside one window, so its reports' middle days span less than 2 x CELL_DAYS
  (an instance may hold reports linked only through a report the window before took); the
  same sentence told every day for a year makes about 26 instances, one per cell (the first two cells
  together);
* **a real event is not cut**: reports of one event whose middle days span less than CELL_DAYS (a summit
  reported daily over a week) lie in one window, are one component there and one instance, wherever the
  cell boundaries fall (unless other reports link them to what began in the cell before);
* **incremental**: a new report only merges window components (union by size: the smaller one is renamed)
  and may make a component reach back (its later reports then take it as their label); only the instances
  whose reports changed label are settled again and recounted, in SQL (:meth:`LinkSession.refresh_instances`)
  over at most a window's reports. :func:`reference_instances` computes the same instances from scratch.

An article written again in a new version marks its old reports: the window components they belong to, and
those chained to them, are unlinked and linked afresh (a component may split). This is the one step whose
cost grows with a chain of window components, not with the store.

Counts per instance: ``num_reports`` (events), ``num_mentions`` (their mentions), ``num_articles`` (distinct
syndication stories: near-identical copies count once, :mod:`detente.analysis.syndication`), ``num_sources``
(distinct outlets: the article's ``source``, else its URL's host; an article with neither is its own outlet),
``first_report`` and ``last_report`` (publication days, else the day the article was stored). The instance's
CAMEO code, QuadClass, status and day are its representative's; its Goldstein value is the mean of its
reports'.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from ..store.instances import LinkSession
from .features import MAX_SPAN_DAYS, NARROW_DAYS, LinkFeatures, link_features
from .linking import DEFAULT_RULE, LinkRule, planned_for, same_event
from .syndication import NEAR_DUPLICATE, bands, outlet, signature, similarity

__all__ = [
    "Assignment",
    "CELL_DAYS",
    "EPOCH",
    "LinkSummary",
    "assign_instances",
    "cell_of",
    "link_batch",
    "link_pending",
    "reference_instances",
    "related_instances",
    "summarize_instance",
]

_CHUNK = 500
#: The length of a cell in days: reports of one event whose middle days span less than this are one
#: instance; no instance spans two cells' worth of days or more.
CELL_DAYS = 14
#: Cells are counted from this Monday.
EPOCH = dt.date(1970, 1, 5)
_UNDATED = "u"


class _LinkingStore(Protocol):
    def link_session(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class LinkSummary:
    """What one :func:`link_pending` did."""

    events_linked: int = 0
    instances_updated: int = 0
    articles_relinked: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "events_linked": self.events_linked,
            "instances_updated": self.instances_updated,
            "articles_relinked": self.articles_relinked,
            "seconds": round(self.seconds, 3),
        }


def link_pending(store: _LinkingStore, *, rule: LinkRule = DEFAULT_RULE, chunk: int = _CHUNK) -> LinkSummary:
    """Link every stored event not yet linked (and those of articles written again), ``chunk`` events per
    transaction. Returns what was done; linking an up-to-date store does nothing."""
    started = time.perf_counter()
    linked = updated = relinked = 0
    while True:
        with store.link_session() as session:
            dirty = session.dirty_articles()
            touched = _unlink_articles(session, dirty) if dirty else set()
            rows = session.pending_events(chunk)
            touched |= link_batch(session, rows, rule)
        linked += len(rows)
        updated += len(touched)
        relinked += len(dirty)
        if not rows and not dirty:
            break
    return LinkSummary(linked, updated, relinked, time.perf_counter() - started)


# -- cells and windows ---------------------------------------------------------------------------------------


def cell_of(features: LinkFeatures) -> int | None:
    """The cell of a report: that of the middle of its possible days (None when undated)."""
    if features.day_lo is None or features.day_hi is None:
        return None
    first, last = dt.date.fromisoformat(features.day_lo), dt.date.fromisoformat(features.day_hi)
    middle = first + (last - first) // 2
    return (middle - EPOCH).days // CELL_DAYS


def _windows(cell: int | None) -> tuple[str | None, str]:
    """The window ids of a report's cell: ``(earlier window, own window)``."""
    if cell is None:
        return None, _UNDATED
    return str(cell - 1), str(cell)


def _comp_ids(event_id: str, cell: int | None) -> tuple[str | None, str]:
    """A report's own window components before any link: ``window:event id`` in each of its windows."""
    earlier, own = _windows(cell)
    return (None if earlier is None else f"{earlier}:{event_id}"), f"{own}:{event_id}"


def _shared(
    first: tuple[int | None, str | None, str], second: tuple[int | None, str | None, str]
) -> list[tuple[str, str]]:
    """The component pairs a link between two reports ``(cell, comp_prev, comp_here)`` joins: one pair per
    window both lie in."""
    (cell_a, prev_a, here_a), (cell_b, prev_b, here_b) = first, second
    if cell_a is None or cell_b is None:
        return [(here_a, here_b)] if cell_a is None and cell_b is None else []
    if cell_a == cell_b:
        assert prev_a is not None and prev_b is not None
        return [(prev_a, prev_b), (here_a, here_b)]
    if cell_b == cell_a + 1:
        assert prev_b is not None
        return [(here_a, prev_b)]
    if cell_a == cell_b + 1:
        assert prev_a is not None
        return [(prev_a, here_b)]
    return []


# -- linking -------------------------------------------------------------------------------------------------


class _Components:
    """Union-find."""

    def __init__(self) -> None:
        self._parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self._parent.setdefault(item, item)
        if parent != item:
            parent = self._parent[item] = self.find(parent)
        return parent

    def union(self, first: str, second: str) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self._parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[str]]:
        found: dict[str, list[str]] = {}
        for item in sorted(self._parent):
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())


def _lookups(features: LinkFeatures) -> list[tuple[str, tuple[str, str] | None, str]]:
    """``(index key, days, lookback)`` to read: each block's narrow reports (first day at most NARROW_DAYS
    before this one's) and its wide ones (at most MAX_SPAN_DAYS before); undated: the undated reports."""
    if features.day_lo is None or features.day_hi is None:
        return [(block, None, "") for block in features.blocks]
    first = dt.date.fromisoformat(features.day_lo)
    days = (features.day_lo, features.day_hi)
    narrow = (first - dt.timedelta(days=NARROW_DAYS)).isoformat()
    wide = (first - dt.timedelta(days=MAX_SPAN_DAYS)).isoformat()
    return [
        lookup for block in features.blocks for lookup in ((block, days, narrow), (f"~{block}", days, wide))
    ]


def _candidates(session: LinkSession, features: LinkFeatures) -> list[dict[str, Any]]:
    """The reports sharing a block with this one whose days overlap, each once, by event id."""
    found: dict[str, dict[str, Any]] = {}
    for row in session.candidates_of(_lookups(features)):
        found.setdefault(row["event_id"], row)
    return [found[event_id] for event_id in sorted(found)]


def link_batch(session: LinkSession, rows: list[dict[str, Any]], rule: LinkRule = DEFAULT_RULE) -> set[str]:
    """Index these pending events, link them, settle and recount the instances whose reports changed;
    returns those instances' ids."""
    if not rows:
        return set()
    article_ids = sorted({row["article_id"] for row in rows})
    touched = _update_stories(session, article_ids)
    stories = session.stories(article_ids)
    pending = [link_features(row) for row in rows]
    counted = {row["id"]: _counted(row, stories.get(row["article_id"])) for row in rows}
    own: dict[str, tuple[int | None, str | None, str]] = {}
    key_rows, comps = [], []
    for features in pending:
        cell = cell_of(features)
        prev, here = _comp_ids(features.event_id, cell)
        own[features.event_id] = (cell, prev, here)
        key_rows.append((*_key_row(features, cell, prev, here), *counted[features.event_id]))
        if prev is not None:
            comps.append((prev, 1, 0))
        comps.append((here, 1, 1))
    session.insert_keys(
        key_rows,
        [
            (block, features.event_id, features.day_lo, features.day_hi)
            for features in pending
            for block in features.index_blocks
        ],
        comps,
    )
    components = _Components()
    for features in pending:
        mine = own[features.event_id]
        for candidate in _candidates(session, features):
            if candidate["event_id"] == features.event_id:
                continue
            theirs = own.get(candidate["event_id"]) or (
                candidate["cell"],
                candidate["comp_prev"],
                candidate["comp_here"],
            )
            pairs = _shared(mine, theirs)
            if pairs and same_event(features, LinkFeatures.from_json(candidate["features"]), rule):
                for first, second in pairs:
                    components.union(first, second)
    labels = session.labels_of(sorted(own))
    labels |= _merge(session, [group for group in components.groups() if len(group) > 1])
    labels |= session.labels_of(sorted(own))
    heads, stale = session.settle(sorted(labels))
    # the new reports whose instance id was right from the start (their own) still need it on their row
    session.mark_linked(sorted(event_id for event_id in own if event_id in heads.values()))
    touched |= set(heads.values())
    session.drop_unused_instances(sorted(stale - touched))
    session.refresh_instances(sorted(touched))
    return touched


def _merge(session: LinkSession, groups: Sequence[Sequence[str]]) -> set[str]:
    """Merge each group of window components (one window's): the largest keeps its id; if the merged one
    reaches into its window's first cell, the reports after a part that did not take it as their label.
    The labels changed (before and after). The groups are disjoint: all are merged with a few batched
    statements."""
    sizes = session.comps(sorted({comp for group in groups for comp in group}))
    flips: list[tuple[str, str]] = []
    absorbed: list[tuple[str, str]] = []
    totals: list[tuple[int, int, str]] = []
    changed: set[str] = set()
    for group in groups:
        winner = min(group, key=lambda comp: (-sizes[comp][0], comp))
        reach = max(sizes[comp][1] for comp in group)
        if reach:
            flips += [(winner, comp) for comp in group if not sizes[comp][1]]
        absorbed += [(winner, comp) for comp in group if comp != winner]
        totals.append((sum(sizes[comp][0] for comp in group), reach, winner))
        changed |= set(group)
    changed |= session.labels_after(sorted(comp for _, comp in flips))
    session.reach(flips)
    session.absorb(absorbed)
    session.put_comps(totals)
    return changed


def _counted(row: dict[str, Any], story: dict[str, Any] | None) -> tuple[Any, ...]:
    """What the counts read of a report: ``(story, outlet, report day, mentions, Goldstein)``."""
    day = row.get("article_published") or row.get("article_added_at")
    return (
        story["story_id"] if story else row["article_id"],
        story["outlet"] if story else None,
        None if day is None else str(day)[:10],
        int(row["mention_count"]),
        float(row["goldstein"]),
    )


def _key_row(features: LinkFeatures, cell: int | None, prev: str | None, here: str) -> tuple[Any, ...]:
    rank = f"{features.rank[0]}|{features.rank[1]}"
    return (
        features.event_id,
        features.article_id,
        features.event_id,
        features.block,
        features.day_lo,
        features.day_hi,
        rank,
        features.to_json(),
        cell,
        prev,
        here,
        here,
    )


def _unlink_articles(session: LinkSession, article_ids: list[str]) -> set[str]:
    """Unlink the reports of these articles with every report sharing a window component with them, and
    so on (:meth:`LinkSession.chain`; they are linked again as pending events); drop the articles' stories.
    The instances whose story counts changed."""
    old = [key["event_id"] for key in session.keys_where("article_id", article_ids)]
    events = sorted(session.chain(old))
    instance_ids = sorted({key["instance_id"] for key in session.keys_where("event_id", events)})
    session.forget_events(events)
    session.delete_instances(instance_ids)
    touched: set[str] = set()
    for article_id in article_ids:
        touched |= _forget_story(session, article_id)
    session.clear_dirty(article_ids)
    return touched - set(instance_ids)


# -- the definition, from scratch ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Assignment:
    """What the definition gives one report: its cell, its window components (by a canonical name), its
    label and its instance."""

    cell: int | None
    comp_prev: str | None
    comp_here: str
    label: str
    instance_id: str


def assign_instances(
    reports: Iterable[LinkFeatures], rule: LinkRule = DEFAULT_RULE
) -> tuple[dict[str, Assignment], dict[str, tuple[int, int]]]:
    """The instances of a set of reports computed from scratch, as the module docstring defines them
    (every pair sharing a block with overlapping days is compared). Returns ``event id -> Assignment`` and
    the window components' ``(size, reach)``."""
    reports = sorted(reports, key=lambda features: features.event_id)
    own = {}
    components = _Components()
    for features in reports:
        cell = cell_of(features)
        own[features.event_id] = (cell, *_comp_ids(features.event_id, cell))
        for comp in own[features.event_id][1:]:
            if comp is not None:
                components.find(comp)
    by_block: dict[str, list[LinkFeatures]] = {}
    for features in reports:
        for block in features.blocks:
            by_block.setdefault(block, []).append(features)
    for members in by_block.values():
        for first, second in _overlapping(members):
            pairs = _shared(own[first.event_id], own[second.event_id])
            if pairs and same_event(first, second, rule):
                for a, b in pairs:
                    components.union(a, b)
    sizes: Counter[str] = Counter()
    reaching: set[str] = set()
    for _cell, prev, here in own.values():
        sizes[components.find(here)] += 1
        reaching.add(components.find(here))
        if prev is not None:
            sizes[components.find(prev)] += 1
    labels: dict[str, str] = {}
    for event_id, (_cell, prev, here) in own.items():
        earlier = None if prev is None else components.find(prev)
        labels[event_id] = earlier if earlier in reaching else components.find(here)
    ranks = {features.event_id: features.rank for features in reports}
    heads: dict[str, str] = {}
    for event_id, label in labels.items():
        if label not in heads or ranks[event_id] < ranks[heads[label]]:
            heads[label] = event_id
    assigned = {
        event_id: Assignment(
            cell=cell,
            comp_prev=None if prev is None else components.find(prev),
            comp_here=components.find(here),
            label=labels[event_id],
            instance_id=heads[labels[event_id]],
        )
        for event_id, (cell, prev, here) in own.items()
    }
    return assigned, {comp: (size, int(comp in reaching)) for comp, size in sizes.items()}


def reference_instances(reports: Iterable[LinkFeatures], rule: LinkRule = DEFAULT_RULE) -> dict[str, str]:
    """``event id -> instance id`` by the definition, from scratch: what :func:`link_pending` must give."""
    return {event_id: item.instance_id for event_id, item in assign_instances(reports, rule)[0].items()}


def _overlapping(members: list[LinkFeatures]) -> Iterator[tuple[LinkFeatures, LinkFeatures]]:
    """The pairs of a block's reports whose days overlap (undated: every pair of undated reports)."""
    undated = [features for features in members if features.day_lo is None]
    for index, first in enumerate(undated):
        for second in undated[index + 1 :]:
            yield first, second
    dated = sorted(
        (features for features in members if features.day_lo is not None),
        key=lambda features: (features.day_lo, features.event_id),
    )
    for index, first in enumerate(dated):
        for second in dated[index + 1 :]:
            assert second.day_lo is not None and first.day_hi is not None
            if second.day_lo > first.day_hi:
                break
            yield first, second


# -- syndication stories -------------------------------------------------------------------------------------


def _near(session: LinkSession, article_id: str, sig: tuple[int, ...]) -> list[str]:
    """The stored articles (other than this one) whose text is a near-duplicate of the signature's."""
    neighbors = sorted(session.band_neighbors(bands(sig)) - {article_id})
    stories = session.stories(neighbors)
    return [other for other in neighbors if similarity(sig, stories[other]["signature"]) >= NEAR_DUPLICATE]


def _update_stories(session: LinkSession, article_ids: list[str]) -> set[str]:
    """Give each article without one its story; the instances of articles whose story changed."""
    changed: list[str] = []
    for article in session.articles_without_story(article_ids):
        sig = signature(article["text"])
        near = _near(session, article["id"], sig)
        story_of = session.stories(near)
        session.put_story(
            article["id"],
            story_id=min([article["id"], *near]),
            outlet=outlet(article["source"], article["url"]),
            signature=sig,
            bands=bands(sig),
        )
        for other in near:
            if article["id"] < story_of[other]["story_id"]:
                session.set_story(other, article["id"])
                changed.append(other)
    return session.instances_of_articles(changed) if changed else set()


def _forget_story(session: LinkSession, article_id: str) -> set[str]:
    """Drop an article's story; its near-duplicates take their stories again without it."""
    stored = session.stories([article_id]).get(article_id)
    if stored is None:
        return set()
    near = _near(session, article_id, stored["signature"])
    session.forget_story(article_id)
    changed = []
    for other in near:
        own = session.stories([other])[other]
        story = min([other, *_near(session, other, own["signature"])])
        if story != own["story_id"]:
            session.set_story(other, story)
            changed.append(other)
    return session.instances_of_articles(changed) if changed else set()


# -- counts --------------------------------------------------------------------------------------------------


def _report_day(member: dict[str, Any]) -> str | None:
    value = member.get("published") or member.get("added_at")
    return None if value is None else str(value)[:10]


def summarize_instance(instance_id: str, members: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """An ``instances`` row from its members (as :meth:`LinkSession.members` gives them)."""
    members = list(members)
    head = next(member for member in members if member["id"] == instance_id)
    a, b, family = head["block"].split("|", 2)
    stories = {member["story_id"] or member["article_id"] for member in members}
    outlets = Counter(
        member["outlet"] or f"story:{member['story_id'] or member['article_id']}" for member in members
    )
    days = sorted(day for day in (_report_day(member) for member in members) if day)
    return {
        "id": instance_id,
        "block": head["block"],
        "family": family,
        "a": None if a == "-" else a,
        "b": None if b == "-" else b,
        "cameo": head["cameo"],
        "quad_class": head["quad_class"],
        "goldstein": round(sum(float(member["goldstein"]) for member in members) / len(members), 3),
        "status": head["status"],
        "day": head["day"],
        "num_reports": len(members),
        "num_mentions": sum(int(member["mention_count"]) for member in members),
        "num_articles": len(stories),
        "num_sources": len(outlets),
        "first_report": days[0] if days else None,
        "last_report": days[-1] if days else None,
        "outlets": _json_list(sorted(name for name in outlets if not name.startswith("story:"))),
    }


def _json_list(values: list[str]) -> str:
    import json

    return json.dumps(values, ensure_ascii=False)


# -- planned and occurred ------------------------------------------------------------------------------------


class _ReadingStore(Protocol):
    def instance_keys(self, instance_id: str) -> list[dict[str, Any]]: ...

    def instance_candidates(self, block: str, day_from: str, day_to: str) -> list[dict[str, Any]]: ...


def related_instances(
    store: _ReadingStore, instance_id: str, *, rule: LinkRule = DEFAULT_RULE
) -> dict[str, list[str]]:
    """The instances this one's plans announced (``occurred``), the plans that announced it (``planned``)."""
    found: dict[str, set[str]] = {"planned": set(), "occurred": set()}
    for key in store.instance_keys(instance_id):
        features = LinkFeatures.from_json(key["features"])
        candidates = {
            row["event_id"]: row
            for key, days, lookback in _lookups(features)
            if days is not None
            for row in store.instance_candidates(key, days, lookback=lookback)
        }
        for candidate in candidates.values():
            other = LinkFeatures.from_json(candidate["features"])
            if candidate["instance_id"] == instance_id:
                continue
            if planned_for(features, other, rule):
                found["occurred"].add(candidate["instance_id"])
            elif planned_for(other, features, rule):
                found["planned"].add(candidate["instance_id"])
    return {name: sorted(ids) for name, ids in found.items()}
