"""Raw and published files on S3-compatible object storage (moto's S3 server on 127.0.0.1)."""

import shutil

import pandas as pd
import pytest

from pipelines.publishing.loading import load_indicators
from pipelines.publishing.reading import read_raw_folder
from pipelines.publishing.releases import RELEASE_FILES, OutputFolder

from .conftest import SEED_ARTICLE
from .pipeline_runs import run_pipeline
from .services import s3_server

s3fs = pytest.importorskip("s3fs", reason="s3fs is not installed (pip install -e '.[distributed]')")


@pytest.fixture(scope="module")
def s3_endpoint():
    with s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint, monkeypatch, request):
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_ENDPOINT_URL", s3_endpoint)
    monkeypatch.setenv("INDICATORS_RELEASE_TIME", "2026-11-26T00:00:00+00:00")
    s3fs.S3FileSystem.clear_instance_cache()
    fs = s3fs.S3FileSystem()
    name = f"indicators-{request.node.name.replace('_', '-')[:40].lower()}"
    fs.mkdir(name)
    return fs, name


def test_the_same_raw_files_publish_the_same_release_locally_and_on_object_storage(bucket, folders):
    fs, name = bucket
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "new_article.txt").write_text("南方电网2026年固定资产投资将达到1800亿元，同比增长12%。\n", "utf-8")
    for path in raw.iterdir():
        fs.pipe(f"{name}/raw/{path.name}", path.read_bytes())

    assert run_pipeline(raw, out).success
    assert run_pipeline(f"s3://{name}/raw", f"s3://{name}/outputs").success

    for file in RELEASE_FILES:
        local = (out / "releases" / "1.1.0" / file).read_bytes()
        assert fs.cat_file(f"{name}/outputs/releases/1.1.0/{file}") == local, file
    remote = load_indicators(f"s3://{name}/outputs/indicators.parquet")
    pd.testing.assert_frame_equal(remote, load_indicators(out))


def test_an_unchanged_object_store_publishes_nothing_new(bucket):
    fs, name = bucket
    fs.pipe(f"{name}/raw/a.txt", "全省地区生产总值达14.58万亿元，同比增长5%。".encode())
    assert run_pipeline(f"s3://{name}/raw", f"s3://{name}/outputs").success
    assert run_pipeline(f"s3://{name}/raw", f"s3://{name}/outputs").success
    assert OutputFolder(f"s3://{name}/outputs").release_versions() == ["1.1.0"]


def test_an_unfinished_release_on_object_storage_is_cleared(bucket):
    fs, name = bucket
    fs.pipe(f"{name}/raw/a.txt", "投资5亿元。".encode())
    assert run_pipeline(f"s3://{name}/raw", f"s3://{name}/outputs").success
    fs.pipe(f"{name}/outputs/releases/1.2.0/indicators.csv", b"half")  # a killed writer, no SHA256SUMS
    output = OutputFolder(f"s3://{name}/outputs")
    assert output.release_versions() == ["1.1.0"]
    assert any("unfinished" in action for action in output.recover())
    assert not fs.exists(f"{name}/outputs/releases/1.2.0")


def test_reading_raw_files_from_object_storage_sets_bad_ones_aside(bucket):
    fs, name = bucket
    fs.pipe(f"{name}/raw/good.txt", "投资5亿元。".encode("gb18030"))
    fs.pipe(f"{name}/raw/empty.txt", b"")
    articles = {a.file_name: a for a in read_raw_folder(f"s3://{name}/raw")}
    assert articles["good.txt"].ok and articles["good.txt"].encoding == "gb18030"
    assert articles["empty.txt"].status == "empty"
