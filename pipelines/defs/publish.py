"""Publishing a release: immutable folder first, then the latest files."""

import contextlib
from pathlib import Path

import pandas as pd
from dagster import AssetExecutionContext, AssetIn, MaterializeResult, MetadataValue, asset

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.rowfiles import RowFile
from pipelines.publishing.storage import file_lock

from .metadata import files_table, latest_release_metadata, release_summary
from .names import (
    ARTICLES_TABLE,
    INDICATORS_TABLE,
    OBSERVATIONS_TABLE,
    PUBLISH_POOL,
    PUBLISHED_RELEASE,
    RELEASE_GROUP,
)
from .resources import IndicatorFolders

# Dagster's SQLite storage claims a pool slot without a row lock (`FOR UPDATE` is a no-op
# there), so two runs of one local instance can both take the pool's one slot; this lock in
# the instance's folder makes its publishing steps one at a time all the same.
INSTANCE_LOCK = "indicators-publish.lock"
PUBLISHING_STARTS = "holding the instance's publishing lock: publishing"
# The tag a run that published a release gets (its value the version), so the runs list
# shows which runs published and what.
RELEASE_TAG = "indicators/release"


@contextlib.contextmanager
def one_publisher_per_instance(context, timeout: float = 600.0):
    """Hold the instance's publishing lock (where its folder is local) while publishing."""
    root = getattr(context.instance, "root_directory", None)
    if not root or not Path(root).is_dir():
        yield
        return
    with file_lock(Path(root) / INSTANCE_LOCK, timeout, "another run of this Dagster instance is publishing"):
        context.log.info(PUBLISHING_STARTS)
        yield


@asset(
    key=PUBLISHED_RELEASE,
    ins={
        "indicators_table": AssetIn(INDICATORS_TABLE),
        "articles_table": AssetIn(ARTICLES_TABLE),
        "observations_table": AssetIn(OBSERVATIONS_TABLE),
    },
    group_name=RELEASE_GROUP,
    kinds={"parquet", "csv"},
    pool=PUBLISH_POOL,
)
def published_release(
    context: AssetExecutionContext,
    indicators_table: RowFile,
    articles_table: pd.DataFrame,
    observations_table: RowFile,
    folders: IndicatorFolders,
) -> MaterializeResult:
    """A new release in the output folder (`releases/<version>/` with Parquet, CSV,
    datapackage.json, SHA256SUMS and a README of what changed) of the indicators, articles and
    observations tables, then the latest files.
    A run that changes nothing publishes nothing new. Every materialization shows the latest
    release and what it changed (articles added, changed and removed, files set aside, rows,
    observations), whatever its run did; a run that publishes is tagged `indicators/release`."""
    output = folders.output
    tables = {"indicators": indicators_table, "articles": articles_table, "observations": observations_table}
    with one_publisher_per_instance(context):
        result = output.publish(tables, EXTRACTOR_VERSION)
    for action in result.recovered:
        context.log.warning(f"output folder: {action}")
    if result.published:
        context.log.info(f"published release {result.version} in {result.folder}")
        context.instance.add_run_tags(context.run.run_id, {RELEASE_TAG: result.version})
    else:
        context.log.info(f"nothing changed since release {result.version}; nothing new published")
    summary = release_summary(indicators_table, articles_table)
    files = result.files or output.release_files(result.version)
    return MaterializeResult(
        metadata={
            **latest_release_metadata(result.published, result.latest, observations_table),
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
