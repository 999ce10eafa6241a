"""Regular expressions built once, at import, from the tables in `lexicon`."""

from __future__ import annotations

import re

from .lexicon import (
    AGE_GROUP_NOUNS,
    CHANGE_FIGURE_WORDS,
    CHINESE_DIGITS,
    CHINESE_LARGE_UNITS,
    CHINESE_SMALL_UNITS,
    COMPARED_LESS_MORE,
    COMPARISON_WORDS,
    COUNT_UNITS,
    CURRENCY_SYMBOLS,
    CURRENCY_UNITS,
    FALL_WORDS,
    GROWTH_NOUNS,
    HALF_OFF_WORDS,
    HALF_WORDS,
    HEADING_MARKERS,
    IMPLIED_UNIT_NOUNS,
    INDEX_UNITS,
    MULTIPLE_UNITS,
    NEUTRAL_CHANGE_WORDS,
    NOT_A_DISCOUNT_AFTER,
    NOT_A_UNIT_AFTER,
    NUMERAL_WORDS,
    PERCENT_UNITS,
    PHYSICAL_UNITS,
    QUALIFIER_FILLERS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATE_DENOMINATORS,
    RATE_NOUN_ENDINGS,
    RATIO_WORDS,
    RELATIVE_CHANGE_WORDS,
    RISE_WORDS,
    SHARE_WORDS,
    STREAK_UNITS,
    SUB_YUAN_UNITS,
)


