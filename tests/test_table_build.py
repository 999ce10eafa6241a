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


def test_the_listing_streams_to_parquet_and_each_batch_reads_only_its_share(tmp_path):
    from pipelines.publishing.listing import listed_articles, write_listing
    from pipelines.publishing.reading import iter_raw_folder

    raw = tmp_path / "raw"
    raw.mkdir()
    for number in range(30):
        (raw / f"a{number:02d}.txt").write_text(f"全省收入达{number + 1}亿元。", "utf-8")
    (raw / "empty.txt").write_bytes(b"")
    listing = write_listing(
        iter_raw_folder(raw, keep_text=False),
        str(tmp_path / "listing.parquet"),
        lambda a: int(a.sha256, 16) % 3,
    )
    assert listing.n_rows == 31
    everything = list(listed_articles(listing))
    assert [a.article_id for a in everything][:2] == ["a00", "a01"] and everything[-1].status == "empty"
    assert all(a.text == "" and (a.n_chars > 0) == a.ok for a in everything)
    shares = [list(listed_articles(listing, batch)) for batch in range(3)]
    assert sorted(a.article_id for share in shares for a in share) == sorted(
        a.article_id for a in everything if a.ok
    )
    assert all(int(a.sha256, 16) % 3 == batch for batch, share in enumerate(shares) for a in share)
