"""The ``detente`` commands over :mod:`detente.analysis`: ``eval instances`` and ``alerts``.

Registered on the main group when :mod:`detente.cli` is imported (it imports this module last).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import click

from .cli import _fatal, _fit, _settings, db_option, eval_group, main, model_option
from .errors import ConfigError, DetenteError

__all__ = ["alerts_command", "eval_instances_command", "instance_line"]


def _topics(ctx: click.Context, param: click.Parameter, value: str | None) -> list[int] | None:
    """``1-10`` or ``1,3,5-7`` as a list of topic numbers."""
    if value is None:
        return None
    topics: list[int] = []
    try:
        for part in value.split(","):
            first, _, last = part.strip().partition("-")
            low, high = int(first), int(last or first)
            if high < low:
                raise click.BadParameter(f"the range {part.strip()!r} is empty: write the lower topic first")
            topics.extend(range(low, high + 1))
    except ValueError:
        raise click.BadParameter(f"expected topic numbers such as 1-10 or 1,3,5-7, got {value!r}") from None
    return topics


@eval_group.command("instances")
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
@model_option
@click.option("--topics", default=None, callback=_topics, metavar="N-M", help="Only these ECB+ topics.")
@click.option(
    "--within-topics",
    is_flag=True,
    help="Store and link each topic apart (the baseline is given the topics too); default: all in one store.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def eval_instances_command(
    path: Path, model: str | None, topics: list[int] | None, within_topics: bool, fmt: str
) -> None:
    """Score event-instance linking against ECB+ (its folder): pairwise P/R/F1 and CoNLL F1 on the gold
    event mentions stored events map to, beside the same-lemma baseline."""
    from .evaluate.instances import evaluate_instances

    settings = _settings(model=model)
    try:
        report = evaluate_instances(path, settings=settings, topics=topics, within_topics=within_topics)
    except DetenteError as exc:
        _fatal(exc)
    click.echo(json.dumps(report.to_dict()) if fmt == "json" else report.format())


@main.command("alerts")
@db_option
@click.option("--dyad", default=None, metavar="A-B", help="One pair (default: the 50 most active pairs).")
@click.option("--since", default=None, metavar="YYYY-MM-DD", help="Only periods ending on or after.")
@click.option(
    "--interval",
    type=click.Choice(["day", "week", "month"]),
    default="week",
    show_default=True,
    help="Period length.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def alerts_command(db: str | None, dyad: str | None, since: str | None, interval: str, fmt: str) -> None:
    """Escalation alerts: periods whose share of conflict instances rises well above the pair's trailing
    baseline (binomial z-score against the 8 periods before)."""
    from .analysis.pulse import dyad_alerts
    from .store import open_store
    from .store.query import EventQuery

    try:
        query = EventQuery.build(dyad=dyad, date_from=since)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from None
    settings = _settings(db=db)
    if not Path(settings.db).exists() and "://" not in settings.db:
        _fatal(DetenteError(f"no event store at {settings.db}: run 'detente ingest' first"))
    try:
        with open_store(settings.db) as store:
            found = dyad_alerts(
                store, dyads=[query.dyad] if query.dyad else None, interval=interval, since=query.date_from
            )
    except DetenteError as exc:
        _fatal(exc)
    for alert in found:
        if fmt == "json":
            click.echo(json.dumps(alert, ensure_ascii=False))
        else:
            click.echo(
                f"{alert['period']:<10} {alert['a']}-{alert['b']:<4} conflict {alert['conflict']}/"
                f"{alert['instances']} instances ({alert['conflict_share']:.0%}) vs baseline "
                f"{alert['baseline_share']:.0%}, z {alert['z']}"
            )
    if fmt == "table":
        click.echo(f"{len(found)} alert(s)", err=True)


def instance_line(row: dict, width: int | None = None) -> str:
    """One instance as a table line: day, code, status, pair, counts, the representative's sentence."""
    width = width or shutil.get_terminal_size((100, 24)).columns
    head = row["representative"]
    pair = f"{row['a'] or '-'}-{row['b'] or '-'}"
    text = (
        f"{row['day'] or '':<10} {row['cameo']:<5} {row['status']:<10} {pair:<8} "
        f"{row['num_reports']}r {row['num_articles']}a {row['num_sources']}s  {head['evidence']['sentence']}"
    )
    return _fit(text, width)
