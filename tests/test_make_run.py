"""What `make run` prints (issue 13 item 12): progress at INFO, no Dagster debug lines or
warnings, then one summary that says whether the run published a release or changed nothing.
The real `make run`, in a child process, on a small raw folder with its own DAGSTER_HOME."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dagster import DagsterInstance

from pipelines.report import counted

from .conftest import REPO, SEED_ARTICLE

VENV = Path(sys.executable).parent.parent
# Python's warnings (`DeprecationWarning`, Dagster's `SupersessionWarning` …), not log levels
WARNING = re.compile(r"[A-Z]\w*Warning\b|warnings\.warn|[Dd]eprecat|[Ss]uperseded")
DATE = r"\d{4}-\d{2}-\d{2}"


def _make_run(tmp_path: Path, raw: Path, out: Path, succeeds: bool = True, **extra: str) -> list[str]:
    """`make run` with this interpreter's environment as its venv (never reinstalled here), and
    Python's warnings shown, not filtered as the Makefile's default would."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {
        **os.environ,
        "DAGSTER_HOME": str(tmp_path / "dagster_home"),
        "INDICATORS_RAW_DIR": str(raw),
        "INDICATORS_OUTPUT_DIR": str(out),
        "PYTHONWARNINGS": "default",
        "PYTHONPATH": str(REPO),
        **extra,
    }
    stamp = f"{VENV}/.installed-run"
    command = ["make", "--no-print-directory", "-o", stamp, "run", f"VENV={VENV}"]
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    output = done.stdout + done.stderr
    assert (done.returncode == 0) == succeeds, output[-4000:]
    return output.splitlines()


def test_make_run_prints_progress_then_whether_it_published(tmp_path):
    raw, out = tmp_path / "raw", tmp_path / "outputs"
    raw.mkdir()
    text = SEED_ARTICLE.read_text("utf-8")
    for k in range(9):  # nine articles in eight batches: one batch holds two at least
        (raw / f"article_{k}.txt").write_text(f"{text}\n第{k + 1}季度完成投资{k + 2}亿元。\n", "utf-8")
    (raw / "empty.txt").write_bytes(b"")

    # a slice of one article: every batch with two articles or more says how far it is
    first = _make_run(tmp_path, raw, out, INDICATORS_BATCH_ARTICLES="1")
    shown = "\n".join(first)
    assert not [line for line in first if "DEBUG" in line], shown
    assert not [line for line in first if WARNING.search(line)], shown
    assert len(first) <= 40, shown  # no line per article or per Dagster event
    assert re.search(r"batch \d: 1 of [2-9] articles extracted", shown), shown
    (published,) = [line for line in first if line.startswith("Published release")]
    assert re.fullmatch(
        r"Published release 1\.1\.0: [\d,]+ indicators and [\d,]+ observations? from 9 articles; "
        r"1 raw file set aside \(9 articles added, 1 file newly set aside, [\d,]+ rows added\)\.",
        published,
    ), shown
    assert "Nothing changed" not in shown and "1 articles" not in shown

    second = _make_run(tmp_path, raw, out)
    shown = "\n".join(second)
    assert not [line for line in second if "DEBUG" in line or WARNING.search(line)], shown
    assert len(second) <= 30, shown
    assert not [line for line in second if line.startswith("Published")], shown
    (nothing,) = [line for line in second if line.startswith("Nothing changed")]
    assert re.match(rf"Nothing changed: release 1\.1\.0 \({DATE}\) is still the latest: ", nothing), nothing
    assert "from 9 articles; 1 raw file set aside." in nothing

    # every run `make run` made can publish, so it is a run of the job that carries the queue's tag
    runs = DagsterInstance.from_config(str(tmp_path / "dagster_home")).get_runs()
    assert len(runs) == 2
    assert all(run.job_name == "publish_indicators" for run in runs)
    assert all(run.tags.get("indicators/publish") == "true" for run in runs)


def test_a_failed_make_run_says_why_once_and_publishes_nothing(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED_ARTICLE, raw)
    lines = _make_run(tmp_path, raw, raw / "outputs", succeeds=False)
    shown = "\n".join(lines)
    assert len(lines) <= 12 and not [line for line in lines if "DEBUG" in line], shown
    assert "Not executing" not in shown  # no line per step left out
    (failure,) = [line for line in lines if 'step "raw_articles" failed.' in line]
    assert "is inside the raw folder" in failure, shown
    assert "The run failed (raw_articles): nothing new was published." in lines, shown
    assert not (raw / "outputs").exists()


def test_the_summary_counts_in_words():
    assert counted(1, "article") == "1 article"
    assert counted(0, "article") == "0 articles"
    assert counted(12345, "indicator") == "12,345 indicators"
    assert counted(1, "raw file") == "1 raw file"
