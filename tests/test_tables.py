"""The rule tables of `lexicon.py`, read by the extractor and by these tests: every unit
spelling, every bound word and every ambiguity entry gives a generated case, so a new row
is tested the moment it is added."""

import pytest

from pipelines.extraction import extract_indicators
from pipelines.extraction.lexicon import (
    AMBIGUOUS,
    BOUND_WORDS,
    MORE_WORDS,
    NEGATED,
    NEGATORS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    UNITS,
)
from pipelines.extraction.patterns import UNIT_BY_SPELLING, inside_longer_word


def _reading(text):
    return [(r.value, r.unit, r.qualifier) for r in extract_indicators(text)]


UNIT_CASES = [
    (f"连续12{spelling}增长。" if unit.kind == "time" else f"全省共有12{spelling}。", unit.canonical)
    for unit in UNITS
    if unit.kind != "denominator"
    for spelling in unit.spellings
]


@pytest.mark.parametrize("text, unit", UNIT_CASES)
def test_every_unit_spelling_reads_as_its_unit(text, unit):
    assert _reading(text) == [(12.0, unit, "")]


@pytest.mark.parametrize(
    "text, unit",
    [
        (f"价格为12元/{spelling}。", f"元/{UNIT_BY_SPELLING[spelling].canonical}")
        for u in UNITS
        for spelling in u.per
    ],
)
def test_every_denominator_makes_a_rate(text, unit):
    assert _reading(text) == [(12.0, unit, "")]


def test_no_spelling_belongs_to_two_units():
    spellings = [s for unit in UNITS for s in unit.spellings]
    assert len(spellings) == len(set(spellings))


@pytest.mark.parametrize("word, qualifier", sorted(QUALIFIERS_BEFORE.items()))
def test_every_bound_word_before_a_number_bounds_it(word, qualifier):
    assert _reading(f"全省企业{word}12家。") == [(12.0, "家", qualifier)]


@pytest.mark.parametrize("word, qualifier", sorted(QUALIFIERS_AFTER.items()))
def test_every_bound_word_after_a_number_bounds_it(word, qualifier):
    # `多`, `余` stand between the number and its unit (`12余家`); after a unit they belong
    # to the next words.
    text = f"全省企业12{word}家。" if word in MORE_WORDS else f"全省企业12家{word}。"
    assert _reading(text) == [(12.0, "家", qualifier)]


@pytest.mark.parametrize(
    "word",
    [
        b.word
        for b in BOUND_WORDS
        if b.side == "before"
        and b.qualifier in NEGATED
        and not b.only_bare
        and not b.word.startswith(NEGATORS)
    ],
)
def test_a_negator_before_a_strict_bound_flips_it(word):
    """`不超过` is `<=`, `不会低于` is `>=`: one rule, no row per negated word (`不到` is a word of its own)."""
    for negator in NEGATORS:
        assert QUALIFIERS_BEFORE[negator + word] == NEGATED[QUALIFIERS_BEFORE[word]]


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("降幅不会超过10%。", "<="),
        ("粮食产量不低于6500亿斤。", ">="),
        ("赤字率不高于3%。", "<="),
        ("新增债务未超过200亿元。", "<="),
        ("城镇新增就业不少于1100万人。", ">="),
    ],
)
def test_negated_bounds_in_press_phrases(text, qualifier):
    [(_, _, got)] = _reading(text)
    assert got == qualifier


@pytest.mark.parametrize(
    "word, longer", [(word, longer) for word, longers in sorted(AMBIGUOUS.items()) for longer in longers]
)
def test_every_ambiguous_word_is_not_itself_inside_its_longer_words(word, longer):
    at = longer.index(word)
    assert inside_longer_word(longer, at, at + len(word))
    assert not inside_longer_word(word, 0, len(word))


@pytest.mark.parametrize(
    "text, rows",
    [
        ("签约3543亿元。", [(354300000000.0, "元", "")]),  # 约 of 签约 is no bound
        ("附近3公里。", [(3.0, "公里", "")]),  # 近 of 附近
        ("抓好三方面工作。", []),  # 方 of 方面 is no 立方米
        ("增长一成不变。", []),  # 成 of 一成不变 is no tenth
        ("年产50万吨以下简称项目。", [(500000.0, "吨", "")]),  # 以下 of 以下简称
    ],
)
def test_ambiguous_words_in_phrases(text, rows):
    assert _reading(text) == rows
