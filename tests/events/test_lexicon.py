"""The event lexicons: data checks against the CAMEO reference, matching, user files, errors, speed."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from detente.errors import DataFileError
from detente.events import lexicon as lexicon_module
from detente.events.lexicon import Frame, Lexicon, load_lexicon

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CAMEO_CODES = SHARED / "reference" / "cameo" / "CAMEO.eventcodes.txt"
DATA = lexicon_module.DATA_DIR


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return load_lexicon()


def _all_frames(lex: Lexicon) -> list[Frame]:
    return [frame for table in (lex.verbs, lex.nouns) for frames in table.values() for frame in frames]


def _code(lex: Lexicon, lemma: str, pos: str = "VERB", **features: set[str]) -> str | None:
    frame = lex.match(lemma, pos, {kind.replace("_", "."): values for kind, values in features.items()})
    return frame.cameo if frame else None


# -- the data against the reference ----------------------------------------------------------------------
def test_every_code_is_a_real_cameo_code(lex: Lexicon) -> None:
    if not CAMEO_CODES.exists():
        pytest.skip("reference CAMEO code list not available")
    lines = CAMEO_CODES.read_text(encoding="latin-1").splitlines()[1:]
    known = {line.split("\t")[0] for line in lines if line.strip()}
    unknown = {
        (f.source_file, f.source_line, f.cameo) for f in _all_frames(lex) if f.cameo and f.cameo not in known
    }
    assert not unknown


def test_every_root_has_at_least_five_verb_lemmas(lex: Lexicon) -> None:
    lemmas: dict[str, set[str]] = {f"{root:02d}": set() for root in range(1, 21)}
    for lemma, frames in lex.verbs.items():
        for frame in frames:
            if frame.cameo:
                lemmas[frame.cameo[:2]].add(lemma)
    thin = {root: sorted(found) for root, found in lemmas.items() if len(found) < 5}
    assert not thin


def test_the_lexicon_is_large(lex: Lexicon) -> None:
    assert len(lex.verbs) > 300
    assert sum(len(frames) for frames in lex.verbs.values()) > 1000
    assert len(lex.nouns) > 100


def test_every_synset_is_used() -> None:
    text = "\n".join(
        (DATA / name).read_text(encoding="utf-8") for name in ("verbs.tsv", "nouns.tsv", "synsets.tsv")
    )
    used = set(re.findall(r"(?<=[:|\t])@[A-Z][A-Z0-9_]*", text))
    defined = set(
        re.findall(r"^(@[A-Z][A-Z0-9_]*)\t", (DATA / "synsets.tsv").read_text(encoding="utf-8"), re.M)
    )
    assert defined - used == set()


def test_act_speech_verbs_have_frames_and_report_verbs_have_no_default(lex: Lexicon) -> None:
    acts = lex.speech_verbs - lex.report_verbs
    assert {"warn", "urge", "accuse", "deny"} <= acts
    assert {"say", "tell", "add", "stress"} <= lex.report_verbs
    assert sorted(verb for verb in acts if verb not in lex.verbs) == []
    defaults = sorted(
        verb for verb in lex.report_verbs if any(not f.conditions for f in lex.verbs.get(verb, ()))
    )
    assert defaults == []


def test_targets_and_statuses_are_well_formed(lex: Lexicon) -> None:
    for frame in _all_frames(lex):
        assert frame.target in ("obj", "none", "xcomp.obj") or frame.target.startswith(("prep:", "from:"))
    assert lex.cues("postpone", "head")[0].status == "cancelled"
    assert lex.cues("postpone", "subject-of-passive")[0].status == "cancelled"
    assert lex.cues("will")[0].status == "planned"
    assert lex.cues("if")[0].scope == "mark"
    assert lex.cues("not")[0].status == "negated"
    assert lex.status_cues["deny"][0].status == "denied"
    assert lex.cues("refuse") == ()  # refusing is an event (12x), not a negation


def test_light_verbs(lex: Lexicon) -> None:
    assert {"hold", "pay", "launch", "stage", "carry out", "conduct", "have"} <= lex.light_verbs
    assert "impose" not in lex.light_verbs


# -- matching ---------------------------------------------------------------------------------------------
def test_intent_verbs_map_by_the_class_of_their_complement(lex: Lexicon) -> None:
    assert _code(lex, "agree", xcomp={"cooperate"}) == "030"
    assert _code(lex, "agree", xcomp={"meet"}) == "036"
    assert _code(lex, "agree", xcomp={"release"}) == "0353"
    assert _code(lex, "agree") == "030"
    assert _code(lex, "agree", xcomp={"sing"}) == "030"
    assert _code(lex, "refuse", xcomp={"meet"}) == "125"
    assert _code(lex, "urge", xcomp={"release"}) == "0253"
    assert _code(lex, "demand", xcomp={"withdraw"}) == "1056"
    assert _code(lex, "demand", obj={"release"}) == "1053"


def test_threats_take_their_target_from_the_complement(lex: Lexicon) -> None:
    frame = lex.match("threaten", "VERB", {"xcomp": {"attack"}})
    assert frame is not None and (frame.cameo, frame.target) == ("138", "xcomp.obj")
    assert _code(lex, "threaten", obj={"sanction"}) == "1312"
    assert _code(lex, "threaten") == "130"


def test_more_conditions_and_specific_values_win(lex: Lexicon) -> None:
    assert _code(lex, "decline", xcomp={"comment"}) == "011"
    assert _code(lex, "decline", xcomp={"meet"}) == "125"  # specific class beats "xcomp:*"
    assert _code(lex, "decline", xcomp={"go"}) == "120"
    assert _code(lex, "decline") is None
    assert _code(lex, "call", prt={"off"}, obj={"strike"}) == "082"
    assert _code(lex, "back") == "051"
    assert _code(lex, "back", prt={"out"}) == "127"
    assert _code(lex, "accuse", pobj_of={"crime", "war"}) == "1124"
    assert _code(lex, "accuse", pobj_of={"spy"}) == "1125"
    assert _code(lex, "accuse") == "112"


def test_blocking_frames_and_unknown_words_give_none(lex: Lexicon) -> None:
    assert _code(lex, "release", obj={"statement"}) is None
    assert _code(lex, "release", obj={"prisoner"}) == "0841"
    assert _code(lex, "sign", obj={"bill"}) is None
    assert _code(lex, "say") is None
    assert _code(lex, "attack", "ADJ") is None
    assert _code(lex, "qwerty") is None


def test_empty_feature_values_count_as_absent(lex: Lexicon) -> None:
    assert _code(lex, "decline", xcomp=set()) is None


@pytest.mark.parametrize(
    ("lemma", "features", "cameo"),
    [
        ("call", {"compound": {"phone"}}, "041"),
        ("conversation", {"compound": {"telephone"}}, "041"),
        ("conversation", {}, "040"),
        ("meeting", {}, "040"),
        ("talk", {}, "046"),
        ("visit", {}, "042"),
        ("trip", {}, "042"),
        ("sanction", {}, "163"),
        ("attack", {}, "190"),
        ("attack", {"compound": {"suicide"}}, "1831"),
        ("protest", {}, "140"),
        ("strike", {}, "143"),
        ("strike", {"compound": {"air"}}, "195"),
        ("strike", {"amod": {"hunger"}}, "142"),
        ("accusation", {}, "112"),
        ("invasion", {}, "190"),
        ("exercise", {"amod": {"joint", "military"}}, "062"),
    ],
)
def test_event_nouns(lex: Lexicon, lemma: str, features: dict[str, set[str]], cameo: str) -> None:
    assert _code(lex, lemma, "NOUN", **features) == cameo


def test_synsets_are_expanded_at_load_time(lex: Lexicon) -> None:
    frame = lex.match("agree", "VERB", {"xcomp": {"negotiate"}})
    assert frame is not None and frame.cameo == "036"
    (condition,) = frame.conditions
    assert condition.text == "xcomp:@MEET"
    assert condition.values == lex.synsets["@MEET"]
    assert {"loan", "food", "aid", "weapon"} <= lex.synsets["@AID_ANY"]  # nested classes
    assert frame.rule.startswith("verbs.tsv:") and frame.rule.endswith("agree xcomp:@MEET")


def test_the_lexicon_pickles(lex: Lexicon) -> None:
    assert pickle.loads(pickle.dumps(lex)).match("agree", "VERB", {"xcomp": {"meet"}}).cameo == "036"


# -- loading ----------------------------------------------------------------------------------------------
def test_default_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


def test_shipped_lexicon_builds() -> None:
    """How long it takes is measured by benchmarks/throughput.py (start-up), not asserted here."""
    built = lexicon_module._build(lexicon_module._shipped_paths())
    assert built.verbs and built.nouns


def test_user_files_add_and_override(tmp_path: Path, lex: Lexicon) -> None:
    verbs = tmp_path / "my_verbs.tsv"
    verbs.write_text(
        "# mine\nagree\txcomp:@MEET\t046\tobj\tmy note\nparley\t-\t046\tprep:with\n", encoding="utf-8"
    )
    synsets = tmp_path / "extra_synsets.tsv"
    synsets.write_text("@MEET\tmeet|gather\n", encoding="utf-8")
    cues = tmp_path / "status_cues.tsv"
    cues.write_text("mull\thypothetical\thead\n", encoding="utf-8")
    mine = load_lexicon(extra_files=[synsets, verbs, cues])
    frame = mine.match("agree", "VERB", {"xcomp": {"gather"}})
    assert frame is not None and (frame.cameo, frame.source_file, frame.note) == (
        "046",
        "my_verbs.tsv",
        "my note",
    )
    assert mine.match("agree", "VERB", {"xcomp": {"negotiate"}}).cameo == "030"  # @MEET was replaced
    assert mine.match("refuse", "VERB", {"xcomp": {"gather"}}).cameo == "125"  # shipped frames see it too
    assert mine.match("parley", "VERB", {}).cameo == "046"
    assert mine.cues("mull")[0].status == "hypothetical"
    assert lex.match("agree", "VERB", {"xcomp": {"meet"}}).cameo == "036"  # the cached default is untouched


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("verbs.tsv", "agree\t-\t999\n", "bad CAMEO code"),
        ("verbs.tsv", "agree\t-\t21\n", "bad CAMEO code"),
        ("verbs.tsv", "# c\n\nagree\n", "tab-separated fields"),
        ("verbs.tsv", "agree\txcomp:@NOPE\t036\n", "unknown synset"),
        ("verbs.tsv", "agree\txcomp\t036\n", "bad condition"),
        ("verbs.tsv", "agree\txcomp:a xcomp:b\t036\n", "given twice"),
        ("verbs.tsv", "agree\t-\t036\tsomewhere\n", "bad target"),
        ("verbs.tsv", "Agree Now\t-\t036\n", "bad lemma"),
        ("nouns.tsv", "talk\t-\t046\ntalk\t-\t040\n", "duplicate frame"),
        ("synsets.tsv", "@A\t@B\n@B\t@A\n", "includes itself"),
        ("synsets.tsv", "MEET\tmeet\n", "bad synset name"),
        ("speech_verbs.txt", "say\tmaybe\n", "bad flag"),
        ("status_cues.tsv", "plan\tsoon\thead\n", "bad status"),
        ("status_cues.tsv", "plan\tplanned\tsideways\n", "bad scope"),
        ("light_verbs.txt", "hold talks now please\n", "bad entry"),
    ],
)
def test_malformed_files_name_file_and_line(tmp_path: Path, name: str, text: str, message: str) -> None:
    path = _write(tmp_path, name, text)
    with pytest.raises(DataFileError, match=message) as info:
        load_lexicon(extra_files=[path])
    assert re.search(re.escape(name) + r":\d+: ", str(info.value))


def test_unknown_or_missing_files(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot tell which lexicon"):
        load_lexicon(extra_files=[_write(tmp_path, "stuff.csv", "x\n")])
    with pytest.raises(DataFileError, match="cannot read"):
        load_lexicon(extra_files=[tmp_path / "absent_verbs.tsv"])
