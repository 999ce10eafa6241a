"""Why a figure is or is not in the table: every numeral run of a text, in order, with the
row it gave or the named rule that set it aside.

For users who ask "why is this figure missing", and for whoever changes a rule: a run no
rule accounts for is reported as `UNEXPLAINED`, and a test keeps that list empty.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .extract import Indicator, Trace, extract_indicators
from .mentions import Reason
from .patterns import (
    CANDIDATE_RE,
    CLOCK_AT_RE,
    DATE_AT_RE,
    NUMERAL_RUN_RE,
    ORDINAL_BEFORE_RE,
    ORDINAL_WINDOW,
    YEAR_AT_RE,
)

UNEXPLAINED = "unexplained"


@dataclass(frozen=True)
class Account:
    """One numeral run: where it stands in the raw text, and the rows it gave or the reason
    it gave none."""

    start: int
    end: int
    numeral: str
    rows: tuple[Indicator, ...] = ()
    reason: str = ""


def explain_text(raw: str) -> list[Account]:
    """Every numeral run of one article's raw text, in order, accounted for."""
    trace = Trace()
    extract_indicators(raw, trace)
    clean = trace.clean
    assert clean is not None
    text = clean.text
    rows = sorted(trace.rows, key=lambda r: r[0])
    row_starts = [start for start, _, _ in rows]
    rejected = sorted(trace.rejected)
    candidates = [(m.start(), m.end()) for m in CANDIDATE_RE.finditer(text)]
    accounts = []
    for run in NUMERAL_RUN_RE.finditer(text):
        start, end = run.span()
        raw_start, raw_end = clean.raw_span(start, end)
        numeral = clean.raw[raw_start:raw_end]
        found = _overlapping(rows, row_starts, start, end)
        if found:
            accounts.append(Account(raw_start, raw_end, numeral, rows=tuple(row for _, _, row in found)))
            continue
        reason = next((why for s, e, why in rejected if s < end and e > start), "")
        accounts.append(
            Account(raw_start, raw_end, numeral, reason=reason or _scan_reason(text, start, candidates))
        )
    return accounts


def _overlapping(rows, starts, start: int, end: int):
    """The rows whose mention overlaps the clean span (mentions hold a few characters, so
    looking back a little from the first one that starts after `end` is enough)."""
    index = bisect_left(starts, end)
    return [row for row in rows[max(0, index - 8) : index] if row[0] < end and row[1] > start]


def _scan_reason(text: str, start: int, candidates: list[tuple[int, int]]) -> str:
    """Why the scan itself never read the run as a candidate: it is a year, a date, a
    clock time, part of a figure read already, or Chinese numerals not before a unit."""
    if YEAR_AT_RE.match(text, start):
        return Reason.DATE
    if CLOCK_AT_RE.match(text, start):
        return Reason.CLOCK
    if DATE_AT_RE.match(text, start):
        return Reason.DATE
    if any(s <= start < e for s, e in candidates):
        return Reason.INSIDE
    if ORDINAL_BEFORE_RE.search(text, max(0, start - ORDINAL_WINDOW), start):
        return Reason.ORDINAL
    if not text[start].isdigit():
        return Reason.NOT_A_QUANTITY_FORM
    return UNEXPLAINED


def rule_counts(texts) -> Counter:
    """Rows per named rule over many texts: a dead rule shows at zero, a one-phrase rule at one."""
    counts: Counter = Counter()
    for raw in texts:
        for row in extract_indicators(raw):
            counts.update(row.rule_names)
    return counts


def reason_counts(texts) -> Counter:
    """Numeral runs per reason they gave no row, over many texts."""
    counts: Counter = Counter()
    for raw in texts:
        counts.update(a.reason for a in explain_text(raw) if not a.rows)
    return counts
