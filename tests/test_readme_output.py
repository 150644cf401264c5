"""The README documents the output shape: its JSON example has exactly the keys detente writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

from detente.records import (
    Actor,
    ActorMention,
    Article,
    CodedArticle,
    Event,
    Evidence,
    Place,
    Quote,
    Speaker,
    TimeExpression,
)

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _keys(value: object, prefix: str = "") -> set[str]:
    if isinstance(value, dict):
        found = set()
        for key, item in value.items():
            found.add(prefix + key)
            found |= _keys(item, prefix + key + ".")
        return found
    if isinstance(value, list) and value:
        return _keys(value[0], prefix + "[].")
    return set()


def test_readme_json_example_matches_the_records():
    block = re.search(r"```json\n(.*?)```", README, re.S)
    assert block, "README has no JSON example"
    documented = json.loads(block.group(1))
    mention = ActorMention("China", 0, 5, Actor("CHN", "CHN", None, "China"))
    evidence = Evidence("s", 0, 1, "t", "rule", 0, 1)
    place = Place("China", "CHN", "country", 39.9, 116.4, None, "China", 0, 5)
    event = Event(
        "e",
        mention,
        mention,
        "042",
        "Make a visit",
        1.9,
        1,
        "CONSULT",
        "visit",
        "planned",
        evidence,
        location=place,
    )
    speaker = Speaker.of(mention, "organization")
    quote = Quote("q", "We agree.", 0, 9, "direct", speaker, "said", mention, speaker)
    time = TimeExpression("this weekend", 0, 12, "DATE", "2023-W24-WE")
    article = Article(id="a", text="x")
    actual = CodedArticle(article=article, events=(event,), quotes=(quote,), times=(time,)).to_dict()
    assert _keys(documented) == _keys(actual)
