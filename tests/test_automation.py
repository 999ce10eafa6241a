"""The sensor starts a run when the raw folder changes, and only then."""

import os

from dagster import DagsterInstance, RunRequest, SkipReason, build_sensor_context

from pipelines.defs.automation import raw_folder_sensor
from pipelines.defs.resources import IndicatorFolders


def _evaluate(raw, cursor=None):
    folders = IndicatorFolders(raw_dir=str(raw), output_dir=str(raw.parent / "outputs"))
    context = build_sensor_context(
        cursor=cursor, instance=DagsterInstance.ephemeral(), resources={"folders": folders}
    )
    return raw_folder_sensor(context), context.cursor


def test_the_sensor_fires_on_new_or_changed_files_only(folders):
    raw, _ = folders
    (raw / "a.txt").write_text("投资5亿元。", "utf-8")
    first, cursor = _evaluate(raw)
    assert isinstance(first, RunRequest)
    again, same = _evaluate(raw, cursor)
    assert isinstance(again, SkipReason) and same == cursor
    (raw / "b.txt").write_text("增长5%。", "utf-8")
    added, _ = _evaluate(raw, cursor)
    assert isinstance(added, RunRequest) and added.run_key != first.run_key
    stat = (raw / "a.txt").stat()
    os.utime(raw / "a.txt", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    changed, _ = _evaluate(raw, cursor)
    assert isinstance(changed, RunRequest)


def test_the_sensor_skips_a_missing_raw_folder(tmp_path):
    result, _ = _evaluate(tmp_path / "nowhere")
    assert isinstance(result, SkipReason) and "does not exist" in result.skip_message
