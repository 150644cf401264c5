"""Cost of one long article: wall time and peak memory (RSS) of coding it, in a fresh process per size.

    python benchmarks/article_cost.py [--chars 200000 50000 ...] [PATH ...]

Each article is the paragraphs of PATH (default: the bundled ``examples/``) repeated until it has the given
number of characters (cleaned text), then coded by one fresh process that loads the model and codes only
that article. The baseline is the same process coding one short article, so the difference is what the long
article adds. The default sizes end at ``DETENTE_MAX_ARTICLE_CHARS``'s default, the largest article accepted.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_text(paths: list[str], chars: int) -> str:
    """Paragraphs of the articles under ``paths``, cycled until the text has ``chars`` characters."""
    from detente.ingest import read_inputs
    from detente.records import Article

    paragraphs = [
        paragraph
        for item in read_inputs(paths)
        if isinstance(item, Article)
        for paragraph in item.text.split("\n\n")[1:]
    ]
    parts: list[str] = ["A long day of diplomacy"]
    size = len(parts[0])
    index = 0
    while size < chars:
        paragraph = paragraphs[index % len(paragraphs)]
        parts.append(paragraph)
        size += len(paragraph) + 2
        index += 1
    return "\n\n".join(parts)[:chars]


def measure_one(paths: list[str], chars: int) -> dict[str, float]:
    """Code one article of ``chars`` characters in this process; report time and peak RSS."""
    from detente.ingest import make_article
    from detente.pipeline import get_coder

    coder = get_coder()
    coder.code_text("Japan protested to China on Monday.")
    loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    article = make_article(build_text(paths, chars), id="long")
    began = time.perf_counter()
    (coded,) = list(coder.code([article]))
    seconds = time.perf_counter() - began
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    error = coded.error.code if coded.error else None
    return {"chars": len(article.text), "seconds": seconds, "rss_mb": peak, "loaded_mb": loaded,
            "events": len(coded.events), "error": error}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "examples")])
    parser.add_argument("--chars", type=int, nargs="+", default=[50_000, 100_000, 200_000])
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_one(args.paths, args.chars[0])))
        return 0
    print(f"{'chars':>9} {'seconds':>8} {'peak RSS MB':>12} {'model MB':>9} {'events':>7}")
    for chars in args.chars:
        child = subprocess.run(
            [sys.executable, __file__, *args.paths, "--one", "--chars", str(chars)],
            capture_output=True, text=True, check=True,
        )
        row = json.loads(child.stdout.strip().splitlines()[-1])
        note = f"  rejected: {row['error']}" if row["error"] else ""
        print(f"{row['chars']:>9,} {row['seconds']:>8.1f} {row['rss_mb']:>12.0f} {row['loaded_mb']:>9.0f} "
              f"{row['events']:>7}{note}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
