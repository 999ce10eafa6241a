"""The validated tables, and the blocking checks that keep a bad table from publication."""

from datetime import UTC, datetime

import pandas as pd
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetCheckSeverity,
    AssetExecutionContext,
    AssetIn,
    MetadataValue,
    Output,
    TableRecord,
    asset,
    asset_check,
)

from pipelines.publishing.listing import listed_articles
from pipelines.publishing.observations import conflicts, largest_series, write_observations
from pipelines.publishing.rowfiles import RowFile, rows_of
from pipelines.publishing.tables import BatchRows, sorted_rows
from pipelines.publishing.tables import articles_table as build_articles_table
from pipelines.publishing.validation import validate_rows, write_failure_report
from schemas.contract import ArticlesModel, IndicatorsModel, ObservationsModel

from .execution import run_folder
from .metadata import (
    ARTICLES_COLUMN_SCHEMA,
    INDICATORS_COLUMN_SCHEMA,
    OBSERVATIONS_COLUMN_SCHEMA,
    table_metadata,
    text_table,
)
from .names import (
    ARTICLES_CONTRACT_CHECK,
    ARTICLES_TABLE,
    INDICATOR_ROWS,
    INDICATORS_CONTRACT_CHECK,
    INDICATORS_TABLE,
    OBSERVATIONS_CONTRACT_CHECK,
    OBSERVATIONS_TABLE,
    TABLES_GROUP,
)
from .resources import IndicatorFolders


@asset(
    key=INDICATORS_TABLE,
    ins={"indicator_rows": AssetIn(INDICATOR_ROWS)},
    group_name=TABLES_GROUP,
    kinds={"pandas"},
)
def indicators_table(context: AssetExecutionContext, indicator_rows: BatchRows) -> Output[RowFile]:
    """The indicators table as it will be published, in one Parquet file of the run's
    folder: the contract's columns, in a stable row order, merged by article from the
    batches' sorted files in bounded memory. Its contract check must pass before anything
    is published."""
    table = sorted_rows(indicator_rows, f"{run_folder(context)}/indicators.parquet")
    return Output(table, metadata=table_metadata(table, INDICATORS_COLUMN_SCHEMA))


@asset(
    key=ARTICLES_TABLE,
    ins={
        "indicator_rows": AssetIn(INDICATOR_ROWS),
        "indicators_table": AssetIn(INDICATORS_TABLE),
    },
    group_name=TABLES_GROUP,
    kinds={"pandas"},
)
def articles_table(indicator_rows: BatchRows, indicators_table: RowFile) -> Output[pd.DataFrame]:
    """One row per raw file: title, publisher, date, sha256, encoding, length, rows given
    (counted by the batches), and `ok` or why it was set aside (or `failed` where the
    extractor raised on it), from the raw listing the extraction hands on with its rows."""
    listing = listed_articles(indicator_rows.listing)
    table = build_articles_table(listing, indicator_rows.counts, indicator_rows.failed)
    set_aside = table[table["status"] != "ok"]
    return Output(
        table,
        metadata=table_metadata(
            table,
            ARTICLES_COLUMN_SCHEMA,
            files_set_aside=text_table(set_aside[["file_name", "status", "reason"]], "none"),
        ),
    )


@asset(
    key=OBSERVATIONS_TABLE,
    ins={"indicators_table": AssetIn(INDICATORS_TABLE)},
    group_name=TABLES_GROUP,
    kinds={"pandas"},
)
def observations_table(context: AssetExecutionContext, indicators_table: RowFile) -> Output[RowFile]:
    """One row per series point (region, indicator, measure, unit, qualifier, reference
    period) of the rows with an indicator code: its value, how many mentions and articles
    report it, the first source, and whether the mentions agree. Its contract check must
    pass before anything is published."""
    table = write_observations(indicators_table, f"{run_folder(context)}/observations.parquet")
    in_conflict, _ = conflicts(table, 0)
    metadata = table_metadata(
        table,
        OBSERVATIONS_COLUMN_SCHEMA,
        observations_in_conflict=in_conflict,
        # the series with the most periods, a bar per point: the plot the UI can show
        largest_series=text_table(largest_series(table), "no series yet"),
    )
    return Output(table, metadata=metadata)


def _check(context, table, model, folders: IndicatorFolders, name: str) -> AssetCheckResult:
    failures = validate_rows(table, model)
    if failures is None:
        return AssetCheckResult(passed=True, metadata={"rows_checked": rows_of(table).n_rows})
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    report = write_failure_report(failures, folders.output.root / "validation" / f"{stamp}-{name}.csv")
    context.log.error(f"{name}: {len(failures)} failure cases; nothing is published. Report: {report}")
    shown = failures.head(200).astype(str)
    return AssetCheckResult(
        passed=False,
        severity=AssetCheckSeverity.ERROR,
        metadata={
            "failure_cases": MetadataValue.table(
                [TableRecord(record) for record in shown.to_dict(orient="records")]
            ),
            "failure_count": len(failures),
            "report": MetadataValue.path(str(report)),
        },
    )


@asset_check(asset=INDICATORS_TABLE, name=INDICATORS_CONTRACT_CHECK, blocking=True)
def indicators_meet_contract(
    context: AssetCheckExecutionContext, indicators_table: RowFile, folders: IndicatorFolders
) -> AssetCheckResult:
    """Every row meets the pandera model of schemas/contract.py (types, units, qualifiers,
    measures, periods, spans, unique ids), checked batch by batch, ids across batches."""
    return _check(context, indicators_table, IndicatorsModel, folders, INDICATORS_CONTRACT_CHECK)


@asset_check(asset=OBSERVATIONS_TABLE, name=OBSERVATIONS_CONTRACT_CHECK, blocking=True)
def observations_meet_contract(
    context: AssetCheckExecutionContext, observations_table: RowFile, folders: IndicatorFolders
) -> AssetCheckResult:
    """Every observation meets the pandera model of schemas/contract.py (keys, unique ids, counts, agreement)."""
    return _check(context, observations_table, ObservationsModel, folders, OBSERVATIONS_CONTRACT_CHECK)


@asset_check(asset=ARTICLES_TABLE, name=ARTICLES_CONTRACT_CHECK, blocking=True)
def articles_meet_contract(
    context: AssetCheckExecutionContext, articles_table: pd.DataFrame, folders: IndicatorFolders
) -> AssetCheckResult:
    """Every raw file has one well-formed row in the articles table."""
    return _check(context, articles_table, ArticlesModel, folders, ARTICLES_CONTRACT_CHECK)
