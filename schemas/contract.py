"""The data contract: pandera models and the Arrow schemas the files are written with.

The columns and their meaning follow ../shared/INDICATORS.md. Each column is one row of a
column table (type, meaning, checks); the pandera models, the Arrow schemas and the exported
forms in this folder (pandera YAML, Frictionless Table Schema, by `python -m schemas.export`)
are made from those rows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

import pandas as pd
import pandera.pandas as pa
import pyarrow as arrow
from pandera import extensions
from pandera.typing import Series

from pipelines.extraction.lexicon import UNITS

# The dataset's major version: bump it when a column changes meaning or type.
DATASET_MAJOR = 1

QUALIFIERS = ("", ">", ">=", "<", "<=", "~")
MEASURES = ("level", "share", "ratio", "growth", "duration")
ARTICLE_STATUSES = ("ok", "empty", "binary", "too_large", "unreadable", "undecodable", "refused", "failed")


@dataclass(frozen=True)
class Column:
    """One column of a published table, said once: its Arrow type (what the files store), its
    meaning, whether it may be null and the pandera checks on its values. The pandera model,
    the Arrow schema and the exported forms are all made from these rows, so adding a column
    is one row here."""

    name: str
    arrow_type: arrow.DataType
    description: str
    nullable: bool = False
    checks: dict = field(default_factory=dict)
    # Whether the pandera model may convert the column's values to its type. Off for every
    # column: a frame of the wrong dtype is a broken contract, not something to repair.
    coerce: bool = False

    # The column's human-readable name in the data package; where empty, its name in words.
    title: str = ""

    @property
    def label(self) -> str:
        return self.title or self.name.replace("_", " ").capitalize()

    @property
    def series_type(self):
        if arrow.types.is_timestamp(self.arrow_type):
            return Annotated[pd.DatetimeTZDtype, self.arrow_type.unit, str(self.arrow_type.tz)]
        if arrow.types.is_floating(self.arrow_type):
            return float
        if arrow.types.is_integer(self.arrow_type):
            return int
        return str


# The units the `unit` column may hold: a unit of the lexicon (`元`, `%`, `个百分点`) or a
# rate of two of them (`元/吨`), the forms the extractor writes.
UNIT_NAMES: frozenset[str] = frozenset(unit.canonical for unit in UNITS)
RATE_SEPARATOR = "/"


def is_known_unit(unit: str) -> bool:
    """A unit the extractor can write: one of the lexicon, or a rate of two."""
    parts = unit.split(RATE_SEPARATOR)
    return len(parts) <= 2 and all(part in UNIT_NAMES for part in parts)


@extensions.register_check_method(check_type="vectorized")
def known_unit(units: pd.Series) -> pd.Series:
    """Every unit is in the lexicon's vocabulary (`furlong` is not)."""
    return units.map(is_known_unit).astype(bool)


_ID_LENGTH = {"min_value": 16, "max_value": 16}
# A reference period: a year, half, quarter, month or day, or two of them joined by `/`.
_PERIOD_PART = r"\d{4}(?:-(?:H[12]|Q[1-4]|\d{2}(?:-\d{2})?))?"
REFERENCE_PERIOD_FORM = rf"^{_PERIOD_PART}(?:/{_PERIOD_PART})?$"
PERIOD_SOURCES = ("sentence", "paragraph", "article")
_NOT_EMPTY = {"min_value": 1}

