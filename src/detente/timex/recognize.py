"""Find and normalize the temporal expressions of a parsed article.

Every pattern of the temporal lexicon is matched over the article's text; a match survives the checks its
kind needs (a bare "May" must be a capitalized month after a preposition, a bare "2008" a year by its context
or spaCy's DATE entities, "recent" an adjective ...), overlapping matches keep the longest, and the survivors
are resolved in text order so that anaphoric expressions ("the next day", "that week") can count from the
last date the text named. The tense of each expression's governing verb (:mod:`detente.timex.tense`) says
whether a bare weekday or month is the past or the coming one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..records import TimeExpression
from .lexicon import TimexLexicon, TimexPattern, load_timex_lexicon, lower_ascii, normalize_phrase
from .resolve import (
    FUTURE,
    UNKNOWN,
    Context,
    Resolved,
    count,
    counts_from_reference,
    day_value,
    quarter_of_months,
    reference_day,
    resolve,
    spoken_year,
)
from .tense import tense_direction
from .values import value_precision, value_range

__all__ = ["find_times"]

#: kinds whose value depends on the tense of their clause
_TENSED = frozenset({"date", "month", "weekday", "weekend", "season", "quarter", "time", "boundary", "week"})
#: kinds whose value lacks a year unless the text gives one; they take the story's year when it has one
_STORY_DATED = frozenset({"date", "month"})
_CLOCK_SENTENCES = 2  # how many sentences back a named day still dates a clock time without one
_STORY_SENTENCES = 0  # how many sentences back a named year still dates a bare month or day
_RANGE_TAIL = re.compile(r"\s+(?:or|to|and)\s+\S+\s+\w+")
_CLOCK_GLOSS = re.compile(r"\s*\(\s*\d")
_DATE_CLOCK_GAP = re.compile(r"\s*,?\s*(?:at\s+)?")
_DETERMINERS = frozenset({"DT", "PRP$", "POS", "JJ"})
#: words before a bare year or month that make it a date ('in 2018', 'since May')
_DATE_CONTEXT = frozenset(
    {
        "in", "since", "by", "until", "till", "from", "to", "through", "of", "before", "after", "during",
        "around", "between", "and", "or", "than", "early", "late", "mid", "throughout", "last", "next",
        "this", "that", "for", "on", "circa", "c.", "year", "as", "into", "against", "like", "over",
        "spring", "summer", "autumn", "fall", "winter", "beginning", "start", "end", "middle",
    }
)  # fmt: skip
_SEASON_CONTEXT = frozenset(
    {"in", "during", "by", "until", "since", "through", "over", "this", "last", "next", "the", "early",
     "late", "mid", "throughout", "of", "coming", "past"}
)  # fmt: skip
_CLOCK_CONTEXT = frozenset(
    {
        "at",
        "around",
        "about",
        "by",
        "until",
        "till",
        "from",
        "before",
        "after",
        "approximately",
        "to",
        "since",
    }
)
#: a 24-hour clock time written as four digits ('1100 hrs')
_MILITARY_NUMBER = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d")
#: what follows a quarter that is a part of something other than a year ('of the season', 'of his term')
_QUARTER_OF_SOMETHING = re.compile(
    r"[^\S\n]+of[^\S\n]+(?:the|a|an|this|that|his|her|its|their)[^\S\n]+"
    r"(?!(?:fiscal[^\S\n]+|financial[^\S\n]+|calendar[^\S\n]+|current[^\S\n]+|same[^\S\n]+)?year\b)[a-z]",
    re.IGNORECASE,
)
#: a unit compared with itself ('year-on-year', 'quarter-over-quarter')
_COMPARED_UNIT = re.compile(r"-(?:on|over|to)-", re.IGNORECASE)
#: the other end of a range of years, before or after a year ('1979-1981', '(1950–1953)')
_YEAR_RANGE_BEFORE = re.compile(r"(?<!\d)((?:1[0-9]|20)\d\d)[^\S\n]?[-–][^\S\n]?$")
_YEAR_RANGE_AFTER = re.compile(r"[^\S\n]?[-–][^\S\n]?((?:1[0-9]|20)\d\d)(?!\d)")
#: a clock time after a clock time, ending a span of them ('7:00 to 19:00', '9:30-11:45')
_CLOCK_RANGE = re.compile(r"[^\S\n]*(?:-|–|to|until|till)[^\S\n]*(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)")
#: words after "the same time" that make it a conjunction ('at the same time as the summit')
_CONJUNCTION_AFTER = frozenset({"that", "as"})
_WORD_BEFORE = re.compile(r"([\w.'’$-]+)[\s,]*\Z")
_WORD_AFTER = re.compile(r"\A[^\S\n]*([\w'’%-]+)")
_WINDOW = 40
_YEAR_NUMBER = re.compile(r"(?:1[0-9]|20)\d\d")
_MARGIN_BEFORE, _MARGIN_AFTER = 80, 40


@dataclass(frozen=True, slots=True)
class _Match:
    start: int
    end: int
    pattern: TimexPattern
    groups: dict[str, str | None]


def find_times(doc: Doc, published: dt.date | None) -> tuple[TimeExpression, ...]:
    """Every temporal expression of ``doc``, in text order, normalized against ``published``."""
    lexicon = load_timex_lexicon()
    text = doc.text  # spaCy joins the tokens anew at every access
    matches = _select(m for m in _candidates(text, lexicon) if _plausible(m, doc, text, lexicon))
    if not matches:
        return ()
    return _Resolver(doc, text, lexicon, published).resolve_all(matches)


# -- finding -------------------------------------------------------------------------------------------
def _candidates(text: str, lexicon: TimexLexicon) -> Iterator[_Match]:
    lowered = lower_ascii(text)
    windows = _windows(lowered, lexicon)
    for pattern in lexicon.patterns:
        names = tuple(pattern.regex.groupindex)
        for first, last, seen in windows:
            if pattern.triggers.isdisjoint(seen):
                continue  # none of the words this pattern needs is there
            for found in pattern.regex.finditer(lowered, first, last):
                if found.end() > found.start():
                    groups = {name: _group(text, found.span(name)) for name in names}
                    yield _Match(found.start(), found.end(), pattern, groups)


def _windows(lowered: str, lexicon: TimexLexicon) -> list[tuple[int, int, set[str]]]:
    """The stretches of text around trigger words and digits, merged, with the triggers each holds: the
    patterns only run there (every expression contains a trigger, and none reaches further than the
    margins before and after it)."""
    windows: list[tuple[int, int, set[str]]] = []
    for found in lexicon.trigger_regex.finditer(lowered):
        word = "0" if found[0][0].isdigit() else found[0]
        first, last = max(0, found.start() - _MARGIN_BEFORE), found.end() + _MARGIN_AFTER
        if windows and first <= windows[-1][1] + _MARGIN_BEFORE:
            windows[-1] = (windows[-1][0], last, windows[-1][2])
            windows[-1][2].add(word)
        else:
            windows.append((first, last, {word}))
    size = len(lowered)
    bounded = []
    for first, last, seen in windows:
        space = lowered.find(" ", last) if last < size else -1  # end at a space: never inside a word
        bounded.append((first, size if space < 0 else space, seen))
    return bounded


def _group(text: str, span: tuple[int, int]) -> str | None:
    """A group's words as written (the match ran over the lowered text)."""
    return text[span[0] : span[1]] if span[0] >= 0 else None


