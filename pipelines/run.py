"""`make run`: one run of the `publish_indicators` job in this process, then what it published.

The run is the job the schedule and the sensor launch, so it carries the `indicators/publish`
tag, and its publishing step takes the `indicators_publish` pool's slot and the instance's
publishing lock like every other publisher (pipelines/defs/publish.py). It is recorded in the
Dagster instance of `$DAGSTER_HOME`, so it shows in the UI with its full, debug-level log.

What it prints is for a person at a terminal: a line per step that has something to say
(each extraction batch, and every `INDICATORS_BATCH_ARTICLES` articles in a long one), the
warnings, then one summary: "Published release N: …" or "Nothing changed: release N (date)
is still the latest". Its exit status is 0 unless the run failed.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time

from dagster import DagsterInstance, Field, logger
from dagster._core.log_manager import LOG_RECORD_METADATA_ATTR

from pipelines.definitions import defs
from pipelines.defs.names import PUBLISH_JOB, PUBLISHED_RELEASE
from pipelines.defs.resources import folders_from_environment
from pipelines.publishing.integrity import NotVerified
from pipelines.report import summary
from pipelines.settings import EXECUTOR


class ProgressFormatter(logging.Formatter):
    """`11:33:10 indicator_rows.extract_batch_5: batch 5: extracted 1, reused 0, …`: the time, the step
    and the message, without the job name and run id that Dagster's console lines repeat."""

    def format(self, record: logging.LogRecord) -> str:
        meta = getattr(record, LOG_RECORD_METADATA_ATTR, None) or {}
        message = meta.get("orig_message") or record.getMessage()
        step = meta.get("step_key")
        event = meta.get("dagster_event")
        if event is not None and event.is_step_failure:  # what went wrong, not only where
            message = f"{message} {failure_message(event)}"
        level = "" if record.levelno < logging.WARNING else f"{record.levelname}: "
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        return f"{stamp} {level}{step + ': ' if step else ''}{message}"


def failure_message(event) -> str:
    """The innermost error of a failed step, in a line: the pipeline's own message (an output
    folder inside the raw folder, a contract check that failed), not Dagster's wrapper."""
    error = event.step_failure_data.error if event.step_failure_data else None
    while error is not None and error.cause is not None:
        error = error.cause
    return " ".join(error.message.split()) if error is not None else ""


# Dagster's error line for each step left out because an earlier one failed.
NOT_EXECUTING = re.compile(r"Dependencies for step \S+ .*Not executing\.", re.S)


class SkippedSteps(logging.Filter):
    """Drops the line per step that did not run because an earlier one failed: the failure
    itself is said once, with its reason, and the run's last line names the failed steps."""

    def filter(self, record: logging.LogRecord) -> bool:
        meta = getattr(record, LOG_RECORD_METADATA_ATTR, None) or {}
        event = meta.get("dagster_event")
        if event is not None and event.is_step_skipped:
            return False
        return not NOT_EXECUTING.fullmatch(meta.get("orig_message") or record.getMessage())


@logger(
    Field({"log_level": Field(str, is_required=False, default_value="INFO")}),
    description="Progress lines on the terminal: time, step and message, INFO and above.",
)
def progress_logger(init_context) -> logging.Logger:
    progress = logging.Logger("indicators.run", level=init_context.logger_config["log_level"])
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(ProgressFormatter())
    handler.addFilter(SkippedSteps())
    progress.addHandler(handler)
    return progress


# Warnings of the library's own Python loggers that a step also logs through Dagster (a file
# set aside, a repair of the output folder): shown once, as the step's line.
ALSO_IN_THE_RUN_LOG = {
    ("pipelines.publishing.reading", "_set_aside"),
    ("pipelines.publishing.releases", "recover"),
}


def _show_library_warnings() -> None:
    """The `pipelines.*` Python loggers' warnings on stdout, in the progress lines' form and
    order, rather than on stderr through Python's last-resort handler."""
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(ProgressFormatter())
    handler.addFilter(lambda record: (record.name, record.funcName) not in ALSO_IN_THE_RUN_LOG)
    library = logging.getLogger("pipelines")
    library.setLevel(logging.WARNING)
    library.addHandler(handler)
    library.propagate = False


def _release_metadata(result) -> dict:
    for event in result.get_asset_materialization_events():
        if event.asset_key == PUBLISHED_RELEASE:
            return {key: value.value for key, value in event.materialization.metadata.items()}
    return {}


def main() -> int:
    if not os.environ.get("DAGSTER_HOME"):
        print("DAGSTER_HOME is not set: `make run` sets it to .dagster_home/", file=sys.stderr)
        return 2
    _show_library_warnings()
    if EXECUTOR.read() != "in_process":
        print(
            f"INDICATORS_EXECUTOR={EXECUTOR.read()}: make run runs every step in this process all the same; "
            "`.venv/bin/dagster job execute -m pipelines.definitions -j publish_indicators` uses the executor"
        )
    output = folders_from_environment().output
    job = defs.resolve_job_def(PUBLISH_JOB).with_logger_defs({"console": progress_logger})
    with DagsterInstance.get() as instance:
        # Loggers named in the run config replace Dagster's default, a DEBUG console logger.
        run_config = {"loggers": {"console": {"config": {"log_level": "INFO"}}}}
        result = job.execute_in_process(run_config, instance=instance, raise_on_error=False)
    sys.stdout.flush()
    print()
    if not result.success:
        failed = [e.step_key for e in result.all_events if e.is_step_failure]
        print(f"The run failed ({', '.join(failed) or 'see the log above'}): nothing new was published.")
        print(f"Its whole log: run {result.run_id} in the UI (`make dev`).")
        try:
            print("\n".join(summary(output)))
        except (NotVerified, OSError) as problem:  # the next run repairs the folder
            print(f"The output folder {output.root} needs repair: {problem}")
        return 1
    metadata = _release_metadata(result)
    published = metadata.get("published_new_release") is True
    changes = {k: v for k, v in metadata.items() if isinstance(v, int) and not isinstance(v, bool)}
    print("\n".join(summary(output, published, changes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
