"""What a figure measures, in the article's own words.

The metric is the subject written before the number in its clause, without time words,
comparison phrases, bound words or verbs; where the clause only says `同比增长`, the
subject carries over from the clause before. Counts add the thing counted, written after
the unit (`1.4万家企业` → `企业`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cleaning import to_simplified
from .lexicon import FALL_WORDS, METRIC_OPENING_BOUNDS, QUALIFIERS_BEFORE, RISE_WORDS
from .patterns import alternation, inside_longer_word, unambiguous, unambiguous_alternation

_LEADING_RE = re.compile(
    r"^(?:\d{1,2}[、.]|[①-⑳]|其中|同时|此外|另外|另一方面|而且|而|但是|但|并且|并|且|也|还|另|据统计|数据显示|"
    rf"仍然|依然|仍|{alternation(METRIC_OPENING_BOUNDS)}|的|由|从|进入|到了|"
    rf"收于|收报|报收|收盘报|{unambiguous('报')}|"
    r"初步核算|目前|当前|截至[^，]{0,10}?[底末]|截至|到|(?:19|20)\d{2}(?:/\d{2})?"
    r"(?:财政年度|财年|年度|年)(?:以来|[底末初]|全年)?的?|今年(?:以来)?|本年度|预计|据悉|"
    r"分别|均|[\s“”\"'‘’：:，,、（()）●■◆▲·—\-])+"
)
# A change word that names its period (`月减`, `年增`) is part of what is measured.
_PERIOD_CHANGE_WORDS = frozenset(w for w in (*RISE_WORDS, *FALL_WORDS) if w[0] in "年月周季")
_TRAILING_WORDS = (
    *QUALIFIERS_BEFORE, *(f"{w}占" for w in QUALIFIERS_BEFORE),  # `约占四成`: the bound of a share
    *(w for w in (*RISE_WORDS, *FALL_WORDS) if w not in _PERIOD_CHANGE_WORDS),
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
_TRAILING_PUNCTUATION = "\\s“\"'‘：:，,、（(●■◆▲·—\\-"
_TRAILING_WORD_SET = frozenset(_TRAILING_WORDS)
_CHANGE_START_RE = re.compile(alternation((*RISE_WORDS, *FALL_WORDS)))
_TRAILING_TOKEN_REVERSED_RE = re.compile(
    rf"{alternation(w[::-1] for w in _TRAILING_WORDS)}|[{_TRAILING_PUNCTUATION}]"
)
_ENDS_IN_CHANGE_RE = re.compile(
    rf"(?:{alternation((*RISE_WORDS, *FALL_WORDS))}|[高低多少快慢])[了出约近超逾]*$"
)
_COMPARISON_RE = re.compile(
    r"(?<!占)(?:同比|环比|同口径|按年|按月|按季|相比|相较|比|较)(?![重例率值较大为高低好快])"
)
_GENERIC = frozenset(
    ("增速", "增幅", "跌幅", "降幅", "涨幅", "比重", "占比", "规模", "总量", "总额", "价格",
     "金额", "数量", "年均", "平均", "合计", "其中", "总计", "全年", "当年", "同期", "产能",
     "销量", "收入", "产量", "营收", "利润", "均价", "增长", "下降", "预算", "开支", "余额")
)  # fmt: skip
# Coverbs, except where they begin a word of their own (`从业`, `在建`, `对外`, `为了`).
_COVERB_RE = re.compile(unambiguous_alternation(("在", "向", "对", "为", "给", "从", "把", "将", "于", "被")))
_LEADING_AFTER_RE = re.compile(r"(?:也|都|均|还|亦|已|并|就|又|再)+")
# Words after a figure that continue the sentence rather than name the thing counted.
_NOT_A_THING_RE = re.compile(
    r"(?:左右|以上|以下|上下|之间|同比|环比|增长|下降|增加|减少|较|比|占|创|居|位|为|是|达|至|到"
    r"|轻微|略|明显|大幅|显著|稍|有所|仍|均|都|也|还|则|做|幅度"
    r"|[好差高低多少快慢](?:于|出|许|很|得|了|$))"
)
_BRACKETED_RE = re.compile(r"[（(][^）)]*[）)]")
_TRAILING_STOP_RE = re.compile(r"[，,；;。！？!?\n：:、\u3000]")


def tidy_subject(pre_display: str, pre_simplified: str | None = None) -> str:
    """The clause's words before a number, as a metric: time words, comparisons,
    bound words and verbs removed.

    `比上年度修订预算3.4亿元` names the figure it is compared with: its metric is that
    thing. `较5月初下跌17元` is a change: its metric is the subject before it."""
    if pre_simplified is None or len(pre_simplified) != len(pre_display):
        pre_simplified = to_simplified(pre_display)
    stripped = pre_display.strip()
    offset = pre_display.find(stripped) if stripped else 0
    text, simplified = stripped, pre_simplified[offset : offset + len(stripped)]
    cut = _COMPARISON_RE.search(simplified)
    if cut and cut.start() >= 2:
        text, simplified = text[: cut.start()], simplified[: cut.start()]
    elif cut:
        compared = simplified[cut.end() :]
        if _ENDS_IN_CHANGE_RE.search(compared) or not compared.strip("的 "):
            text, simplified = "", ""
        else:
            text, simplified = text[cut.end() :], compared
    leading = _LEADING_RE.match(simplified)
    if leading:
        text, simplified = text[leading.end() :], simplified[leading.end() :]
    for _ in range(6):
        cut = _trailing_start(simplified)
        if cut is None:
            break
        text, simplified = text[:cut], simplified[:cut]
    return text.strip()


def _trailing_start(simplified: str) -> int | None:
    """Where the run of verbs, bound words and punctuation at the end begins, if any."""
    reversed_text = simplified[::-1]
    boundaries = []
    token = _TRAILING_TOKEN_REVERSED_RE.match(reversed_text)
    while token and token.end() > token.start():
        boundaries.append(token.end())
        token = _TRAILING_TOKEN_REVERSED_RE.match(reversed_text, token.end())
    for boundary in reversed(boundaries):
        cut = len(simplified) - boundary
        names_period = (
            cut > 0 and simplified[cut - 1] in "年月周季" and _CHANGE_START_RE.match(simplified, cut)
        )
        if not names_period:  # `月减` names its period: it stays
            return cut
    return None


@lru_cache(maxsize=8192)
def looks_like_verb(word: str) -> bool:
    """A change word (`年增`, `月减`) or a word that only ever ends a clause's lead-in."""
    simplified = to_simplified(word)
    return bool(_CHANGE_START_RE.search(simplified)) or simplified in _TRAILING_WORD_SET


