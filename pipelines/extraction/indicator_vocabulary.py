"""Which statistical indicator a metric names, from the controlled vocabulary kept as data
in `schemas/indicator_vocabulary.csv` (code, Chinese and English name, the units and
measures it takes, `|`-separated synonyms).

A metric is in the article's words (`全省规模以上工业增加值`), so the match is the longest
name or synonym inside it, not equality; place words are dropped first, and words that say
how the figure moved (`同比`, `增长`) only if nothing matched with them in place, since some
names hold them (`人口自然增长率`). A share names its part, the words before `占`. A unit or measure the indicator does not take means the
words named something else (`高新技术企业` counts firms; their revenue in 元 is no count).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .lexicon import MEASURE_WORDS, PARTNER_BEFORE_PLACE, RELATIVE_UNITS, SHARE_OF
from .patterns import CJK_RE
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


def _longest_term(text: str, book: Vocabulary) -> str | None:
    """The code of the longest term inside `text`; the later one of two as long, since a
    Chinese noun phrase ends in its head (`工业企业营业收入`)."""
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
    return best[2] if best else None


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


def match_indicator(metric: str, unit: str, measure: str) -> IndicatorEntry | None:
    """The indicator `metric` names, if the row's unit and measure fit it; else None."""
    book = vocabulary()
    text = _without_places(metric.translate(IGNORED_CHARS))
    if measure == "share" and SHARE_OF in text[1:]:
        text = text[: text.index(SHARE_OF, 1)]  # `服务业增加值占国内生产总值的比重`: the part
    code = _longest_term(text, book) or _longest_term(_without_measure_words(text), book)
    if code is None:
        return None
    entry = book.entries[code]
    if measure == "growth" and unit not in RELATIVE_UNITS and code in CHANGE_COUNTERPARTS:
        entry = book.entries[CHANGE_COUNTERPARTS[code]]
    return entry if entry.takes(unit, measure) else None


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
