"""Throughput: detente's articles/s against bare spaCy ``nlp.pipe`` on the same texts, measured in one run.

    python benchmarks/throughput.py [PATH ...] [--articles 400] [--rounds 3]

PATH defaults to the bundled ``examples/``. Texts are repeated (cycled) up to ``--articles`` so that short
folders still give a stable figure. Both sides use the same spaCy model and batch size; each round times
bare spaCy and then detente (cleaned articles in, events out), and the best round of each is reported.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path

import spacy

from detente.ingest import read_inputs
from detente.pipeline import Coder
from detente.records import Article
from detente.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--articles", type=int, default=400, help="articles per timed run (texts are cycled)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=32)
    args = parser.parse_args(argv)

    settings = Settings.from_env(batch_size=args.batch_size)
    originals = [item for item in read_inputs(args.paths) if isinstance(item, Article)]
    if not originals:
        print("no readable articles in", args.paths, file=sys.stderr)
        return 2
    articles = list(itertools.islice(itertools.cycle(originals), args.articles))
    texts = [article.text for article in articles]
    words = sum(len(text.split()) for text in texts)

    bare = spacy.load(settings.spacy_model)
    started = time.perf_counter()
    coder = Coder(settings)  # the pipeline, the dictionaries and (unless DETENTE_CLASSIFIER=off) the model
    startup = time.perf_counter() - started
    _spacy_run(bare, texts[:32], args.batch_size)  # warm up both
    _detente_run(coder, articles[:32])

    spacy_best = detente_best = float("inf")
    events = 0
    for _ in range(args.rounds):
        spacy_best = min(spacy_best, _spacy_run(bare, texts, args.batch_size))
        elapsed, events = _timed_detente(coder, articles)
        detente_best = min(detente_best, elapsed)

    n = len(articles)
    spacy_rate, detente_rate = n / spacy_best, n / detente_best
    print(
        f"model: {settings.spacy_model}  cores: {os.cpu_count()}  articles: {n} "
        f"({len(originals)} distinct, {words / n:.0f} words each on average)  batch size: {args.batch_size}"
    )
    print(f"bare spaCy nlp.pipe: {spacy_rate:8.1f} articles/s  ({spacy_best:.2f} s)")
    print(f"detente coding:      {detente_rate:8.1f} articles/s  ({detente_best:.2f} s, {events} events)")
    print(f"ratio detente / spaCy: {detente_rate / spacy_rate:.2f}")
    print(f"classifier: {settings.classifier}  start-up (Coder: model, tables, classifier): {startup:.2f} s")
    print(f"peak RSS of this process: {_peak_rss_mb():.0f} MB (bare spaCy pipeline loaded too)")
    return 0


def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024


def _spacy_run(nlp, texts: list[str], batch_size: int) -> float:  # noqa: ANN001
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def _detente_run(coder: Coder, articles: list[Article]) -> int:
    return sum(len(coded.events) for coded in coder.code(articles))


def _timed_detente(coder: Coder, articles: list[Article]) -> tuple[float, int]:
    start = time.perf_counter()
    events = _detente_run(coder, articles)
    return time.perf_counter() - start, events


if __name__ == "__main__":
    sys.exit(main())
