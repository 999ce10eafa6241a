"""Every run that can publish waits its turn, whoever launched it (issue 13 item 4, issue 15
case 1): real `python -m pipelines.run` processes, as `make run` starts them, against one
DAGSTER_HOME with the project's instance settings."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml
from dagster import DagsterEventType, DagsterInstance

from pipelines.definitions import defs
from pipelines.defs.names import PUBLISH_POOL, PUBLISHED_RELEASE
from pipelines.defs.publish import PUBLISHING_STARTS
from pipelines.publishing.integrity import LATEST
from pipelines.publishing.loading import load_articles, load_indicators

from .conftest import REPO, SEED_ARTICLE

STEP = PUBLISHED_RELEASE.to_user_string()


def _home(tmp_path) -> Path:
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy(REPO / "pipelines" / "instance.yaml", home / "dagster.yaml")
    instance = DagsterInstance.from_config(str(home))  # its databases made once, before the runs
    instance.get_runs()
    instance.event_log_storage.get_pool_limits()
    return home


def _make_run(home: Path, raw: Path, out: Path, log: Path) -> subprocess.Popen:
    """What `make run` starts: the publishing job in one process, outside the run queue."""
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "INDICATORS_RAW_DIR": str(raw),
        "INDICATORS_OUTPUT_DIR": str(out),
        "DAGSTER_DISABLE_TELEMETRY": "1",
        "PYTHONPATH": str(REPO),
    }
    command = [sys.executable, "-m", "pipelines.run"]
    return subprocess.Popen(command, cwd=REPO, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def _wait(process: subprocess.Popen, log: Path, seconds: float = 240) -> None:
    assert process.wait(seconds) == 0, log.read_text(errors="replace")[-3000:]


def _publish_intervals(instance: DagsterInstance) -> list[tuple[float, float]]:
    """When each run's publishing work began (its step holds the instance's publishing lock)
    and ended (the release's materialization, logged once the step's code has returned)."""
    intervals = []
    for run in instance.get_runs():
        logs = instance.all_logs(run.run_id)
        starts = [e.timestamp for e in logs if e.step_key == STEP and e.user_message == PUBLISHING_STARTS]
        done = [
            e.timestamp
            for e in logs
            if e.step_key == STEP and e.dagster_event_type == DagsterEventType.ASSET_MATERIALIZATION
        ]
        if starts and done:
            intervals.append((min(starts), max(done)))
    return sorted(intervals)


def test_every_publishing_step_takes_the_one_slot_of_the_publish_pool():
    assert defs.resolve_assets_def(PUBLISHED_RELEASE).op.pool == PUBLISH_POOL
    for name in ("instance.yaml", "instance-distributed.yaml"):
        config = yaml.safe_load((REPO / "pipelines" / name).read_text())
        assert config["concurrency"]["pools"]["default_limit"] == 1, name
        assert {"key": "indicators/publish", "limit": 1} in config["concurrency"]["runs"][
            "tag_concurrency_limits"
        ]
    assert defs.resolve_job_def("publish_indicators").tags["indicators/publish"] == "true"


def test_make_run_waits_while_another_run_holds_the_publish_slot(tmp_path):
    home, raw, out = _home(tmp_path), tmp_path / "raw", tmp_path / "outputs"
    raw.mkdir()
    shutil.copy(SEED_ARTICLE, raw)
    instance = DagsterInstance.from_config(str(home))
    storage = instance.event_log_storage
    storage.initialize_concurrency_limit_to_default(PUBLISH_POOL)
    assert storage.claim_concurrency_slot(PUBLISH_POOL, "another-run", STEP).is_claimed
    log = tmp_path / "run.log"
    process = _make_run(home, raw, out, log)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not _run_waits_to_publish(instance):
            assert process.poll() is None, log.read_text(errors="replace")[-3000:]
            time.sleep(0.5)
        assert _run_waits_to_publish(instance), "the run never reached its publishing step"
        time.sleep(3)
        assert process.poll() is None and not (out / LATEST).exists()  # still waiting its turn
    finally:
        storage.free_concurrency_slot_for_step("another-run", STEP)
    _wait(process, log)
    assert (out / LATEST).exists() and len(load_indicators(out)) > 40


def _run_waits_to_publish(instance: DagsterInstance) -> bool:
    """A run whose contract checks have passed and whose publishing step has not started."""
    for run in instance.get_runs():
        steps = {s.step_key: s for s in instance.get_run_step_stats(run.run_id)}
        checked = all(
            key in steps and steps[key].end_time
            for key in ("indicators_table_indicators_meet_contract", "articles_table_articles_meet_contract")
        )
        if checked and (STEP not in steps or not steps[STEP].start_time):
            return True
    return False


def test_two_make_runs_in_one_dagster_home_never_publish_together_or_mix_their_data(tmp_path):
    """Two checkouts' worth of runs side by side: each publishes its own articles with its own
    indicators, and their publishing steps never overlap."""
    home = _home(tmp_path)
    runs = {}
    for name, article in (
        ("a", SEED_ARTICLE.read_text("utf-8")),
        ("b", "南方电网固定资产投资1800亿元，增长12%。\n"),
    ):
        raw, out = tmp_path / f"raw_{name}", tmp_path / f"out_{name}"
        raw.mkdir()
        (raw / f"article_{name}.txt").write_text(article, "utf-8")
        runs[name] = (raw, out, tmp_path / f"{name}.log")
    processes = {name: _make_run(home, raw, out, log) for name, (raw, out, log) in runs.items()}
    for name, process in processes.items():
        _wait(process, runs[name][2])
    for name, (_, out, _) in runs.items():
        articles, indicators = load_articles(out), load_indicators(out)
        assert list(articles["article_id"]) == [f"article_{name}"]
        assert set(indicators["article_id"]) == {f"article_{name}"}
        assert articles["n_indicators"].iloc[0] == len(indicators)
    (first, second) = _publish_intervals(DagsterInstance.from_config(str(home)))
    assert first[1] <= second[0], "two publishing steps ran at the same time"
