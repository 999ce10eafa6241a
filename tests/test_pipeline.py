"""The pipeline end to end, in-process, on temporary folders."""

import shutil

import pandas as pd

from schemas.contract import INDICATOR_COLUMNS

from .conftest import SEED_ARTICLE
from .pipeline_runs import materialization_metadata, run_pipeline


def test_first_article_is_published_with_the_contract_columns(folders):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    result = run_pipeline(raw, out)
    assert result.success
    table = pd.read_parquet(out / "indicators.parquet")
    assert list(table.columns) == list(INDICATOR_COLUMNS)
    assert len(table) >= 45
    assert set(table["article_id"]) == {"000_6548d97651490993"}
    csv = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(csv.columns) == list(INDICATOR_COLUMNS) and len(csv) == len(table)
    row = table[table["surface"] == "14.58万亿元"].iloc[0]
    assert row["value"] == 14580000000000 and row["unit"] == "元" and row["period"] == "2025"
    text = SEED_ARTICLE.read_text("utf-8")
    assert text[row["char_start"] : row["char_end"]] == "14.58万亿元"


def test_assets_show_row_count_preview_and_schema(folders):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    result = run_pipeline(raw, out)
    for asset in ("raw_articles", "indicator_rows", "indicators_table", "articles_table"):
        metadata = materialization_metadata(result, asset)
        assert metadata["dagster/row_count"] >= 1
        assert "preview" in metadata
        columns = [c.name for c in metadata["dagster/column_schema"].columns]
        assert columns and all(c.description for c in metadata["dagster/column_schema"].columns)


def test_an_empty_raw_folder_publishes_empty_tables(folders):
    raw, out = folders
    assert run_pipeline(raw, out).success
    assert len(pd.read_parquet(out / "indicators.parquet")) == 0


def test_make_runs_summary_names_every_file_and_counts_the_observations(folders, monkeypatch, capsys):
    from pipelines import report

    raw, out = folders
    assert run_pipeline(raw, out).success
    monkeypatch.setenv("INDICATORS_RAW_DIR", str(raw))
    monkeypatch.setenv("INDICATORS_OUTPUT_DIR", str(out))
    assert report.main() == 0
    printed = capsys.readouterr().out
    assert "observations.parquet" in printed and "tables.xlsx" in printed
    assert " observations from " in printed
