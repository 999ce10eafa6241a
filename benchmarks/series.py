"""The series built from folders of raw texts, as the publishing code builds them, for
reading by hand: coverage of the series columns, the observations' agreement, and the
largest series with each point's mentions and sentences.

    PYTHONPATH=. python -m benchmarks.series ../shared/corpus/raw ../shared/devset/raw --top 10
    PYTHONPATH=. python -m benchmarks.series DIR ... --rows rows.parquet   (the rows, to compare)
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from pipelines.publishing.observations import observations_table
from pipelines.publishing.reading import list_raw_files, read_article
from pipelines.publishing.tables import indicator_columns
from schemas.contract import INDICATOR_COLUMNS

SERIES_KEY = ["region", "indicator_code", "measure", "unit"]


def indicator_rows(folders: list[Path]) -> pd.DataFrame:
    """The indicators rows of every readable text of the folders, series columns included."""
    frames = []
    for folder in folders:
        for path in list_raw_files(folder):
            article = read_article(path, folder)
            if article.ok:
                frames.append(pd.DataFrame(indicator_columns(article), columns=INDICATOR_COLUMNS))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=INDICATOR_COLUMNS)


def summary(rows: pd.DataFrame, observations: pd.DataFrame) -> dict:
    return {
        "rows": len(rows),
        "share_with_region": round(float(rows["region"].notna().mean()), 4),
        "share_with_reference_period": round(float(rows["reference_period"].notna().mean()), 4),
        "share_with_indicator_code": round(float(rows["indicator_code"].notna().mean()), 4),
        "rows_with_observation_id": int(rows["observation_id"].notna().sum()),
        "observations": len(observations),
        "agreement": {k: int(v) for k, v in observations["agreement"].value_counts().items()},
    }


def largest_series(rows: pd.DataFrame, observations: pd.DataFrame, top: int) -> str:
    """The `top` series with the most points, each point with its mentions' sentences."""
    lines = []
    sizes = observations.groupby(SERIES_KEY, dropna=False).size().sort_values(ascending=False, kind="stable")
    for rank, (key, size) in enumerate(sizes.head(top).items(), 1):
        lines.append(f"\n#{rank} {' | '.join(map(str, key))}: {size} points")
        same = (observations[SERIES_KEY] == pd.Series(key, index=SERIES_KEY)).all(axis=1)
        for _, point in observations[same].sort_values("reference_period").iterrows():
            lines.append(
                f"  {point['reference_period']} {point['qualifier']}{point['value']:.6g} {point['agreement']}"
            )
            for _, row in rows[rows["observation_id"] == point["observation_id"]].iterrows():
                sentence = " ".join(str(row["sentence"]).split())
                lines.append(f"    {row['article_id']} | {row['surface']} | {row['metric']} | {sentence}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.series", description=__doc__.splitlines()[0])
    parser.add_argument("folders", type=Path, nargs="+")
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--rows", type=Path, help="write the rows as Parquet here")
    args = parser.parse_args(argv)
    rows = indicator_rows(args.folders)
    observations = observations_table(rows)
    if args.rows:
        rows.to_parquet(args.rows)
    print(json.dumps(summary(rows, observations), ensure_ascii=False))
    print(largest_series(rows, observations, args.top))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
