"""Publishing that trusts nothing unverified (issue 15): kills at every write point, a full
disk, tampered and damaged files, lost SHA256SUMS. After each, the latest release is one
complete release and the next run publishes what a run that was never disturbed publishes."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import uuid

import pandas as pd
import pyarrow.parquet as pq
import pytest

from pipelines.publishing import releases
from pipelines.publishing.integrity import LATEST, SUMS, NotVerified, Pointer, parse_sums, sha256_hex
from pipelines.publishing.loading import load_articles, load_indicators
from pipelines.publishing.releases import RELEASE_FILES, TOP_FILES, OutputFolder

from .conftest import SEED_ARTICLE
from .pipeline_runs import materialization_metadata, run_pipeline

NEW_ARTICLE = "南方电网2026年固定资产投资将达到1800亿元，同比增长12%，新建变电站35座。\n"
OTHER_ARTICLE = "全省规模以上工业增加值增长6.1%，社会消费品零售总额达4.2万亿元。\n"


def _run(raw, out):
    result = run_pipeline(raw, out)
    assert result.success
    return result


def _tables(folder) -> dict[str, pd.DataFrame]:
    """The latest release's tables, read through LATEST and verified."""
    return {"indicators": load_indicators(folder), "articles": load_articles(folder)}


def assert_one_complete_release_is_latest(out) -> str:
    """LATEST names a release whose SHA256SUMS it hashes and whose every file verifies."""
    pointer = Pointer.from_bytes((out / LATEST).read_bytes())
    release = out / "releases" / pointer.version
    assert sha256_hex((release / SUMS).read_bytes()) == pointer.sums_sha256
    sums = parse_sums((release / SUMS).read_text())
    assert set(sums) | {SUMS} == set(RELEASE_FILES)
    for name, digest in sums.items():
        assert sha256_hex((release / name).read_bytes()) == digest, name
    return pointer.version


def assert_in_order(out) -> None:
    """After a run: the top-level files are the latest release's, no temporary file is left,
    and the latest release is sealed."""
    version = assert_one_complete_release_is_latest(out)
    release = out / "releases" / version
    for name in TOP_FILES:
        assert (out / name).read_bytes() == (release / name).read_bytes(), name
    assert not list(out.rglob(".*.tmp-*"))
    assert all(not p.stat().st_mode & 0o222 for p in release.iterdir())


def assert_same_data(out, reference) -> None:
    for name, frame in _tables(reference).items():
        pd.testing.assert_frame_equal(_tables(out)[name], frame, obj=name)


@pytest.fixture
def baseline(tmp_path_factory):
    """A raw folder whose articles are published as 1.1.0, then one article added: the
    output folder as it was (`before`) and as an undisturbed run leaves it (`reference`)."""
    root = tmp_path_factory.mktemp("baseline")
    raw, before, reference = root / "raw", root / "before", root / "reference"
    raw.mkdir()
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "other.txt").write_text(OTHER_ARTICLE, "utf-8")
    _run(raw, before)
    (raw / "new_article.txt").write_text(NEW_ARTICLE, "utf-8")
    shutil.copytree(before, reference)
    _run(raw, reference)
    return raw, before, reference


def _copy(source, target):
    shutil.copytree(source, target)
    return target


def _write_points(raw, before, tmp_path) -> list[str]:
    """Every write point of a publication, in order, as the publisher itself reports them."""
    out = _copy(before, tmp_path / "enumerate")
    reached: list[str] = []
    releases.write_point_hook = reached.append
    try:
        _run(raw, out)
    finally:
        releases.write_point_hook = None
    return reached


def _run_and_die_at(raw, out, point: str) -> None:
    """In a forked process: run the pipeline and kill -9 this process at `point`."""

    def die(reached: str) -> None:
        if reached == point:
            os.kill(os.getpid(), signal.SIGKILL)

    releases.write_point_hook = die
    run_pipeline(raw, out)
    os._exit(0)  # the point was never reached


