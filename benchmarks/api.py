"""Store latency for the API's heaviest reads, on SQLite and PostgreSQL, over a million synthetic events.

    python benchmarks/api.py [--events 1000000] [--runs 50] [--postgres URL] [--sqlite PATH]

Fills each store with ``--events`` synthetic events (about 200 countries with a heavy-tailed share of the
news, a few heavy dyads such as USA-CHN, days over three years, every status and QuadClass, one article per
ten events) written straight into the tables in bulk (``executemany`` on SQLite, ``COPY`` on PostgreSQL;
the coder is not involved), then times the store's own query methods, as the API calls them, and prints
p50/p95/p99 latencies per query and backend, with the goal of each:

* a USA-CHN series over one year of daily data (goal: p95 under 200 ms), and over three years by month;
* the filtered events list: dyad + date range + limit 50, and country + CAMEO root + status + limit 50
  (goal: p95 under 100 ms), with the counts the API pages with;
* the series and the top dyads once more counting event instances (each once, from its earliest matching
  report: what the API and the dashboard count by default; the synthetic events are not linked, so each
  is its own instance, which costs the same as linked ones: every matching report is still read and
  ranked within its instance);
* the goal queries once more as HTTP requests to the API app (FastAPI's TestClient, in process: routing,
  validation, the count for the page's total and JSON included, no network); the series as the API
  answers it by default (instances) and with ``count=reports``.

PostgreSQL uses a schema of its own (``detente_bench``, replaced on each run) in the database of
``--postgres`` (default: ``DETENTE_TEST_POSTGRES``); without a URL the PostgreSQL column is skipped.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

from detente.store import EventQuery, EventStore, open_store
from detente.store.sql import ARTICLE_COLUMNS, EVENT_COLUMNS

SCHEMA = "detente_bench"
FIRST_DAY = dt.date(2022, 1, 1)
DAYS = 3 * 365
EVENTS_PER_ARTICLE = 10
CHUNK = 50_000

#: The most reported countries first; the rest of ~200 are made up (weights fall off as 1/rank).
MAJOR = (  # noqa: SIM905 (a list of codes reads best as one string)
    "USA CHN RUS UKR ISR PSE IRN GBR FRA DEU IND PAK TUR SYR IRQ JPN KOR PRK SAU EGY AFG BRA MEX CAN AUS "
    "ITA ESP POL VEN NGA ZAF ETH KEN SDN YEM LBN QAT ARE TWN VNM"
).split()
HEAVY_DYADS = (("USA", "CHN", 6), ("RUS", "UKR", 5), ("ISR", "PSE", 4), ("USA", "RUS", 3), ("USA", "IRN", 2))
SECTORS = ("GOV", "MIL", "", "BUS", "OPP", "COP", "JUD", "MED")
#: (CAMEO code, Goldstein, QuadClass, PLOVER)
CODES = (
    ("010", 0.0, 1, "AGREE"),
    ("020", 3.0, 1, "REQUEST"),
    ("036", 4.0, 1, "CONSULT"),
    ("040", 1.0, 1, "CONSULT"),
    ("042", 1.9, 1, "CONSULT"),
    ("043", 2.8, 1, "CONSULT"),
    ("051", 3.4, 1, "SUPPORT"),
    ("057", 8.0, 1, "COOPERATE"),
    ("061", 6.4, 2, "COOPERATE"),
    ("071", 7.4, 2, "AID"),
    ("081", 5.0, 2, "CONCEDE"),
    ("090", -2.0, 3, "INVESTIGATE"),
    ("111", -2.0, 3, "ACCUSE"),
    ("112", -2.0, 3, "ACCUSE"),
    ("120", -4.0, 3, "REJECT"),
    ("130", -4.4, 3, "THREATEN"),
    ("141", -6.5, 4, "PROTEST"),
    ("163", -8.0, 4, "SANCTION"),
    ("173", -5.0, 4, "COERCE"),
    ("190", -10.0, 4, "FIGHT"),
    ("193", -10.0, 4, "FIGHT"),
)
STATUSES = (
    ("occurred", 70),
    ("planned", 12),
    ("cancelled", 4),
    ("denied", 4),
    ("hypothetical", 6),
    ("negated", 4),
)
SENTENCE = "Officials of {0} and {1} met in the capital on Tuesday, the ministry said in a statement."


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--events", type=int, default=1_000_000, help="synthetic events per store")
    parser.add_argument("--runs", type=int, default=50, help="timed runs per query (after 3 warm-up runs)")
    parser.add_argument("--postgres", default=os.environ.get("DETENTE_TEST_POSTGRES"), help="PostgreSQL URL")
    parser.add_argument("--sqlite", default=None, help="SQLite file to fill (default: a temporary file)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the stores a previous run filled (--sqlite PATH and the schema)",
    )
    args = parser.parse_args(argv)
    if args.reuse and not args.sqlite:
        parser.error("--reuse needs --sqlite PATH (a temporary file is gone after its run)")

    results: dict[str, dict[str, list[float]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        sqlite_path = Path(args.sqlite) if args.sqlite else Path(folder) / "bench.db"
        if not args.reuse:
            sqlite_path.unlink(missing_ok=True)
        results["sqlite"] = _bench("sqlite", str(sqlite_path), args)
        if args.postgres:
            url = _schema_url(args.postgres) if args.reuse else _fresh_schema(args.postgres)
            results["postgresql"] = _bench("postgresql", url, args)
        else:
            print("postgresql: skipped (no --postgres URL and DETENTE_TEST_POSTGRES is not set)")
    _report(results, args)
    return 0


# -- filling -----------------------------------------------------------------------------------------------


def _countries(rng: random.Random) -> tuple[list[str], list[float]]:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    names = list(MAJOR)
    while len(names) < 200:
        name = "".join(rng.choice(letters) for _ in range(3))
        if name not in names:
            names.append(name)
    return names, [1.0 / (rank + 3) for rank in range(len(names))]


def _articles(start: int, count: int, rng: random.Random) -> list[tuple[Any, ...]]:
    rows = []
    for number in range(start, start + count):
        published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
        values = {
            "id": f"a{number:07d}",
            "title": f"Synthetic article {number}",
            "text": "Synthetic text.",
            "published": published.isoformat(),
            "url": None,
            "source": "bench",
            "language": "en",
            "fingerprint": f"f{number}",
            "added_at": "2025-01-01T00:00:00+00:00",
        }
        rows.append(tuple(values[column] for column in ARTICLE_COLUMNS))
    return rows


def _events(
    start: int, count: int, rng: random.Random, articles: list[tuple[Any, ...]]
) -> list[tuple[Any, ...]]:
    """``count`` event rows; events ``start + i`` belong to article ``(start + i) // EVENTS_PER_ARTICLE``."""
    names, weights = _countries(random.Random(0))
    heavy = [pair for pair in HEAVY_DYADS for _ in range(pair[2])]
    pairs = rng.choices(names, weights=weights, k=2 * count)
    codes = rng.choices(CODES, k=count)
    statuses = rng.choices(
        [name for name, _ in STATUSES], weights=[weight for _, weight in STATUSES], k=count
    )
    first_article = start // EVENTS_PER_ARTICLE
    rows = []
    for index in range(count):
        number = start + index
        source, target = pairs[2 * index], pairs[2 * index + 1]
        if rng.random() < 0.2:
            source, target, _ = rng.choice(heavy)
            if rng.random() < 0.5:
                source, target = target, source
        if rng.random() < 0.1:
            target = None
        published = articles[number // EVENTS_PER_ARTICLE - first_article][3]
        rows.append(_event_row(number, source, target, codes[index], statuses[index], published, rng))
    return rows


def _event_row(
    number: int,
    source: str,
    target: str | None,
    code: tuple[str, float, int, str],
    status: str,
    published: str,
    rng: random.Random,
) -> tuple[Any, ...]:
    cameo, goldstein, quad, plover = code
    day, date = published, None
    if rng.random() < 0.3:  # dated a few days before publication
        day = date = (dt.date.fromisoformat(published) - dt.timedelta(days=rng.randrange(1, 10))).isoformat()
    placed = rng.random() < 0.2
    values: dict[str, Any] = {
        "id": f"e{number:08d}",
        "article_id": f"a{number // EVENTS_PER_ARTICLE:07d}",
        "reciprocal": 0,
        "cameo": cameo,
        "cameo_root": cameo[:2],
        "cameo_label": f"label {cameo}",
        "goldstein": goldstein,
        "quad_class": quad,
        "plover": plover,
        "plover_mode": None,
        "status": status,
        "date": date,
        "date_text": "on Tuesday" if date else None,
        "date_precision": "day" if date else None,
        "date_source": "sentence" if date else None,
        "location": '{"name": "Capital"}' if placed else None,
        "mention_count": 1,
        "evidence_sentence": SENTENCE.format(source, target or "others"),
        "evidence_start": 0,
        "evidence_end": 90,
        "evidence_trigger": "met",
        "evidence_trigger_start": 33,
        "evidence_trigger_end": 36,
        "evidence_rule": "bench",
        "day": day,
        "location_name": "Capital" if placed else None,
        "location_country": source if placed else None,
        "location_lat": rng.uniform(-60, 70) if placed else None,
        "location_lon": rng.uniform(-180, 180) if placed else None,
        "confidence": round(rng.uniform(0.3, 1.0), 3),
        "source_country_source": None,
        "target_country_source": None,
        "link_names": None,  # what linking reads of the article: these rows are not linked
        "article_day": None,
    }
    values.update(_actor("source", source, rng))
    values.update(_actor("target", target, rng))
    return tuple(values[column] for column in EVENT_COLUMNS)


def _actor(side: str, country: str | None, rng: random.Random) -> dict[str, Any]:
    if country is None:
        return {
            f"{side}_{key}": None for key in ("text", "name", "code", "country", "sector", "start", "end")
        }
    sector = rng.choice(SECTORS)
    return {
        f"{side}_text": country.title(),
        f"{side}_name": f"{country} {sector}".strip(),
        f"{side}_code": country + sector,
        f"{side}_country": country,
        f"{side}_sector": sector or None,
        f"{side}_start": 0,
        f"{side}_end": 10,
    }


def _chunks(total: int, seed: int) -> Iterator[tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]]:
    """(articles, events) in chunks of whole articles."""
    rng = random.Random(seed)
    for start in range(0, total, CHUNK):
        count = min(CHUNK, total - start)
        first = start // EVENTS_PER_ARTICLE
        last = (start + count - 1) // EVENTS_PER_ARTICLE
        articles = _articles(first, last - first + 1, rng)
        yield articles, _events(start, count, rng, articles)


