"""From mentions to indicator rows: bound, measure and sign, period, metric.

Each is read from the words of the mention's own sentence, the way an analyst reads it:
the bound word next to the number, the change word right before it, the four-digit year
earlier in the sentence that the figure refers to, and the subject it is said of.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass

from .lexicon import (
    COMPARED_LESS_MORE,
    DE,
    GROWTH_NOUNS,
    LEVEL_AT_ALONE,
    POLARITY_CHANGE_WORD,
    PROPORTION_NOUNS,
    QUALIFIERS_BEFORE,
    RATE_NOUN_ENDS,
    RATE_SUFFIX,
    RATIO_WORDS,
    RELATIVE_CHANGE_WORDS,
    SHARE_VERB,
    SHARE_WORDS,
    TIMES_UNIT,
    VALUE_ADDED_WORDS,
)
from .mentions import Mention
from .patterns import (
    AFTER_WINDOW,
    BASE_BEFORE_RE,
    BASE_YEAR_TAIL_LONGEST,
    BASE_YEAR_TAIL_RE,
    BELOW_RE,
    BOOK_TITLE_WINDOW,
    BOUND_WINDOW,
    CHANGE_CUE_RE,
    CHANGE_UNITS,
    COMPARED_LESS_MORE_RE,
    CUE_WINDOW,
    FALL_SET,
    FOLLOWING_WINDOW,
    GROWTH_AFTER_RE,
    LESS_IS_BETTER_RE,
    LEVEL_AT_RE,
    LIST_GLUE,
    LOOK_BACK_AFTER_RE,
    LOOK_BACK_WINDOW,
    MEASURE_NOUN_RE,
    PART_OF_GROUP_AFTER_RE,
    PERCENT_SIGNS,
    QUALIFIER_BEFORE_RE,
    QUALIFIER_BEFORE_SHARE_RE,
    REDUCTION_OBJECT_RE,
    RELATIVE_RE,
    RISE_SET,
    SHARE_AFTER_PERCENT_RE,
    SHARE_BOUND_WINDOW,
    SINCE_AFTER_RE,
    YEAR_BASE_WINDOW,
    YEAR_RE,
    YEAR_SINCE_WINDOW,
    YEAR_SPAN_RE,
    inside_longer_word,
)


@dataclass(frozen=True)
class YearRef:
    start: int
    end: int
    year: str
    kind: str  # year, span, relative, look-back
    base: bool = False  # a comparison base (`比2020年`, `由2017年的`)


class YearRefs:
    """An article's year references in text order, with an index of where the walk back
    of `period_for` stops: `stops[k]` is the last reference at or before `k` that is not a
    base or look-back year, so a sentence full of `比2020年` is crossed in one step."""

    def __init__(self, refs: list[YearRef]) -> None:
        self.refs = refs
        self.starts = [ref.start for ref in refs]
        self.stops: list[int] = []
        stop = -1
        for index, ref in enumerate(refs):
            if not _passed_over(ref):
                stop = index
            self.stops.append(stop)

    def __len__(self) -> int:
        return len(self.refs)

    def __iter__(self):
        return iter(self.refs)

    def __getitem__(self, index):
        return self.refs[index]


def _passed_over(ref: YearRef) -> bool:
    """A year that `period_for` passes over unless it stands right before the figure."""
    return ref.kind == "look-back" or (ref.kind == "year" and ref.base)


def find_year_refs(text: str) -> YearRefs:
    """Four-digit years, year spans and `今年`-like words, in text order."""
    refs: list[YearRef] = []
    spans = [(m.start(), m.end()) for m in YEAR_SPAN_RE.finditer(text)]
    span_starts = [start for start, _ in spans]
    for start, end in spans:
        refs.append(YearRef(start, end, "", "span"))
    for match in YEAR_RE.finditer(text):
        if _inside(spans, span_starts, match.start()):
            continue
        if _in_book_title(text, match.start()):
            continue
        before = text[max(0, match.start() - YEAR_BASE_WINDOW) : match.start()]
        after = text[match.end() : match.end() + YEAR_SINCE_WINDOW]
        if LOOK_BACK_AFTER_RE.match(text, match.end("year"), match.end("year") + LOOK_BACK_WINDOW):
            refs.append(YearRef(match.start(), match.end(), "", "look-back"))  # `创2005年以来新低`
            continue
        base = bool(BASE_BEFORE_RE.search(before)) and not SINCE_AFTER_RE.match(after)
        refs.append(YearRef(match.start(), match.end(), match.group("year"), "year", base))
    for match in RELATIVE_RE.finditer(text):
        refs.append(YearRef(match.start(), match.end(), "", "relative"))
    refs.sort(key=lambda r: r.start)
    return YearRefs(refs)


def _inside(spans: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    """Whether `pos` falls in one of `spans` (sorted, not overlapping), by bisection."""
    index = bisect_right(starts, pos) - 1
    return index >= 0 and pos < spans[index][1]


def _in_book_title(text: str, pos: int) -> bool:
    opened = text.rfind("《", max(0, pos - BOOK_TITLE_WINDOW), pos)
    return opened >= 0 and text.rfind("》", opened, pos) < 0


def period_for(text: str, refs: YearRefs, sentence_start: int, number_start: int) -> str | None:
    """The year the figure refers to: the nearest earlier year in its sentence that is
    not a comparison base; a span or `今年` in between means none."""
    index = bisect_right(refs.starts, number_start) - 1
    while index >= 0:
        ref = refs[index]
        index -= 1
        if ref.end > number_start:
            continue
        if ref.start < sentence_start:
            return None
        if _passed_over(ref):
            if number_start - ref.end > BASE_YEAR_TAIL_LONGEST:
                # the years before it end farther back still: on to the next stop
                stop = refs.stops[index] if index >= 0 else -1
                if stop < index and refs[stop + 1].start < sentence_start:
                    return None
                index = stop
                continue
            if ref.kind == "look-back":
                continue
            between = text[ref.end : number_start]
            if BASE_YEAR_TAIL_RE.fullmatch(between):
                return ref.year
            continue
        if ref.kind in ("span", "relative"):
            return None
        return ref.year
    return None


def qualifier_for(mention: Mention, pre: str) -> tuple[str, str]:
    """(qualifier, where it came from: "form", "before", "after" or "").

    The bound word next to the number wins; a range's own bounds win over `约`."""
    if mention.bound:
        return mention.bound, "form"
    for window, pattern in (
        (pre[-BOUND_WINDOW:], QUALIFIER_BEFORE_RE),
        (pre[-SHARE_BOUND_WINDOW:], QUALIFIER_BEFORE_SHARE_RE),
    ):
        word = pattern.search(window)
        if word and not inside_longer_word(window, word.start("word"), word.end("word")):
            return QUALIFIERS_BEFORE[word.group("word")], "before"
    if mention.post_qualifier:
        return mention.post_qualifier, "after"
    return "", ""