def _select(matches: Iterator[_Match]) -> list[_Match]:
    """The longest matches that do not overlap (an earlier pattern wins a tie), in text order."""
    ranked = sorted(matches, key=lambda m: (m.start - m.end, m.pattern.order, m.start))
    taken: list[_Match] = []
    for match in ranked:
        if all(match.end <= other.start or match.start >= other.end for other in taken):
            taken.append(match)
    return sorted(taken, key=lambda m: m.start)


def _has_year(groups: dict[str, str | None]) -> bool:
    return any(groups.get(key) for key in ("year", "short_year", "hi", "shift", "holiday"))


def _word_before(text: str, start: int) -> str:
    found = _WORD_BEFORE.search(text, max(0, start - _WINDOW), start)
    return normalize_phrase(found[1]) if found else ""


def _word_after(text: str, end: int) -> str:
    found = _WORD_AFTER.search(text[end : end + _WINDOW])
    return found[1] if found else ""


def _plausible(match: _Match, doc: Doc, text: str, lexicon: TimexLexicon) -> bool:
    """The checks a match's kind needs before it counts as a temporal expression."""
    groups, kind = match.groups, match.pattern.kind
    month = groups.get("month") or groups.get("first_month") or groups.get("last_month")
    if month and not month[0].isdigit() and not month[0].isupper():
        return False  # 'may', 'march': a verb
    if groups.get("holiday") and not _holiday_ok(match, doc):
        return False
    if groups.get("last_month") and quarter_of_months(groups, lexicon) is None:
        return False  # 'the March-May period', 'the May quarter': the months stand alone
    before = _word_before(text, match.start)
    if kind == "month" and not _bare_month_ok(match, text, before):
        return False
    if kind == "year" and match.pattern.name == "year" and not groups.get("mod"):
        return _year_ok(match, doc, text, before)
    if kind == "quarter" and _QUARTER_OF_SOMETHING.match(text, match.end):
        return False  # 'the first quarter of the season', 'a quarter of the century': not a calendar quarter
    if kind == "season" and not (groups.get("shift") or groups.get("year")):
        if _in_name(match, doc, text):
            return False  # 'the Arab Spring', 'the Global Spring Strike', 'Prague Spring'
        return _season_ok(match, text, before) or _season_argument(match, doc)
    if kind == "time" and match.pattern.name == "clock":
        if groups.get("ampm") or groups.get("zone") or groups.get("weekday") or groups.get("month"):
            return True
        if "." in text[match.start : match.end]:
            return before == "at"  # 'at 10.30'; but 'about 0.55 share', 'by 1.25 points'
        if _CLOCK_RANGE.match(text, match.end):
            return True  # 'open 7:00 to 19:00': the start of a span of clock time
        # 'at 7:15', 'Saturday 7:15'; not a score, a ratio or a verse ('won 2:1', 'John 3:16')
        return before in _CLOCK_CONTEXT or any(
            lexicon.value(word_class, before) is not None for word_class in ("weekday", "partofday", "deixis")
        )
    if kind == "unit_adjective" and lexicon.value("name_adjective", groups.get("word")):
        if re.search(r"\d(?:st|nd|rd|th)$", before):
            return False  # 'the 81st annual Academy Awards': an edition (but 'its first annual loss')
        return not _before_name(match, doc)  # 'annual profit', not 'the annual Developers Conference'
    if kind in ("duration", "offset") and groups.get("num") and count(groups["num"], lexicon) is None:
        return False  # 'up from seven a year ago' counts no 'seven a' years: 'a year ago' stands
    if (
        kind in ("duration", "unit_adjective")
        and normalize_phrase(groups.get("num") or "") in ("a", "an")
        and _described(match, doc)
    ):
        return False  # 'there came a day when ...', 'not a day anybody was ready for': no length of time
    if kind == "offset" and _word_after(text, match.end).lower() == "than":
        return False  # 'three days later than planned': a delay against a plan (the duration stands)
    if kind in ("vague_duration", "offset") and _capitalized_inside(match, doc, text, groups):
        return False  # 'referee Tony Weeks', '..., Weeks called a halt': a name
    if kind in ("duration", "unit_adjective", "vague_duration", "offset"):
        if _COMPARED_UNIT.match(text, match.end):
            return False  # 'a year-on-year drop', 'quarter-over-quarter': a comparison, no length of time
        return _duration_ok(match, text, lexicon)
    if match.pattern.name == "named_today":
        return _before_whole_name(match, doc, lexicon)  # 'at today's GM', not 'today's Senate vote'
    if kind == "reference":
        return _reference_ok(match, doc, text, before)
    if kind in ("anaphor", "shift_unit") and normalize_phrase(groups.get("unit") or "") == "time":
        if normalize_phrase(groups.get("shift") or "") in ("the same", "same"):
            return False  # 'at the same time': simultaneously, not a time of the story
        return _word_after(text, match.end).lower() not in _CONJUNCTION_AFTER
    if kind in ("frequency", "unit_adjective") and _inside_title(match, doc, text):
        return False  # 'the Daily News', 'the Weekly Standard': a name
    if kind == "frequency" and _capitalized_word(match, doc, text):
        return False  # 'she told Us Weekly': a frequency word with a capital inside a sentence names a paper
    if kind == "frequency" and lexicon.value("noun_frequency", groups.get("word")):
        return not _modifies_noun(match, doc)  # 'pays quarterly', not 'a quarterly dividend'
    if groups.get("nth") is not None:
        nth = lexicon.value("ordinal", groups["nth"]) or re.sub(r"\D", "", groups["nth"])
        return nth not in ("1", "L")  # 'a third straight day', not 'the first day', 'the last week'
    if match.pattern.name == "overnight":  # 'an overnight stay' lasts; 'an overnight fire' is at night
        return lexicon.value("lasting_noun", _word_after(text, match.end).lower()) is None
    if match.pattern.name == "the_pod":
        return not _modifies_noun(match, doc)  # 'in the morning', not 'the morning session'
    if kind == "weekday" and not _weekday_ok(match, before, lexicon):
        return False
    if kind == "short_decade" and not groups.get("apostrophe"):
        return text[match.start : match.start + 4].lower() == "the " or before in ("and", "or", "the", "mid")
    if groups.get("hi") and not _spoken_year_ok(match, text, before, lexicon):
        return False
    if match.pattern.name == "short_year":
        return before in _DATE_CONTEXT or before == "the"  # the '72 election
    if match.pattern.name == "quarter_code":
        return text[match.start].isupper()  # Q3: not q3
    if match.pattern.name == "half_code":
        return text[match.start : match.end].upper() == text[match.start : match.end]  # H1 2023: not h1
    if match.pattern.name in ("fiscal_year", "fiscal_short_year"):
        # fiscal 2014, Fiscal 2014, FY2009 (not fy2009)
        return text[match.start].isupper() or text[match.start : match.start + 2] != "fy"
    return True


