"""The indicators table of a batch is built column-wise once (issue 14): it must equal, column
by column and dtype, the one-frame-per-article table it replaced, whose bytes are published."""

from dataclasses import asdict

import pandas as pd

from pipelines.extraction import EXTRACTOR_VERSION, extract_indicators, indicator_id
from pipelines.extraction.series import series_points
from pipelines.publishing import tables
from pipelines.publishing.observations import observation_id
from pipelines.publishing.reading import read_raw_folder
from schemas.contract import INDICATOR_COLUMNS

from .conftest import SEED_ARTICLE, shared_path


def _frame_per_article(articles):
    """The former build: one record per row, a frame per article, then their concat."""
    frames = []
    for article in articles:
        records = []
        rows = extract_indicators(article.text)
        for row, point in zip(rows, series_points(article.text, rows)):
            record = {**row.as_dict(), **asdict(point)}
            record["observation_id"] = observation_id(
                point.region,
                point.indicator_code,
                row.measure,
                row.unit,
                row.qualifier,
                point.reference_period,
            )
            record["indicator_id"] = indicator_id(article.article_id, row)
            record["article_id"] = article.article_id
            record["extractor_version"] = EXTRACTOR_VERSION
            records.append(record)
        if records:
            frames.append(pd.DataFrame.from_records(records, columns=INDICATOR_COLUMNS))
    return pd.concat(frames, ignore_index=True)


def _articles(folder):
    return [a for a in read_raw_folder(folder) if a.ok]


def _assert_same_table(articles):
    built, former = tables.extract_articles(articles, None, {}).rows, _frame_per_article(articles)
    assert list(built.columns) == INDICATOR_COLUMNS
    # the same values in the same order; `period` was object or str by the batch's luck
    pd.testing.assert_frame_equal(built, former, check_exact=True, check_dtype=False)
    # and what is validated and published, after the contract's types: equal, dtype and all
    pd.testing.assert_frame_equal(
        tables.sort_indicators(built), tables.sort_indicators(former), check_exact=True
    )


def test_one_article_gives_a_list_per_contract_column_of_equal_length():
    (article,) = _articles(SEED_ARTICLE.parent)
    columns = tables.indicator_columns(article)
    assert list(columns) == INDICATOR_COLUMNS
    assert len({len(values) for values in columns.values()}) == 1
    assert len(columns["indicator_id"]) == len(extract_indicators(article.text)) > 0


def test_the_seed_batch_table_equals_the_frame_per_article_table():
    _assert_same_table(_articles(SEED_ARTICLE.parent))


def test_the_devset_batch_table_equals_the_frame_per_article_table():
    _assert_same_table(_articles(shared_path("devset", "raw")))