_SHARE = frozenset(SHARE_WORDS)
_RATIO = frozenset(RATIO_WORDS)


def _nearest_noun(clause_before: str) -> str | None:
    nouns = [m.group() for m in MEASURE_NOUN_RE.finditer(clause_before)]
    return nouns[-1] if nouns else None


@dataclass(frozen=True, slots=True)
class MeasureContext:
    """What the measure rules read about one figure: its mention, the words right before
    it (`tail`), the clause before it, the change word and its sign, the noun that names
    the figure, the words right after it, and the measure of the figure before."""

    mention: Mention
    tail: str
    clause_before: str
    cue: str | None
    change_sign: int
    noun: str | None
    level_at: bool
    after: str
    previous_measure: str | None
    cue_direct: bool = False  # the change word stands right before the number, no `的` between
    following: str = ""  # a longer look after the number than `after`

    @property
    def percent(self) -> bool:
        return self.mention.unit in PERCENT_SIGNS

    @property
    def names_rate(self) -> bool:
        noun = self.noun or ""
        return noun in _RATIO or noun.endswith(RATE_SUFFIX)


MeasureRule = Callable[[MeasureContext], "tuple[str, int] | None"]


def _change_unit(c: MeasureContext) -> tuple[str, int] | None:
    """`个百分点`, `基点`: always a change; a gap below (`比全省低0.5个百分点`) is negative."""
    if c.mention.unit not in CHANGE_UNITS:
        return None
    if c.change_sign:
        return "growth", c.change_sign
    if BELOW_RE.search(c.tail):
        return "growth", -1
    return "growth", GROWTH_NOUNS.get(c.noun or "", 1)


