"""Why a figure is or is not in the table.

    python -m pipelines.explain FILE          every numeral run of FILE, in order: the row it
                                              gave, or the named reason it gave none
    python -m pipelines.explain --rules DIR   rows per named rule (and runs per reason) over
                                              the texts of a folder: a dead rule shows at 0

`make explain FILE=…` runs the first form. Files are decoded as the pipeline decodes them
(UTF-8, UTF-16, GB18030, Big5; HTML reduced to text).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipelines.extraction.explaining import explain_text, reason_counts, rule_counts
from pipelines.extraction.extract import LIST_RULE, QUALIFIER_RULES
from pipelines.extraction.interpret import MEASURE_RULES
from pipelines.extraction.mentions import FORMS
from pipelines.publishing.reading import list_raw_files, read_article


def _text_of(path: Path) -> str:
    article = read_article(path, path.parent)
    if not article.ok:
        raise SystemExit(f"{path}: {article.status}: {article.reason}")
    return article.text


def _describe(row) -> str:
    bound = f" {row.qualifier}" if row.qualifier else ""
    period = row.period or "-"
    return f"{row.value:g} {row.unit}{bound} | {row.measure} | {period} | {row.metric} | {row.rules}"


def explain_file(path: Path, out=None) -> int:
    """Print every numeral run of one file; the count of runs with no named reason."""
    out = out or sys.stdout
    unexplained = 0
    accounts = explain_text(_text_of(path))
    print(f"{path}: {len(accounts)} numeral runs (offsets in the decoded text)", file=out)
    print("start-end  numeral  -> value unit [bound] | measure | period | metric | rules", file=out)
    for account in accounts:
        head = f"{account.start}-{account.end}  {account.numeral}"
        if account.rows:
            for row in account.rows:
                print(f"{head}  -> {_describe(row)}", file=out)
        else:
            print(f"{head}  x {account.reason}", file=out)
            unexplained += account.reason == "unexplained"
    return unexplained


def explain_rules(folder: Path, out=None) -> None:
    """Rows per named rule over a folder, every rule listed (zero where it made no row)."""
    out = out or sys.stdout
    read = (read_article(path, folder) for path in list_raw_files(folder))
    texts = [article.text for article in read if article.ok]
    counts = rule_counts(texts)
    groups = (
        ("candidate forms", list(FORMS.values())),
        ("bounds", list(QUALIFIER_RULES.values())),
        ("measure rules (in order)", [name for name, _ in MEASURE_RULES] + [LIST_RULE]),
    )
    print(f"{folder}: {len(texts)} texts, rows per rule", file=out)
    for title, names in groups:
        print(f"\n{title}", file=out)
        for name in names:
            print(f"  {counts.get(name, 0):6d}  {name}", file=out)
    print("\nnumeral runs that gave no row, per reason", file=out)
    for reason, count in reason_counts(texts).most_common():
        print(f"  {count:6d}  {reason}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.explain", description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a text file, or a folder with --rules")
    parser.add_argument("--rules", action="store_true", help="count rows per rule over a folder of texts")
    args = parser.parse_args(argv)
    if not args.path.exists():
        parser.error(f"{args.path} does not exist")
    if args.rules:
        if not args.path.is_dir():
            parser.error(f"--rules takes a folder; {args.path} is not one")
        explain_rules(args.path)
        return 0
    if not args.path.is_file():
        parser.error(f"{args.path} is not a file (use --rules for a folder)")
    return 1 if explain_file(args.path) else 0


if __name__ == "__main__":
    sys.exit(main())
