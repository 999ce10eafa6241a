"""When the pipeline runs: every day, and whenever files in the raw folder change."""

import hashlib
import os

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    SensorEvaluationContext,
    SkipReason,
    define_asset_job,
    sensor,
)
from upath import UPath

from pipelines.publishing.storage import is_remote

from .names import DAILY_SCHEDULE, PUBLISH_JOB, RAW_FOLDER_SENSOR
from .resources import IndicatorFolders

publish_job = define_asset_job(
    PUBLISH_JOB,
    selection=AssetSelection.all(),
    description="Read raw/, extract, validate and publish a release.",
    # One publishing run at a time on the instance (see pipelines/instance.yaml).
    tags={"indicators/publish": "true"},
)

daily_schedule = ScheduleDefinition(
    name=DAILY_SCHEDULE,
    job=publish_job,
    cron_schedule="0 6 * * *",
    execution_timezone="UTC",
    default_status=DefaultScheduleStatus.RUNNING,
    description="Pick up the day's new articles at 06:00 UTC.",
)


def raw_folder_fingerprint(folders: IndicatorFolders) -> str:
    """Names, sizes and modification times (or object tags) of the raw folder's files, hashed."""
    digest = hashlib.sha256()
    location = folders.raw_location
    if is_remote(location):
        root = UPath(location)
        if not root.exists():
            return ""
        for info in sorted(root.fs.ls(root.path, detail=True), key=lambda i: i["name"]):
            digest.update(
                f"{info['name']}\0{info.get('size')}\0{info.get('ETag', info.get('mtime'))}\n".encode()
            )
        return digest.hexdigest()
    if not os.path.isdir(location):
        return ""
    entries = []
    for folder, subfolders, files in os.walk(location, followlinks=False):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        entries += [os.path.join(folder, name) for name in files if not name.startswith(".")]
    for path in sorted(entries):
        stat = os.lstat(path)
        digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


@sensor(
    name=RAW_FOLDER_SENSOR,
    job=publish_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Starts a run when files in the raw folder are added, changed or removed.",
)
def raw_folder_sensor(context: SensorEvaluationContext, folders: IndicatorFolders):
    fingerprint = raw_folder_fingerprint(folders)
    if not fingerprint:
        return SkipReason(f"the raw folder {folders.raw_location} does not exist")
    if fingerprint == context.cursor:
        return SkipReason("no file in the raw folder was added, changed or removed")
    context.update_cursor(fingerprint)
    return RunRequest(run_key=fingerprint)
