"""The sources file of ``detente watch``: RSS/Atom feeds, news sitemaps and folders, each with its interval.

TOML (or YAML, with PyYAML installed), a list of tables named ``source``::

    [[source]]
    feed = "https://news.example.org/world/rss.xml"    # or: sitemap = "https://…/news-sitemap.xml"
    interval = "15m"                                    # seconds, or 30s / 15m / 2h / 1d; default 15m
    outlet = "Example News"                             # optional: the article's source
    country = "GBR"                                     # optional: the outlet's country (ISO alpha-3)

    [[source]]
    folder = "incoming/"                                # files appearing there (any readable type)
    interval = 60
    name = "drop-folder"                                # optional: a stable name (default: the location)
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["KINDS", "Source", "load_sources", "parse_interval"]

#: What a source can be, by the key that gives its location.
KINDS = ("feed", "sitemap", "folder")
DEFAULT_INTERVAL = 900
_MIN_INTERVAL = 1
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_FIELDS = {*KINDS, "interval", "outlet", "country", "name"}


@dataclass(frozen=True, slots=True)
class Source:
    """One thing to watch."""

    id: str
    kind: str
    location: str
    interval: int = DEFAULT_INTERVAL
    outlet: str | None = None
    country: str | None = None


def parse_interval(value: object) -> int:
    """Seconds from an integer or a ``30s``/``15m``/``2h``/``1d`` string."""
    if isinstance(value, bool):
        raise ConfigError(f"interval must be seconds or like '15m', got {value!r}")
    if isinstance(value, int):
        seconds = value
    elif isinstance(value, str) and (match := re.fullmatch(r"\s*(\d+)\s*([smhd]?)\s*", value)):
        seconds = int(match.group(1)) * _UNITS[match.group(2) or "s"]
    else:
        raise ConfigError(f"interval must be seconds or like '15m', got {value!r}")
    if seconds < _MIN_INTERVAL:
        raise ConfigError(f"interval must be at least {_MIN_INTERVAL} second, got {value!r}")
    return seconds


def load_sources(path: str | Path) -> list[Source]:
    """The sources of a TOML or YAML file; :class:`ConfigError` names the file and the entry at fault."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read the sources file {path}: {exc.strerror or exc}") from None
    document = _parse(path, raw)
    entries = document.get("source", document.get("sources")) if isinstance(document, Mapping) else document
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{path}: no sources (a list of [[source]] tables)")
    sources = [_source(entry, f"{path}: source {number}") for number, entry in enumerate(entries, 1)]
    seen: set[str] = set()
    for source in sources:
        if source.id in seen:
            raise ConfigError(f"{path}: two sources are named {source.id!r}")
        seen.add(source.id)
    return sources


def _parse(path: Path, raw: bytes) -> Any:
    if path.suffix.lower() in (".yaml", ".yml"):
        try:
            import yaml
        except ImportError:
            raise ConfigError("a YAML sources file needs PyYAML: pip install pyyaml (or use TOML)") from None
        try:
            return yaml.safe_load(raw)
        except yaml.YAMLError as exc:
            raise ConfigError(f"{path} is not valid YAML: {exc}") from None
    try:
        return tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def _source(entry: object, where: str) -> Source:
    if not isinstance(entry, Mapping):
        raise ConfigError(f"{where}: expected a table of settings")
    unknown = set(entry) - _FIELDS
    if unknown:
        raise ConfigError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}")
    kinds = [kind for kind in KINDS if kind in entry]
    if len(kinds) != 1:
        raise ConfigError(f"{where}: give exactly one of {', '.join(KINDS)}")
    kind = kinds[0]
    location = entry[kind]
    if not isinstance(location, str) or not location.strip():
        raise ConfigError(f"{where}: {kind} must be a non-empty string")
    if kind != "folder" and not re.match(r"https?://", location):
        raise ConfigError(f"{where}: {kind} must be an http:// or https:// URL")
    for field in ("outlet", "country", "name"):
        if field in entry and not isinstance(entry[field], str):
            raise ConfigError(f"{where}: {field} must be a string")
    try:
        interval = parse_interval(entry.get("interval", DEFAULT_INTERVAL))
    except ConfigError as exc:
        raise ConfigError(f"{where}: {exc}") from None
    return Source(
        id=entry.get("name") or location.strip(),
        kind=kind,
        location=location.strip(),
        interval=interval,
        outlet=entry.get("outlet"),
        country=entry.get("country"),
    )
