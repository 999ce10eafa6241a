"""From mentions to series points: for each extracted row, the place it is about, the
exact period and the standard indicator, so rows from many articles line up as series
(one per indicator, region and period), as the contract's "Series columns" define them.

The article's own place and date come from its text: the title (its first non-empty
line), the first lines and the `来源：` publisher; see `regions` for names and codes
(`全国` has a null code), `reference_periods` for periods, `indicator_vocabulary` for codes.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from .cleaning import to_simplified
from .extract import Indicator
from .indicator_vocabulary import (
    IGNORED_CHARS,
    IndicatorEntry,
    match_indicator,
    names_a_part,
    names_only_places,
    national_counterpart,
)
from .lexicon import (
    FACILITY_AFTER_PLACE,
    LIST_JOINERS,
    MARKET_REGIONS,
    NOT_A_FACILITY_AFTER_PLACE,
    PART_MARKER,
    PARTNER_PREPOSITIONS,
    RESPECTIVE_PARTS,
    RESPECTIVELY,
    SHARE_VERB,
)
from .patterns import (
    BASE_VALUE_BEFORE_RE,
    BASE_YEAR_RE,
    CLAUSE_BREAK_RE,
    FORECAST_RE,
    NOT_YEAR_ON_YEAR_RE,
    PUBLISHER_RE,
    SENTENCE_BREAK_RE,
    YEAR_IN_PERIOD_RE,
)
from .reference_periods import SENTENCE, ArticlePeriods, article_periods, figure_kind, reference_period
from .regions import (
    MULTI,
    NATIONAL,
    PLACE,
    PlaceMention,
    Region,
    find_places,
    first_region,
    gazetteer,
    names_a_company,
    reports_on_a_company,
    resolve,
    subjects,
)

HOME_LINES = 3  # the title and the lines after it that name the article's place


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """Which series point a row reports. Every field is None where the text does not say."""

    region: str | None
    region_code: str | None
    reference_period: str | None
    period_source: str | None
    indicator: str | None
    indicator_code: str | None


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def fold_text(raw: str) -> str:
    """Simplified and NFKC-folded one character for one, so raw offsets still apply."""
    return "".join(map(_fold, to_simplified(raw)))


@dataclass(frozen=True)
class ArticleContext:
    """What one article says about itself, read once for all its rows."""

    text: str
    lines: list[tuple[int, int]]  # (start, end) of the non-empty lines
    line_starts: list[int]
    places: list[PlaceMention]
    place_starts: list[int]
    home: Region | None
    about_a_company: bool  # then rows take no region from the article, only their own
    periods: ArticlePeriods


def _lines(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _home(text: str, lines: list[tuple[int, int]]) -> Region | None:
    """The article's own place: named in the title, else the first lines, else its publisher."""
    for start, end in lines[:HOME_LINES]:
        region = first_region(text[start:end])
        if region is not None:
            return region
    publisher = PUBLISHER_RE.search(text)
    return first_region(publisher.group(1)) if publisher else None


def article_context(raw_text: str) -> ArticleContext:
    """The article's folded text, lines, places, own place and periods, read once for all rows."""
    text = fold_text(raw_text)
    lines = _lines(text)
    places = find_places(text)
    return ArticleContext(
        text,
        lines,
        [s for s, _ in lines],
        places,
        [p.start for p in places],
        _home(text, lines),
        bool(lines) and reports_on_a_company(text[lines[0][0] : lines[0][1]]),
        article_periods(text, lines),
    )


def _paragraph_start(article: ArticleContext, pos: int) -> int:
    index = bisect_right(article.line_starts, pos) - 1
    return article.lines[index][0] if index >= 0 else 0


def _last_break(pattern, text: str, start: int, end: int) -> int:
    found = start
    for match in pattern.finditer(text, start, end):
        found = match.end()
    return found


def _first_break(text: str, start: int, end: int) -> int:
    match = CLAUSE_BREAK_RE.search(text, start, end)
    return match.end() if match else start


def _places_between(article: ArticleContext, start: int, end: int) -> list[PlaceMention]:
    return subjects(article.text, _mentions_between(article, start, end))


