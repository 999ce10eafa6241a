"""Every `INDICATORS_*` setting the pipeline reads, with its default and meaning, in one place.

Read here and nowhere else, so that the README's table of settings and the code cannot drift
apart (a test looks for `INDICATORS_` environment reads anywhere else in `pipelines/`).
"""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: str | None
    meaning: str

    def read(self) -> str | None:
        value = os.environ.get(self.name)
        return self.default if value in (None, "") else value


RAW_DIR = Setting("INDICATORS_RAW_DIR", "raw", "the folder (or s3:// URL) articles are read from")
OUTPUT_DIR = Setting("INDICATORS_OUTPUT_DIR", "outputs", "the folder (or s3:// URL) releases are written to")
MAX_ARTICLE_BYTES = Setting(
    "INDICATORS_MAX_ARTICLE_BYTES", str(20 * 1024 * 1024), "a larger raw file is set aside as too large"
)
BATCH_ARTICLES = Setting(
    "INDICATORS_BATCH_ARTICLES",
    "2000",
    "articles an extraction batch reads and holds at a time (each slice's rows go to a file): "
    "memory follows this, not the corpus",
)
MAX_SECONDS_PER_ARTICLE = Setting(
    "INDICATORS_MAX_SECONDS_PER_ARTICLE",
    "60",
    "an article whose extraction takes longer is set aside as `failed`, so it cannot stall the run "
    "(0: no limit)",
)
QUERY_MEMORY = Setting(
    "INDICATORS_QUERY_MEMORY",
    "256MB",
    "the memory DuckDB may use for the queries over the whole table (observations, the release "
    "diff, unique ids); beyond it, it spills to a temporary folder",
)
EXECUTOR = Setting("INDICATORS_EXECUTOR", "in_process", "`in_process` (one process) or `celery`")
CELERY_BROKER = Setting("INDICATORS_CELERY_BROKER", None, "the Celery broker URL (`redis://host:6379/0`)")
CELERY_BACKEND = Setting("INDICATORS_CELERY_BACKEND", None, "the Celery result backend; the broker if unset")
IO_DIR = Setting("INDICATORS_IO_DIR", None, "where step outputs go (`s3://bucket/dagster-io`); unset: local")
RELEASE_TIME = Setting(
    "INDICATORS_RELEASE_TIME", None, "a fixed ISO 8601 `created` stamp, for reproducible rebuilds"
)
PG_URL = Setting("INDICATORS_PG_URL", None, "the PostgreSQL URL of the distributed Dagster instance")
HOMEPAGE = Setting(
    "INDICATORS_HOMEPAGE",
    None,
    "the web page of the published data, written as the data package's `homepage`",
)
PURE_PYTHON = Setting(
    "INDICATORS_PURE_PYTHON",
    None,
    "`1`: load the pure-Python extraction library although a compiled build is present (`make compiled`)",
)

SETTINGS = (
    RAW_DIR,
    OUTPUT_DIR,
    MAX_ARTICLE_BYTES,
    BATCH_ARTICLES,
    MAX_SECONDS_PER_ARTICLE,
    QUERY_MEMORY,
    EXECUTOR,
    CELERY_BROKER,
    CELERY_BACKEND,
    IO_DIR,
    RELEASE_TIME,
    PG_URL,
    HOMEPAGE,
    PURE_PYTHON,
)


def required(setting: Setting) -> str:
    """The value of a setting that has no default, or a clear error naming it."""
    value = setting.read()
    if value is None:
        raise RuntimeError(f"{setting.name} is not set: {setting.meaning}")
    return value
