"""The event-type classifier: features, the model file, proposals, confidence, switching it off, training
determinism and the folded evaluation."""

from __future__ import annotations

import dataclasses
import hashlib
import io
import zipfile
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from detente.errors import ConfigError
from detente.evaluate.plover import FoldLeakError, GoldRecord, folded_scores
from detente.learn import EventTypeModel, RulePriors, SecondOpinion, event_features, load_model, load_priors
from detente.learn.model import MODEL_FILE, read_model, save_model
from detente.learn.review import load_plover_cameo
from detente.learn.train import split_folds
from detente.ontology import load_ontology
from detente.pipeline import Coder, get_coder
from detente.records import CodedArticle
from detente.settings import Settings

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
NGEC = SHARED / "train" / "ngec" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
DEV = SHARED / "eval" / "plover-gsr-dev" / "PLOVER_GSR_dev.json"
PLOVER_2021 = {
    "ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE",
    "MOBILIZE", "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN",
}  # fmt: skip


@pytest.fixture(scope="module")
def coder() -> Coder:
    return get_coder(Settings.from_env({}))


def _sent(coder: Coder, text: str):  # noqa: ANN202
    return next(iter(coder.nlp(text).sents))


# -- features ---------------------------------------------------------------------------------------------
def test_features_name_the_trigger_its_dependents_and_the_paths_to_the_actors(coder: Coder) -> None:
    sent = _sent(coder, "The rebels did not attack the army base near the border.")
    trigger = next(t for t in sent if t.lemma_ == "attack")
    source = next(t for t in sent if t.lower_ == "rebels")
    target = next(t for t in sent if t.lower_ == "base")
    features = event_features(sent, trigger, source, target)
    assert features == sorted(features)
    assert {"t=attack", "t.neg", "t.dobj=base", "src=nsubj", "tgt=dobj", "w=attack", "w=not"} <= set(features)
    assert "w=the" not in features  # stop words say nothing about the kind of event


def test_features_leave_out_names_and_numbers(coder: Coder) -> None:
    sent = _sent(coder, "Norway expelled 12 Russian diplomats on Monday.")
    features = event_features(sent, None)
    assert "w=expel" in features
    assert not any(f in features for f in ("w=norway", "w=12", "w=monday"))
    assert not any(f.startswith("t=") for f in features)  # no trigger, no trigger features


def test_an_actor_the_trigger_does_not_govern_is_far(coder: Coder) -> None:
    sent = _sent(coder, "Police arrested the protesters, and Greece condemned the violence.")
    trigger = next(t for t in sent if t.lemma_ == "condemn")
    police = next(t for t in sent if t.lower_ == "police")
    assert "src=far" in event_features(sent, trigger, police, None)


# -- the model file -----------------------------------------------------------------------------------------
def test_the_shipped_model_loads_from_package_resources() -> None:
    resource = resources.files("detente.learn") / "data" / MODEL_FILE
    assert resource.is_file()
    raw = resource.read_bytes()
    assert len(raw) <= 20 * 1024 * 1024
    with np.load(io.BytesIO(raw), allow_pickle=False) as data:  # nothing in it needs a pickle
        assert {"weights", "bias", "features", "labels", "calibration", "metadata"} <= set(data.files)
    model = load_model()
    assert set(model.labels) == PLOVER_2021
    assert model.weights.shape == (len(model.features), len(model.labels))
    meta = model.metadata
    assert len(meta["training_data_sha256"]) == 64 and meta["version"] in model.rule
    credits = " ".join(meta["trained_on"])
    assert "MIT" in credits and "CC BY-SA 4.0" in credits and "NGEC" in credits and "PLOVER" in credits
    assert meta["metrics"]["calibration_events"] > 0
    probs = model.proba(["t=attack", "w=attack", "src=nsubj", "tgt=dobj"])
    assert probs.shape == (16,) and abs(probs.sum() - 1) < 1e-6


def test_the_rule_priors_load_and_are_probabilities() -> None:
    priors = load_priors()
    assert 0 < priors.overall < 1
    assert set(priors.by_type) <= PLOVER_2021
    assert all(0 <= p <= 1 for p in priors.by_type.values())
    assert priors.get("DEMAND") == priors.get("REQUEST")  # older names are folded
    assert priors.get(None) == priors.overall


