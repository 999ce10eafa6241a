"""The release as one spreadsheet workbook, for the people who open files in Excel or
LibreOffice: a CSV imported there loses the Chinese (the BOM ignored), turns an id such as
`565848351e635737` into 1.797e308, a surface `1/4` into a date and `1:3` into a time.

In the workbook every text cell is a string (ids, surfaces, periods), every number a number,
every timestamp a date; the header row is frozen; a table longer than a sheet goes on over
further sheets. It is written row by row (openpyxl's write-only mode), so no table is held.
"""

from __future__ import annotations

import math
import re
import shutil
import zipfile
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

WORKBOOK = "tables.xlsx"
SHEET_ROWS = 1_048_575  # a sheet's rows, less its header
_CORE_PROPERTIES = "docProps/core.xml"
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
# openpyxl reads a string that starts with `=` as a formula: such cells are marked text.
_FORMULA_START = "="


def _cell(sheet, value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return (
            value.tz_convert("UTC").tz_localize(None).to_pydatetime()
            if value.tzinfo
            else value.to_pydatetime()
        )
    if hasattr(value, "item") and not isinstance(value, str):
        value = value.item()  # numpy scalars as Python numbers
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _header(sheet, columns: list[str]) -> None:
    sheet.freeze_panes = "A2"  # before any row: the write-only sheet writes its view first
    bold = Font(bold=True)
    cells = []
    for name in columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cells.append(cell)
    sheet.append(cells)


def write_workbook(tables: Mapping[str, Iterable[pd.DataFrame]], path: Path, created: datetime) -> None:
    """One sheet per table (`indicators`, `indicators 2`, … past a sheet's rows), at `path`.
    The same tables and `created` give the same bytes: the document's dates and every zip
    entry's time are `created`."""
    book = Workbook(write_only=True)
    when = created.astimezone(UTC).replace(tzinfo=None)
    book.properties.created = book.properties.modified = when
    for name, frames in tables.items():
        sheet, used, number = None, 0, 1
        for frame in frames:
            columns = [str(c) for c in frame.columns]
            if sheet is None:
                sheet = book.create_sheet(name)
                _header(sheet, columns)
            for row in frame.itertuples(index=False):
                if used == SHEET_ROWS:
                    number += 1
                    sheet, used = book.create_sheet(f"{name} {number}"), 0
                    _header(sheet, columns)
                sheet.append([_cell(sheet, value) for value in row])
                used += 1
    written = path.with_name(path.name + ".unstamped")
    book.save(written)
    _stamp_zip(written, path, when)
    written.unlink()


def _stamp_zip(source: Path, target: Path, when: datetime) -> None:
    """The zip at `source` copied to `target` entry by entry, each dated `when`, and the
    document's modified date (which openpyxl sets to the time of saving) made `when` too."""
    stamp = (max(when.year, 1980), when.month, when.day, when.hour, when.minute, when.second)
    modified = f"{when.strftime('%Y-%m-%dT%H:%M:%S')}Z".encode()
    with zipfile.ZipFile(source) as reading, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as writing:
        for entry in reading.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            if entry.filename == _CORE_PROPERTIES:
                core = _MODIFIED.sub(rb"\g<1>" + modified + rb"\g<2>", reading.read(entry))
                writing.writestr(info, core)
                continue
            with reading.open(entry) as data, writing.open(info, "w") as out:
                shutil.copyfileobj(data, out, 1 << 20)
