"""The exact period a figure refers to, finer than the `period` year: `2025`, `2025-H1`,
`2025-Q3`, `2025-05`, `2025-01/2025-05`, `2025-05-31`, `2021/2025`.

A month or quarter without its year takes the year from its paragraph, then from the
section heading, the title or the date line; a sentence with no period takes its
paragraph's, then the heading's or the title's. The source says where the year was read
(`sentence`, `paragraph`, `article`), since that is what an analyst must trust.
"""

from __future__ import annotations

import calendar
from bisect import bisect_left
from dataclasses import dataclass

from .interpret import find_year_refs
from .lexicon import (
    BALANCE_WORDS,
    FIRST_HALF,
    FLOW_WORDS,
    NOT_IN_HEADING,
    PLAN_START_YEARS,
    RELATIVE_UNITS,
    RELATIVE_YEAR_OFFSETS,
)
from .numbers import NumberError, parse_chinese_number
from .patterns import (
    DATE_LINE_RE,
    HEADING_LINE_RE,
    PERIOD_BASE_BEFORE_RE,
    PERIOD_RE,
    POINT_DATE_BEFORE_RE,
    SPACED_YEAR_RE,
)

SENTENCE, PARAGRAPH, ARTICLE = "sentence", "paragraph", "article"
MONTH_NAMES = {name: n for n, name in enumerate(calendar.month_abbr) if name}
HEADING_MAX_CHARS = 30  # a line this short with no full stop is a section heading
NUMBERED_HEADING_MAX_CHARS = 50  # `一、2025年主要工作和“十四五”发展成就`
DATE_LINE_SEARCH = 5  # the date line stands within the first lines
DATE_LINE_MAX_CHARS = 80  # longer lines are prose, whose dates are events
BASE_WINDOW = 8  # characters before a period searched for `比`, `较`, `截至`


@dataclass(frozen=True, slots=True)
class PeriodToken:
    """One period expression: its kind, its own year (years and spans only) and numbers."""

    start: int
    end: int
    kind: str  # year, span, mrange, qrange, quarter, half, month, year_end, full_year
    year: int | None = None
    first: int = 0  # a span's first year, a range's first month or quarter, a single number
    last: int = 0  # a span's last year, a range's last month or quarter
    point: bool = False  # `5月末`, `一季度末`
    day: int = 0  # `截至12月31日`
    relative: bool = False  # `今年`: a year read from the article's date

    @property
    def needs_year(self) -> bool:
        return self.kind not in ("year", "span")

    def last_month(self) -> int:
        """The last month the period covers: what must be over by the article's date."""
        if self.kind == "month":
            return self.first
        if self.kind == "mrange":
            return self.last
        if self.kind == "quarter":
            return 3 * self.first
        if self.kind == "qrange":
            return 3 * self.last
        if self.kind == "half":
            return 6 * self.first
        return 12


def _small_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    try:
        return int(parse_chinese_number(text))
    except (NumberError, KeyError, ValueError):
        return 0


def _token(match) -> PeriodToken | None:
    g = match.groupdict()
    start, end = match.span()
    if g["span_from"]:
        return PeriodToken(start, end, "span", first=int(g["span_from"]), last=int(g["span_to"]))
    if g["plan"]:
        first = PLAN_START_YEARS[g["plan"]]
        return PeriodToken(start, end, "span", first=first, last=first + 4)
    if g["ytd_months"]:
        return PeriodToken(start, end, "mrange", first=1, last=_small_number(g["ytd_months"]))
    if g["ytd_quarters"]:
        return PeriodToken(start, end, "qrange", first=1, last=_small_number(g["ytd_quarters"]))
    if g["qrange_from"]:
        return PeriodToken(
            start, end, "qrange", first=_small_number(g["qrange_from"]), last=_small_number(g["qrange_to"])
        )
    if g["mrange_from"]:
        return PeriodToken(
            start, end, "mrange", first=_small_number(g["mrange_from"]), last=_small_number(g["mrange_to"])
        )
    if g["quarter"]:
        return PeriodToken(
            start, end, "quarter", first=_small_number(g["quarter"]), point=bool(g["quarter_end"])
        )
    if g["half"]:
        return PeriodToken(
            start, end, "half", first=1 if g["half"] == FIRST_HALF else 2, point=bool(g["half_end"])
        )
    if g["month"]:
        day = int("".join(ch for ch in g["day"] if ch.isdigit())) if g["day"] else 0
        return PeriodToken(
            start, end, "month", first=_small_number(g["month"]), point=bool(g["month_end"]), day=day
        )
    if g["year_end"]:
        return PeriodToken(start, end, "year_end")
    return PeriodToken(start, end, "full_year")


