"""JSON text to Python values with a nesting cap and complete error messages.

``json.loads`` recurses once per nesting level: a 2 KB line of a thousand ``[`` raises ``RecursionError``,
which is no ``ValueError`` and would end a whole batch. :func:`load_json` measures the nesting first (one
regular-expression pass that skips string contents) and refuses anything deeper than :data:`MAX_JSON_DEPTH`
with a ``bad_json`` :class:`~detente.errors.InputError`; a malformed document gets the same code with the
decoder's reason and its line, column and character position.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..errors import InputError

__all__ = ["MAX_JSON_DEPTH", "json_depth_error", "load_json"]

#: Deepest nesting of arrays and objects accepted. An article record is one level; metadata a few more.
MAX_JSON_DEPTH = 64

# A whole string (its escapes included) or one bracket: strings are matched so their brackets are skipped.
_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)


def load_json(text: str | bytes, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """The value of one JSON document; ``bad_json`` when it is malformed or nested too deeply.

    Bytes must be UTF-8 (a decoding error is an ``encoding`` rejection).
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError("encoding", f"invalid UTF-8 at byte {exc.start}") from None
    too_deep = json_depth_error(text, max_depth=max_depth)
    if too_deep is not None:
        raise InputError("bad_json", too_deep)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        reason = describe_decode_error(exc)
        raise InputError("bad_json", f"not valid JSON (truncated or malformed): {reason}") from None
    except RecursionError:  # a limit below ours (a small recursion limit): still one clear rejection
        raise InputError("bad_json", "not valid JSON: nested too deeply to read") from None


def json_depth_error(text: str, *, max_depth: int = MAX_JSON_DEPTH) -> str | None:
    """Why ``text`` is nested deeper than ``max_depth`` (with the position), or None when it is not."""
    depth = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > max_depth:
                return (
                    f"nested deeper than {max_depth} levels of arrays and objects "
                    f"({_where(text, match.start())})"
                )
        elif token in "]}":
            depth -= 1
    return None


def describe_decode_error(exc: json.JSONDecodeError) -> str:
    """The decoder's reason with its full position (``str(exc)`` is cut by callers that keep ``exc.msg``)."""
    reason = exc.msg.removesuffix(" at")
    return f"{reason} at line {exc.lineno} column {exc.colno} (character {exc.pos})"


def _where(text: str, position: int) -> str:
    line = text.count("\n", 0, position) + 1
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return f"line {line} column {column} (character {position})"
