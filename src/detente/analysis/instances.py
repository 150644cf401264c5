"""Event instances: the reports (stored events) that tell of one real-world event, with counts that mean it.

After articles are stored, :func:`link_pending` links every event not yet linked:

1. its :class:`~detente.analysis.features.LinkFeatures` go into the store's index under their block (actor
   pair + type family) and first possible day;
2. the candidates are the index rows of its blocks whose days overlap its own (a range read on
   ``(block, day_lo)``; reports dated to a week or a month are indexed apart, so the common narrow reports
   are read over a few days): the cost per event does not grow with the store's span of time, only with the
   reports of that side and kind in those days;
3. each candidate that :func:`~detente.analysis.linking.same_event` accepts joins its instance to the new
   report's; an instance is a connected component of these links, and its id is the id of its
   representative report, the member with the earliest day (then the smallest id).

Links read only the two reports, so the components, the representatives and hence the instances are the same
whatever order the articles arrive in; re-ingesting an unchanged article writes nothing and links nothing.
An article written again in a new version marks its old instances: their remaining reports are unlinked and
linked afresh (a component may split).

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
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from ..store.instances import LinkSession
from .features import MAX_SPAN_DAYS, NARROW_DAYS, LinkFeatures, link_features
from .linking import DEFAULT_RULE, LinkRule, planned_for, same_event
from .syndication import NEAR_DUPLICATE, bands, outlet, signature, similarity

__all__ = ["LinkSummary", "link_pending", "related_instances", "summarize_instance"]

_CHUNK = 500


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
            touched |= _link_events(session, rows, rule)
            for instance_id in sorted(touched):
                _refresh(session, instance_id)
        linked += len(rows)
        updated += len(touched)
        relinked += len(dirty)
        if not rows and not dirty:
            break
    return LinkSummary(linked, updated, relinked, time.perf_counter() - started)


# -- linking -------------------------------------------------------------------------------------------------


class _Components:
    """Union-find over instance ids."""

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
    for key, days, lookback in _lookups(features):
        for row in session.candidates(key, days, lookback=lookback):
            found.setdefault(row["event_id"], row)
    return [found[event_id] for event_id in sorted(found)]


def _link_events(session: LinkSession, rows: list[dict[str, Any]], rule: LinkRule) -> set[str]:
    """Index the pending events, join them to the instances they report; the instances touched."""
    if not rows:
        return set()
    touched = _update_stories(session, sorted({row["article_id"] for row in rows}))
    pending = [link_features(row) for row in rows]
    session.insert_keys(
        [_key_row(features) for features in pending],
        [
            (block, features.event_id, features.day_lo, features.day_hi)
            for features in pending
            for block in features.index_blocks
        ],
    )
    components = _Components()
    for features in pending:
        components.find(features.event_id)
        for candidate in _candidates(session, features):
            if candidate["event_id"] == features.event_id:
                continue
            if same_event(features, LinkFeatures.from_json(candidate["features"]), rule):
                components.union(features.event_id, candidate["instance_id"])
    for group in components.groups():
        # an instance's id is its representative's event id: the group's earliest representative wins,
        # and only the reports of the other instances are relabelled (a large instance that a later
        # report joins costs nothing more than a small one)
        heads = session.keys_where("event_id", group)
        representative = min(heads, key=lambda key: (key["rank"], key["event_id"]))["event_id"]
        others = [old for old in group if old != representative]
        session.merge(representative, others, linked=group)
        session.delete_instances(others)
        touched.add(representative)
    return touched


def _key_row(features: LinkFeatures) -> tuple[Any, ...]:
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
    )


def _unlink_articles(session: LinkSession, article_ids: list[str]) -> set[str]:
    """Unlink every report of the instances that had events of these articles (they are linked again as
    pending events); drop the articles' stories. The instances whose story counts changed."""
    instance_ids = sorted(session.instances_of_articles(article_ids))
    members = session.keys_where("instance_id", instance_ids)
    session.forget_events(sorted({key["event_id"] for key in members}))
    session.delete_instances(instance_ids)
    touched: set[str] = set()
    for article_id in article_ids:
        touched |= _forget_story(session, article_id)
    session.clear_dirty(article_ids)
    return touched - set(instance_ids)


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


def _refresh(session: LinkSession, instance_id: str) -> None:
    members = session.members(instance_id)
    if not members:
        session.delete_instances([instance_id])
        return
    session.put_instance(summarize_instance(instance_id, members))


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
