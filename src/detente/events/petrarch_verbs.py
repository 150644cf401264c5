"""Convert PETRARCH-2's CAMEO verb dictionary (``CAMEO.2.0.txt``) into detente's frame files.

The source (MIT, Open Event Data Alliance; format in ``../shared/reference/petrarch2/FORMATS.md``) has a
synonym-set section (``&NAME`` then ``+WORD`` lines) and verb blocks::

    ---  MEET_PEOPLE   [040]  ---           block: name and default code ("---" = the bare verb codes nothing)
    MEET {MEETS MET MEETING}                member verb (irregular forms in {}), optionally its own [code]
    +MEET_WITH {+MET_WITH ...}              multi-word verb: "+" marks the verb word
    - * POLICE (TO BORDER)   [153]  # RUSH  pattern: words before "*" stand before the verb (subject side),
                                             words after it after the verb, (PREP WORDS) a prepositional
                                             phrase, {A B} a noun phrase, &SET a synonym set, "+" the target
                                             and "$" the source; the comment names the verb it came with

:func:`convert` turns it into two tab-separated tables (written by :func:`write`, read by
:mod:`detente.events.dictionary`):

* ``petrarch_synsets.tsv``: ``&NAME  member|member`` (multi-word members joined with ``_``);
* ``petrarch_verbs.tsv``: one frame per line, ``lemma  conditions  cameo  target  line  note``, where
  ``conditions`` is ``-`` (the bare verb) or space-separated ``kind:item+item`` (every item must be found):
  ``pre`` (subject side), ``post`` (particle, object, complement), ``pp.<prep>`` (that preposition's object,
  ``*`` for any). An item is a lowercase word, ``a_b`` (a noun phrase: all its words) or ``&NAME``.
  ``line`` is the line of ``CAMEO.2.0.txt`` the frame comes from (a pattern's line, or a bare verb's line).

Conversion choices (documented in the output's header): a pattern applies to the block verbs its comment
names (the verb it was written for) when the comment names any, else to every verb of the block; the code
is the first part of ``[a:b]`` (patterns with only a second, role-reversed part, ``[:b]``, and null codes are
left out, as are patterns on the auxiliary verbs); the default of a verb is its own code or its block's.

Run ``python -m detente.events.petrarch_verbs SRC OUTDIR`` to rebuild the shipped files.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Block", "Pattern", "VerbForm", "convert", "main", "parse_dictionary", "write"]

SOURCE_NAME = "CAMEO.2.0.txt"
VERBS_FILE = "petrarch_verbs.tsv"
SYNSETS_FILE = "petrarch_synsets.tsv"

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---")
_CODE = re.compile(r"\[([^\]]*)\]")
_CAMEO = re.compile(r"(?:0[1-9]|1[0-9]|20)[0-9]{0,2}\Z")
_WORD = re.compile(r"[a-z0-9][a-z0-9'.\-]*\Z")

_HEADER = """\
# PETRARCH-2 CAMEO verb dictionary, converted to detente frames by detente.events.petrarch_verbs.
# Source: CAMEO.2.0.txt from github.com/openeventdata/petrarch2 (commit 676801cd, 2019-03-18),
# Copyright (c) 2015 Open Event Data Alliance, MIT License (full text in PETRARCH2_LICENSE.txt beside this
# file). Rebuild: python -m detente.events.petrarch_verbs CAMEO.2.0.txt src/detente/events/data
# Do not edit by hand: detente's precision choices on top of this layer live in petrarch_overrides.tsv.
"""

_VERBS_HEADER = (
    _HEADER
    + """\
