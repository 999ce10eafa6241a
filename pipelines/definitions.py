"""The Dagster code location: every asset, check, job, schedule and sensor, in one place."""

from dagster import Definitions

from pipelines.defs.automation import daily_schedule, publish_job, raw_folder_sensor
from pipelines.defs.execution import executor_from_environment, io_manager_from_environment
from pipelines.defs.extract import indicator_rows
from pipelines.defs.ingest import raw_articles
from pipelines.defs.publish import published_release
from pipelines.defs.resources import folders_from_environment
from pipelines.defs.tables import (
    articles_meet_contract,
    articles_table,
    indicators_meet_contract,
    indicators_table,
    observations_meet_contract,
    observations_table,
)

ASSETS = [
    raw_articles,
    indicator_rows,
    indicators_table,
    articles_table,
    observations_table,
    published_release,
]
CHECKS = [indicators_meet_contract, articles_meet_contract, observations_meet_contract]

defs = Definitions(
    assets=ASSETS,
    asset_checks=CHECKS,
    jobs=[publish_job],
    schedules=[daily_schedule],
    sensors=[raw_folder_sensor],
    resources={"folders": folders_from_environment(), **io_manager_from_environment()},
    # Locally one process: a run's steps are short, and a process per step costs ~15 s
    # (FACTS.md). `INDICATORS_EXECUTOR=celery` spreads the steps over Celery workers.
    executor=executor_from_environment(),
)
