"""Loading the published data as schema-checked, hash-verified inputs.

from pipelines.publishing.loading import load_indicators
indicators = load_indicators("outputs")            # the release that outputs/LATEST names
indicators = load_indicators("outputs/releases/1.3.0")
indicators = load_indicators("s3://bucket/indicators/indicators.parquet")
"""

from __future__ import annotations

import io
import os
import posixpath

import fsspec
import pandas as pd
import pandera.errors
import pyarrow as arrow
from pyarrow import parquet

from schemas.contract import type_mismatches

from .integrity import LATEST, SUMS, NotVerified, Pointer, parse_sums, sha256_hex
from .releases import TABLES
from .validation import ContractErrors

__all__ = ["ContractErrors", "NotVerified", "load_articles", "load_indicators", "load_table"]

_TABLES = {table.name: table for table in TABLES}


def _read_sums(fs, folder: str) -> dict[str, str] | None:
    path = posixpath.join(folder, SUMS)
    return parse_sums(fs.cat_file(path).decode("utf-8")) if fs.exists(path) else None


def _expected_hash(fs, folder: str, name: str) -> tuple[str, str]:
    """(the path to read, the sha256 it must have) for `name` in `folder`: an output folder
    (through LATEST and the release's SHA256SUMS) or a release folder (its SHA256SUMS)."""
    if fs.exists(posixpath.join(folder, LATEST)):
        pointer = Pointer.from_bytes(fs.cat_file(posixpath.join(folder, LATEST)))
        release = posixpath.join(folder, "releases", pointer.version)
        sums_path = posixpath.join(release, SUMS)
        if not fs.exists(sums_path):
            raise NotVerified(f"{folder}/{LATEST} names release {pointer.version}, which has no {SUMS}")
        sums_bytes = fs.cat_file(sums_path)
        if sha256_hex(sums_bytes) != pointer.sums_sha256:
            raise NotVerified(f"{sums_path} does not hash to what {folder}/{LATEST} says")
        sums = parse_sums(sums_bytes.decode("utf-8"))
        if name not in sums:
            raise NotVerified(f"release {pointer.version} lists no {name}")
        return posixpath.join(release, name), sums[name]
    sums = _read_sums(fs, folder)
    if sums is None:
        raise NotVerified(
            f"{folder} has neither {LATEST} nor {SUMS}: there is nothing to check {name} against. "
            "Load a published output or release folder, or pass verify=False to read it unchecked."
        )
    if name not in sums:
        raise NotVerified(f"{folder}/{SUMS} lists no {name}")
    return posixpath.join(folder, name), sums[name]


def read_published_bytes(
    source: str | os.PathLike, table: str, storage_options: dict | None = None, verify: bool = True
) -> tuple[str, bytes]:
    """(where it was read, its bytes) of a published Parquet file, the bytes checked against
    its release first."""
    location = os.fspath(source)
    fs, path = fsspec.core.url_to_fs(location, **(storage_options or {}))
    given_file = path.endswith(".parquet")
    if not given_file and not fs.isdir(path):
        raise FileNotFoundError(f"{location} is neither a folder of published files nor a .parquet file")
    folder, name = posixpath.split(path) if given_file else (path, f"{table}.parquet")
    label = location if given_file else posixpath.join(location, name)
    if not verify:
        return label, fs.cat_file(posixpath.join(folder, name))
    release_file, wanted = _expected_hash(fs, folder, name)
    data = fs.cat_file(posixpath.join(folder, name) if given_file else release_file)
    actual = sha256_hex(data)
    if actual != wanted:
        raise NotVerified(
            f"{label} hashes to {actual}, but its release says {wanted}: "
            "it was changed or damaged after publication (or is a copy from another release). "
            "The next run rebuilds the top-level files; the release folder holds the verified one."
        )
    return label, data


def _without_pandas_index(stored: arrow.Table) -> arrow.Table:
    """The table without the index columns pandas stores (`__index_level_0__` after a
    filter): they are a frame's labels, not columns of the table."""
    pandas_metadata = stored.schema.pandas_metadata or {}
    index_columns = [c for c in pandas_metadata.get("index_columns", []) if isinstance(c, str)]
    return stored.drop_columns(index_columns) if index_columns else stored


def frame_of_contract(data: bytes, table: str, label: str) -> pd.DataFrame:
    """The Parquet bytes as a DataFrame, if every column is stored with the contract's Arrow
    type (or a lossless form of it, `LOSSLESS_FORMS`) and every value meets its pandera
    model; else `ContractErrors` naming the file and every failing column."""
    stored = _without_pandas_index(parquet.read_table(io.BytesIO(data)))
    expected = _TABLES[table].arrow_schema
    mismatches = type_mismatches(stored.schema, expected)
    if mismatches:
        raise ContractErrors.from_type_mismatches(label, mismatches)
    # the contract's own types, so a large_string column reads like a string one
    columns = [stored.column(name).cast(expected.field(name).type) for name in stored.column_names]
    frame = arrow.Table.from_arrays(columns, names=stored.column_names).to_pandas()
    try:
        return _TABLES[table].model.validate(frame, lazy=True)
    except pandera.errors.SchemaErrors as errors:
        raise ContractErrors.from_schema_errors(label, errors) from None


def load_table(
    source: str | os.PathLike, table: str, storage_options: dict | None = None, verify: bool = True
) -> pd.DataFrame:
    """A published table (`indicators` or `articles`), hash-verified, then checked against
    the contract: its stored Arrow types exactly, then its values by the pandera model.

    Raises `NotVerified` if the bytes do not hash to what the release says (or a folder has
    no `SHA256SUMS` or `LATEST` to say it; `verify=False` skips this), and `ContractErrors`
    (a `pandera.errors.SchemaErrors`; all failures at once, in its `failure_cases`) if the
    table does not meet the contract, so an analysis never starts from data it cannot trust.
    """
    label, data = read_published_bytes(source, table, storage_options, verify)
    return frame_of_contract(data, table, label)


def load_indicators(
    source: str | os.PathLike = "outputs", storage_options: dict | None = None, verify: bool = True
) -> pd.DataFrame:
    """The published indicators from an output folder, a release folder, or a path or URL
    of `indicators.parquet` (local, `file://`, `s3://`, `https://`: anything fsspec reads),
    as a DataFrame verified against its release's SHA256SUMS and validated by
    `schemas.contract.IndicatorsModel`."""
    return load_table(source, "indicators", storage_options, verify)


def load_articles(
    source: str | os.PathLike = "outputs", storage_options: dict | None = None, verify: bool = True
) -> pd.DataFrame:
    """The published articles table, verified, and validated by `schemas.contract.ArticlesModel`."""
    return load_table(source, "articles", storage_options, verify)


def load_observations(
    source: str | os.PathLike = "outputs", storage_options: dict | None = None, verify: bool = True
) -> pd.DataFrame:
    """The published observations (one row per series point), verified, and validated by
    `schemas.contract.ObservationsModel`."""
    return load_table(source, "observations", storage_options, verify)
