"""The contract a loader checks: stored Arrow types exactly, the unit vocabulary, and a
failure message a reader of Chinese can read (issue 13, item 1)."""

import shutil

import duckdb
import pandas as pd
import pandera.errors
import polars as pl
import pyarrow as arrow
import pyarrow.parquet as pq
import pytest

from pipelines.publishing.loading import ContractErrors, load_articles, load_indicators
from pipelines.publishing.validation import validate_table
from schemas.contract import IndicatorsModel, is_known_unit, stored_type_fits

from .conftest import SEED_ARTICLE
from .pipeline_runs import run_pipeline

RATE_ARTICLE = (
    "2025年全市居民人均可支配收入达到5.2万元，同比增长5.1%。\n"
    "当月本地晚稻收购价为2400元/吨，较上年提高3个百分点。\n"
)


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    """One real pipeline run over the seed article and an article with a rate (元/吨)."""
    root = tmp_path_factory.mktemp("contract")
    raw, out = root / "raw", root / "outputs"
    raw.mkdir()
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "rates.txt").write_text(RATE_ARTICLE, "utf-8")
    assert run_pipeline(raw, out).success
    return out


def _rewritten(release, tmp_path, change) -> str:
    """The release's indicators Parquet with `change` applied to its Arrow table, as a loose file."""
    table = pq.read_table(release / "indicators.parquet")
    path = tmp_path / "indicators.parquet"
    pq.write_table(change(table), path)
    return str(path)


def _with_column(table: arrow.Table, name: str, column) -> arrow.Table:
    return table.set_column(table.schema.get_field_index(name), name, column)


def _with_unit(table: arrow.Table, row: int, unit: str) -> arrow.Table:
    units = table.column("unit").to_pylist()
    units[row] = unit
    return _with_column(table, "unit", arrow.array(units, arrow.string()))


def test_a_published_release_loads_and_its_units_are_known(release):
    indicators = load_indicators(release)
    assert {"元", "%", "元/吨", "个百分点"} <= set(indicators["unit"])
    assert indicators["value"].dtype == "float64" and indicators["char_start"].dtype == "int64"
    assert len(load_articles(release)) == 2


def test_value_stored_as_strings_fails_naming_value_and_the_file(release, tmp_path):
    path = _rewritten(
        release, tmp_path, lambda t: _with_column(t, "value", t.column("value").cast(arrow.string()))
    )
    with pytest.raises(ContractErrors) as caught:
        load_indicators(path, verify=False)
    message = str(caught.value)
    assert path in message and "value" in message and "string" in message and "double" in message
    assert list(caught.value.failure_cases["column"]) == ["value"]


def test_char_start_stored_as_float_fails(release, tmp_path):
    path = _rewritten(
        release,
        tmp_path,
        lambda t: _with_column(t, "char_start", t.column("char_start").cast(arrow.float64())),
    )
    with pytest.raises(ContractErrors) as caught:
        load_indicators(path, verify=False)
    cases = caught.value.failure_cases
    assert list(cases["column"]) == ["char_start"] and list(cases["failure_case"]) == ["double"]
    assert "int64" in str(caught.value)


def test_every_mismatched_column_is_named_in_one_error(release, tmp_path):
    def damage(table):
        table = _with_column(table, "value", table.column("value").cast(arrow.string()))
        table = _with_column(table, "char_end", table.column("char_end").cast(arrow.float64()))
        table = table.drop_columns(["metric"])
        return table.append_column("note", arrow.array(["备注"] * len(table)))

    with pytest.raises(ContractErrors) as caught:
        load_indicators(_rewritten(release, tmp_path, damage), verify=False)
    cases = caught.value.failure_cases.set_index("column")["failure_case"].to_dict()
    assert cases == {"value": "string", "metric": "missing", "char_end": "double", "note": "string"}
    lines = str(caught.value).splitlines()
    assert "  value: stored as string; the contract says double" in lines
    assert "  metric: not stored; the contract says string" in lines
    assert "  note: stored as string; the contract has no such column" in lines


