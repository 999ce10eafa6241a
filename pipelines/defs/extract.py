"""Extracting indicator rows in batches by content hash, then merging them.

An article whose text and extractor are unchanged since the latest release keeps that
release's rows; new or changed ones are extracted (a new extractor version re-extracts
everything). `indicator_rows` is one asset made of a graph of steps: one step per batch
(`extract_batch_0` … `_7`), so a distributed executor runs them on any worker (the local
default runs them one after another in one process), and the step that merges them. The
lineage shows one box; the run's steps and logs show each batch.
"""

from functools import partial

import pandas as pd
from dagster import AssetIn, In, OpDefinition, OpExecutionContext, Out, Output, graph_asset, op

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
from .metadata import INDICATORS_COLUMN_SCHEMA, preview, text_table
from .names import EXTRACTION_GROUP, EXTRACTION_SHARDS, INDICATOR_ROWS, RAW_ARTICLES
from .resources import IndicatorFolders


def _extraction_metadata(result: BatchRows, batches: list[BatchRows]) -> dict:
    per_batch = pd.DataFrame(
        [
            {
                "batch": k,
                "articles_extracted": len(b.extracted),
                "articles_reused": len(b.reused),
                "articles_failed": len(b.failed),
                "rows": b.n_rows,
            }
            for k, b in enumerate(batches)
        ]
    )
    return {
        "dagster/row_count": result.n_rows,
        "dagster/column_schema": INDICATORS_COLUMN_SCHEMA,
        "preview": preview(result.head(10)),
        "articles_extracted": len(result.extracted),
        "articles_reused": len(result.reused),
        "articles_failed": len(result.failed),
        "row_files": len(result.runs),
        "batches": text_table(per_batch),
        "extractor_version": EXTRACTOR_VERSION,
    }


def _batch_op(shard: int) -> OpDefinition:
    @op(
        name=f"extract_batch_{shard}",
        ins={"raw_articles": In(RowFile)},
        out=Out(BatchRows),
        description=f"Indicator rows of the articles whose content hash falls in batch {shard} "
        f"of {EXTRACTION_SHARDS}, as Parquet files in the run's folder.",
    )
    def extract_one_batch(context: OpExecutionContext, raw_articles: RowFile, folders: IndicatorFolders):
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
        context.log.info(
            f"batch {shard}: extracted {len(result.extracted)}, reused {len(result.reused)}, "
            f"failed {len(result.failed)}; {result.n_rows} rows"
        )
        return result

    return extract_one_batch


extraction_batches = [_batch_op(k) for k in range(EXTRACTION_SHARDS)]


@op(
    ins={"raw_articles": In(RowFile), **{f"batch_{k}": In(BatchRows) for k in range(EXTRACTION_SHARDS)}},
    out=Out(BatchRows),
    description="The batches' files merged into one result, with the listing the articles table is built from.",
)
def merge_extraction_batches(context: OpExecutionContext, raw_articles: RowFile, **batches: BatchRows):
    parts = [batches[f"batch_{k}"] for k in range(EXTRACTION_SHARDS)]
    result = merge_batches(parts)
    result.listing = raw_articles
    context.log.info(
        f"extracted {len(result.extracted)} articles, reused {len(result.reused)} unchanged ones"
    )
    return Output(result, metadata=_extraction_metadata(result, parts))


@graph_asset(
    key=INDICATOR_ROWS,
    ins={"raw_articles": AssetIn(RAW_ARTICLES)},
    group_name=EXTRACTION_GROUP,
    kinds={"python"},
)
def indicator_rows(raw_articles):
    """Indicator rows of every readable article, extracted in eight batches by content hash
    (a step each, `extract_batch_0` … `_7`): each batch's files, with which articles were
    extracted, reused from the latest release, or failed, and the raw listing they came from."""
    batches = {f"batch_{k}": extract(raw_articles) for k, extract in enumerate(extraction_batches)}
    return merge_extraction_batches(raw_articles=raw_articles, **batches)