def _capitalized_word(match: _Match, doc: Doc, text: str) -> bool:
    """A match written with a capital that does not open its sentence."""
    if not text[match.start].isupper():
        return False
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    return span is not None and not span[0].is_sent_start


def _title_follows(match: _Match, doc: Doc) -> bool:
    """A capitalized word, or one all in capitals, follows the match."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    follower = doc[span.end] if span is not None and span.end < len(doc) else None
    return follower is not None and (follower.is_title or follower.is_upper and follower.is_alpha)


def _inside_title(match: _Match, doc: Doc, text: str) -> bool:
    """A capitalized word inside a sentence, followed by another: part of a name ('the Daily News')."""
    return _capitalized_word(match, doc, text) and _title_follows(match, doc)


def _capitalized_inside(match: _Match, doc: Doc, text: str, groups: dict[str, str | None]) -> bool:
    """A bare plural unit written with a capital inside a sentence ('Weeks'): a name, not a length."""
    word = groups.get("vunit") or (groups.get("unit") if not groups.get("num") else None)
    if not word or not word[0].isupper() or word.isupper():
        return False
    return _capitalized_word(match, doc, text)


def _in_name(match: _Match, doc: Doc, text: str) -> bool:
    """A capitalized word (the match's last) after a capitalized word inside a sentence, or before one: part
    of a name ('the Arab Spring', 'the Winter Meetings')."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or not span[-1].is_title or span[-1].is_sent_start:
        return False
    if len(span) == 1 and span.start > 0:
        leader = doc[span.start - 1]
        if leader.is_title and not leader.is_sent_start and leader.pos_ in ("PROPN", "ADJ"):
            return True
    return _title_follows(match, doc)


def _modifies_noun(match: _Match, doc: Doc) -> bool:
    """Whether the match's last word is a modifier of the noun after it ('the morning market')."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    return doc[span.end].pos_ in ("NOUN", "PROPN") or doc[span.end - 1].dep_ == "compound"


def _before_name(match: _Match, doc: Doc) -> bool:
    """Whether a proper name follows the match ('the annual Worldwide Developers Conference')."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    return span is not None and span.end < len(doc) and doc[span.end].pos_ == "PROPN"


def _described(match: _Match, doc: Doc) -> bool:
    """Whether the unit noun of 'a day' has a negation or a relative clause (by 'when' or no relative
    word) of its own: a day described ('a day when prices fell', 'not a day anybody expected'), not a
    length of time."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    unit = span[-1]
    if unit.i + 1 < len(doc) and doc[unit.i + 1].lower_ == "when":
        return True
    for child in unit.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ == "relcl" and doc[child.left_edge.i].lower_ not in ("that", "which"):
            return True  # 'a day when', 'a day anybody expected' (but 'lasted a week that ended badly')
    return False


def _before_whole_name(match: _Match, doc: Doc, lexicon: TimexLexicon) -> bool:
    """Whether a capitalized one-word name after "today's" is the whole noun phrase ('this is an exciting
    time at today's GM': the company as it is now), not the modifier of a noun ('today's Senate vote')."""
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    after = span.end + 1 if span.end < len(doc) and doc[span.end].tag_ == "POS" else span.end
    if after >= len(doc):
        return False
    name = doc[after]
    if name.pos_ != "PROPN" or not name.text[:1].isupper():
        return False
    if lexicon.value("publication", name.text) is not None:
        return False  # "today's Guardian": the day's issue
    follower = doc[name.i + 1] if name.i + 1 < len(doc) else None
    return follower is None or follower.pos_ not in ("NOUN", "PROPN", "NUM")


def _weekday_ok(match: _Match, before: str, lexicon: TimexLexicon) -> bool:
    """A capitalized weekday that does not name a day of history ('Black Monday', 'Good Friday')."""
    return match.groups["weekday"][0].isupper() and lexicon.value("named_day", before) is None


def _spoken_year_ok(match: _Match, text: str, before: str, lexicon: TimexLexicon) -> bool:
    """Words that say a year ('nineteen ninety-six'); 'two thousand' only as 'the year two thousand' or
    after a preposition of time and before no noun ('by two thousand', not 'by two thousand people')."""
    if spoken_year(match.groups["hi"], match.groups.get("lo"), lexicon) is None:
        return False
    if not normalize_phrase(match.groups["hi"]).endswith("thousand"):
        return True
    if text[match.start : match.start + 4].lower() == "the ":
        return True
    after = _word_after(text, match.end)
    return before in ("in", "by", "since", "until", "till", "before", "after") and not after[:1].isalpha()


def _holiday_ok(match: _Match, doc: Doc) -> bool:
    """A capitalized holiday that names the day, not a season it gives its name to ('the Christmas sales
    period', 'Thanksgiving travel')."""
    if not match.groups["holiday"][0].isupper():
        return False
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head.i < root.i:
        root = root.head  # 'Christmas and New Year sales': the first conjunct's head
    return not (root.head.i > span.end - 1 and root.head.pos_ in ("NOUN", "PROPN") and root.dep_ != "conj")


def _bare_month_ok(match: _Match, text: str, before: str) -> bool:
    if match.groups.get("mod"):
        return True
    after = _word_after(text, match.end)
    if after[:1].isupper() and _is_name_word(after):
        return False  # 'June Carter', 'August Wilson'
    if normalize_phrase(match.groups["month"]) in ("may", "march"):
        # 'since May', and a superlative: 'the coldest March since 1962', 'the worst May on record'
        superlative = before in ("best", "worst") or (len(before) > 4 and before.endswith("est"))
        return before in _DATE_CONTEXT or superlative
    return True


def _is_name_word(word: str) -> bool:
    """A capitalized word that is not itself part of a date (a name after a month: 'June Carter')."""
    return not word[:1].isdigit() and normalize_phrase(word) not in _TIME_WORDS


_TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "last", "next", "this"}
)


