"""The optional compiled build of `pipelines.extraction` (`make compiled`) gives the same
rows, byte for byte, as the pure-Python build, and the pure build stays the default and the
fallback.

The comparison runs `tests/compiled_rows.py` twice in child processes: with the compiled
build, then with `INDICATORS_PURE_PYTHON=1`. It skips, saying why, where no compiled build
is present, unless `INDICATORS_REQUIRE_COMPILED=1` (CI sets it after `make compiled`),
which makes a missing or unloadable build a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as arrow
import pytest

import pipelines.extraction as extraction
from pipelines.extraction import _compiled

from .conftest import REPO

REQUIRED = os.environ.get("INDICATORS_REQUIRE_COMPILED", "").strip().lower() in ("1", "true", "yes")
SETS = ("repo_raw", "test_phrases", "shared_devset", "shared_corpus")


def _environment(pure: bool) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != _compiled.PURE_SWITCH}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])])
    if pure:
        env[_compiled.PURE_SWITCH] = "1"
    return env


def _probe(env: dict[str, str], cwd: Path = REPO) -> dict:
    code = "import json, pipelines.extraction as e; print(json.dumps([e.COMPILED, e.BUILD, e.EXTRACTOR_VERSION]))"
    done = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", code], cwd=cwd, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    compiled, build, version = json.loads(done.stdout.strip().splitlines()[-1])
    return {"compiled": compiled, "build": build, "version": version}


def _compiled_build_present() -> bool:
    return any(_compiled._built_here(name) for name in _compiled.compiled_modules())


@pytest.fixture(scope="module")
def both_builds(tmp_path_factory):
    """The rows of every text set from the compiled build and from the pure one."""
    if not _compiled_build_present():
        message = "no compiled build of pipelines.extraction here: `make compiled` builds one"
        if REQUIRED:
            pytest.fail(f"INDICATORS_REQUIRE_COMPILED is set but {message}")
        pytest.skip(message)
    runs = {}
    for label, pure in (("compiled", False), ("pure", True)):
        out = tmp_path_factory.mktemp(label)
        done = subprocess.run(
            [sys.executable, "-W", "ignore", "-m", "tests.compiled_rows", str(out)],
            cwd=REPO,
            env=_environment(pure),
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr[-4000:]
        runs[label] = (json.loads(done.stdout.strip().splitlines()[-1]), out)
    compiled, _ = runs["compiled"]
    if not compiled["compiled"]:
        pytest.fail(f"a compiled build is present but was not loaded: {compiled['build']}")
    assert runs["pure"][0]["compiled"] is False
    return runs


def test_the_loaded_build_is_the_one_the_tree_holds():
    present = _compiled_build_present()
    switched = os.environ.get(_compiled.PURE_SWITCH, "").strip().lower() in ("1", "true", "yes")
    if not present:
        assert extraction.COMPILED is False and extraction.BUILD == "no compiled build: pure Python"
        assert all(
            m.__file__.endswith(".py")
            for n, m in sys.modules.items()
            if n.startswith("pipelines.extraction.")
        )
    elif not switched and REQUIRED:
        assert extraction.COMPILED, extraction.BUILD


def test_both_builds_report_the_same_extractor_version(both_builds):
    assert both_builds["compiled"][0]["extractor_version"] == both_builds["pure"][0]["extractor_version"]
    assert both_builds["compiled"][0]["extractor_version"] == extraction.EXTRACTOR_VERSION


@pytest.mark.parametrize("name", SETS)
def test_compiled_rows_are_byte_identical_to_pure_python(both_builds, name):
    (compiled, compiled_out), (pure, pure_out) = both_builds["compiled"], both_builds["pure"]
    if "absent" in pure["sets"][name]:
        pytest.skip(pure["sets"][name]["absent"])
    assert compiled["sets"][name] == pure["sets"][name]
    assert pure["sets"][name]["rows"] > 0
    fast, slow = (compiled_out / f"{name}.arrow").read_bytes(), (pure_out / f"{name}.arrow").read_bytes()
    if fast != slow:
        read = [arrow.ipc.open_stream(b).read_all().to_pylist() for b in (fast, slow)]
        first = next(i for i, (a, b) in enumerate(zip(*read)) if a != b)
        pytest.fail(f"{name}: row {first} differs\ncompiled: {read[0][first]}\npure:     {read[1][first]}")
    explained = [(out / f"{name}.explained.txt").read_text("utf-8") for out in (compiled_out, pure_out)]
    assert explained[0] == explained[1], f"{name}: the explanations differ"


def _copy_of_tree(tmp_path: Path) -> Path:
    copy = tmp_path / "tree"
    for folder in ("pipelines", "schemas"):
        shutil.copytree(REPO / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _tree_environment(copy: Path, pure: bool = False) -> dict[str, str]:
    env = _environment(pure)
    env["PYTHONPATH"] = str(copy)
    return env


def test_a_build_older_than_its_sources_falls_back_to_pure_python(tmp_path):
    if not _compiled_build_present():
        pytest.skip("no compiled build of pipelines.extraction here: `make compiled` builds one")
    copy = _copy_of_tree(tmp_path)
    assert _probe(_tree_environment(copy), cwd=copy)["compiled"] is True
    assert _probe(_tree_environment(copy, pure=True), cwd=copy)["compiled"] is False
    lexicon = copy / "pipelines" / "extraction" / "lexicon.py"
    lexicon.write_text(lexicon.read_text("utf-8") + "\n# an edited rule\n", "utf-8")
    stale = _probe(_tree_environment(copy), cwd=copy)
    assert stale["compiled"] is False and "older than the sources" in stale["build"]


def test_a_pure_tree_never_loads_a_compiled_module(tmp_path):
    copy = _copy_of_tree(tmp_path)
    for path in _compiled.extension_files():
        (copy / "pipelines" / "extraction" / path.name).unlink()
    pure = _probe(_tree_environment(copy), cwd=copy)
    assert pure["compiled"] is False and pure["build"] == "no compiled build: pure Python"
    assert pure["version"] == extraction.EXTRACTOR_VERSION
