"""Article text in, indicator rows out."""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import asdict, dataclass, field

from .cleaning import CleanText, clean_text
from .deadline import NO_DEADLINE, Deadline
from .interpret import (
    find_year_refs,
    is_list_continuation,
    measure_for,
    period_for,
    qualifier_for,
)
from .lexicon import AGE_NOT_A_GROUP_NEXT, AGE_UNITS, DE, OPEN_BRACKETS
from .mentions import Mention, Reason, find_mentions
from .metric import (
    SubjectTracker,
    balance_brackets,
    needs_subject,
)
from .numbers import to_float
from .patterns import (
    AGE_GROUP_NOUN_RE,
    CJK_RE,
    CLAUSE_BREAK_RE,
    NOT_A_NOUN_START,
    PERCENT_SIGNS,
    RATE_BOUND_BEFORE_RE,
    SENTENCE_BREAK_RE,
    THRESHOLD_NEXT_RE,
    THRESHOLD_WINDOW,
)

RULE_SEPARATOR = ";"
# How far back in its clause a figure's measure looks for the noun that names it
# (`增速`, `比重`): the noun stands near the figure, and reading a long clause whole for
# each of its figures made a long sentence take quadratic time.
MEASURE_REACH = 300
# How far back a figure's own words (its bound word, change word and subject) are read:
# after a run of class thresholds (`超10亿元的项目`, which leave the words to the next
# figure) they would otherwise grow with the clause.
WORDS_REACH = 300
# How far back the words before a metric are searched for the opening of a bracket it was
# cut inside (`balance_brackets`): the metric stands right before its figure.
BRACKET_LOOKBACK = 600
# Where the qualifier came from (`qualifier_for`), as a rule name.
QUALIFIER_RULES: dict[str, str] = {
    "form": "bound in the number's form",
    "before": "bound word before",
    "after": "bound word after",
}
LIST_RULE = "list: reads like the figure before"
RESTATED_RULE = "restated in brackets: reads like the change before"


@dataclass
class Trace:
    """What one extraction decided, for `explain`: the cleaned text, each row with the
    clean span of its mention, and the numbers set aside with the rule's reason."""

    clean: CleanText | None = None
    rows: list[tuple[int, int, Indicator]] = field(default_factory=list)
    rejected: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator mention, as the contract's columns plus where it was read."""

    surface: str
    value: float
    unit: str
    qualifier: str
    measure: str
    period: str | None
    metric: str
    char_start: int
    char_end: int
    sentence: str
    rules: str = ""  # the named rules that made the row, `;`-joined: form; bound; measure

    @property
    def rule_names(self) -> list[str]:
        return self.rules.split(RULE_SEPARATOR) if self.rules else []

    def as_dict(self) -> dict:
        return asdict(self)


def indicator_id(article_id: str, row: Indicator) -> str:
    """Stable across runs: the same article text and extractor give the same id."""
    key = f"{article_id}|{row.char_start}|{row.char_end}|{row.unit}|{row.value!r}|{row.qualifier}"
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def extract_indicators(
    raw: str, trace: Trace | None = None, max_seconds: float | None = None
) -> list[Indicator]:
    """Every indicator mention of one article's raw text, in text order; `trace`, if
    given, records why each number gave a row or none (`pipelines.explain`). Past
    `max_seconds` (none if None) it raises `ExtractionTooSlow`."""
    deadline = Deadline(max_seconds) if max_seconds is not None else NO_DEADLINE
    clean = clean_text(raw)
    text = clean.text
    mentions = find_mentions(text, trace.rejected if trace is not None else None, deadline)
    if trace is not None:
        trace.clean = clean
    if not mentions:
        return []
    refs = find_year_refs(text)
    rows: list[Indicator] = []
    index = 0
    for sentence_start, sentence_end in _sentences(text):
        group: list[Mention] = []
        while index < len(mentions) and mentions[index].start < sentence_end:
            group.append(mentions[index])
            index += 1
        if group:
            reader = _SentenceReader(clean, refs, sentence_start, sentence_end, group, trace)
            rows.extend(reader.rows(deadline))
    return rows