def _fill_sqlite(path: str, args: argparse.Namespace) -> None:
    import sqlite3

    open_store(path).close()  # creates and migrates it
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA synchronous=OFF")
        connection.execute("BEGIN")
        for articles, events in _chunks(args.events, args.seed):
            connection.executemany(_insert("articles", ARTICLE_COLUMNS, "?"), articles)
            connection.executemany(_insert("events", EVENT_COLUMNS, "?"), events)
        connection.execute("COMMIT")
        connection.execute("ANALYZE")
    finally:
        connection.close()


def _fill_postgresql(url: str, args: argparse.Namespace) -> None:
    import psycopg

    open_store(url).close()
    with psycopg.connect(url, autocommit=True) as connection:
        with connection.transaction(), connection.cursor() as cursor:
            for articles, events in _chunks(args.events, args.seed):
                for table, columns, rows in (
                    ("articles", ARTICLE_COLUMNS, articles),
                    ("events", EVENT_COLUMNS, events),
                ):
                    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
        connection.execute("VACUUM ANALYZE articles")
        connection.execute("VACUUM ANALYZE events")


def _insert(table: str, columns: tuple[str, ...], mark: str) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(mark for _ in columns)})"


def _fresh_schema(url: str) -> str:
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        connection.execute(f"CREATE SCHEMA {SCHEMA}")
    return _schema_url(url)


