"""A store holding the example articles and the seed article, coded with the real coder (shared by the API
and browser tests)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TypeVar

from detente.ingest import read_inputs
from detente.pipeline import get_coder
from detente.store import open_store

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"
SEED = REPO / ".." / "shared" / "corpus" / "000_6f473dc2bc7afc00.txt"
#: Publication date for the example files that carry none (and the seed's).
PUBLISHED = dt.date(2023, 6, 14)
SEED_TITLE = "Blinken will travel to China"
T = TypeVar("T", str, Path)

#: An English article with markup and SQL metacharacters (in its title and its event's evidence sentence):
#: it must be stored verbatim, shown as text and never run.
HOSTILE_TEXT = (
    "Russia warns Ukraine <script>alert(1)</script>\n\n"
    "The Russian Foreign Minister <img src=x onerror=alert(2)> accused Ukraine of shelling the nuclear plant "
    'on Monday. "Robert\'); DROP TABLE events;--" was written on a sign in Moscow.'
)
#: A USA-CHN event in another month than the seed's (published 2024-01-10), so a chart has two periods.
CALL_TEXT = (
    "US and China leaders talk by phone\n\n"
    "US President Joe Biden spoke with Chinese President Xi Jinping by telephone on Tuesday, and the two "
    "leaders agreed to keep talking about trade."
)
CALL_PUBLISHED = dt.date(2024, 1, 10)


def build_example_store(location: T, *, extra: tuple[tuple[str, dt.date], ...] = ()) -> T:
    """Code the examples, the seed (when ../shared is present) and ``extra`` (text, publication date) pairs
    into the store at ``location`` (an SQLite path or a store URL)."""
    paths = [str(EXAMPLES)] + ([str(SEED)] if SEED.exists() else [])
    items = list(read_inputs(paths, published=PUBLISHED))
    coder = get_coder()
    with open_store(location) as store:
        summary = store.write_batch(coder.code(items))
        for text, published in extra:
            written = store.write_batch([coder.code_text(text, published=published)])
            assert written.articles_written == 1, written
    assert not summary.failed and not summary.rejected, summary
    return location
