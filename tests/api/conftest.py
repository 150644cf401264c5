"""Fixtures for the API tests: one example store per module, a read-only and a writable app over it."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from detente.api import create_app
from detente.settings import Settings

from ..store.pg_schemas import fresh_schema
from .example_store import build_example_store

with warnings.catch_warnings():  # Starlette deprecates its TestClient's httpx backend; nothing else is wrong
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "t0ken-for-tests-only"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def example_db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example store on each backend (PostgreSQL: a fresh schema on the test server)."""
    if request.param == "sqlite":
        yield str(build_example_store(tmp_path_factory.mktemp("api") / "examples.db"))
        return
    with fresh_schema() as url:
        build_example_store(url)
        yield url


@pytest.fixture(scope="module")
def client(example_db: str) -> Iterator[TestClient]:
    """The read-only API over the example store."""
    with TestClient(create_app(Settings(db=example_db))) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def writer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """An API with a write token over a store of its own (so writes do not change the read tests' store)."""
    path = tmp_path_factory.mktemp("api-write") / "write.db"
    settings = Settings(db=str(path), api_token=TOKEN, api_max_body_bytes=200_000, api_max_batch=5)
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def assert_error(response, status: int, code: str | None = None) -> dict:  # noqa: ANN001
    """The response is the common error shape with this status (and code)."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert set(error) == {"status", "code", "message", "detail"}
    assert error["status"] == status
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["detail"], list)
    if code is not None:
        assert error["code"] == code, error
    return error
