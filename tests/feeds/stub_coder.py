"""A stand-in for the spaCy coder in the ``watch`` tests: codes no events, instantly, and can note each
article it codes in a file (to count how often one was coded across killed runs)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from detente.records import Article, CodedArticle, Rejection


class StubCoder:
    def __init__(self, log: Path | None = None) -> None:
        self.log = log
        self.coded: list[str] = []

    def code(self, items: Iterable[Article | Rejection]) -> Iterator[CodedArticle]:
        for item in items:
            if isinstance(item, Rejection):
                yield CodedArticle(article=None, error=item)
                continue
            self.coded.append(item.id)
            if self.log is not None:
                with self.log.open("a", encoding="utf-8") as handle:
                    handle.write(item.id + "\n")
            yield CodedArticle(article=item)
