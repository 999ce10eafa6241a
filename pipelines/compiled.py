"""Build or remove the optional mypyc-compiled build of `pipelines.extraction`, in place.

    python -m pipelines.compiled build    # `make compiled`: compile the modules beside their .py
    python -m pipelines.compiled remove   # `make pure`: delete the .so files and the stamp
    python -m pipelines.compiled status   # which build `import pipelines.extraction` loads

The build needs mypy (which ships mypyc; the version pinned in pyproject's `test` and
`compiled` extras), setuptools and a C compiler. Pure Python stays the default and the
fallback (`pipelines/extraction/_compiled.py` says when each is loaded).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def _build_rules():
    """`pipelines/extraction/_compiled.py`, loaded by its path: importing the package would
    load the very build this command is about to replace."""
    path = Path(__file__).resolve().parent / "extraction" / "_compiled.py"
    spec = importlib.util.spec_from_file_location("_extraction_build_rules", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_rules = _build_rules()
PACKAGE, PURE_SWITCH, STAMP = _rules.PACKAGE, _rules.PURE_SWITCH, _rules.STAMP
compiled_modules, extension_files, sources_stamp = (
    _rules.compiled_modules,
    _rules.extension_files,
    _rules.sources_stamp,
)

REPO = PACKAGE.parents[1]
BUILD_DIR = REPO / "build" / "mypyc"

# Run in a child so that setuptools and mypyc never touch this process's imports.
_SETUP = """
import sys
from setuptools import setup
from mypyc.build import mypycify

paths = sys.argv[1:]
setup(
    name="pipelines-extraction-compiled",
    ext_modules=mypycify(paths, opt_level="3", separate=True, target_dir={target!r}),
    script_args=["build_ext", "--inplace", "--build-temp", {temp!r}, "--build-lib", {lib!r}],
)
"""


def remove() -> list[Path]:
    """Delete the compiled files and the stamp; the `.py` files load again."""
    gone = [*extension_files(), *([STAMP] if STAMP.exists() else [])]
    for path in gone:
        path.unlink()
    return gone


def build(quiet: bool = False) -> float:
    """Compile every module of `compiled_modules()` in place; seconds it took."""
    remove()
    start = time.perf_counter()
    paths = [str((PACKAGE / f"{name}.py").relative_to(REPO)) for name in compiled_modules()]
    shutil.rmtree(BUILD_DIR, ignore_errors=True)
    BUILD_DIR.mkdir(parents=True)
    setup = _SETUP.format(target=str(BUILD_DIR), temp=str(BUILD_DIR / "temp"), lib=str(BUILD_DIR / "lib"))
    stamp = sources_stamp()  # of the sources as they were when the build started
    done = subprocess.run(
        [sys.executable, "-c", setup, *paths],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=quiet,
        text=True,
    )
    if done.returncode:
        if quiet:
            sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        remove()
        raise SystemExit(f"mypyc build failed (exit {done.returncode}); the pure-Python build stays")
    STAMP.write_text(stamp, "utf-8")
    return time.perf_counter() - start


def status() -> str:
    probe = "import pipelines.extraction as e; print(e.COMPILED, e.BUILD, sep='\\t')"
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=True,
    )
    compiled, why = done.stdout.strip().split("\t", 1)
    return f"pipelines.extraction.COMPILED = {compiled}: {why}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("build", "remove", "status"))
    parser.add_argument("--quiet", action="store_true", help="show the compiler's output only on failure")
    args = parser.parse_args(argv)
    if args.action == "build":
        seconds = build(quiet=args.quiet)
        print(f"compiled {len(compiled_modules())} modules of pipelines.extraction in {seconds:.1f} s")
        print(f"{status()}  ({PURE_SWITCH}=1 forces pure Python; `make pure` removes the build)")
    elif args.action == "remove":
        gone = remove()
        print(f"removed {len(gone)} compiled files; {status()}")
    else:
        print(status())
    return 0


if __name__ == "__main__":
    sys.exit(main())
