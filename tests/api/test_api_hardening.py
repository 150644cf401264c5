"""Serving hardening: a Host-header allow-list (loopback by default under ``detente serve``), refusal of short
write tokens, tokens in query strings kept out of the logs, and the warning when serving beyond loopback."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from detente.api import create_app
from detente.cli import main
from detente.errors import ConfigError
from detente.settings import Settings
from detente.store import open_store

from .conftest import TestClient, assert_error

SCRIPT = Path(sys.executable).with_name("detente")
LOOPBACK = ("localhost", "127.0.0.1", "::1")


@pytest.fixture
def db(tmp_path: Path) -> str:
    location = str(tmp_path / "events.db")
    open_store(location).close()
    return location


@pytest.mark.parametrize(
    ("host", "allowed"),
    [
        ("127.0.0.1:8000", True),
        ("localhost", True),
        ("LOCALHOST.:8000", True),
        ("[::1]:8000", True),
        ("news.example.org", True),
        ("a.b.example.org:443", True),
        ("example.org", False),
        ("evil.example", False),
        ("127.0.0.1.evil.example", False),
        ("localhost:8000@evil.example", False),
    ],
)
def test_the_host_header_is_checked_against_the_allow_list(db, host, allowed):
    settings = Settings(db=db, api_allowed_hosts=(*LOOPBACK, "*.example.org"))
    with TestClient(create_app(settings), base_url="http://127.0.0.1:8000") as client:
        response = client.get("/api/health", headers={"Host": host})
    if allowed:
        assert response.status_code == 200, response.text
        return
    error = assert_error(response, 400, "bad_host")
    assert "DETENTE_API_ALLOWED_HOSTS" in error["message"]
    assert response.headers["x-frame-options"] == "DENY"


def test_allowed_hosts_come_from_the_environment():
    settings = Settings.from_env({"DETENTE_API_ALLOWED_HOSTS": "events.example.org, localhost"})
    assert settings.api_allowed_hosts == ("events.example.org", "localhost")


@pytest.mark.parametrize("token", ["12345", "x" * 15])
def test_a_short_token_is_refused(db, tmp_path, token):
    with pytest.raises(ConfigError, match="at least 16"):
        create_app(Settings(db=db, api_token=token))
    token_file = tmp_path / "token"
    token_file.write_text(token + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", db, "--token-file", str(token_file)])
    assert result.exit_code == 2
    assert "at least 16" in result.output
    assert token not in result.output


def test_serving_beyond_loopback_warns_about_tls_and_keeps_the_host_check(db, monkeypatch):
    served = {}

    def fake_run(app, **options):  # noqa: ANN001, ANN003
        served.update(app=app, **options)

    monkeypatch.setattr("uvicorn.run", fake_run)
    result = CliRunner().invoke(main, ["serve", "--db", db, "--host", "0.0.0.0"])
    assert result.exit_code == 0, result.output
    warning = result.stderr
    assert "0.0.0.0" in warning and "TLS" in warning and "reverse proxy" in warning
    assert served["app"].state.settings.api_allowed_hosts == LOOPBACK
    result = CliRunner().invoke(
        main, ["serve", "--db", db, "--host", "10.1.2.3", "--allowed-host", "events.example.org"]
    )
    assert served["app"].state.settings.api_allowed_hosts == ("events.example.org",)
    CliRunner().invoke(main, ["serve", "--db", db, "--host", "10.1.2.3"])
    assert served["app"].state.settings.api_allowed_hosts == (*LOOPBACK, "10.1.2.3")


def test_the_log_filter_redacts_secret_query_parameters():
    from detente.api.middleware import RedactSecrets

    record = logging.LogRecord(
        "uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", "/api/events?token=s3cr3t-value&limit=5&api_key=k3y", "1.1", 401), None,
    )
    assert RedactSecrets().filter(record)
    line = record.getMessage()
    assert "s3cr3t-value" not in line and "k3y" not in line
    assert "limit=5" in line and "token=***" in line


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.slow
def test_a_real_server_checks_the_host_and_never_logs_a_token(db, tmp_path):
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(SCRIPT), "serve", "--db", db, "--port", str(port)],
            stdout=output, stderr=subprocess.STDOUT, env={**os.environ, "NO_COLOR": "1"},
        )
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(300):
                try:
                    httpx.get(f"{base}/api/health", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            assert httpx.get(f"{base}/api/health").status_code == 200
            rebound = httpx.get(f"{base}/api/health", headers={"Host": "attacker.example"})
            assert rebound.status_code == 400 and rebound.json()["error"]["code"] == "bad_host"
            secret = "query-token-0123456789abcdef"
            httpx.get(f"{base}/api/events", params={"token": secret, "limit": 2})
            httpx.post(f"{base}/api/articles?access_token={secret}", json={"text": "x"})
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "/api/events?" in text, text  # the access log is there
    assert secret not in text