def _tenths_or_fraction(c: MeasureContext) -> tuple[str, int] | None:
    """`四成`, `三分之一`: a share, or a rate where the noun names one (`不良率为千分之五`);
    the parts of a structure (`3.9：59.5：36.6`) are shares whatever the whole is called."""
    if c.mention.unit_kind == "structure":
        return "share", 1
    if c.mention.unit_kind not in ("cheng", "fraction"):
        return None
    return ("ratio" if c.noun not in _SHARE and c.names_rate else "share"), 1


def _rate_noun_on_an_amount(c: MeasureContext) -> bool:
    """`涨幅超过5%的个股有30只`: a rate noun (`涨幅`) cannot measure a count of things."""
    return c.mention.unit_kind == "count" and (c.noun or "").endswith(RATE_NOUN_ENDS)


def _share_noun(c: MeasureContext) -> bool:
    return c.noun in _SHARE or (c.noun in PROPORTION_NOUNS and SHARE_VERB in c.clause_before)


# The measure rules, tried in order: the first that applies gives (measure, sign).
MEASURE_RULES: tuple[tuple[str, MeasureRule], ...] = (
    ("streak", lambda c: ("duration", 1) if c.mention.is_streak else None),
    # `零增长`, `翻倍`: words that are a change
    ("change figure", lambda c: ("growth", 1) if c.mention.unit_kind == "change_figure" else None),
    # `九折`: the price paid, as a part of the list price
    ("discount", lambda c: ("ratio", 1) if c.mention.unit_kind == "discount" else None),
    # `缩短一半` is a change; `增长的近一半来自…`, `占一半` are parts of a whole
    (
        "half",
        lambda c: (
            (("growth", c.change_sign) if c.change_sign and c.cue_direct else ("share", 1))
            if c.mention.unit_kind == "half"
            else None
        ),
    ),
    ("change unit", _change_unit),
    ("new level after a change to", lambda c: (_measure_of_level(c), 1) if c.level_at else None),
    # `约占全球天然气消费增长的1/3`: a part of a change is a share of it
    (
        "share of a change",
        lambda c: (
            ("share", 1)
            if c.change_sign
            and not c.cue_direct
            and SHARE_VERB in c.clause_before
            and (c.percent or c.mention.unit_kind in ("cheng", "fraction"))
            else None
        ),
    ),
    ("change word", lambda c: ("growth", c.change_sign) if c.change_sign else None),
    (
        "growth noun",
        lambda c: (
            ("growth", GROWTH_NOUNS[c.noun])
            if c.noun in GROWTH_NOUNS and not c.cue and not _rate_noun_on_an_amount(c)
            else None
        ),
    ),
    (
        "growth noun after",
        lambda c: (
            ("growth", -1 if after.group("fall") else 1)
            if (after := GROWTH_AFTER_RE.match(c.after))
            else None
        ),
    ),  # `8%左右增速`, `31.59%的降幅`
    ("tenths or fraction", _tenths_or_fraction),
    (
        "percent of a whole",  # `30%的资金`, `79%的毕业生`
        lambda c: (
            ("share", 1)
            if c.percent
            and (SHARE_AFTER_PERCENT_RE.match(c.after) or PART_OF_GROUP_AFTER_RE.match(c.following))
            else None
        ),
    ),
    ("share noun", lambda c: ("share", 1) if c.percent and _share_noun(c) else None),
    ("rate noun", lambda c: ("ratio", 1) if c.percent and c.names_rate else None),
    (
        "reads like the percent before",  # `占比分别为54%、16%…，合计为90%`
        lambda c: (
            (c.previous_measure, 1)
            if c.percent and c.previous_measure in ("share", "ratio") and not c.cue
            else None
        ),
    ),
    ("percent", lambda c: ("ratio", 1) if c.percent else None),
    (
        "multiple",
        lambda c: ("ratio", 1) if c.mention.unit == TIMES_UNIT or c.mention.unit_kind == "ratio" else None,
    ),
    ("level", lambda c: ("level", 1)),
)