def _killed_run(raw, out, point: str) -> None:
    child = multiprocessing.get_context("fork").Process(target=_run_and_die_at, args=(raw, out, point))
    child.start()
    child.join(300)
    assert child.exitcode == -signal.SIGKILL, f"the run was not killed at {point!r}"


def test_a_kill_at_every_write_point_leaves_one_complete_release_and_the_next_run_loses_no_row(
    baseline, tmp_path
):
    raw, before, reference = baseline
    points = _write_points(raw, before, tmp_path)
    # the publisher reports each file of the release, its SHA256SUMS, the seal, the
    # top-level copies and LATEST, each before it is written and before it is renamed
    assert len(points) == len(set(points)) >= 2 * len(RELEASE_FILES) + 1 + 2 * len(TOP_FILES) + 2
    assert points[-2:] == [f"write {LATEST}", f"replace {LATEST}"]
    old = _tables(before)
    for number, point in enumerate(points):
        out = _copy(before, tmp_path / f"killed-{number}")
        _killed_run(raw, out, point)
        version = assert_one_complete_release_is_latest(out)
        now = _tables(out)
        expected = old if version == "1.1.0" else _tables(reference)
        for name in now:
            pd.testing.assert_frame_equal(now[name], expected[name], obj=f"{name} after a kill at {point}")
        _run(raw, out)  # the next run
        assert_in_order(out)
        assert_same_data(out, reference)
        assert OutputFolder(out).release_versions() == ["1.1.0", "1.2.0"], point


def test_latest_files_from_two_releases_never_make_a_returning_article_lose_its_rows(baseline, tmp_path):
    """Case 2: the top-level indicators from 1.2.0 (without `other`), articles from 1.1.0
    (with it); then `other` comes back. It must be extracted or reused with all its rows."""
    raw, before, _ = baseline
    out = _copy(before, tmp_path / "out")
    (raw / "other.txt").unlink()
    _killed_run(raw, out, "replace articles.parquet")
    assert (out / "indicators.parquet").read_bytes() == (
        out / "releases/1.2.0/indicators.parquet"
    ).read_bytes()
    assert (out / "articles.parquet").read_bytes() == (out / "releases/1.1.0/articles.parquet").read_bytes()
    (raw / "other.txt").write_text(OTHER_ARTICLE, "utf-8")
    _run(raw, out)
    assert_in_order(out)
    articles = load_articles(out).set_index("article_id")
    indicators = load_indicators(out)
    assert articles.loc["other", "n_indicators"] == len(indicators[indicators["article_id"] == "other"]) > 0
    undisturbed = _copy(before, tmp_path / "undisturbed")
    _run(raw, undisturbed)
    pd.testing.assert_frame_equal(load_indicators(out), load_indicators(undisturbed))


@pytest.mark.parametrize("point_share", [0.2, 0.5, 0.8])
def test_a_full_disk_at_a_write_point_raises_leaves_the_previous_release_and_no_partial_file(
    baseline, tmp_path, point_share
):
    """Case 4, simulated: ENOSPC raised by the writer at a point early, midway and late in
    publication (the real tmpfs test is below)."""
    raw, before, reference = baseline
    points = _write_points(raw, before, tmp_path)
    point = points[int(len(points) * point_share)]
    out = _copy(before, tmp_path / "full")

    def disk_full(reached: str) -> None:
        if reached == point:
            raise OSError(errno.ENOSPC, "No space left on device")

    releases.write_point_hook = disk_full
    try:
        result = run_pipeline(raw, out, raise_on_error=False)
    finally:
        releases.write_point_hook = None
    assert not result.success
    assert_one_complete_release_is_latest(out)
    assert not list(out.rglob(".*.tmp-*"))
    _run(raw, out)
    assert_in_order(out)
    assert_same_data(out, reference)


