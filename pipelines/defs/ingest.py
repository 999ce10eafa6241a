"""Reading the raw folder."""

import pandas as pd
from dagster import AssetExecutionContext, MetadataValue, Output, asset

from pipelines.publishing.listing import write_listing
from pipelines.publishing.reading import iter_raw_folder
from pipelines.publishing.rowfiles import RowFile
from pipelines.publishing.storage import refuse_output_inside_raw
from pipelines.publishing.tables import shard_of

from .execution import run_folder
from .metadata import ARTICLES_COLUMN_SCHEMA, preview
from .names import EXTRACTION_SHARDS, RAW_ARTICLES, RAW_GROUP
from .resources import IndicatorFolders

_PREVIEW_COLUMNS = ["article_id", "file_name", "title", "encoding", "n_chars", "status", "reason"]


@asset(key=RAW_ARTICLES, group_name=RAW_GROUP, kinds={"python"})
def raw_articles(context: AssetExecutionContext, folders: IndicatorFolders) -> Output[RowFile]:
    """Every file of the raw folder, listed (article id = file name without extension, hash,
    title, extraction batch) or set aside with the reason: empty, binary, too large,
    unreadable, a link leading outside. The listing is a Parquet file in the run's folder and
    holds no text: each batch reads its own share of it, and its articles again."""
    refuse_output_inside_raw(folders.raw_location, folders.output_dir)
    set_aside = []

    def note(article) -> None:
        if not article.ok:
            set_aside.append(article.file_name)
            context.log.warning(f"set aside {article.file_name}: {article.status}: {article.reason}")

    listing = write_listing(
        iter_raw_folder(folders.raw_location, folders.max_article_bytes, keep_text=False),
        f"{run_folder(context)}/listing.parquet",
        lambda article: shard_of(article.sha256, EXTRACTION_SHARDS),
        note,
    )
    head = listing.head(10)
    return Output(
        listing,
        metadata={
            "dagster/row_count": listing.n_rows,
            "dagster/column_schema": ARTICLES_COLUMN_SCHEMA,
            "preview": preview(
                head[_PREVIEW_COLUMNS] if len(head) else pd.DataFrame(columns=_PREVIEW_COLUMNS)
            ),
            "raw_folder": MetadataValue.path(folders.raw_location),
            "articles_read": listing.n_rows - len(set_aside),
            "files_set_aside": len(set_aside),
        },
    )
