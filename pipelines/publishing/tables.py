"""The published tables, built from decoded articles and their extracted rows."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

import pandas as pd
import pyarrow as arrow

from pipelines.extraction import EXTRACTOR_VERSION, ExtractionTooSlow, extract_indicators, indicator_id
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
from .reading import ArticleText

log = logging.getLogger(__name__)


def empty_indicators() -> pd.DataFrame:
    return INDICATORS_ARROW_SCHEMA.empty_table().to_pandas()


# The longest one article's extraction may take by default (`INDICATORS_MAX_SECONDS_PER_ARTICLE`).
DEFAULT_MAX_SECONDS = float(MAX_SECONDS_PER_ARTICLE.default or "0")

_ROW_FIELDS = [c for c in INDICATOR_COLUMNS if c not in ("indicator_id", "article_id", "extractor_version")]


def indicator_columns(article: ArticleText, max_seconds: float | None = None) -> dict[str, list]:
    """The indicator rows of one decoded article, column by column (a list per contract
    column): a batch's table is built from these once, not one frame per article. Past
    `max_seconds` it raises `ExtractionTooSlow`."""
    rows = extract_indicators(article.text, max_seconds=max_seconds)
    columns: dict[str, list] = {
        "indicator_id": [indicator_id(article.article_id, row) for row in rows],
        "article_id": [article.article_id] * len(rows),
    }
    for name in _ROW_FIELDS:
        columns[name] = [getattr(row, name) for row in rows]
    columns["extractor_version"] = [EXTRACTOR_VERSION] * len(rows)
    return columns


def indicators_of_article(article: ArticleText) -> pd.DataFrame:
    """The indicator rows of one decoded article, as a frame."""
    return _frame_of_columns(indicator_columns(article))


def _frame_of_columns(columns: dict[str, list]) -> pd.DataFrame:
    if not columns["indicator_id"]:
        return empty_indicators()
    return pd.DataFrame(columns, columns=INDICATOR_COLUMNS)


def reusable_rows(
    output, extractor_version: str, article_ids: set[str] | None = None
) -> tuple[pd.DataFrame | None, dict[str, str]]:
    """(rows, article id → sha256) of the latest release, where its extractor is the same:
    the cache that spares unchanged articles a second extraction. `article_ids` limits it
    to the articles of one batch.

    It reads the release that LATEST names, every file checked against its hash: a release
    that fails verification gives no cache (every article is extracted afresh, and the
    publishing step quarantines that release), never rows that were not published."""
    try:
        manifest = output.latest_manifest()
        if not manifest or manifest.get("x-extractor-version") != extractor_version:
            return None, {}
        tables = _latest_tables(output, manifest)
    except NotVerified as problem:
        log.warning("no rows reused: the latest release fails verification (%s)", problem)
        return None, {}
    if tables is None:
        return None, {}
    rows, articles = tables
    ok = articles[articles["status"] == "ok"]
    if article_ids is not None:
        ok = ok[ok["article_id"].isin(article_ids)]
        rows = rows[rows["article_id"].isin(article_ids)]
    return rows, dict(zip(ok["article_id"], ok["sha256"]))


# The latest release's tables, read once per process: the eight extraction batches of a
# local run share them. Keyed by the release's content hash, so a new release is read anew.
_LATEST_TABLES: dict[tuple[str, str], tuple[pd.DataFrame, pd.DataFrame]] = {}


def _latest_tables(output, manifest: dict) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    key = (output.store.location, manifest.get("x-content-sha256", ""))
    if key not in _LATEST_TABLES:
        rows, articles = output.read_table("indicators"), output.read_table("articles")
        if rows is None or articles is None:
            return None
        _LATEST_TABLES.clear()
        _LATEST_TABLES[key] = (rows, articles)
    return _LATEST_TABLES[key]


@dataclass
class Extraction:
    """Rows of a set of articles, and what became of each article."""

    rows: pd.DataFrame
    extracted: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # article id → reason


def shard_of(sha256: str, shards: int) -> int:
    """The extraction batch of an article, by its content hash: stable across runs and machines."""
    return int(sha256[:8], 16) % shards


def extract_articles(
    articles: Iterable[ArticleText],
    cached: pd.DataFrame | None,
    cached_hashes: dict[str, str],
    max_seconds: float | None = DEFAULT_MAX_SECONDS,
) -> Extraction:
    """Rows for every readable article: reused from `cached` where the article's text and
    the extractor are unchanged, extracted afresh otherwise.

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
            article_columns = indicator_columns(article, max_seconds=limit)
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


def merge_extractions(parts: Iterable[Extraction]) -> Extraction:
    """One extraction from the batches that workers ran separately."""
    parts = list(parts)
    frames = [p.rows for p in parts if len(p.rows)]
    return Extraction(
        rows=pd.concat(frames, ignore_index=True) if frames else empty_indicators(),
        extracted=[a for p in parts for a in p.extracted],
        reused=[a for p in parts for a in p.reused],
        failed={k: v for p in parts for k, v in p.failed.items()},
    )


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
    articles: Iterable[ArticleText], indicators: pd.DataFrame, failed: dict[str, str] | None = None
) -> pd.DataFrame:
    """One row per raw file: what it is, how it was read, how many rows it gave, and
    `failed` where the extractor raised on it."""
    failed = failed or {}
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
            "n_chars": len(a.text),
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
