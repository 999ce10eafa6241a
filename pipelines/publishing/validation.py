"""Validating a table against its pandera model, and the report of what failed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pandera.errors

from .files import atomic_write, csv_bytes
from .rowfiles import rows_of

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


def validate_rows(table, model, unique: tuple[str, ...] | None = None) -> pd.DataFrame | None:
    """`validate_table` for a table of any size (a frame or rows on disk): each batch against
    the model, then the columns the model holds unique, across batches (by hash first, so
    only a candidate's values are kept). None when every row meets the model."""
    rows = rows_of(table)
    if unique is None:
        unique = tuple(name for name, column in model.to_schema().columns.items() if column.unique)
    failures, hashes = [], {name: [] for name in unique}
    offset = 0
    for frame in rows.frames():
        frame = frame.set_axis(range(offset, offset + len(frame)))
        found = validate_table(frame, model)
        if found is not None:
            failures.append(found)
        for name in unique:
            hashes[name].append(pd.util.hash_array(frame[name].astype(str).to_numpy()))
        offset += len(frame)
    for name in unique:
        failures.extend(_repeated_across_batches(rows, name, hashes[name]))
    failures = [f for f in failures if len(f)]
    return pd.concat(failures, ignore_index=True) if failures else None


def _repeated_across_batches(rows, name: str, hashes: list) -> list[pd.DataFrame]:
    if len(hashes) < 2:
        return []  # one batch: the model's own check saw every value
    batch_of = np.concatenate([np.full(len(h), number) for number, h in enumerate(hashes)])
    every = pd.DataFrame({"hash": np.concatenate(hashes), "batch": batch_of})
    spread = every.groupby("hash")["batch"].nunique()
    suspects = set(spread[spread > 1].index)
    if not suspects:
        return []
    seen: dict[str, set[int]] = {}
    offset, positions = 0, {}
    for number, frame in enumerate(rows.frames()):
        marked = pd.util.hash_array(frame[name].astype(str).to_numpy())
        for position in np.flatnonzero(np.isin(marked, list(suspects))):
            value = frame[name].iloc[position]
            seen.setdefault(value, set()).add(number)
            positions.setdefault(value, []).append(offset + int(position))
        offset += len(frame)
    cases = [
        {
            "schema_context": "Column",
            "column": name,
            "check": "field_uniqueness",
            "check_number": None,
            "failure_case": value,
            "index": position,
        }
        for value, batches in seen.items()
        if len(batches) > 1
        for position in positions[value]
    ]
    return [pd.DataFrame(cases, columns=FAILURE_COLUMNS)] if cases else []
