"""Instance linking time per event as the store grows, on SQLite and PostgreSQL.

    python benchmarks/instances.py [--events 10000] [--postgres URL] [--new 1000]

Fills a store with ``--events`` synthetic events (the generator of ``benchmarks/api.py``: ~200 countries with
a heavy-tailed share of the news, heavy dyads such as USA-CHN, three years of days, ten events per article;
each article gets a text of its own so that syndication finds no copies), written straight into the tables,
then times :func:`detente.analysis.link_pending`:

* **bulk**: linking every stored event once (an upgrade of an existing store);
* **incremental**: ``--new`` more events (in new articles) written after that and linked, the cost per event
  of ingest at that store size; it should not grow with ``--events``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api as filler  # noqa: E402 (the synthetic events of benchmarks/api.py)
from detente.analysis import link_pending  # noqa: E402
from detente.store import open_store  # noqa: E402
from detente.store.sql import ARTICLE_COLUMNS  # noqa: E402

_TEXT = ARTICLE_COLUMNS.index("text")


def _own_texts(chunks: Any, seed: int) -> Any:
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz"
    vocabulary = ["".join(rng.choice(letters) for _ in range(7)) for _ in range(20_000)]
    for articles, events in chunks:
        rows = []
        for row in articles:
            words = " ".join(rng.choice(vocabulary) for _ in range(80))
            rows.append((*row[:_TEXT], f"{row[0]}: {words}.", *row[_TEXT + 1 :]))
        yield rows, events


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--new", type=int, default=1_000, help="events written and linked after the bulk")
    parser.add_argument("--postgres", default=os.environ.get("DETENTE_TEST_POSTGRES"))
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    original = filler._chunks
    filler._chunks = lambda total, seed: _own_texts(original(total, seed), seed)  # type: ignore[assignment]
    with tempfile.TemporaryDirectory() as folder:
        targets = [("sqlite", str(Path(folder) / "bench.db"))]
        if args.postgres:
            targets.append(("postgresql", filler._fresh_schema(args.postgres)))
        for name, location in targets:
            _bench(name, location, args)
    return 0


def _bench(name: str, location: str, args: argparse.Namespace) -> None:
    fill = filler._fill_sqlite if name == "sqlite" else filler._fill_postgresql
    total = args.events + args.new
    fill(location, argparse.Namespace(events=total, seed=args.seed))
    with open_store(location) as store:
        # pending events are linked in id order, so the last --new events come after the bulk
        started = time.perf_counter()
        bulk = _link_first(store, args.events)
        bulk_seconds = time.perf_counter() - started
        started = time.perf_counter()
        new = link_pending(store).events_linked
        new_seconds = time.perf_counter() - started
        instances = store.count_instances()
        largest = store.query_instances(limit=1000)
        biggest = max((row["num_reports"] for row in largest), default=0)
    print(
        f"{name}: {args.events} stored events linked in bulk at "
        f"{1000 * bulk_seconds / max(bulk, 1):.2f} ms/event; "
        f"then {new} new events at {1000 * new_seconds / max(new, 1):.2f} ms/event "
        f"({instances} instances of {total} events; largest of the first 1000: {biggest} reports)"
    )


def _link_first(store: Any, count: int) -> int:
    """Link the first ``count`` pending events (in id order, the order link_pending takes them), printing
    the time per event of each tenth."""
    linked, step = 0, max(500, count // 10)
    mark, started = step, time.perf_counter()
    while linked < count:
        size = min(500, count - linked)
        linked += link_pending_once(store, size)
        if linked >= mark or linked == count:
            now = time.perf_counter()
            print(
                f"  linked {linked}: {1000 * (now - started) / step:.2f} ms/event over the last {step}",
                flush=True,
            )
            mark, started = mark + step, now
    return linked


def link_pending_once(store: Any, size: int) -> int:
    from detente.analysis.instances import _link_events, _refresh
    from detente.analysis.linking import DEFAULT_RULE

    with store.link_session() as session:
        rows = session.pending_events(size)
        touched = _link_events(session, rows, DEFAULT_RULE)
        for instance_id in sorted(touched):
            _refresh(session, instance_id)
    return len(rows)


if __name__ == "__main__":
    raise SystemExit(main())
