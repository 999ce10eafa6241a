"""Which statistical indicator a metric names, from the controlled vocabulary kept as data
in `schemas/indicator_vocabulary.csv` (code, Chinese and English name, the units and
measures it takes, `|`-separated synonyms).

A metric is in the article's words (`全省规模以上工业增加值`), so the match is the longest
name or synonym inside it, not equality; place words are dropped first, and words that say
how the figure moved (`同比`, `增长`) only if nothing matched with them in place, since some
names hold them (`人口自然增长率`). A figure is about the part before `占` or `相当于`. A unit or
measure the indicator does not take means the words named something else (`高新技术企业`
counts firms; their revenue in 元 is no count).

The name must also be all the metric says: any word left beside it once places, periods and
the neutral words of `INDICATOR_NEUTRAL_WORDS` are taken out makes the figure a part of the
whole or another quantity (`纺织品服装出口`, `民营企业进出口`, `对东盟出口`, `专项债额度`,
`数字经济核心产业营收`), and such a row gets no indicator: a null code is better than a
series point that is not the indicator's.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .lexicon import (
    CHANGE_IN_PART_WORDS,
    MEASURE_WORDS,
    PART_BEFORE_WHOLE,
    PARTNER_BEFORE_PLACE,
    RELATIVE_UNITS,
)
from .patterns import CJK_RE, CONTENT_CHAR_RE, INDICATOR_NEUTRAL_RE, PERIOD_IN_METRIC_RE
from .regions import find_places, lengths_by_first_char

VOCABULARY_FILE = Path(__file__).resolve().parents[2] / "schemas" / "indicator_vocabulary.csv"
COLUMNS = ("code", "name_zh", "name_en", "units", "measures", "synonyms")
LIST_SEPARATOR = "|"
NOT_AN_INDICATOR_MEASURES = frozenset({"duration"})  # `连续37年居全国首位` is a streak
# A national figure is filed under the national name of a regional indicator.
NATIONAL_COUNTERPARTS = {"gdp": "gdp_national", "gdp_per_capita": "gdp_per_capita_national"}
# A balance that grew by an amount is the flow: `人民币贷款增加10.7万亿元`.
CHANGE_COUNTERPARTS = {
    "rmb_loans_balance": "rmb_loans_increase",
    "rmb_deposits_balance": "rmb_deposits_increase",
    "tsf_stock": "tsf_flow",
}
IGNORED_CHARS = str.maketrans("", "", " \t\u3000\"'“”‘’")


@dataclass(frozen=True, slots=True)
class IndicatorEntry:
    """One row of the vocabulary."""

    code: str
    name_zh: str
    name_en: str
    units: tuple[str, ...]
    measures: tuple[str, ...]
    synonyms: tuple[str, ...]

    def takes(self, unit: str, measure: str) -> bool:
        if measure in NOT_AN_INDICATOR_MEASURES or measure not in self.measures:
            return False
        if unit in RELATIVE_UNITS:
            return measure != "level" or unit in self.units
        return not self.units or unit in self.units


@dataclass(frozen=True)
class Vocabulary:
    entries: dict[str, IndicatorEntry]
    terms: dict[str, str]  # name or synonym → code
    longest: int
    lengths: dict[str, tuple[int, ...]]  # first character → the terms' lengths, longest first


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def read_vocabulary(path: Path = VOCABULARY_FILE) -> list[IndicatorEntry]:
    """The vocabulary's rows, in file order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            IndicatorEntry(
                row["code"].strip(),
                row["name_zh"].strip(),
                row["name_en"].strip(),
                _split(row["units"]),
                _split(row["measures"]),
                _split(row["synonyms"]),
            )
            for row in csv.DictReader(handle)
        ]


@cache
def vocabulary() -> Vocabulary:
    entries = {entry.code: entry for entry in read_vocabulary()}
    terms: dict[str, str] = {}
    for entry in entries.values():
        for term in (entry.name_zh, *entry.synonyms):
            terms.setdefault(term.translate(IGNORED_CHARS), entry.code)
    return Vocabulary(entries, terms, max(map(len, terms)), lengths_by_first_char(terms))


