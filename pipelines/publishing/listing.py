"""The raw folder's listing on disk: one row per file (id, hash, status, title, …, and its
extraction batch), written while the files are read and read back a batch's share at a
time, so no step holds every file's record, however large the folder."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pyarrow as arrow
import pyarrow.compute as compute

from .reading import ArticleText
from .rowfiles import RowFile, RowFileWriter

LISTED_FIELDS = (
    "article_id",
    "file_name",
    "sha256",
    "status",
    "reason",
    "encoding",
    "title",
    "publisher",
    "published_date",
    "n_chars",
)
LISTING_SCHEMA = arrow.schema(
    [
        ("article_id", arrow.string()),
        ("file_name", arrow.string()),
        ("sha256", arrow.string()),
        ("status", arrow.string()),
        ("reason", arrow.string()),
        ("encoding", arrow.string()),
        ("title", arrow.string()),
        ("publisher", arrow.string()),
        ("published_date", arrow.timestamp("us", tz="UTC")),
        ("n_chars", arrow.int64()),
        ("batch", arrow.int64()),
    ]
)
_WRITE_ROWS = 4096


def write_listing(
    articles: Iterable[ArticleText],
    destination: str,
    batch_of: Callable[[ArticleText], int],
    each: Callable[[ArticleText], None] | None = None,
) -> RowFile:
    """The listing of `articles` (read one at a time) in a Parquet file; `batch_of` names
    each readable article's extraction batch (-1 for a file set aside)."""
    with RowFileWriter(destination, LISTING_SCHEMA) as writer:
        pending: list[dict] = []
        for article in articles:
            if each is not None:
                each(article)
            record = {name: getattr(article, name) for name in LISTED_FIELDS}
            record["batch"] = batch_of(article) if article.ok else -1
            pending.append(record)
            if len(pending) == _WRITE_ROWS:
                writer.write(arrow.Table.from_pylist(pending, schema=LISTING_SCHEMA))
                pending = []
        if pending:
            writer.write(arrow.Table.from_pylist(pending, schema=LISTING_SCHEMA))
    return RowFile(destination, writer.n_rows)


def listed_articles(listing: RowFile, batch: int | None = None) -> Iterator[ArticleText]:
    """The listed files (text not included), all of them or one extraction batch's share."""
    for rows in listing.batches():
        if batch is not None:
            rows = rows.filter(compute.equal(rows.column("batch"), batch))
        for record in rows.to_pylist():
            del record["batch"]
            yield ArticleText(**record)
