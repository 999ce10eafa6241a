"""The pure extraction library: article text in, indicator rows out.

No Dagster and no file I/O here, so it is importable, testable and fast on its own.
Pure Python by default; `make compiled` adds an optional mypyc-compiled build of the same
modules, loaded only while it matches their sources. `COMPILED` says which build runs and
`BUILD` why (`_compiled`).
"""

from ._compiled import choose

COMPILED, BUILD = choose()

from .cleaning import CleanText, clean_text, to_simplified  # noqa: E402  (after the choice of build)
from .deadline import ExtractionTooSlow  # noqa: E402  (after the choice of build)
from .extract import Indicator, extract_indicators, indicator_id  # noqa: E402  (after the choice of build)
from .numbers import NumberError, parse_amount, parse_chinese_number  # noqa: E402  (after the choice of build)
from .version import EXTRACTOR_VERSION  # noqa: E402  (after the choice of build)

__all__ = [
    "BUILD",
    "COMPILED",
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
