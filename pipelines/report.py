"""What the output folder holds, said plainly: the summary `make run` ends with.

`python -m pipelines.report` prints it for the latest release on its own; `pipelines.run`
prints it after a run, saying whether that run published the release or changed nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

from pipelines.defs.resources import folders_from_environment
from pipelines.publishing.releases import TOP_FILES, OutputFolder

SET_ASIDE_SHOWN = 20  # set-aside files named one a line; the articles table lists them all


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """`1 article`, `2 articles`, `1,204 indicators`."""
    return f"{n:,} {singular if n == 1 else plural or singular + 's'}"


def _changes(changes: Mapping[str, int]) -> str:
    """`1 article added, 48 rows added`: the changes the release notes count, those not zero."""
    words = (
        ("articles_added", "article", "added"),
        ("articles_changed", "article", "changed"),
        ("articles_removed", "article", "removed"),
        ("files_newly_set_aside", "file", "newly set aside"),
        ("rows_added", "row", "added"),
        ("rows_changed", "row", "changed"),
        ("rows_removed", "row", "removed"),
    )
    said = [f"{counted(int(changes[key]), noun)} {verb}" for key, noun, verb in words if changes.get(key)]
    return ", ".join(said)


def summary(output: OutputFolder, published: bool | None = None, changes: Mapping[str, int] | None = None):
    """The lines that say what the latest release in `output` is and holds. `published`:
    True if the run just made it, False if the run changed nothing, None if not known."""
    manifest = output.latest_manifest()
    if manifest is None:
        return [f"Nothing is published in {output.root} yet."]
    version = manifest["version"]
    created = str(manifest.get("created", ""))[:10]
    articles = output.read_table("articles")
    indicators = output.table_rows("indicators")
    ok = int((articles["status"] == "ok").sum())
    aside = articles[articles["status"] != "ok"]
    observations = (
        output.table_rows("observations") if "observations.parquet" in output.latest_release().sums else None
    )
    series = f" and {counted(observations.n_rows, 'observation')}" if observations is not None else ""
    holds = (
        f"{counted(indicators.n_rows, 'indicator')}{series} from {counted(ok, 'article')}; "
        f"{counted(len(aside), 'raw file')} set aside"
    )
    if published:
        what = _changes(changes or {})
        head = f"Published release {version}: {holds}" + (f" ({what})." if what else ".")
    elif published is False:
        head = f"Nothing changed: release {version} ({created}) is still the latest: {holds}."
    else:
        head = f"Release {version} ({created}) is the latest: {holds}."
    lines = [head, f"  files in {output.root}:"]
    lines += [f"    {name}" for name in TOP_FILES]
    lines.append(f"  this release, with SHA256SUMS and README.md: {output.root / 'releases' / version}/")
    lines.append(f"  extractor {manifest['x-extractor-version']}")
    shown = list(aside.head(SET_ASIDE_SHOWN).itertuples())
    lines += [f"  set aside: {row.file_name}: {row.status}: {row.reason}" for row in shown]
    if len(aside) > len(shown):
        lines.append(f"  and {counted(len(aside) - len(shown), 'more file')} set aside: see articles.csv")
    return lines


def main() -> int:
    output = folders_from_environment().output
    lines = summary(output)
    print("\n".join(lines))
    return 0 if output.latest_manifest() is not None else 1


if __name__ == "__main__":
    sys.exit(main())
