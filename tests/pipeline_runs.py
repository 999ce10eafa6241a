"""Running the Dagster assets in-process against temporary folders."""

from __future__ import annotations

from pathlib import Path

from dagster import DagsterInstance, materialize

from pipelines.definitions import ASSETS, CHECKS
from pipelines.defs.resources import IndicatorFolders


def run_pipeline(
    raw: Path, out: Path, instance: DagsterInstance | None = None, raise_on_error: bool = True, **options
):
    """Materialise every asset (and its checks) once, as `make run` does; `options` are
    further fields of the `folders` resource (`max_seconds_per_article=…`)."""
    return materialize(
        [*ASSETS, *CHECKS],
        resources={"folders": IndicatorFolders(raw_dir=str(raw), output_dir=str(out), **options)},
        instance=instance or DagsterInstance.ephemeral(),
        raise_on_error=raise_on_error,
    )


def materialization_metadata(result, asset: str) -> dict:
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == asset:
            return {k: v.value for k, v in event.materialization.metadata.items()}
    raise KeyError(asset)
