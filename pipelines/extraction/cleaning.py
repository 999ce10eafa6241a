"""Cleaned text with a map back to the raw text.

Extraction reads a cleaned copy of the article: full-width digits and symbols folded
(NFKC), hard line breaks inside a paragraph joined, stray spaces next to Chinese removed,
traditional characters read as simplified. Every published offset still points into the
raw text, so the cleaner keeps a sparse offset map.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

import opencc

from .lexicon import (
    PROSE_MARKS,
)
from .patterns import (
    EDIT_RE,
    HEADING_LINE_RE,
    IS_CJK,
    IS_CJK_OR_DIGIT_PUNCT,
    KEEP_AS_WRITTEN,
    LATIN_UNIT_START_RE,
    SENTENCE_END,
)

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def _fold(char: str) -> str:
    """The NFKC form of one character, or the character where we keep it as written."""
    if char in KEEP_AS_WRITTEN:
        return char
    folded = unicodedata.normalize("NFKC", char)
    if folded == "⁄":  # `½` and the like become digit, fraction slash, digit
        return char
    return folded


@cache
def _simplify(char: str) -> str:
    out = _T2S.convert(char)
    return out if len(out) == 1 else char


@dataclass(frozen=True)
class CleanText:
    """A cleaned article: `text` (simplified, for matching), `display` (the article's own
    characters, for metrics and sentences), both of one length, and a map to raw offsets."""

    raw: str
    display: str
    text: str
    # Where the shift between clean and raw offsets changes: from `_clean_at[i]` on, clean
    # position p is raw position `_raw_at[i] + (p - _clean_at[i])`.
    _clean_at: tuple[int, ...]
    _raw_at: tuple[int, ...]

    def raw_offset(self, clean_pos: int) -> int:
        """The raw offset of a clean position (an end offset maps to the end of its char)."""
        index = bisect_right(self._clean_at, clean_pos) - 1
        return self._raw_at[index] + (clean_pos - self._clean_at[index])

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Raw offsets of a clean span, end exclusive."""
        if end <= start:
            pos = self.raw_offset(start)
            return pos, pos
        return self.raw_offset(start), self.raw_offset(end - 1) + 1


def _joins_lines(raw: str, start: int, end: int) -> bool:
    """A line break inside a paragraph: the line before is running prose, cut mid-sentence."""
    line_start = raw.rfind("\n", 0, start) + 1
    line = raw[line_start:start].strip()
    if not line or line[-1] in SENTENCE_END:
        return False
    if HEADING_LINE_RE.fullmatch(line):
        return False
    if end >= len(raw):
        return False
    nxt = raw[end]
    if not (IS_CJK.match(nxt) or nxt.isalnum()):
        return False
    return any(mark in line for mark in PROSE_MARKS)


def clean_text(raw: str) -> CleanText:
    """Clean an article for extraction, keeping the way back to the raw text."""
    pieces: list[str] = []
    anchors: list[tuple[int, int]] = [(0, 0)]
    last = 0
    out_len = 0
    for match in EDIT_RE.finditer(raw):
        start, end = match.start(), match.end()
        kind = match.lastgroup
        if kind == "digit_comma":
            replacement = ","
        elif kind == "wide":
            replacement = _fold(raw[start])
            if replacement == raw[start]:
                continue
        elif kind == "spaces":
            before = raw[start - 1] if start else ""
            after = raw[end] if end < len(raw) else ""
            if "\u3000" in match.group():
                continue  # an ideographic space separates headline clauses
            near_cjk = bool(before and IS_CJK_OR_DIGIT_PUNCT.match(before)) or bool(
                after and IS_CJK_OR_DIGIT_PUNCT.match(after)
            )
            latin_unit = before.isdigit() and bool(after and LATIN_UNIT_START_RE.match(after))
            if not (near_cjk or latin_unit) or (before.isdigit() and after.isdigit()):
                continue
            replacement = ""
        else:
            replacement = "" if _joins_lines(raw, start, end) else "\n"
            if replacement == "\n" and end - start == 1 and raw[start] == "\n":
                continue
        pieces.append(raw[last:start])
        out_len += start - last
        pieces.append(replacement)
        out_len += len(replacement)
        last = end
        # After the replacement, the clean text again runs in step with raw from `end`.
        if replacement:
            # a one-char replacement maps to its source char; longer ones share it
            anchors.append((out_len - len(replacement), start))
            if len(replacement) > 1:
                for k in range(1, len(replacement)):
                    anchors.append((out_len - len(replacement) + k, start))
        anchors.append((out_len, end))
    pieces.append(raw[last:])
    display = "".join(pieces)
    text = to_simplified(display)
    shifts = dict(anchors)  # the later anchor for a position wins
    clean_at = tuple(sorted(shifts))
    return CleanText(raw, display, text, clean_at, tuple(shifts[p] for p in clean_at))


class _SimplifyTable(dict):
    """A `str.translate` table that fills itself: each CJK character converted once."""

    def __missing__(self, code: int) -> int:
        value = ord(_simplify(chr(code))) if 0x3400 <= code <= 0xFAFF else code
        self[code] = value
        return value


_SIMPLIFY_TABLE = _SimplifyTable()


def to_simplified(text: str) -> str:
    """Traditional characters read as simplified, one character for one."""
    return text.translate(_SIMPLIFY_TABLE)
