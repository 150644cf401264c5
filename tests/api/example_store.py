"""A store holding the example articles and the seed article, coded with the real coder (shared by the API
and browser tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.ingest import read_inputs
from detente.pipeline import get_coder
from detente.store import open_store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SEED = REPO / ".." / "shared" / "corpus" / "000_6f473dc2bc7afc00.txt"
#: Publication date for the example files that carry none (and the seed's).
PUBLISHED = dt.date(2023, 6, 14)
SEED_TITLE = "Blinken will travel to China"

#: An English article with markup and SQL metacharacters: it must be stored verbatim and never run.
HOSTILE_TEXT = (
    "Russia warns Ukraine <script>alert(1)</script>\n\n"
    "The Russian Foreign Minister said on Monday that Russia would respond to any attack by Ukraine. "
    '"Robert\'); DROP TABLE events;--" <img src=x onerror=alert(2)> was written on a sign in Moscow.'
)


def build_example_store(path: Path, *, extra_texts: tuple[str, ...] = ()) -> Path:
    """Code the examples, the seed (when ../shared is present) and ``extra_texts`` into an SQLite file."""
    paths = [str(EXAMPLES)] + ([str(SEED)] if SEED.exists() else [])
    items = list(read_inputs(paths, published=PUBLISHED))
    coder = get_coder()
    with open_store(path) as store:
        summary = store.write_batch(coder.code(items))
        for text in extra_texts:
            store.write_batch([coder.code_text(text, published=PUBLISHED)])
    assert not summary.failed and not summary.rejected, summary
    return path
