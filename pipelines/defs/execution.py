"""How runs execute, chosen by environment: in one process (the local default), or as
Celery tasks on any number of workers with step outputs in object storage."""

import pickle
from typing import Any

from dagster import (
    ExecutorDefinition,
    InitResourceContext,
    InputContext,
    IOManagerDefinition,
    OutputContext,
    UPathIOManager,
    in_process_executor,
    io_manager,
)
from upath import UPath

from pipelines.settings import CELERY_BACKEND, CELERY_BROKER, EXECUTOR, IO_DIR

EXECUTORS = ("in_process", "celery")


def executor_from_environment() -> ExecutorDefinition:
    """`INDICATORS_EXECUTOR=celery` sends each step to the Celery broker at
    `INDICATORS_CELERY_BROKER` (results to `INDICATORS_CELERY_BACKEND`)."""
    kind = EXECUTOR.read()
    if kind == "in_process":
        return in_process_executor
    if kind == "celery":
        from dagster_celery import celery_executor  # the distributed extra

        return celery_executor.configured(
            {
                "broker": {"env": CELERY_BROKER.name},
                "backend": {"env": CELERY_BACKEND.name},
                "config_source": {"worker_prefetch_multiplier": 1, "task_acks_late": True},
            },
            name="celery",
        )
    raise ValueError(f"INDICATORS_EXECUTOR={kind!r}: expected one of {', '.join(EXECUTORS)}")


class PickledUPathIOManager(UPathIOManager):
    """Step outputs as pickles under a UPath (`s3://bucket/dagster-io`, or the instance's
    storage folder), so that a step on one worker reads what a step on another wrote.

    Each run's outputs live under its own run id: two runs sharing one instance (two
    `make run`, or `make run` beside the daemon) never read each other's step outputs."""

    extension = ".pickle"

    def get_asset_relative_path(self, context: InputContext | OutputContext) -> UPath:
        producer = context if isinstance(context, OutputContext) else context.upstream_output
        return UPath(producer.run_id, *context.asset_key.path)

    def dump_to_path(self, context: OutputContext, obj: Any, path: UPath) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))

    def load_from_path(self, context: InputContext, path: UPath) -> Any:
        return pickle.loads(path.read_bytes())


@io_manager(description="Step outputs as pickles in the instance's storage folder, one folder per run.")
def run_storage_io_manager(init_context: InitResourceContext) -> PickledUPathIOManager:
    return PickledUPathIOManager(base_path=UPath(init_context.instance.storage_directory()))


def io_manager_from_environment() -> dict:
    """`INDICATORS_IO_DIR` set: step outputs go there; unset: `$DAGSTER_HOME/storage/<run id>/`."""
    location = IO_DIR.read()
    if not location:
        return {"io_manager": run_storage_io_manager}
    manager = PickledUPathIOManager(base_path=UPath(location))
    return {"io_manager": IOManagerDefinition.hardcoded_io_manager(manager)}


def run_folder(context) -> str:
    """This run's own folder for the files its steps hand on (`RowFile`s): beside its step
    outputs, under `INDICATORS_IO_DIR` or the instance's storage folder."""
    base = IO_DIR.read() or context.instance.storage_directory()
    return str(UPath(base) / context.run.run_id / "rows")