INDICATOR_COLUMN_TABLE: tuple[Column, ...] = (
    Column(
        "indicator_id",
        arrow.string(),
        "Stable id of the mention: the same article text and extractor give the same id.",
        checks={"unique": True, "str_length": _ID_LENGTH},
        title="Indicator ID",
    ),
    Column(
        "article_id",
        arrow.string(),
        "The raw file's name without its extension.",
        checks={"str_length": _NOT_EMPTY},
        title="Article ID",
    ),
    Column(
        "surface",
        arrow.string(),
        "The number and its unit exactly as written in the raw text.",
        checks={"str_length": _NOT_EMPTY},
    ),
    Column(
        "value",
        arrow.float64(),
        "The value in the base unit, magnitudes folded in (14.58万亿元 → 14580000000000).",
        checks={"ge": -1e300, "le": 1e300},
    ),
    Column(
        "unit",
        arrow.string(),
        "The base unit: currency word, measure word, physical unit, %, 个百分点, 基点, 倍, 年 …; "
        "a rate is two of them, 元/吨.",
        checks={"str_length": _NOT_EMPTY, "known_unit": ()},
    ),
    Column(
        "qualifier",
        arrow.string(),
        "How the value bounds the truth: empty (exact), >, >=, <, <=, ~ (about).",
        checks={"isin": list(QUALIFIERS)},
    ),
    Column(
        "measure",
        arrow.string(),
        "level, share, ratio, growth (a change; falls negative) or duration (a streak).",
        checks={"isin": list(MEASURES)},
    ),
    Column(
        "period",
        arrow.string(),
        "The year the figure refers to (YYYY) when its sentence states one, else null.",
        nullable=True,
        checks={"str_matches": r"^(19|20)\d{2}$"},
        title="Period (year)",
    ),
    Column("metric", arrow.string(), "What is measured, in the article's own words."),
    Column(
        "region",
        arrow.string(),
        "The place the figure is about: a Chinese administrative area by its standard full name "
        "(广东省), 全国 for China as a whole, a foreign country or area by its common name (美国); "
        "null for a company or product, or where the text does not say.",
        nullable=True,
        checks={"str_length": _NOT_EMPTY},
    ),
    Column(
        "region_code",
        arrow.string(),
        "The region's six-digit GB/T 2260 administrative division code (440000); null for 全国 "
        "(the standard codes the divisions, not the country) and for places outside China.",
        nullable=True,
        checks={"str_matches": r"^\d{6}$"},
        title="Region code (GB/T 2260)",
    ),
    Column(
        "reference_period",
        arrow.string(),
        "The exact period: 2025, 2025-H1, 2025-Q3, 2025-05, 2025-01/2025-05 (cumulative), "
        "2025-05-31 (a point in time), 2021/2025 (a span); null where the text gives no year.",
        nullable=True,
        checks={"str_matches": REFERENCE_PERIOD_FORM},
    ),
    Column(
        "period_source",
        arrow.string(),
        "Where the reference period's year was read: sentence, paragraph or article (the title "
        "or date line); null with no reference period.",
        nullable=True,
        checks={"isin": list(PERIOD_SOURCES)},
    ),
    Column(
        "indicator",
        arrow.string(),
        "The standard name of the statistical indicator (地区生产总值), from the vocabulary in "
        "schemas/indicator_vocabulary.csv, for growth and share rows too; null for figures that "
        "are no statistical indicator.",
        nullable=True,
        checks={"str_length": _NOT_EMPTY},
    ),
    Column(
        "indicator_code",
        arrow.string(),
        "The indicator's code in schemas/indicator_vocabulary.csv (gdp, retail_sales, m2).",
        nullable=True,
        checks={"str_matches": r"^[a-z0-9_]+$"},
        title="Indicator code",
    ),
    Column(
        "observation_id",
        arrow.string(),
        "The observation the row reports, a row of the observations table: a hash of region, "
        "indicator_code, measure, unit, qualifier and reference_period; null without an indicator code, "
        "a region or a reference period.",
        nullable=True,
        checks={"str_length": _ID_LENGTH},
        title="Observation ID",
    ),
    Column(
        "char_start",
        arrow.int64(),
        "Start offset of the surface in the article's raw decoded text (characters).",
        checks={"ge": 0},
        title="Start offset",
    ),
    Column(
        "char_end",
        arrow.int64(),
        "End offset (exclusive) of the surface in the article's raw decoded text.",
        checks={"gt": 0},
        title="End offset",
    ),
    Column("sentence", arrow.string(), "The sentence the figure was read from, as cleaned for reading."),
    Column(
        "rules",
        arrow.string(),
        "The named extraction rules that made the row, ';'-joined: candidate form; bound; measure.",
        checks={"str_length": _NOT_EMPTY},
        title="Extraction rules",
    ),
    Column(
        "extractor_version",
        arrow.string(),
        "Version of the extraction rules that produced the row: release + hash of the rule tables and code.",
        checks={"str_matches": r"^\d+\.\d+\.\d+(\+[0-9a-f]{12})?$"},
    ),
)

AGREEMENTS = ("single", "agree", "conflict")

