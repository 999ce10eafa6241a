"""Numbers as written in Chinese text, read exactly in `Decimal`.

Float arithmetic turns `2.3亿` into 229999999.99999997; folding magnitudes in `Decimal`
and converting once at the end keeps every value the nearest double to what was written.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from .lexicon import (
    CHINESE_DIGITS,
    CHINESE_LARGE_UNITS,
    CHINESE_SMALL_UNITS,
    DECIMAL_POINT,
    MAGNITUDES,
    TEN_THOUSAND,
    ZERO_DIGITS,
)

_MAGNITUDE_CHARS = MAGNITUDES


class NumberError(ValueError):
    """A numeral run that is not a well-formed number (`十四五`, `一九一`)."""


def magnitude_value(word: str) -> Decimal:
    """`万亿` → 1e12: a run of magnitude words multiplies."""
    value = Decimal(1)
    for char in word:
        value *= _MAGNITUDE_CHARS[char]
    return value


def parse_arabic(text: str) -> Decimal:
    """`1,234.5` → 1234.5."""
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only digits
        raise NumberError(text) from exc


def parse_chinese_integer(text: str) -> Decimal:
    """Chinese numerals to an integer: `两千三百` → 2300, `六亿三` → 630000000.

    A bare run of digits (`二〇二五`) reads place by place. A single digit after a
    magnitude is the spoken short form: `六亿三` is 6.3亿, `三万五` is 3.5万.
    """
    if not text:
        raise NumberError("empty numeral")
    if all(ch in CHINESE_DIGITS for ch in text):
        if len(text) > 1 and text[0] in ZERO_DIGITS:
            raise NumberError(text)
        return Decimal("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    total = Decimal(0)  # everything up to the last 亿
    wan = Decimal(0)  # the 万 group below it
    group = Decimal(0)  # below 万
    digit: int | None = None
    last_small = 10**5  # small units must fall within a group: 千 > 百 > 十
    for ch in text:
        if ch in ZERO_DIGITS:
            continue  # a place left empty: `一百零二`
        if ch in CHINESE_DIGITS:
            if digit is not None:
                raise NumberError(f"two digits in a row in {text!r}")
            digit = CHINESE_DIGITS[ch]
        elif ch in CHINESE_SMALL_UNITS:
            unit = CHINESE_SMALL_UNITS[ch]
            if unit >= last_small:
                raise NumberError(f"unit out of order in {text!r}")
            group += Decimal(1 if digit is None else digit) * unit
            digit, last_small = None, unit
        elif ch == TEN_THOUSAND:
            below = group + (digit or 0)
            wan = (wan + (below or 1)) * 10**4 if not wan else wan + below * 10**4
            group, digit, last_small = Decimal(0), None, 10**5
        else:  # 亿
            below = wan + group + (digit or 0)
            total = (total + (below or (0 if total else 1))) * 10**8
            wan, group, digit, last_small = Decimal(0), Decimal(0), None, 10**5
    if digit is not None and len(text) >= 2 and text[-2] in _MAGNITUDE_CHARS:
        scale = Decimal(_MAGNITUDE_CHARS[text[-2]]) / 10
        group += digit * scale  # `六亿三`: 3 of the next place down
    elif digit is not None:
        group += digit
    return total + wan + group


def parse_chinese_number(text: str) -> Decimal:
    """Chinese numerals with an optional decimal part: `十三点八四` → 13.84."""
    if DECIMAL_POINT in text:
        whole, _, fraction = text.partition(DECIMAL_POINT)
        if not fraction or any(ch not in CHINESE_DIGITS for ch in fraction):
            raise NumberError(text)
        integer = parse_chinese_integer(whole) if whole else Decimal(0)
        digits = "".join(str(CHINESE_DIGITS[ch]) for ch in fraction)
        return integer + Decimal("0." + digits)
    return parse_chinese_integer(text)


def parse_amount(text: str) -> Decimal:
    """Any amount the extractor finds: digits, Chinese numerals or both, with magnitudes.

    `14.58万亿` → 1.458e13, `14万4000` → 144000, `4千万` → 4e7, `两千三百` → 2300.
    """
    text = text.replace(",", "")
    head = 0
    while head < len(text) and (text[head].isdigit() or text[head] == "."):
        head += 1
    if head == 0:
        return parse_chinese_number(text)
    number = parse_arabic(text[:head])
    rest = text[head:]
    if not rest:
        return number
    mag_end = 0
    while mag_end < len(rest) and rest[mag_end] in _MAGNITUDE_CHARS:
        mag_end += 1
    if mag_end == 0:
        raise NumberError(text)
    magnitude = magnitude_value(rest[:mag_end])
    value = number * magnitude
    tail = _place_chain(rest[mag_end:], text)
    if tail >= magnitude:
        raise NumberError(text)
    return value + tail


def _place_chain(tail: str, text: str) -> Decimal:
    """The places below a magnitude: `4000` of `14万4000`, `4千6百` of `5万4千6百`."""
    if not tail:
        return Decimal(0)
    if tail.isdigit():
        return Decimal(tail)
    total = Decimal(0)
    digits = ""
    place = 0
    last_place = 10**9
    for char in tail + "|":
        if char.isdigit() and not place:
            digits += char
            continue
        if char in CHINESE_SMALL_UNITS and digits and not place:
            place = CHINESE_SMALL_UNITS[char]
            continue
        if char in CHINESE_LARGE_UNITS and digits:
            place = (place or 1) * CHINESE_LARGE_UNITS[char]  # `9百万` of `1亿9百万`
            continue
        if digits and (place or char == "|"):
            place = place or 1
            if place >= last_place:
                raise NumberError(text)
            total += Decimal(digits) * place
            digits, last_place, place = "", place, 0
            if char.isdigit():
                digits = char
                continue
        if char != "|":
            raise NumberError(text)
    return total


def to_float(value: Decimal) -> float:
    """The nearest double to an exact value."""
    return float(value)
