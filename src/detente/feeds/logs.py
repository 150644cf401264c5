"""Structured logs for ``detente watch``: one JSON object per line (time, level, logger, message, fields)."""

from __future__ import annotations

import datetime as dt
import json
import logging

__all__ = ["JsonLineFormatter"]

#: Attributes every LogRecord has; anything else on a record came from ``extra=`` and is written as a field.
_STANDARD = frozenset(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class JsonLineFormatter(logging.Formatter):
    """``{"time", "level", "logger", "message", ...extra fields}`` on one line, always valid UTF-8 JSON."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)
