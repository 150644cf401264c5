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
#: A USA-CHN meeting, then (some 400 characters on) a US speaker on something else: the pair page's "what
#: each side said" keeps only quotes next to the pair's events, so these must not show there.
FAR_QUOTE_TEXT = (
    "US and Chinese trade officials meet in Geneva\n\n"
    "US Trade Representative Katherine Tai met Chinese Vice Premier He Lifeng in Geneva on Monday to discuss "
    "tariffs on steel and solar panels.\n\n"
    "The talks lasted four hours. Neither side released a statement afterwards, and a further round has not "
    "been scheduled. Trade between the two economies fell by a tenth last year, according to customs figures "
    "published in January. Steel makers on both sides have lobbied for higher duties since the spring.\n\n"
    "Later in the week, at a farm fair in Iowa, Tai said that American farmers would get better crop "
    'insurance next year. "Our farmers deserve a safety net that works," Tai said.'
)
FAR_QUOTE_PUBLISHED = dt.date(2024, 3, 4)


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
