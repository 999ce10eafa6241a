"""The published tables, built from decoded articles and their extracted rows."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as arrow
import pyarrow.compute as compute

from pipelines.extraction import EXTRACTOR_VERSION, ExtractionTooSlow, extract_indicators, indicator_id
from pipelines.extraction.series import series_points
from pipelines.settings import MAX_SECONDS_PER_ARTICLE
from schemas.contract import (
    ARTICLE_COLUMNS,
    ARTICLE_SORT,
    ARTICLES_ARROW_SCHEMA,
    INDICATOR_COLUMNS,
    INDICATOR_SORT,
    INDICATORS_ARROW_SCHEMA,
)

from .integrity import NotVerified
from .observations import observation_id
from .reading import ArticleChanged, ArticleText
from .rowfiles import RowFile, RowFileWriter, merge_runs

log = logging.getLogger(__name__)


def empty_indicators() -> pd.DataFrame:
    return INDICATORS_ARROW_SCHEMA.empty_table().to_pandas()


# The longest one article's extraction may take by default (`INDICATORS_MAX_SECONDS_PER_ARTICLE`).
DEFAULT_MAX_SECONDS = float(MAX_SECONDS_PER_ARTICLE.default or "0")

_SERIES_FIELDS = ["region", "region_code", "reference_period", "period_source", "indicator", "indicator_code"]
_ROW_FIELDS = [
    c
    for c in INDICATOR_COLUMNS
    if c not in ("indicator_id", "article_id", "extractor_version", "observation_id", *_SERIES_FIELDS)
]


def indicator_columns(
    article: ArticleText, text: str | None = None, max_seconds: float | None = None
) -> dict[str, list]:
    """The indicator rows of one decoded article (its `text`, read again where the article
    is a listing) with the series point each reports, column by column: a batch's table is
    built from these once, not one frame per article. Past `max_seconds` it raises
    `ExtractionTooSlow`."""
    raw = article.text if text is None else text
    rows = extract_indicators(raw, max_seconds=max_seconds)
    points = series_points(raw, rows)
    columns: dict[str, list] = {
        "indicator_id": [indicator_id(article.article_id, row) for row in rows],
        "article_id": [article.article_id] * len(rows),
    }
    for name in _ROW_FIELDS:
        columns[name] = [getattr(row, name) for row in rows]
    for name in _SERIES_FIELDS:
        columns[name] = [getattr(point, name) for point in points]
    columns["observation_id"] = [
        observation_id(p.region, p.indicator_code, row.measure, row.unit, row.qualifier, p.reference_period)
        for row, p in zip(rows, points)
    ]
    columns["extractor_version"] = [EXTRACTOR_VERSION] * len(rows)
    return {name: columns[name] for name in INDICATOR_COLUMNS}


def _frame_of_columns(columns: dict[str, list]) -> pd.DataFrame:
    if not columns["indicator_id"]:
        return empty_indicators()
    return pd.DataFrame(columns, columns=INDICATOR_COLUMNS)


class ReuseCache:
    """The latest release's rows, where its extractor is the same: the cache that spares
    unchanged articles a second extraction.

    It reads the release that LATEST names, every file checked against its hash once: a
    release that fails verification gives no cache (every article is extracted afresh, and
    the publishing step quarantines that release), never rows that were not published.
    Rows are read batch by batch (`copy_rows`), never the whole table."""

    def __init__(self, output, extractor_version: str, article_ids: set[str] | None = None) -> None:
        self.rows, self.hashes = None, {}
        try:
            manifest = output.latest_manifest()
            if not manifest or manifest.get("x-extractor-version") != extractor_version:
                return
            articles = output.read_table("articles", article_ids=article_ids)
            rows = output.table_rows("indicators")
        except NotVerified as problem:
            log.warning("no rows reused: the latest release fails verification (%s)", problem)
            return
        if articles is None or rows is None:
            return
        ok = articles[articles["status"] == "ok"]
        self.rows, self.hashes = rows, dict(zip(ok["article_id"], ok["sha256"]))

    def reusable(self, article: ArticleText) -> bool:
        """An article whose text is the one the latest release read with this extractor."""
        return self.rows is not None and self.hashes.get(article.article_id) == article.sha256

    def copy_rows(self, article_ids: set[str], destination: str) -> tuple[RowFile, dict[str, int]]:
        """The published rows of these articles copied into `destination` in one pass over
        the release, a read batch at a time, with their count per article. The release is in
        the published order, so the copy is too."""
        wanted = arrow.array(sorted(article_ids), type=arrow.string())
        counts: dict[str, int] = {}
        with RowFileWriter(destination, INDICATORS_ARROW_SCHEMA) as writer:
            if self.rows is not None and len(wanted):
                for batch in self.rows.batches():
                    kept = batch.filter(compute.is_in(batch.column("article_id"), value_set=wanted))
                    if kept.num_rows:
                        writer.write(kept)
                        for item in kept.column("article_id").value_counts().to_pylist():
                            counts[item["values"]] = counts.get(item["values"], 0) + item["counts"]
        return RowFile(destination, writer.n_rows), counts


@dataclass
class Extraction:
    """Rows of a set of articles, and what became of each article."""

    rows: pd.DataFrame
    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # article id → reason
    # the raw listing the rows came from, handed on with them to build the articles table
    listing: RowFile | None = None


def shard_of(sha256: str, shards: int) -> int:
    """The extraction batch of an article, by its content hash: stable across runs and machines."""
    return int(sha256[:8], 16) % shards


def extract_articles(
    articles: Iterable[ArticleText],
    cached: pd.DataFrame | None,
    cached_hashes: dict[str, str],
    text_of: Callable[[ArticleText], str] | None = None,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
) -> Extraction:
    """Rows for every readable article: reused from `cached` where the article's text and
    the extractor are unchanged, extracted afresh otherwise. `text_of` reads a listed
    article's text again (`reading.text_again`); without it the articles carry their text.

    A failure inside one article, or an extraction longer than `max_seconds` (no limit if
    None or 0), is logged and recorded; that article gives no rows and the others go on.
    """
    limit = max_seconds if max_seconds and max_seconds > 0 else None
    columns: dict[str, list] = {name: [] for name in INDICATOR_COLUMNS}
    result = Extraction(rows=empty_indicators())
    for article in articles:
        if not article.ok:
            continue
        if cached_hashes.get(article.article_id) == article.sha256:
            result.reused.append(article.article_id)
            continue
        try:
            article_columns = indicator_columns(
                article, text=text_of(article) if text_of else None, max_seconds=limit
            )
        except ArticleChanged as changed:
            log.warning("%s", changed)
            result.failed[article.article_id] = str(changed)
            continue
        except ExtractionTooSlow as slow:  # one slow article never stalls the others
            log.warning("extraction of %s stopped: %s; it gives no rows this run", article.file_name, slow)
            result.failed[article.article_id] = too_slow_reason(slow.seconds)
            continue
        except Exception:  # one bad article never stops the others
            log.exception("extraction failed for %s; it gives no rows this run", article.file_name)
            result.failed[article.article_id] = "the extractor raised an error on this text"
            continue
        for name, values in article_columns.items():
            columns[name].extend(values)
        result.extracted.append(article.article_id)
    frames = [_frame_of_columns(columns)]
    if result.reused and cached is not None:
        frames.insert(0, cached[cached["article_id"].isin(set(result.reused))])
    frames = [f for f in frames if len(f)]
    if frames:
        result.rows = pd.concat(frames, ignore_index=True)
    return result


def too_slow_reason(seconds: float) -> str:
    """The `articles` reason of an article set aside for its extraction time."""
    return f"extraction took longer than {seconds:g} s, the limit set by {MAX_SECONDS_PER_ARTICLE.name}"


@dataclass
class BatchRows:
    """An extraction batch's rows on disk, one sorted file (`RowFile`) per slice of
    articles, and what became of each article: what a step hands on instead of its rows."""

    runs: list[RowFile] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)  # article id → rows
    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # article id → reason

    @property
    def n_rows(self) -> int:
        return sum(run.n_rows for run in self.runs)

    def head(self, rows: int) -> pd.DataFrame:
        for run in self.runs:
            if run.n_rows:
                return run.head(rows)
        return empty_indicators()


def extract_batch(
    articles: list[ArticleText],
    cache: ReuseCache,
    folder: str,
    slice_articles: int,
    text_of: Callable[[ArticleText], str] | None = None,
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
    progress: Callable[[int, int], None] | None = None,
) -> BatchRows:
    """A batch's rows as files in `folder`: the unchanged articles' rows copied from the
    latest release in one pass, then the others extracted `slice_articles` at a time, each
    slice's rows sorted into the published order in a file of its own. A step holds one
    slice's rows, whatever the batch's size. `progress(done, total)` is called after each
    slice with the articles extracted so far and the number to extract."""
    batch = BatchRows()
    readable = [a for a in articles if a.ok]
    reused = [a for a in readable if cache.reusable(a)]
    if reused:
        run, counts = cache.copy_rows({a.article_id for a in reused}, f"{folder}/reused.parquet")
        batch.runs.append(run)
        batch.counts.update(counts)
        batch.reused = [a.article_id for a in reused]
    fresh = [a for a in readable if not cache.reusable(a)]
    for number, start in enumerate(range(0, len(fresh), max(1, slice_articles))):
        result = extract_articles(fresh[start : start + slice_articles], None, {}, text_of, max_seconds)
        rows = sort_indicators(result.rows)
        with RowFileWriter(f"{folder}/slice-{number:05d}.parquet", INDICATORS_ARROW_SCHEMA) as writer:
            writer.write(arrow.Table.from_pandas(rows, schema=INDICATORS_ARROW_SCHEMA, preserve_index=False))
        batch.runs.append(RowFile(writer.location, writer.n_rows))
        if len(rows):
            batch.counts.update(rows.groupby("article_id").size().astype(int).to_dict())
        batch.extracted += result.extracted
        batch.failed.update(result.failed)
        if progress is not None:
            progress(min(start + slice_articles, len(fresh)), len(fresh))
    return batch


def merge_batches(parts: Iterable[BatchRows]) -> BatchRows:
    """One batch from the batches that steps ran separately: their files, not their rows."""
    merged = BatchRows()
    for part in parts:
        merged.runs += part.runs
        merged.counts.update(part.counts)
        merged.extracted += part.extracted
        merged.reused += part.reused
        merged.failed.update(part.failed)
    return merged


def sorted_rows(batch: BatchRows, destination: str) -> RowFile:
    """Every row of the batches in the published order, in one file: merged by article."""
    return merge_runs(batch.runs, destination, INDICATORS_ARROW_SCHEMA, key="article_id")


def conform(frame: pd.DataFrame, schema) -> pd.DataFrame:
    """The frame with the contract's columns and the dtypes its Arrow schema gives, whether
    its rows were extracted now or read back from a release: equal data, equal frames."""
    table = arrow.Table.from_pandas(frame.loc[:, schema.names], schema=schema, preserve_index=False)
    return table.to_pandas()


def sort_indicators(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows in the published, stable order with the contract's columns and types."""
    rows = rows.sort_values(INDICATOR_SORT, kind="mergesort").reset_index(drop=True)
    return conform(rows, INDICATORS_ARROW_SCHEMA)