def _year_ok(match: _Match, doc: Doc, text: str, before: str) -> bool:
    if before == "at" and _CLOCK_GLOSS.match(text, match.end):
        return False  # 'struck at 1353 (1023 GMT)': a 24-hour clock time glossed in another zone
    if text[max(0, match.start - 1) : match.start] in ("$", "£", "€", "#", "/", ":"):
        return False
    after = _word_after(text, match.end)
    if after.startswith("%"):
        return False
    if _year_range(text, match.start, match.end):
        return True  # 'the 1979-1981 crisis', 'the Korean War (1950–1953)': both ends are years
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None:
        return False
    follower = doc[span.end] if span.end < len(doc) else None
    leader = doc[span.start - 1] if span.start > 0 else None
    counted = follower is not None and follower.tag_ == "NNS"
    if counted and (leader is None or leader.tag_ not in _DETERMINERS):
        return False  # a count: sold 2008 cars, rose to 2000 points (but: the 2008 elections)
    if before in _DATE_CONTEXT or before.endswith(("'s", "’s")):
        return True
    if after[:1].isupper() and (leader is None or leader.tag_ not in _DETERMINERS):
        return False  # a name: the Russell 2000 Index (but: the 2008 Beijing Olympics)
    return any(token.ent_type_ in ("DATE", "TIME", "EVENT") for token in span)


