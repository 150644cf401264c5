"""The event store interface: what every backend (SQLite, PostgreSQL, a user's plugin) provides."""

from __future__ import annotations

import abc
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from ..records import CodedArticle

__all__ = ["EventStore", "WriteSummary"]


@dataclass(frozen=True, slots=True)
class WriteSummary:
    """What one :meth:`EventStore.write_batch` did.

    ``articles_unchanged`` counts articles already stored exactly as given (nothing was written);
    ``rejected`` counts rejected input items by rejection code; ``failed`` lists ``(article id, message)``
    for articles that could not be written (each was rolled back on its own; the batch went on).
    """

    articles_written: int = 0
    articles_unchanged: int = 0
    events_written: int = 0
    rejected: dict[str, int] = field(default_factory=dict)
    failed: list[tuple[str | None, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "articles_written": self.articles_written,
            "articles_unchanged": self.articles_unchanged,
            "events_written": self.events_written,
            "rejected": dict(self.rejected),
            "failed": [list(item) for item in self.failed],
        }


class EventStore(abc.ABC):
    """Coded articles in, event dicts out. Use as a context manager, or call :meth:`close`."""

    @abc.abstractmethod
    def write_batch(self, coded: Iterable[CodedArticle]) -> WriteSummary:
        """Write coded articles, each in one transaction; rejected items go to ``rejections``.

        Idempotent: writing the same coded article again changes nothing. A new version of an article
        replaces its events, mentions and quotes atomically.
        """

    @abc.abstractmethod
    def query_events(
        self,
        *,
        actor: str | None = None,
        country: str | None = None,
        dyad: str | None = None,
        directed: bool = False,
        root: str | None = None,
        status: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Events matching every given filter, as ``Event.to_dict()`` plus ``"article_id"``.

        See :class:`detente.store.query.EventQuery` for what each filter matches. A bad filter value
        raises :class:`detente.errors.ConfigError`.
        """

    @abc.abstractmethod
    def get_article(self, article_id: str) -> dict[str, Any] | None:
        """The stored article (``Article.to_dict()`` plus text, language, added_at), or None."""

    @abc.abstractmethod
    def count_events(self) -> int:
        """How many events are stored."""

    @abc.abstractmethod
    def count_articles(self) -> int:
        """How many articles are stored."""

    @abc.abstractmethod
    def close(self) -> None:
        """Release the connection. Closing twice is harmless."""

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
