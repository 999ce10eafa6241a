"""`make bench`: throughput of the extraction library, and the pipeline's wall time and
peak memory at 1, 1,000 and 10,000 articles, cold, unchanged and with one article added.

Prints a table, then the same figures as JSON on the last line.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import REPO, build, extra_article

WORK = REPO / ".bench"
DAGSTER = Path(sys.executable).with_name("dagster")

# Runs one `make run`-equivalent in a child and reports its wall time and peak memory.
_MEASURE = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": done.returncode, "wall_s": wall, "peak_mib": usage.ru_maxrss / 1024,
                  "cpu_s": usage.ru_utime + usage.ru_stime, "err": done.stderr[-2000:]}))
"""


def run_environment(raw: Path, out: Path, home: Path, instance: str = "instance.yaml", **extra) -> dict:
    """The environment of a run reading `raw`, writing `out`, with its instance in `home`."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "pipelines" / instance, home / "dagster.yaml")
    return {
        **os.environ,
        "INDICATORS_RAW_DIR": str(raw),
        "INDICATORS_OUTPUT_DIR": str(out),
        "DAGSTER_HOME": str(home),
        "PYTHONWARNINGS": "ignore",
        **extra,
    }


def pipeline_run(raw: Path, out: Path, home: Path) -> dict:
    env = run_environment(raw, out, home)
    command = [
        sys.executable,
        "-c",
        _MEASURE,
        sys.executable,
        "-m",
        "pipelines.run",
    ]
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    if result["rc"] != 0:
        raise RuntimeError(f"pipeline run failed:\n{result['err']}")
    return {
        "wall_s": round(result["wall_s"], 2),
        "peak_mib": round(result["peak_mib"], 1),
        "cpu_s": round(result["cpu_s"], 2),
    }


def cold(raw: Path, label: str) -> tuple[dict, Path, Path]:
    out, home = WORK / f"out-{label}", WORK / f"home-{label}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(home, ignore_errors=True)
    return pipeline_run(raw, out, home), out, home


def library_throughput(raw: Path, max_chars: int) -> dict:
    """Characters a second of extract_indicators on one core, against a bare digit scan."""
    from pipelines.extraction import extract_indicators

    texts, total = [], 0
    for path in sorted(raw.glob("*.txt")):
        text = path.read_text("utf-8")
        texts.append(text)
        total += len(text)
        if total >= max_chars:
            break
    digits = re.compile(r"\d+")

    def best_of(fn, repeats):
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
        return min(times)

    floor = best_of(lambda: [sum(1 for _ in digits.finditer(t)) for t in texts], 5)
    library = best_of(lambda: [extract_indicators(t) for t in texts], 2)
    rows = sum(len(extract_indicators(t)) for t in texts[:200])
    return {
        "chars": total,
        "library_chars_per_s": round(total / library),
        "floor_chars_per_s": round(total / floor),
        "ratio_to_floor": round(library / floor, 1),
        "rows_per_1000_chars": round(1000 * rows / sum(len(t) for t in texts[:200]), 2),
    }


def _extraction_build() -> dict:
    """Which build of the extraction library this process and the runs' children load
    (`make compiled` adds the compiled one, `INDICATORS_PURE_PYTHON=1` ignores it)."""
    from pipelines.extraction import BUILD, COMPILED

    return {"compiled": COMPILED, "build": BUILD}


def celery_run(raw: Path, workers: int) -> dict:
    """The same cold run with the Celery executor and `workers` workers on this machine:
    PostgreSQL instance, Redis broker, step outputs on the local disk they share."""
    import pytest

    from tests.services import celery_workers, postgres_server, redis_server

    label = f"celery-{raw.name}"
    out, home = WORK / f"out-{label}", WORK / f"home-{label}"
    for folder in (out, home):
        shutil.rmtree(folder, ignore_errors=True)
    try:
        with postgres_server() as pg_url, redis_server() as redis_url:
            env = run_environment(
                raw,
                out,
                home,
                "instance-distributed.yaml",
                INDICATORS_PG_URL=pg_url,
                INDICATORS_EXECUTOR="celery",
                INDICATORS_CELERY_BROKER=f"{redis_url}/0",
                INDICATORS_CELERY_BACKEND=f"{redis_url}/1",
            )
            with celery_workers(env, count=workers, log_dir=WORK):
                start = time.perf_counter()
                subprocess.run(
                    [str(DAGSTER), "job", "execute", "-m", "pipelines.definitions", "-j", "publish_indicators"],
                    env=env, cwd=REPO, check=True, capture_output=True,
                )  # fmt: skip
                return {"wall_s": round(time.perf_counter() - start, 2), "workers": workers}
    except pytest.skip.Exception as skipped:
        return {"skipped": str(skipped)}


def scale_rows(sizes: list[int]) -> dict:
    """Cold, unchanged and one-added runs at each size, and the memory slope between the
    smallest and the largest: the memory a run needs per article of the corpus."""
    rows: dict = {}
    for n in sizes:
        corpus = build(WORK / f"corpus-{n}", n)
        rows[f"cold_{n}"], out, home = cold(corpus, f"scale-{n}")
        rows[f"unchanged_{n}"] = pipeline_run(corpus, out, home)
        added = extra_article(corpus)
        try:
            rows[f"one_added_{n}"] = pipeline_run(corpus, out, home)
        finally:
            added.unlink()
    if len(sizes) >= 2:
        low, high = min(sizes), max(sizes)
        for kind in ("cold", "unchanged", "one_added"):
            grown = rows[f"{kind}_{high}"]["peak_mib"] - rows[f"{kind}_{low}"]["peak_mib"]
            rows[f"{kind}_slope_kib_per_article"] = round(grown * 1024 / (high - low), 2)
    return rows


def folder_bytes(folder: Path, pattern: str = "*.txt") -> int:
    return sum(p.stat().st_size for p in folder.glob(pattern))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,1000,10000", help="corpus sizes for cold runs")
    parser.add_argument("--library-chars", type=int, default=8_000_000)
    parser.add_argument("--no-celery", action="store_true", help="skip the two-worker Celery row")
    parser.add_argument(
        "--scale",
        default="10000,100000",
        help="corpus sizes of the scale rows (cold, unchanged, one added; peak RSS and slope); '' skips",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    WORK.mkdir(exist_ok=True)
    figures: dict = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "extraction_build": _extraction_build(),
    }
    largest = max(sizes)
    corpora = {n: build(WORK / f"corpus-{n}", n) for n in sizes}
    figures["library"] = library_throughput(corpora[largest], args.library_chars)

    runs = {}
    for n in sizes:
        runs[f"cold_{n}"], out, home = cold(corpora[n], str(n))
        if n == largest:
            runs[f"unchanged_{n}"] = pipeline_run(corpora[n], out, home)
            added = extra_article(corpora[n])
            try:
                runs[f"one_added_{n}"] = pipeline_run(corpora[n], out, home)
            finally:
                added.unlink()
            raw_bytes = folder_bytes(corpora[n])
            figures["sizes"] = {
                "articles": n,
                "raw_text_bytes": raw_bytes,
                "indicators_parquet_bytes": (out / "indicators.parquet").stat().st_size,
                "indicators_csv_bytes": (out / "indicators.csv").stat().st_size,
                "articles_parquet_bytes": (out / "articles.parquet").stat().st_size,
                "articles_csv_bytes": (out / "articles.csv").stat().st_size,
            }
    if not args.no_celery:
        runs[f"celery_2_workers_{largest}"] = celery_run(corpora[largest], workers=2)
    figures["runs"] = runs
    figures["scale"] = scale_rows([int(s) for s in args.scale.split(",") if s])

    lib = figures["library"]
    print(
        f"machine: {figures['machine']['cpus']} cpus, Python {figures['machine']['python']}, {figures['machine']['platform']}"
    )
    print(
        f"extraction library: {figures['extraction_build']['build']} (COMPILED={figures['extraction_build']['compiled']})"
    )
    print()
    print("| measure | figure | target |")
    print("|---|---|---|")
    print(
        f"| extraction library, chars/s (one core, {lib['chars']:,} chars) | {lib['library_chars_per_s']:,} | >= 1,000,000 |"
    )
    print(f"| bare re.finditer(r'\\d+'), chars/s | {lib['floor_chars_per_s']:,} | floor |")
    print(f"| library time / floor time | {lib['ratio_to_floor']}x | <= 20x |")
    for name, run in runs.items():
        if "skipped" in run:
            print(f"| pipeline {name.replace('_', ' ')} articles | skipped: {run['skipped']} | |")
            continue
        if name.startswith("celery"):
            print(
                f"| pipeline cold {largest} articles, Celery, {run['workers']} workers | {run['wall_s']} s | vs in-process |"
            )
            continue
        target = ""
        if name == f"cold_{largest}" and largest == 10000:
            target = "< 60 s, < 1.5 GB"
        elif name.startswith(("unchanged", "one_added")):
            target = "< 10 s"
        print(
            f"| pipeline {name.replace('_', ' ')} articles | {run['wall_s']} s, {run['peak_mib']} MiB peak | {target} |"
        )
    if "sizes" in figures:
        s = figures["sizes"]
        print(f"| raw text of {s['articles']:,} articles | {s['raw_text_bytes']:,} bytes | |")
        for key in (
            "indicators_parquet_bytes",
            "indicators_csv_bytes",
            "articles_parquet_bytes",
            "articles_csv_bytes",
        ):
            print(
                f"| {key.replace('_bytes', '').replace('_', '.', 1)} | {s[key]:,} bytes ({s[key] / s['raw_text_bytes']:.2f}x raw) | |"
            )
    for name, row in figures["scale"].items():
        if name.endswith("slope_kib_per_article"):
            print(f"| scale: {name.replace('_', ' ')} | {row} KiB | < 2 KiB |")
        else:
            n = int(name.rsplit("_", 1)[1])
            target = "<= 1.0 GiB" if n >= 100000 else ""
            per = f", {1000 * row['cpu_s'] / n:.2f} ms CPU an article"
            print(
                f"| scale: {name.replace('_', ' ')} articles | {row['wall_s']} s, {row['peak_mib']} MiB peak{per} | {target} |"
            )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
