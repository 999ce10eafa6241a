"""The published files as the tools users have read them: spreadsheets, pandas, the Data Package profile."""

import io

import pandas as pd
import pyarrow as arrow
import pyarrow.parquet as pq
import pytest

from pipelines.publishing.files import csv_bytes, parquet_bytes

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
