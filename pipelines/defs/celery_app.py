"""The Celery app that workers run: `celery -A pipelines.defs.celery_app worker -Q dagster`.

It takes its broker and backend from the same variables as the executor
(`INDICATORS_CELERY_BROKER`, `INDICATORS_CELERY_BACKEND`), so workers and runs meet on
the same queue.
"""

from dagster_celery.make_app import make_app
from dagster_celery.tasks import create_execute_job_task, create_resume_job_task, create_task

from pipelines.settings import CELERY_BACKEND, CELERY_BROKER, required

app = make_app(
    {
        "broker": required(CELERY_BROKER),
        "backend": CELERY_BACKEND.read() or required(CELERY_BROKER),
    }
)
app.conf.update(task_default_queue="dagster", worker_prefetch_multiplier=1, task_acks_late=True)

execute_plan = create_task(app)
execute_job = create_execute_job_task(app)
resume_job = create_resume_job_task(app)
