"""Extracting indicator rows, reusing the last release's rows for unchanged articles."""

from dagster import AssetExecutionContext, AssetIn, Output, asset

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.reading import ArticleText
from pipelines.publishing.tables import extract_articles, reusable_rows

from .metadata import INDICATORS_COLUMN_SCHEMA, table_metadata
from .names import INDICATOR_ROWS, RAW_ARTICLES
from .resources import IndicatorFolders


@asset(
    key=INDICATOR_ROWS, ins={"raw_articles": AssetIn(RAW_ARTICLES)}, group_name="indicators", kinds={"python"}
)
def indicator_rows(
    context: AssetExecutionContext, raw_articles: list[ArticleText], folders: IndicatorFolders
):
    """Indicator rows of every readable article. An article whose text and extractor are
    unchanged since the latest release keeps that release's rows; new or changed ones are
    extracted (a new extractor version re-extracts everything)."""
    cached, hashes = reusable_rows(folders.output, EXTRACTOR_VERSION)
    rows, extracted, reused = extract_articles(raw_articles, cached, hashes)
    context.log.info(f"extracted {len(extracted)} articles, reused {len(reused)} unchanged ones")
    return Output(
        rows,
        metadata=table_metadata(
            rows,
            INDICATORS_COLUMN_SCHEMA,
            articles_extracted=len(extracted),
            articles_reused=len(reused),
            extractor_version=EXTRACTOR_VERSION,
        ),
    )
