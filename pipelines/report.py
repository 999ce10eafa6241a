"""What the last run published: printed at the end of `make run`."""

from __future__ import annotations

import sys

from pipelines.defs.resources import folders_from_environment
from pipelines.publishing.releases import TOP_FILES


def main() -> int:
    folders = folders_from_environment()
    output = folders.output
    manifest = output.latest_manifest()
    if manifest is None:
        print(f"Nothing is published in {output.root} yet: see the run's log above.")
        return 1
    articles = output.read_table("articles")
    indicators = output.table_rows("indicators")
    ok = int((articles["status"] == "ok").sum())
    aside = articles[articles["status"] != "ok"]
    print()
    print(f"Release {manifest['version']} (extractor {manifest['x-extractor-version']}) is in {output.root}:")
    for name in TOP_FILES:
        print(f"  {output.root / name}")
    print(
        f"  {output.root / 'releases' / manifest['version']}/  (this release, with SHA256SUMS and README.md)"
    )
    observations = (
        output.table_rows("observations") if "observations.parquet" in output.latest_release().sums else None
    )
    series = f", {observations.n_rows} observations" if observations is not None else ""
    print(f"{indicators.n_rows} indicators{series} from {ok} articles; {len(aside)} raw files set aside.")
    for row in aside.itertuples():
        print(f"  set aside: {row.file_name}: {row.status}: {row.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
