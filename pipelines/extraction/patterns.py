"""Regular expressions built once, at import, from the tables in `lexicon`."""

from __future__ import annotations

import re

from .lexicon import (
    AGE_GROUP_NOUNS,
    AMBIGUOUS,
    BARE_MAGNITUDE_BOUNDS,
    BASE_VALUE_WORDS,
    CHANGE_FIGURE_WORDS,
    CHINESE_DIGITS,
    CLAUSE_ENDS,
    COMPARED_LESS_MORE,
    COMPARISON_WORDS,
    CURRENCY_SYMBOLS,
    DATE_MARKS,
    DENOMINATOR_BEFORE,
    FAHRENHEIT_WORDS,
    FALL_WORDS,
    FINANCIAL_DIGITS,
    FINANCIAL_NUMERALS,
    FORECAST_WORDS,
    GROWTH_NOUNS,
    HALF_OFF_WORDS,
    HALF_WORDS,
    HEADING_MARKERS,
    HOUSEHOLD_WORDS,
    IMPLIED_UNIT_NOUNS,
    INDICATOR_NEUTRAL_WORDS,
    LESS_IS_BETTER_WORDS,
    LIST_MARKS,
    LOOK_BACK_RECORDS,
    MAGNITUDE_CHARS,
    MAGNITUDES,
    METRIC_OPENING_BOUNDS,
    MONEY_WORDS,
    MORE_WORDS,
    NEUTRAL_CHANGE_WORDS,
    NOT_A_DISCOUNT_AFTER,
    NOT_IN_REDUCED_OBJECT,
    NOT_YEAR_ON_YEAR_WORDS,
    NUMERAL_WORDS,
    ORDINAL_BEFORE,
    PERSON_NOUNS,
    PHRASE_SPACE,
    PLAIN_DIGITS,
    PLAN_START_YEARS,
    QUALIFIER_FILLERS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATE_NOUN_ENDINGS,
    RATE_NOUN_ENDS,
    RATIO_WORDS,
    REDUCTION_VERBS,
    RELATIVE_CHANGE_WORDS,
    RELATIVE_YEAR_WORDS,
    RISE_WORDS,
    SENTENCE_ENDS,
    SHARE_WORDS,
    SHARED_HEAD_UNITS,
    SHARED_UNIT_JOINS,
    SHARED_UNITS,
    STRUCTURE_NOUNS,
    SUB_YUAN_UNITS,
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


# The ambiguous words by their first character: a span is looked up character by character.
_WORDS_BY_FIRST_CHAR: dict[str, tuple[str, ...]] = {}
for _word in AMBIGUOUS:
    _WORDS_BY_FIRST_CHAR[_word[0]] = (*_WORDS_BY_FIRST_CHAR.get(_word[0], ()), _word)


def inside_longer_word(text: str, start: int, end: int) -> bool:
    """Whether an ambiguous word within `text[start:end]` is part of a longer word that
    reaches outside the span: `约` in `签约3543亿元`, `以下` in `以下简称` (table `AMBIGUOUS`)."""
    for at in range(start, end):
        for word in _WORDS_BY_FIRST_CHAR.get(text[at], ()):
            if at + len(word) > end or not text.startswith(word, at):
                continue
            for longer, offset in _LONGER_BY_WORD[word]:
                begin = at - offset
                if (
                    begin >= 0
                    and text.startswith(longer, begin)
                    and (begin < start or begin + len(longer) > end)
                ):
                    return True
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
PERCENT_SIGNS: frozenset[str] = frozenset(("%", "‰", "‱"))

CN_DIGIT = f"[{PLAIN_DIGITS}]"
# A digit of either kind: `陆点五`, `叁叁` after a decimal point.
_ANY_CN_DIGIT = f"[{PLAIN_DIGITS}{FINANCIAL_DIGITS}]"


def _magnitude_char(chars: str = MAGNITUDE_CHARS) -> str:
    """A magnitude character that does not begin a unit's spelling: `千` of `5千瓦` and `百`
    of `5百分点` belong to the unit, not to the number."""
    alternatives = []
    for char in chars:
        rests = [s[1:] for s in UNIT_KINDS if s[0] == char and len(s) > 1]
        alternatives.append(f"{char}(?!{alternation(rests)})" if rests else char)
    return f"(?:{'|'.join(alternatives)})"


_MAG_CHAR = _magnitude_char()
_SMALL_MAG = _magnitude_char("十百千")
MAGNITUDE = rf"{_MAG_CHAR}+"
# `.5%` is written for 0.5% in quick copy.
ARABIC = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<![0-9A-Za-z.])\.\d+)"
# After a magnitude: the digits of the place below (`14万4000`) or a chain of places
# (`5万4千6百`, `4万1千`, `1亿9百万`).
ARABIC_AMOUNT = rf"{ARABIC}(?:{MAGNITUDE}(?:(?:\d{{1,4}}(?:{_SMALL_MAG}万?|万)){{1,3}}(?:\d(?![\d.]))?|\d{{1,4}}(?![\d.]))?)?"
# Financial numerals (`壹佰贰拾万元`) are read inside a Chinese numeral run.
CHINESE_AMOUNT = (
    rf"(?:{CN_DIGIT}|{_MAG_CHAR}|[{FINANCIAL_NUMERALS}])+(?:点(?:{_ANY_CN_DIGIT}+|几)|(?<=[十百千万])几)?"
)

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
def _date_char(char: str) -> str:
    """A date's `月`/`日`/`号`, unless it begins a unit other than a time (`12日元`)."""
    rests = [s[1:] for s, (_, kind) in UNIT_KINDS.items() if s[0] == char and len(s) > 1 and kind != "time"]
    return f"{char}(?!{alternation(rests)})" if rests else char


