"""What a figure measures, in the article's own words.

The metric is the subject written before the number in its clause, without time words,
comparison phrases, bound words or verbs; where the clause only says `同比增长`, the
subject carries over from the clause before. Counts add the thing counted, written after
the unit (`1.4万家企业` → `企业`).
"""

from __future__ import annotations

from functools import lru_cache

from .cleaning import to_simplified
from .lexicon import (
    COMMA_MARKS,
    DE,
    OPEN_BRACKETS,
    PERIOD_CHARS,
    QUOTE_MARKS,
    SHARE_VERB,
)
from .patterns import (
    BRACKETED_RE,
    CHANGE_START_RE,
    COMPARISON_RE,
    COVERB_RE,
    ENDS_IN_CHANGE_RE,
    GENERIC,
    LEADING_AFTER_RE,
    LEADING_RE,
    LIST_SPLIT_RE,
    NOT_A_THING_RE,
    TRAILING_PASSES,
    TRAILING_STOP_RE,
    TRAILING_TOKEN_REVERSED_RE,
    TRAILING_WORD_SET,
    inside_longer_word,
)


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
    cut = COMPARISON_RE.search(simplified)
    if cut and cut.start() >= 2:
        text, simplified = text[: cut.start()], simplified[: cut.start()]
    elif cut:
        compared = simplified[cut.end() :]
        if ENDS_IN_CHANGE_RE.search(compared) or not compared.strip(DE + " "):
            text, simplified = "", ""
        else:
            text, simplified = text[cut.end() :], compared
    leading = LEADING_RE.match(simplified)
    if leading:
        text, simplified = text[leading.end() :], simplified[leading.end() :]
    for _ in range(TRAILING_PASSES):
        cut = _trailing_start(simplified)
        if cut is None:
            break
        text, simplified = text[:cut], simplified[:cut]
    return text.strip()


def _trailing_start(simplified: str) -> int | None:
    """Where the run of verbs, bound words and punctuation at the end begins, if any."""
    reversed_text = simplified[::-1]
    boundaries = []
    token = TRAILING_TOKEN_REVERSED_RE.match(reversed_text)
    while token and token.end() > token.start():
        boundaries.append(token.end())
        token = TRAILING_TOKEN_REVERSED_RE.match(reversed_text, token.end())
    for boundary in reversed(boundaries):
        cut = len(simplified) - boundary
        names_period = (
            cut > 0 and simplified[cut - 1] in PERIOD_CHARS and CHANGE_START_RE.match(simplified, cut)
        )
        if not names_period:  # `月减` names its period: it stays
            return cut
    return None


@lru_cache(maxsize=8192)
def looks_like_verb(word: str) -> bool:
    """A change word (`年增`, `月减`) or a word that only ever ends a clause's lead-in."""
    simplified = to_simplified(word)
    return bool(CHANGE_START_RE.search(simplified)) or simplified in TRAILING_WORD_SET


@lru_cache(maxsize=8192)
def is_generic(metric: str) -> bool:
    """`增速`, `比重`, `规模`: a word that names a kind of figure, not whose."""
    return to_simplified(metric) in GENERIC


@lru_cache(maxsize=8192)
def needs_subject(metric: str) -> bool:
    """A metric that says too little on its own: empty, a generic word, or `占全国`."""
    simplified = to_simplified(metric)
    return (
        len(simplified) <= 2
        or simplified in GENERIC
        or (simplified.startswith(SHARE_VERB) and not inside_longer_word(simplified, 0, 1))
    )


def counted_thing(display: str, start: int, stop: int) -> str:
    """The words after a count's unit up to the clause's end: `家企业` → `企业`."""
    segment = display[start:stop]
    if any(bracket in segment for bracket in OPEN_BRACKETS):
        segment = BRACKETED_RE.sub("", segment)
    end = TRAILING_STOP_RE.search(segment)
    if end:
        segment = segment[: end.start()]
    if not segment:
        return ""
    simplified = to_simplified(segment)
    cut = _trailing_start(simplified)
    if cut:
        segment, simplified = segment[:cut], simplified[:cut]
    kept = segment.strip(DE + QUOTE_MARKS + " ")
    if not kept:
        return ""
    at = segment.index(kept)
    segment, simplified = kept, simplified[at : at + len(kept)]
    leading = LEADING_AFTER_RE.match(simplified)
    if leading:
        segment, simplified = segment[leading.end() :], simplified[leading.end() :]
    if NOT_A_THING_RE.match(simplified):
        return ""
    return segment


def is_comparison_figure(pre_simplified: str) -> bool:
    """`比上年度修订预算3.4亿元`: the figure is the thing compared with, not the subject's."""
    text = pre_simplified.strip(" " + COMMA_MARKS)
    cut = COMPARISON_RE.match(text)
    return bool(cut) and bool(text[cut.end() :].strip(DE + " ")) and not ENDS_IN_CHANGE_RE.search(text)


def last_phrase(metric: str) -> str:
    """The words after the last coverb of a long clause: `基金在全省设立` → `全省设立`;
    a list of named examples before a count is dropped."""
    simplified = to_simplified(metric)
    if "、" in simplified:
        return ""
    cut = None
    for match in COVERB_RE.finditer(simplified):
        if match.start() >= 2:
            cut = match.end()
    return metric[cut:] if cut is not None and cut < len(metric) else metric


def split_list_subject(subject: str) -> list[str]:
    """`起数、死亡人数` → the items that `分别` distributes figures over."""
    return [item for item in LIST_SPLIT_RE.split(subject) if item]