@pytest.fixture
def small_tmpfs(tmp_path):
    """A real 2 MiB tmpfs, where this machine lets us mount one (root in a container that allows it)."""
    mount_point = tmp_path / "tmpfs"
    mount_point.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)], capture_output=True, check=False
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.decode().strip()}); the ENOSPC simulation runs")
    yield mount_point
    subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_a_really_full_disk_keeps_the_previous_release_and_the_next_run_recovers(baseline, small_tmpfs):
    raw, before, reference = baseline
    out = _copy(before, small_tmpfs / "outputs")
    release_bytes = sum(p.stat().st_size for p in (reference / "releases" / "1.2.0").iterdir())
    free = os.statvfs(small_tmpfs).f_bavail * os.statvfs(small_tmpfs).f_frsize
    ballast = small_tmpfs / "ballast"
    ballast.write_bytes(b"\0" * max(0, free - release_bytes // 2))  # room for half the new release
    result = run_pipeline(raw, out, raise_on_error=False)
    assert not result.success
    assert assert_one_complete_release_is_latest(out) == "1.1.0"
    assert not list(out.rglob(".*.tmp-*"))
    pd.testing.assert_frame_equal(load_indicators(out), load_indicators(before))
    ballast.unlink()
    _run(raw, out)
    assert_in_order(out)
    assert_same_data(out, reference)


def _change_one_value(path) -> None:
    """Rewrite a Parquet file with one value changed: still a valid file, wrong data."""
    table = pd.read_parquet(path)
    table.loc[0, "value"] = table.loc[0, "value"] + 1
    os.chmod(path, 0o644)
    table.to_parquet(path)


def test_a_tampered_latest_file_is_never_reused_or_loaded_and_is_quarantined(baseline, tmp_path):
    """Case 3: one value changed in the top-level indicators.parquet."""
    raw, before, reference = baseline
    out = _copy(before, tmp_path / "out")
    _change_one_value(out / "indicators.parquet")
    with pytest.raises(NotVerified, match="hashes to"):
        load_indicators(out / "indicators.parquet")
    pd.testing.assert_frame_equal(load_indicators(out), load_indicators(before))  # the release's
    result = _run(raw, out)
    assert materialization_metadata(result, "indicator_rows")["articles_reused"] == 2
    assert_in_order(out)
    assert_same_data(out, reference)
    (quarantined,) = (out / "quarantine").glob("*/indicators.parquet")
    assert pd.read_parquet(quarantined)["value"].iloc[0] != load_indicators(before)["value"].iloc[0]


def test_a_flipped_byte_in_a_latest_parquet_does_not_stop_the_next_run(baseline, tmp_path):
    """Case 6: the batches read the release, not the damaged top-level copy; publishing repairs it."""
    raw, before, reference = baseline
    out = _copy(before, tmp_path / "out")
    damaged = bytearray((out / "articles.parquet").read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    (out / "articles.parquet").write_bytes(bytes(damaged))
    _run(raw, out)
    assert_in_order(out)
    assert_same_data(out, reference)
    assert list((out / "quarantine").glob("*/articles.parquet"))


def test_a_damaged_latest_release_is_quarantined_and_every_article_is_extracted_afresh(baseline, tmp_path):
    raw, before, reference = baseline
    out = _copy(before, tmp_path / "out")
    _change_one_value(out / "releases" / "1.1.0" / "indicators.parquet")
    with pytest.raises(NotVerified):
        load_indicators(out)
    result = _run(raw, out)
    assert materialization_metadata(result, "indicator_rows")["articles_reused"] == 0
    assert_in_order(out)
    assert_same_data(out, reference)
    assert list((out / "quarantine").glob("*/releases/1.1.0/indicators.parquet"))
    assert OutputFolder(out).release_versions() == ["1.2.0"]  # 1.1.0 is never given again


def test_a_release_that_lost_its_sha256sums_is_quarantined_never_deleted(baseline, tmp_path):
    """Case 7."""
    raw, before, _ = baseline
    out = _copy(before, tmp_path / "out")
    _run(raw, out)  # 1.2.0
    (out / "releases" / "1.1.0" / SUMS).unlink()
    (out / "releases" / "1.2.0" / SUMS).unlink()
    files_before = {p.name: p.read_bytes() for p in (out / "releases" / "1.2.0").iterdir()}
    (raw / "another.txt").write_text("利润增长5%。", "utf-8")
    result = _run(raw, out)
    repairs = materialization_metadata(result, "published_release")["output_folder_repairs"]
    assert "quarantine" in repairs and "1.2.0" in repairs
    (kept,) = (out / "quarantine").glob("*/releases/1.2.0")
    assert {p.name: p.read_bytes() for p in kept.iterdir()} == files_before
    assert list((out / "quarantine").glob("*/releases/1.1.0/indicators.parquet"))
    assert_in_order(out)
    assert OutputFolder(out).release_versions() == ["1.3.0"]
    assert "another" in set(load_indicators(out)["article_id"])


def test_a_kill_between_sha256sums_and_sealing_is_sealed_by_the_next_run(baseline, tmp_path):
    """Case 10: a release complete but still writable."""
    raw, before, reference = baseline
    out = _copy(before, tmp_path / "out")
    _killed_run(raw, out, "seal releases/1.2.0")
    assert any(p.stat().st_mode & 0o222 for p in (out / "releases" / "1.2.0").iterdir())
    _run(raw, out)
    assert_in_order(out)  # the release that the killed run completed is the latest, sealed
    assert_same_data(out, reference)


def test_load_indicators_refuses_a_folder_without_sha256sums_and_checks_hashes(baseline, tmp_path):
    _, before, _ = baseline
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(before / "indicators.parquet", loose)
    with pytest.raises(NotVerified, match="neither LATEST nor SHA256SUMS"):
        load_indicators(loose)
    with pytest.raises(NotVerified):
        load_indicators(loose / "indicators.parquet")
    assert len(load_indicators(loose, verify=False)) == len(load_indicators(before))
    release = _copy(before / "releases" / "1.1.0", tmp_path / "release")
    assert len(load_indicators(release)) == len(load_indicators(before))
    _change_one_value(release / "indicators.parquet")
    with pytest.raises(NotVerified, match="changed or damaged"):
        load_indicators(release)
    pointer = json.loads((before / LATEST).read_text())
    assert pointer == {"version": "1.1.0", "sha256sums": sha256_hex((release / SUMS).read_bytes())}


def test_a_garbled_latest_pointer_is_quarantined_and_rebuilt(baseline, tmp_path):
    raw, before, reference = baseline
    out = _copy(before, tmp_path / "out")
    (out / LATEST).write_text("not a pointer " + uuid.uuid4().hex)
    with pytest.raises(NotVerified):
        load_indicators(out)
    _run(raw, out)
    assert_in_order(out)
    assert_same_data(out, reference)
    assert list((out / "quarantine").glob(f"*/{LATEST}"))


def test_an_output_folder_from_before_latest_existed_is_adopted(baseline, tmp_path):
    """A folder published by the older code (no LATEST): its newest verified release becomes the latest."""
    raw, before, reference = baseline
    out = _copy(before, tmp_path / "out")
    (out / LATEST).unlink()
    _run(raw, out)
    assert_in_order(out)
    assert_same_data(out, reference)
    assert pq.ParquetFile(out / "indicators.parquet").schema_arrow.metadata[b"dataset_version"] == b"1.2.0"


@pytest.mark.parametrize("inside", ["", "outputs", "deeper/outputs"])
def test_an_output_folder_inside_or_equal_to_the_raw_folder_is_refused_with_a_clear_message(tmp_path, inside):
    """Case 8."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED_ARTICLE, raw)
    result = run_pipeline(raw, raw / inside if inside else raw, raise_on_error=False)
    assert not result.success
    (failure,) = [e for e in result.all_events if e.is_step_failure]
    assert "raw folder" in str(failure.event_specific_data.error) and "INDICATORS_OUTPUT_DIR" in str(
        failure.event_specific_data.error
    )
    assert sorted(p.name for p in raw.rglob("*")) == [SEED_ARTICLE.name]  # nothing written