def measure_context(
    mention: Mention, pre: str, clause_before: str, text: str, previous_measure: str | None = None
) -> MeasureContext:
    """Read once what the measure rules look at."""
    tail = pre[-CUE_WINDOW:]
    noun = _nearest_noun(clause_before)
    if noun in VALUE_ADDED_WORDS:
        noun = None
    # `增加7.1%至250.6亿元`: right after a change, `至` gives the new level.
    level_at = bool(LEVEL_AT_RE.search(tail)) or pre.strip() in LEVEL_AT_ALONE
    cue_match = CHANGE_CUE_RE.search(tail)
    cue = cue_match.group("cue") if cue_match else None
    change_sign = 1 if cue in RISE_SET else -1 if cue in FALL_SET else 0
    if cue == POLARITY_CHANGE_WORD:
        change_sign = -1 if LESS_IS_BETTER_RE.search(clause_before) else 1
    elif cue in RELATIVE_CHANGE_WORDS and noun in GROWTH_NOUNS:
        change_sign = RELATIVE_CHANGE_WORDS[cue] * GROWTH_NOUNS[noun]  # `降幅比上月收窄2.7个百分点`
    if not cue and any(word in tail for word in COMPARED_LESS_MORE):
        compared = COMPARED_LESS_MORE_RE.search(clause_before[-CUE_WINDOW:])
        if compared:  # `比武汉少近100万人`: less or more than the compared figure
            cue = compared.group("cue")
            change_sign = COMPARED_LESS_MORE[cue]
    if not cue:
        reduced = REDUCTION_OBJECT_RE.search(tail)
        if reduced:  # `压减粗钢产能300万吨`
            cue, change_sign = reduced.group("cue"), -1
    cue_direct = cue_match is not None and DE not in cue_match.group()
    after = text[mention.post_end : mention.post_end + AFTER_WINDOW]
    following = text[mention.post_end : mention.post_end + FOLLOWING_WINDOW]
    return MeasureContext(
        mention,
        tail,
        clause_before,
        cue,
        change_sign,
        noun,
        level_at,
        after,
        previous_measure,
        cue_direct,
        following,
    )


def measure_for(
    mention: Mention, pre: str, clause_before: str, text: str, previous_measure: str | None = None
) -> tuple[str, int, str]:
    """(measure, sign, rule name): the first of `MEASURE_RULES` that applies, reading the
    change word before the number, the noun that names the figure, and the unit."""
    context = measure_context(mention, pre, clause_before, text, previous_measure)
    for name, rule in MEASURE_RULES:
        found = rule(context)
        if found is not None:
            return found[0], found[1], name
    raise AssertionError("the last measure rule always applies")  # pragma: no cover


def _measure_of_level(c: MeasureContext) -> str:
    """`增至`, `降至`: the new level, measured as the figure it names."""
    noun, unit, kind = c.noun, c.mention.unit, c.mention.unit_kind
    if noun in GROWTH_NOUNS and unit in PERCENT_SIGNS:
        return "growth"  # `增速回升至8%`: a rate of change; `增幅…至250.6亿元` is a level
    if kind in ("cheng", "fraction", "structure", "half") or noun in _SHARE:
        return "share" if unit in PERCENT_SIGNS else "level"
    if unit in PERCENT_SIGNS:
        return "ratio"
    return "level"


def is_list_continuation(text: str, previous: Mention | None, mention: Mention) -> bool:
    """`分别增长6.8%、12.3%、7.8%`: the later figures share the first one's reading."""
    if previous is None:
        return False
    if previous.start == mention.start:
        return True  # the two ends of one range
    return text[previous.post_end : mention.start].strip() in LIST_GLUE
