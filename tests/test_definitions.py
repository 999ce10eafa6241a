"""The code location loads, and its graph is what we meant (a change shows in review)."""

from pipelines.definitions import defs


def test_assets_are_the_pipeline_steps():
    keys = sorted(k.to_user_string() for k in defs.resolve_asset_graph().get_all_asset_keys())
    expected = [
        "articles_table",
        "indicator_rows",
        "indicators_table",
        "observations_table",
        "published_release",
        "raw_articles",
    ]
    assert keys == sorted(expected)


def test_the_lineage_groups_are_a_chain_in_flow_order():
    """Collapsed to groups, the lineage reads raw → extraction → tables → release: every
    dependency stays in its group or goes to the next one, no group points back, and each
    group shows a few boxes (the extraction batches are steps of one asset, not assets)."""
    graph = defs.resolve_asset_graph()
    group_of = {key: graph.get(key).group_name for key in graph.get_all_asset_keys()}
    edges = {
        (group_of[parent], group_of[key])
        for key in group_of
        for parent in graph.get(key).parent_keys
        if group_of[parent] != group_of[key]
    }
    assert edges == {("raw", "extraction"), ("extraction", "tables"), ("tables", "release")}
    assert set(group_of.values()) == {"raw", "extraction", "tables", "release"}
    assert len(group_of) <= 6
    shown = {}
    for key, group in group_of.items():
        shown.setdefault(group, set()).add(key.to_user_string())
    assert shown["tables"] == {"indicators_table", "articles_table", "observations_table"}
    # the checks show with the tables they check, in the tables group
    checked = {k.asset_key for k in graph.asset_check_keys}
    assert {group_of[key] for key in checked} == {"tables"}


def test_contract_checks_are_blocking():
    graph = defs.resolve_asset_graph()
    checks = {(k.asset_key.to_user_string(), k.name) for k in graph.asset_check_keys}
    assert checks == {
        ("indicators_table", "indicators_meet_contract"),
        ("articles_table", "articles_meet_contract"),
        ("observations_table", "observations_meet_contract"),
    }
    for check in defs.asset_checks:
        for spec in check.check_specs:
            assert spec.blocking, spec.name


def test_schedule_sensor_and_job():
    assert defs.resolve_schedule_def("daily_publication").cron_schedule == "0 6 * * *"
    assert defs.resolve_sensor_def("raw_folder_changes").job_name == "publish_indicators"
    assert defs.resolve_job_def("publish_indicators") is not None


def test_every_asset_describes_itself():
    graph = defs.resolve_asset_graph()
    for key in graph.get_all_asset_keys():
        assert graph.get(key).description, key


def test_make_dev_serves_the_code_location_under_its_name(tmp_path):
    """The UI names the location `china_indicators` (pyproject's code_location_name), not
    the module path `pipelines.definitions`."""
    import os
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    repo = Path(__file__).resolve().parents[1]
    name = tomllib.loads((repo / "pyproject.toml").read_text("utf-8"))["tool"]["dagster"][
        "code_location_name"
    ]
    assert "-w pipelines/workspace.yaml" in (repo / "Makefile").read_text("utf-8")
    done = subprocess.run(
        [
            str(Path(sys.executable).with_name("dagster")),
            "definitions",
            "validate",
            "-w",
            "pipelines/workspace.yaml",
        ],
        cwd=repo,
        env={**os.environ, "DAGSTER_HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"code location {name}." in done.stderr + done.stdout
