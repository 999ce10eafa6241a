"""Bytes of the published files, and writing them so that no reader sees half a file."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import pyarrow as arrow
import pyarrow.parquet as pq

from .rowfiles import ROW_GROUP_ROWS

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
    buffer = io.BytesIO()
    write_parquet([frame], schema, metadata, buffer)
    return buffer.getvalue()


def write_parquet(
    frames: Iterable[pd.DataFrame], schema: arrow.Schema, metadata: dict[str, str], handle
) -> None:
    """`parquet_bytes` for a table given frame by frame, into an open binary file: the same
    bytes as `parquet_bytes` of the whole table where it fits in one row group."""
    writer = None
    try:
        for frame in frames:
            table = arrow.Table.from_pandas(frame, schema=schema, preserve_index=False)
            if writer is None:
                merged = dict(table.schema.metadata or {})
                merged.update({k.encode(): v.encode() for k, v in metadata.items()})
                writer = pq.ParquetWriter(
                    handle, table.schema.with_metadata(merged), compression="zstd", write_statistics=True
                )
            writer.write_table(
                table.replace_schema_metadata(writer.schema.metadata), row_group_size=ROW_GROUP_ROWS
            )
    finally:
        if writer is not None:
            writer.close()


def write_csv(frames: Iterable[pd.DataFrame], handle) -> None:
    """`csv_bytes` for a table given frame by frame, into an open binary file: one header,
    one byte-order mark, the same bytes as `csv_bytes` of the whole table."""
    for number, frame in enumerate(frames):
        text = _csv_text(frame, header=number == 0)
        handle.write(text.encode("utf-8-sig" if number == 0 else "utf-8"))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """CSV that Excel opens with Chinese intact (UTF-8 with a byte-order mark) and that
    pandas, DuckDB and Polars read with the right header. Text cells a spreadsheet would run
    (`SPREADSHEET_FORMULA`) get a leading `'`; nothing else is touched, and the Parquet keeps
    every cell as written."""
    return _csv_text(frame, header=True).encode("utf-8-sig")


def _csv_text(frame: pd.DataFrame, header: bool) -> str:
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
    return safe.to_csv(index=False, header=header, lineterminator="\r\n")


def atomic_write(path: Path, data: bytes, before_replace=None) -> None:
    """Write `data` to `path` through a temporary file in the same folder and a rename,
    so a reader sees the old file or the new one, never a part. A failed write (a full
    disk) removes its temporary file and raises; `before_replace` is called between the
    written temporary file and the rename."""
    _atomic(path, lambda handle: handle.write(data), before_replace)


def atomic_copy(path: Path, source: Path, before_replace=None) -> None:
    """`atomic_write` of a file's content, streamed: a large table is never held whole."""

    def fill(handle) -> None:
        with open(source, "rb") as reading:
            shutil.copyfileobj(reading, handle, 1 << 20)

    _atomic(path, fill, before_replace)


def _atomic(path: Path, fill, before_replace) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(temporary, "wb") as handle:
            fill(handle)
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