_DATE_CHAR = "|".join(_date_char(c) for c in DATE_MARKS)
_NOT_A_DATE = rf"(?<!\d)(?!(?:19|20)\d\d\s?年)(?:(?<=[连续涨跌升降])|(?!\d{{1,2}}(?:{_DATE_CHAR})))"

_DISCOUNT_NUMBER = rf"(?:\d(?:\.\d)?|[1-9]\d|{_ANY_CN_DIGIT}{{1,2}}(?:点{_ANY_CN_DIGIT})?)"

# Every candidate starts with one of these: a lookahead on them lets the regex engine skip
# the text between numbers at C speed (six times faster than trying each alternative).
_FIRST_CHARS = "".join(
    sorted(
        set("0123456789-−百零.负")
        | set(CHINESE_DIGITS)
        | set("十百千万亿拾佰仟")
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

RATIO_SEPARATOR_RE = re.compile(r"[:：∶]")
# A clock time is no ratio: `10:30`, `01:47:19`.
CLOCK_RE = re.compile(r"(?:[01]?\d|2[0-4])(?:[:：][0-5]\d){1,2}")
# Words that start with a numeral and a unit and are neither (`一度`, `千方百计`).
NUMERAL_WORD_RE = re.compile(alternation(NUMERAL_WORDS))
# Addresses: nothing in them is a figure (`%28` is an escaped bracket).
URL_RE = re.compile(r"(?:https?://|www\.)[!-~]+")
# `50元6角3分`: jiao and fen after the yuan.
SUB_YUAN_RE = re.compile(
    rf"(?:(?P<jiao>\d|{CN_DIGIT})[角毛])?(?:(?P<fen>\d|{CN_DIGIT})分(?![钟之析别红配享布期成]))?(?<=[角毛分])"
)
SUB_YUAN_VALUES = SUB_YUAN_UNITS
# `一斤半`: a half after the unit, not `半数` or `半年` of the next words.
HALF_AFTER_UNIT_RE = re.compile(r"半(?![数年月天日价小])")
# `3米5`: one digit after the unit, nothing of a number after it.
SPOKEN_TENTHS_RE = re.compile(rf"(?P<digit>\d|{CN_DIGIT})(?![\d.%万亿千百十个倍成年月日号天])")
# A section heading line (`一、经济运行`, `（二）对外贸易`, `3. 价格`): never joined to the
# paragraph below it.
HEADING_MAX_CHARS = 30
HEADING_LINE_RE = re.compile(
    rf"(?:{CN_DIGIT}{{1,3}}[{re.escape(''.join(HEADING_MARKERS))}]|[（(](?:{CN_DIGIT}{{1,3}}|\d{{1,2}})[）)]"
    rf"|\d{{1,2}}[、.．](?!\d))[^。！？]{{0,{HEADING_MAX_CHARS}}}"
)
# A unit written in Latin letters or symbols after a digit: the space between goes.
LATIN_UNIT_START_RE = re.compile(r"[A-Za-z%‰℃°\u3380-\u33ff]")
# Where a sentence starts, for looking back within it.
SENTENCE_START_RE = re.compile(f"[{SENTENCE_ENDS}]")

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
SENTENCE_BREAK_RE = re.compile(f"[{SENTENCE_ENDS}{PHRASE_SPACE}]")
# Brackets are not breaks: `广义货币(M2)余额` is one subject.
CLAUSE_BREAK_RE = re.compile(rf"[{CLAUSE_ENDS}{PHRASE_SPACE}{SENTENCE_ENDS}【】\[\]]")

YEAR_RE = re.compile(
    r"(?<![\d.])(?P<year>(?:19|20)\d{2})"
    r"(?P<tail>(?:/\d{2})?(?:财年|年度|年|财政年度)|(?=\s*[-—–~至到]\s*(?:19|20)\d{2}年))"
)
YEAR_SPAN_RE = re.compile(
    r"(?<!\d)(?:19|20)\d{2}(?:年)?(?:\d{1,2}月)?\s*(?:至|到|-|—|–|~)\s*(?:19|20)\d{2}年"
)

# --- metric: what a figure measures ---

LEADING_RE = re.compile(
    r"^(?:\d{1,2}[、.]|[①-⑳]|其中|同时|此外|另外|另一方面|而且|而|但是|但|并且|并|且|也|还|另|据统计|数据显示|"
    rf"仍然|依然|仍|{alternation(METRIC_OPENING_BOUNDS)}|的|由|从|进入|到了|"
    rf"收于|收报|报收|收盘报|{unambiguous('报')}|"
    r"初步核算|目前|当前|截至[^，]{0,10}?[底末]|截至|到|(?:19|20)\d{2}(?:/\d{2})?"
    r"(?:财政年度|财年|年度|年)(?:以来|[底末初]|全年)?的?|今年(?:以来)?|本年度|预计|据悉|"
    r"分别|均|[\s“”\"'‘’：:，,、（()）●■◆▲·—\-])+"
)

# A change word that names its period (`月减`, `年增`) is part of what is measured.
PERIOD_CHANGE_WORDS = frozenset(w for w in (*RISE_WORDS, *FALL_WORDS) if w[0] in "年月周季")

TRAILING_WORDS = (
    *QUALIFIERS_BEFORE, *(f"{w}占" for w in QUALIFIERS_BEFORE),  # `约占四成`: the bound of a share
    *(w for w in (*RISE_WORDS, *FALL_WORDS) if w not in PERIOD_CHANGE_WORDS),
    "达到", "达", "为", "约为", "增至", "提升至", "提高到", "提高至", "降至", "下降至", "升至",
    "跌至", "回升至", "回落至", "下降到", "增长到", "扩大到", "分别", "均", "都", "将", "已",
    "已经", "了", "有", "共", "共计", "合计", "总计", "实现", "保持", "稳定在", "维持在", "在",
    "是", "和", "及", "、", "预计", "有望", "可", "可以", "仍", "还", "也", "再", "又", "亦",
    "同比", "环比", "大幅", "显著", "明显", "首次", "连续", "已连续", "连", "持续", "进一步",
    "轻微", "略", "小幅", "仅", "只", "高达", "多达", "等", "再次", "创", "，", "的", "仍然", "依然",
    "有所", "显著", "突然", "就有", "就", "至", "到", "估计", "能", "能够", "大概", "或",
    "收于", "收报", "报收", "报", "由", "从", "继续", "各",
)  # fmt: skip

# Read backwards: the run of trailing words is matched from the end of the reversed text,
# which costs the run's length instead of a `$`-anchored search from every position.
TRAILING_PUNCTUATION = "\\s“\"'‘：:，,、（(●■◆▲·—\\-"

TRAILING_WORD_SET = frozenset(TRAILING_WORDS)

CHANGE_START_RE = re.compile(alternation((*RISE_WORDS, *FALL_WORDS)))

TRAILING_TOKEN_REVERSED_RE = re.compile(
    rf"{alternation(w[::-1] for w in TRAILING_WORDS)}|[{TRAILING_PUNCTUATION}]"
)

ENDS_IN_CHANGE_RE = re.compile(
    rf"(?:{alternation((*RISE_WORDS, *FALL_WORDS))}|[高低多少快慢])[了出约近超逾]*$"
)

COMPARISON_RE = re.compile(
    r"(?<!占)(?:同比|环比|同口径|按年|按月|按季|相比|相较|比|较)(?![重例率值较大为高低好快])"
)

GENERIC = frozenset(
    ("增速", "增幅", "跌幅", "降幅", "涨幅", "比重", "占比", "规模", "总量", "总额", "价格",
     "金额", "数量", "年均", "平均", "合计", "其中", "总计", "全年", "当年", "同期", "产能",
     "销量", "收入", "产量", "营收", "利润", "均价", "增长", "下降", "预算", "开支", "余额")
)  # fmt: skip

# Coverbs, except where they begin a word of their own (`从业`, `在建`, `对外`, `为了`).
COVERB_RE = re.compile(unambiguous_alternation(("在", "向", "对", "为", "给", "从", "把", "将", "于", "被")))

LEADING_AFTER_RE = re.compile(r"(?:也|都|均|还|亦|已|并|就|又|再)+")

# Words after a figure that continue the sentence rather than name the thing counted.
# Every bound word after a number (`以上`, `左右` …) is one of them, but `多`/`余`, which after a
# unit begin the next words (`家多元化`).
_AFTER_BOUNDS = alternation(w for w in QUALIFIERS_AFTER if w not in MORE_WORDS)
NOT_A_THING_RE = re.compile(
    rf"(?:{_AFTER_BOUNDS}|之间|同比|环比|增长|下降|增加|减少|较|比|占|创|居|位|为|是|达|至|到"
    r"|轻微|略|明显|大幅|显著|稍|有所|仍|均|都|也|还|则|做|幅度"
    r"|[好差高低多少快慢](?:于|出|许|很|得|了|$))"
)

BRACKETED_RE = re.compile(r"[（(][^）)]*[）)]")

TRAILING_STOP_RE = re.compile(f"[{CLAUSE_ENDS}{SENTENCE_ENDS}{LIST_MARKS}{PHRASE_SPACE}]")

# --- sentences and subjects ---

CLAUSE_END_RE = re.compile(f"[{CLAUSE_ENDS}]")

DIGIT_RE = re.compile(r"\d")

# Clauses that say how a figure was computed or sourced, not what it measures.
METHOD_CLAUSE_RE = re.compile(r"^(?:按|以|据|经|从|分|初步)|(?:计算|来看|看|核算|显示|表示|介绍|指出)$")

TRAILING_NUMBER_RE = re.compile(r"[\d.,%]+$")

THRESHOLD_NEXT_RE = re.compile(r"的(?![，。；、])")

CJK_RE = re.compile(r"[\u4e00-\u9fff]")

NOT_A_NOUN_START = "增减降升涨跌达为是占左上以及和与、，。；的"

NEXT_STOP_RE = re.compile(rf"[{CLAUSE_ENDS}{SENTENCE_ENDS}{PHRASE_SPACE}]|\d")

# --- bound, measure, period ---

LIST_GLUE = frozenset(("", "、", "和", "及", "与", "或", "以及"))

SHARE_AFTER_PERCENT_RE = re.compile(
    r"的?(?:资金|资本|资产|企业|人口|用户|产品|收入|股份|股权|土地|面积|人员|家庭|居民|员工|项目|份额)"
)

BELOW_RE = re.compile(r"低于?[了约近]?$")

GROWTH_AFTER_RE = re.compile(r"的?(?:增速|增长|增幅|涨幅|的增长|(?P<fall>降幅|跌幅|降速))")

LESS_IS_BETTER_RE = re.compile(alternation(LESS_IS_BETTER_WORDS))

BASE_BEFORE_RE = re.compile(r"(?:比|较|相比|相较|与|同|由|从|自|和)$")

SINCE_AFTER_RE = re.compile(r"^(?:[底末初]?)(?:以来|开始|起)")
LOOK_BACK_WINDOW = 14  # after a year: `年2月底以来新低`
LOOK_BACK_AFTER_RE = re.compile(
    rf"(?:/\d{{2}})?年?(?:\d{{1,2}}月(?:\d{{1,2}}[日号])?)?[底末初中]?(?:以来|来)的?(?:{alternation(LOOK_BACK_RECORDS)})"
)

RELATIVE_RE = re.compile(rf"(?<![比较])(?:{alternation(RELATIVE_YEAR_WORDS)})")

# --- mentions: which numbers are quantities ---

QUANTITY_VERBS_RE = re.compile(
    r"(?:增加|新增|减少|增|减|达到|达|共有|共|有|超过|超|近|约|逾|突破|合计|总计|累计|仅|只有|"
    r"多达|高达|再|另|各|又|新建|建成|设立|开设|引进|培育|实施|组建|获批|选出|涉及|建设|新开工|"
    r"开工|投产|完成|培训|帮扶|救助|安置|吸纳|带动)了?$"
)

SPOKEN_MAGNITUDE_RE = re.compile(
    r"(?:个(?P<more_after>多|余)?|(?P<more>多|余)|(?P<about>来))(?P<mag>万亿|亿|万)"
)

PERSON_AHEAD_RE = re.compile(rf"[^，。；：！？、\n]{{0,14}}?(?:{alternation(PERSON_NOUNS)})")

MONEY_CONTEXT_RE = re.compile(alternation(MONEY_WORDS))

STRUCTURE_AHEAD_RE = re.compile(rf"(?:{alternation(STRUCTURE_NOUNS)})")
HOUSEHOLD_AFTER_RE = re.compile(alternation(HOUSEHOLD_WORDS))

ORDINAL_BEFORE_RE = re.compile(rf"(?:{alternation((*ORDINAL_BEFORE, *DENOMINATOR_BEFORE))})$")

TIME_OF_DAY_BEFORE_RE = re.compile(r"(?:上午|下午|晚上|凌晨|早上|中午|傍晚)$")

INDEX_NOT_AFTER_RE = re.compile(r"(?:钟|半|多钟|整)")

ASCII_LETTER = re.compile(r"[A-Za-z]")

# --- cleaning ---

# Chinese punctuation that stays as written: the metric keeps the article's own words,
# and these mark clause boundaries either way. Circled numbers stay list markers.
KEEP_AS_WRITTEN = set("，；：（）！？、。“”‘’《》【】「」『』〈〉\u3000") | {
    chr(c) for c in range(0x2460, 0x2500)
}

CJK = r"\u3400-\u9fff\uf900-\ufaff"

SENTENCE_END = "。！？!?；;：:”」』）)…"

# What the cleaner may change: full-width and compatibility characters, runs of spaces,
# and line breaks with the blank lines around them.
EDIT_RE = re.compile(
    r"(?P<digit_comma>(?<=\d)，(?=\d{3}(?!\d)))"  # `１，２３４`: a thousands separator
    r"|(?P<wide>[\u2000-\u200a\u2024\u2212\u3000\u3200-\u33ff\ufe30-\ufe6f\uff01-\uffef])"
    r"|(?P<spaces>[ \t\u00a0\u3000\u200b]+)"
    r"|(?P<breaks>[ \t\u3000]*(?:\r\n|\r|\n)(?:[ \t\u3000]*(?:\r\n|\r|\n))*[ \t\u3000]*)"
)

IS_CJK = re.compile(f"[{CJK}]")

IS_CJK_OR_DIGIT_PUNCT = re.compile(f"[{CJK}，。；：、！？（）“”%％]")

# --- implied units, comparisons, groups ---

IMPLIED_UNIT_BEFORE_RE = re.compile(rf"(?P<noun>{alternation(IMPLIED_UNIT_NOUNS)}){FILLERS_RE}$")
IMPLIED_UNIT_NOUN_RE = re.compile(alternation(IMPLIED_UNIT_NOUNS))
# `比武汉少近100万人`, `同比多3亿元`, `比去年同期88宗少二成六`: less or more than a compared
# figure, with no change word.
COMPARED_LESS_MORE_RE = re.compile(
    rf"(?:{alternation(COMPARISON_WORDS)})[^，。；、]{{0,16}}?(?P<cue>{alternation(COMPARED_LESS_MORE)})(?:了)?"
    rf"(?:{alternation(QUALIFIERS_BEFORE)})?$"
)
# `79%的毕业生`: a percentage before `的` and a noun is the part of that group, unless the
# noun names a rate or a change (`5%的增速`, `3%的利率`).
PART_OF_GROUP_AFTER_RE = re.compile(
    rf"的(?![^，。；、\d]{{0,4}}(?:{alternation(RATE_NOUN_ENDINGS)}))[\u4e00-\u9fff]"
)
RATE_BOUND_BEFORE_RE = re.compile(
    rf"(?:{alternation(RATE_NOUN_ENDS)})(?:{alternation(QUALIFIERS_BEFORE)})(?:{alternation(QUALIFIER_FILLERS)})*$"
)
SHARED_UNIT_NEXT_RE = re.compile(
    rf"[{SHARED_UNIT_JOINS}](?P<amount>{ARABIC})(?P<unit>{alternation(SHARED_UNITS)})"
)
SHARED_HEAD_NEXT_RE = re.compile(
    rf"[{SHARED_UNIT_JOINS}](?P<amount>{ARABIC})(?P<unit>{alternation(SHARED_HEAD_UNITS.values())})"
)
# `第1-12批`: the high end of an ordinal range is an ordinal too.
ORDINAL_RANGE_WINDOW = 8
ORDINAL_RANGE_BEFORE_RE = re.compile(rf"(?:{alternation(ORDINAL_BEFORE)})\d+[-—~～至到和、]$")
# `华氏温度98.6度`: `华氏` shortly before `度`.
TEMPERATURE_WINDOW = 8  # before: `最高气温达到`
FAHRENHEIT_WORD_RE = re.compile(alternation(FAHRENHEIT_WORDS))
CLAUSE_OR_SENTENCE_END_RE = re.compile(f"[{CLAUSE_ENDS}{SENTENCE_ENDS}]")
# `压减粗钢产能300万吨`: a reduction verb, its object (a few characters, no break), the figure.
REDUCTION_OBJECT_MAX = 8
REDUCTION_OBJECT_RE = re.compile(
    rf"(?P<cue>{alternation(REDUCTION_VERBS)})(?:(?![{NOT_IN_REDUCED_OBJECT}])[\u4e00-\u9fff]){{1,{REDUCTION_OBJECT_MAX}}}"
    rf"{FILLERS_RE}$"
)
AGE_GROUP_NOUN_RE = re.compile(rf"(?:{alternation(AGE_GROUP_NOUNS)})")
LIST_SPLIT_RE = re.compile(r"[、和及与]|以及")  # `起数、死亡人数`: the items of a list subject
BASE_YEAR_TAIL_RE = re.compile(r"(?:[底末初]|年底|年末|同期)?的?")  # `比2020年底的`
# The longest text `BASE_YEAR_TAIL_RE` matches: a base year farther than this before a
# figure cannot be the figure's year, so `period_for` passes over it without a look.
BASE_YEAR_TAIL_LONGEST = 3
RATIO_COLON_RE = re.compile(r"[:：]")
# Short quoted names (`“21条”`) and book titles (`《…》`): a number inside one is a name.
NAME_SPAN_RE = re.compile(
    r"《[^》\n]*》|“[^”\n，。；]{0,14}”|「[^」\n，。；]{0,14}」|『[^』\n，。；]{0,14}』|〈[^〉\n，。；]{0,14}〉"
)

# --- windows: how far from the number each rule looks (characters) ---

CONTEXT_WINDOW = 150  # either side: does the neighbourhood speak of money
QUANTITY_VERB_WINDOW = 5  # before a Chinese numeral: `增加六个`
ORDINAL_WINDOW = 3  # before: `第`, `前`, `No.`
STREAK_WINDOW = 4  # before a time unit: `连续`
TIME_OF_DAY_WINDOW = 3  # before an index point: `下午3点`
YEAR_BASE_WINDOW = 2  # before a year: `比`, `较`
YEAR_SINCE_WINDOW = 4  # after a year: `以来`
BOOK_TITLE_WINDOW = 60  # before a year: an open `《`
BOUND_WINDOW = 14  # before: the bound word and its fillers
SHARE_BOUND_WINDOW = 18  # before: `约占全国1/4`
CUE_WINDOW = 24  # before: the change word and its fillers
AFTER_WINDOW = 4  # after: `8%左右增速`
FOLLOWING_WINDOW = 8  # after: `79%的毕业生`, `5%的增长速度`
THRESHOLD_WINDOW = 2  # after: `10亿元的项目`
TRAILING_PASSES = 6  # how many runs of trailing words a metric loses at most

# --- explain: the numeral runs of a text, and what the scan skips on its own ---

_NUMERAL_CHARS = f"{PLAIN_DIGITS}{''.join(MAGNITUDES)}{FINANCIAL_DIGITS}"
NUMERAL_RUN_RE = re.compile(rf"\d+(?:[.,:：/]\d+)*(?:[{MAGNITUDE_CHARS}]+\d*)*|[{_NUMERAL_CHARS}]+")
YEAR_AT_RE = re.compile(r"(?:19|20)\d\d\s?(?:年|财年|/\d{2})")
DATE_AT_RE = re.compile(r"\d{1,2}\s?(?:月|日|号)")
CLOCK_AT_RE = re.compile(r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d)")


# --- series columns: reference periods (`reference_periods`) ---------------------------
# Read on text folded one character for one (simplified, NFKC), so offsets stay raw ones.
# A Chinese-numeral month stands after `年` or a non-Chinese character, never inside a
# word (`统一月度`); a digit month after no digit.
_MONTH_NUM = (
    r"(?:(?<![\d.])(?:1[0-2]|0?[1-9])"
    r"|(?:(?<=年)|(?<![\u4e00-\u9fff\d.]))(?:十[一二]|[一二三四五六七八九十]))"
)
_MONTH_TO = r"(?:1[0-2]|0?[1-9]|十[一二]|[一二三四五六七八九十])"
_QUARTER_NUM = r"[一二三四1-4]"
_COUNT_NUM = r"(?:十[一二]?|[一二两三四五六七八九十]|1[0-2]|[1-9])"
_TO = r"\s*[-—–~至到]\s*"
PERIOD_RE = re.compile(
    rf"(?P<span_from>(?:19|20)\d\d)\s*年?{_TO}(?P<span_to>(?:19|20)\d\d)\s*年"
    rf"|(?P<plan>{alternation(PLAN_START_YEARS)})[\"”“」』]?\s*(?:时期|期间)"
    rf"|前(?P<ytd_months>{_COUNT_NUM})个?月"
    r"|前(?P<ytd_quarters>[一二三两])个?季度"
    rf"|(?P<qrange_from>{_QUARTER_NUM}){_TO}(?P<qrange_to>{_QUARTER_NUM})季度"
    rf"|(?P<mrange_from>{_MONTH_NUM})\s*(?:月份?)?{_TO}(?P<mrange_to>{_MONTH_TO})\s*月份?(?P<mrange_end>末|底)?"
    rf"|第?(?P<quarter>{_QUARTER_NUM})季度(?P<quarter_end>末|底)?"
    r"|(?P<half>[上下])半年(?P<half_end>末|底)?"
    rf"|(?P<month>{_MONTH_NUM})\s*月(?P<day>\s*\d{{1,2}}\s*[日号])?份?(?P<month_end>末|底)?"
    r"|年(?P<year_end>末|底)"
    r"|(?P<full_year>全年)"
)
# A period right after these is the base of a comparison (`比上年末`, `较2024年5月`).
PERIOD_BASE_BEFORE_RE = re.compile(r"(?:[比较]|同比|环比)(?:上|去|(?:19|20)\d\d\s*年)?\s*$")
# A day with its month is a point only after `截至`; otherwise it dates an event.
POINT_DATE_BEFORE_RE = re.compile(r"(?:截至|截止|至)(?:(?:19|20)\d\d\s*年)?\s*$")
# The article's date line: `2026年1月19日`, `2026-01-19`, `Wed, 24 Mar 2021`.
DATE_LINE_RE = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*年\s*(?P<month>\d{1,2})\s*月\s*\d{1,2}\s*[日号]"
    r"|(?P<iso_year>(?:19|20)\d\d)(?P<sep>[-/.])(?P<iso_month>\d{1,2})(?P=sep)\d{1,2}(?!\d)"
    r"|\b\d{1,2}\s+(?P<month_name>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(?P<year_en>(?:19|20)\d\d)\b"
)
# A year written with a space before `年` (`2022 年 4 月`), which the extractor's year
# rule reads only on its cleaned text.
SPACED_YEAR_RE = re.compile(r"(?<![\d.])(?P<year>(?:19|20)\d\d)\s+(?:年|财年)")
# The publisher line `来源：广东省统计局`, on folded text (`：` is `:`).
PUBLISHER_RE = re.compile(r"来源\s*[:：]\s*([^)）\n,，。;；]{2,40})")

# --- series columns: what stands beside an indicator's name in a metric ---

_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
# A period inside a metric (`2025年`, `1—11月`, `前5个月`, `5月当月`, `一季度`, `上半年`,
# `7月末`, `今年`): it says when, not what, so it may stand beside an indicator's name.
PERIOD_IN_METRIC_RE = re.compile(
    r"(?:19|20)\d{2}(?:年度|年|财年)?(?:全年|以来|[末底初])?"
    rf"|{_MONTH}\s*[-—–~至到]\s*{_MONTH}月份?"
    rf"|前{_MONTH}个?月|{_MONTH}月份?(?:[末底初]|当月|以来)?"
    r"|第?[一二三四1-4]季度?末?|前三季度|[上下]半年|(?:今|去|上|本|明|当)年(?:以来|同期|[末底初])?"
    r"|十[一二三四五]五(?:时期|期间|以来|末)?"  # a plan's five years: `“十四五”时期`
    r"|[(（][0-9A-Za-z.\s]*[)）]"  # an abbreviation in brackets: `(CPI)`, `(M2)`
)
INDICATOR_NEUTRAL_RE = re.compile(alternation(INDICATOR_NEUTRAL_WORDS))
# Left after the name, periods and neutral words are taken out: a word of its own.
CONTENT_CHAR_RE = re.compile(r"[\u4e00-\u9fffA-Za-z]")
NOT_YEAR_ON_YEAR_RE = re.compile(
    rf"{alternation(NOT_YEAR_ON_YEAR_WORDS)}|(?:比|较|相比|相较于?)[“\"]?十[一二三四五]五"
)
# `比2019年同期增长11.1%`: a change on a base year, year on year only where it is the year before.
BASE_YEAR_RE = re.compile(r"(?:比|较|相比|相较于?)(?P<year>(?:19|20)\d{2})年")
FORECAST_RE = re.compile(alternation(FORECAST_WORDS))
# `较第一季的4.2%`: a base word, a few words naming the base, `的`, perhaps a bound, the figure.
BASE_VALUE_BEFORE_RE = re.compile(
    rf"(?:{alternation(BASE_VALUE_WORDS)})[^，,；;。]{{0,12}}的[^，,；;。的\d]{{0,6}}$"
)
YEAR_IN_PERIOD_RE = re.compile(r"\d{4}")  # the years of a reference period (`2021/2025`)
