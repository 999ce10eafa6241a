"""What each asset shows in the UI: row count, first rows, and the contract's columns."""

from collections import Counter

import pandas as pd
from dagster import MetadataValue, TableColumn, TableSchema

from pipelines.publishing.rowfiles import rows_of
from schemas.contract import ARTICLES_ARROW_SCHEMA, INDICATORS_ARROW_SCHEMA, ArticlesModel, IndicatorsModel

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


def preview(frame: pd.DataFrame, rows: int = 10, drop: tuple[str, ...] = ("sentence",)) -> MetadataValue:
    shown = frame.drop(columns=[c for c in drop if c in frame.columns]).head(rows)
    return MetadataValue.md(shown.to_markdown(index=False) if len(shown) else "(no rows)")


def table_metadata(table, schema: TableSchema, **extra) -> dict:
    """Row count, columns and first rows of a frame or of rows on disk (`RowFile`)."""
    rows = rows_of(table)
    return {
        "dagster/row_count": rows.n_rows,
        "dagster/column_schema": schema,
        "preview": preview(rows.head(10)),
        **extra,
    }


def _markdown(frame: pd.DataFrame) -> str:
    return frame.to_markdown(index=False) if len(frame) else "none"


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
        "rows_by_unit": MetadataValue.md(_markdown(_counted(by_unit).head(30))),
        "rows_by_measure": MetadataValue.md(_markdown(_counted(by_measure))),
        "set_aside_files": MetadataValue.md(_markdown(set_aside)),
        "largest_values": MetadataValue.md(_markdown(largest if largest is not None else pd.DataFrame())),
    }


def _counted(counts: Counter) -> pd.DataFrame:
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return pd.DataFrame(ordered, columns=["name", "rows"])


def files_table(files: dict[str, dict]) -> MetadataValue:
    """Each file of a release with its size and hash."""
    if not files:
        return MetadataValue.md("(no new release)")
    lines = ["| file | bytes | sha256 |", "|---|---|---|"]
    lines += [f"| {name} | {info['bytes']} | `{info['sha256']}` |" for name, info in sorted(files.items())]
    return MetadataValue.md("\n".join(lines))