OBSERVATION_COLUMN_TABLE: tuple[Column, ...] = (
    Column(
        "observation_id",
        arrow.string(),
        "The observation's key, hashed: region, indicator_code, measure, unit, qualifier, reference_period.",
        checks={"unique": True, "str_length": _ID_LENGTH},
        title="Observation ID",
    ),
    Column("indicator_code", arrow.string(), "The indicator's code in schemas/indicator_vocabulary.csv."),
    Column("indicator", arrow.string(), "The indicator's standard name (地区生产总值)."),
    Column(
        "region",
        arrow.string(),
        "The place, by its standard name; null where the rows name none.",
        nullable=True,
    ),
    Column(
        "region_code",
        arrow.string(),
        "The region's GB/T 2260 code; null for 全国 and places outside China.",
        nullable=True,
        checks={"str_matches": r"^\d{6}$"},
    ),
    Column(
        "reference_period",
        arrow.string(),
        "The exact period (2025, 2025-01/2025-05, 2025-05-31 …); null where the text gives no year.",
        nullable=True,
        checks={"str_matches": REFERENCE_PERIOD_FORM},
    ),
    Column(
        "measure", arrow.string(), "level, share, ratio, growth or duration.", checks={"isin": list(MEASURES)}
    ),
    Column(
        "unit",
        arrow.string(),
        "The base unit of the value.",
        checks={"str_length": _NOT_EMPTY, "known_unit": ()},
    ),
    Column(
        "qualifier",
        arrow.string(),
        "How the value bounds the truth (part of the key: a bound never merges with an exact figure).",
        checks={"isin": list(QUALIFIERS)},
    ),
    Column(
        "value",
        arrow.float64(),
        "The value of the first mention, in the base unit.",
        checks={"ge": -1e300, "le": 1e300},
    ),
    Column("n_mentions", arrow.int64(), "Indicator rows that report this observation.", checks={"ge": 1}),
    Column("n_articles", arrow.int64(), "Articles that report it.", checks={"ge": 1}),
    Column("first_article_id", arrow.string(), "The first article (in the published order) that reports it."),
    Column(
        "first_indicator_id",
        arrow.string(),
        "The first mention's indicator_id.",
        checks={"str_length": _ID_LENGTH},
    ),
    Column(
        "agreement",
        arrow.string(),
        "single (one mention), agree (every mention within a relative 1e-3) or conflict.",
        checks={"isin": list(AGREEMENTS)},
    ),
    Column(
        "values",
        arrow.string(),
        "Where the mentions conflict, their distinct values, ';'-joined, in the published order; else empty.",
    ),
)

ARTICLE_COLUMN_TABLE: tuple[Column, ...] = (
    Column(
        "article_id",
        arrow.string(),
        "The raw file's name without its extension.",
        checks={"unique": True, "str_length": _NOT_EMPTY},
        title="Article ID",
    ),
    Column("file_name", arrow.string(), "The raw file's path inside the raw folder."),
    Column("title", arrow.string(), "The article's first line, where it reads as a title.", nullable=True),
    Column(
        "publisher",
        arrow.string(),
        "The outlet the text names as its source (来源：…), where it does.",
        nullable=True,
    ),
    Column(
        "published_date",
        arrow.timestamp("us", tz="UTC"),
        "The publication date the text states near its start, UTC midnight.",
        nullable=True,
    ),
    Column(
        "sha256",
        arrow.string(),
        "SHA-256 of the raw file's bytes.",
        checks={"str_matches": r"^[0-9a-f]{64}$"},
        title="SHA-256",
    ),
    Column(
        "encoding",
        arrow.string(),
        "The encoding the file was decoded with (utf-8, gb18030, big5, utf-16 …).",
        nullable=True,
    ),
    Column(
        "n_chars",
        arrow.int64(),
        "Length of the decoded text in characters.",
        checks={"ge": 0},
        title="Characters",
    ),
    Column(
        "n_indicators",
        arrow.int64(),
        "How many indicator rows the article gave.",
        checks={"ge": 0},
        title="Indicator rows",
    ),
    Column(
        "status",
        arrow.string(),
        "ok, or why the file was set aside.",
        checks={"isin": list(ARTICLE_STATUSES)},
    ),
    Column("reason", arrow.string(), "What was wrong with a set-aside file; empty when ok."),
)


@extensions.register_check_method(check_type="vectorized")
def spans_are_ordered(df: pd.DataFrame) -> pd.Series:
    """Every span ends after it starts."""
    return df["char_end"] > df["char_start"]


def dataframe_model(class_name: str, doc: str, columns: tuple[Column, ...], **config) -> type:
    """A pandera model with one field per column row, in the table's order."""
    namespace: dict = {
        "__doc__": doc,
        "__annotations__": {c.name: Series[c.series_type] for c in columns},
        "__module__": __name__,
    }
    for column in columns:
        namespace[column.name] = pa.Field(
            nullable=column.nullable,
            title=column.label,
            description=column.description,
            coerce=column.coerce,
            **column.checks,
        )
    namespace["Config"] = type("Config", (), {"strict": True, "coerce": False, "ordered": True, **config})
    return type(class_name, (pa.DataFrameModel,), namespace)


