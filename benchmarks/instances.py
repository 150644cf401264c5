"""Ingest and instance linking as the store grows, on SQLite and PostgreSQL.

    python benchmarks/instances.py --events 10000 [--new 2000] [--postgres URL] [--sqlite PATH]
    python benchmarks/instances.py --events 1000000 --backends sqlite,postgresql

For each backend: fills a store with ``--events`` synthetic stored events, already linked, written straight
into the tables in bulk (``executemany`` on SQLite, ``COPY`` on PostgreSQL; neither the coder nor
``write_batch`` is involved), then times the ingest of ``--new`` more events in new articles through the
store (``write_batch`` in batches of ``--batch`` articles, each followed by ``link_pending``) and prints
ingest throughput and linking time per event.

The synthetic news: ~200 countries with a heavy-tailed share (``benchmarks/api.py``'s), heavy dyads such as
USA-CHN, every CAMEO family, ``--per-day`` events a day (900: a million events span three years; the new
events fall on the same days as the stored ones), events dated by their article or a
few days before it, ~300 outlets, one article in ten a wire copy of another (syndication finds it). Each
event's sentence is drawn from templates, family verbs and a large vocabulary; one event in three retells
an event of the days before (same pair, family, trigger and most of its words), as several outlets report
one event. The stored events are linked by :func:`detente.analysis.instances.assign_instances` (the
definition, computed from scratch in memory), so the stored instances, window components and counts are what
``link_pending`` would have built; the MinHash bands of the stored articles are written too.

PostgreSQL uses a schema of its own (``detente_bench_instances``, replaced on each run) in the database of
``--postgres`` (default: ``DETENTE_TEST_POSTGRES``); without a URL the PostgreSQL column is skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from detente.analysis import link_pending
from detente.analysis.features import link_features
from detente.analysis.instances import CELL_DAYS, assign_instances
from detente.analysis.syndication import bands, outlet, signature
from detente.records import Actor, ActorMention, Article, CodedArticle, Event, Evidence, Place
from detente.store import open_store
from detente.store.instances import INSTANCE_COLUMNS, KEY_COLUMNS
from detente.store.rows import article_row, event_row, fingerprint, mention_rows
from detente.store.sql import ARTICLE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api import HEAVY_DYADS, _countries  # noqa: E402 (benchmarks/api.py's countries)

SCHEMA = "detente_bench_instances"
FIRST_DAY = dt.date(2021, 1, 4)
ADDED_AT = "2025-01-01T00:00:00+00:00"
#: (CAMEO code, Goldstein, QuadClass, PLOVER, trigger verbs)
CODES = (
    ("010", 0.0, 1, "AGREE", ("said", "stated", "announced")),
    ("020", 3.0, 1, "REQUEST", ("appealed", "urged", "called")),
    ("036", 4.0, 1, "CONSULT", ("offered", "proposed")),
    ("040", 1.0, 1, "CONSULT", ("met", "held talks", "discussed", "hosted")),
    ("042", 1.9, 1, "CONSULT", ("visited", "travelled")),
    ("043", 2.8, 1, "CONSULT", ("hosted", "received", "welcomed")),
    ("051", 3.4, 1, "SUPPORT", ("praised", "commended", "backed")),
    ("057", 8.0, 1, "COOPERATE", ("signed", "concluded")),
    ("061", 6.4, 2, "COOPERATE", ("cooperated", "worked")),
    ("071", 7.4, 2, "AID", ("sent aid", "delivered", "pledged")),
    ("081", 5.0, 2, "CONCEDE", ("eased", "lifted")),
    ("090", -2.0, 3, "INVESTIGATE", ("investigated", "probed")),
    ("111", -2.0, 3, "ACCUSE", ("criticized", "condemned", "blamed")),
    ("112", -2.0, 3, "ACCUSE", ("accused", "charged")),
    ("120", -4.0, 3, "REJECT", ("rejected", "refused", "dismissed")),
    ("130", -4.4, 3, "THREATEN", ("threatened", "warned")),
    ("141", -6.5, 4, "PROTEST", ("protested", "demonstrated")),
    ("163", -8.0, 4, "SANCTION", ("sanctioned", "imposed sanctions")),
    ("173", -5.0, 4, "COERCE", ("arrested", "detained", "expelled")),
    ("190", -10.0, 4, "FIGHT", ("attacked", "shelled", "struck")),
    ("193", -10.0, 4, "FIGHT", ("fired", "clashed", "bombed")),
)
STATUSES = (
    ("occurred", 78),
    ("planned", 10),
    ("cancelled", 3),
    ("denied", 3),
    ("hypothetical", 4),
    ("negated", 2),
)
TEMPLATES = (
    "Officials of {a} {verb} their counterparts from {b} over {w0} and {w1}, the {w2} ministry said.",
    "{a} {verb} {b} on {w0} in {place}, according to a statement on {w1} {w2}.",
    "The {w0} envoy of {a} {verb} {b} after weeks of {w1} about {w2} and {w3}.",
    "In {place}, {a} {verb} {b} as the dispute over {w0} {w1} deepened, {w2} sources said.",
)
PLACES = ("Geneva", "Vienna", "Doha", "Brussels", "Istanbul", "Riyadh", "Jakarta", "Nairobi", "Lima", "Oslo")
EVENTS_PER_ARTICLE = 10
RETELL = 0.5
WIRE_COPY = 0.1


class Generator:
    """Synthetic coded articles, deterministic for a seed; ``articles(count)`` continues where it stopped."""

    def __init__(self, seed: int, days: int) -> None:
        self.rng = random.Random(seed)
        self.names, self.weights = _countries(random.Random(0))
        self.heavy = [pair for pair in HEAVY_DYADS for _ in range(pair[2])]
        self.days = days
        vocabulary_rng = random.Random(seed + 1)
        letters = "abcdefghijklmnopqrstuvwxyz"
        self.vocabulary = ["".join(vocabulary_rng.choice(letters) for _ in range(7)) for _ in range(20_000)]
        self.outlets = [f"outlet{number:03d}" for number in range(300)]
        #: events that later articles retell: (their fields, publication day index)
        self.stories: list[tuple[dict[str, Any], int]] = []
        self.article_number = 0
        self.event_number = 0
        self.texts: list[str] = []

    def articles(self, count: int) -> Iterator[CodedArticle]:
        for _ in range(count):
            yield self._article()

    def _article(self) -> CodedArticle:
        rng = self.rng
        number = self.article_number
        self.article_number += 1
        told: dict[str, Any] | None = None
        if self.stories and rng.random() < RETELL:  # a follow-up: retells an event of the days before
            told, first_day = rng.choice(self.stories)
            day_index = min(self.days - 1, first_day + rng.randrange(3))
        else:
            day_index = rng.randrange(self.days)
        published = FIRST_DAY + dt.timedelta(days=day_index)
        fields = [self._fields(published) for _ in range(rng.randint(1, 2 * EVENTS_PER_ARTICLE - 1))]
        if told is not None:
            changed = f"w{rng.randrange(4)}"
            fields[0] = {**told, "words": {**told["words"], changed: rng.choice(self.vocabulary)}}
        for item in fields[1:]:
            if rng.random() < 0.2:
                self.stories.append((item, day_index))
        if len(self.stories) > 20_000:
            del self.stories[:10_000]
        events = tuple(self._event(item) for item in fields)
        if self.texts and rng.random() < WIRE_COPY:  # a wire copy of an earlier article's text
            text = f"({rng.choice(self.outlets)}) " + rng.choice(self.texts[-500:])
        else:
            text = " ".join(event.evidence.sentence for event in events[:3]) + " " + self._words(30) + "."
            self.texts.append(text)
            if len(self.texts) > 1000:
                del self.texts[:500]
        article = Article(
            id=f"n{number:08d}",
            text=text,
            title=f"Synthetic article {number}",
            published=published,
            source=rng.choice(self.outlets),
            url=None,
        )
        return CodedArticle(article=article, events=events)

    def _words(self, count: int) -> str:
        return " ".join(self.rng.choice(self.vocabulary) for _ in range(count))

    def _pair(self) -> tuple[str, str | None]:
        rng = self.rng
        if rng.random() < 0.2:
            source, target, _ = rng.choice(self.heavy)
            if rng.random() < 0.5:
                source, target = target, source
        else:
            source, target = rng.choices(self.names, weights=self.weights, k=2)
        return source, (None if rng.random() < 0.1 else target)

    def _fields(self, published: dt.date) -> dict[str, Any]:
        rng = self.rng
        source, target = self._pair()
        date = None
        if rng.random() < 0.3:  # dated by its text, a few days before publication
            date = (published - dt.timedelta(days=rng.randrange(0, 6))).isoformat()
        code = rng.choice(CODES)
        return {
            "source": source,
            "target": target,
            "code": code,
            "verb": rng.choice(code[4]),
            "template": rng.choice(TEMPLATES),
            "words": {f"w{slot}": rng.choice(self.vocabulary) for slot in range(4)},
            "place": rng.choice(PLACES),
            "status": rng.choices([name for name, _ in STATUSES], weights=[weight for _, weight in STATUSES])[
                0
            ],
            "date": date,
        }

    def _event(self, fields: dict[str, Any]) -> Event:
        rng = self.rng
        source, target, verb, place, date = (
            fields[key] for key in ("source", "target", "verb", "place", "date")
        )
        cameo, goldstein, quad, plover, _ = fields["code"]
        sentence = fields["template"].format(
            a=source.title(), b=(target or "others").title(), verb=verb, place=place, **fields["words"]
        )
        start = sentence.index(verb)
        evidence = Evidence(
            sentence=sentence,
            start=0,
            end=len(sentence),
            trigger=verb,
            rule="bench",
            trigger_start=start,
            trigger_end=start + len(verb),
        )
        number = self.event_number
        self.event_number += 1
        return Event(
            id=f"v{number:09d}",
            source=_mention(source, rng),
            target=_mention(target, rng) if target else None,
            cameo=cameo,
            cameo_label=f"label {cameo}",
            goldstein=goldstein,
            quad_class=quad,
            plover=plover,
            plover_mode=None,
            status=fields["status"],
            evidence=evidence,
            date=date,
            date_text="on Tuesday" if date else None,
            date_precision="day" if date else None,
            date_source="sentence" if date else None,
            location=Place(name=place, country=source, feature="city", lat=0.0, lon=0.0)
            if rng.random() < 0.2
            else None,
        )


def _mention(country: str, rng: random.Random) -> ActorMention:
    sector = rng.choice(("GOV", "MIL", "", "BUS", "OPP"))
    return ActorMention(
        text=country.title(),
        start=0,
        end=3,
        actor=Actor(
            code=country + sector, country=country, sector=sector or None, name=f"{country} {sector}".strip()
        ),
    )


# -- filling -----------------------------------------------------------------------------------------------

_TABLES = {
    "articles": ARTICLE_COLUMNS,
    "events": EVENT_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "article_stories": ("article_id", "story_id", "outlet", "signature"),
    "article_bands": ("band", "article_id"),
    "instance_keys": KEY_COLUMNS,
    "instance_blocks": ("block", "event_id", "day_lo", "day_hi"),
    "instance_comps": ("id", "size", "reach"),
    "instances": INSTANCE_COLUMNS,
}
_CHUNK_ARTICLES = 5_000


class _Linker:
    """What the instance tables need of the stored events, gathered chunk by chunk."""

    def __init__(self) -> None:
        self.features: list[Any] = []
        self.member: dict[str, tuple[str, str, float, int, str | None, int]] = {}
        self.story_of: dict[str, str] = {}
        self.outlet_of: dict[str, str | None] = {}
        self.first_copy: dict[str, str] = {}

    def rows(self, coded: list[CodedArticle]) -> dict[str, list[tuple[Any, ...]]]:
        """The rows of a chunk of articles, their events, mentions and stories."""
        tables: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        for item in coded:
            article = item.article
            assert article.published is not None
            tables["articles"].append(
                article_row(article, digest=fingerprint(article, item), added_at=ADDED_AT)
            )
            sig = signature(article.text)
            body = article.text.split(") ", 1)[-1]
            self.story_of[article.id] = self.first_copy.setdefault(body, article.id)
            self.outlet_of[article.id] = outlet(article.source, article.url)
            tables["article_stories"].append(
                (article.id, self.story_of[article.id], self.outlet_of[article.id], json.dumps(list(sig)))
            )
            tables["article_bands"].extend((band, article.id) for band in set(bands(sig)))
            for event in item.events:
                row = event_row(event, article_id=article.id, published=article.published)
                tables["events"].append(row)
                tables["mentions"].extend(mention_rows(event, article_id=article.id))
                values = dict(zip(EVENT_COLUMNS, row, strict=True))
                values["article_published"] = article.published.isoformat()
                self.features.append(link_features(values))
                self.member[event.id] = (
                    article.id,
                    article.published.isoformat(),
                    float(event.goldstein),
                    int(values["mention_count"]),
                    values["day"],
                    event.quad_class,
                )
        return tables

    def link(self) -> dict[str, list[tuple[Any, ...]]]:
        """The instance tables of all the stored events, linked by the definition from scratch."""
        tables: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
        assigned, comps = assign_instances(self.features)
        heads = {features.event_id: features for features in self.features}
        members: dict[str, list[str]] = defaultdict(list)
        for features in self.features:
            item = assigned[features.event_id]
            members[item.instance_id].append(features.event_id)
            tables["instance_keys"].append(
                (
                    features.event_id,
                    features.article_id,
                    item.instance_id,
                    features.block,
                    features.day_lo,
                    features.day_hi,
                    f"{features.rank[0]}|{features.rank[1]}",
                    features.to_json(),
                    item.cell,
                    item.comp_prev,
                    item.comp_here,
                    item.label,
                    *self._counted(features.event_id),
                )
            )
            tables["instance_blocks"].extend(
                (block, features.event_id, features.day_lo, features.day_hi)
                for block in features.index_blocks
            )
        tables["instance_comps"] = [(comp, size, reach) for comp, (size, reach) in comps.items()]
        for instance_id, ids in members.items():
            tables["instances"].append(self._instance(heads[instance_id], ids))
        return tables

    def _counted(self, event_id: str) -> tuple[Any, ...]:
        """(story, outlet, report day, mentions, Goldstein) of a report, as linking copies them."""
        article_id, day, goldstein, mentions, _, _ = self.member[event_id]
        return self.story_of[article_id], self.outlet_of[article_id], day, mentions, goldstein

    def _instance(self, head: Any, ids: list[str]) -> tuple[Any, ...]:
        data = [self.member[event_id] for event_id in ids]
        a, b, family = head.block.split("|", 2)
        stories = [self.story_of[row[0]] for row in data]
        outlets = Counter(
            self.outlet_of[row[0]] or f"story:{story}" for row, story in zip(data, stories, strict=True)
        )
        days = sorted(row[1] for row in data)
        values = {
            "id": head.event_id,
            "block": head.block,
            "family": family,
            "a": None if a == "-" else a,
            "b": None if b == "-" else b,
            "cameo": head.cameo,
            "quad_class": self.member[head.event_id][5],
            "goldstein": round(sum(row[2] for row in data) / len(data), 3),
            "status": head.status,
            "day": self.member[head.event_id][4],
            "num_reports": len(data),
            "num_mentions": sum(row[3] for row in data),
            "num_articles": len(set(stories)),
            "num_sources": len(outlets),
            "first_report": days[0],
            "last_report": days[-1],
            "outlets": json.dumps(sorted(name for name in outlets if not name.startswith("story:"))),
        }
        return tuple(values[name] for name in INSTANCE_COLUMNS)


def _chunks(generator: Generator, events: int) -> Iterator[list[CodedArticle]]:
    """Whole articles, about ``events`` events in all."""
    written = 0
    while written < events:
        chunk = []
        for item in generator.articles(_CHUNK_ARTICLES):
            chunk.append(item)
            written += len(item.events)
            if written >= events:
                break
        yield chunk


class _SQLiteWriter:
    def __init__(self, location: str) -> None:
        import sqlite3

        self.connection = sqlite3.connect(location.removeprefix("sqlite:///"), isolation_level=None)
        self.connection.execute("PRAGMA synchronous=OFF")
        self.connection.execute("BEGIN")

    def write(self, tables: dict[str, list[tuple[Any, ...]]]) -> None:
        for table, rows in tables.items():
            columns = _TABLES[table]
            marks = ", ".join("?" for _ in columns)
            self.connection.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def finish(self) -> None:
        self.connection.execute(
            "UPDATE events SET instance_id = "
            "(SELECT instance_id FROM instance_keys k WHERE k.event_id = events.id)"
        )
        self.connection.execute("COMMIT")
        self.connection.execute("ANALYZE")
        self.connection.close()


class _PostgresWriter:
    def __init__(self, location: str) -> None:
        import psycopg

        self.connection = psycopg.connect(location)
        self.cursor = self.connection.cursor()

    def write(self, tables: dict[str, list[tuple[Any, ...]]]) -> None:
        for table, rows in tables.items():
            with self.cursor.copy(f"COPY {table} ({', '.join(_TABLES[table])}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)

    def finish(self) -> None:
        self.cursor.execute(
            "UPDATE events e SET instance_id = k.instance_id FROM instance_keys k WHERE k.event_id = e.id"
        )
        self.connection.commit()
        self.connection.autocommit = True
        for table in _TABLES:
            self.connection.execute(f"VACUUM ANALYZE {table}")
        self.connection.close()


def _fill(targets: list[tuple[str, str]], generator: Generator, events: int) -> int:
    """Write about ``events`` stored events (whole articles), linked, into every target (one pass of the
    generator and the linker for all); returns how many."""
    writers: list[Any] = []
    for backend, location in targets:
        open_store(location).close()  # creates and migrates it
        writers.append(_SQLiteWriter(location) if backend == "sqlite" else _PostgresWriter(location))
    linker = _Linker()
    for chunk in _chunks(generator, events):
        tables = linker.rows(chunk)
        for writer in writers:
            writer.write(tables)
    tables = linker.link()
    for writer in writers:
        writer.write(tables)
        writer.finish()
    return len(linker.features)


# -- timing ------------------------------------------------------------------------------------------------


def _time(backend: str, location: str, new_articles: list[CodedArticle], batch_size: int) -> dict[str, Any]:
    """Ingest the new articles in batches (write_batch, then link_pending), timed."""
    new_events = sum(len(item.events) for item in new_articles)
    write_seconds = link_seconds = 0.0
    with open_store(location) as store:
        for start in range(0, len(new_articles), batch_size):
            batch = new_articles[start : start + batch_size]
            began = time.perf_counter()
            store.write_batch(batch)
            wrote = time.perf_counter()
            link_pending(store)
            linked = time.perf_counter()
            write_seconds += wrote - began
            link_seconds += linked - wrote
        largest = store._fetch_one("SELECT MAX(num_reports) AS n FROM instances", ())["n"]
        spans = store._fetch_one("SELECT COUNT(*) AS n, AVG(num_reports) AS mean FROM instances", ())
    return {
        "backend": backend,
        "new": new_events,
        "write_ms": 1000 * write_seconds / new_events,
        "link_ms": 1000 * link_seconds / new_events,
        "events_per_s": new_events / (write_seconds + link_seconds),
        "instances": spans["n"],
        "mean_reports": float(spans["mean"]),
        "largest": largest,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=10_000, help="stored events before the timed ingest")
    parser.add_argument("--new", type=int, default=2_000, help="events ingested and linked while timed")
    parser.add_argument("--batch", type=int, default=20, help="articles per write_batch + link_pending")
    parser.add_argument(
        "--per-day",
        type=float,
        default=900.0,
        help="stored events per day of publication (the store's span of days grows with --events)",
    )
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--postgres", default=os.environ.get("DETENTE_TEST_POSTGRES"))
    parser.add_argument("--sqlite", help="SQLite file to use (replaced); default: a temporary one")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        targets = []
        for backend in args.backends.split(","):
            if backend == "sqlite":
                path = Path(args.sqlite or Path(folder) / "instances.db")
                path.unlink(missing_ok=True)
                targets.append((backend, f"sqlite:///{path}"))
            elif backend == "postgresql" and args.postgres:
                targets.append((backend, _fresh_schema(args.postgres)))
        generator = Generator(args.seed, max(1, round(args.events / args.per_day)))
        started = time.perf_counter()
        stored = _fill(targets, generator, args.events)
        fill_seconds = time.perf_counter() - started
        print(f"filled {', '.join(name for name, _ in targets)} with {stored} events in {fill_seconds:.0f} s")
        new_articles = list(generator.articles(args.new // EVENTS_PER_ARTICLE))
        results = []
        for backend, location in targets:
            result = {
                **_time(backend, location, new_articles, args.batch),
                "stored": stored,
                "fill_s": fill_seconds,
            }
            results.append(result)
            print(_line(result), flush=True)
    print()
    print(
        f"cells of {CELL_DAYS} days; {args.per_day:.0f} events a day; new events in batches of {args.batch} "
        f"articles; fill s: all backends together"
    )
    print(
        "| backend | stored events | fill s | ingest events/s | write ms/event | link ms/event "
        "| instances | mean / largest reports |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        print(
            f"| {result['backend']} | {result['stored']:,} | {result['fill_s']:.0f} "
            f"| {result['events_per_s']:.0f} "
            f"| {result['write_ms']:.2f} | {result['link_ms']:.2f} | {result['instances']:,} "
            f"| {result['mean_reports']:.2f} / {result['largest']} |"
        )
    return 0


def _line(result: dict[str, Any]) -> str:
    return (
        f"{result['backend']}: {result['stored']} stored (filled in {result['fill_s']:.0f} s); "
        f"{result['new']} new events: {result['events_per_s']:.0f} events/s, "
        f"write {result['write_ms']:.2f} ms/event, link {result['link_ms']:.2f} ms/event"
    )


def _fresh_schema(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        connection.execute(f"CREATE SCHEMA {SCHEMA}")
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-c search_path={SCHEMA}')}"


if __name__ == "__main__":
    raise SystemExit(main())
