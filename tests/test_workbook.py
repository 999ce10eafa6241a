"""The workbook in each release: what a spreadsheet user opens instead of the CSV."""

import shutil
import subprocess
from datetime import datetime

import pandas as pd
import pytest
from openpyxl import load_workbook

from .pipeline_runs import run_pipeline

ARTICLE = (
    "广东省2025年国民经济运行情况\n"
    "2025年，全省地区生产总值达14.58万亿元，同比增长5.5%，占全国的1/4，比例为1:3。\n"
    '=HYPERLINK("http://x")一项收入达5亿元。\n'
    "2025年5月20日\n"
)


@pytest.fixture
def release(folders, monkeypatch):
    raw, out = folders
    monkeypatch.setenv("INDICATORS_RELEASE_TIME", "2026-12-01T00:00:00+00:00")
    (raw / "广东 2025.txt").write_text(ARTICLE, "utf-8")
    assert run_pipeline(raw, out).success
    return out


def test_the_workbook_keeps_ids_and_surfaces_as_text_numbers_as_numbers_dates_as_dates(release):
    book = load_workbook(release / "tables.xlsx", read_only=True)
    assert {"indicators", "articles", "observations"} <= set(book.sheetnames)
    rows = list(book["indicators"].iter_rows(values_only=True))
    header, data = rows[0], rows[1:]
    expected = pd.read_parquet(release / "indicators.parquet")
    assert list(header) == list(expected.columns) and len(data) == len(expected)
    column = {name: i for i, name in enumerate(header)}
    surfaces = [row[column["surface"]] for row in data]
    assert "1/4" in surfaces and "1:3" in surfaces  # text, never a date or a time
    assert all(isinstance(row[column["indicator_id"]], str) for row in data)
    assert all(isinstance(row[column["value"]], (int, float)) for row in data)
    assert all(row[column["period"]] in (None, "2025") for row in data)  # a year as text
    articles = list(book["articles"].iter_rows(values_only=True))
    published = articles[0].index("published_date")
    assert all(row[published] is None or isinstance(row[published], datetime) for row in articles[1:])
    assert all(isinstance(row[articles[0].index("n_chars")], int) for row in articles[1:])


def test_the_header_is_frozen_and_formulas_stay_text(release):
    book = load_workbook(release / "tables.xlsx")
    assert book["indicators"].freeze_panes == "A2"
    cells = [c for row in book["indicators"].iter_rows() for c in row if isinstance(c.value, str)]
    assert all(c.data_type == "s" for c in cells if c.value.startswith("="))


def test_the_workbook_is_listed_verified_and_the_same_for_the_same_inputs(release, folders, tmp_path):
    raw, _ = folders
    sums = next((release / "releases").glob("*/SHA256SUMS")).read_text("utf-8")
    assert "tables.xlsx" in sums
    again = tmp_path / "again"
    assert run_pipeline(raw, again).success
    assert (again / "tables.xlsx").read_bytes() == (release / "tables.xlsx").read_bytes()


def test_libreoffice_opens_the_workbook_with_the_chinese_intact(release, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("LibreOffice is not installed here; the openpyxl read-back tests cover the workbook")
    done = subprocess.run(
        [
            office,
            "--headless",
            "--convert-to",
            "csv",
            "--outdir",
            str(tmp_path),
            str(release / "tables.xlsx"),
        ],
        capture_output=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "tables.csv").read_text("utf-8")
    assert "indicator_id" in text and "14.58万亿元" in text and "1/4" in text