def _valid(token: PeriodToken) -> bool:
    if token.kind == "span":
        return token.first < token.last
    if token.kind in ("month", "mrange"):
        return (
            1 <= token.first <= 12
            and 1 <= (token.last or token.first) <= 12
            and (token.last or 13) >= token.first
        )
    if token.kind in ("quarter", "qrange"):
        return 1 <= token.first <= 4 and (token.last or token.first) <= 4
    return True


def find_periods(text: str) -> list[PeriodToken]:
    """Every period expression of `text`, in order, without comparison bases (`比上年末`)
    and event dates (`1月19日`, unless after `截至`)."""
    tokens = [
        PeriodToken(ref.start, ref.end, "year", year=int(ref.year))
        for ref in find_year_refs(text)
        if ref.kind == "year" and not ref.base
    ]
    known = {t.start for t in tokens}
    for match in SPACED_YEAR_RE.finditer(text):
        before = text[max(0, match.start() - BASE_WINDOW) : match.start()]
        if match.start() not in known and not PERIOD_BASE_BEFORE_RE.search(before):
            tokens.append(PeriodToken(match.start(), match.end(), "year", year=int(match.group("year"))))
    for match in PERIOD_RE.finditer(text):
        token = _token(match)
        before = text[max(0, match.start() - BASE_WINDOW) : match.start()]
        if token is None or not _valid(token) or PERIOD_BASE_BEFORE_RE.search(before):
            continue
        if token.day and not POINT_DATE_BEFORE_RE.search(before):
            continue
        tokens.append(token)
    tokens.sort(key=lambda t: t.start)
    return tokens


def format_period(token: PeriodToken, year: int | None) -> str | None:
    """The reference period written as the contract spells it."""
    if token.kind == "span":
        return f"{token.first}/{token.last}"
    if token.kind == "year":
        return str(token.year)
    if year is None:
        return None
    if token.kind == "full_year":
        return str(year)
    if token.kind == "year_end":
        return f"{year}-12-31"
    if token.kind == "half":
        if token.point:
            return f"{year}-06-30" if token.first == 1 else f"{year}-12-31"
        return f"{year}-H{token.first}"
    if token.kind == "quarter":
        return _month_end(year, 3 * token.first) if token.point else f"{year}-Q{token.first}"
    if token.kind == "qrange":
        return _range(year, 3 * token.first - 2, 3 * token.last)
    if token.kind == "mrange":
        return _range(year, token.first, token.last)
    if token.day:
        return f"{year}-{token.first:02d}-{token.day:02d}"
    return _month_end(year, token.first) if token.point else f"{year}-{token.first:02d}"


def _month_end(year: int, month: int) -> str:
    return f"{year}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def _range(year: int, first: int, last: int) -> str:
    return f"{year}-{first:02d}" if first == last else f"{year}-{first:02d}/{year}-{last:02d}"


@dataclass(frozen=True)
class ArticlePeriods:
    """The period expressions of one article and where its sections and title stand."""

    tokens: list[PeriodToken]
    starts: list[int]
    headings: list[tuple[int, int]]  # (start, end) of heading lines, in order
    title: tuple[int, int]
    date_year: int | None
    date_month: int | None


def _date_line(lines: list[tuple[int, int]], text: str) -> tuple[int | None, int | None]:
    for start, end in lines[:DATE_LINE_SEARCH]:
        match = DATE_LINE_RE.search(text, start, end) if end - start <= DATE_LINE_MAX_CHARS else None
        if match:
            if match.group("year"):
                return int(match.group("year")), int(match.group("month"))
            if match.group("iso_year"):
                return int(match.group("iso_year")), int(match.group("iso_month"))
            return int(match.group("year_en")), MONTH_NAMES[match.group("month_name")]
    return None, None


def _is_heading(line: str) -> bool:
    line = line.strip()
    if DATE_LINE_RE.search(line) or any(mark in line for mark in NOT_IN_HEADING):
        return False  # the date line dates the release; a line of prose heads nothing
    limit = NUMBERED_HEADING_MAX_CHARS if HEADING_LINE_RE.match(line) else HEADING_MAX_CHARS
    return 0 < len(line) <= limit


def article_periods(text: str, lines: list[tuple[int, int]]) -> ArticlePeriods:
    """`lines` are the (start, end) of the article's non-empty lines, the title first."""
    title = lines[0] if lines else (0, 0)
    date_year, date_month = _date_line(lines, text)
    tokens = find_periods(text)
    base = date_year or _last_year([t for t in tokens if title[0] <= t.start and t.end <= title[1]])
    if base is not None:
        tokens.extend(_relative_years(text, base))
        tokens.sort(key=lambda t: t.start)
    headings = [(s, e) for s, e in lines[1:] if _is_heading(text[s:e])]
    return ArticlePeriods(tokens, [t.start for t in tokens], headings, title, date_year, date_month)