#
# Format: one frame per line, tab-separated:  lemma  conditions  cameo  target  line  note
#   lemma       lowercase verb lemma (a multi-word verb's other words are conditions)
#   conditions  "-" (the bare verb) or space-separated kind:item+item, every item must be present:
#                 pre        words on the subject side (subject noun and its modifiers, adverbs)
#                 post       particle, object noun and its modifiers, complement verb and its object
#                 pp.<prep>  object of that preposition (attached to the verb or its object), "*" = any
#               an item is a word, a_b (all words of a noun phrase) or &SET (petrarch_synsets.tsv)
#   cameo       CAMEO code (the first part of PETRARCH's [a:b])
#   target      obj (the usual places), or prep:<p> where the pattern marks the target with "+"
#   line        line of CAMEO.2.0.txt the frame comes from (evidence names it: CAMEO.2.0.txt:<line>)
#   note        the block name
# A pattern applies to the block verbs its comment names, else to every verb of the block; patterns coded
# [:b] (role-reversed only) or [---], patterns naming an undefined synonym set (PETRARCH ignores them too)
# and patterns of the auxiliary verbs are left out.
"""
)

_SYNSETS_HEADER = (
    _HEADER
    + """\
#
# Format: &NAME <tab> member|member   (lowercase; a multi-word member joins its words with "_"; plurals
# are matched through the lemma, so members are written as in the source)
"""
)


@dataclass(slots=True)
class VerbForm:
    lemma: str
    words_before: tuple[str, ...]
    words_after: tuple[str, ...]
    code: str | None  # its own code, or None for the block's
    line: int


@dataclass(slots=True)
class Pattern:
    pre: tuple[str, ...]
    post: tuple[str, ...]  # tokens after "*", with "(" and ")" kept as tokens
    code: str
    line: int
    origin: tuple[str, ...]  # verbs named in the comment


@dataclass(slots=True)
class Block:
    name: str
    code: str
    line: int
    verbs: list[VerbForm] = field(default_factory=list)
    patterns: list[Pattern] = field(default_factory=list)


# -- parsing ----------------------------------------------------------------------------------------------
def parse_dictionary(text: str) -> tuple[dict[str, list[str]], list[Block]]:
    """Parse the dictionary's text into its synonym sets (name -> members) and verb blocks."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    block: Block | None = None
    in_verbs = False
    for number, raw in enumerate(text.splitlines(), start=1):
        if raw.startswith("#"):
            if "TRANSFORMATIONS" in raw:
                break
            if "VERB PATTERNS" in raw:
                in_verbs = True
            continue
        line, _, comment = raw.partition("#")
        stripped = line.strip()
        if not stripped:
            continue
        if not in_verbs:
            if stripped.startswith("&"):
                current_set = stripped[1:].rstrip("_").upper()
                synsets[current_set] = []
            elif stripped.startswith("+") and current_set is not None:
                synsets[current_set].append(_member(stripped[1:]))
            continue
        header = _BLOCK.match(stripped)
        if header:
            block = Block(header.group(1), header.group(2).strip(), number)
            blocks.append(block)
        elif block is None:
            continue
        elif stripped.startswith("-"):
            pattern = _parse_pattern(stripped[1:], comment, number)
            if pattern is not None:
                block.patterns.append(pattern)
        else:
            form = _parse_verb(stripped, number)
            if form is not None:
                block.verbs.append(form)
    return synsets, blocks


def _member(text: str) -> str:
    words = [w for w in re.split(r"[\s_]+", text.strip().lower()) if w]
    return "_".join(words)


def _parse_verb(text: str, number: int) -> VerbForm | None:
    code_match = _CODE.search(text)
    code = code_match.group(1).strip() if code_match else None
    text = re.sub(r"\{[^}]*\}", " ", _CODE.sub(" ", text)).split()[0] if text.split() else ""
    words = [w for w in text.lower().split("_") if w]
    if not words:
        return None
    marked = [i for i, w in enumerate(words) if w.startswith("+")]
    at = marked[0] if marked else 0
    words = [w.lstrip("+") for w in words]
    if not all(_WORD.match(w) for w in words):
        return None
    return VerbForm(words[at], tuple(words[:at]), tuple(words[at + 1 :]), code, number)


