"""Regular expressions built once, at import, from the tables in `lexicon`."""

from __future__ import annotations

import re

from .lexicon import (
    AMBIGUOUS,
    BARE_MAGNITUDE_BOUNDS,
    CHINESE_DIGITS,
    CURRENCY_SYMBOLS,
    FALL_WORDS,
    GROWTH_NOUNS,
    MAGNITUDE_CHARS,
    NEUTRAL_CHANGE_WORDS,
    PLAIN_DIGITS,
    QUALIFIER_FILLERS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATIO_WORDS,
    RELATIVE_CHANGE_WORDS,
    RISE_WORDS,
    SHARE_WORDS,
    UNITS,
    Unit,
)


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# (ambiguous word, longer word, where the word stands in it) for every row of `AMBIGUOUS`.
_LONGER_WORDS: tuple[tuple[str, str, int], ...] = tuple(
    (word, longer, longer.index(word)) for word, longers in AMBIGUOUS.items() for longer in longers
)
_LONGER_BY_WORD: dict[str, tuple[tuple[str, int], ...]] = {
    word: tuple((longer, longer.index(word)) for longer in longers) for word, longers in AMBIGUOUS.items()
}


def inside_longer_word(text: str, start: int, end: int) -> bool:
    """Whether an ambiguous word within `text[start:end]` is part of a longer word that
    reaches outside the span: `约` in `签约3543亿元`, `以下` in `以下简称` (table `AMBIGUOUS`)."""
    span = text[start:end]
    for word, longers in _LONGER_BY_WORD.items():
        at = span.find(word)
        while at >= 0:
            for longer, offset in longers:
                begin = start + at - offset
                if (
                    begin >= 0
                    and text.startswith(longer, begin)
                    and (begin < start or begin + len(longer) > end)
                ):
                    return True
            at = span.find(word, at + 1)
    return False


def unambiguous(word: str) -> str:
    """A regex for `word` that does not match where it is part of a longer word of
    `AMBIGUOUS` (`报` but not `报告`): the same table, as a look-around."""
    guards = []
    for key, longer, offset in _LONGER_WORDS:
        at = word.find(key)
        if at < 0:
            continue
        before, after = longer[:offset], longer[offset:]
        skip = f".{{{at}}}" if at else ""
        behind = f"(?<={re.escape(before)})" if before else ""
        guards.append(f"(?!{skip}{behind}{re.escape(after)})")
    return "".join(guards) + re.escape(word)