def _year_range(text: str, start: int, end: int) -> bool:
    """Whether the year at ``text[start:end]`` opens or closes a range of years ('1979-1981', '(1950–1953)';
    four digits at each end): the other end a later year within a century."""
    year = int(text[start:end][-4:])
    before = _YEAR_RANGE_BEFORE.search(text, max(0, start - 8), start)
    if before is not None and 0 < year - int(before[1]) <= 100:
        return True
    after = _YEAR_RANGE_AFTER.match(text, end)
    return after is not None and 0 < int(after[1]) - year <= 100


def _season_ok(match: _Match, text: str, before: str) -> bool:
    matched = normalize_phrase(text[match.start : match.end])
    if normalize_phrase(match.groups["season"]) == "fall":
        if not (matched.startswith("the ") or before in ("in", "this", "last", "next", "early", "late")):
            return False
        return not re.match(r"\s+of\b", text[match.end : match.end + 4])  # the fall of Saigon
    if match.groups["season"][0].isupper() and before and not before.endswith("."):
        return True  # their Autumn meetings
    return matched.startswith("the ") or bool(match.groups.get("mod")) or before in _SEASON_CONTEXT


def _season_argument(match: _Match, doc: Doc) -> bool:
    """A bare season noun that is the subject or object of its clause ('but spring shows signs of hope'),
    not a verb ('prices spring back'), a modifier ('spring water') or a noun after an article ('a hot
    spring')."""
    if match.groups.get("mod") or match.end - match.start != len(match.groups["season"] or ""):
        return False
    span = doc.char_span(match.start, match.end, alignment_mode="expand")
    if span is None or len(span) != 1:
        return False
    token = span[0]
    if token.tag_ != "NN" or token.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    return not any(child.dep_ in ("det", "amod", "poss", "compound") for child in token.children)


