"""What the browser tests share: reading the test server's API and opening a page until it has settled."""

from __future__ import annotations

import json
import urllib.request


def api_json(server: str, path: str) -> dict:
    """The JSON the test server's API answers for ``path``."""
    with urllib.request.urlopen(server + path, timeout=10) as response:  # noqa: S310 - loopback test server
        return json.loads(response.read())


def open_page(page, server: str, path: str, ready: str) -> None:  # noqa: ANN001
    """Go to ``path``, wait for the ``ready`` selector and for the page's requests to finish."""
    page.goto(server + path)
    page.wait_for_selector(ready)
    page.wait_for_load_state("networkidle")
