"""What each asset shows in the UI: row count, first rows, and the contract's columns."""

import pandas as pd
from dagster import MetadataValue, TableColumn, TableSchema

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


def table_metadata(frame: pd.DataFrame, schema: TableSchema, **extra) -> dict:
    return {
        "dagster/row_count": len(frame),
        "dagster/column_schema": schema,
        "preview": preview(frame),
        **extra,
    }


def _markdown(frame: pd.DataFrame) -> str:
    return frame.to_markdown(index=False) if len(frame) else "none"


def release_summary(indicators: pd.DataFrame, articles: pd.DataFrame) -> dict:
    """A release at a glance: counts, rows by unit and measure, set-aside files, largest values."""
    ok = articles[articles["status"] == "ok"]
    set_aside = articles[articles["status"] != "ok"][["file_name", "status", "reason"]]
    by_unit = indicators.groupby("unit").size().sort_values(ascending=False).rename("rows").reset_index()
    by_measure = (
        indicators.groupby("measure").size().sort_values(ascending=False).rename("rows").reset_index()
    )
    largest = indicators.nlargest(10, "value")[["article_id", "surface", "value", "unit", "metric"]]
    return {
        "articles": len(ok),
        "raw_files": len(articles),
        "rows": len(indicators),
        "rows_by_unit": MetadataValue.md(_markdown(by_unit.head(30))),
        "rows_by_measure": MetadataValue.md(_markdown(by_measure)),
        "set_aside_files": MetadataValue.md(_markdown(set_aside)),
        "largest_values": MetadataValue.md(_markdown(largest)),
    }


def files_table(files: dict[str, dict]) -> MetadataValue:
    """Each file of a release with its size and hash."""
    if not files:
        return MetadataValue.md("(no new release)")
    lines = ["| file | bytes | sha256 |", "|---|---|---|"]
    lines += [f"| {name} | {info['bytes']} | `{info['sha256']}` |" for name, info in sorted(files.items())]
    return MetadataValue.md("\n".join(lines))
