"""Extracting indicator rows in batches by content hash, then merging them.

An article whose text and extractor are unchanged since the latest release keeps that
release's rows; new or changed ones are extracted (a new extractor version re-extracts
everything). Each batch is a step of its own, so a distributed executor runs them on any
worker; the local default runs them one after another in one process.
"""

from functools import partial

from dagster import AssetExecutionContext, AssetIn, AssetsDefinition, Output, asset

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.listing import listed_articles
from pipelines.publishing.reading import text_again
from pipelines.publishing.rowfiles import RowFile
from pipelines.publishing.tables import (
    BatchRows,
    ReuseCache,
    extract_batch,
    merge_batches,
)
from pipelines.settings import BATCH_ARTICLES

from .execution import run_folder
from .metadata import INDICATORS_COLUMN_SCHEMA, preview
from .names import EXTRACTION_SHARDS, INDICATOR_ROWS, INDICATOR_SHARDS, RAW_ARTICLES
from .resources import IndicatorFolders


def _extraction_metadata(result: BatchRows) -> dict:
    return {
        "dagster/row_count": result.n_rows,
        "dagster/column_schema": INDICATORS_COLUMN_SCHEMA,
        "preview": preview(result.head(10)),
        "articles_extracted": len(result.extracted),
        "articles_reused": len(result.reused),
        "articles_failed": len(result.failed),
        "row_files": len(result.runs),
        "extractor_version": EXTRACTOR_VERSION,
    }


def _shard_asset(shard: int) -> AssetsDefinition:
    @asset(
        key=INDICATOR_SHARDS[shard],
        ins={"raw_articles": AssetIn(RAW_ARTICLES)},
        group_name="extraction_batches",
        kinds={"python"},
        description=f"Indicator rows of the articles whose content hash falls in batch {shard} "
        f"of {EXTRACTION_SHARDS}, as Parquet files in the run's folder.",
    )
    def indicator_rows_shard(
        context: AssetExecutionContext, raw_articles: RowFile, folders: IndicatorFolders
    ) -> Output[BatchRows]:
        mine = [a for a in listed_articles(raw_articles, shard) if a.ok]
        cache = ReuseCache(folders.output, EXTRACTOR_VERSION, {a.article_id for a in mine})
        text_of = partial(text_again, folders.raw_location, max_bytes=folders.max_article_bytes)
        folder = f"{run_folder(context)}/shard-{shard}"
        slice_articles = int(BATCH_ARTICLES.read())

        def progress(done: int, total: int) -> None:  # a line per slice, where there are several
            if total > slice_articles:
                context.log.info(f"batch {shard}: {done:,} of {total:,} articles extracted")

        result = extract_batch(
            mine, cache, folder, slice_articles, text_of, folders.max_seconds_per_article, progress
        )
        context.log.info(f"batch {shard}: extracted {len(result.extracted)}, reused {len(result.reused)}")
        return Output(result, metadata=_extraction_metadata(result))

    return indicator_rows_shard


indicator_row_shards = [_shard_asset(k) for k in range(EXTRACTION_SHARDS)]


@asset(
    key=INDICATOR_ROWS,
    ins={f"shard_{k}": AssetIn(key) for k, key in enumerate(INDICATOR_SHARDS)},
    group_name="indicators",
    kinds={"python"},
)
def indicator_rows(context: AssetExecutionContext, **shards: BatchRows) -> Output[BatchRows]:
    """Indicator rows of every readable article: the extraction batches' files, with which
    articles were extracted, reused from the latest release, or failed."""
    result = merge_batches(shards[f"shard_{k}"] for k in range(EXTRACTION_SHARDS))
    context.log.info(f"articles extracted: {len(result.extracted)}, reused unchanged: {len(result.reused)}")
    return Output(result, metadata=_extraction_metadata(result))