def _parse_pattern(text: str, comment: str, number: int) -> Pattern | None:
    code_match = _CODE.search(text)
    if code_match is None:
        return None
    body = text[: code_match.start()]
    code = code_match.group(1).strip()
    spaced = body.replace("(", " ( ").replace(")", " ) ").replace("{", " { ").replace("}", " } ")
    tokens = spaced.split()
    if "*" not in tokens:
        return None
    at = tokens.index("*")
    origin = tuple(w.lower() for w in re.findall(r"[A-Za-z][A-Za-z\-]*", comment.split("<")[0])[:3])
    return Pattern(tuple(tokens[:at]), tuple(tokens[at + 1 :]), code, number, origin)


# -- conversion -------------------------------------------------------------------------------------------
def _frame_code(code: str) -> str | None:
    """The event code of ``[a:b]`` / ``[a]``: ``a`` when it is a CAMEO code, else None."""
    first = code.split(":")[0].strip().rstrip("!")
    return first if _CAMEO.match(first) else None


def _items(tokens: Sequence[str]) -> tuple[list[str], list[tuple[str, list[str]]], bool, str | None] | None:
    """Split pattern tokens into plain items, (prep, items) phrases, and where "+" (the target) stands.

    Returns ``(items, phrases, target_in_post, target_prep)`` or None for a token the layer cannot use.
    """
    items: list[str] = []
    phrases: list[tuple[str, list[str]]] = []
    target_post = False
    target_prep: str | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token == "(":
            close = tokens.index(")", i) if ")" in tokens[i:] else len(tokens)
            inner = list(tokens[i + 1 : close])
            if not inner:
                return None
            prep = inner[0].lower()
            if not _WORD.match(prep):
                return None
            words: list[str] = []
            j = 1
            while j < len(inner):
                if inner[j] == "+":
                    target_prep = prep
                elif inner[j] == "{":
                    end = inner.index("}", j) if "}" in inner[j:] else len(inner)
                    phrase = _phrase(inner[j + 1 : end])
                    if phrase is None:
                        return None
                    words.append(phrase)
                    j = end
                elif inner[j] not in ("$", "^", "%"):
                    item = _item(inner[j])
                    if item is None:
                        return None
                    words.append(item)
                j += 1
            phrases.append((prep, words))
            i = close + 1
            continue
        if token == "{":
            end = tokens.index("}", i) if "}" in tokens[i:] else len(tokens)
            phrase = _phrase(tokens[i + 1 : end])
            if phrase is None:
                return None
            items.append(phrase)
            i = end + 1
            continue
        if token == "+":
            target_post = True
        elif token not in ("$", "^", "%", ")", "}"):
            item = _item(token)
            if item is None:
                return None
            items.append(item)
        i += 1
    return items, phrases, target_post, target_prep


def _item(token: str) -> str | None:
    if token.startswith("&"):
        name = token[1:].rstrip("_").upper()
        return f"&{name}" if re.fullmatch(r"[A-Z][A-Z0-9_]*", name) else None
    words = [w for w in token.lower().split("_") if w]
    if not words or not all(_WORD.match(w) for w in words):
        return None
    return "_".join(words)


def _phrase(tokens: Sequence[str]) -> str | None:
    parts = [_item(t) for t in tokens if t not in ("$", "+", "^", "%")]
    if not parts or any(p is None for p in parts):
        return None
    if any(p.startswith("&") for p in parts if p):  # a synset inside a phrase: keep its parts separate
        return "+".join(p for p in parts if p)
    return "_".join(p for p in parts if p)


def _defined(parts: Sequence[tuple], synsets: Mapping[str, list[str]]) -> bool:
    words = [w for items, phrases, *_ in parts for w in [*items, *(x for _, ws in phrases for x in ws)]]
    names = [n for w in words for n in w.split("+") if n.startswith("&")]
    return all(synsets.get(n[1:]) for n in names)


@dataclass(frozen=True, slots=True)
class _Row:
    lemma: str
    conditions: str
    cameo: str
    target: str
    line: int
    note: str

    def text(self) -> str:
        return "\t".join((self.lemma, self.conditions, self.cameo, self.target, str(self.line), self.note))