def _duration_ok(match: _Match, text: str, lexicon: TimexLexicon) -> bool:
    end = match.end
    if match.pattern.name == "range_first":  # '30 to 40 years': the unit comes after the second number
        tail = _RANGE_TAIL.match(text, end)
        end = tail.end() if tail else end
    after = text[end : end + 5].lower()
    if re.match(r"[\s-]+old\b", after):
        return False  # an age: '51 years old'
    unit = normalize_phrase(match.groups.get("unit") or "")
    number = normalize_phrase(match.groups.get("num") or "")
    if _YEAR_NUMBER.fullmatch(number) and not unit.endswith("s"):
        return False  # a year naming a period: 'the 1988 quarter', not 1988 quarters
    if unit in ("hours", "hrs") and _MILITARY_NUMBER.fullmatch(number) and _clock_before(text, match.start):
        return False  # 'at about 1100 hrs IST': a clock time, not eleven hundred hours
    hyphened = re.fullmatch(r"[\w\s]*\w-quarters?", text[match.start : match.end])
    if unit.startswith("quarter") and hyphened and re.match(r"\s+of\b", text[match.end : match.end + 4]):
        return False  # a fraction: 'three-quarters of its food' (but: two consecutive quarters of growth)
    # not 'a second time', 'a quarter of the dealers'
    return not (unit.startswith(("second", "quarter")) and number in ("a", "an", "single"))


def _clock_before(text: str, start: int) -> bool:
    """A clock preposition before the expression, past an approximation ('at about', 'by', 'until')."""
    words = text[max(0, start - 24) : start].lower().split()
    while words and words[-1] in ("about", "around", "approximately", "roughly", "some"):
        words.pop()
    return bool(words) and words[-1] in _CLOCK_CONTEXT


def _reference_ok(match: _Match, doc: Doc, text: str, before: str) -> bool:
    word = normalize_phrase(match.groups["word"])
    if text[match.end : match.end + 1] == "-":
        return False  # the now-cancelled deal, the soon-to-open terminal
    if word in ("now", "soon") and before == "as":
        return False  # as soon as; 'now that' is a present reference (TimeML: PRESENT_REF)
    if word in ("soon", "shortly") and _word_after(text, match.end).lower() in ("after", "before", "than"):
        return False  # 'shortly after the bombings': a relation to an event, not a time (TimeBank)
    if word == "recent" and before == "most":
        return False  # the most recent model: the latest
    if word in ("the past", "in the past"):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is not None and span.end < len(doc) and doc[span.end].pos_ in ("NUM", "NOUN", "ADJ", "PROPN"):
            return False  # 'each of the past five seasons': 'past' qualifies the count after it
    if word in ("current", "recent", "later", "future", "long-term", "short-term", "near-term"):
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            return False
        tags = {token.tag_ for token in span}
        wanted = {"JJ", "JJR", "JJS", "NN"} if word != "later" else {"RB", "RBR"}
        return bool(tags & wanted) or not any(tags)
    return True


def _join_date_and_clock(text: str, times: list[TimeExpression]) -> tuple[TimeExpression, ...]:
    """A day followed by a clock time of that day is one TIME ('March 12, 2013, 9:36 AM', 'Jul 7, 2012 at
    8:44 PM'), as a clock time followed by its day is ('5 p.m. EST Nov. 9')."""
    joined: list[TimeExpression] = []
    for time in times:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.type == "DATE"
            and last.precision == "day"
            and time.type == "TIME"
            and time.value.startswith(last.value + "T")
            and _DATE_CLOCK_GAP.fullmatch(text, last.end, time.start)
        ):
            span = text[last.start : time.end]
            joined[-1] = TimeExpression(
                span, last.start, time.end, "TIME", time.value, time.precision, time.anchor
            )
            continue
        joined.append(time)
    return tuple(joined)


