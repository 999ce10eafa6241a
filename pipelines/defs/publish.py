"""Publishing a release: immutable folder first, then the latest files."""

import pandas as pd
from dagster import AssetExecutionContext, AssetIn, MaterializeResult, MetadataValue, asset

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.rowfiles import RowFile

from .metadata import files_table, release_summary
from .names import ARTICLES_TABLE, INDICATORS_TABLE, OBSERVATIONS_TABLE, PUBLISH_POOL, PUBLISHED_RELEASE
from .resources import IndicatorFolders


@asset(
    key=PUBLISHED_RELEASE,
    ins={
        "indicators_table": AssetIn(INDICATORS_TABLE),
        "articles_table": AssetIn(ARTICLES_TABLE),
        "observations_table": AssetIn(OBSERVATIONS_TABLE),
    },
    group_name="indicators",
    kinds={"parquet", "csv"},
    pool=PUBLISH_POOL,
)
def published_release(
    context: AssetExecutionContext,
    indicators_table: RowFile,
    articles_table: pd.DataFrame,
    observations_table: pd.DataFrame,
    folders: IndicatorFolders,
) -> MaterializeResult:
    """A new release in the output folder (`releases/<version>/` with Parquet, CSV,
    datapackage.json, SHA256SUMS and a README of what changed) of the indicators, articles and
    observations tables, then the latest files.
    A run that changes nothing publishes nothing new."""
    output = folders.output
    tables = {"indicators": indicators_table, "articles": articles_table, "observations": observations_table}
    result = output.publish(tables, EXTRACTOR_VERSION)
    for action in result.recovered:
        context.log.warning(f"output folder: {action}")
    if result.published:
        context.log.info(f"published release {result.version} in {result.folder}")
    else:
        context.log.info(f"nothing changed since release {result.version}; nothing new published")
    summary = release_summary(indicators_table, articles_table)
    files = result.files or output.release_files(result.version)
    return MaterializeResult(
        metadata={
            "version": result.version,
            "published_new_release": result.published,
            "release_folder": MetadataValue.path(str(result.folder)),
            "files": files_table(files),
            # plain text, not Markdown: the UI shows it as written
            "output_folder_repairs": MetadataValue.text("\n".join(result.recovered) or "none"),
            **result.changes,
            **summary,
        }
    )
