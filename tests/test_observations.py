"""The observations table: one row per series point, however many articles report it."""

import json

import pandas as pd
import pytest

from pipelines.publishing.loading import load_observations
from pipelines.publishing.observations import observation_id, observations_table
from schemas.contract import ObservationsModel

from .pipeline_runs import run_pipeline

TITLE = "广东省2025年国民经济运行情况\n"
GDP = "2025年，全省地区生产总值达14.58万亿元，同比增长5.5%。\n"


def _gdp_level(observations: pd.DataFrame) -> pd.Series:
    (row,) = observations[
        (observations["indicator_code"] == "gdp") & (observations["measure"] == "level")
    ].itertuples()
    return row


def test_two_articles_with_one_figure_give_one_observation_that_agrees(folders):
    raw, out = folders
    (raw / "bureau.txt").write_text(TITLE + GDP, "utf-8")
    (raw / "newspaper.txt").write_text(TITLE + "据统计，" + GDP, "utf-8")
    assert run_pipeline(raw, out).success
    row = _gdp_level(load_observations(out))
    assert (row.region, row.region_code, row.reference_period, row.unit) == ("广东省", "440000", "2025", "元")
    assert (row.value, row.n_mentions, row.n_articles, row.agreement, row.values) == (
        14.58e12,
        2,
        2,
        "agree",
        "",
    )
    assert row.first_article_id == "bureau"


def test_two_articles_that_disagree_give_a_conflict_with_the_values_listed(folders):
    raw, out = folders
    (raw / "bureau.txt").write_text(TITLE + GDP, "utf-8")
    (raw / "rumour.txt").write_text(TITLE + GDP.replace("14.58", "14.90"), "utf-8")
    assert run_pipeline(raw, out).success
    row = _gdp_level(load_observations(out))
    assert (row.agreement, row.n_articles, row.values) == ("conflict", 2, "14580000000000;14900000000000")
    readme = next((out / "releases").glob("*/README.md")).read_text("utf-8")
    assert "observations in conflict (mentions that disagree): 1" in readme


def test_a_bound_never_merges_with_an_exact_figure():
    exact = observation_id("广东省", "gdp", "level", "元", "", "2025")
    bounded = observation_id("广东省", "gdp", "level", "元", ">", "2025")
    assert exact != bounded and len(exact) == 16
    assert observation_id("广东省", None, "level", "元", "", "2025") is None


@pytest.mark.parametrize(("region", "period"), [(None, "2025"), ("广东省", None), ("", "2025"), (None, None)])
def test_a_row_without_its_place_or_period_is_no_series_point(region, period):
    # `今年前5个月…` and `5月当月…` of an undated article would otherwise merge as one point
    assert observation_id(region, "trade_total", "level", "元", "", period) is None


def test_within_the_scoring_tolerance_mentions_agree():
    rows = pd.DataFrame(
        {
            "observation_id": ["a" * 16] * 2,
            "indicator_id": ["1" * 16, "2" * 16],
            "article_id": ["x", "y"],
            "indicator": ["地区生产总值"] * 2,
            "region_code": ["440000"] * 2,
            "region": ["广东省"] * 2,
            "indicator_code": ["gdp"] * 2,
            "measure": ["level"] * 2,
            "unit": ["元"] * 2,
            "qualifier": [""] * 2,
            "reference_period": ["2025"] * 2,
            "value": [14.58e12, 14.5801e12],
        }
    )
    table = observations_table(rows)
    ObservationsModel.validate(table)
    assert list(table["agreement"]) == ["agree"]


def test_the_observations_table_is_a_resource_of_every_release(folders):
    raw, out = folders
    (raw / "bureau.txt").write_text(TITLE + GDP, "utf-8")
    assert run_pipeline(raw, out).success
    package = json.loads((out / "datapackage.json").read_text("utf-8"))
    paths = {resource["path"] for resource in package["resources"]}
    assert {"observations.parquet", "observations.csv"} <= paths
    sums = next((out / "releases").glob("*/SHA256SUMS")).read_text("utf-8")
    assert "observations.parquet" in sums and "observations.csv" in sums


def test_a_release_made_before_the_observations_table_stays_the_verified_latest(folders):
    """A release of the indicators and articles tables alone (the form before this table) is
    complete: the next run neither quarantines it nor reads rows from a file it never had."""
    from pipelines.publishing.integrity import LATEST, SUMS, Pointer, parse_sums, sha256_hex, sums_text

    raw, out = folders
    (raw / "bureau.txt").write_text(TITLE + GDP, "utf-8")
    assert run_pipeline(raw, out).success
    (release,) = (out / "releases").iterdir()
    release.chmod(0o755)
    for name in ("observations.parquet", "observations.csv"):
        (release / name).chmod(0o644)
        (release / name).unlink()
        (out / name).unlink()
    sums = {
        k: v for k, v in parse_sums((release / SUMS).read_text("utf-8")).items() if "observations" not in k
    }
    (release / SUMS).chmod(0o644)
    (release / SUMS).write_text(sums_text(sums), "utf-8")
    (out / LATEST).write_bytes(Pointer(release.name, sha256_hex((release / SUMS).read_bytes())).to_bytes())
    (raw / "another.txt").write_text(TITLE + "全省粮食产量达1300万吨。\n", "utf-8")
    assert run_pipeline(raw, out).success
    assert not (out / "quarantine").exists()
    assert len(list((out / "releases").iterdir())) == 2
    assert len(load_observations(out)) >= 2


def test_the_ui_plots_the_series_with_the_most_periods_as_bars(folders):
    raw, out = folders
    (raw / "bureau.txt").write_text(
        TITLE + GDP + "2024年，全省地区生产总值达14.16万亿元。\n2023年，全省地区生产总值达13.57万亿元。\n",
        "utf-8",
    )
    (raw / "other.txt").write_text(TITLE + "2025年，全省社会消费品零售总额5万亿元。\n", "utf-8")
    result = run_pipeline(raw, out)
    assert result.success
    (shown,) = [
        m.metadata["largest_series"] for m in result.asset_materializations_for_node("observations_table")
    ]
    cells = [record.data for record in shown.value.records]
    assert [c["reference_period"] for c in cells] == ["2023", "2024", "2025"]
    assert {c["series"] for c in cells} == {"广东省 地区生产总值 level 元"}
    bars = [len(c["plot"]) for c in cells]
    assert bars == sorted(bars) and bars[-1] == 40 and set("".join(c["plot"] for c in cells)) == {"█"}