def _relative_years(text: str, base: int) -> list[PeriodToken]:
    """`今年`, `明年` as years, counted from the article's date line (else its title year)."""
    return [
        PeriodToken(ref.start, ref.end, "year", year=base + RELATIVE_YEAR_OFFSETS[word], relative=True)
        for ref in find_year_refs(text)
        if ref.kind == "relative" and (word := text[ref.start : ref.end]) in RELATIVE_YEAR_OFFSETS
    ]


def _within(periods: ArticlePeriods, start: int, end: int) -> list[PeriodToken]:
    """Tokens lying wholly in [start, end)."""
    i = bisect_left(periods.starts, start)
    found = []
    while i < len(periods.tokens) and periods.tokens[i].start < end:
        if periods.tokens[i].end <= end:
            found.append(periods.tokens[i])
        i += 1
    return found


def _last_year(tokens: list[PeriodToken]) -> int | None:
    year, _ = _year_in(tokens, ARTICLE)
    return year


def _article_year(periods: ArticlePeriods, paragraph_start: int, token: PeriodToken) -> int | None:
    """The year of the section heading, the title, or the date line (the year before when
    the period ends after the date: `12月` in an article of January 2026 is 2025-12)."""
    for tokens in (_heading_periods(periods, paragraph_start), _within(periods, *periods.title)):
        year = _last_year(tokens)
        if year is not None:
            return year
    if periods.date_year is None:
        return None
    if periods.date_month is not None and token.last_month() > periods.date_month:
        return periods.date_year - 1
    return periods.date_year


def _heading_periods(periods: ArticlePeriods, paragraph_start: int) -> list[PeriodToken]:
    """The periods of the nearest section heading above the paragraph that names one
    (`一、2025年主要工作` over its `（一）…` subsections)."""
    i = bisect_left(periods.headings, (paragraph_start, 0))
    for start, end in reversed(periods.headings[:i]):
        found = _within(periods, start, end)
        if found:
            return found
    return []


BALANCE, FLOW = "balance", "flow"


def figure_kind(metric: str, measure: str, unit: str) -> str:
    """`balance`, `flow` or "": a change stated in money or tonnes is a flow (`贷款增加`,
    `比年初增加`), a metric of `余额` or `末` a balance, one of `新增` or `累计` a flow."""
    if measure == "growth" and unit and unit not in RELATIVE_UNITS:
        return FLOW
    if any(word in metric for word in BALANCE_WORDS):
        return BALANCE
    if any(word in metric for word in FLOW_WORDS):
        return FLOW
    return ""


def _inherited(token: PeriodToken, kind: str) -> PeriodToken:
    """A month read from the paragraph or the title is a point for a balance and the
    months to date for a flow: `2026年5月金融统计数据报告` with `贷款余额` or `贷款增加`."""
    if token.kind != "month" or token.point or token.day:
        return token
    if kind == BALANCE:
        return PeriodToken(token.start, token.end, "month", first=token.first, point=True)
    if kind == FLOW:
        return PeriodToken(token.start, token.end, "mrange", first=1, last=token.first)
    return token


def _year_in(tokens: list[PeriodToken], source: str) -> tuple[int | None, str]:
    """The last year among `tokens`, and where it was read: `今年` is the article's year."""
    for token in reversed(tokens):
        if token.kind == "year":
            return token.year, ARTICLE if token.relative else source
    return None, source


def reference_period(
    periods: ArticlePeriods, sentence_start: int, paragraph_start: int, figure_start: int, kind: str = ""
) -> tuple[str | None, str | None]:
    """(reference_period, period_source) of the figure at `figure_start`; `kind` is its
    `figure_kind`, which decides what a month inherited from the title means."""
    sentence = _within(periods, sentence_start, figure_start)
    paragraph = _within(periods, paragraph_start, sentence_start)
    if sentence:
        token = sentence[-1]
        year, source = _year_in(sentence[:-1], SENTENCE)
        if token.needs_year and year is None:
            year, source = _year_in(paragraph, PARAGRAPH)
    elif paragraph:
        token = _inherited(paragraph[-1], kind)
        year, source = _year_in(paragraph[:-1], PARAGRAPH)
    else:
        article = _heading_periods(periods, paragraph_start) or _within(periods, *periods.title)
        if not article or periods.title[0] == paragraph_start:
            return None, None
        token = _inherited(article[-1], kind)
        year, source = _year_in(article[:-1], ARTICLE)
    if token.needs_year and year is None:
        year, source = _article_year(periods, paragraph_start, token), ARTICLE
    if token.relative:
        source = ARTICLE
    value = format_period(token, year)
    return (value, source) if value else (None, None)