def test_saving_is_byte_for_byte_deterministic_and_round_trips(tmp_path: Path) -> None:
    model = _toy_model()
    save_model(model, tmp_path / "a.npz")
    save_model(model, tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    again = read_model(tmp_path / "a.npz")
    assert again.labels == model.labels and again.features == model.features
    assert np.array_equal(again.weights, model.weights) and dict(again.metadata) == dict(model.metadata)
    with zipfile.ZipFile(tmp_path / "a.npz") as archive:
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in archive.infolist())


def test_proposed_codes_are_in_the_cameo_table_with_their_plover_type() -> None:
    ontology = load_ontology()
    table = load_plover_cameo()
    assert set(table) == PLOVER_2021
    for plover, cameo in table.items():
        assert ontology.get(cameo).plover == plover


def test_confidence_is_a_probability_that_rises_with_the_classifier() -> None:
    model = dataclasses.replace(_toy_model(), calibration=np.array([1.2, -0.3, 0.8, 0.1]))
    values = [model.confidence(p, proposed=False, prior=0.6) for p in (0.0, 0.1, 0.5, 0.9, 1.0)]
    assert all(0 <= v <= 1 for v in values) and values == sorted(values)
    assert model.confidence(None, proposed=False, prior=0.6) == 0.6


# -- proposals, confidence, switching off --------------------------------------------------------------------
_UNCODED = "French soldiers frobnicated the Italian embassy in Rome on Monday."


def _toy_model() -> EventTypeModel:
    """Certain that a sentence whose trigger is 'frobnicate' is an assault."""
    return EventTypeModel(
        labels=("ASSAULT", "CONSULT"),
        features=("t=frobnicate",),
        weights=np.array([[8.0, -8.0]], dtype=np.float32),
        bias=np.zeros(2, dtype=np.float32),
        calibration=np.array([1.0, 0.0, 0.0, 0.0]),
        metadata={"format": 1, "version": "toy", "propose_threshold": 0.5},
    )


def _code_with(coder: Coder, opinion: SecondOpinion, text: str) -> CodedArticle:
    saved = coder.extractor.second_opinion
    coder.extractor.second_opinion = opinion
    try:
        return coder.code_text(text)
    finally:
        coder.extractor.second_opinion = saved


def test_the_classifier_proposes_an_event_where_no_rule_fired(coder: Coder) -> None:
    priors = load_priors()
    assert _code_with(coder, SecondOpinion(None, priors), _UNCODED).events == ()
    events = _code_with(coder, SecondOpinion(_toy_model(), priors), _UNCODED).events
    assert len(events) == 1
    event = events[0]
    assert event.evidence.rule.startswith("model:plover-clf@toy ASSAULT p=")
    assert (event.source.actor.country, event.cameo, event.target.actor.country) == ("FRA", "180", "ITA")
    assert event.plover == "ASSAULT" and event.evidence.trigger == "frobnicated"
    assert 0.9 < event.confidence <= 1.0


def test_no_proposal_without_a_source_and_a_target(coder: Coder) -> None:
    opinion = SecondOpinion(_toy_model(), load_priors())
    assert _code_with(coder, opinion, "France frobnicated loudly on Monday.").events == ()


def test_the_classifier_does_not_override_the_rules(coder: Coder) -> None:
    text = "France frobnicated Italy on Monday. Russia accused Ukraine of shelling the plant."
    events = _code_with(coder, SecondOpinion(_toy_model(), load_priors()), text).events
    rules = {e.evidence.rule.split()[0].startswith("model:"): e for e in events}
    assert rules[False].cameo.startswith("11") and rules[True].cameo == "180"


def test_every_event_of_the_seed_has_a_confidence_in_0_1(coder: Coder) -> None:
    seed = next(iter(sorted(SHARED.glob("corpus/000_*.txt"))))
    coded = coder.code_text(seed.read_text(encoding="utf-8"))
    assert coded.events
    for event in coded.events:
        assert isinstance(event.confidence, float) and 0.0 <= event.confidence <= 1.0
        assert event.to_dict()["confidence"] == event.confidence