def _respective(article: ArticleContext, clause: list[PlaceMention], ordinal: int) -> PlaceMention | None:
    """`广州、深圳分别增长5%、6%`: the n-th figure after `分别` is about the n-th place."""
    listed = [clause[0]]
    for previous, mention in zip(clause, clause[1:]):
        joint = article.text[previous.end : mention.start]
        if not joint or joint in LIST_JOINERS:
            listed.append(mention)
        else:
            listed = [mention]
    return listed[ordinal] if len(listed) > 1 and ordinal < len(listed) else None


def _region(
    article: ArticleContext,
    row: Indicator,
    metric: str,
    sentence_start: int,
    ordinal: int | None,
    is_indicator: bool,
) -> Region | None:
    """The place named nearest before the figure in its clause (the n-th of a list before
    `分别`), else in its metric, else in its sentence's first clause, else the article's own
    place; none for a company's figure."""
    clause_start = _last_break(CLAUSE_BREAK_RE, article.text, sentence_start, row.char_start)
    clause = _places_between(article, clause_start, row.char_start)
    if ordinal is not None and clause:
        chosen = _respective(article, clause, ordinal)
        if chosen is not None:
            return resolve(chosen, article.home)
    if clause:
        if len(clause) > 1 and article.text[clause[-2].end : clause[-1].start] in LIST_JOINERS:
            return None  # `宁波、温州经济总量突破9000亿元`: several regions at once, none alone
        return resolve(clause[-1], article.home)
    in_metric = (
        [] if metric in article.text[clause_start : row.char_start] else subjects(metric, find_places(metric))
    )
    if in_metric:  # the subject carried from an earlier clause: `全省…，同比增长13.84%`
        return resolve(in_metric[0], article.home)
    if not is_indicator and names_a_company(article.text[clause_start : row.char_start] + metric):
        return None
    first_clause_end = _first_break(article.text, sentence_start, clause_start)
    topic = _places_between(article, sentence_start, first_clause_end)
    if topic:
        return resolve(topic[-1], article.home)  # `2025年，深圳…` carries to its later clauses
    return None if article.about_a_company else article.home


def _sentence_start(article: ArticleContext, pos: int) -> int:
    paragraph = _paragraph_start(article, pos)
    return _last_break(SENTENCE_BREAK_RE, article.text, paragraph, pos)


def _ordinals(article: ArticleContext, rows: list[Indicator], starts: list[int]) -> list[int | None]:
    """For each row after `分别` in its sentence, its place among the figures after it."""
    ordinals: list[int | None] = []
    counter: dict[tuple[int, int], int] = {}
    for row, sentence_start in zip(rows, starts):
        at = article.text.rfind(RESPECTIVELY, sentence_start, row.char_start)
        if at < 0:
            ordinals.append(None)
            continue
        key = (sentence_start, at)
        ordinals.append(counter.get(key, 0))
        counter[key] = counter.get(key, 0) + 1
    return ordinals


@dataclass(frozen=True, slots=True)
class PartOf:
    """A row after `其中` in its sentence: the metric of the last row before `其中` (the whole)
    and the words from `其中` to the first figure after it (the part's own name)."""

    whole: str | None
    part_words: str


def _indicator(
    article: ArticleContext,
    row: Indicator,
    metric: str,
    sentence_start: int,
    ordinal: int | None,
    part_of: PartOf | None,
) -> IndicatorEntry | None:
    """The metric's indicator; where the metric is only the places of a list (`广州、深圳`
    before `分别`), the words of the clause before the figure; the n-th figure after `分别`
    of a subject that names its parts (`城乡居民`) is about the n-th part. None where the
    figure is not the indicator's own series point (`_not_the_whole`)."""
    clause_start = _last_break(CLAUSE_BREAK_RE, article.text, sentence_start, row.char_start)
    clause = article.text[clause_start : row.char_start]
    if part_of is not None and not _said_after_part_marker(article, row, metric, sentence_start):
        # `总值45万亿元，其中，出口26万亿元，增长6.1%`: the metric carried the whole's name; the
        # part is named by the words after `其中` (`其中企业400万户、增长7.7%`: 企业, no indicator)
        metric = part_of.part_words
    if ordinal is not None:
        metric, clause = _part(metric, ordinal), _part(clause, ordinal)
    if names_only_places(metric):
        metric = clause
    entry = match_indicator(metric, row.unit, row.measure)
    if entry is None and ordinal is not None:  # `城镇、农村居民人均可支配收入分别…` read as `城镇`
        entry = match_indicator(clause, row.unit, row.measure)
    if entry is not None and _not_the_whole(row, clause, part_of):
        return None
    return entry


