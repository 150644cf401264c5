"""Fixtures for the browser tests: a real uvicorn server on a free loopback port over a store of the
examples, and a headless system Chromium driven by Playwright (no browser download).

Without ``DETENTE_TEST_CHROMIUM`` the tests are skipped locally and fail under CI (``CI`` set).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from ..api.example_store import (
    CALL_PUBLISHED,
    CALL_TEXT,
    FAR_QUOTE_PUBLISHED,
    FAR_QUOTE_TEXT,
    HOSTILE_TEXT,
    PUBLISHED,
    build_example_store,
)
from .helpers import serve_store

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = os.environ.get("DETENTE_TEST_CHROMIUM")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("DETENTE_TEST_CHROMIUM is not set under CI: the browser tests must run there")
        pytest.skip("DETENTE_TEST_CHROMIUM is not set (point it at a Chromium binary to run browser tests)")
    if not Path(path).exists():
        pytest.fail(f"DETENTE_TEST_CHROMIUM={path} does not exist")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, chromium_path: str) -> Iterator[str]:
    """The app under uvicorn in a thread; yields its base URL."""
    db = tmp_path_factory.mktemp("browser") / "examples.db"
    extra = ((HOSTILE_TEXT, PUBLISHED), (CALL_TEXT, CALL_PUBLISHED), (FAR_QUOTE_TEXT, FAR_QUOTE_PUBLISHED))
    build_example_store(db, extra=extra)
    with serve_store(str(db)) as url:
        yield url


@dataclass
class Problems:
    """What the browser complained about: console errors, page errors, failed requests, 4xx/5xx, dialogs."""

    items: list[str] = field(default_factory=list)

    def take(self) -> list[str]:
        found, self.items = self.items, []
        return found


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def page_and_problems(browser, server) -> Iterator[tuple[object, Problems]]:  # noqa: ANN001
    """One page (laptop-sized viewport) whose every console error, failed request and dialog is recorded."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = Problems()
    page.on(
        "console",
        lambda msg: msg.type in ("error", "warning") and problems.items.append(f"console: {msg.text}"),
    )
    page.on("pageerror", lambda exc: problems.items.append(f"page error: {exc}"))
    # a request the browser aborts because the page navigated away (or the page's own AbortController) is no
    # failure of the app: only a request that failed on the way counts
    page.on(
        "requestfailed",
        lambda request: (request.failure or "") != "net::ERR_ABORTED"
        and problems.items.append(f"failed: {request.url} ({request.failure})"),
    )
    page.on("response", lambda r: r.status >= 400 and problems.items.append(f"HTTP {r.status}: {r.url}"))

    def on_dialog(dialog) -> None:  # noqa: ANN001
        problems.items.append(f"dialog: {dialog.type} {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield page, problems
    context.close()