def articles_table(
    articles: Iterable[ArticleText], indicators, failed: dict[str, str] | None = None
) -> pd.DataFrame:
    """One row per raw file: what it is, how it was read, how many rows it gave (`indicators`:
    the rows, or the counts per article that the batches kept), and `failed` where the
    extractor raised on it."""
    failed = failed or {}
    if isinstance(indicators, dict):
        counts = indicators
    else:
        counts = indicators.groupby("article_id").size().to_dict() if len(indicators) else {}
    records = [
        {
            "article_id": a.article_id,
            "file_name": a.file_name,
            "title": a.title,
            "publisher": a.publisher,
            "published_date": a.published_date,
            "sha256": a.sha256,
            "encoding": a.encoding,
            "n_chars": a.n_chars,
            "n_indicators": int(counts.get(a.article_id, 0)),
            "status": "failed" if a.article_id in failed else a.status,
            "reason": failed.get(a.article_id, a.reason),
        }
        for a in articles
    ]
    if not records:
        return ARTICLES_ARROW_SCHEMA.empty_table().to_pandas()
    frame = pd.DataFrame.from_records(records, columns=ARTICLE_COLUMNS)
    frame["published_date"] = pd.to_datetime(frame["published_date"], utc=True).astype("datetime64[us, UTC]")
    frame = frame.sort_values(ARTICLE_SORT, kind="mergesort").reset_index(drop=True)
    return conform(frame, ARTICLES_ARROW_SCHEMA)
