"""The whole-table queries (observations, the release diff, ids unique across batches) done
out of core in DuckDB give what the same rules give in memory, whatever the batch sizes."""

from dataclasses import dataclass

import pandas as pd
import pyarrow as arrow
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.publishing.observations import (
    AGREEMENT_TOLERANCE,
    conflicts,
    observations_table,
    write_observations,
)
from pipelines.publishing.outofcore import article_changes, keyed_changes, repeated_across_batches
from pipelines.publishing.rowfiles import FrameRows, RowFile, RowFileWriter
from pipelines.publishing.tables import conform, empty_indicators
from pipelines.publishing.validation import validate_rows
from schemas.contract import ARTICLES_ARROW_SCHEMA, INDICATORS_ARROW_SCHEMA, ArticlesModel


@dataclass(frozen=True)
class SmallFrames(FrameRows):
    """A frame read back `size` rows at a time, as a large table on disk is."""

    size: int = 2

    def frames(self, batch_rows: int = 0):
        for start in range(0, max(len(self.frame), 1), self.size):
            yield self.frame.iloc[start : start + self.size]


def _mentions(values: list[tuple[str, float]]) -> pd.DataFrame:
    """Indicator rows: one per (region, value), all the same indicator and period."""
    rows = empty_indicators().reindex(range(len(values)))
    for position, (region, value) in enumerate(values):
        rows.loc[position, ["article_id", "indicator_id"]] = [f"a{position % 3}", f"{position:016x}"]
        rows.loc[position, ["region", "indicator_code", "indicator", "measure", "unit"]] = [
            region,
            "gdp",
            "地区生产总值",
            "level",
            "元",
        ]
        rows.loc[position, ["reference_period", "value", "char_start", "char_end"]] = ["2025", value, 0, 1]
        rows.loc[position, "observation_id"] = f"obs-{region}"
    return rows


def _in_memory(rows: pd.DataFrame) -> dict[str, tuple]:
    """The rules of the observations table, read plainly off the rows in order."""
    out = {}
    for key, group in rows.groupby("observation_id", sort=False):
        first, values = group.iloc[0], list(group["value"])

        def same(a, b):
            return abs(a - b) <= AGREEMENT_TOLERANCE * max(abs(a), abs(b), 1e-12)

        agreement = "single" if len(values) == 1 else "agree"
        if any(not same(v, values[0]) for v in values[1:]):
            agreement = "conflict"
        out[key] = (first["value"], len(group), group["article_id"].nunique(), first["article_id"], agreement)
    return out


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["广东省", "江苏省", "全国"]), st.sampled_from([100.0, 100.05, 100.2, -3.0, 0.0])
        ),
        min_size=1,
        max_size=12,
    )
)
def test_observations_grouped_out_of_core_follow_the_rules_read_in_memory(values):
    rows = _mentions(values)
    found = observations_table(SmallFrames(rows, 3))
    got = {
        r.observation_id: (r.value, r.n_mentions, r.n_articles, r.first_article_id, r.agreement)
        for r in found.itertuples()
    }
    assert got == _in_memory(rows)
    assert list(found["region"]) == sorted(found["region"])  # the published order


def test_observations_written_to_a_file_equal_the_frame(tmp_path):
    rows = conform(_mentions([("广东省", 1.0), ("广东省", 2.0), ("全国", 5.0)]), INDICATORS_ARROW_SCHEMA)
    written = write_observations(rows, str(tmp_path / "observations.parquet"))
    assert isinstance(written, RowFile) and written.n_rows == 2
    pd.testing.assert_frame_equal(written.read(), observations_table(rows))
    count, shown = conflicts(written, 10)
    assert count == 1 and list(shown["values"]) == ["1;2"]


def test_an_indicators_table_without_a_coded_row_gives_no_observation():
    assert len(observations_table(empty_indicators())) == 0


def test_a_value_repeated_in_two_batches_is_found_with_every_position():
    frame = pd.DataFrame({"article_id": ["a", "b", "c", "a", "d", "b"]})
    repeated = repeated_across_batches(SmallFrames(frame, 2), "article_id")
    assert list(repeated.itertuples(index=False, name=None)) == [("a", 0), ("a", 3), ("b", 1), ("b", 5)]
    # within one batch it is the model's own check that finds it, not this one
    assert (
        len(
            repeated_across_batches(
                SmallFrames(pd.DataFrame({"article_id": ["a", "a", "b"]}), 2), "article_id"
            )
        )
        == 0
    )