def _schema_url(url: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-c search_path={SCHEMA}')}"


# -- timing ------------------------------------------------------------------------------------------------


def _queries() -> list[tuple[str, float, Callable[[EventStore, int], object]]]:
    """(label, goal in ms or 0, call); ``run`` shifts the windows so that runs do not repeat one query."""

    def year_of_days(store: EventStore, run: int) -> object:
        first = FIRST_DAY + dt.timedelta(days=run % 365)
        last = first + dt.timedelta(days=364)
        query = EventQuery.build(dyad="USA-CHN", date_from=first, date_to=last)
        return store.series(interval="day", query=query)

    def months(store: EventStore, run: int) -> object:
        return store.series(
            interval="month", query=EventQuery.build(dyad="CHN-USA" if run % 2 else "USA-CHN")
        )

    def dyad_page(store: EventStore, run: int) -> object:
        return store.query_events(_dyad_range(run))

    def dyad_count(store: EventStore, run: int) -> object:
        return store.count_events(_dyad_range(run))

    def country_page(store: EventStore, run: int) -> object:
        return store.query_events(_country_root(run))

    def country_count(store: EventStore, run: int) -> object:
        return store.count_events(_country_root(run))

    def latest(store: EventStore, run: int) -> object:
        return store.query_events(EventQuery.build(descending=True, limit=50, offset=50 * (run % 3)))

    def top_dyads(store: EventStore, run: int) -> object:
        return store.top_dyads(limit=20, date_from=(FIRST_DAY + dt.timedelta(days=run % 30)).isoformat())

    def year_of_instances(store: EventStore, run: int) -> object:
        first = FIRST_DAY + dt.timedelta(days=run % 365)
        last = first + dt.timedelta(days=364)
        query = EventQuery.build(dyad="USA-CHN", date_from=first, date_to=last, instances=True)
        return store.series(interval="day", query=query)

    def top_instance_dyads(store: EventStore, run: int) -> object:
        since = (FIRST_DAY + dt.timedelta(days=run % 30)).isoformat()
        return store.top_dyads(limit=20, date_from=since, instances=True)

    return [
        ("series USA-CHN, 1 year by day", 200.0, year_of_days),
        ("  the series, counting instances", 200.0, year_of_instances),
        ("series USA-CHN, 3 years by month", 200.0, months),
        ("events dyad + 90 days, limit 50", 100.0, dyad_page),
        ("  count: dyad + 90 days", 100.0, dyad_count),
        ("events country + root + status", 100.0, country_page),
        ("  count: country + root + status", 100.0, country_count),
        ("latest events, limit 50 (no goal)", 0.0, latest),
        ("top 20 dyads, 3 years (no goal)", 0.0, top_dyads),
        ("  top dyads, counting instances", 0.0, top_instance_dyads),
    ]


def _http_queries() -> list[tuple[str, float, Callable[[int], str]]]:
    """The goal queries again, as HTTP requests to the API (routing, validation, JSON included)."""

    def year_of_days(run: int) -> str:
        first = FIRST_DAY + dt.timedelta(days=run % 365)
        last = first + dt.timedelta(days=364)
        return f"/api/dyads/USA/CHN/series?interval=day&date_from={first}&date_to={last}"

    def dyad_page(run: int) -> str:
        query = _dyad_range(run)
        return f"/api/events?dyad=USA-CHN&date_from={query.date_from}&date_to={query.date_to}&limit=50"

    def country_page(run: int) -> str:
        query = _country_root(run)
        country, code = ",".join(query.country), ",".join(query.code)
        return f"/api/events?country={country}&code={code}&status=occurred&limit=50"

    def year_of_reports(run: int) -> str:
        return year_of_days(run) + "&count=reports"

    return [
        ("API GET series USA-CHN, year by day", 200.0, year_of_days),
        ("  the same, count=reports", 200.0, year_of_reports),
        ("API GET events dyad + 90 days", 100.0, dyad_page),
        ("API GET events country+root+status", 100.0, country_page),
    ]


def _time_http(location: str, runs: int) -> dict[str, list[float]]:
    """Latency of the API's own answers, in process (FastAPI's TestClient: no network in the figures)."""
    from detente.api import create_app

    with warnings.catch_warnings():  # Starlette deprecates the TestClient's httpx backend
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    timings: dict[str, list[float]] = {}
    with TestClient(create_app(store=lambda: open_store(location))) as client:
        for label, _, path in _http_queries():
            for run in range(3):
                client.get(path(run)).raise_for_status()
            samples = []
            for run in range(runs):
                began = time.perf_counter()
                client.get(path(run)).raise_for_status()
                samples.append((time.perf_counter() - began) * 1000)
            timings[label] = samples
    return timings


def _dyad_range(run: int) -> EventQuery:
    first = FIRST_DAY + dt.timedelta(days=(run * 17) % (DAYS - 90))
    return EventQuery.build(dyad="USA-CHN", date_from=first, date_to=first + dt.timedelta(days=89), limit=50)


def _country_root(run: int) -> EventQuery:
    countries = ("USA", "RUS", "CHN", "IRN", "FRA")
    roots = ("04", "19", "11", "05")
    return EventQuery.build(
        country=countries[run % len(countries)], code=roots[run % len(roots)], status="occurred", limit=50
    )


def _bench(backend: str, location: str, args: argparse.Namespace) -> dict[str, list[float]]:
    start = time.perf_counter()
    if not args.reuse:
        (_fill_postgresql if backend == "postgresql" else _fill_sqlite)(location, args)
    fill = time.perf_counter() - start
    timings: dict[str, list[float]] = {}
    with open_store(location) as store:
        total = store.count_events()
        for label, _, call in _queries():
            for run in range(3):
                call(store, run)
            samples = []
            for run in range(args.runs):
                began = time.perf_counter()
                call(store, run)
                samples.append((time.perf_counter() - began) * 1000)
            timings[label] = samples
    timings.update(_time_http(location, args.runs))
    if args.reuse:
        print(f"{backend}: {total:,} events (filled by an earlier run)")
    else:
        print(f"{backend}: {total:,} events filled in {fill:.0f} s ({total / fill:,.0f} events/s)")
    return timings


def _percentile(samples: list[float], share: float) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[int(share) - 1]


def _report(results: dict[str, dict[str, list[float]]], args: argparse.Namespace) -> None:
    backends = list(results)
    head = f"{'query':36} {'goal':>7}" + "".join(f" | {name:^28}" for name in backends)
    if len(backends) == 2:
        head += " | pg/sqlite p95"
    print(f"\n{args.events:,} events, {args.runs} runs per query; latency in ms (p50 / p95 / p99)")
    print(head)
    print("-" * len(head))
    for label, goal, _ in [*_queries(), *_http_queries()]:
        line = f"{label:36} {('<' + format(goal, '.0f')) if goal else '':>7}"
        p95s = []
        for name in backends:
            samples = results[name][label]
            p50, p95, p99 = (_percentile(samples, share) for share in (50, 95, 99))
            p95s.append(p95)
            mark = "" if not goal else "ok" if p95 < goal else "MISS"
            line += f" | {p50:7.1f} {p95:7.1f} {p99:7.1f}  {mark:4}"
        if len(backends) == 2:
            line += f" | {p95s[1] / p95s[0]:13.2f}"
        print(line)


if __name__ == "__main__":
    sys.exit(main())
