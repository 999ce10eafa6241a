"""Rows on disk: the Parquet files that steps hand each other by reference.

A step that makes rows writes them as Parquet row groups and passes on a `RowFile` (where it
is, how many rows), never the rows themselves, so a run holds a bounded slice of the
corpus's rows at a time, however large the corpus. The files live in the run's own folder
(`$DAGSTER_HOME/storage/<run id>/rows/`, or under `INDICATORS_IO_DIR`), so two runs never
read each other's rows.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pandas as pd
import pyarrow as arrow
import pyarrow.compute as compute
import pyarrow.parquet as pq
from upath import UPath

# Rows per Parquet row group, and per batch read back: what one step holds of a table at a
# time (about 12 MB of indicator rows per group, 1.5 MB per batch).
ROW_GROUP_ROWS = 32_768
READ_BATCH_ROWS = 4_096


@dataclass(frozen=True)
class RowFile:
    """A table's rows in one Parquet file, read back batch by batch."""

    location: str
    n_rows: int
    storage_options: dict | None = None

    def _open(self):
        return UPath(self.location, **(self.storage_options or {})).open("rb")

    def batches(
        self, batch_rows: int = READ_BATCH_ROWS, columns: list[str] | None = None
    ) -> Iterator[arrow.RecordBatch]:
        with self._open() as handle:
            yield from pq.ParquetFile(handle).iter_batches(batch_size=batch_rows, columns=columns)

    def frames(self, batch_rows: int = ROW_GROUP_ROWS) -> Iterator[pd.DataFrame]:
        """The rows as frames of at most `batch_rows` rows; one empty frame for an empty file."""
        given = False
        for batch in self.batches(batch_rows):
            if batch.num_rows:
                given = True
                yield batch.to_pandas()
        if not given:
            yield self.schema().empty_table().to_pandas()

    def head(self, rows: int) -> pd.DataFrame:
        for batch in self.batches(rows):
            return batch.to_pandas()
        return self.schema().empty_table().to_pandas()

    def schema(self) -> arrow.Schema:
        with self._open() as handle:
            return pq.read_schema(handle)

    def read(self) -> pd.DataFrame:
        """Every row at once: for small tables and tests only."""
        with self._open() as handle:
            return pq.read_table(handle).to_pandas()


@dataclass(frozen=True)
class FrameRows:
    """A table held in memory (the articles table: one row per file), read like a `RowFile`."""

    frame: pd.DataFrame

    @property
    def n_rows(self) -> int:
        return len(self.frame)

    def frames(self, batch_rows: int = ROW_GROUP_ROWS) -> Iterator[pd.DataFrame]:
        """The rows as frames of at most `batch_rows` rows; one empty frame for an empty table."""
        yield self.frame.iloc[0:batch_rows]
        for start in range(batch_rows, len(self.frame), batch_rows):
            yield self.frame.iloc[start : start + batch_rows]

    def head(self, rows: int) -> pd.DataFrame:
        return self.frame.head(rows)


def rows_of(table) -> RowFile | FrameRows:
    """A `RowFile` as it is; a frame wrapped so that it reads like one."""
    return FrameRows(table) if isinstance(table, pd.DataFrame) else table


class RowFileWriter:
    """Writes Arrow tables of one schema into a Parquet file in row groups of
    `ROW_GROUP_ROWS` rows, whatever the sizes of the pieces given."""

    def __init__(self, location: str, schema: arrow.Schema, **parquet_options) -> None:
        self.location, self.schema = location, schema
        path = UPath(location)
        path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = path.open("wb")
        self._writer = pq.ParquetWriter(self._handle, schema, **parquet_options)
        self._pending: list[arrow.Table] = []
        self._pending_rows = 0
        self.n_rows = 0

    def write(self, table: arrow.Table | arrow.RecordBatch) -> None:
        if isinstance(table, arrow.RecordBatch):
            table = arrow.Table.from_batches([table])
        if not table.num_rows:
            return
        self._pending.append(table)
        self._pending_rows += table.num_rows
        self.n_rows += table.num_rows
        while self._pending_rows >= ROW_GROUP_ROWS:
            whole = arrow.concat_tables(self._pending)
            self._writer.write_table(whole.slice(0, ROW_GROUP_ROWS), row_group_size=ROW_GROUP_ROWS)
            rest = whole.slice(ROW_GROUP_ROWS)
            self._pending, self._pending_rows = ([rest] if rest.num_rows else []), rest.num_rows

    def close(self) -> RowFile:
        if self._pending:
            self._writer.write_table(arrow.concat_tables(self._pending), row_group_size=ROW_GROUP_ROWS)
            self._pending = []
        self._writer.close()
        self._handle.close()
        return RowFile(self.location, self.n_rows)

    def __enter__(self) -> RowFileWriter:
        return self

    def __exit__(self, kind, *_) -> None:
        if kind is None:
            self.close()
        else:
            self._writer.close()
            self._handle.close()


def _article_blocks(run: RowFile, key: str) -> Iterator[tuple[str, list[arrow.RecordBatch]]]:
    """(article id, its rows) in the run's order; an article's rows may span read batches."""
    current, pieces = None, []
    for batch in run.batches():
        ids = batch.column(key)
        if not len(ids):
            continue
        changes = compute.not_equal(ids.slice(1), ids.slice(0, len(ids) - 1))
        starts = [0, *(i + 1 for i in compute.indices_nonzero(changes).to_pylist()), len(ids)]
        for begin, end in zip(starts, starts[1:]):
            article = ids[begin].as_py()
            if article != current and pieces:
                yield current, pieces
                pieces = []
            current = article
            pieces.append(batch.slice(begin, end - begin))
    if pieces:
        yield current, pieces


def merge_runs(runs: Iterable[RowFile], destination: str, schema: arrow.Schema, key: str) -> RowFile:
    """One file in `key` order from runs each already in the published order, where every
    `key` (an article) lies in one run: a k-way merge by article, holding one read batch
    per run, so a corpus of any size is sorted in bounded memory."""
    streams = [_article_blocks(run, key) for run in runs if run.n_rows]
    with RowFileWriter(destination, schema) as writer:
        for _, pieces in heapq.merge(*streams, key=lambda block: block[0]):
            for piece in pieces:
                writer.write(piece)
    return RowFile(destination, writer.n_rows)
