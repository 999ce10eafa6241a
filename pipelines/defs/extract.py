"""Extracting indicator rows, reusing the last release's rows for unchanged articles."""


from dagster import AssetExecutionContext, AssetIn, Output, asset

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.reading import ArticleText
from pipelines.publishing.tables import extract_articles

from .metadata import INDICATORS_COLUMN_SCHEMA, table_metadata
from .names import INDICATOR_ROWS, RAW_ARTICLES
from .resources import IndicatorFolders


@asset(key=INDICATOR_ROWS, ins={"raw_articles": AssetIn(RAW_ARTICLES)}, group_name="indicators", kinds={"python"})
def indicator_rows(context: AssetExecutionContext, raw_articles: list[ArticleText], folders: IndicatorFolders):
    """Indicator rows of every readable article. An article whose text and extractor are
    unchanged since the latest release keeps that release's rows; new or changed ones are
    extracted (a new extractor version re-extracts everything)."""
    cached, hashes = _cache_of_latest_release(folders)
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


def _cache_of_latest_release(folders: IndicatorFolders):
    """(rows, article id → sha256) of the latest release, if its extractor is ours."""
    output = folders.output
    manifest = output.latest_manifest()
    if not manifest or manifest.get("x-extractor-version") != EXTRACTOR_VERSION:
        return None, {}
    rows, articles = output.read_table("indicators"), output.read_table("articles")
    if rows is None or articles is None:
        return None, {}
    ok = articles[articles["status"] == "ok"]
    return rows, dict(zip(ok["article_id"], ok["sha256"]))
