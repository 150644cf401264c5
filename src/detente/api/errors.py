"""One JSON error shape for every failure the API reports.

::

    {"error": {"status": 404, "code": "not_found", "message": "no event 'x'", "detail": []}}

``code`` is one of :data:`ERROR_CODES`. FastAPI's own validation errors (422), Starlette's unknown routes
(404) and wrong methods (405), detente's :class:`~detente.errors.ConfigError` (422) and
:class:`~detente.errors.StoreError` (503) all leave through here, so a client parses one shape.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import ConfigError, ModelError, StoreError
from ..web import is_page_path, not_found_page

__all__ = ["ERROR_CODES", "ApiError", "error_response", "install_error_handlers"]

logger = logging.getLogger("detente.api")

#: Error codes by HTTP status; a status missing here is reported as ``error``.
ERROR_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    415: "unsupported_media_type",
    422: "invalid",
    500: "internal",
    503: "unavailable",
}


class ApiError(Exception):
    """An error the API answers with ``status`` in the common shape (``code`` defaults from the status)."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        detail: Sequence[Any] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code or ERROR_CODES.get(status, "error")
        self.message = message
        self.detail = list(detail)
        self.headers = headers


def error_response(
    status: int,
    message: str,
    *,
    code: str | None = None,
    detail: Sequence[Any] = (),
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The common error shape as a response."""
    body = {
        "error": {
            "status": status,
            "code": code or ERROR_CODES.get(status, "error"),
            "message": message,
            "detail": list(detail),
        }
    }
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Route every exception the app can raise to the common shape."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(ConfigError, _config_error)
    app.add_exception_handler(StoreError, _unavailable)
    app.add_exception_handler(ModelError, _unavailable)
    app.add_exception_handler(Exception, _internal_error)


async def _api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, code=exc.code, detail=exc.detail, headers=exc.headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 404 and is_page_path(request.url.path) and request.method in ("GET", "HEAD"):
        return not_found_page()  # a person followed a link: an HTML page, not JSON
    if exc.status_code == 404:
        message = f"nothing at {request.url.path}"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail = [_validation_item(item) for item in exc.errors()]
    names = ", ".join(item["field"] for item in detail if item["field"]) or "the request"
    return error_response(422, f"invalid value for {names}", detail=detail)


def _validation_item(item: dict[str, Any]) -> dict[str, Any]:
    """A pydantic error without the echoed input or non-JSON context."""
    location = [str(part) for part in item.get("loc", ())]
    return {
        "field": ".".join(location[1:]) if len(location) > 1 else "",
        "location": location,
        "message": str(item.get("msg", "")),
        "type": str(item.get("type", "")),
    }


async def _config_error(request: Request, exc: Exception) -> JSONResponse:
    return error_response(422, str(exc))


async def _unavailable(request: Request, exc: Exception) -> JSONResponse:
    logger.warning("store or model unavailable: %s", exc)
    return error_response(503, f"the service is unavailable: {exc}")


async def _internal_error(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal error: the server could not answer this request")
