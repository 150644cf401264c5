"""Instances are bounded in time, whatever the order of ingest, and their counts match a full recount.

The chaining data: the same talks told in the same sentence every day for 60 days, by two outlets a day
(every report's days overlap the next day's, so links alone would make one instance of all of them).
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any

from detente.analysis import link_pending
from detente.analysis.features import LinkFeatures
from detente.analysis.instances import (
    CELL_DAYS,
    EPOCH,
    assign_instances,
    reference_instances,
    summarize_instance,
)
from detente.records import Article, CodedArticle
from detente.store import open_store
from tests.store.store_records import event, evidence_at

TALKS = "Negotiators of Washington and Beijing held talks on tariffs and export controls in the capital."
SUMMIT = "Leaders of Washington and Beijing opened a summit on climate finance at the lakeside resort."
OUTLETS = ("Reuters", "AP", "AFP")


def _report(
    article_id: str, day: dt.date, sentence: str, trigger: str, source: str, *, text: str
) -> CodedArticle:
    """One article published on ``day`` with one event dated only by its publication day."""
    report = event(
        f"e-{article_id}",
        "USAGOV",
        "CHNGOV",
        cameo="040",
        evidence=evidence_at(sentence, trigger),
        location=None,
        mentions=(evidence_at(sentence, trigger),) * (1 + int(article_id[-1]) % 2),
    )
    article = Article(id=article_id, text=text, title=None, published=day, source=source, url=None)
    return CodedArticle(article=article, events=(report,))


def _words(seed: int) -> str:
    rng = random.Random(seed)
    vocabulary = [
        "delegation",
        "ministry",
        "market",
        "harbour",
        "border",
        "senate",
        "budget",
        "envoy",
        "reactor",
        "convoy",
        "province",
        "treaty",
        "embassy",
        "tanker",
        "airport",
        "election",
    ]
    return " ".join(rng.choice(vocabulary) + str(rng.randrange(1000)) for _ in range(40)) + "."


def _daily(first: dt.date, days: int, sentence: str, trigger: str, *, per_day: int = 2) -> list[CodedArticle]:
    articles = []
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        for number in range(per_day):
            source = OUTLETS[(offset + number) % len(OUTLETS)]
            # the first two outlets of a day carry one wire copy (a syndicated story), the rest their own text
            words = _words(day.toordinal() if number < 2 else day.toordinal() * 10 + number)
            text = f"{sentence} {words}"
            articles.append(_report(f"{day:%Y%m%d}-{number}", day, sentence, trigger, source, text=text))
    return articles


def _state(store: Any, articles: list[CodedArticle]) -> dict[str, Any]:
    """Each event's instance, each instance's row, and the rows recounted from the members in Python."""
    ids = sorted(report.id for article in articles for report in article.events)
    with store.link_session() as session:
        keys = session.keys_where("event_id", ids)
        instance_ids = sorted({key["instance_id"] for key in keys})
        recount = {
            instance_id: summarize_instance(instance_id, session.members(instance_id))
            for instance_id in instance_ids
        }
    stored = store._instance_reader().rows(instance_ids)
    return {
        "instance_of": {key["event_id"]: key["instance_id"] for key in keys},
        "features": [LinkFeatures.from_json(key["features"]) for key in keys],
        "rows": stored,
        "recount": recount,
        "events": {event_id: store.instance_of(event_id) for event_id in ids},
    }


def _ingest(url: str, articles: list[CodedArticle], *, one_by_one: bool) -> dict[str, Any]:
    with open_store(url) as store:
        if one_by_one:
            for article in articles:
                store.write_batch([article])
                link_pending(store, chunk=3)
        else:
            store.write_batch(articles)
            link_pending(store, chunk=7)
        return _state(store, articles)


def _comparable(rows: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {key: {**row, "outlets": list(row["outlets"])} for key, row in rows.items()}


def _check(state: dict[str, Any]) -> None:
    """Every event is linked to the instance the definition gives; the stored counts are the recount."""
    assert state["events"] == state["instance_of"]
    assert state["instance_of"] == reference_instances(state["features"])
    recount = {key: {**row, "outlets": json.loads(row["outlets"])} for key, row in state["recount"].items()}
    assert _comparable(state["rows"]) == recount


def _spans(state: dict[str, Any]) -> list[int]:
    """Each instance's span of report days (first to last publication day)."""
    return [
        (dt.date.fromisoformat(row["last_report"]) - dt.date.fromisoformat(row["first_report"])).days
        for row in state["rows"].values()
    ]


