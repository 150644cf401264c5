"""detente's coding is also a spaCy pipeline step."""

from __future__ import annotations

import datetime as dt

import pytest

pytestmark = pytest.mark.slow


def test_events_component_codes_a_doc():
    import spacy

    import detente.pipeline  # noqa: F401 - registers the factory
    from detente.nlp import set_published
    from detente.settings import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("detente_events", last=True)
    doc = nlp.make_doc("Russia accused Ukraine of shelling the plant on Monday.")
    set_published(doc, dt.date(2024, 3, 4))
    doc = nlp(doc)
    triples = [(e.source.actor.country, e.cameo[:2], e.target.actor.country) for e in doc._.detente_events]
    assert ("RUS", "11", "UKR") in triples


def test_coder_and_component_agree():
    import spacy

    from detente.pipeline import get_coder
    from detente.settings import DEFAULT_MODEL

    text = (
        "Japan and South Korea agreed to resume security talks. Seoul accused Pyongyang of firing missiles."
    )
    coded = get_coder().code_text(text)
    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("detente_paragraphs", before="parser")
    nlp.add_pipe("detente_events", last=True)
    doc = nlp(coded.article.text)
    assert sorted(e.cameo for e in doc._.detente_events) == sorted(e.cameo for e in coded.events)


def test_module_docstring_example_runs():
    import doctest

    import detente.pipeline

    result = doctest.testmod(detente.pipeline)
    assert result.attempted >= 3 and result.failed == 0
