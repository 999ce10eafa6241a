"""From mentions to observations: one row per series point, however many articles report it.

An observation is a (region, indicator_code, measure, unit, qualifier, reference_period): the
qualifier is part of the key, so a bounded or approximate figure never merges with an exact
one. Its value is the first mention's (in the published order); `agreement` says whether the
other mentions agree with it within a relative 1e-3, the tolerance the gold is scored with.
"""

from __future__ import annotations

import hashlib

import pandas as pd
import pyarrow as arrow

from schemas.contract import OBSERVATION_SORT, OBSERVATIONS_ARROW_SCHEMA

from .rowfiles import rows_of

OBSERVATION_KEY = ("region", "indicator_code", "measure", "unit", "qualifier", "reference_period")
AGREEMENT_TOLERANCE = 1e-3
_NEEDED = [
    "observation_id",
    "indicator_id",
    "article_id",
    "indicator",
    "region_code",
    *OBSERVATION_KEY,
    "value",
]


def observation_id(region, indicator_code, measure, unit, qualifier, reference_period) -> str | None:
    """The key of the observation a row reports; None for a row with no indicator code, and
    for one whose region or reference period the text does not give: such a row is no point
    of any one series (two such rows of one article may be of two periods or places)."""
    if not indicator_code or not region or not reference_period:
        return None
    key = "\x1f".join(
        str(part or "") for part in (region, indicator_code, measure, unit, qualifier, reference_period)
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= AGREEMENT_TOLERANCE * max(abs(a), abs(b), 1e-12)


def _values_text(values: list[float]) -> str:
    distinct: list[float] = []
    for value in values:
        if not any(_same(value, seen) for seen in distinct):
            distinct.append(value)
    return ";".join(f"{v:.15g}" for v in distinct)


def observations_table(indicators) -> pd.DataFrame:
    """The observations of an indicators table (a frame or rows on disk), read batch by batch:
    only the rows with an observation id (an indicator code, a region and a reference period)
    are kept, a few columns each."""
    parts = [frame.loc[frame["observation_id"].notna(), _NEEDED] for frame in rows_of(indicators).frames()]
    rows = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=_NEEDED)
    if not len(rows):
        return OBSERVATIONS_ARROW_SCHEMA.empty_table().to_pandas()
    records = []
    for _, group in rows.groupby("observation_id", sort=False):
        first = group.iloc[0]
        values = group["value"].tolist()
        agreement = "single" if len(values) == 1 else "agree"
        if any(not _same(v, values[0]) for v in values[1:]):
            agreement = "conflict"
        records.append(
            {
                "observation_id": first["observation_id"],
                "indicator_code": first["indicator_code"],
                "indicator": first["indicator"],
                "region": first["region"],
                "region_code": first["region_code"],
                "reference_period": first["reference_period"],
                "measure": first["measure"],
                "unit": first["unit"],
                "qualifier": first["qualifier"],
                "value": float(first["value"]),
                "n_mentions": len(group),
                "n_articles": group["article_id"].nunique(),
                "first_article_id": first["article_id"],
                "first_indicator_id": first["indicator_id"],
                "agreement": agreement,
                "values": _values_text(values) if agreement == "conflict" else "",
            }
        )
    frame = pd.DataFrame.from_records(records, columns=OBSERVATIONS_ARROW_SCHEMA.names)
    frame = frame.sort_values([*OBSERVATION_SORT, "observation_id"], kind="mergesort", na_position="last")
    return _conform(frame.reset_index(drop=True))


def _conform(frame: pd.DataFrame) -> pd.DataFrame:
    table = arrow.Table.from_pandas(frame, schema=OBSERVATIONS_ARROW_SCHEMA, preserve_index=False)
    return table.to_pandas()