def _said_after_part_marker(
    article: ArticleContext, row: Indicator, metric: str, sentence_start: int
) -> bool:
    part_at = article.text.rfind(PART_MARKER, sentence_start, row.char_start)
    own_words = article.text[part_at : row.char_start].translate(IGNORED_CHARS)
    return metric.translate(IGNORED_CHARS) in own_words


def _not_the_whole(row: Indicator, clause: str, part_of: PartOf | None) -> bool:
    """Whether the figure, though its metric names an indicator, is no point of its series:
    - a growth figure that is no year-on-year change (`环比增长`, `年均增长`, `增速高于全国…`:
      `NOT_YEAR_ON_YEAR_WORDS`);
    - a figure after `其中` whose whole is itself a part (`医疗器械进出口总额…，其中，出口额…`)."""
    if row.measure == "growth" and NOT_YEAR_ON_YEAR_RE.search(clause):
        return True
    return part_of is not None and part_of.whole is not None and names_a_part(part_of.whole)


def _parts_of(article: ArticleContext, rows: list[Indicator], starts: list[int]) -> list[PartOf | None]:
    """For each row after `其中` in its sentence, what it is a part of (`PartOf`)."""
    found: list[PartOf | None] = []
    for i, (row, sentence_start) in enumerate(zip(rows, starts)):
        part_at = article.text.rfind(PART_MARKER, sentence_start, row.char_start)
        if part_at < 0:
            found.append(None)
            continue
        whole, first = None, row.char_start
        for j in range(i - 1, -1, -1):
            if starts[j] != sentence_start:
                break
            if rows[j].char_start < part_at:
                whole = fold_text(rows[j].metric)
                break
            first = rows[j].char_start
        found.append(PartOf(whole, article.text[part_at + len(PART_MARKER) : first]))
    return found


def _part(words: str, ordinal: int) -> str:
    """`城乡居民…` as its n-th part: `城镇居民…`, `农村居民…`."""
    for whole, parts in sorted(RESPECTIVE_PARTS.items(), key=lambda kv: -len(kv[0])):
        if whole in words and ordinal < len(parts):
            return words.replace(whole, parts[ordinal])
    return words


def _mentions_between(article: ArticleContext, start: int, end: int) -> list[PlaceMention]:
    """Place mentions lying wholly in [start, end), as found (`_places_between` keeps the subjects)."""
    i = bisect_right(article.place_starts, start - 1)
    found = []
    while i < len(article.places) and article.places[i].start < end:
        if article.places[i].end <= end:
            found.append(article.places[i])
        i += 1
    return found


