"""The number parser: exact values, checked on tables and on every number hypothesis finds."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipelines.extraction import NumberError, parse_amount, parse_chinese_number

from .test_rule_book import MAGNITUDES

DIGITS = "零一二三四五六七八九"


def chinese_numerals(n: int) -> str:
    """Write a non-negative integer below 10^16 the way a Chinese text does."""
    if n == 0:
        return "零"

    def below_ten_thousand(x: int, leading: bool) -> str:
        out, gap = "", not leading
        for scale, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = x // scale % 10
            if digit == 0:
                gap = gap or bool(out)
                continue
            if gap and (out or not leading):
                out += "零"
            gap = False
            out += DIGITS[digit] + word
        return out

    def below_hundred_million(x: int, leading: bool) -> str:
        high, low = divmod(x, 10**4)
        out = below_ten_thousand(high, leading) + "万" if high else ""
        if low:
            out += (
                below_ten_thousand(low, leading and not high)
                if (high == 0 or low >= 1000)
                else "零" + below_ten_thousand(low, True)
            )
        return out

    yi, rest = divmod(n, 10**8)
    out = below_hundred_million(yi, True) + "亿" if yi else ""
    if rest:
        if yi and rest < 10**7:
            out += "零" + below_hundred_million(rest, True)
        else:
            out += below_hundred_million(rest, not yi)
    return out


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("两千三百", 2300), ("三点五", Decimal("3.5")), ("十", 10), ("两", 2), ("一百零二", 102),
        ("六亿三", 630000000), ("三万五", 35000), ("十三点八四", Decimal("13.84")),
        ("一万亿", 10**12), ("十二万三千四百五十六", 123456), ("二〇二五", 2025),
    ],
)  # fmt: skip
def test_chinese_numerals(text, value):
    assert parse_chinese_number(text) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("14.58万亿", Decimal("14580000000000")), ("14万4000", 144000), ("4千万", 40000000),
        ("2万2439", 22439), ("1,234.5", Decimal("1234.5")), ("1.2万", 12000), ("2.3亿", 230000000),
    ],
)  # fmt: skip
def test_amounts(text, value):
    assert parse_amount(text) == value


def test_float_artefacts_never_reach_the_value():
    assert float(parse_amount("2.3亿")) == 230000000.0


@pytest.mark.parametrize("text", ["十四五", "一二三十", "十五四"])
def test_malformed_numerals_are_refused(text):
    with pytest.raises(NumberError):
        parse_chinese_number(text)


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_any_integer_in_chinese_numerals_parses_back(n):
    assert parse_chinese_number(chinese_numerals(n)) == n


@given(st.integers(min_value=0, max_value=10**8 - 1), st.integers(min_value=0, max_value=999))
def test_any_decimal_in_chinese_numerals_parses_back(whole, thousandths):
    fraction = f"{thousandths:03d}".rstrip("0") or "0"
    text = chinese_numerals(whole) + "点" + "".join(DIGITS[int(d)] for d in fraction)
    assert parse_chinese_number(text) == Decimal(f"{whole}.{fraction}")


@given(
    st.decimals(min_value=0, max_value=10**6, places=3, allow_nan=False, allow_infinity=False),
    st.sampled_from(MAGNITUDES),
)
def test_any_decimal_with_a_magnitude_parses_back(number, magnitude):
    word, scale = magnitude
    assert parse_amount(f"{number:f}{word}") == number * scale


@given(st.integers(min_value=1000, max_value=10**12))
def test_thousands_separators(n):
    assert parse_amount(f"{n:,}") == n
