"""What changed stays in view (issue 13 item 9): every materialization of `published_release`
shows the latest release and its change lists, whatever its run did, and the runs that
published a release carry a tag naming it."""

import json
import shutil

import pytest
from dagster import DagsterInstance, MarkdownMetadataValue, MetadataValue, TableMetadataValue

from .conftest import SEED_ARTICLE
from .pipeline_runs import run_pipeline

NEW_ARTICLE = "南方电网2026年固定资产投资将达到1800亿元，同比增长12%，新建变电站35座。\n"
RELEASE_TAG = "indicators/release"  # the runs list shows it: which runs published what
CHANGES = "x-changes"  # where a release's datapackage.json records what it changed
HOSTILE = "![x](pixel.png)|forged|\u2028id"


def _release_metadata(result) -> dict:
    for event in result.get_asset_materialization_events():
        if event.asset_key.to_user_string() == "published_release":
            return dict(event.materialization.metadata)
    raise KeyError("published_release")


def _show(metadata) -> None:  # what the UI shows, in the test's log where it fails
    for name, value in metadata.items():
        shown = [r.data for r in value.records] if isinstance(value, TableMetadataValue) else value.value
        print(f"{name}: {shown}")


def _column(value, column: str) -> list[str]:
    if value == MetadataValue.text("none"):  # an empty list
        return []
    assert isinstance(value, TableMetadataValue), value
    return [record.data[column] for record in value.records]


def _said(metadata) -> str:
    return metadata["this_run"].value


def _counts(metadata) -> dict[str, int]:
    table = metadata["latest_release_changes"]
    return {
        name: int(n.replace(",", "")) for name, n in zip(_column(table, "change"), _column(table, "count"))
    }


@pytest.fixture(scope="module")
def three_runs(tmp_path_factory):
    """Release 1.1.0; then 1.2.0 (two articles added, one of them with a hostile name, one
    removed, one file set aside); then a run that changes nothing. One instance for all three."""
    root = tmp_path_factory.mktemp("what-changed")
    raw, out = root / "raw", root / "outputs"
    raw.mkdir()
    instance = DagsterInstance.ephemeral()
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "gone.txt").write_text(NEW_ARTICLE.replace("1800", "1700"), "utf-8")
    assert run_pipeline(raw, out, instance).success  # 1.1.0
    (raw / "gone.txt").unlink()
    (raw / "new_article.txt").write_text(NEW_ARTICLE, "utf-8")
    (raw / f"{HOSTILE}.txt").write_text(NEW_ARTICLE.replace("1800", "1900"), "utf-8")
    (raw / "empty.txt").write_bytes(b"")
    publishing = run_pipeline(raw, out, instance)  # 1.2.0
    quiet = run_pipeline(raw, out, instance)  # nothing changed
    assert publishing.success and quiet.success
    return instance, out, publishing, quiet


def test_a_run_that_changes_nothing_still_shows_the_latest_releases_changes(three_runs):
    _, out, publishing, quiet = three_runs
    first, second = _release_metadata(publishing), _release_metadata(quiet)
    _show(second)
    assert first["published_new_release"].value is True and second["published_new_release"].value is False
    assert _said(first).startswith("this run published release 1.2.0 of ")
    package = json.loads((out / "releases" / "1.2.0" / "datapackage.json").read_text("utf-8"))
    day = package["created"][:10]
    assert _said(second).startswith(f"this run published nothing; latest release is 1.2.0 of {day}")
    for metadata in (first, second):
        assert metadata["latest_release"].value == "1.2.0"
        assert metadata["changes_since"].value == "release 1.1.0"
        assert _column(metadata["which_articles_added"], "article_id") == sorted(
            ["new_article", HOSTILE.replace("\u2028", " ")]
        )
        assert _column(metadata["which_articles_removed"], "article_id") == ["gone"]
        assert _column(metadata["which_articles_changed"], "article_id") == []
        assert _column(metadata["which_files_newly_set_aside"], "file_name") == ["empty.txt"]
        counts = _counts(metadata)
        assert counts["articles added"] == 2 and counts["articles removed"] == 1
        assert (
            counts["files newly set aside"] == 1 and counts["rows added"] >= 3 and counts["rows removed"] >= 3
        )
        assert "observations added" in counts and "observations in conflict" in counts
        # untrusted names are table cells, never Markdown
        assert not any(isinstance(v, MarkdownMetadataValue) for v in metadata.values())
    # what the UI shows is what the release records
    assert package[CHANGES]["articles_removed"] == ["gone"] and package[CHANGES]["since"] == "1.1.0"


def test_the_runs_that_published_a_release_are_tagged_with_its_version(three_runs):
    instance, _, publishing, quiet = three_runs
    tags = {record.dagster_run.run_id: record.dagster_run.tags for record in instance.get_run_records()}
    assert tags[publishing.run_id][RELEASE_TAG] == "1.2.0"
    assert RELEASE_TAG not in tags[quiet.run_id]
    assert sorted(t[RELEASE_TAG] for t in tags.values() if RELEASE_TAG in t) == ["1.1.0", "1.2.0"]


def test_a_release_made_before_releases_recorded_their_changes_says_so():
    from pipelines.defs.metadata import latest_release_metadata
    from pipelines.publishing.releases import ReleaseChanges

    old = ReleaseChanges.of_manifest({"version": "1.3.0", "created": "2026-01-02T03:04:05Z"})
    shown = latest_release_metadata(False, old)
    assert _said(shown) == "this run published nothing; latest release is 1.3.0 of 2026-01-02 03:04 UTC"
    assert "before releases recorded their changes" in shown["latest_release_changes"].value
    assert "README.md" in shown["latest_release_changes"].value


def test_long_change_lists_are_cut_and_say_how_many_more():
    from pipelines.defs.metadata import LISTED_IN_UI, latest_release_metadata
    from pipelines.publishing.releases import CHANGES_LISTED, ReleaseChanges

    ids = [f"a{k:05d}" for k in range(5000)]
    record = {"since": None, "counts": {"articles_added": 5000}, "articles_added": ids[:CHANGES_LISTED]}
    latest = ReleaseChanges.of_manifest(
        {"version": "1.1.0", "created": "2026-01-02T03:04:05Z", CHANGES: record}
    )
    shown = latest_release_metadata(True, latest)
    cells = _column(shown["which_articles_added"], "article_id")
    assert cells[:LISTED_IN_UI] == ids[:LISTED_IN_UI] and len(cells) == LISTED_IN_UI + 1
    assert cells[-1].startswith(f"… and {5000 - LISTED_IN_UI:,} more")
    assert shown["changes_since"].value == "nothing: the first release"