@lru_cache(maxsize=8192)
def is_generic(metric: str) -> bool:
    """`增速`, `比重`, `规模`: a word that names a kind of figure, not whose."""
    return to_simplified(metric) in _GENERIC


@lru_cache(maxsize=8192)
def needs_subject(metric: str) -> bool:
    """A metric that says too little on its own: empty, a generic word, or `占全国`."""
    simplified = to_simplified(metric)
    return (
        len(simplified) <= 2
        or simplified in _GENERIC
        or (simplified.startswith("占") and not inside_longer_word(simplified, 0, 1))
    )


def counted_thing(display: str, start: int, stop: int) -> str:
    """The words after a count's unit up to the clause's end: `家企业` → `企业`."""
    segment = display[start:stop]
    if "(" in segment or "（" in segment:
        segment = _BRACKETED_RE.sub("", segment)
    end = _TRAILING_STOP_RE.search(segment)
    if end:
        segment = segment[: end.start()]
    if not segment:
        return ""
    simplified = to_simplified(segment)
    cut = _trailing_start(simplified)
    if cut:
        segment, simplified = segment[:cut], simplified[:cut]
    kept = segment.strip("的“”\"' ")
    if not kept:
        return ""
    at = segment.index(kept)
    segment, simplified = kept, simplified[at : at + len(kept)]
    leading = _LEADING_AFTER_RE.match(simplified)
    if leading:
        segment, simplified = segment[leading.end() :], simplified[leading.end() :]
    if _NOT_A_THING_RE.match(simplified):
        return ""
    return segment


def is_comparison_figure(pre_simplified: str) -> bool:
    """`比上年度修订预算3.4亿元`: the figure is the thing compared with, not the subject's."""
    text = pre_simplified.strip(" ，,")
    cut = _COMPARISON_RE.match(text)
    return bool(cut) and bool(text[cut.end() :].strip("的 ")) and not _ENDS_IN_CHANGE_RE.search(text)


def last_phrase(metric: str) -> str:
    """The words after the last coverb of a long clause: `基金在全省设立` → `全省设立`;
    a list of named examples before a count is dropped."""
    simplified = to_simplified(metric)
    if "、" in simplified:
        return ""
    cut = None
    for match in _COVERB_RE.finditer(simplified):
        if match.start() >= 2:
            cut = match.end()
    return metric[cut:] if cut is not None and cut < len(metric) else metric


def split_list_subject(subject: str) -> list[str]:
    """`起数、死亡人数` → the items that `分别` distributes figures over."""
    return [item for item in re.split(r"[、和及与]|以及", subject) if item]
