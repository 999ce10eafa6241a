"""Validating a table against its pandera model, and the report of what failed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.errors

from schemas.contract import TypeMismatch

from .files import atomic_write, csv_bytes
from .outofcore import repeated_across_batches
from .rowfiles import rows_of

FAILURE_COLUMNS = ["schema_context", "column", "check", "check_number", "failure_case", "index"]
# The failures a message lists; all of them are in `failure_cases`.
SHOWN_FAILURES = 20
STORED_TYPE_CHECK = "stored_arrow_type"


def _failure_frame(cases: pd.DataFrame) -> pd.DataFrame:
    cases = cases.copy()
    for column in FAILURE_COLUMNS:
        if column not in cases.columns:
            cases[column] = None
    return cases[FAILURE_COLUMNS].reset_index(drop=True)


class ContractErrors(pandera.errors.SchemaErrors):
    """A table that does not meet the contract, every failure at once.

    `failure_cases` has one row per failure (column, check, failing value, row index), and
    the message lists them with their values as written: pandera's own message escapes
    Chinese (`\\u4e07\\u5143`). A `SchemaErrors`, so code that catches pandera's error
    catches this one too.
    """

    def __init__(
        self,
        source: str,
        failure_cases: pd.DataFrame,
        errors: pandera.errors.SchemaErrors | None = None,
        type_mismatches: list[TypeMismatch] | None = None,
    ):
        self.source = source
        self.type_mismatches = type_mismatches or []
        self.failure_cases = _failure_frame(failure_cases)
        self.schema = errors.schema if errors else None
        self.schema_errors = errors.schema_errors if errors else []
        self.data = errors.data if errors else None
        self.error_counts = errors.error_counts if errors else {"WRONG_DATATYPE": len(self.failure_cases)}
        self.message = self._text()
        Exception.__init__(self, self.message)

    @classmethod
    def from_schema_errors(cls, source: str, errors: pandera.errors.SchemaErrors) -> ContractErrors:
        return cls(source, errors.failure_cases, errors)

    @classmethod
    def from_type_mismatches(cls, source: str, mismatches: list[TypeMismatch]) -> ContractErrors:
        """The columns a file stores with types the contract does not allow: stored type as
        the failure case, the expected one in the check."""
        cases = pd.DataFrame(
            {
                "schema_context": "Column",
                "column": [m.column for m in mismatches],
                "check": [f"{STORED_TYPE_CHECK}({m.expected})" for m in mismatches],
                "failure_case": [m.stored for m in mismatches],
            }
        )
        return cls(source, cases, type_mismatches=mismatches)

    def _text(self) -> str:
        header = f"{self.source} does not meet the contract: {len(self.failure_cases)} failure(s)"
        footer = "Every failure is in the exception's `failure_cases` (a DataFrame)."
        return "\n".join([header, *self._failure_lines(), footer])

    def _failure_lines(self) -> list[str]:
        if self.type_mismatches:
            return [f"  {m.column}: {m.describe()}" for m in self.type_mismatches]
        cases = self.failure_cases
        lines = []
        for case in cases.head(SHOWN_FAILURES).itertuples(index=False):
            row = "" if pd.isna(case.index) else f" (row {case.index})"
            column = case.column if isinstance(case.column, str) else case.schema_context
            lines.append(f"  {column}: {case.check}: {case.failure_case!s}{row}")
        if len(cases) > SHOWN_FAILURES:
            lines.append(f"  … and {len(cases) - SHOWN_FAILURES} more")
        return lines

    def __str__(self) -> str:
        return self.message


def validate_table(table: pd.DataFrame, model) -> pd.DataFrame | None:
    """None when the table meets the model, else one row per failure case."""
    try:
        model.validate(table, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        return _failure_frame(errors.failure_cases)
    return None


def write_failure_report(failures: pd.DataFrame, path: Path) -> Path:
    """The failing rows and checks as a CSV beside the releases (never inside one)."""
    atomic_write(path, csv_bytes(failures.astype(str)))
    return path


def validate_rows(table, model, unique: tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """`validate_table` for a table of any size (a frame or rows on disk): each batch against
    the model, then the columns the model holds unique, across batches (out of core, in
    DuckDB). None when every row meets the model."""
    rows = rows_of(table)
    if unique is None:
        unique = tuple(name for name, column in model.to_schema().columns.items() if column.unique)
    failures = []
    offset, batches = 0, 0
    for frame in rows.frames():
        frame = frame.set_axis(range(offset, offset + len(frame)))
        found = validate_table(frame, model)
        if found is not None:
            failures.append(found)
        offset += len(frame)
        batches += 1
    if batches > 1:  # one batch: the model's own check saw every value
        failures.extend(_repeated_across_batches(rows, name) for name in unique)
    failures = [f for f in failures if len(f)]
    return pd.concat(failures, ignore_index=True) if failures else None


def _repeated_across_batches(rows, name: str) -> pd.DataFrame:
    repeated = repeated_across_batches(rows, name)
    return pd.DataFrame(
        {
            "schema_context": "Column",
            "column": name,
            "check": "field_uniqueness",
            "check_number": None,
            "failure_case": repeated["value"],
            "index": repeated["index"],
        },
        columns=FAILURE_COLUMNS,
    )
