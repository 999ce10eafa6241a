"""What each asset shows in the UI: row count, first rows, and the contract's columns.

Article text is untrusted, and the UI renders Markdown: a title holding `![x](http://…)`
would make every visitor's browser fetch that address, a `|` would shift cells under the
wrong headers. So no cell of article text ever goes into Markdown: tables are Dagster's
table metadata, whose cells the UI shows as plain text, each cleaned of control characters
and cut to `CELL_CHARS`; numbers are written as an analyst reads them, nulls as empty.
"""

import math
import numbers
import re
from collections import Counter
from datetime import UTC, datetime

import numpy as np
import pandas as pd
from dagster import MetadataValue, TableColumn, TableRecord, TableSchema

from pipelines.publishing.observations import conflicts
from pipelines.publishing.releases import ReleaseChanges
from pipelines.publishing.rowfiles import rows_of
from schemas.contract import (
    ARTICLES_ARROW_SCHEMA,
    INDICATORS_ARROW_SCHEMA,
    OBSERVATIONS_ARROW_SCHEMA,
    ArticlesModel,
    IndicatorsModel,
    ObservationsModel,
)

_TYPES = {"double": "float", "int64": "int", "string": "string", "timestamp[us, tz=UTC]": "datetime"}


def column_schema(model, arrow_schema) -> TableSchema:
    columns = model.to_schema().columns
    return TableSchema(
        columns=[
            TableColumn(
                name=f.name,
                type=_TYPES.get(str(f.type), str(f.type)),
                description=columns[f.name].description,
            )
            for f in arrow_schema
        ]
    )


INDICATORS_COLUMN_SCHEMA = column_schema(IndicatorsModel, INDICATORS_ARROW_SCHEMA)
ARTICLES_COLUMN_SCHEMA = column_schema(ArticlesModel, ARTICLES_ARROW_SCHEMA)
OBSERVATIONS_COLUMN_SCHEMA = column_schema(ObservationsModel, OBSERVATIONS_ARROW_SCHEMA)


# The longest cell a preview shows, and the columns it shortens or leaves out.
CELL_CHARS = 80
SHORTENED = {"sha256": 12, "indicator_id": 16}
LEFT_OUT = ("sentence", "extractor_version", "rules")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def cell_text(value, limit: int = CELL_CHARS) -> str:
    """A cell as plain, one-line text: nulls empty, numbers without scientific notation,
    control characters (line breaks too) as one space, at most `limit` characters."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return ""
    if isinstance(value, bool | np.bool_):
        return str(value)
    if isinstance(value, numbers.Integral):
        return f"{int(value):,}"
    if isinstance(value, numbers.Real):
        value = float(value)
        return f"{value:,.0f}" if value.is_integer() and abs(value) < 1e18 else f"{value:,.6g}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    text = _CONTROL.sub(" ", str(value)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_table(frame: pd.DataFrame, empty: str = "(no rows)") -> MetadataValue:
    """A frame as the UI's table metadata, every cell plain text (`cell_text`)."""
    if not len(frame):
        return MetadataValue.text(empty)
    columns = [str(c) for c in frame.columns]
    records = []
    for row in frame.itertuples(index=False):
        cells = {}
        for name, value in zip(columns, row):
            if name in SHORTENED:  # a hash's first characters name it well enough
                cells[name] = cell_text(value, limit=10**6)[: SHORTENED[name]]
            else:
                cells[name] = cell_text(value)
        records.append(TableRecord(cells))
    schema = TableSchema(columns=[TableColumn(name=name, type="string") for name in columns])
    return MetadataValue.table(records=records, schema=schema)


def preview(frame: pd.DataFrame, rows: int = 10, drop: tuple[str, ...] = LEFT_OUT) -> MetadataValue:
    shown = frame.drop(columns=[c for c in drop if c in frame.columns]).head(rows)
    return text_table(shown)


def table_metadata(table, schema: TableSchema, **extra) -> dict:
    """Row count, columns and first rows of a frame or of rows on disk (`RowFile`)."""
    rows = rows_of(table)
    return {
        "dagster/row_count": rows.n_rows,
        "dagster/column_schema": schema,
        "preview": preview(rows.head(10)),
        **extra,
    }