def _not_a_point(
    article: ArticleContext,
    row: Indicator,
    metric: str,
    sentence_start: int,
    ordinal: int | None,
    period: str | None,
) -> bool:
    """Whether a row whose metric names an indicator is still no point of the indicator's
    series for one region, read from the words around the figure:
    - a target or a forecast (`FORECAST_WORDS` before it in its sentence), or the value of
      another period it is compared with (`较第一季的4.2%`);
    - a change on a base year other than the year before (`2025年比2020年增长41.1%`);
    - a share of the indicator rather than the indicator's own (`占该县生产总值的13.18%`);
    - a figure about several regions at once (`东部地区`, `内江、眉山、自贡、遂宁经济总量`);
    - a figure of a port, an airport or a zone named after its place (`宁波舟山港…`);
    - a listed figure of a bilateral flow (`对共建“一带一路”国家、非洲出口分别增长`)."""
    text = article.text
    clause_start = _last_break(CLAUSE_BREAK_RE, text, sentence_start, row.char_start)
    clause = text[clause_start : row.char_start]
    if FORECAST_RE.search(text, sentence_start, row.char_start) or BASE_VALUE_BEFORE_RE.search(clause):
        return True
    if row.measure == "growth":
        bases = list(BASE_YEAR_RE.finditer(clause))
        base = bases[-1] if bases else None
        if base is not None and not _year_before(period, int(base.group("year"))):
            return True
    if row.measure == "share":
        words = metric.translate(IGNORED_CHARS)
        flat = clause.translate(IGNORED_CHARS)
        at = flat.rfind(SHARE_VERB)
        if at >= 0 and words and words not in flat[:at] and words in flat[at:]:
            return True
    mentions = _mentions_between(article, clause_start, row.char_start)
    if any(m.kind == MULTI for m in mentions) or any(m.kind == MULTI for m in find_places(metric)):
        return True
    places = [m for m in mentions if m.kind == PLACE]
    if ordinal is None and any(text[a.end : b.start] in LIST_JOINERS for a, b in zip(places, places[1:])):
        return True
    for mention in _mentions_between(article, sentence_start, row.char_start):
        after = text[mention.end : mention.end + 6]
        if (
            mention.kind == PLACE
            and any(after.startswith(word) for word in FACILITY_AFTER_PLACE)
            and not any(after.startswith(word) for word in NOT_A_FACILITY_AFTER_PLACE)
        ):
            return True
    if ordinal is not None and mentions:
        # `对共建“一带一路”国家、非洲、欧洲出口分别…`: a preposition before the list's places
        before_places = text[clause_start : mentions[0].start]
        if any(word in before_places for word in PARTNER_PREPOSITIONS):
            return True
    return False


def _year_before(period: str | None, base_year: int) -> bool:
    """Whether `base_year` is the year before the one year of `period` (`2025-01/2025-05`
    and 2024): a change on it is year on year; not so for a span (`2021/2025` and 2020)."""
    years = {int(year) for year in YEAR_IN_PERIOD_RE.findall(period or "")}
    return len(years) == 1 and years.pop() - 1 == base_year


def _market_region(code: str) -> Region | None:
    """The country or area of a market's index (`上证指数` → 全国)."""
    name = MARKET_REGIONS.get(code)
    if name is None:
        return None
    if name == NATIONAL.name:
        return NATIONAL
    mention = gazetteer().spellings.get(name)
    return mention.candidates[0] if mention and mention.candidates else None


def series_points(raw_text: str, rows: list[Indicator]) -> list[SeriesPoint]:
    """One series point per row of `extract_indicators(raw_text)`, in the same order."""
    if not rows:
        return []
    article = article_context(raw_text)
    starts = [_sentence_start(article, row.char_start) for row in rows]
    points = []
    ordinals, parts = _ordinals(article, rows, starts), _parts_of(article, rows, starts)
    for row, sentence_start, ordinal, part_of in zip(rows, starts, ordinals, parts):
        metric = fold_text(row.metric)
        period, source = reference_period(
            article.periods,
            sentence_start,
            _paragraph_start(article, row.char_start),
            row.char_start,
            figure_kind(metric, row.measure, row.unit),
        )
        if period is None and row.period:
            period, source = row.period, SENTENCE
        entry = _indicator(article, row, metric, sentence_start, ordinal, part_of)
        # whether the words name an indicator at all, part or whole: then not a company's figure
        names_indicator = (
            entry is not None or match_indicator(metric, row.unit, row.measure, False) is not None
        )
        if entry is not None and _not_a_point(article, row, metric, sentence_start, ordinal, period):
            entry = None
        region = _region(article, row, metric, sentence_start, ordinal, names_indicator)
        if entry is not None and entry.code in MARKET_REGIONS:
            region = _market_region(entry.code) or region
        if entry is not None and region == NATIONAL:
            entry = national_counterpart(entry)
        points.append(
            SeriesPoint(
                region.name if region else None,
                region.code if region else None,
                period,
                source,
                entry.name_zh if entry else None,
                entry.code if entry else None,
            )
        )
    return points
