"""Queries over a whole table in bounded memory: DuckDB over the rows streamed from disk.

Grouping the mentions into observations, comparing a release with the previous one and
finding ids repeated across batches each need every row of the table at once. DuckDB reads
the rows as an Arrow stream (a batch at a time, no copy into pandas), and its joins,
aggregates and sorts spill to a temporary folder beyond `INDICATORS_QUERY_MEMORY`, so the
memory these steps take is a setting, not a function of the corpus. (pandas holds every row
in memory; pyarrow's group-by does not spill; Polars' streaming engine would do, but DuckDB
is the one the README's readers already use, with a stable SQL.)
"""

from __future__ import annotations

import contextlib
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence

import duckdb
import pandas as pd
import pyarrow as arrow

from pipelines.settings import QUERY_MEMORY

from .rowfiles import ROW_GROUP_ROWS, RowFile, rows_of

POSITION = "pos"  # the row's place in the table, for "first in the published order"
BATCH = "batch"  # the number of the frame it came in (`frames()`), for checks done per batch


_SIZE = re.compile(r"\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", re.IGNORECASE)


def query_memory() -> str:
    """`INDICATORS_QUERY_MEMORY`, checked: a wrong value is named before any query runs."""
    value = QUERY_MEMORY.read() or ""
    if not _SIZE.fullmatch(value.strip()):
        raise ValueError(f"{QUERY_MEMORY.name}={value!r}: expected a size such as 256MB or 1GiB")
    return value.strip()


@contextlib.contextmanager
def query_database() -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB database in a temporary folder, with the memory limit set and spilling there."""
    with tempfile.TemporaryDirectory(prefix="indicators-query-") as folder:
        connection = duckdb.connect(
            f"{folder}/query.duckdb",
            config={
                "memory_limit": query_memory(),
                "temp_directory": f"{folder}/spill",
                "preserve_insertion_order": False,
                "threads": 2,
            },
        )
        try:
            yield connection
        finally:
            connection.close()


def _batches(table, columns: Sequence[str]) -> Iterator[arrow.RecordBatch]:
    """The table's rows (a `RowFile`, a frame or rows in memory), only `columns`, with each
    row's position and batch number."""
    rows = rows_of(table)
    if isinstance(rows, RowFile):  # batches as `frames()` gives them, without pandas
        source: Iterable[list[arrow.RecordBatch]] = (
            [batch] for batch in rows.batches(ROW_GROUP_ROWS, columns=list(columns))
        )
    else:
        source = (
            arrow.Table.from_pandas(frame.loc[:, list(columns)], preserve_index=False).to_batches()
            for frame in rows.frames()
        )
    offset, number = 0, 0
    for pieces in source:
        if not sum(piece.num_rows for piece in pieces):
            continue
        for batch in pieces:
            n = batch.num_rows
            batch = batch.append_column(POSITION, arrow.array(range(offset, offset + n), arrow.int64()))
            yield batch.append_column(BATCH, arrow.array([number] * n, arrow.int64()))
            offset += n
        number += 1


def stream(table, columns: Sequence[str], schema: arrow.Schema | None = None) -> arrow.RecordBatchReader:
    """The table's `columns` (typed as in `schema`, else as stored) as an Arrow stream
    DuckDB can scan once; no rows for no table (None, with `schema`)."""
    if schema is None:
        rows = rows_of(table)
        if isinstance(rows, RowFile):
            schema = rows.schema()
        else:
            schema = arrow.Schema.from_pandas(rows.frame.loc[:, list(columns)], preserve_index=False)
    fields = [schema.field(name) for name in columns]
    full = arrow.schema([*fields, (POSITION, arrow.int64()), (BATCH, arrow.int64())])
    batches = () if table is None else (b.cast(full) for b in _batches(table, columns))
    return arrow.RecordBatchReader.from_batches(full, batches)


def load(
    connection: duckdb.DuckDBPyConnection,
    name: str,
    table,
    columns: Sequence[str],
    schema=None,
    where: str = "true",
) -> None:
    """The table's `columns` (its rows that meet `where`, an SQL condition) into a DuckDB
    table `name` on disk, with `pos` and `batch`."""
    connection.register(f"{name}_incoming", stream(table, columns, schema))
    connection.execute(f"CREATE TABLE {name} AS SELECT * FROM {name}_incoming WHERE {where}")
    connection.unregister(f"{name}_incoming")


