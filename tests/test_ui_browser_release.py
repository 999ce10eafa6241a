"""What changed and the flow, in a real browser (issue 13 items 9 and 11): after a run that
publishes nothing, the release asset's page still shows the latest release's changes; the
runs list marks the run that published; the lineage shows four groups in flow order."""

import os
import shutil

import pytest
from dagster import DagsterInstance

from .conftest import REPO, SEED_ARTICLE
from .pipeline_runs import run_pipeline
from .test_ui_browser import browser, dagster_ui  # noqa: F401 (the fixture)

NEW_ARTICLE = "南方电网2026年固定资产投资将达到1800亿元，同比增长12%，新建变电站35座。\n"


@pytest.fixture(scope="module")
def ui_after_a_quiet_run(tmp_path_factory):
    """Three runs on one instance (1.1.0; 1.2.0 adding `new_article`; one that changes
    nothing), then the Dagster UI over that instance."""
    root = tmp_path_factory.mktemp("ui-release")
    raw, out, home = root / "raw", root / "out", root / "home"
    raw.mkdir()
    home.mkdir()
    shutil.copy(REPO / "pipelines" / "instance.yaml", home / "dagster.yaml")
    shutil.copy(SEED_ARTICLE, raw)
    instance = DagsterInstance.from_config(str(home))
    assert run_pipeline(raw, out, instance).success
    (raw / "new_article.txt").write_text(NEW_ARTICLE, "utf-8")
    publishing = run_pipeline(raw, out, instance)
    quiet = run_pipeline(raw, out, instance)
    assert publishing.success and quiet.success
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "INDICATORS_RAW_DIR": str(raw),
        "INDICATORS_OUTPUT_DIR": str(out),
        "PYTHONPATH": str(REPO),
    }
    with dagster_ui(env) as base:
        yield base, publishing.run_id, quiet.run_id


def _open(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")
    skip = page.get_by_role("button", name="Skip")  # the UI's first-visit dialog
    if skip.count():
        skip.click()


def test_the_ui_shows_the_latest_changes_after_a_quiet_run_and_marks_the_publishing_run(
    browser,  # noqa: F811 (the fixture)
    ui_after_a_quiet_run,
    tmp_path,
):
    base, publishing, quiet = ui_after_a_quiet_run
    page = browser.new_page(viewport={"width": 1400, "height": 1600})

    _open(page, f"{base}/assets/published_release")
    said = page.get_by_text("this run published nothing; latest release is 1.2.0 of", exact=False)
    said.first.wait_for(timeout=30000)
    page.wait_for_timeout(2000)
    page.screenshot(path=str(tmp_path / "published_release.png"), full_page=True)
    assert page.locator("td:not(:has(table))", has_text="new_article").count() >= 1  # which article
    assert page.get_by_text("which_articles_added", exact=True).count() >= 1

    _open(page, f"{base}/runs")
    page.get_by_text(publishing[:8]).first.wait_for(timeout=30000)
    page.wait_for_timeout(2000)
    page.screenshot(path=str(tmp_path / "runs.png"), full_page=True)
    tagged = {}  # each release tag shown in the runs list → the run whose row holds it
    for chip in page.get_by_text("indicators/release:", exact=False).all():
        run = chip.evaluate(
            """chip => { let row = chip;
                while (row && !row.querySelector("a[href^='/runs/']")) row = row.parentElement;
                return row ? row.querySelector("a[href^='/runs/']").getAttribute("href") : null; }"""
        )
        tagged[chip.inner_text().strip()] = run
    assert tagged.get("indicators/release: 1.2.0") == f"/runs/{publishing}", tagged
    assert "indicators/release: 1.1.0" in tagged and len(tagged) == 2, tagged
    assert f"/runs/{quiet}" not in tagged.values()


def test_the_lineage_shows_four_groups_in_flow_order(browser, ui_after_a_quiet_run, tmp_path):  # noqa: F811
    """The global lineage, collapsed to groups: raw → extraction → tables → release, left to
    right, one box each, and no batch boxes."""
    base, _, _ = ui_after_a_quiet_run
    page = browser.new_page(viewport={"width": 1600, "height": 1000})
    _open(page, f"{base}/asset-groups")
    page.get_by_text("extraction", exact=True).last.wait_for(timeout=30000)
    page.wait_for_timeout(3000)
    page.screenshot(path=str(tmp_path / "lineage.png"), full_page=True)
    boxes = {}
    for group in ("raw", "extraction", "tables", "release"):
        shown = [m.bounding_box() for m in page.get_by_text(group, exact=True).all()]
        boxes[group] = max((b for b in shown if b), key=lambda b: b["x"])  # the graph's, right of the list
    xs = [boxes[g]["x"] for g in ("raw", "extraction", "tables", "release")]
    assert xs == sorted(xs) and len(set(xs)) == 4, boxes
    assert max(b["y"] for b in boxes.values()) - min(b["y"] for b in boxes.values()) < 40, boxes  # one row
    text = page.locator("body").inner_text()
    assert "indicator_rows_shard" not in text and "extraction_batches" not in text