# -- resolving -----------------------------------------------------------------------------------------
class _Resolver:
    """Resolves selected matches in text order, keeping the narrative's reference time."""

    def __init__(self, doc: Doc, text: str, lexicon: TimexLexicon, published: dt.date | None) -> None:
        self.doc, self.text, self.lexicon = doc, text, lexicon
        self.has_sents = doc.has_annotation("SENT_START")
        self.anchor = published
        self.reference: str | None = None
        self.reference_day: dt.date | None = None
        self.last_day: dt.date | None = None
        self.reporting: str | None = None
        #: the year the story is telling about: the last explicit year the text named, with the index of its
        #: sentence ('The treaty was signed on July 4, 2010. It took effect on September 1.')
        self.story: tuple[int, int] | None = None
        self.sentence_starts = [sent.start_char for sent in doc.sents] if self.has_sents else []
        self.last_date: tuple[int, str] | None = None  # where the last DATE resolved ends, and its value

    def resolve_all(self, matches: list[_Match]) -> tuple[TimeExpression, ...]:
        if self.anchor is None:
            self.anchor = self._first_absolute_day(matches)
        found: dict[int, TimeExpression] = {}
        clocks = []
        for match in matches:
            if (
                match.pattern.kind == "time"
                and not (match.groups.get("weekday") or match.groups.get("deixis"))
                or match.pattern.name in ("ordinal_day", "overnight")
            ):
                clocks.append(match)
                continue
            expression = self._resolve(match)
            if expression is not None:
                found[match.start] = expression
        for match in clocks:
            expression = self._resolve(match, sentence_day=self._sentence_day(match, found))
            if expression is not None:
                found[match.start] = expression
        return _join_date_and_clock(self.text, [found[start] for start in sorted(found)])

    def _first_absolute_day(self, matches: list[_Match]) -> dt.date | None:
        """Without a publication date, the first full date of the text (a dateline) anchors the rest."""
        for match in matches:
            if match.pattern.kind == "date" and match.groups.get("year") and match.groups.get("day"):
                resolved = resolve("date", match.groups, self.lexicon, Context(None))
                if resolved is not None:
                    return reference_day(resolved.value)
        return None

    def _resolve(self, match: _Match, *, sentence_day: dt.date | None = None) -> TimeExpression | None:
        direction = UNKNOWN
        relative = normalize_phrase(match.groups.get("dir") or "") in ("earlier", "later")
        if match.pattern.kind in _TENSED or (match.pattern.kind == "offset" and relative):
            span = self._span(match)
            direction = tense_direction(span.root) if span is not None else UNKNOWN
        context = Context(
            self.anchor,
            self.reference,
            self.reference_day,
            direction,
            sentence_day,
            last_day=self.last_day,
            reporting=self.reporting,
        )
        groups = match.groups
        start = self._range_start(match)
        if start is not None:  # 'Feb. 28-March 1': the end of a range is the first such date after its start
            resolved = resolve(match.pattern.kind, {**groups, "year": start[:4]}, self.lexicon, context)
            if resolved is not None and resolved.value < start[: len(resolved.value)]:
                next_year = {**groups, "year": str(int(start[:4]) + 1)}
                resolved = resolve(match.pattern.kind, next_year, self.lexicon, context)
        else:
            if match.pattern.kind in _STORY_DATED and direction != FUTURE and not _has_year(groups):
                year = self._story_year(match.start)
                if year is not None:
                    groups = {**groups, "year": str(year)}
            resolved = resolve(match.pattern.kind, groups, self.lexicon, context)
        if resolved is not None and resolved.type == "DATE":
            self.last_date = (match.end, resolved.value)
        if resolved is None:
            return None
        self._follow_story(match, resolved)
        if resolved.type == "DURATION" and self._is_rate(match):
            resolved = Resolved("SET", resolved.value, False)
        self._remember(resolved)
        precision = value_precision(resolved.value) if resolved.type in ("DATE", "TIME") else None
        base = self.anchor
        if counts_from_reference(match.pattern.kind, match.groups):
            day_unit = normalize_phrase(match.groups.get("unit") or "") == "day"
            base = (context.last_day if day_unit else None) or context.reference_day
            base = base or self.anchor
        anchor = day_value(base) if resolved.anchored and base else None
        text = self.text[match.start : match.end]
        return TimeExpression(text, match.start, match.end, resolved.type, resolved.value, precision, anchor)

    def _range_start(self, match: _Match) -> str | None:
        """The value of the date a bare day or month closes a range from ('Feb. 28-March 1'), or None."""
        if match.pattern.kind not in _STORY_DATED or _has_year(match.groups) or self.last_date is None:
            return None
        end, value = self.last_date
        if end != match.start - 1 or self.text[end] not in "-–" or not value[:4].isdigit():
            return None
        return value if value_precision(value) in ("day", "month") else None

    def _sentence_index(self, offset: int) -> int:
        return bisect.bisect_right(self.sentence_starts, offset) - 1

    def _story_year(self, offset: int) -> int | None:
        """The year of a bare month or day in a story told about an earlier year: the year of a full date
        the same sentence named ('signed on 2 March 2012 and ratified on 25 March'), with no date counted
        from the publication day named between. A bare year does not count, nor does a full date in an
        earlier sentence: in both TimeML corpora a month after 'since 1980', 'in 2007' or '... on Dec. 21,
        1988. ... agreed in April' is still dated from the publication day."""
        if self.story is None or not self.has_sents:
            return None
        year, sentence = self.story
        return year if self._sentence_index(offset) - sentence <= _STORY_SENTENCES else None

    def _follow_story(self, match: _Match, resolved: Resolved) -> None:
        if resolved.type not in ("DATE", "TIME") or not self.has_sents:
            return
        if resolved.anchored:
            if resolved.moves_reference and match.pattern.kind not in _STORY_DATED:
                self.story = None  # 'last week': the story is back at the publication day
            return
        if value_precision(resolved.value) not in ("day", "time") or not resolved.value[:4].isdigit():
            return  # a bare year ('since 1980', 'due 1993') sets no scene: news dates from the day it is out
        year = int(resolved.value[:4])
        if self.anchor is None or year < self.anchor.year:
            self.story = (year, self._sentence_index(match.start))

    def _is_rate(self, match: _Match) -> bool:
        """'a year' after a quantity is a rate, a SET (TimeML: '$2 million a year', '24 hours a day')."""
        if not re.fullmatch(r"(?:an?|per)\s+[a-z]+", self.text[match.start : match.end].lower()):
            return False  # 'a year', 'per day'; not 'a few weeks (too late)'
        if self.text[match.end - 1 : match.end].lower() == "s":
            return False
        span = self._span(match)
        if span is None or span.start == 0:
            return False
        return self.doc[span.start - 1].tag_ in ("CD", "NN", "NNS")

    def _remember(self, resolved: Resolved) -> None:
        if resolved.type not in ("DATE", "TIME") or not resolved.moves_reference:
            return
        day = reference_day(resolved.value)
        if day is not None:
            self.reference, self.reference_day = resolved.value, day
            if value_precision(resolved.value) in ("quarter", "half"):
                last = value_range(resolved.value)
                if self.anchor is None or (last is not None and last[1] < self.anchor):
                    self.reporting = resolved.value  # a period that has ended: one a story reports on
            if value_precision(resolved.value) in ("day", "time"):
                self.last_day = day

    def _span(self, match: _Match) -> Span | None:
        return self.doc.char_span(match.start, match.end, alignment_mode="expand")

    def _sentence_day(self, match: _Match, found: dict[int, TimeExpression]) -> dt.date | None:
        """The day named by the nearest dated expression of the clock time's sentence."""
        span = self._span(match)
        if span is None or not self.has_sents:
            return None
        sent = span.sent
        first, last = sent.start_char, sent.end_char
        days = [
            (abs(start - match.start), expression)
            for start, expression in found.items()
            if first <= start < last and expression.precision in ("day", "time")
        ]
        if days:
            return reference_day(min(days, key=lambda pair: pair[0])[1].value)
        if match.pattern.kind != "time" and match.pattern.name != "overnight":
            return None  # a running count ('its fifth day'): the day of its own sentence, or the anchor's
        # a clock time with none in its sentence: the last day named before it, within the previous
        # sentences ('The fire was reported Tuesday morning. Crews arrived at 3:33 a.m.')
        here = self._sentence_index(match.start)
        earlier = [
            (start, expression)
            for start, expression in found.items()
            if start < first
            and expression.precision in ("day", "time")
            and here - self._sentence_index(start) <= _CLOCK_SENTENCES
        ]
        return reference_day(max(earlier, key=lambda pair: pair[0])[1].value) if earlier else None