def _sentences(text: str):
    start = 0
    for match in SENTENCE_BREAK_RE.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _is_class_threshold(
    text: str, mention: Mention, qualifier: str, source: str, counted_before: bool, pre: str = ""
) -> bool:
    """`总投资超10亿元的项目`, `超千亿元县`, `百亿元以上重大工业项目`,
    `191家工业企业营业收入超百亿元`: a bound that defines a class of things, not a value;
    `60岁及以上人口`, `0~14岁人口`, `60岁老人`: an age bracket."""
    if mention.unit in AGE_UNITS and _names_a_group(text, mention):
        return True
    if mention.unit_kind in ("count", "half") or not qualifier or mention.range_end:
        return False
    after = text[mention.post_end : mention.post_end + THRESHOLD_WINDOW]
    if source == "before" and THRESHOLD_NEXT_RE.match(after):
        if qualifier == "~":
            return False  # `约5万亿元的市场`: an estimate of one thing, no class
        part = mention.unit in PERCENT_SIGNS or mention.unit_kind in ("cheng", "fraction")
        # `涨幅超过5%的个股` bounds the rate of each member; `超过87%的营收` is a part of it
        return not part or bool(RATE_BOUND_BEFORE_RE.search(pre))
    if mention.magnitude_only and counted_before and qualifier in (">", ">="):
        return True
    if mention.magnitude_only and after and CJK_RE.match(after[0]) and after[0] not in NOT_A_NOUN_START:
        return True
    if (
        mention.unit_kind == "money"
        and mention.post_qualifier in (">=", "<=")
        and after
        and CJK_RE.match(after[0])
        and after[0] not in NOT_A_NOUN_START
    ):
        return True
    return False


def _names_a_group(text: str, mention: Mention) -> bool:
    """An age that defines a group of people: a bound (`60岁及以上`, `0~14岁`) before a noun,
    or an age right before a group noun (`60岁老人`). `89岁的婆婆` is one person's age."""
    after = text[mention.post_end : mention.post_end + THRESHOLD_WINDOW]
    if AGE_GROUP_NOUN_RE.match(text, mention.post_end):
        return True
    bounded = bool(mention.range_end or mention.post_qualifier)
    if not bounded or not after or not CJK_RE.match(after[0]):
        return False
    if after[0] == DE:
        return len(after) > 1 and bool(CJK_RE.match(after[1]))
    return after[0] not in NOT_A_NOUN_START and after[0] not in AGE_NOT_A_GROUP_NEXT