def test_classifier_off_by_setting_gives_rule_confidence_and_no_proposals() -> None:
    settings = Settings.from_env({"DETENTE_CLASSIFIER": "off"})
    assert settings.classifier == "off" and not settings.classifier_on
    assert Settings.from_env({}).classifier_on
    with pytest.raises(ConfigError):
        Settings.from_env({"DETENTE_CLASSIFIER": "maybe"})
    off = Coder(settings)
    priors = load_priors()
    assert off.extractor.second_opinion.model is None
    seed = next(iter(sorted(SHARED.glob("corpus/000_*.txt"))))
    events = off.code_text(seed.read_text(encoding="utf-8")).events
    assert events
    for event in events:
        assert not event.evidence.rule.startswith("model:")
        assert event.confidence == round(priors.get(event.plover), 4)


def test_a_model_file_can_be_named_in_the_setting(tmp_path: Path) -> None:
    save_model(_toy_model(), tmp_path / "toy.npz")
    settings = Settings.from_env({"DETENTE_CLASSIFIER": str(tmp_path / "toy.npz")})
    from detente.learn import load_second_opinion

    assert load_second_opinion(settings).model.version == "toy"


# -- folds --------------------------------------------------------------------------------------------
def test_split_folds_is_a_deterministic_partition() -> None:
    ids = [f"r{i}" for i in range(21)]
    parts = split_folds(ids, 2)
    assert parts == split_folds(list(reversed(ids)), 2)
    assert sorted(parts[0] + parts[1]) == sorted(ids) and not set(parts[0]) & set(parts[1])
    assert abs(len(parts[0]) - len(parts[1])) <= 1


def _records(n: int) -> list[GoldRecord]:
    return [GoldRecord(f"r{i}", f"text {i}", "ASSAULT", ("USA",), ("CHN",), False) for i in range(n)]


class _Opinion:
    def __init__(self, ids) -> None:  # noqa: ANN001
        self.model = type("M", (), {"metadata": {"dev_ids": sorted(ids)}})()


def test_folds_never_score_a_record_with_a_model_that_saw_it() -> None:
    records = _records(10)
    scored: list[tuple[set[str], list[str]]] = []

    def trainer(train_ids):  # noqa: ANN001, ANN202
        return _Opinion(train_ids)

    def code(ids, opinion):  # noqa: ANN001, ANN202
        scored.append((set(opinion.model.metadata["dev_ids"]), list(ids)))
        return [(CodedArticle(article=None), None) for _ in ids]

    pooled, parts = folded_scores(records, 2, trainer, code)
    assert pooled.records == 10 and [p.records for p in parts] == [len(ids) for _, ids in scored]
    assert sorted(i for _, ids in scored for i in ids) == sorted(r.id for r in records)
    for seen, ids in scored:
        assert not seen & set(ids)


def test_a_fold_model_that_saw_its_records_is_refused() -> None:
    records = _records(6)

    def cheat(train_ids):  # noqa: ANN001, ANN202
        return _Opinion([r.id for r in records])

    with pytest.raises(FoldLeakError):
        folded_scores(records, 2, cheat, lambda ids, opinion: [])


# -- training ------------------------------------------------------------------------------------------
@pytest.mark.skipif(not (NGEC.exists() and DEV.exists()), reason="needs ../shared training data")
def test_training_is_deterministic_on_a_small_subset(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from detente.learn.train import train

    settings = Settings.from_env({})
    digests = []
    for run in ("a", "b"):
        meta = train(NGEC, DEV, tmp_path / run, settings=settings, limit_stories=80, limit_dev=24)
        digests.append(hashlib.sha256((tmp_path / run / MODEL_FILE).read_bytes()).hexdigest())
        assert meta["metrics"]["stories"] == 80 and meta["metrics"]["dev_records"] == 24
    assert digests[0] == digests[1]
    assert (tmp_path / "a" / "rule_confidence.json").read_bytes() == (
        tmp_path / "b" / "rule_confidence.json"
    ).read_bytes()
    model = read_model(tmp_path / "a" / MODEL_FILE)
    assert len(model.metadata["dev_ids"]) == 24 and model.metadata["seed"] == 13
    other = train(NGEC, DEV, tmp_path / "c", settings=settings, limit_stories=81, limit_dev=24)
    assert other["training_data_sha256"] != meta["training_data_sha256"]
    assert isinstance(RulePriors.from_json((tmp_path / "a" / "rule_confidence.json").read_text()), RulePriors)
