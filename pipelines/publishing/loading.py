"""Loading the published data as schema-checked inputs.

from pipelines.publishing.loading import load_indicators
indicators = load_indicators("outputs")            # the latest release
indicators = load_indicators("outputs/releases/1.3.0")
indicators = load_indicators("s3://bucket/indicators/indicators.parquet")
"""

from __future__ import annotations

import os

import pandas as pd

from schemas.contract import ArticlesModel, IndicatorsModel

_MODELS = {"indicators": IndicatorsModel, "articles": ArticlesModel}


def _parquet_location(source: str | os.PathLike, table: str) -> str:
    location = os.fspath(source)
    if location.endswith(".parquet"):
        return location
    if "://" not in location and not os.path.isdir(location):
        raise FileNotFoundError(f"{location} is neither a folder of published files nor a .parquet file")
    return location.rstrip("/") + f"/{table}.parquet"


def load_table(source: str | os.PathLike, table: str, storage_options: dict | None = None) -> pd.DataFrame:
    """A published table (`indicators` or `articles`), validated by its pandera model.

    Raises `pandera.errors.SchemaErrors` (all failures at once) if the file does not meet
    the contract, so an analysis never starts from data it cannot trust.
    """
    frame = pd.read_parquet(_parquet_location(source, table), storage_options=storage_options)
    return _MODELS[table].validate(frame, lazy=True)


def load_indicators(
    source: str | os.PathLike = "outputs", storage_options: dict | None = None
) -> pd.DataFrame:
    """The published indicators from an output folder, a release folder, or a path or URL
    of `indicators.parquet` (local, `file://`, `s3://`, `https://`: anything fsspec reads),
    as a DataFrame validated by `schemas.contract.IndicatorsModel`."""
    return load_table(source, "indicators", storage_options)


def load_articles(source: str | os.PathLike = "outputs", storage_options: dict | None = None) -> pd.DataFrame:
    """The published articles table, validated by `schemas.contract.ArticlesModel`."""
    return load_table(source, "articles", storage_options)
