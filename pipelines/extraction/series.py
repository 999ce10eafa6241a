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
from .indicator_vocabulary import IndicatorEntry, match_indicator, names_only_places, national_counterpart
from .lexicon import LIST_JOINERS, RESPECTIVE_PARTS, RESPECTIVELY
from .patterns import CLAUSE_BREAK_RE, PUBLISHER_RE, SENTENCE_BREAK_RE
from .reference_periods import SENTENCE, ArticlePeriods, article_periods, figure_kind, reference_period
from .regions import (
    NATIONAL,
    PlaceMention,
    Region,
    find_places,
    first_region,
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
    i = bisect_right(article.place_starts, start - 1)
    found = []
    while i < len(article.places) and article.places[i].start < end:
        if article.places[i].end <= end:
            found.append(article.places[i])
        i += 1
    return subjects(article.text, found)


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


def _indicator(
    article: ArticleContext, row: Indicator, metric: str, sentence_start: int, ordinal: int | None
) -> IndicatorEntry | None:
    """The metric's indicator; where the metric is only the places of a list (`广州、深圳`
    before `分别`), the words of the clause before the figure; the n-th figure after `分别`
    of a subject that names its parts (`城乡居民`) is about the n-th part."""
    clause_start = _last_break(CLAUSE_BREAK_RE, article.text, sentence_start, row.char_start)
    clause = article.text[clause_start : row.char_start]
    if ordinal is not None:
        metric, clause = _part(metric, ordinal), _part(clause, ordinal)
    if names_only_places(metric):
        metric = clause
    entry = match_indicator(metric, row.unit, row.measure)
    if entry is None and ordinal is not None:  # `城镇、农村居民人均可支配收入分别…` read as `城镇`
        entry = match_indicator(clause, row.unit, row.measure)
    return entry


def _part(words: str, ordinal: int) -> str:
    """`城乡居民…` as its n-th part: `城镇居民…`, `农村居民…`."""
    for whole, parts in sorted(RESPECTIVE_PARTS.items(), key=lambda kv: -len(kv[0])):
        if whole in words and ordinal < len(parts):
            return words.replace(whole, parts[ordinal])
    return words


def series_points(raw_text: str, rows: list[Indicator]) -> list[SeriesPoint]:
    """One series point per row of `extract_indicators(raw_text)`, in the same order."""
    if not rows:
        return []
    article = article_context(raw_text)
    starts = [_sentence_start(article, row.char_start) for row in rows]
    points = []
    for row, sentence_start, ordinal in zip(rows, starts, _ordinals(article, rows, starts)):
        metric = fold_text(row.metric)
        entry = _indicator(article, row, metric, sentence_start, ordinal)
        region = _region(article, row, metric, sentence_start, ordinal, entry is not None)
        if entry is not None and region == NATIONAL:
            entry = national_counterpart(entry)
        period, source = reference_period(
            article.periods,
            sentence_start,
            _paragraph_start(article, row.char_start),
            row.char_start,
            figure_kind(metric, row.measure, row.unit),
        )
        if period is None and row.period:
            period, source = row.period, SENTENCE
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
