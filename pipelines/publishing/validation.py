"""Validating a table against its pandera model, and the report of what failed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.errors

from .files import atomic_write, csv_bytes

FAILURE_COLUMNS = ["schema_context", "column", "check", "check_number", "failure_case", "index"]


def validate_table(table: pd.DataFrame, model) -> pd.DataFrame | None:
    """None when the table meets the model, else one row per failure case."""
    try:
        model.validate(table, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        cases = errors.failure_cases.copy()
        for column in FAILURE_COLUMNS:
            if column not in cases.columns:
                cases[column] = None
        return cases[FAILURE_COLUMNS].reset_index(drop=True)
    return None


def write_failure_report(failures: pd.DataFrame, path: Path) -> Path:
    """The failing rows and checks as a CSV beside the releases (never inside one)."""
    atomic_write(path, csv_bytes(failures.astype(str)))
    return path
