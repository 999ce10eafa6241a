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

from .outofcore import POSITION, load, query_database
from .rowfiles import READ_BATCH_ROWS, RowFile, RowFileWriter, rows_of

OBSERVATION_KEY = ("region", "indicator_code", "measure", "unit", "qualifier", "reference_period")
AGREEMENT_TOLERANCE = 1e-3
_FIRST = (
    "indicator_code",
    "indicator",
    "region",
    "region_code",
    "reference_period",
    "measure",
    "unit",
    "qualifier",
)
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
    """The observations of an indicators table (a frame or rows on disk), as a frame: for
    tests and small tables; the pipeline writes them to a file (`write_observations`)."""
    with query_database() as connection:
        frames = [_finished(batch) for batch in _observation_batches(connection, indicators)]
    frames = [f for f in frames if len(f)]
    if not frames:
        return OBSERVATIONS_ARROW_SCHEMA.empty_table().to_pandas()
    return pd.concat(frames, ignore_index=True)


def write_observations(indicators, destination: str) -> RowFile:
    """The observations of an indicators table, grouped out of core (DuckDB, spilling past
    its memory limit) and written to `destination` a batch at a time, in the published order."""
    with RowFileWriter(destination, OBSERVATIONS_ARROW_SCHEMA) as writer:
        with query_database() as connection:
            for batch in _observation_batches(connection, indicators):
                writer.write(
                    arrow.Table.from_pandas(
                        _finished(batch), schema=OBSERVATIONS_ARROW_SCHEMA, preserve_index=False
                    )
                )
    return RowFile(destination, writer.n_rows)


def conflicts(observations, limit: int) -> tuple[int, pd.DataFrame]:
    """How many observations (a frame or rows on disk) are in conflict, and the first `limit`."""
    count, shown = 0, []
    for frame in rows_of(observations).frames():
        found = frame[frame["agreement"] == "conflict"]
        count += len(found)
        if sum(map(len, shown)) < limit:
            shown.append(found)
    first = (
        pd.concat(shown, ignore_index=True).head(limit)
        if shown
        else OBSERVATIONS_ARROW_SCHEMA.empty_table().to_pandas()
    )
    return count, first


SERIES_KEY = ("indicator_code", "region", "measure", "unit", "qualifier")
BAR_WIDTH = 40


def largest_series(observations) -> pd.DataFrame:
    """The series (indicator, region, measure, unit, qualifier) with the most periods, its
    points in period order, each with a bar of its value's share of the largest: the plot
    the UI shows as a table. Empty where there is no observation."""
    keys = ", ".join(SERIES_KEY)
    with query_database() as connection:
        columns = [*SERIES_KEY, "indicator", "reference_period", "value", "agreement", "n_articles"]
        load(connection, "points", observations, columns)
        chosen = connection.execute(
            f"""SELECT {keys} FROM points GROUP BY {keys}
            ORDER BY count(DISTINCT reference_period) DESC, count(*) DESC, {", ".join(f"{k} NULLS LAST" for k in SERIES_KEY)}
            LIMIT 1"""
        ).fetchall()
        if not chosen:
            return pd.DataFrame(
                columns=["series", "reference_period", "value", "plot", "agreement", "n_articles"]
            )
        matches = " AND ".join(f"{k} IS NOT DISTINCT FROM ?" for k in SERIES_KEY)
        points = connection.execute(
            f"""SELECT indicator, region, measure, unit, qualifier, reference_period, value, agreement, n_articles
            FROM points WHERE {matches} ORDER BY reference_period, {POSITION}""",
            list(chosen[0]),
        ).df()
    top = points["value"].abs().max() or 1.0
    first = points.iloc[0]
    name = " ".join(
        str(p)
        for p in (
            first["region"],
            first["indicator"],
            first["measure"],
            first["unit"],
            first["qualifier"] or "",
        )
        if p
    )
    return pd.DataFrame(
        {
            "series": name,
            "reference_period": points["reference_period"],
            "value": points["value"],
            "plot": ["█" * max(1, round(BAR_WIDTH * abs(v) / top)) for v in points["value"]],
            "agreement": points["agreement"],
            "n_articles": points["n_articles"],
        }
    )


# The key's columns are equal within an observation (its id hashes them); the rest is the
# first mention's, in the published order. Agreement needs only the extremes: a value is
# farther from the first than the tolerance allows only if the lowest or the highest is. A
# conflict lists each distinct value once, in the order first said (what `_values_text`
# keeps of the whole list), so no group's mentions are held at once.
_GROUPED = f"""
WITH grouped AS (
    SELECT observation_id,
        {", ".join(f"arg_min_null({c}, {POSITION}) AS {c}" for c in _FIRST)},
        arg_min_null(value, {POSITION}) AS value,
        count(*) AS n_mentions,
        count(DISTINCT article_id) AS n_articles,
        arg_min_null(article_id, {POSITION}) AS first_article_id,
        arg_min_null(indicator_id, {POSITION}) AS first_indicator_id,
        min(value) AS lowest,
        max(value) AS highest
    FROM mentions
    GROUP BY observation_id
), judged AS (
    SELECT *, CASE
        WHEN n_mentions = 1 THEN 'single'
        WHEN abs(lowest - value) <= {AGREEMENT_TOLERANCE} * greatest(abs(lowest), abs(value), 1e-12)
         AND abs(highest - value) <= {AGREEMENT_TOLERANCE} * greatest(abs(highest), abs(value), 1e-12)
        THEN 'agree' ELSE 'conflict' END AS agreement
    FROM grouped
), distinct_values AS (
    SELECT observation_id, value, min({POSITION}) AS first_said
    FROM mentions
    WHERE observation_id IN (SELECT observation_id FROM judged WHERE agreement = 'conflict')
    GROUP BY observation_id, value
), listed AS (
    SELECT observation_id, list(value ORDER BY first_said) AS mentioned
    FROM distinct_values
    GROUP BY observation_id
)
SELECT judged.* EXCLUDE (lowest, highest), listed.mentioned
FROM judged LEFT JOIN listed USING (observation_id)
ORDER BY {", ".join(f"{c} NULLS LAST" for c in OBSERVATION_SORT)}, observation_id
"""


def _observation_batches(connection, indicators):
    """The observations as Arrow batches from DuckDB, sorted."""
    load(connection, "mentions", indicators, _NEEDED, where="observation_id IS NOT NULL")
    return connection.sql(_GROUPED).to_arrow_reader(READ_BATCH_ROWS)


def _finished(batch: arrow.RecordBatch) -> pd.DataFrame:
    """A batch of grouped observations in the contract's columns: `values` listed for conflicts."""
    frame = batch.to_pandas()
    frame["values"] = [_values_text(list(v)) if v is not None else "" for v in frame.pop("mentioned")]
    frame["value"] = frame["value"].astype(float)
    return _conform(frame.loc[:, OBSERVATIONS_ARROW_SCHEMA.names])


def _conform(frame: pd.DataFrame) -> pd.DataFrame:
    table = arrow.Table.from_pandas(frame, schema=OBSERVATIONS_ARROW_SCHEMA, preserve_index=False)
    return table.to_pandas()
