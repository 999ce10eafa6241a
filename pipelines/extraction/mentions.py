"""Find the numbers that are quantities, with their units and exact values.

A mention is a number and its unit as written (`14.58万亿元`, `四成`, `1/4`), or the two
ends of a range. Which of them are indicators, and what they measure, is decided later
from the words around them (`interpret`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from .deadline import NO_DEADLINE, Deadline
from .lexicon import (
    BARE_MAGNITUDE_BOUNDS,
    CHANGE_FIGURE_WORDS,
    CHENG,
    CHINESE_DIGITS,
    CONCRETE_COUNT_UNITS,
    DATE_CHARS,
    FAHRENHEIT,
    FINANCIAL_NUMERALS,
    FUZZY,
    FUZZY_DECIMAL,
    HALF,
    HALF_AFTER_UNITS,
    HALF_WORDS,
    IMPLIED_UNIT_NOUNS,
    KINDS_READ_WITHOUT_VERB,
    LARGE_MAGNITUDE_CHARS,
    MAGNITUDE_CHARS,
    MONEY_UNIT,
    MORE_WORDS,
    ONE,
    PERSON_UNIT,
    PLUS_SIGNS,
    POWER_DEGREE,
    QUALIFIERS_AFTER,
    SHARED_HEAD_UNITS,
    SHORT_AMBIGUOUS_UNITS,
    SMALL_BARE_MAGNITUDES,
    SPOKEN_TENTHS_UNITS,
    TENTHS_THEN_WEI,
    TIMES_UNIT,
    YUAN,
)
from .numbers import NumberError, magnitude_value, parse_amount, parse_chinese_number, to_float
from .patterns import (
    AMOUNT_RE,
    APPROX_AFTER_UNIT_RE,
    ASCII_LETTER,
    BARE_BOUND_WINDOW,
    BARE_MAGNITUDE_BOUND_RE,
    CANDIDATE_RE,
    CLAUSE_OR_SENTENCE_END_RE,
    CLOCK_RE,
    CONTEXT_WINDOW,
    CURRENCY_SYMBOLS,
    FAHRENHEIT_WORD_RE,
    HALF_AFTER_UNIT_RE,
    HOUSEHOLD_AFTER_RE,
    IMPLIED_UNIT_BEFORE_RE,
    IMPLIED_UNIT_NOUN_RE,
    INDEX_NOT_AFTER_RE,
    MONEY_CONTEXT_RE,
    NAME_SPAN_RE,
    NUMERAL_WORD_RE,
    ORDINAL_BEFORE_RE,
    ORDINAL_RANGE_BEFORE_RE,
    ORDINAL_RANGE_WINDOW,
    ORDINAL_WINDOW,
    PERSON_AHEAD_RE,
    QUANTITY_VERB_WINDOW,
    QUANTITY_VERBS_RE,
    RANGE_SEPARATOR_RE,
    RATIO_SEPARATOR_RE,
    SENTENCE_START_RE,
    SHARED_HEAD_NEXT_RE,
    SHARED_UNIT_NEXT_RE,
    SPOKEN_MAGNITUDE_RE,
    SPOKEN_TENTHS_RE,
    STREAK_BEFORE_RE,
    STREAK_WINDOW,
    STRUCTURE_AHEAD_RE,
    SUB_YUAN_RE,
    SUB_YUAN_VALUES,
    TEMPERATURE_WINDOW,
    TIME_OF_DAY_BEFORE_RE,
    TIME_OF_DAY_WINDOW,
    UNIT_BY_SPELLING,
    UNIT_KINDS,
    UNIT_RE,
    URL_RE,
    inside_longer_word,
)

_MAGNITUDE_CHARS = frozenset(MAGNITUDE_CHARS)
_NUMERAL_CHARS_SET = frozenset(CHINESE_DIGITS) | _MAGNITUDE_CHARS
_LARGE_MAGNITUDES = frozenset(LARGE_MAGNITUDE_CHARS)
_CONCRETE_COUNTS = frozenset(CONCRETE_COUNT_UNITS)
_SHORT_AMBIGUOUS = frozenset(SHORT_AMBIGUOUS_UNITS)
_FINANCIAL = frozenset(FINANCIAL_NUMERALS)
# How far back a figure looks for the noun that implies its unit: in its clause, then in
# its sentence.
IMPLIED_NOUN_WINDOW = 14
IMPLIED_SENTENCE_WINDOW = 40
# How far from 100 the parts of a two-part structure may add up (rounding).
STRUCTURE_SUM_TOLERANCE = Decimal("0.5")
_PER_MILLE = {Decimal(1000): "‰", Decimal(10000): "‱"}


@dataclass(slots=True)
class Mention:
    """One quantity in the cleaned text: offsets, exact value, unit, and what the number
    itself says about bounds (range ends, `余`, `多`, `点几`)."""

    start: int
    end: int  # end of the unit
    value: Decimal
    unit: str
    unit_kind: str  # count, money, physical, percent, multiple, time, index, cheng, fraction,
    # half (`一半`), ratio, structure, change_figure (`零增长`, `翻倍`), discount (`九折`)
    surface: str
    bound: str = ""  # qualifier stated by the number's own form
    range_end: str = ""  # "low" or "high"
    post_end: int = 0  # end of the bound word after the unit (`以上`), else `end`
    post_qualifier: str = ""
    magnitude_only: bool = False
    rule: str = ""  # the candidate form that read it (`FORMS`)

    @property
    def is_streak(self) -> bool:
        return self.unit_kind == "time"


# The candidate forms of the scan, by name: each mention says which one read it.
FORMS: dict[str, str] = {
    "pct_cn": "percent in words",  # 百分之三十
    "pct_full": "one hundred percent in words",  # 百分百
    "change_word": "a change in words",  # 零增长, 翻倍
    "half": "half in words",  # 一半, 过半
    "half_off": "half price",  # 对折
    "discount": "discount",  # 九折, 75折
    "per_mille": "per mille in words",  # 千分之五
    "frac_cn": "fraction in words",  # 三分之一
    "ratio": "ratio a:b",  # 1:1.5
    "structure": "structure a:b:c",  # 3.2:38.6:58.2
    "frac": "fraction a/b",  # 1/4
    "cn_range": "range in words",  # 二三十家
    "currency": "currency symbol",  # US$3.5
    "amount": "number and unit",  # 14.58万亿元
    "range": "range",  # 5000至6000亿元
    "people": "number and implied unit: people",  # 3000万群众
    "money": "number and implied unit: money",  # 投资2亿
    "noun": "number and the unit its noun implies",  # 常住人口1260万, 客运量1409万
    "price": "price with the currency left out",  # 2.3万/㎡
    "shared": "unit shared with the next figure",  # 提高0.6和1.0个百分点
    "bare": "bare magnitude after a bound word",  # 超万亿元
}


class Reason:
    """Why a number is not a quantity: the scan of the "not a quantity" rules."""

    CODE: Final = "code: a letter, sign or point before or after"  # PM2.5, A股, +3
    ORDINAL: Final = "ordinal or rank"  # 第一, 前三
    NAME: Final = "inside a name or title"  # “21条”, 《…》
    MALFORMED: Final = "not a well-formed number"  # 十四五
    NOT_BELOW_ONE: Final = "fraction not below one"
    DATE: Final = "date"  # 3/4日, 2025年, 2月24日
    CLOCK: Final = "time of day"  # 10:30, 下午3点
    POINTS: Final = "Chinese numeral before the index unit: points made, not an index level"  # 五点经验
    ZERO_TERM: Final = "ratio with a zero term"
    NOT_A_RANGE: Final = "numerals that are no range"  # 三五成群
    FRAME: Final = "duration that frames time, not a streak"  # 两年, 十四五时期
    STRUCTURE: Final = "count of the text's own structure"  # 五个方面
    SIZE_CLASSES: Final = "count of size classes"  # 4个万亿元台阶
    HOUSEHOLD_SIZE: Final = "size that names a kind of household"  # 4口之家, 5人家庭
    BARE_NUMBER: Final = "bare number: no unit, no magnitude"  # 价格指数为100.7
    NO_IMPLIED_UNIT: Final = "magnitude with no unit the context implies"
    BARE_MAGNITUDE: Final = "bare magnitude with no bound word"  # 万亿级
    NO_VERB: Final = "Chinese numeral with no quantity verb"  # 一批, 两业
    CLASS_THRESHOLD: Final = "class threshold"  # 总投资超10亿元的项目
    NOT_A_QUANTITY_FORM: Final = "Chinese numeral not before a unit"  # 一是, 统一
    INSIDE: Final = "part of a figure read already"
    NUMERAL_WORD: Final = "a word that holds a numeral"  # 一度, 千方百计
    ADDRESS: Final = "inside a web address"  # %28
    LONE_FINANCIAL: Final = "a lone financial numeral: a name"  # 陆家嘴
    NOT_FINITE: Final = "beyond the range of a double: no finite value"  # a run of 309 nines


class _Scan:
    """One text's scan: its short quoted scan (`“21条”`) and book titles (`《…》`), inside
    which a number is part of the name (found once per text), and the numbers set aside
    with the rule's reason, for `explain`."""

    def __init__(self, text: str, rejected: list | None = None) -> None:
        self._spans = [(m.start(), m.end()) for m in NAME_SPAN_RE.finditer(text)]
        self._starts = [start for start, _ in self._spans]
        self.rejected = rejected

    def covers(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._spans[index][1] >= end + 1

    def reject(self, start: int, end: int, reason: str) -> tuple[list[Mention], int]:
        """No mention at `start`; the scan goes on at `end`."""
        if self.rejected is not None:
            self.rejected.append((start, end, reason))
        return [], end


def _implied_unit(text: str, start: int, end: int, sentence: str) -> tuple[str, str, str] | None:
    """(unit, kind, form) for a `万`/`亿` amount with no unit: the unit its noun implies,
    the noun right before it (`常住人口1260万`), people before a person noun (`450万群众`),
    money where the sentence is about money, else the nearest such noun earlier in the
    sentence (`常住人口1260万，比上年末增加8万`)."""
    before = IMPLIED_UNIT_BEFORE_RE.search(text, max(0, start - IMPLIED_NOUN_WINDOW), start)
    if before:
        return (*_unit_of_noun(before.group("noun")), "noun")
    if PERSON_AHEAD_RE.match(text, end):
        return PERSON_UNIT, "count", "people"
    if MONEY_CONTEXT_RE.search(sentence):
        return MONEY_UNIT, "money", "money"
    window_start = max(0, start - IMPLIED_SENTENCE_WINDOW)
    breaks = list(SENTENCE_START_RE.finditer(text, window_start, start))
    if breaks:
        window_start = breaks[-1].end()
    nouns = list(IMPLIED_UNIT_NOUN_RE.finditer(text, window_start, start))
    if nouns:
        return (*_unit_of_noun(nouns[-1].group()), "noun")
    return None


def _unit_of_noun(noun: str) -> tuple[str, str]:
    unit = IMPLIED_UNIT_NOUNS[noun]
    return unit, UNIT_KINDS[unit][1]


def _context_around(text: str, pos: int) -> str:
    """The figure's sentence and its neighbours: enough to tell that an article speaks
    of money without reading the whole of it."""
    return text[max(0, pos - CONTEXT_WINDOW) : pos + CONTEXT_WINDOW]


def _tenths_before_wei(text: str, pos: int) -> bool:
    """`近六成为协会强制注销`: after a numeral other than a lone `一` (`一举成为`), `成为` is
    tenths and `为`."""
    if not text.startswith(TENTHS_THEN_WEI, pos) or pos == 0 or text[pos - 1] not in CHINESE_DIGITS:
        return False
    return text[pos - 1] != ONE or (pos > 1 and text[pos - 2] in _NUMERAL_CHARS_SET)


def _read_unit(text: str, pos: int) -> tuple[str, str, int, bool, bool] | None:
    """(unit, kind, end, approx, half) for the unit at `pos`, `成` and rates included;
    `half` where `半` follows `倍` or `成` (`一倍半`, `一成半`)."""
    if pos < len(text) and text[pos] == CHENG:
        if inside_longer_word(text, pos, pos + 1) and not _tenths_before_wei(text, pos):
            return None
        half = pos + 1 < len(text) and text[pos + 1] == HALF
        return "%", "cheng", pos + 1 + half, False, half
    match = UNIT_RE.match(text, pos)
    if not match:
        return None
    spelling = match.group("unit")
    unit, kind = UNIT_KINDS[spelling]
    end = match.end()
    if not match.group("per") and inside_longer_word(text, match.start("unit"), match.end("unit")):
        return None  # `三方面`: `方` of `方面` is no 立方米
    if match.group("per"):
        denominator = match.group("per")[1:]
        denominator = UNIT_BY_SPELLING[denominator].canonical
        unit = f"{unit}/{denominator}"
    elif kind in ("count", "physical") and end < len(text) and text[end] in "/":
        return None  # a rate with a denominator we do not know: better no row
    half = (
        end < len(text)
        and text[end] == HALF
        and (kind == "multiple" or spelling in HALF_AFTER_UNITS)
        and HALF_AFTER_UNIT_RE.match(text, end) is not None
    )
    return unit, kind, end + half, bool(match.group("approx")), half


def _chinese_allowed(
    text: str, start: int, unit_start: int, numeral_length: int, value: Decimal, unit: str, unit_kind: str
) -> bool:
    """Chinese numerals count where they are a quantity: before a measure (`四成`, `五岁`,
    `一吨`), a concrete count (`三双鞋`), or after a quantity verb (`增加六个`)."""
    if numeral_length == 1 and text[unit_start : unit_start + 1] in _SHORT_AMBIGUOUS:
        if not _has_cue(text, start):
            return False  # `百度`, `三元电池`, `这一块`
    if unit_kind in KINDS_READ_WITHOUT_VERB:
        return True
    if value < 2:
        return False
    if unit_kind == "count" and unit in _CONCRETE_COUNTS:
        return True
    return _has_cue(text, start)


def _has_cue(text: str, start: int) -> bool:
    return bool(QUANTITY_VERBS_RE.search(text, max(0, start - QUANTITY_VERB_WINDOW), start))


def find_mentions(text: str, rejected: list | None = None, deadline: Deadline = NO_DEADLINE) -> list[Mention]:
    """Every quantity in cleaned, simplified text, in order; `rejected` collects
    (start, end, reason) for the numbers that the rules set aside; past `deadline` it
    raises `ExtractionTooSlow`."""
    mentions: list[Mention] = []
    pos = 0
    scan = _Scan(text, rejected)
    addresses = [(m.start(), m.end()) for m in URL_RE.finditer(text)]
    address_starts = [start for start, _ in addresses]
    for match in CANDIDATE_RE.finditer(text):
        deadline.check()
        if match.start() < pos:
            continue  # inside a mention already read (a range's second number, say)
        at = bisect_right(address_starts, match.start()) - 1
        if at >= 0 and match.start() < addresses[at][1]:
            scan.reject(match.start(), match.end(), Reason.ADDRESS)  # `%28` is no percentage
            continue
        found, next_pos = _read_candidate(text, match, scan)
        for mention in found:
            if math.isfinite(to_float(mention.value)):
                mentions.append(mention)
            else:
                scan.reject(mention.start, mention.end, Reason.NOT_FINITE)
        pos = max(next_pos, match.end())
    return mentions


def _left_blocks(text: str, start: int) -> str:
    """The reason the words right before a number make it no quantity, or ""."""
    before = text[start - 1] if start else ""
    if before and (ASCII_LETTER.match(before) or before in PLUS_SIGNS or before == "."):
        return Reason.CODE
    if ORDINAL_BEFORE_RE.search(text, max(0, start - ORDINAL_WINDOW), start):
        return Reason.ORDINAL
    if ORDINAL_RANGE_BEFORE_RE.search(text, max(0, start - ORDINAL_RANGE_WINDOW), start):
        return Reason.ORDINAL  # `第1-12批`
    return ""


def _read_candidate(text: str, match: re.Match, scan: _Scan) -> tuple[list[Mention], int]:
    start, end = match.start(), match.end()
    if match.lastgroup == "amount":
        return _read_amount(text, match, scan)
    if match.group("pct_cn"):
        numeral = match.group("pct_cn_num")
        fuzzy = numeral.endswith(FUZZY)
        numeral = numeral[:-2] if numeral.endswith(FUZZY_DECIMAL) else numeral.rstrip(FUZZY)
        if end < len(text) and ASCII_LETTER.match(text[end]):
            return scan.reject(start, end, Reason.CODE)  # `百分之15K`: a magnitude we do not read
        value = parse_amount(numeral) if numeral[0] in "0123456789." else _safe_cn(numeral)
        found, end_at = _simple(text, scan, match, value, "%", "percent", "pct_cn")
        for mention in found:
            mention.bound = ">" if fuzzy else mention.bound
        return found, end_at
    if match.group("pct_full"):
        return _simple(text, scan, match, Decimal(100), "%", "percent", "pct_full")
    if match.group("change_word"):
        figure, unit = CHANGE_FIGURE_WORDS[match.group("change_word")]
        return _simple(text, scan, match, Decimal(figure), unit, "change_figure", "change_word")
    if match.group("half"):
        found, end_at = _simple(text, scan, match, Decimal(50), "%", "half", "half")
        for mention in found:
            mention.bound = HALF_WORDS[match.group("half")]
        return found, end_at
    if match.group("half_off"):
        return _simple(text, scan, match, Decimal(50), "%", "discount", "half_off")
    if match.group("discount"):
        value = _discount_value(match.group("discount_num"))
        return _simple(text, scan, match, value, "%", "discount", "discount")
    if match.group("frac_cn"):
        den = _safe_cn(match.group("frac_den"))
        num = _safe_cn(match.group("frac_num"))
        if den is None or num is None or den == 0:
            return scan.reject(start, end, Reason.MALFORMED)
        if num >= den:
            return scan.reject(start, end, Reason.NOT_BELOW_ONE)
        if den in _PER_MILLE:  # `千分之五` is 5‰, `万分之三` 3‱
            return _simple(text, scan, match, num, _PER_MILLE[den], "fraction", "per_mille")
        return _simple(text, scan, match, num / den * 100, "%", "fraction", "frac_cn")
    if match.group("ratio"):
        return _read_ratio(text, match, scan)
    if match.group("frac"):
        a, _, b = match.group("frac").partition("/")
        num, den = Decimal(a), Decimal(b)
        if den == 0 or num >= den or num == 0:
            return scan.reject(start, end, Reason.NOT_BELOW_ONE)
        if blocked := _left_blocks(text, start):
            return scan.reject(start, end, blocked)
        if end < len(text) and text[end] in DATE_CHARS:
            return scan.reject(start, end, Reason.DATE)
        return _simple(text, scan, match, num / den * 100, "%", "fraction", "frac")
    if match.group("cn_range"):
        return _read_chinese_range(text, match, scan)
    if match.group("currency"):
        unit = CURRENCY_SYMBOLS[match.group("currency")]
        try:
            value = parse_amount(match.group("cur_amount"))
        except NumberError:
            return scan.reject(start, end, Reason.MALFORMED)
        after = APPROX_AFTER_UNIT_RE.match(text, end)
        post_end = after.end() if after else end
        mention = Mention(
            start, end, value, unit, "money", text[start:end], post_end=post_end, rule=FORMS["currency"]
        )
        if after:
            mention.post_qualifier = QUALIFIERS_AFTER[after.group()]
        return [mention], post_end
    return _read_amount(text, match, scan)


def _discount_value(numeral: str) -> Decimal | None:
    """`九折` pays 90 % of the price, `75折` 75 %, `9.5折` 95 %, `八五折` 85 %."""
    if numeral[0].isdigit():
        number = Decimal(numeral)
        return number * 10 if number < 10 else number
    if len(numeral) == 2 and all(_safe_cn(ch) is not None for ch in numeral):
        return Decimal("".join(str(int(_safe_cn(ch) or 0)) for ch in numeral))
    value = _safe_cn(numeral)
    if value is None:
        return None
    return value * 10 if value < 10 else value


def _safe_cn(numeral: str) -> Decimal | None:
    try:
        return parse_chinese_number(numeral)
    except (NumberError, KeyError):
        return None


def _simple(
    text: str, scan: _Scan, match: re.Match, value: Decimal | None, unit: str, unit_kind: str, form: str
) -> tuple[list[Mention], int]:
    start, end = match.start(), match.end()
    if value is None:
        return scan.reject(start, end, Reason.MALFORMED)
    if blocked := _left_blocks(text, start):
        return scan.reject(start, end, blocked)
    if scan.covers(start, end):
        return scan.reject(start, end, Reason.NAME)
    mention = Mention(start, end, value, unit, unit_kind, text[start:end], rule=FORMS[form])
    _attach_post(text, mention)
    return [mention], mention.post_end


def _attach_post(text: str, mention: Mention) -> None:
    after = APPROX_AFTER_UNIT_RE.match(text, mention.end)
    mention.post_end = mention.end
    if after:
        word = after.group()
        if word in MORE_WORDS and mention.unit_kind not in ("multiple", "cheng"):
            return  # `多` after a unit is a `多` of the next words, except `一倍多`, `三成多`
        mention.post_qualifier = QUALIFIERS_AFTER[word]
        mention.post_end = after.end()


def _read_ratio(text: str, match: re.Match, scan: _Scan) -> tuple[list[Mention], int]:
    start, end = match.start(), match.end()
    written = match.group("ratio")
    if CLOCK_RE.fullmatch(written):
        return scan.reject(start, end, Reason.CLOCK)  # `10:30`, `01:47:19`
    terms = [Decimal(t) for t in RATIO_SEPARATOR_RE.split(written)]
    if blocked := _left_blocks(text, start):
        return scan.reject(start, end, blocked)
    if any(t == 0 for t in terms[1:]):
        return scan.reject(start, end, Reason.ZERO_TERM)
    # Two parts that make a whole (`31.3：68.7`) are a structure, one share each.
    if len(terms) == 2 and abs(sum(terms, Decimal(0)) - 100) > STRUCTURE_SUM_TOLERANCE:
        a, b = terms
        mention = Mention(start, end, a / b, TIMES_UNIT, "ratio", match.group(), rule=FORMS["ratio"])
        mention.post_end = end
        return [mention], end
    mentions = []
    for term in terms:
        mention = Mention(start, end, term, "%", "structure", match.group(), rule=FORMS["structure"])
        mention.post_end = end
        mentions.append(mention)
    return mentions, end


def _read_chinese_range(text: str, match: re.Match, scan: _Scan) -> tuple[list[Mention], int]:
    """`二三十家`: 20 to 30."""
    start = match.start()
    lo = parse_chinese_number(match.group("cn_lo"))
    hi = parse_chinese_number(match.group("cn_hi"))
    if hi != lo + 1:
        return scan.reject(start, match.end(), Reason.NOT_A_RANGE)
    scale = magnitude_value(match.group("cn_mag"))
    unit = _read_unit(text, match.end())
    if unit is None:
        return scan.reject(start, match.end(), Reason.NOT_A_QUANTITY_FORM)
    if blocked := _left_blocks(text, start):
        return scan.reject(start, match.end(), blocked)
    name, kind, end, _, _ = unit
    if kind == "time":
        return scan.reject(start, end, Reason.FRAME)
    rule = FORMS["cn_range"]
    low = Mention(start, end, lo * scale, name, kind, text[start:end], range_end="low", rule=rule)
    high = Mention(start, end, hi * scale, name, kind, text[start:end], range_end="high", rule=rule)
    for m in (low, high):
        m.bound = ">=" if m.range_end == "low" else "<="
        m.post_end = end
    return [low, high], end


def _read_amount(text: str, match: re.Match, scan: _Scan) -> tuple[list[Mention], int]:
    start = match.start("amount")
    amount = match.group("amount")
    end = match.end()
    chinese = not amount[0].isdigit()  # Arabic amounts start with a digit (`14万4000` too)
    if blocked := _left_blocks(text, start):
        return scan.reject(start, end, blocked)
    if chinese and len(amount) == 1 and amount in _FINANCIAL:
        return scan.reject(start, end, Reason.LONE_FINANCIAL)  # `陆家嘴`, `队伍`
    if chinese and NUMERAL_WORD_RE.match(text, start):
        return scan.reject(start, end, Reason.NUMERAL_WORD)  # `一度`, `千方百计`
    fuzzy = amount.endswith(FUZZY)  # `二十一点几`, `四十几`: more than the number before it
    if fuzzy:
        amount = amount[:-2] if amount.endswith(FUZZY_DECIMAL) else amount[:-1]
    # `万亿元`, `百亿次`: a magnitude word with no number means one of it; `十年` is ten.
    magnitude_only = (
        chinese
        and all(ch in _MAGNITUDE_CHARS for ch in amount)
        and (
            bool(set(amount) & _LARGE_MAGNITUDES)
            or (
                amount in SMALL_BARE_MAGNITUDES  # `过百宗`, `近千人`: after a bound word only
                and bool(BARE_MAGNITUDE_BOUND_RE.search(text, max(0, start - BARE_BOUND_WINDOW), start))
            )
        )
    )
    try:
        if magnitude_only:
            value = magnitude_value(amount)
        else:
            value = parse_amount(amount)
    except (NumberError, KeyError):
        return scan.reject(start, end, Reason.MALFORMED)

    # Spoken magnitudes after the number: `一百二十个亿`, `三十多万人口`.
    spoken = SPOKEN_MAGNITUDE_RE.match(text, end)
    more = spoken and (spoken.group("more") or spoken.group("more_after"))
    about = bool(spoken and spoken.group("about"))  # `三十来万`: about 300,000
    if spoken and not (spoken.group("more") or about) and _read_unit(text, spoken.end()) is not None:
        spoken = None  # `4个万亿元台阶` counts size classes; `一百二十个亿` is an amount
    if spoken and not magnitude_only:
        value *= magnitude_value(spoken.group("mag"))
        amount += spoken.group("mag")
        fuzzy = fuzzy or bool(more)
        end = spoken.end()
    unit = _read_unit(text, end)
    # A range: `5000至6000亿元`, `3%-5%`, `六成至七成`, `0.75万亿元-0.94万亿元`.
    after_first = unit[2] if unit else end
    separator = RANGE_SEPARATOR_RE.match(text, after_first)
    if separator and not magnitude_only:
        second = AMOUNT_RE.match(text, separator.end())
        if second:
            found = _read_range(text, scan, match, amount, value, unit, second)
            if found:
                return found, found[-1].post_end

    form = "amount"
    spoken_places = False
    price = _price_without_currency(text, end) if unit is None else None
    if price is not None:
        name, kind, unit_end, approx, half = price
        form = "price"
    elif unit is None:
        if end < len(text) and ASCII_LETTER.match(text[end]):
            return scan.reject(start, end, Reason.CODE)
        shared = None if chinese or set(amount) & _MAGNITUDE_CHARS else SHARED_UNIT_NEXT_RE.match(text, end)
        if shared is not None:  # `提高0.6和1.0个百分点`: the unit written once, after the second
            name, kind = UNIT_KINDS[shared.group("unit")]
            unit_end, approx, half, form = end, False, False, "shared"
        elif not (set(amount) & _LARGE_MAGNITUDES):
            return scan.reject(start, end, Reason.BARE_NUMBER)
        else:
            implied = _implied_unit(text, start, end, _context_around(text, start))
            if implied is None:
                return scan.reject(start, end, Reason.NO_IMPLIED_UNIT)
            name, kind, form = implied
            unit_end, approx, half = end, False, False
    else:
        name, kind, unit_end, approx, half = unit
        longer = SHARED_HEAD_UNITS.get(name)
        tail = SHARED_HEAD_NEXT_RE.match(text, unit_end) if longer else None
        if tail and longer is not None and tail.group("unit") == longer:  # `高于全国12.7个、12个百分点`
            name, kind = UNIT_KINDS[longer]
        if not half:
            places_from = unit_end
            value, unit_end = _after_unit_places(text, value, name, unit_end)
            spoken_places = unit_end > places_from  # `两块五`, `十块八毛`: a price as spoken
        if name == POWER_DEGREE:
            name = _degree_unit(text, start)

    if misfit := _unit_misfit(text, start, unit_end, kind, chinese):
        return scan.reject(start, unit_end, misfit)

    if half:
        value += Decimal("0.5")
    if kind == "cheng":
        value = value * 10
    if scan.covers(start, unit_end):
        return scan.reject(start, unit_end, Reason.NAME)

    bound = ">" if (approx or fuzzy) else "~" if about else ""
    if magnitude_only:
        word = BARE_MAGNITUDE_BOUND_RE.search(text, max(0, start - BARE_BOUND_WINDOW), start)
        if not word:
            return scan.reject(start, unit_end, Reason.BARE_MAGNITUDE)
        bound = BARE_MAGNITUDE_BOUNDS[word.group()]
        form = "bare"
    if (
        chinese
        and not magnitude_only
        and not spoken_places
        and not _chinese_allowed(text, start, end, len(amount), value, name, kind)
    ):
        if not (set(amount) & _LARGE_MAGNITUDES):
            return scan.reject(start, unit_end, Reason.NO_VERB)
    mention = Mention(
        start=match.start(),
        end=unit_end,
        value=-value if match.group("sign") else value,
        unit=name,
        unit_kind=kind,
        surface=text[match.start() : unit_end],
        bound=bound,
        magnitude_only=magnitude_only,
        rule=FORMS[form],
    )
    _attach_post(text, mention)
    return [mention], mention.post_end


def _degree_unit(text: str, start: int) -> str:
    """`度` stays `度` (of power, `用电量达120度`, and of heat, `1亿度`, as the gold keeps it),
    except after `华氏`, which makes it a degree Fahrenheit."""
    window = text[max(0, start - TEMPERATURE_WINDOW) : start]
    clause = CLAUSE_OR_SENTENCE_END_RE.split(window)[-1]
    return FAHRENHEIT if FAHRENHEIT_WORD_RE.search(clause) else POWER_DEGREE


def _price_without_currency(text: str, end: int) -> tuple[str, str, int, bool, bool] | None:
    """`均价2.3万/㎡`, `13万/吨`: a price per unit with its currency left out is in 元."""
    if end >= len(text) or text[end] != "/":
        return None
    per = UNIT_RE.match(text, end + 1)
    if per is None or per.group("per") or per.group("approx"):
        return None
    canonical, kind = UNIT_KINDS[per.group("unit")]
    if kind not in ("physical", "count"):
        return None
    return f"{YUAN}/{canonical}", "money", per.end(), False, False


def _after_unit_places(text: str, value: Decimal, unit: str, unit_end: int) -> tuple[Decimal, int]:
    """`50元6角3分` and the spoken `3米5`, `3块5`: the places written after the unit."""
    if unit_end >= len(text) or not (text[unit_end].isdigit() or text[unit_end] in CHINESE_DIGITS):
        return value, unit_end
    if unit == YUAN:
        places = SUB_YUAN_RE.match(text, unit_end)
        if places and places.end() > unit_end:
            for group, place_value in SUB_YUAN_VALUES.items():
                digit = places.group(group)
                if digit:
                    value += _digit_value(digit) * Decimal(place_value)
            return value, places.end()
    spelled = text[unit_end - 1] if unit_end else ""
    if SPOKEN_TENTHS_UNITS.get(spelled) == unit:
        tenths = SPOKEN_TENTHS_RE.match(text, unit_end)
        if tenths and value == value.to_integral_value() and _read_unit(text, tenths.end()) is None:
            return value + _digit_value(tenths.group("digit")) / 10, tenths.end()
    return value, unit_end


def _digit_value(digit: str) -> Decimal:
    return Decimal(digit) if digit.isdigit() else parse_chinese_number(digit)


def _unit_misfit(text: str, start: int, unit_end: int, kind: str, chinese: bool) -> str:
    """The rule that makes a number with this unit no quantity (frames, clock times,
    structure, size classes, codes), or ""."""
    if kind == "time":
        found = STREAK_BEFORE_RE.search(text, max(0, start - STREAK_WINDOW), start)
        return "" if found else Reason.FRAME
    if kind == "index":
        if chinese:
            return Reason.POINTS
        if INDEX_NOT_AFTER_RE.match(text, unit_end):
            return Reason.CLOCK
        if TIME_OF_DAY_BEFORE_RE.search(text, max(0, start - TIME_OF_DAY_WINDOW), start):
            return Reason.CLOCK
    if kind == "count":
        if STRUCTURE_AHEAD_RE.match(text, unit_end):
            return Reason.STRUCTURE
        if unit_end < len(text) and text[unit_end] in LARGE_MAGNITUDE_CHARS:
            return Reason.SIZE_CLASSES  # `4个万亿元台阶`
        if HOUSEHOLD_AFTER_RE.match(text, unit_end):
            return Reason.HOUSEHOLD_SIZE  # `4口之家`, `跌幅最大的5人家庭住户`
    if unit_end < len(text) and ASCII_LETTER.match(text[unit_end]) and kind not in ("money",):
        return Reason.CODE if ASCII_LETTER.match(text[unit_end - 1]) else ""
    return ""


def _read_range(
    text: str, scan: _Scan, match: re.Match, amount: str, value: Decimal, unit: tuple | None, second: re.Match
) -> list[Mention] | None:
    second_amount = second.group("amount")
    try:
        second_value = parse_amount(second_amount)
    except (NumberError, KeyError):
        return None
    second_unit = _read_unit(text, second.end())
    if second_unit is None:
        return None
    name, kind, unit_end, _, half = second_unit
    if kind == "time" or (unit is not None and unit[0] != name):
        return None
    if half:
        second_value += Decimal("0.5")
    if unit is not None and unit[4]:
        value += Decimal("0.5")
    first_has_magnitude = bool(set(amount) & _MAGNITUDE_CHARS)
    magnitude = "".join(ch for ch in second_amount if ch in _MAGNITUDE_CHARS)
    if not first_has_magnitude and magnitude and unit is None:
        value = value * magnitude_value(magnitude)
    if kind == "cheng":
        value, second_value = value * 10, second_value * 10
    if not value < second_value:
        return None
    start = match.start()
    if _left_blocks(text, start) or scan.covers(start, unit_end):
        return None
    surface = text[start:unit_end]
    rule = FORMS["range"]
    low = Mention(start, unit_end, value, name, kind, surface, bound=">=", range_end="low", rule=rule)
    high = Mention(
        start, unit_end, second_value, name, kind, surface, bound="<=", range_end="high", rule=rule
    )
    low.post_end = high.post_end = unit_end
    after = APPROX_AFTER_UNIT_RE.match(text, unit_end)
    if after and after.group() not in MORE_WORDS:
        low.post_end = high.post_end = after.end()
    return [low, high]