def repeated_across_batches(table, name: str, schema: arrow.Schema | None = None) -> pd.DataFrame:
    """Each value of `name` found in more than one batch, with every position it has."""
    with query_database() as connection:
        connection.register("incoming", stream(table, [name], schema))
        found = connection.execute(
            f"""
            SELECT "{name}" AS value, list({POSITION} ORDER BY {POSITION}) AS positions
            FROM incoming
            WHERE "{name}" IS NOT NULL
            GROUP BY "{name}"
            HAVING count(DISTINCT {BATCH}) > 1
            ORDER BY min({POSITION})
            """
        ).fetchall()
    return pd.DataFrame(
        [(value, position) for value, positions in found for position in positions],
        columns=["value", "index"],
    )


def keyed_changes(old, new, key: Sequence[str], reading: str, schema: arrow.Schema) -> dict[str, int]:
    """Rows of `new` whose key is not in `old` (added), of `old` not in `new` (removed), and
    in both with another `reading` (an SQL expression over the columns: changed), the first
    row of a key kept on each side. Either table may be None (no rows)."""
    columns = [*key, *(c for c in schema.names if c not in key and c in reading)]
    with query_database() as connection:
        for name, table in (("old_rows", old), ("new_rows", new)):
            connection.register(name, stream(table, columns, schema))
        keys = ", ".join(f'"{c}"' for c in key)
        joined = " AND ".join(f'o."{c}" IS NOT DISTINCT FROM n."{c}"' for c in key)
        added, removed, changed = connection.execute(
            f"""
            WITH o AS (
                SELECT {keys}, arg_min_null({reading}, {POSITION}) AS reading, true AS here
                FROM old_rows GROUP BY {keys}
            ), n AS (
                SELECT {keys}, arg_min_null({reading}, {POSITION}) AS reading, true AS here
                FROM new_rows GROUP BY {keys}
            )
            SELECT
                count(*) FILTER (WHERE n.here AND o.here IS NULL),
                count(*) FILTER (WHERE o.here AND n.here IS NULL),
                count(*) FILTER (WHERE o.here AND n.here AND o.reading IS DISTINCT FROM n.reading)
            FROM o FULL OUTER JOIN n ON {joined}
            """
        ).fetchone()
    return {"added": int(added), "removed": int(removed), "changed": int(changed)}


_ARTICLE_CHANGES = {
    "articles_added": """SELECT article_id FROM new_read n
        WHERE NOT EXISTS (SELECT 1 FROM old_read o WHERE o.article_id = n.article_id)""",
    "articles_removed": """SELECT article_id FROM old_read o
        WHERE NOT EXISTS (SELECT 1 FROM new_read n WHERE o.article_id = n.article_id)""",
    "articles_changed": """SELECT n.article_id FROM new_read n JOIN old_read o USING (article_id)
        WHERE o.sha256 IS DISTINCT FROM n.sha256""",
    "files_newly_set_aside": """SELECT DISTINCT file_name AS article_id FROM new_articles n WHERE status <> 'ok'
        AND NOT EXISTS (SELECT 1 FROM old_articles o WHERE o.status <> 'ok' AND o.file_name = n.file_name)""",
}


def article_changes(
    old, new, limit: int, schema: arrow.Schema
) -> tuple[dict[str, int], dict[str, list[str]]]:
    """Articles (read, `ok`) added, removed and changed (another sha256) and the files newly
    set aside, by name: how many of each, and the first `limit` of each in sorted order.
    `old` may be None (a first release)."""
    columns = ["article_id", "file_name", "sha256", "status"]
    with query_database() as connection:
        for name, table in (("old_articles", old), ("new_articles", new)):
            load(connection, name, table, columns, schema)
        connection.execute("CREATE VIEW old_read AS SELECT * FROM old_articles WHERE status = 'ok'")
        connection.execute("CREATE VIEW new_read AS SELECT * FROM new_articles WHERE status = 'ok'")
        counts, lists = {}, {}
        for name, query in _ARTICLE_CHANGES.items():
            counts[name] = int(connection.execute(f"SELECT count(*) FROM ({query})").fetchall()[0][0])
            found = connection.execute(
                f"SELECT article_id FROM ({query}) ORDER BY article_id LIMIT {int(limit)}"
            )
            lists[name] = [str(row[0]) for row in found.fetchall()]
        (aside,) = connection.execute("SELECT count(*) FROM new_articles WHERE status <> 'ok'").fetchall()[0]
        counts["files_set_aside"] = int(aside)
    return counts, lists