# Stored Arrow types that read as a contract type with nothing lost, as other writers store
# them: DuckDB, Polars and pandas write large or view strings where the contract says
# string, and a coarser timestamp fits the contract's microseconds. Any other stored type
# is a broken contract. A dictionary-encoded column is judged by its values' type.
LOSSLESS_FORMS: dict[arrow.DataType, tuple[arrow.DataType, ...]] = {
    arrow.string(): (arrow.large_string(), arrow.string_view()),
    arrow.timestamp("us", tz="UTC"): (arrow.timestamp("ms", tz="UTC"), arrow.timestamp("s", tz="UTC")),
}


def stored_type_fits(stored: arrow.DataType, expected: arrow.DataType) -> bool:
    """Whether a column stored as `stored` holds the contract's `expected` type exactly or
    in one of its LOSSLESS_FORMS."""
    if arrow.types.is_dictionary(stored):
        stored = stored.value_type
    return stored == expected or stored in LOSSLESS_FORMS.get(expected, ())


MISSING = "missing"
NOT_IN_CONTRACT = "no such column"


@dataclass(frozen=True)
class TypeMismatch:
    """A column stored with a type the contract does not allow (or missing, or extra)."""

    column: str
    stored: str
    expected: str

    def describe(self) -> str:
        if self.stored == MISSING:
            return f"not stored; the contract says {self.expected}"
        if self.expected == NOT_IN_CONTRACT:
            return f"stored as {self.stored}; the contract has no such column"
        return f"stored as {self.stored}; the contract says {self.expected}"


def type_mismatches(stored: arrow.Schema, expected: arrow.Schema) -> list[TypeMismatch]:
    """Every column of `stored` whose type does not fit `expected`, every missing column and
    every column the contract does not have, in the contract's order."""
    found = {f.name: f.type for f in stored}
    mismatches = [
        TypeMismatch(f.name, str(found.get(f.name, MISSING)), str(f.type))
        for f in expected
        if f.name not in found or not stored_type_fits(found[f.name], f.type)
    ]
    mismatches += [
        TypeMismatch(name, str(kind), NOT_IN_CONTRACT)
        for name, kind in found.items()
        if name not in expected.names
    ]
    return mismatches


def arrow_schema(columns: tuple[Column, ...]) -> arrow.Schema:
    """The Arrow schema the files are written with: plain strings (not large_string), exact
    float64 values, UTC microsecond timestamps; the same for every writer and reader."""
    return arrow.schema([(c.name, c.arrow_type) for c in columns])


IndicatorsModel = dataframe_model(
    "IndicatorsModel",
    "One row per indicator mention.",
    INDICATOR_COLUMN_TABLE,
    name="indicators",
    spans_are_ordered=(),
)
ArticlesModel = dataframe_model(
    "ArticlesModel", "One row per raw file, read or set aside.", ARTICLE_COLUMN_TABLE, name="articles"
)

ObservationsModel = dataframe_model(
    "ObservationsModel",
    "One row per series point: an indicator, region, period, measure, unit and qualifier, with its value and sources.",
    OBSERVATION_COLUMN_TABLE,
    name="observations",
)

OBSERVATIONS_ARROW_SCHEMA = arrow_schema(OBSERVATION_COLUMN_TABLE)
OBSERVATION_COLUMNS = OBSERVATIONS_ARROW_SCHEMA.names
OBSERVATION_SORT = ["indicator_code", "region", "reference_period", "measure", "unit", "qualifier"]
INDICATORS_ARROW_SCHEMA = arrow_schema(INDICATOR_COLUMN_TABLE)
ARTICLES_ARROW_SCHEMA = arrow_schema(ARTICLE_COLUMN_TABLE)
INDICATOR_DESCRIPTIONS: dict[str, str] = {c.name: c.description for c in INDICATOR_COLUMN_TABLE}
ARTICLE_DESCRIPTIONS: dict[str, str] = {c.name: c.description for c in ARTICLE_COLUMN_TABLE}

INDICATOR_COLUMNS = INDICATORS_ARROW_SCHEMA.names
ARTICLE_COLUMNS = ARTICLES_ARROW_SCHEMA.names
# Rows in a stable order, so the same inputs give the same bytes.
INDICATOR_SORT = ["article_id", "char_start", "char_end", "value"]
ARTICLE_SORT = ["article_id"]
