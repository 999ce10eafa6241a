"""Publishing like a data publisher: releases, the data package, loading with the contract."""

import hashlib
import shutil

import duckdb
import frictionless
import pandas as pd
import pandera.errors
import polars as pl
import pyarrow.parquet as pq
import pytest

from pipelines.publishing.loading import load_articles, load_indicators
from pipelines.publishing.releases import RELEASE_FILES, OutputFolder
from schemas import export
from schemas.contract import ARTICLE_COLUMNS, INDICATOR_COLUMNS

from .conftest import SEED_ARTICLE
from .pipeline_runs import materialization_metadata, run_pipeline

NEW_ARTICLE = "南方电网2026年固定资产投资将达到1800亿元，同比增长12%，新建变电站35座。\n"


def _published(raw, out):
    result = run_pipeline(raw, out)
    assert result.success
    return (
        materialization_metadata(result, "indicator_rows"),
        materialization_metadata(result, "published_release"),
    )


@pytest.fixture
def published(folders):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    _published(raw, out)
    return raw, out


def test_a_second_run_with_nothing_changed_extracts_nothing_and_publishes_nothing(published):
    raw, out = published
    rows, release = _published(raw, out)
    assert rows["articles_extracted"] == 0 and rows["articles_reused"] == 1
    assert release["published_new_release"] is False
    assert OutputFolder(out).release_versions() == ["1.1.0"]


def test_adding_one_article_extracts_exactly_one_and_the_readme_says_so(published):
    raw, out = published
    (raw / "new_article.txt").write_text(NEW_ARTICLE, "utf-8")
    rows, release = _published(raw, out)
    assert rows["articles_extracted"] == 1 and rows["articles_reused"] == 1
    assert release["version"] == "1.2.0" and release["articles_added"] == 1 and release["rows_added"] == 3
    readme = (out / "releases" / "1.2.0" / "README.md").read_text("utf-8")
    assert "articles added: 1 (`new_article`)" in readme and "rows added: 3" in readme
    assert set(pd.read_parquet(out / "indicators.parquet")["article_id"]) == {
        "000_6548d97651490993",
        "new_article",
    }


def test_a_removed_article_leaves_the_next_release_and_old_releases_stay_readable(published):
    raw, out = published
    (raw / "new_article.txt").write_text(NEW_ARTICLE, "utf-8")
    _published(raw, out)
    (raw / "new_article.txt").unlink()
    _, release = _published(raw, out)
    assert release["version"] == "1.3.0" and release["articles_removed"] == 1
    assert "new_article" not in set(load_indicators(out)["article_id"])
    assert "new_article" in set(load_indicators(out / "releases" / "1.2.0")["article_id"])


def test_a_new_extractor_version_re_extracts_everything(published, monkeypatch):
    raw, out = published
    (raw / "new_article.txt").write_text(NEW_ARTICLE, "utf-8")
    monkeypatch.setattr("pipelines.defs.extract.EXTRACTOR_VERSION", "99.0.0")
    monkeypatch.setattr("pipelines.publishing.tables.EXTRACTOR_VERSION", "99.0.0")
    rows, _ = _published(raw, out)
    assert rows["articles_extracted"] == 2 and rows["articles_reused"] == 0


def test_a_release_is_a_complete_immutable_folder(published):
    _, out = published
    release = out / "releases" / "1.1.0"
    assert {p.name for p in release.iterdir()} == set(RELEASE_FILES)
    for line in (release / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((release / name).read_bytes()).hexdigest() == digest
    for name in ("indicators.parquet", "indicators.csv", "datapackage.json"):
        assert (out / name).read_bytes() == (release / name).read_bytes()


def test_frictionless_validates_the_data_package_and_catches_tampering(published):
    _, out = published
    report = frictionless.validate(out / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    package = frictionless.Package(out / "datapackage.json")
    assert package.version == "1.1.0" and package.licenses and package.sources
    fields = {f.name: f for f in package.get_resource("indicators").schema.fields}
    assert fields["measure"].constraints["enum"] == ["level", "share", "ratio", "growth", "duration"]
    tampered = out / "articles.csv"
    tampered.write_bytes(tampered.read_bytes().replace(b"ok", b"OK"))
    assert not frictionless.validate(out / "datapackage.json").valid


def test_parquet_has_the_explicit_schema_and_provenance(published):
    _, out = published
    parquet = pq.ParquetFile(out / "indicators.parquet")
    schema = parquet.schema_arrow
    assert str(schema.field("metric").type) == "string" and str(schema.field("value").type) == "double"
    assert parquet.metadata.row_group(0).column(0).compression == "ZSTD"
    metadata = {k.decode(): v.decode() for k, v in schema.metadata.items()}
    assert metadata["dataset_version"] == "1.1.0" and metadata["extractor_version"]
    articles = pq.ParquetFile(out / "articles.parquet").schema_arrow
    assert str(articles.field("published_date").type) == "timestamp[us, tz=UTC]"


def test_pandas_duckdb_and_polars_read_the_latest_files(published):
    _, out = published
    for name, columns in (("indicators", INDICATOR_COLUMNS), ("articles", ARTICLE_COLUMNS)):
        csv, parquet = str(out / f"{name}.csv"), str(out / f"{name}.parquet")
        expected = len(pd.read_parquet(parquet))
        frames = [
            pd.read_csv(csv, encoding="utf-8-sig"),
            duckdb.sql(f"select * from read_csv('{csv}', header=true)").df(),
            duckdb.sql(f"select * from read_parquet('{parquet}')").df(),
            pl.read_csv(csv).to_pandas(),
            pl.read_parquet(parquet).to_pandas(),
        ]
        for frame in frames:
            assert list(frame.columns) == list(columns) and len(frame) == expected
    text = (out / "indicators.csv").read_bytes()
    assert text.startswith(b"\xef\xbb\xbf") and "万亿元".encode() in text


def test_load_indicators_checks_the_contract(published, tmp_path):
    _, out = published
    table = load_indicators(out)
    assert len(table) > 40 and list(table.columns) == list(INDICATOR_COLUMNS)
    assert len(load_indicators((out / "indicators.parquet").as_uri())) == len(table)
    assert len(load_articles(out)) == 1
    broken = pd.read_parquet(out / "indicators.parquet")
    broken.loc[0, "measure"] = "vibes"
    broken.to_parquet(tmp_path / "indicators.parquet")
    with pytest.raises(pandera.errors.SchemaErrors):
        load_indicators(tmp_path / "indicators.parquet", verify=False)


def test_exported_schemas_are_in_step_with_the_code():
    assert export.main(["--check"]) == 0


def test_make_schemas_says_what_it_wrote(tmp_path, capsys):
    from schemas import export

    assert export.main(["--dir", str(tmp_path)]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first and all(line.startswith("wrote ") and line.endswith("(new)") for line in first)
    (tmp_path / "articles.pandera.yaml").write_text("stale\n", "utf-8")
    assert export.main(["--dir", str(tmp_path)]) == 0
    again = capsys.readouterr().out.splitlines()
    assert f"wrote {tmp_path / 'articles.pandera.yaml'} (changed)" in again
    assert sum(line.endswith("(unchanged)") for line in again) == len(first) - 1
