"""What a figure measures, in the article's own words.

The metric is the subject written before the number in its clause, without time words,
comparison phrases, bound words or verbs; where the clause only says `同比增长`, the
subject carries over from the clause before. Counts add the thing counted, written after
the unit (`1.4万家企业` → `企业`).
"""

from __future__ import annotations

from functools import lru_cache

from .cleaning import CleanText, to_simplified
from .interpret import is_list_continuation
from .lexicon import (
    BRACKET_PAIRS,
    COMMA_MARKS,
    DE,
    OPEN_BRACKETS,
    PERIOD_CHARS,
    QUOTE_MARKS,
    RESPECTIVELY,
    SHARE_VERB,
)
from .mentions import Mention
from .patterns import (
    BRACKETED_RE,
    CHANGE_CUE_RE,
    CHANGE_START_RE,
    CLAUSE_END_RE,
    COMPARISON_RE,
    COVERB_RE,
    CUE_WINDOW,
    DIGIT_RE,
    ENDS_IN_CHANGE_RE,
    GENERIC,
    LEADING_AFTER_RE,
    LEADING_RE,
    LIST_SPLIT_RE,
    METHOD_CLAUSE_RE,
    NEXT_STOP_RE,
    NOT_A_THING_RE,
    TRAILING_NUMBER_RE,
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
        trailing = _trailing_start(simplified)
        if trailing is None:
            break
        text, simplified = text[:trailing], simplified[:trailing]
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
    return cut is not None and bool(text[cut.end() :].strip(DE + " ")) and not ENDS_IN_CHANGE_RE.search(text)


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


# How far back before a figure the sentence's words may make its metric, when its clause
# names none: a metric is a phrase, and reading the whole sentence for each of its figures
# made a long sentence take quadratic time.
METRIC_REACH = 300


class SubjectTracker:
    """What an analyst carries from one figure of a sentence to the next to say what it
    measures: the subject, the items a `分别` list distributes over, the metrics read so far,
    and the sentence's first clause (its topic). One per sentence: `extract` asks it for a
    figure's own words, then for its metric, so the metric is made here and only here."""

    def __init__(
        self, clean: CleanText, start: int, end: int, clause_starts: list[int], mentions: list[Mention]
    ) -> None:
        self.clean, self.text, self.display = clean, clean.text, clean.display
        self.start, self.end = start, end
        self.clause_starts = clause_starts
        self.mentions = mentions
        self.topic = _Topic(clean, start, end)
        self.subject = ""
        self.list_items: list[str] = []
        self.list_position = 0
        self.earlier_metrics: list[str] = []

    def own_words(
        self, pre_from: int, mention: Mention, pre: str, clause_index: int, previous: Mention | None
    ) -> str:
        """The clause's own words before the figure; where they say too little, a clause
        with no figure before it may name the subject (`欧元兑美元报1.0850，跌0.2%`)."""
        own = tidy_subject(self.display[pre_from : mention.start], pre)
        if clause_index and needs_subject(own):
            self._subject_from_figureless_clause(clause_index, previous)
        return own

    def metric(self, position: int, mention: Mention, own: str, pre: str, clause_index: int) -> str:
        """The metric of a figure that starts a reading of its own; never empty."""
        clause_start = self.clause_starts[clause_index]
        next_start = _next_figure_start(self.mentions, position, self.end)
        metric, self.subject, self.list_items = _metric_for(
            self.clean, mention, own, self.subject, pre, self.topic.before(clause_start), next_start
        )
        if RESPECTIVELY in pre and not self.list_items and needs_subject(own):
            # `接待游客6.5亿人次，旅游总收入7800亿元，分别增长12.3%和15.6%`
            size = _list_size(self.text, self.mentions, position)
            if size > 1 and len(self.earlier_metrics) >= size:
                self.list_items = self.earlier_metrics[-size:]
        if not metric:  # the words of the sentence before the figure, within reach
            whole = tidy_subject(self.display[max(self.start, mention.start - METRIC_REACH) : mention.start])
            metric = last_phrase(whole) or whole
        self.earlier_metrics.append(metric)
        self.list_position = 0
        if self.list_items:
            metric = self.list_items[0]
        return metric

    def listed_metric(self, metric: str) -> str:
        """A later figure of a list: the next item `分别` distributes, else the first's metric."""
        if self.list_items:
            self.list_position += 1
            if self.list_position < len(self.list_items):
                return self.list_items[self.list_position]
        return metric

    def _subject_from_figureless_clause(self, clause_index: int, previous: Mention | None) -> None:
        """A clause with no figure of its own names the subject of the next, unless it only
        says how a figure was computed (`按不变价格计算`)."""
        before = self.clause_starts[clause_index - 1]
        end = self.clause_starts[clause_index] - 1
        if previous is not None and before < previous.post_end:
            return  # (asked first: it is cheap, and true for every figure of a clause but its first)
        if METHOD_CLAUSE_RE.search(self.text, before, end):
            return
        named = tidy_subject(TRAILING_NUMBER_RE.sub("", self.display[max(before, end - METRIC_REACH) : end]))
        if named and not needs_subject(named) and not DIGIT_RE.search(named):
            self.subject = named  # (a clause with a date in it, `在2019年底完成`, names no subject)


def _metric_for(
    clean: CleanText, mention: Mention, own: str, subject: str, pre: str, topic: str, next_start: int
) -> tuple[str, str, list[str]]:
    """(metric, subject carried on, list items that `分别` distributes).

    Where the clause names no subject of its own, the subject carries over from the figure
    before; failing that, the sentence's first clause (its topic); failing that, the words
    after the figure."""
    display = clean.display
    items: list[str] = []
    if RESPECTIVELY in pre and own:
        parts = split_list_subject(own)
        if len(parts) > 1:
            items = parts
    stop = _next_stop(clean.text, mention.post_end, min(next_start, mention.post_end + METRIC_REACH))
    after = counted_thing(display, mention.post_end, stop)
    if len(after) < 2:
        after = ""
    if mention.unit_kind == "time":
        standing = bool(own) and not needs_subject(own)
        base = own if standing else (subject or topic)
        # `全国水利建设完成投资连续四年超万亿元`: the streak's subject is the next figure's too
        return (base + after) or own or subject, own if standing else subject, []
    if after and not items:
        if mention.unit_kind == "count" and own:
            own = last_phrase(own)
        own = own + after
    # A two-character word is a subject of its own when a change follows it (`恒指升逾300点`)
    # or it stands beside another such (`出口…，进口…`); otherwise it may be a verb (`交付`).
    short_noun = (
        len(own) == 2
        and not is_generic(own)
        and not looks_like_verb(own)
        and (0 < len(subject) <= 2 or bool(CHANGE_CUE_RE.search(pre[-CUE_WINDOW:])))
    )
    if needs_subject(own) and not short_noun:
        base = subject or topic
        metric = base + own if own else base
        if own and not base and not own.startswith(SHARE_VERB):
            subject = own  # `收入为…，同比增长15%`: a generic word still carries over
        return metric or after or own, subject, items
    if is_comparison_figure(pre):
        return own, subject, items  # the compared figure does not change the subject
    subject = own.split(SHARE_VERB)[0] if SHARE_VERB in own[1:] else own
    return own, subject, items


def _next_figure_start(mentions: list[Mention], position: int, end: int) -> int:
    """Where the next figure after `mentions[position]` starts (the other end of a range
    starts with it), else `end`; by index, as a slice of the rest would copy it each time."""
    start = mentions[position].start
    for index in range(position + 1, len(mentions)):
        if mentions[index].start > start:
            return mentions[index].start
    return end


def _list_size(text: str, mentions: list[Mention], position: int) -> int:
    """How many figures stand in the list that starts at `mentions[position]`."""
    size = 1
    for index in range(position + 1, len(mentions)):  # by index: a slice copies the rest
        earlier, later = mentions[index - 1], mentions[index]
        if later.start == earlier.start:
            continue  # the two ends of one range
        if not is_list_continuation(text, earlier, later):
            break
        size += 1
    return size


class _Topic:
    """The sentence's first clause, for figures that stand in a later one; read once."""

    def __init__(self, clean: CleanText, sentence_start: int, sentence_end: int) -> None:
        self._clean = clean
        self._start = sentence_start
        first_break = CLAUSE_END_RE.search(clean.text, sentence_start, sentence_end)
        self._end = first_break.start() if first_break else sentence_end
        self._text: str | None = None

    def before(self, start_of_clause: int) -> str:
        if start_of_clause <= self._end:
            return ""
        if self._text is None:
            topic = tidy_subject(self._clean.display[max(self._start, self._end - METRIC_REACH) : self._end])
            says_who = METHOD_CLAUSE_RE.search(self._clean.text, self._start, self._end)
            self._text = "" if needs_subject(topic) or DIGIT_RE.search(topic) or says_who else topic
        return self._text


def _next_stop(text: str, pos: int, limit: int) -> int:
    """The first stop (a break or a digit) after `pos`, else `limit`: searched no further,
    as a search to the sentence's end for each of its figures took quadratic time."""
    match = NEXT_STOP_RE.search(text, pos, limit)
    return match.start() if match else limit


# How far back before a metric its opening bracket may stand to be taken in.
BRACKET_REACH = 24


def balance_brackets(metric: str, before: str) -> str:
    """A metric cut inside a quotation or a bracket is mended: an unmatched closing mark
    takes in its opening from the words before the metric (`千项万亿”重大项目` →
    `“千项万亿”重大项目`), or else goes; an unmatched opening mark and what follows it go
    (`贴息比例(单企年度` → `贴息比例`), unless nothing stands before it."""
    written = metric
    for opening, closing in BRACKET_PAIRS:
        if opening not in metric and closing not in metric:
            continue
        depth, unmatched_close, last_open = 0, -1, -1
        for index, char in enumerate(metric):
            if char == opening:
                depth, last_open = depth + 1, index
            elif char == closing:
                if depth:
                    depth -= 1
                else:
                    unmatched_close = index
        if unmatched_close >= 0:
            piece = metric[: unmatched_close + 1]
            at = before.rfind(piece)
            opened = before.rfind(opening, max(0, at - BRACKET_REACH), at) if at > 0 else -1
            if opened >= 0 and closing not in before[opened:at]:
                metric = before[opened:at] + metric
            else:
                metric = metric[:unmatched_close] + metric[unmatched_close + 1 :]
        elif depth and last_open >= 0:
            outside = metric[:last_open].strip()
            metric = outside if len(outside) >= 2 else metric[last_open + 1 :]
    metric = metric.strip()
    return metric if len(metric) >= 2 else written  # never empty: keep the words as read
