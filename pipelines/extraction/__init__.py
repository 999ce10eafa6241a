"""The pure extraction library: article text in, indicator rows out.

No Dagster and no file I/O here, so it is importable, testable and fast on its own.
"""

from .cleaning import CleanText, clean_text, to_simplified
from .deadline import ExtractionTooSlow
from .extract import Indicator, extract_indicators, indicator_id
from .numbers import NumberError, parse_amount, parse_chinese_number
from .version import EXTRACTOR_VERSION

__all__ = [
    "EXTRACTOR_VERSION",
    "CleanText",
    "ExtractionTooSlow",
    "Indicator",
    "NumberError",
    "clean_text",
    "extract_indicators",
    "indicator_id",
    "parse_amount",
    "parse_chinese_number",
    "to_simplified",
]
