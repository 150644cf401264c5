"""What the browser tests share: serving a store on a loopback port, reading the test server's API and
opening a page until it has settled."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import uvicorn

from detente.api import create_app
from detente.settings import Settings


def api_json(server: str, path: str) -> dict:
    """The JSON the test server's API answers for ``path``."""
    with urllib.request.urlopen(server + path, timeout=10) as response:  # noqa: S310 - loopback test server
        return json.loads(response.read())


def open_page(page, server: str, path: str, ready: str) -> None:  # noqa: ANN001
    """Go to ``path``, wait for the ``ready`` selector and for the page's requests to finish."""
    page.goto(server + path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def serve_store(db: str, *, name: str = "uvicorn-test") -> Iterator[str]:
    """The app over the store at ``db`` under uvicorn in a thread; yields its base URL."""
    port = free_port()
    config = uvicorn.Config(
        create_app(Settings(db=str(db))), host="127.0.0.1", port=port, log_level="warning", lifespan="on"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=name, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