def _conditions(pre: Iterable[str], post: Iterable[str], phrases: Iterable[tuple[str, list[str]]]) -> str:
    parts: list[str] = []
    pre, post = list(pre), list(post)
    if pre:
        parts.append("pre:" + "+".join(pre))
    if post:
        parts.append("post:" + "+".join(post))
    merged: dict[str, list[str]] = {}
    for prep, words in phrases:
        merged.setdefault(prep, []).extend(words)
    for prep, words in merged.items():
        parts.append(f"pp.{prep}:" + ("+".join(dict.fromkeys(words)) or "*"))
    return " ".join(parts) or "-"


_AUX_BLOCKS = frozenset({"BE", "HAVE", "WILL", "DO"})


def convert(text: str) -> tuple[str, str]:
    """Convert the dictionary's text: the contents of ``petrarch_verbs.tsv`` and ``petrarch_synsets.tsv``."""
    synsets, blocks = parse_dictionary(text)
    rows: list[_Row] = []
    seen: set[tuple[str, str]] = set()

    def add(row: _Row) -> None:
        key = (row.lemma, row.conditions)
        if key not in seen:  # the same lemma and conditions twice: the earlier line wins, as in PETRARCH
            seen.add(key)
            rows.append(row)

    for block in blocks:
        if block.name in _AUX_BLOCKS:
            continue
        lemmas = list(dict.fromkeys(v.lemma for v in block.verbs))
        for form in block.verbs:
            code = _frame_code(form.code if form.code is not None else block.code)
            if code is None:
                continue
            words_after = [w for w in form.words_after]
            add(
                _Row(
                    form.lemma,
                    _conditions(form.words_before, words_after, ()),
                    code,
                    "obj",
                    form.line,
                    block.name,
                )
            )
        for pattern in block.patterns:
            code = _frame_code(pattern.code)
            if code is None:
                continue
            pre = _items(pattern.pre)
            post = _items(pattern.post)
            if pre is None or post is None or not _defined([pre, post], synsets):
                continue  # PETRARCH ignores a pattern with an undefined synonym set too
            target = f"prep:{post[3]}" if post[3] else "obj"
            named = [lemma for lemma in lemmas if lemma in pattern.origin]
            for form in block.verbs:
                if form.lemma not in (named or lemmas):
                    continue
                conditions = _conditions(
                    [*form.words_before, *pre[0]], [*form.words_after, *post[0]], [*pre[1], *post[1]]
                )
                if conditions == "-":
                    continue  # "- * [code]" would only restate a default
                add(_Row(form.lemma, conditions, code, target, pattern.line, block.name))
    rows.sort(key=lambda r: (r.lemma, r.line, r.conditions))
    verbs = _VERBS_HEADER + "".join(row.text() + "\n" for row in rows)
    sets = _SYNSETS_HEADER + "".join(
        f"&{name}\t{'|'.join(dict.fromkeys(members))}\n" for name, members in synsets.items() if members
    )
    return verbs, sets


def write(source: Path, out_dir: Path) -> tuple[Path, Path]:
    """Convert ``source`` (a ``CAMEO.2.0.txt``) into ``out_dir``; returns the two paths written."""
    verbs, sets = convert(Path(source).read_text(encoding="utf-8", errors="replace"))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    verbs_path, sets_path = out_dir / VERBS_FILE, out_dir / SYNSETS_FILE
    verbs_path.write_text(verbs, encoding="utf-8")
    sets_path.write_text(sets, encoding="utf-8")
    return verbs_path, sets_path


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m detente.events.petrarch_verbs SRC OUTDIR``: rebuild the converted files."""
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 2:
        sys.stderr.write("usage: python -m detente.events.petrarch_verbs CAMEO.2.0.txt OUTDIR\n")
        return 2
    write(Path(args[0]), Path(args[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
