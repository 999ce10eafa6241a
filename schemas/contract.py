"""The data contract: pandera models and the Arrow schemas the files are written with.

The columns and their meaning follow ../shared/INDICATORS.md. Descriptions live here once:
the pandera models carry them, and the exported forms in this folder (pandera YAML,
Frictionless Table Schema) are generated from them by `python -m schemas.export`.
"""

from __future__ import annotations

from typing import Annotated

import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
from pandera import extensions
from pandera.typing import Series

# The dataset's major version: bump it when a column changes meaning or type.
DATASET_MAJOR = 1

QUALIFIERS = ("", ">", ">=", "<", "<=", "~")
MEASURES = ("level", "share", "ratio", "growth", "duration")
ARTICLE_STATUSES = ("ok", "empty", "binary", "too_large", "unreadable", "undecodable", "refused", "failed")

INDICATOR_DESCRIPTIONS: dict[str, str] = {
    "indicator_id": "Stable id of the mention: the same article text and extractor give the same id.",
    "article_id": "The raw file's name without its extension.",
    "surface": "The number and its unit exactly as written in the raw text.",
    "value": "The value in the base unit, magnitudes folded in (14.58万亿元 → 14580000000000).",
    "unit": "The base unit: currency word, measure word, physical unit, %, 个百分点, 基点, 倍, 年 …",
    "qualifier": "How the value bounds the truth: empty (exact), >, >=, <, <=, ~ (about).",
    "measure": "level, share, ratio, growth (a change; falls negative) or duration (a streak).",
    "period": "The year the figure refers to (YYYY) when its sentence states one, else null.",
    "metric": "What is measured, in the article's own words.",
    "char_start": "Start offset of the surface in the article's raw decoded text (characters).",
    "char_end": "End offset (exclusive) of the surface in the article's raw decoded text.",
    "sentence": "The sentence the figure was read from, as cleaned for reading.",
    "rules": "The named extraction rules that made the row, ';'-joined: candidate form; bound; measure.",
    "extractor_version": "Version of the extraction rules that produced the row: release + hash of the rule tables and code.",
}

ARTICLE_DESCRIPTIONS: dict[str, str] = {
    "article_id": "The raw file's name without its extension.",
    "file_name": "The raw file's path inside the raw folder.",
    "title": "The article's first line, where it reads as a title.",
    "publisher": "The outlet the text names as its source (来源：…), where it does.",
    "published_date": "The publication date the text states near its start, UTC midnight.",
    "sha256": "SHA-256 of the raw file's bytes.",
    "encoding": "The encoding the file was decoded with (utf-8, gb18030, big5, utf-16 …).",
    "n_chars": "Length of the decoded text in characters.",
    "n_indicators": "How many indicator rows the article gave.",
    "status": "ok, or why the file was set aside.",
    "reason": "What was wrong with a set-aside file; empty when ok.",
}


@extensions.register_check_method(check_type="vectorized")
def spans_are_ordered(df: pd.DataFrame) -> pd.Series:
    """Every span ends after it starts."""
    return df["char_end"] > df["char_start"]


class IndicatorsModel(pa.DataFrameModel):
    """One row per indicator mention."""

    indicator_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 16, "max_value": 16})
    article_id: Series[str] = pa.Field(str_length={"min_value": 1})
    surface: Series[str] = pa.Field(str_length={"min_value": 1})
    value: Series[float] = pa.Field(nullable=False, ge=-1e300, le=1e300)
    unit: Series[str] = pa.Field(str_length={"min_value": 1})
    qualifier: Series[str] = pa.Field(isin=list(QUALIFIERS))
    measure: Series[str] = pa.Field(isin=list(MEASURES))
    period: Series[str] = pa.Field(nullable=True, str_matches=r"^(19|20)\d{2}$")
    metric: Series[str]
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(gt=0)
    sentence: Series[str]
    rules: Series[str] = pa.Field(str_length={"min_value": 1})
    extractor_version: Series[str] = pa.Field(str_matches=r"^\d+\.\d+\.\d+(\+[0-9a-f]{12})?$")

    class Config:
        name = "indicators"
        spans_are_ordered = ()
        strict = True
        coerce = True
        ordered = True


class ArticlesModel(pa.DataFrameModel):
    """One row per raw file, read or set aside."""

    article_id: Series[str] = pa.Field(unique=True, str_length={"min_value": 1})
    file_name: Series[str]
    title: Series[str] = pa.Field(nullable=True)
    publisher: Series[str] = pa.Field(nullable=True)
    published_date: Series[Annotated[pd.DatetimeTZDtype, "us", "UTC"]] = pa.Field(nullable=True)
    sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    encoding: Series[str] = pa.Field(nullable=True)
    n_chars: Series[int] = pa.Field(ge=0)
    n_indicators: Series[int] = pa.Field(ge=0)
    status: Series[str] = pa.Field(isin=list(ARTICLE_STATUSES))
    reason: Series[str]

    class Config:
        name = "articles"
        strict = True
        coerce = True
        ordered = True


for _model, _descriptions in (
    (IndicatorsModel, INDICATOR_DESCRIPTIONS),
    (ArticlesModel, ARTICLE_DESCRIPTIONS),
):
    for _name, _field in _model.__fields__.items():
        _field[1].description = _descriptions[_name]


# The Arrow schemas the files are written with: plain strings (not large_string), exact
# float64 values, UTC microsecond timestamps; the same for every writer and reader.
INDICATORS_ARROW_SCHEMA = arrow.schema(
    [
        ("indicator_id", arrow.string()),
        ("article_id", arrow.string()),
        ("surface", arrow.string()),
        ("value", arrow.float64()),
        ("unit", arrow.string()),
        ("qualifier", arrow.string()),
        ("measure", arrow.string()),
        ("period", arrow.string()),
        ("metric", arrow.string()),
        ("char_start", arrow.int64()),
        ("char_end", arrow.int64()),
        ("sentence", arrow.string()),
        ("rules", arrow.string()),
        ("extractor_version", arrow.string()),
    ]
)
ARTICLES_ARROW_SCHEMA = arrow.schema(
    [
        ("article_id", arrow.string()),
        ("file_name", arrow.string()),
        ("title", arrow.string()),
        ("publisher", arrow.string()),
        ("published_date", arrow.timestamp("us", tz="UTC")),
        ("sha256", arrow.string()),
        ("encoding", arrow.string()),
        ("n_chars", arrow.int64()),
        ("n_indicators", arrow.int64()),
        ("status", arrow.string()),
        ("reason", arrow.string()),
    ]
)

INDICATOR_COLUMNS = INDICATORS_ARROW_SCHEMA.names
ARTICLE_COLUMNS = ARTICLES_ARROW_SCHEMA.names
# Rows in a stable order, so the same inputs give the same bytes.
INDICATOR_SORT = ["article_id", "char_start", "char_end", "value"]
ARTICLE_SORT = ["article_id"]