def test_the_contract_check_reports_an_id_repeated_across_batches(tmp_path):
    articles = pd.DataFrame(
        {
            "article_id": ["x", "y", "x"],
            "file_name": ["x.txt", "y.txt", "x2.txt"],
            "title": ["t"] * 3,
            "publisher": [None] * 3,
            "published_date": pd.to_datetime([None] * 3, utc=True).astype("datetime64[us, UTC]"),
            "sha256": ["0" * 64] * 3,
            "encoding": ["utf-8"] * 3,
            "n_chars": [1, 1, 1],
            "n_indicators": [0, 0, 0],
            "status": ["ok"] * 3,
            "reason": [None] * 3,
        }
    )
    failures = validate_rows(SmallFrames(articles, 2), ArticlesModel, unique=("article_id",))
    repeated = failures[failures["check"] == "field_uniqueness"]
    assert sorted(repeated["index"]) == [0, 2] and set(repeated["failure_case"]) == {"x"}


def _rows_file(path, frame: pd.DataFrame) -> RowFile:
    with RowFileWriter(str(path), INDICATORS_ARROW_SCHEMA) as writer:
        writer.write(
            arrow.Table.from_pandas(conform(frame, INDICATORS_ARROW_SCHEMA), schema=INDICATORS_ARROW_SCHEMA)
        )
    return RowFile(str(path), writer.n_rows)


@pytest.mark.parametrize("as_file", [False, True])
def test_the_release_diff_counts_rows_added_removed_and_changed(tmp_path, as_file):
    old = _mentions([("广东省", 1.0), ("江苏省", 2.0), ("全国", 3.0)])
    old["char_start"], old["char_end"] = [0, 10, 20], [5, 15, 25]
    new = old.copy()
    new.loc[1, "unit"] = "美元"  # the same figure read otherwise: changed
    new = pd.concat([new.drop(index=2), new.iloc[[0]].assign(char_start=30, char_end=35)], ignore_index=True)
    key = ["article_id", "char_start", "char_end", "value"]
    reading = "row(coalesce(unit, ''), coalesce(metric, ''))"
    if as_file:
        old, new = _rows_file(tmp_path / "old.parquet", old), _rows_file(tmp_path / "new.parquet", new)
    assert keyed_changes(old, new, key, reading, INDICATORS_ARROW_SCHEMA) == {
        "added": 1,
        "removed": 1,
        "changed": 1,
    }
    assert keyed_changes(None, new, key, reading, INDICATORS_ARROW_SCHEMA)["added"] == 3


def test_article_changes_count_every_article_and_list_the_first_sorted():
    def articles(rows):
        return pd.DataFrame(rows, columns=["article_id", "file_name", "sha256", "status"])

    old = articles([("b", "b.txt", "1", "ok"), ("c", "c.txt", "2", "ok"), ("e", "e.txt", "0", "empty")])
    new = articles(
        [(name, f"{name}.txt", "9", "ok") for name in "zyxa"]
        + [("c", "c.txt", "3", "ok"), ("e", "e.txt", "0", "empty"), ("f", "f.bin", "0", "refused")]
    )
    counts, lists = article_changes(old, new, 2, ARTICLES_ARROW_SCHEMA)
    assert counts == {
        "articles_added": 4,
        "articles_removed": 1,
        "articles_changed": 1,
        "files_newly_set_aside": 1,
        "files_set_aside": 2,
    }
    assert lists == {
        "articles_added": ["a", "x"],
        "articles_removed": ["b"],
        "articles_changed": ["c"],
        "files_newly_set_aside": ["f.bin"],
    }
    first, _ = article_changes(None, new, 10, ARTICLES_ARROW_SCHEMA)
    assert first["articles_added"] == 5 and first["articles_removed"] == 0


@pytest.mark.parametrize("value", ["lots", "256", "-1GB", "1 PB"])
def test_a_query_memory_that_is_no_size_is_named(monkeypatch, value):
    monkeypatch.setenv("INDICATORS_QUERY_MEMORY", value)
    with pytest.raises(ValueError, match=f"INDICATORS_QUERY_MEMORY='{value}': expected a size"):
        observations_table(_mentions([("广东省", 1.0)]))


@pytest.mark.parametrize("value", ["64MB", "1GiB", "512 mb"])
def test_a_query_memory_in_any_unit_duckdb_knows_is_taken(monkeypatch, value):
    monkeypatch.setenv("INDICATORS_QUERY_MEMORY", value)
    assert len(observations_table(_mentions([("广东省", 1.0)]))) == 1