class _SentenceReader:
    """Reads the figures of one sentence in order, carrying what an analyst carries from
    one figure to the next: the subject, the reading of a list, the clause's words."""

    def __init__(
        self, clean: CleanText, refs, start: int, end: int, mentions: list[Mention], trace: Trace | None
    ) -> None:
        self.clean, self.refs, self.start, self.end, self.mentions = clean, refs, start, end, mentions
        self.text, self.display = clean.text, clean.display
        self.clause_starts = [start] + [m.end() for m in CLAUSE_BREAK_RE.finditer(self.text, start, end)]
        self.subjects = SubjectTracker(clean, start, end, self.clause_starts, mentions)
        self.previous: Mention | None = None
        self.previous_reading: tuple[str, int, str] | None = None  # measure, sign, metric
        self.last_pre_from = start
        self.measure_rule = ""
        self.trace = trace

    def rows(self, deadline: Deadline = NO_DEADLINE) -> list[Indicator]:
        rows = []
        sentence = self.display[self.start : self.end].strip()
        for position, mention in enumerate(self.mentions):
            deadline.check()
            row = self._read(position, mention, sentence)
            if row is not None:
                rows.append(row)
                if self.trace is not None:
                    self.trace.rows.append((mention.start, mention.end, row))
        return rows

    def _read(self, position: int, mention: Mention, sentence: str) -> Indicator | None:
        text, previous = self.text, self.previous
        clause_index = bisect_right(self.clause_starts, mention.start) - 1
        clause_start = self.clause_starts[clause_index]
        same_clause = previous is not None and previous.post_end > clause_start
        if previous is not None and previous.start == mention.start:
            pre_from = self.last_pre_from  # the high end of a range reads like its low end
        elif same_clause and previous is not None:
            pre_from = previous.post_end
        else:
            pre_from = clause_start
        self.last_pre_from = pre_from
        pre_from = max(pre_from, mention.start - WORDS_REACH)
        pre = text[pre_from : mention.start]
        qualifier, source = qualifier_for(mention, pre)
        counted_before = same_clause and previous is not None and previous.unit_kind == "count"
        if _is_class_threshold(text, mention, qualifier, source, counted_before, pre):
            if self.trace is not None:
                self.trace.rejected.append((mention.start, mention.end, Reason.CLASS_THRESHOLD))
            return None  # the threshold stays part of the next figure's words (`10亿元以上项目156个`)

        reading = self.previous_reading
        if reading is not None and self._restates_previous_change(mention):
            measure, sign, metric = reading  # `下降了1.2%（110亿立方米）`
            measure_rule = RESTATED_RULE
        elif same_clause and self.previous_reading and is_list_continuation(text, previous, mention):
            measure, sign, metric = self._listed()
            measure_rule = LIST_RULE
        else:
            measure, sign, metric = self._new_reading(position, mention, pre, pre_from, clause_index)
            measure_rule = self.measure_rule
        before = self.display[max(self.start, mention.start - BRACKET_LOOKBACK) : mention.start]
        metric = balance_brackets(metric, before)
        value = mention.value
        if measure == "growth" and sign < 0 and value > 0:
            value = -value
        raw_start, raw_end = self.clean.raw_span(mention.start, mention.end)
        self.previous = mention
        self.previous_reading = (measure, sign, metric)
        return Indicator(
            surface=self.clean.raw[raw_start:raw_end],
            value=to_float(value),
            unit=mention.unit,
            qualifier=qualifier,
            measure=measure,
            period=period_for(text, self.refs, self.start, mention.start),
            metric=metric,
            char_start=raw_start,
            char_end=raw_end,
            sentence=sentence,
            rules=RULE_SEPARATOR.join(
                r for r in (mention.rule, QUALIFIER_RULES.get(source), measure_rule) if r
            ),
        )

    def _restates_previous_change(self, mention: Mention) -> bool:
        """A figure alone in brackets right after a change restates that change in another unit."""
        previous, reading = self.previous, self.previous_reading
        if previous is None or reading is None or reading[0] != "growth":
            return False
        between = self.text[previous.post_end : mention.start]
        return len(between) == 1 and between in OPEN_BRACKETS

    def _listed(self) -> tuple[str, int, str]:
        """`分别增长6.8%、12.3%、7.8%`: a later figure of a list shares the first one's reading."""
        assert self.previous_reading is not None
        measure, sign, metric = self.previous_reading
        return measure, sign, self.subjects.listed_metric(metric)

    def _new_reading(
        self, position: int, mention: Mention, pre: str, pre_from: int, clause_index: int
    ) -> tuple[str, int, str]:
        """Measure and metric of a figure that starts a reading of its own."""
        text, previous = self.text, self.previous
        clause_start = self.clause_starts[clause_index]
        own = self.subjects.own_words(pre_from, mention, pre, clause_index, previous)
        inherits = (
            self.previous_reading is not None
            and previous is not None
            and previous.unit == mention.unit
            and needs_subject(own)
        )
        previous_measure = self.previous_reading[0] if inherits and self.previous_reading else None
        # A rate in a clause with no subject of its own is read by the clause before:
        # `…预算开支增幅最大，介乎六成至七成`.
        reads_before = clause_index and needs_subject(own) and mention.unit in PERCENT_SIGNS
        noun_scope = self.clause_starts[clause_index - 1] if reads_before else clause_start
        clause_before = text[max(noun_scope, mention.start - MEASURE_REACH) : mention.start]
        measure, sign, self.measure_rule = measure_for(mention, pre, clause_before, text, previous_measure)
        metric = self.subjects.metric(position, mention, own, pre, clause_index)
        return measure, sign, metric
