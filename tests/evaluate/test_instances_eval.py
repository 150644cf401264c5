"""The ECB+ instance evaluation on a tiny corpus of our own in the ECB+ file format: which gold mentions are
read, how stored events map to them, how unmapped events are counted, and the same-lemma baseline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from detente.evaluate.instances import EcbDocument, load_ecbplus, score_store

# (topic, file, sentences, mentions: (m_id, sentence, token index, chain or None))
FILES = [
    (
        1,
        "1ecb",
        [
            "Police arrested the mayor on Monday .",
            "The mayor denied the charges .",
            "Protesters marched downtown .",
        ],
        [("m1", 0, 1, "ARREST_MAYOR"), ("m2", 1, 2, None), ("m3", 2, 1, "MARCH")],
    ),
    (1, "2ecb", ["The mayor was detained by police ."], [("m1", 0, 3, "ARREST_MAYOR")]),
    (1, "1ecbplus", ["Police arrested a judge ."], [("m1", 0, 1, "ARREST_JUDGE")]),
    (2, "1ecb", ["Police arrested a banker ."], [("m1", 0, 1, "ARREST_BANKER")]),
]
# the annotated sentences: not 1_1ecb's third, so its march is no gold mention
ANNOTATED = [(1, "1ecb", 0), (1, "1ecb", 1), (1, "2ecb", 0), (1, "1ecbplus", 0), (2, "1ecb", 0)]


def _write_corpus(root: Path) -> Path:
    for topic, name, sentences, mentions in FILES:
        tokens, markables, relations, t_id, ids = [], [], [], 0, {}
        for number, sentence in enumerate(sentences):
            for index, word in enumerate(sentence.split()):
                t_id += 1
                ids[number, index] = t_id
                tokens.append(f'<token t_id="{t_id}" sentence="{number}" number="{index}">{word}</token>')
        for m_id, number, index, chain in mentions:
            anchor = f'<token_anchor t_id="{ids[number, index]}"/>'
            markables.append(f'<ACTION_OCCURRENCE m_id="{m_id[1:]}">{anchor}</ACTION_OCCURRENCE>')
            if chain:
                source = f'<source m_id="{m_id[1:]}"/>'
                relations.append(f'<CROSS_DOC_COREF r_id="1" note="{chain}">{source}</CROSS_DOC_COREF>')
        folder = root / str(topic)
        folder.mkdir(parents=True, exist_ok=True)
        body = f"{''.join(tokens)}<Markables>{''.join(markables)}</Markables>"
        body += f"<Relations>{''.join(relations)}</Relations>"
        (folder / f"{topic}_{name}.xml").write_text(
            f'<Document doc_name="{topic}_{name}.xml">{body}</Document>', encoding="utf-8"
        )
    rows = "".join(f"{topic},{name},{number}\n" for topic, name, number in ANNOTATED)
    (root / "ECBplus_coreference_sentences.csv").write_text("Topic,File,Sentence Number\n" + rows)
    return root


class FakeStore:
    """What score_store reads: events per article, each event's trigger spans, each event's instance."""

    def __init__(self) -> None:
        self.events: dict[str, list[dict[str, Any]]] = {}
        self.instances: dict[str, str] = {}

    def add(self, document: EcbDocument, event_id: str, word: str, instance: str, sentence: int = 0) -> None:
        start = document.text.index(word, document.paragraphs[sentence].start)
        evidence = {"trigger_start": start, "trigger_end": start + len(word)}
        self.events.setdefault(document.article_id, []).append(
            {"id": event_id, "evidence": evidence, "mention_list": []}
        )
        self.instances[event_id] = instance

    def query_events(self, *, article_id: str, limit: int) -> list[dict[str, Any]]:
        return [{"id": event["id"]} for event in self.events.get(article_id, [])][:limit]

    def get_event(self, event_id: str) -> dict[str, Any]:
        return next(event for events in self.events.values() for event in events if event["id"] == event_id)

    def instance_of(self, event_id: str) -> str:
        return self.instances[event_id]


@pytest.fixture()
def documents(tmp_path: Path) -> dict[str, EcbDocument]:
    return {document.name: document for document in load_ecbplus(_write_corpus(tmp_path))}


def test_gold_mentions_are_the_actions_of_annotated_sentences(documents: dict[str, EcbDocument]) -> None:
    first = documents["1_1ecb"]
    assert [mention.m_id for mention in first.mentions] == ["1", "2"]  # the march is in no annotated sentence
    assert first.mentions[0].chain == "ARREST_MAYOR"
    assert first.mentions[1].chain == "1_1ecb:2"  # in no chain: its own cluster
    assert len(first.annotated) == 2 and first.text[first.annotated[1].start :].startswith("The mayor denied")


def test_topics_can_be_chosen(tmp_path: Path) -> None:
    chosen = load_ecbplus(_write_corpus(tmp_path), topics=[2])
    assert [document.name for document in chosen] == ["2_1ecb"]


def _lemma(word: str) -> str:
    return {"arrested": "arrest", "detained": "detain"}.get(word.lower(), word.lower())


def test_mapping_unmapped_counts_and_scores(documents: dict[str, EcbDocument]) -> None:
    store = FakeStore()
    store.add(documents["1_1ecb"], "e1", "arrested", "I1")
    store.add(documents["1_2ecb"], "e2", "detained", "I1")
    store.add(documents["1_1ecbplus"], "e3", "arrested", "I2")
    store.add(documents["1_1ecb"], "e4", "mayor", "I3")  # annotated sentence, on no gold mention
    store.add(documents["1_1ecb"], "e5", "marched", "I4", sentence=2)  # sentence not annotated
    topic_one = [documents[name] for name in ("1_1ecb", "1_2ecb", "1_1ecbplus")]
    report = score_store(store, topic_one, lemma=_lemma)
    assert (report.events, report.unmapped_events, report.unmapped_annotated, report.items) == (5, 2, 1, 3)
    # detente: {1_1ecb arrested, 1_2ecb detained} {1_1ecbplus arrested} is the gold clustering
    assert report.scores["pairwise"]["f1"] == 1.0 and report.scores["conll_f1"] == 1.0
    # same lemma: {arrested, arrested} across the two real-world arrests, {detained} alone: no right pair
    assert report.baseline["pairwise"]["precision"] == 0.0 and report.baseline["pairwise"]["recall"] == 0.0
    # B3 of the baseline: P = (1/2 + 1 + 1/2) / 3, R = (1/2 + 1/2 + 1) / 3
    assert report.baseline["b3"]["f1"] == pytest.approx(2 / 3, abs=1e-3)
    assert "1 in annotated sentences, 1 in sentences ECB+ did not annotate" in report.format()


def test_a_wrong_merge_costs_precision_and_unmapped_events_do_not_score(
    documents: dict[str, EcbDocument],
) -> None:
    store = FakeStore()
    store.add(documents["1_1ecb"], "e1", "arrested", "I1")
    store.add(documents["1_2ecb"], "e2", "detained", "I1")
    store.add(documents["1_1ecbplus"], "e3", "arrested", "I1")  # merged with the other arrest
    report = score_store(store, [documents[name] for name in ("1_1ecb", "1_2ecb", "1_1ecbplus")])
    pair = report.scores["pairwise"]
    assert (pair["precision"], pair["recall"]) == (pytest.approx(1 / 3, abs=1e-3), 1.0)
    assert report.baseline == {}  # no lemmatizer given