def test_daily_talks_over_sixty_days_are_cut_into_bounded_instances_in_any_order(
    store_url: str, tmp_path
) -> None:
    articles = _daily(dt.date(2024, 3, 1), 60, TALKS, "talks")
    expected = _ingest(store_url, articles, one_by_one=False)
    _check(expected)
    spans = _spans(expected)
    assert len(spans) >= 60 // (2 * CELL_DAYS) + 1
    assert max(spans) < 2 * CELL_DAYS
    assert sum(row["num_reports"] for row in expected["rows"].values()) == 120
    for seed in range(3):
        shuffled = articles[:]
        random.Random(seed).shuffle(shuffled)
        url = f"sqlite:///{tmp_path / f'shuffled{seed}.db'}"
        again = _ingest(url, shuffled, one_by_one=seed != 1)
        assert again["instance_of"] == expected["instance_of"]
        assert _comparable(again["rows"]) == _comparable(expected["rows"])


def test_shuffled_chains_on_this_backend_give_the_same_instances(store_url: str) -> None:
    articles = _daily(dt.date(2024, 3, 1), 40, TALKS, "talks", per_day=3)
    shuffled = articles[:]
    random.Random(11).shuffle(shuffled)
    state = _ingest(store_url, shuffled, one_by_one=True)
    _check(state)
    assigned, _ = assign_instances(state["features"])
    assert state["instance_of"] == {event_id: item.instance_id for event_id, item in assigned.items()}


def test_a_summit_reported_daily_over_a_week_is_one_instance_wherever_the_cells_fall(tmp_path) -> None:
    # every alignment of the week against the cells
    first_monday = EPOCH + dt.timedelta(days=7 * 2800)
    for shift in range(CELL_DAYS):
        start = first_monday + dt.timedelta(days=shift)
        articles = _daily(start, 7, SUMMIT, "summit")
        state = _ingest(f"sqlite:///{tmp_path / f'summit{shift}.db'}", articles, one_by_one=shift % 2 == 0)
        assert len(state["rows"]) == 1, shift
        (row,) = state["rows"].values()
        assert (row["num_reports"], row["num_articles"]) == (14, 7)


def test_reingest_and_a_new_version_in_a_chain_match_a_fresh_ingest(store_url: str, tmp_path) -> None:
    articles = _daily(dt.date(2024, 3, 1), 30, TALKS, "talks")
    before = _ingest(store_url, articles, one_by_one=False)
    with open_store(store_url) as store:
        store.write_batch(articles)
        assert link_pending(store).instances_updated == 0
        assert _state(store, articles)["instance_of"] == before["instance_of"]
        # a correction removes the report of day 15 from its chain
        index = next(number for number, article in enumerate(articles) if article.article.id == "20240315-0")
        old = articles[index].article
        corrected = CodedArticle(
            article=Article(
                id=old.id,
                text="Corrected: no talks.",
                title=None,
                published=old.published,
                source=old.source,
                url=None,
            ),
            events=(),
        )
        store.write_batch([corrected])
        link_pending(store)
        final = [*articles[:index], corrected, *articles[index + 1 :]]
        after = _state(store, final)
    _check(after)
    fresh = _ingest(f"sqlite:///{tmp_path / 'fresh.db'}", final, one_by_one=False)
    assert after["instance_of"] == fresh["instance_of"]
    assert _comparable(after["rows"]) == _comparable(fresh["rows"])


def _benchmark_module() -> Any:
    import importlib.util
    import sys
    from pathlib import Path

    folder = Path(__file__).resolve().parents[2] / "benchmarks"
    sys.path.insert(0, str(folder))
    spec = importlib.util.spec_from_file_location("instances_benchmark", folder / "instances.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_incremental_linking_on_a_bulk_filled_dense_store_matches_the_definition(store_url: str) -> None:
    """The benchmark's synthetic news at its density (heavy dyads chain, follow-ups retell, wire copies):
    a store filled in bulk by the definition, then new articles ingested and linked one batch at a time,
    ends with the instances and counts of the definition computed from scratch over all events."""
    bench = _benchmark_module()
    generator = bench.Generator(seed=3, days=4)
    backend = "sqlite" if store_url.startswith("sqlite") else "postgresql"
    bench._fill([(backend, store_url)], generator, 3000)
    new = list(generator.articles(60))
    with open_store(store_url) as store:
        for start in range(0, len(new), 7):
            store.write_batch(new[start : start + 7])
            link_pending(store, chunk=50)
        with store.link_session() as session:
            keys = session._all("SELECT event_id, instance_id, features FROM instance_keys")
            instance_ids = sorted({key["instance_id"] for key in keys})
            recount = {
                instance_id: summarize_instance(instance_id, session.members(instance_id))
                for instance_id in instance_ids
            }
        stored = store._instance_reader().rows(instance_ids)
    features = [LinkFeatures.from_json(key["features"]) for key in keys]
    assert len(features) > 3300
    assert {key["event_id"]: key["instance_id"] for key in keys} == reference_instances(features)
    assert max(row["num_reports"] for row in stored.values()) > 20  # the data chains
    recount = {key: {**row, "outlets": json.loads(row["outlets"])} for key, row in recount.items()}
    assert _comparable(stored) == recount
