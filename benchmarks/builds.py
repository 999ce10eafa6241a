"""The extraction library's speed, pure Python against the compiled build, in one sitting.

    python -m benchmarks.builds [--repeat 20] [FOLDER]

Each build runs in its own child process (the compiled one as loaded, the pure one with
`INDICATORS_PURE_PYTHON=1`) and extracts every text of FOLDER (default: the shared corpus,
`../shared/corpus/raw`, else `raw/`) `--repeat` times, rows and series points as the pipeline
makes them (`extract_indicators`, then `series_points`; `--rows-only`: the first alone),
after one untimed warm-up pass. The
two children alternate run by run, so a busy machine slows both alike. Prints seconds per
run for each build and whether the rows are identical; needs `make compiled` first.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import REPO

_CHILD = r"""
import hashlib, json, sys, time
from pathlib import Path
from pipelines.extraction import BUILD, COMPILED, EXTRACTOR_VERSION, extract_indicators
from pipelines.extraction.series import series_points
from pipelines.publishing.reading import read_raw_folder

texts = [a.text for a in read_raw_folder(Path(sys.argv[1])) if a.ok]
series = sys.argv[2] == "series"

def run():
    return [(rows, series_points(text, rows) if series else ()) for text in texts for rows in [extract_indicators(text)]]

digest = hashlib.sha256(repr(run()).encode()).hexdigest()
print(json.dumps({"compiled": COMPILED, "build": BUILD, "version": EXTRACTOR_VERSION, "texts": len(texts),
                  "chars": sum(map(len, texts)), "rows": sum(len(r) for r, _ in run()), "digest": digest}), flush=True)
for line in sys.stdin:
    start = time.process_time()
    run()
    print(json.dumps({"cpu_s": time.process_time() - start}), flush=True)
"""


def default_folder() -> Path:
    shared = Path(os.environ.get("INDICATORS_SHARED_DIR", REPO.parent / "shared")) / "corpus" / "raw"
    return shared if shared.is_dir() else REPO / "raw"


def _child(folder: Path, pure: bool, series: bool) -> subprocess.Popen:
    env = {k: v for k, v in os.environ.items() if k != "INDICATORS_PURE_PYTHON"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))
    if pure:
        env["INDICATORS_PURE_PYTHON"] = "1"
    return subprocess.Popen(
        [sys.executable, "-W", "ignore", "-c", _CHILD, str(folder), "series" if series else "rows"],
        cwd=REPO,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def compare(folder: Path, repeat: int, series: bool = True) -> dict:
    children = {"pure": _child(folder, True, series), "compiled": _child(folder, False, series)}
    heads = {name: json.loads(child.stdout.readline()) for name, child in children.items()}  # type: ignore[union-attr]
    times: dict[str, list[float]] = {name: [] for name in children}
    for _ in range(repeat):
        for name, child in children.items():
            child.stdin.write("run\n")  # type: ignore[union-attr]
            child.stdin.flush()  # type: ignore[union-attr]
            times[name].append(json.loads(child.stdout.readline())["cpu_s"])  # type: ignore[union-attr]
    for child in children.values():
        child.stdin.close()  # type: ignore[union-attr]
        child.wait()
    figures = {
        "folder": str(folder),
        "texts": heads["pure"]["texts"],
        "chars": heads["pure"]["chars"],
        "rows": heads["pure"]["rows"],
        "repeat": repeat,
        "timed": "extract_indicators and series_points" if series else "extract_indicators",
        "identical_rows": heads["pure"]["digest"] == heads["compiled"]["digest"]
        and heads["pure"]["version"] == heads["compiled"]["version"],
        "rows_sha256": hashlib.sha256(heads["pure"]["digest"].encode()).hexdigest()[:16],
    }
    for name in children:
        figures[name] = {
            "build": heads[name]["build"],
            "compiled": heads[name]["compiled"],
            "median_s": round(statistics.median(times[name]), 4),
            "best_s": round(min(times[name]), 4),
        }
    figures["speedup_median"] = round(figures["pure"]["median_s"] / figures["compiled"]["median_s"], 2)
    figures["speedup_best"] = round(figures["pure"]["best_s"] / figures["compiled"]["best_s"], 2)
    return figures


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--rows-only", action="store_true", help="time extract_indicators alone, no series points"
    )
    args = parser.parse_args(argv)
    figures = compare(args.folder or default_folder(), args.repeat, series=not args.rows_only)
    if not figures["compiled"]["compiled"]:
        print(f"no compiled build loaded ({figures['compiled']['build']}): run `make compiled` first")
        return 1
    print(
        f"{figures['texts']} texts, {figures['chars']:,} characters, {figures['rows']:,} rows, "
        f"{figures['repeat']} runs each (CPU seconds a run of {figures['timed']})"
    )
    print("| build | median s/run | best s/run |")
    print("|---|---|---|")
    for name in ("pure", "compiled"):
        print(f"| {name} | {figures[name]['median_s']} | {figures[name]['best_s']} |")
    print(
        f"compiled is {figures['speedup_median']}x faster (median; {figures['speedup_best']}x best); "
        f"rows identical: {figures['identical_rows']}"
    )
    print(json.dumps(figures))
    return 0 if figures["identical_rows"] else 1


if __name__ == "__main__":
    sys.exit(main())