def alternation(words) -> str:
    """A regex alternation that tries longer words first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# Unit spellings → (canonical unit, kind).
UNIT_KINDS: dict[str, tuple[str, str]] = {}
for _spelling in COUNT_UNITS:
    UNIT_KINDS[_spelling] = (_spelling, "count")
for _table, _kind in (
    (PHYSICAL_UNITS, "physical"),
    (CURRENCY_UNITS, "money"),
    (PERCENT_UNITS, "percent"),
    (MULTIPLE_UNITS, "multiple"),
    (STREAK_UNITS, "time"),
    (INDEX_UNITS, "index"),
):
    for _spelling, _canonical in _table.items():
        UNIT_KINDS[_spelling] = (_canonical, _kind)

_DIGITS_CN = "".join(CHINESE_DIGITS)
CN_DIGIT = f"[{_DIGITS_CN}]"
# `千` before `瓦`, `克`, `米` belongs to the unit (`5千瓦`), not to the number: the units
# that start with 千 say which characters may follow it.
_QIAN_UNIT_NEXT = "".join(sorted({s[1] for s in UNIT_KINDS if s.startswith("千") and len(s) > 1}))
_SMALL_MAG_CHARS = "".join(ch for ch in CHINESE_SMALL_UNITS if ch not in "千仟")
_MAG_CHAR = rf"(?:[{_SMALL_MAG_CHARS}{''.join(CHINESE_LARGE_UNITS)}]|[千仟](?![{_QIAN_UNIT_NEXT}]))"
_SMALL_MAG = rf"(?:[{_SMALL_MAG_CHARS}]|[千仟](?![{_QIAN_UNIT_NEXT}]))"
MAGNITUDE = rf"{_MAG_CHAR}+"
# `.5%` is written for 0.5% in quick copy.
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![0-9A-Za-z.])\.\d+)"
# After a magnitude: the digits of the place below (`14万4000`) or a chain of places
# (`5万4千6百`, `4万1千`).
ARABIC_AMOUNT = rf"{ARABIC}(?:{MAGNITUDE}(?:(?:\d{{1,4}}(?:{_SMALL_MAG}万?|万)){{1,3}}(?:\d(?![\d.]))?|\d{{1,4}}(?![\d.]))?)?"
CHINESE_AMOUNT = rf"(?:{CN_DIGIT}|{_MAG_CHAR})+(?:点(?:{CN_DIGIT}+|几)|(?<=[十百千万])几)?"

# `(?<!...)` keeps `3%-5%` and `0.94-0.43` from reading a minus sign; `负3.9%` and
# `零下5℃` are signs written as words.
_SIGN = r"(?:(?<![\d%.A-Za-z)）])(?P<sign>(?:[-−]|负|零下)(?=[\d.])))?"

# Where a run of Chinese numerals can be a quantity: it holds 万 or 亿, or a unit, `成`,
# `倍` or `个` follows. The rest (`一是`, `两业`, `十四五`) is never read further.
_UNIT_FIRST_CHARS = "".join(sorted({spelling[0] for spelling in UNIT_KINDS} | set("成倍番个多余来")))
_CHINESE_QUANTITY = (
    rf"{CHINESE_AMOUNT}(?:(?<=[万亿])|(?<=[万亿]{CN_DIGIT})|(?=[{re.escape(_UNIT_FIRST_CHARS)}]))"
)
# Years and dates (`2025年`, `2月24日`) are never quantities: skipped by the scan itself.
_NOT_A_DATE = r"(?<!\d)(?!(?:19|20)\d\d\s?年)(?:(?<=[连续涨跌升降])|(?!\d{1,2}(?:月|日|号)))"

_DISCOUNT_NUMBER = rf"(?:\d(?:\.\d)?|[1-9]\d|{CN_DIGIT}{{1,2}}(?:点{CN_DIGIT})?)"

# Every candidate starts with one of these: a lookahead on them lets the regex engine skip
# the text between numbers at C speed (six times faster than trying each alternative).
_FIRST_CHARS = "".join(
    sorted(
        set("0123456789-−百零.负")
        | set(CHINESE_DIGITS)
        | set(CHINESE_SMALL_UNITS)
        | set(CHINESE_LARGE_UNITS)
        | {s[0] for s in CURRENCY_SYMBOLS}
        | {w[0] for w in (*CHANGE_FIGURE_WORDS, *HALF_WORDS, *HALF_OFF_WORDS)}
    )
)

CANDIDATE_RE = re.compile(
    rf"(?=[{re.escape(_FIRST_CHARS)}])"
    rf"(?:(?P<pct_cn>百分之(?P<pct_cn_num>{ARABIC}|{CHINESE_AMOUNT}))"
    r"|(?P<pct_full>百分百)"
    rf"|(?P<change_word>{alternation(CHANGE_FIGURE_WORDS)})"
    rf"|(?P<half>{alternation(HALF_WORDS)})"
    rf"|(?P<half_off>{alternation(HALF_OFF_WORDS)})(?![{NOT_A_DISCOUNT_AFTER}])"
    rf"|(?P<frac_cn>(?P<frac_den>{CHINESE_AMOUNT})分之(?P<frac_num>{CHINESE_AMOUNT}))"
    rf"|(?P<ratio>{ARABIC}(?:[:：∶]{ARABIC})+)"
    r"|(?P<frac>(?<![\d/.])\d{1,4}/\d{1,4}(?![\d/]))"
    rf"|(?P<discount>(?<![\d.])(?P<discount_num>{_DISCOUNT_NUMBER})折(?![{NOT_A_DISCOUNT_AFTER}]))"
    rf"|(?P<cn_range>(?P<cn_lo>[一二三四五六七八])(?P<cn_hi>[二三四五六七八九])(?P<cn_mag>[十百千万]))"
    rf"|(?P<currency>{alternation(CURRENCY_SYMBOLS)})(?P<cur_amount>{ARABIC_AMOUNT})"
    rf"|{_SIGN}(?P<amount>{_NOT_A_DATE}{ARABIC_AMOUNT}|{_CHINESE_QUANTITY}))"
)
# A section heading line (`一、经济运行`, `（二）对外贸易`, `3. 价格`): never joined to the
# paragraph below it.
HEADING_MAX_CHARS = 30
HEADING_LINE_RE = re.compile(
    rf"(?:{CN_DIGIT}{{1,3}}[{re.escape(''.join(HEADING_MARKERS))}]|[（(](?:{CN_DIGIT}{{1,3}}|\d{{1,2}})[）)]"
    rf"|\d{{1,2}}[、.．](?!\d))[^。！？]{{0,{HEADING_MAX_CHARS}}}"
)
# A unit written in Latin letters or symbols after a digit: the space between goes.
LATIN_UNIT_START_RE = re.compile(r"[A-Za-z%‰℃°\u3380-\u33ff]")
# `79%的毕业生`: a percentage before `的` and a noun is the part of that group, unless the
# noun names a rate or a change (`5%的增速`, `3%的利率`).
PART_OF_GROUP_AFTER_RE = re.compile(
    rf"的(?![^，。；、\d]{{0,4}}(?:{alternation(RATE_NOUN_ENDINGS)}))[\u4e00-\u9fff]"
)
AGE_GROUP_NOUN_RE = re.compile(rf"(?:{alternation(AGE_GROUP_NOUNS)})")
RATIO_SEPARATOR_RE = re.compile(r"[:：∶]")
# A clock time is no ratio: `10:30`, `01:47:19`.
CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-4])(?:[:：][0-5]\d){1,2}")
# Words that start with a numeral and a unit and are neither (`一度`, `两位数`).
NUMERAL_WORD_RE = re.compile(alternation(NUMERAL_WORDS))
# Addresses: nothing in them is a figure (`%28` is an escaped bracket).
URL_RE = re.compile(r"(?:https?://|www\.)[!-~]+")
# `50元6角3分`: jiao and fen after the yuan.
SUB_YUAN_RE = re.compile(
    rf"(?:(?P<jiao>\d|{CN_DIGIT})[角毛])?(?:(?P<fen>\d|{CN_DIGIT})分(?![钟之析别红配享布期成]))?(?<=[角毛分])"
)
SUB_YUAN_VALUES = SUB_YUAN_UNITS
# `3米5`: one digit after the unit, nothing of a number after it.
SPOKEN_TENTHS_RE = re.compile(rf"(?P<digit>\d|{CN_DIGIT})(?![\d.%万亿千百十个倍成年月日号天])")
# Implied units: the noun right before the number (bound and filler words between).

AMOUNT_RE = re.compile(rf"(?P<amount>{ARABIC_AMOUNT}|{CHINESE_AMOUNT})")

_UNIT_SPELLINGS = alternation(UNIT_KINDS)
UNIT_RE = re.compile(
    r"(?P<approx>多|余)?"
    rf"(?P<unit>{_UNIT_SPELLINGS})"
    rf"(?P<per>(?:/|每)(?:{alternation(RATE_DENOMINATORS)}))?"
)
# A unit spelling that starts another word (`方面`, `平均`) is no unit there.
NOT_A_UNIT_AFTER_RE: dict[str, re.Pattern] = {
    spelling: re.compile(f"[{chars}]") for spelling, chars in NOT_A_UNIT_AFTER.items()
}

RANGE_SEPARATOR_RE = re.compile(r"(?:至|到|-|—|–|~|～|〜|－|－)")
# `上下` of `上下游` and `以下` of `以下简称` are other words.
APPROX_AFTER_UNIT_RE = re.compile(
    rf"(?:{alternation(QUALIFIERS_AFTER)})(?<!上下(?=[游级班]))(?<!以下(?=简称))"
)

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

IMPLIED_UNIT_BEFORE_RE = re.compile(rf"(?P<noun>{alternation(IMPLIED_UNIT_NOUNS)}){FILLERS_RE}$")
IMPLIED_UNIT_NOUN_RE = re.compile(alternation(IMPLIED_UNIT_NOUNS))
# `比武汉少近100万人`, `同比多3亿元`: less or more than a compared figure, with no change word.
COMPARED_LESS_MORE_RE = re.compile(
    rf"(?:{alternation(COMPARISON_WORDS)})[^，。；、\d]{{0,12}}?(?P<cue>{alternation(COMPARED_LESS_MORE)})(?:了)?"
    rf"(?:{alternation(QUALIFIERS_BEFORE)})?$"
)