def test_an_unknown_unit_fails_the_contract(release, tmp_path):
    path = _rewritten(release, tmp_path, lambda t: _with_unit(t, 0, "furlong"))
    with pytest.raises(ContractErrors) as caught:
        load_indicators(path, verify=False)
    cases = caught.value.failure_cases
    assert cases[["column", "check", "failure_case"]].values.tolist() == [["unit", "known_unit", "furlong"]]
    assert isinstance(caught.value, pandera.errors.SchemaErrors)  # code catching pandera's error still works


def test_the_unit_vocabulary_is_the_lexicons_units_and_their_rates():
    for unit in ("元", "%", "个百分点", "元/吨", "美元/桶", "人次"):
        assert is_known_unit(unit), unit
    for unit in ("furlong", "万元", "元/furlong", "元/吨/年", "", "元/"):
        assert not is_known_unit(unit), unit


def test_the_message_shows_chinese_as_written(release, tmp_path):
    """A unit with the magnitude left in (`万元`: values are in base units) is a real slip;
    the message must show it as 万元, not as \\u4e07\\u5143."""
    path = _rewritten(release, tmp_path, lambda t: _with_unit(t, 1, "万元"))
    with pytest.raises(ContractErrors) as caught:
        load_indicators(path, verify=False)
    message = str(caught.value)
    assert "unit: known_unit: 万元 (row 1)" in message
    assert "\\u" not in message and "failure_cases" in message


def test_files_other_tools_write_still_load(release, tmp_path):
    """DuckDB, Polars and pandas store large or view strings: lossless forms the contract allows."""
    for table, load in (("indicators", load_indicators), ("articles", load_articles)):
        expected = load(release)
        source = release / f"{table}.parquet"
        written = {
            "duckdb": tmp_path / f"duckdb-{table}.parquet",
            "polars": tmp_path / f"polars-{table}.parquet",
            "pandas": tmp_path / f"pandas-{table}.parquet",
        }
        duckdb.sql(f"copy (select * from read_parquet('{source}')) to '{written['duckdb']}' (format parquet)")
        pl.read_parquet(source).write_parquet(written["polars"])
        expected.to_parquet(written["pandas"])
        for tool, path in written.items():
            pd.testing.assert_frame_equal(
                load(path, verify=False), expected, obj=f"{table} written by {tool}"
            )
    stored = {
        str(pq.read_schema(path).field("unit").type) for path in (tmp_path / "polars-indicators.parquet",)
    }
    assert stored <= {"large_string", "string_view"}  # what the lossless forms are for


def test_a_filtered_frame_written_by_pandas_loads_without_its_index(release, tmp_path):
    indicators = load_indicators(release)
    kept = indicators[indicators["unit"] == "%"]
    kept.to_parquet(tmp_path / "indicators.parquet")
    assert "__index_level_0__" in pq.read_schema(tmp_path / "indicators.parquet").names
    loaded = load_indicators(tmp_path / "indicators.parquet", verify=False)
    pd.testing.assert_frame_equal(loaded, kept.reset_index(drop=True))


def test_lossless_forms_are_the_only_other_types_accepted():
    assert stored_type_fits(arrow.large_string(), arrow.string())
    assert stored_type_fits(arrow.dictionary(arrow.int32(), arrow.string()), arrow.string())
    assert stored_type_fits(arrow.timestamp("ms", tz="UTC"), arrow.timestamp("us", tz="UTC"))
    assert not stored_type_fits(arrow.timestamp("ns", tz="UTC"), arrow.timestamp("us", tz="UTC"))
    assert not stored_type_fits(arrow.float32(), arrow.float64())
    assert not stored_type_fits(arrow.int32(), arrow.int64())
    assert not stored_type_fits(arrow.string(), arrow.float64())


def test_the_model_no_longer_coerces_a_frame_of_the_wrong_dtype(release):
    """The pipeline's own frames have the contract's dtypes, so the model needs no coercion,
    and a frame whose values are text fails instead of being repaired."""
    indicators = load_indicators(release)
    assert validate_table(indicators, IndicatorsModel) is None
    as_text = indicators.assign(value=indicators["value"].astype(str))
    failures = validate_table(as_text, IndicatorsModel)
    assert failures is not None and "value" in set(failures["column"])
