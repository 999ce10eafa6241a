"""The contract's exported forms: pandera YAML and Frictionless Table Schema JSON.

    python -m schemas.export          # rewrite the files in schemas/
    python -m schemas.export --check  # fail if they are out of step with the code

A test runs the check, so the files in this folder always say what the code enforces.
"""

from __future__ import annotations

import argparse
import json
import sys
import warnings
from pathlib import Path

import pyarrow as arrow

from .contract import (
    ARTICLES_ARROW_SCHEMA,
    INDICATORS_ARROW_SCHEMA,
    MEASURES,
    OBSERVATIONS_ARROW_SCHEMA,
    QUALIFIERS,
    ArticlesModel,
    IndicatorsModel,
    ObservationsModel,
)

HERE = Path(__file__).parent
_ENUMS = {"qualifier": list(QUALIFIERS), "measure": list(MEASURES)}


def _field_type(arrow_type: arrow.DataType) -> str:
    if arrow.types.is_floating(arrow_type):
        return "number"
    if arrow.types.is_integer(arrow_type):
        return "integer"
    if arrow.types.is_timestamp(arrow_type):
        return "datetime"
    return "string"


def table_schema(model, arrow_schema: arrow.Schema, units: list[str] | None = None) -> dict:
    """A Frictionless Table Schema for a pandera model and its Arrow schema."""
    columns = model.to_schema().columns
    fields = []
    for arrow_field in arrow_schema:
        column = columns[arrow_field.name]
        field: dict = {
            "name": arrow_field.name,
            "type": _field_type(arrow_field.type),
            "title": column.title,
            "description": column.description,
        }
        constraints: dict = {}
        # In CSV an empty cell is missing: a text column that may be empty is not required.
        may_be_empty = field["type"] == "string" and not any(
            c.statistics.get("min_value", 0) for c in column.checks if c.name == "str_length"
        )
        if not column.nullable and not may_be_empty:
            constraints["required"] = True
        if column.unique:
            constraints["unique"] = True
        if arrow_field.name in _ENUMS:
            constraints["enum"] = _ENUMS[arrow_field.name]
            # an empty qualifier is exact, not missing
            constraints.pop("required", None)
        if arrow_field.name == "unit" and units:
            constraints["enum"] = units
        if arrow_field.name == "status":
            constraints["enum"] = list(
                model.to_schema().columns["status"].checks[0].statistics["allowed_values"]
            )
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict = {"fields": fields, "missingValues": [""]}
    unique_keys = [name for name, c in columns.items() if c.unique]
    if unique_keys:
        schema["primaryKey"] = unique_keys
    return schema


def exported_files() -> dict[str, str]:
    """File name → text of every exported form."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        files = {
            "indicators.pandera.yaml": IndicatorsModel.to_schema().to_yaml(),
            "articles.pandera.yaml": ArticlesModel.to_schema().to_yaml(),
            "observations.pandera.yaml": ObservationsModel.to_schema().to_yaml(),
        }
    files["indicators.tableschema.json"] = (
        json.dumps(table_schema(IndicatorsModel, INDICATORS_ARROW_SCHEMA), ensure_ascii=False, indent=2)
        + "\n"
    )
    files["articles.tableschema.json"] = (
        json.dumps(table_schema(ArticlesModel, ARTICLES_ARROW_SCHEMA), ensure_ascii=False, indent=2) + "\n"
    )
    files["observations.tableschema.json"] = (
        json.dumps(table_schema(ObservationsModel, OBSERVATIONS_ARROW_SCHEMA), ensure_ascii=False, indent=2)
        + "\n"
    )
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the files are in step")
    parser.add_argument("--dir", type=Path, default=HERE, help="where to write them (default: schemas/)")
    args = parser.parse_args(argv)
    stale = []
    for name, text in exported_files().items():
        path = args.dir / name
        before = path.read_text("utf-8") if path.exists() else None
        if args.check:
            if before != text:
                stale.append(name)
            continue
        state = "new" if before is None else "unchanged" if before == text else "changed"
        if state != "unchanged":
            path.write_text(text, "utf-8")
        print(f"wrote {path} ({state})" if state != "unchanged" else f"kept {path} (unchanged)")
    if stale:
        print(f"out of step with schemas/contract.py: {', '.join(stale)}; run python -m schemas.export")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
