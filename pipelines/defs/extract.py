"""Extracting indicator rows in batches by content hash, then merging them.

An article whose text and extractor are unchanged since the latest release keeps that
release's rows; new or changed ones are extracted (a new extractor version re-extracts
everything). Each batch is a step of its own, so a distributed executor runs them on any
worker; the local default runs them one after another in one process.
"""

from dagster import AssetExecutionContext, AssetIn, AssetsDefinition, Output, asset

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.reading import ArticleText
from pipelines.publishing.tables import (
    Extraction,
    extract_articles,
    merge_extractions,
    reusable_rows,
    shard_of,
)

from .metadata import INDICATORS_COLUMN_SCHEMA, table_metadata
from .names import EXTRACTION_SHARDS, INDICATOR_ROWS, INDICATOR_SHARDS, RAW_ARTICLES
from .resources import IndicatorFolders


def _extraction_metadata(result: Extraction) -> dict:
    return table_metadata(
        result.rows,
        INDICATORS_COLUMN_SCHEMA,
        articles_extracted=len(result.extracted),
        articles_reused=len(result.reused),
        articles_failed=len(result.failed),
        extractor_version=EXTRACTOR_VERSION,
    )


def _shard_asset(shard: int) -> AssetsDefinition:
    @asset(
        key=INDICATOR_SHARDS[shard],
        ins={"raw_articles": AssetIn(RAW_ARTICLES)},
        group_name="extraction_batches",
        kinds={"python"},
        description=f"Indicator rows of the articles whose content hash falls in batch {shard} "
        f"of {EXTRACTION_SHARDS}.",
    )
    def indicator_rows_shard(
        context: AssetExecutionContext, raw_articles: list[ArticleText], folders: IndicatorFolders
    ) -> Output[Extraction]:
        mine = [a for a in raw_articles if a.ok and shard_of(a.sha256, EXTRACTION_SHARDS) == shard]
        cached, hashes = reusable_rows(folders.output, EXTRACTOR_VERSION, {a.article_id for a in mine})
        result = extract_articles(mine, cached, hashes, folders.max_seconds_per_article)
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
def indicator_rows(context: AssetExecutionContext, **shards: Extraction) -> Output[Extraction]:
    """Indicator rows of every readable article, merged from the extraction batches, with
    which articles were extracted, reused from the latest release, or failed."""
    result = merge_extractions(shards[f"shard_{k}"] for k in range(EXTRACTION_SHARDS))
    context.log.info(
        f"extracted {len(result.extracted)} articles, reused {len(result.reused)} unchanged ones"
    )
    return Output(result, metadata=_extraction_metadata(result))