def _longest_term(text: str, book: Vocabulary) -> tuple[str, int, int] | None:
    """The code, start and end of the longest term inside `text`; the later one of two as
    long, since a Chinese noun phrase ends in its head (`工业企业营业收入`)."""
    best: tuple[int, int, str] | None = None
    for start in range(len(text)):
        for length in book.lengths.get(text[start], ()):
            if length > len(text) - start:
                continue
            code = book.terms.get(text[start : start + length])
            if code is not None:
                if best is None or (length, start) > best[:2]:
                    best = (length, start, code)
                break
    return (best[2], best[1], best[1] + best[0]) if best else None


def _has_own_words(words: str) -> bool:
    """Whether `words` (beside an indicator's name) say more than a period or a neutral word."""
    for pattern in (INDICATOR_NEUTRAL_RE, PERIOD_IN_METRIC_RE, INDICATOR_NEUTRAL_RE):
        words = pattern.sub("", words)
    return CONTENT_CHAR_RE.search(words) is not None


def _the_part(text: str) -> str:
    """`服务业增加值占国内生产总值的比重` → `服务业增加值`: the figure is about the part."""
    for word in PART_BEFORE_WHOLE:
        at = text.find(word, 1)
        if at > 0:
            text = text[:at]
    return text


def _term_of(metric: str, book: Vocabulary) -> tuple[str, str] | None:
    """The code of the term the metric names and the words beside it."""
    text = _the_part(_without_places(metric.translate(IGNORED_CHARS)))
    found = _longest_term(text, book)
    if found is None:
        text = _without_measure_words(text)
        found = _longest_term(text, book)
    if found is None:
        return None
    code, start, end = found
    return code, text[:start] + " " + text[end:]


def _without_places(metric: str) -> str:
    kept, last = [], 0
    for place in find_places(metric):
        kept.append(metric[last : place.start])
        last = place.end
    kept.append(metric[last:])
    return "".join(kept)


def _without_measure_words(text: str) -> str:
    for word in sorted(MEASURE_WORDS, key=len, reverse=True):
        text = text.replace(word, "")
    return text


def match_indicator(metric: str, unit: str, measure: str, whole_only: bool = True) -> IndicatorEntry | None:
    """The indicator `metric` names, if the row's unit and measure fit it and no word beside
    its name makes it a part or another quantity (with `whole_only` False: part or whole);
    else None."""
    book = vocabulary()
    found = _term_of(metric, book)
    if found is None or (whole_only and _has_own_words(found[1])):
        return None
    if whole_only and measure == "share" and any(word in found[1] for word in CHANGE_IN_PART_WORDS):
        return None  # `天然气消费增速占全球…的1/3`: a share of a change
    entry = book.entries[found[0]]
    if measure == "growth" and unit not in RELATIVE_UNITS and entry.code in CHANGE_COUNTERPARTS:
        entry = book.entries[CHANGE_COUNTERPARTS[entry.code]]
    return entry if entry.takes(unit, measure) else None


def names_a_part(metric: str) -> bool:
    """Whether `metric` names an indicator with words beside it that make it a part of it
    (`医疗器械进出口总额`): then the figures given as its parts (`其中，出口…`) are parts too."""
    found = _term_of(metric, vocabulary())
    return found is not None and _has_own_words(found[1])


def names_only_places(metric: str) -> bool:
    """`广州、深圳`, `对非洲`: a metric cut to its places says nothing of what was measured."""
    rest = "".join(
        ch for ch in _without_places(metric.translate(IGNORED_CHARS)) if CJK_RE.match(ch) or ch.isalnum()
    )
    return bool(metric.strip()) and (not rest or rest in PARTNER_BEFORE_PLACE)


def national_counterpart(entry: IndicatorEntry) -> IndicatorEntry:
    """`地区生产总值` of the whole country is `国内生产总值`."""
    code = NATIONAL_COUNTERPARTS.get(entry.code)
    return vocabulary().entries[code] if code else entry
