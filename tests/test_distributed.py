"""The distributed setup against real services on 127.0.0.1: a PostgreSQL-backed instance,
the Celery executor on Redis with two workers, raw and published files and step outputs in
moto's S3. Its release must be byte-identical to the local run's."""

import os
import shutil
import subprocess

import pytest

from pipelines.publishing.releases import RELEASE_FILES

from .conftest import SEED_ARTICLE
from .pipeline_runs import run_pipeline
from .services import BIN, REPO, celery_workers, postgres_server, redis_server, s3_server

pytest.importorskip("dagster_celery", reason="dagster-celery is missing: pip install -e '.[distributed]'")
pytest.importorskip("dagster_postgres", reason="dagster-postgres is missing: pip install -e '.[distributed]'")
s3fs = pytest.importorskip("s3fs", reason="s3fs is missing: pip install -e '.[distributed]'")

RELEASE_TIME = "2026-11-26T06:00:00+00:00"
ARTICLES = {
    "guangdong": SEED_ARTICLE.read_text("utf-8"),
    "grid": "南方电网2026年固定资产投资将达到1800亿元，同比增长12%，新建变电站35座。\n",
    "gb18030": "2025年，全市地区生产总值达5234.56亿元，同比增长5.6%。\n",
}


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    with postgres_server() as pg_url, redis_server() as redis_url, s3_server() as s3_url:
        yield {"pg": pg_url, "redis": redis_url, "s3": s3_url, "tmp": tmp_path_factory.mktemp("distributed")}


def _environment(services, bucket: str) -> dict:
    home = services["tmp"] / "dagster_home"
    home.mkdir(exist_ok=True)
    shutil.copy(REPO / "pipelines" / "instance-distributed.yaml", home / "dagster.yaml")
    env = dict(os.environ)
    env.update(
        DAGSTER_HOME=str(home),
        INDICATORS_PG_URL=services["pg"],
        INDICATORS_EXECUTOR="celery",
        INDICATORS_CELERY_BROKER=f"{services['redis']}/0",
        INDICATORS_CELERY_BACKEND=f"{services['redis']}/1",
        INDICATORS_IO_DIR=f"s3://{bucket}/dagster-io",
        INDICATORS_RAW_DIR=f"s3://{bucket}/raw",
        INDICATORS_OUTPUT_DIR=f"s3://{bucket}/outputs",
        INDICATORS_RELEASE_TIME=RELEASE_TIME,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
        AWS_ENDPOINT_URL=services["s3"],
        PYTHONWARNINGS="ignore",
    )
    return env


def test_celery_workers_publish_the_release_the_local_run_publishes(services, folders, monkeypatch):
    bucket = "indicators-distributed"
    env = _environment(services, bucket)
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL"):
        monkeypatch.setenv(key, env[key])
    monkeypatch.setenv("INDICATORS_RELEASE_TIME", RELEASE_TIME)
    s3fs.S3FileSystem.clear_instance_cache()
    fs = s3fs.S3FileSystem()
    fs.mkdir(bucket)
    raw, out = folders
    for name, text in ARTICLES.items():
        data = text.encode("gb18030" if name == "gb18030" else "utf-8")
        (raw / f"{name}.txt").write_bytes(data)
        fs.pipe(f"{bucket}/raw/{name}.txt", data)

    assert run_pipeline(raw, out).success  # the local default, in-process

    with celery_workers(env, count=2, log_dir=services["tmp"]) as logs:
        done = subprocess.run(
            [str(BIN / "dagster"), "job", "execute", "-m", "pipelines.definitions", "-j", "publish_indicators"],
            env=env, cwd=REPO, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        worked = [log.read_text() for log in logs]
    # Steps ran on the workers, not in the launching process.
    assert sum(text.count("succeeded") for text in worked) >= 10, worked
    for file in RELEASE_FILES:
        assert (
            fs.cat_file(f"{bucket}/outputs/releases/1.1.0/{file}")
            == (out / "releases" / "1.1.0" / file).read_bytes()
        ), file

    # The run and its events are in PostgreSQL.
    import psycopg2

    with psycopg2.connect(services["pg"]) as connection:
        cursor = connection.cursor()
        cursor.execute("select status from runs")
        assert [row[0] for row in cursor.fetchall()] == ["SUCCESS"]


def test_the_instance_queues_publishing_runs_one_at_a_time():
    import yaml

    for name in ("instance.yaml", "instance-distributed.yaml"):
        config = yaml.safe_load((REPO / "pipelines" / name).read_text())
        limits = config["concurrency"]["runs"]["tag_concurrency_limits"]
        assert {"key": "indicators/publish", "limit": 1} in limits, name
    from pipelines.definitions import defs

    assert defs.resolve_job_def("publish_indicators").tags["indicators/publish"] == "true"