def release_summary(indicators, articles: pd.DataFrame) -> dict:
    """A release at a glance: counts, rows by unit and measure, set-aside files, largest
    values; the indicator rows read batch by batch."""
    ok = articles[articles["status"] == "ok"]
    set_aside = articles[articles["status"] != "ok"][["file_name", "status", "reason"]]
    by_unit: Counter = Counter()
    by_measure: Counter = Counter()
    largest = None
    shown = ["article_id", "surface", "value", "unit", "metric"]
    for frame in rows_of(indicators).frames():
        by_unit.update(frame["unit"].value_counts().to_dict())
        by_measure.update(frame["measure"].value_counts().to_dict())
        top = frame.nlargest(10, "value")[shown]
        largest = top if largest is None else pd.concat([largest, top]).nlargest(10, "value")
    return {
        "articles": len(ok),
        "raw_files": len(articles),
        "rows": rows_of(indicators).n_rows,
        "rows_by_unit": text_table(_counted(by_unit).head(30), "none"),
        "rows_by_measure": text_table(_counted(by_measure), "none"),
        "set_aside_files": text_table(set_aside, "none"),
        "largest_values": text_table(largest if largest is not None else pd.DataFrame(), "none"),
    }


def _counted(counts: Counter) -> pd.DataFrame:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return pd.DataFrame(ordered, columns=["name", "rows"])


def files_table(files: dict[str, dict]) -> MetadataValue:
    """Each file of a release with its size and hash."""
    rows = [
        {"file": name, "bytes": info["bytes"], "sha256": info["sha256"]}
        for name, info in sorted(files.items())
    ]
    return text_table(pd.DataFrame(rows), "(no new release)")


# What each count of a release's notes is called in the UI, in the notes' order.
CHANGE_NAMES = {
    "articles_added": "articles added",
    "articles_changed": "articles changed",
    "articles_removed": "articles removed",
    "files_set_aside": "files set aside",
    "files_newly_set_aside": "files newly set aside",
    "rows_added": "rows added",
    "rows_removed": "rows removed",
    "rows_changed": "rows changed",
    "observations_added": "observations added",
    "observations_removed": "observations removed",
    "observations_changed": "observations changed",
    "observations_in_conflict": "observations in conflict",
}
# The lists a release records, each shown as a one-column table of its own.
CHANGE_LIST_COLUMNS = {
    "articles_added": "article_id",
    "articles_changed": "article_id",
    "articles_removed": "article_id",
    "files_newly_set_aside": "file_name",
}
LISTED_IN_UI = 100


def _when(created: str) -> str:
    try:
        return datetime.fromisoformat(created).astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return cell_text(created)


def latest_release_metadata(published: bool, latest: ReleaseChanges | None, observations=None) -> dict:
    """The latest release and what it changed, on every materialization of the release
    asset, whatever its run did: a run that publishes nothing still shows the changes of
    the release it found. Every name is a cell of table metadata, never Markdown."""
    if latest is None:
        return {"this_run": MetadataValue.text("this run published nothing, and nothing is published yet")}
    when = _when(latest.created)
    this_run = (
        f"this run published release {latest.version} of {when}"
        if published
        else f"this run published nothing; latest release is {latest.version} of {when}"
    )
    shown: dict = {
        "this_run": MetadataValue.text(this_run),
        "latest_release": MetadataValue.text(latest.version),
        "latest_release_published": MetadataValue.text(when),
    }
    if not latest.recorded:
        shown["latest_release_changes"] = MetadataValue.text(
            f"release {latest.version} was published before releases recorded their changes: "
            "its README.md says what changed"
        )
        return shown
    shown["changes_since"] = MetadataValue.text(
        f"release {latest.since}" if latest.since else "nothing: the first release"
    )
    counts = [
        {"count": latest.counts[key], "change": name}
        for key, name in CHANGE_NAMES.items()
        if key in latest.counts
    ]
    shown["latest_release_changes"] = text_table(pd.DataFrame(counts), "none recorded")
    for key, column in CHANGE_LIST_COLUMNS.items():
        names = latest.lists.get(key, [])[:LISTED_IN_UI]
        total = max(latest.counts.get(key, 0), len(latest.lists.get(key, [])))
        if total > len(names):
            names = [*names, f"… and {total - len(names):,} more (see the release's articles table)"]
        shown[f"which_{key}"] = text_table(pd.DataFrame({column: names}), "none")
    if observations is not None and rows_of(observations).n_rows:
        _, in_conflict = conflicts(observations, LISTED_IN_UI)
        columns = ["indicator", "region", "reference_period", "measure", "unit", "n_mentions", "values"]
        shown["which_observations_in_conflict"] = text_table(in_conflict[columns], "none")
    return shown
