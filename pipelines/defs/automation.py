"""When the pipeline runs: every day, and whenever files in the raw folder change."""

import hashlib
import os
from pathlib import Path

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

from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.publishing.integrity import NotVerified
from pipelines.publishing.reading import list_raw_files, name_refusal, printable_name
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


UNREAD = "0" * 64  # the sha256 of an `articles` row whose file was not read (refused, unreadable)


def published_as_it_is(folders: IndicatorFolders) -> str:
    """Why the raw folder is not exactly what the latest release read, or "" if it is: the
    same files by name, each with the sha256 that the release's `articles` table records
    (a file it did not read, refused or unreadable, still one it would not read), and the
    same extractor version. Names are compared first; files are hashed only when every name
    matches, once, on the sensor's first tick. Local raw folders only."""
    location = folders.raw_location
    if is_remote(location):
        return "an object-store raw folder is not compared with the release"
    try:
        manifest = folders.output.latest_manifest()
        if manifest is None:
            return "nothing is published yet"
        if manifest.get("x-extractor-version") != EXTRACTOR_VERSION:
            return "the extractor changed since the latest release"
        articles = folders.output.read_table("articles")
    except NotVerified as problem:
        return f"the latest release does not verify ({problem})"
    root = Path(location)
    try:
        files = {printable_name(path.relative_to(root).as_posix()): path for path in list_raw_files(root)}
        recorded = dict(zip(articles["file_name"], articles["sha256"]))
        if set(files) != set(recorded):
            return "files were added or removed since the latest release"
        for name, path in files.items():
            if recorded[name] == UNREAD:
                if not name_refusal(path.name) and not path.is_symlink() and path.is_file():
                    return f"{name} was set aside unread, and is a file to read now"
            elif not path.is_file() or path.is_symlink() or _sha256(path) != recorded[name]:
                return f"{name} changed since the latest release"
    except OSError as problem:  # a file moved or unreadable meanwhile: let a run sort it out
        return f"the raw folder could not be compared: {problem}"
    return ""


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
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
    first_tick = not context.cursor
    context.update_cursor(fingerprint)
    # No cursor yet (a new daemon, `make dev` started): the folder may well be what the
    # latest release already holds, and a run would publish nothing.
    if first_tick:
        difference = published_as_it_is(folders)
        if not difference:
            return SkipReason("the raw folder holds exactly the files the latest release read")
        context.log.info(f"first look at the raw folder: {difference}")
    return RunRequest(run_key=fingerprint)
