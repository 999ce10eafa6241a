"""Bytes of the published files, and writing them so that no reader sees half a file."""

from __future__ import annotations

import hashlib
import io
import os
import re
from pathlib import Path

import pandas as pd
import pyarrow as arrow
import pyarrow.parquet as pq

# A text cell a spreadsheet would run as a formula. `-0.3%`, `-12` and `-.5` are values
# shown as written, and machine readers must see them unchanged; a number that goes on to run
# a program (DDE's `|`) or call a function is a formula all the same.
SPREADSHEET_FORMULA = re.compile(
    r"""
      [=+@\t\r]                  # starts a formula
    | -(?!\.?[0-9])              # a minus before no number: -A1, -=1
    | -.*?(?:\||[A-Za-z]\()      # -2+3+cmd|' /C calc'!A0, -1+HYPERLINK("…")
    """,
    re.VERBOSE | re.DOTALL,
)

# Timestamps in the CSV: ISO 8601 in UTC with `Z`, the form the Table Schema's datetime expects.
UTC_TIMESTAMP = "%Y-%m-%dT%H:%M:%SZ"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parquet_bytes(frame: pd.DataFrame, schema: arrow.Schema, metadata: dict[str, str]) -> bytes:
    """Parquet with the contract's Arrow schema, zstd, and our key-value metadata.

    The same frame and metadata give the same bytes.
    """
    table = arrow.Table.from_pandas(frame, schema=schema, preserve_index=False)
    merged = dict(table.schema.metadata or {})
    merged.update({k.encode(): v.encode() for k, v in metadata.items()})
    table = table.replace_schema_metadata(merged)
    buffer = io.BytesIO()
    pq.write_table(table, buffer, compression="zstd", write_statistics=True)
    return buffer.getvalue()


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that Excel opens with Chinese intact (UTF-8 with a byte-order mark) and that
    pandas, DuckDB and Polars read with the right header. Text cells a spreadsheet would run
    (`SPREADSHEET_FORMULA`) get a leading `'`; nothing else is touched, and the Parquet keeps
    every cell as written."""
    safe = frame.copy()
    for column in safe.columns:
        values = safe[column]
        if isinstance(values.dtype, pd.DatetimeTZDtype):
            safe[column] = values.dt.tz_convert("UTC").dt.strftime(UTC_TIMESTAMP)
        elif pd.api.types.is_string_dtype(values) or values.dtype == object:
            runs = values.astype("str").str.match(SPREADSHEET_FORMULA) & values.notna()
            if runs.any():
                safe[column] = values.where(~runs, "'" + values.astype("str"))
    # CRLF line ends (RFC 4180): the writer then quotes a cell holding a lone CR as well as
    # one holding LF, where with LF ends a lone CR would split the row for every reader.
    text = safe.to_csv(index=False, lineterminator="\r\n")
    return text.encode("utf-8-sig")


def atomic_write(path: Path, data: bytes, before_replace=None) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename,
    so a reader sees the old file or the new one, never a part. A failed write (a full
    disk) removes its temporary file and raises; `before_replace` is called between the
    written temporary file and the rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(temporary, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if before_replace is not None:
            before_replace()
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def fsync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
