"""The sensor starts a run when the raw folder changes, and only then."""

import os

from dagster import DagsterInstance, RunRequest, SkipReason, build_sensor_context

from pipelines.defs.automation import raw_folder_sensor
from pipelines.defs.resources import IndicatorFolders

from .pipeline_runs import run_pipeline


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


def test_the_sensor_s_first_tick_skips_a_folder_the_latest_release_already_read(folders):
    """`make dev` started over a published folder: no run, though the cursor is empty; a
    file changed (same name, same size), added or removed meanwhile: a run (issue 13 item 15)."""
    raw, out = folders
    (raw / "a.txt").write_text("全年投资5亿元，增长5%。", "utf-8")
    (raw / "sub").mkdir()
    (raw / "sub" / "b.txt").write_text("粮食产量1.2万吨。", "utf-8")
    (raw / "scan.bin").write_bytes(b"\x00\x01")  # set aside unread: its name is no text's
    (raw / "empty.txt").write_bytes(b"")
    run_pipeline(raw, out)

    first, cursor = _evaluate(raw)
    assert isinstance(first, SkipReason), first
    assert "exactly the files the latest release read" in first.skip_message
    assert cursor  # the cursor is set: the next ticks compare names, sizes and times only
    again, same = _evaluate(raw, cursor)
    assert isinstance(again, SkipReason) and same == cursor

    before = (raw / "a.txt").stat()
    (raw / "a.txt").write_text("全年投资6亿元，增长5%。", "utf-8")  # same size, other text
    os.utime(raw / "a.txt", ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time
    changed, _ = _evaluate(raw)
    assert isinstance(changed, RunRequest)
    (raw / "a.txt").write_text("全年投资5亿元，增长5%。", "utf-8")
    assert isinstance(_evaluate(raw)[0], SkipReason)

    (raw / "c.txt").write_text("出口增长3%。", "utf-8")
    assert isinstance(_evaluate(raw)[0], RunRequest)
    (raw / "c.txt").unlink()
    (raw / "sub" / "b.txt").unlink()
    assert isinstance(_evaluate(raw)[0], RunRequest)


def test_the_sensor_s_first_tick_runs_when_nothing_is_published(folders):
    raw, _ = folders
    (raw / "a.txt").write_text("投资5亿元。", "utf-8")
    first, cursor = _evaluate(raw)
    assert isinstance(first, RunRequest) and cursor == first.run_key