def unambiguous_alternation(words) -> str:
    """`alternation`, each word guarded by `unambiguous`."""
    return "|".join(unambiguous(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# Unit spellings → (canonical unit, kind), for the units a number may carry.
UNIT_BY_SPELLING: dict[str, Unit] = {}
for _unit in UNITS:
    for _spelling in _unit.spellings:
        if _spelling in UNIT_BY_SPELLING:
            raise ValueError(f"lexicon.UNITS: the spelling {_spelling!r} belongs to two units")
        UNIT_BY_SPELLING[_spelling] = _unit
UNIT_KINDS: dict[str, tuple[str, str]] = {
    spelling: (unit.canonical, unit.kind)
    for spelling, unit in UNIT_BY_SPELLING.items()
    if unit.kind != "denominator"
}
RATE_DENOMINATORS: tuple[str, ...] = tuple(spelling for unit in UNITS for spelling in unit.per)
CHANGE_UNITS: frozenset[str] = frozenset(unit.canonical for unit in UNITS if unit.change)
PERCENT_SIGNS: frozenset[str] = frozenset(("%", "‰"))

CN_DIGIT = f"[{PLAIN_DIGITS}]"


def _magnitude_char() -> str:
    """A magnitude character that does not begin a unit's spelling: `千` of `5千瓦` and `百`
    of `5百分点` belong to the unit, not to the number."""
    alternatives = []
    for char in MAGNITUDE_CHARS:
        rests = [s[1:] for s in UNIT_KINDS if s[0] == char and len(s) > 1]
        alternatives.append(f"{char}(?!{alternation(rests)})" if rests else char)
    return f"(?:{'|'.join(alternatives)})"


_MAG_CHAR = _magnitude_char()
MAGNITUDE = rf"{_MAG_CHAR}+"
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
ARABIC_AMOUNT = rf"{ARABIC}(?:{MAGNITUDE}(?:\d{{1,4}}(?![\d.]))?)?"
CHINESE_AMOUNT = rf"(?:{CN_DIGIT}|{_MAG_CHAR})+(?:点(?:{CN_DIGIT}+|几)|(?<=[十百千万])几)?"

# `(?<!...)` keeps `3%-5%` and `0.94-0.43` from reading a minus sign.
_SIGN = r"(?:(?<![\d%.A-Za-z)）])(?P<sign>[-−](?=\d)))?"

# Where a run of Chinese numerals can be a quantity: it holds 万 or 亿, or a unit, `成`,
# `倍` or `个` follows. The rest (`一是`, `两业`, `十四五`) is never read further.
_UNIT_FIRST_CHARS = "".join(sorted({spelling[0] for spelling in UNIT_KINDS} | set("成倍番个多余来")))
_CHINESE_QUANTITY = (
    rf"{CHINESE_AMOUNT}(?:(?<=[万亿])|(?<=[万亿]{CN_DIGIT})|(?=[{re.escape(_UNIT_FIRST_CHARS)}]))"
)
# Years and dates (`2025年`, `2月24日`) are never quantities: skipped by the scan itself.
_NOT_A_DATE = r"(?<!\d)(?!(?:19|20)\d\d\s?年)(?:(?<=[连续涨跌升降])|(?!\d{1,2}(?:月|日|号)))"

# Every candidate starts with one of these: a lookahead on them lets the regex engine skip
# the text between numbers at C speed (six times faster than trying each alternative).
_FIRST_CHARS = "".join(
    sorted(
        set("0123456789-−百零")
        | set(CHINESE_DIGITS)
        | set("十百千万亿拾佰仟")
        | {s[0] for s in CURRENCY_SYMBOLS}
    )
)

CANDIDATE_RE = re.compile(
    rf"(?=[{re.escape(_FIRST_CHARS)}])"
    rf"(?:(?P<pct_cn>百分之(?P<pct_cn_num>{CHINESE_AMOUNT}))"
    r"|(?P<pct_full>百分百)"
    r"|(?P<zero_growth>零增长)"
    rf"|(?P<frac_cn>(?P<frac_den>{CHINESE_AMOUNT})分之(?P<frac_num>{CHINESE_AMOUNT}))"
    rf"|(?P<ratio>{ARABIC}(?:[:：]{ARABIC})+)"
    r"|(?P<frac>(?<![\d/.])\d{1,4}/\d{1,4}(?![\d/]))"
    rf"|(?P<cn_range>(?P<cn_lo>[一二三四五六七八])(?P<cn_hi>[二三四五六七八九])(?P<cn_mag>[十百千万]))"
    rf"|(?P<currency>{alternation(CURRENCY_SYMBOLS)})(?P<cur_amount>{ARABIC_AMOUNT})"
    rf"|{_SIGN}(?P<amount>{_NOT_A_DATE}{ARABIC_AMOUNT}|{_CHINESE_QUANTITY}))"
)

AMOUNT_RE = re.compile(rf"(?P<amount>{ARABIC_AMOUNT}|{CHINESE_AMOUNT})")

_UNIT_SPELLINGS = alternation(UNIT_KINDS)
UNIT_RE = re.compile(
    r"(?P<approx>多|余)?"
    rf"(?P<unit>{_UNIT_SPELLINGS})"
    rf"(?P<per>(?:/|每)(?:{alternation(RATE_DENOMINATORS)}))?"
)

RANGE_SEPARATOR_RE = re.compile(r"(?:至|到|-|—|–|~|～|〜|－|－)")
# `上下` of `上下游` and `以下` of `以下简称` are other words (`AMBIGUOUS`).
APPROX_AFTER_UNIT_RE = re.compile(rf"(?:{unambiguous_alternation(QUALIFIERS_AFTER)})")
# A bare magnitude is a figure only right after one of these (`超万亿元`, `近万人`, `过万`).
BARE_MAGNITUDE_BOUND_RE = re.compile(rf"(?:{alternation(BARE_MAGNITUDE_BOUNDS)})$")
BARE_BOUND_WINDOW = max(len(w) for w in BARE_MAGNITUDE_BOUNDS)

_FILLERS = alternation(
    (*QUALIFIER_FILLERS, *QUALIFIERS_BEFORE, "分别", "均", "都", "将", "不会", "可能", "或",
     "预计", "有望", "再", "又", "仍", "已", "已经", "同比", "环比", "累计", "大幅", "显著",
     "明显", "轻微", "略", "小幅", "进一步", "继续", "高达", "仅", "只", "共", "合计", "总计",
     "年均", "平均", "，", " ")
)  # fmt: skip
FILLERS_RE = rf"(?:{_FILLERS})*"

QUALIFIER_BEFORE_RE = re.compile(
    rf"(?P<word>{alternation(QUALIFIERS_BEFORE)})(?:{alternation(QUALIFIER_FILLERS)})*$"
)
# `约占全国1/4`: the bound word stands before `占` and the whole's name.
QUALIFIER_BEFORE_SHARE_RE = re.compile(rf"(?P<word>{alternation(QUALIFIERS_BEFORE)})占[^，。；、\d]{{0,12}}$")

# Change words right before the number (only fillers between).
LEVEL_AT_RE = re.compile(
    r"(?P<cue>(?:增长|增加|提升|提高|上升|升|增|降|下降|回落|回升|跌|下跌|减少|减|扩大|缩小|"
    r"下滑|攀升|上调|下调|调整|恢复|降低|收窄|跃升|突破|涨)(?:至|到|为)|(?:升|增|降|跌|回|减)(?:至|为))"
    rf"{FILLERS_RE}$"
)
# `增加的2.65亿元`: the amount a change word qualifies is the change.
CHANGE_CUE_RE = re.compile(
    rf"(?P<cue>{alternation((*RISE_WORDS, *FALL_WORDS, *NEUTRAL_CHANGE_WORDS, *RELATIVE_CHANGE_WORDS))})"
    rf"(?:的)?{FILLERS_RE}$"
)
RISE_SET = frozenset(RISE_WORDS) - frozenset(NEUTRAL_CHANGE_WORDS)
FALL_SET = frozenset(FALL_WORDS) - frozenset(NEUTRAL_CHANGE_WORDS)

# Nouns anywhere before the number that say what kind of figure it is.
MEASURE_NOUN_RE = re.compile(rf"{alternation((*GROWTH_NOUNS, *SHARE_WORDS, *RATIO_WORDS, '增加值', '增值'))}")

STREAK_BEFORE_RE = re.compile(r"(?:连续|接连|连[涨跌升降增减]|连)(?:了)?$")

# Words that stop a metric: clause punctuation.
# An ideographic space separates the independent phrases of a headline, like a full stop.
SENTENCE_BREAK_RE = re.compile(r"[。！？!?\n\u3000]")
# Brackets are not breaks: `广义货币(M2)余额` is one subject.
CLAUSE_BREAK_RE = re.compile(r"[，,；;：:\u3000！？!?。\n【】\[\]]")

YEAR_RE = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d{2})"
    r"(?P<tail>(?:/\d{2})?(?:财年|年度|年|财政年度)|(?=\s*[-—–~至到]\s*(?:19|20)\d{2}年))"
)
YEAR_SPAN_RE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?:年)?(?:\d{1,2}月)?\s*(?:至|到|-|—|–|~)\s*(?:19|20)\d{2}年"
)
