"""The published tables, built from decoded articles and their extracted rows."""

from __future__ import annotations

import logging
from collections.abc import Iterable

import pandas as pd

from pipelines.extraction import EXTRACTOR_VERSION, extract_indicators, indicator_id
from schemas.contract import (
    ARTICLE_COLUMNS,
    ARTICLE_SORT,
    ARTICLES_ARROW_SCHEMA,
    INDICATOR_COLUMNS,
    INDICATOR_SORT,
    INDICATORS_ARROW_SCHEMA,
)

from .reading import ArticleText

log = logging.getLogger(__name__)


def empty_indicators() -> pd.DataFrame:
    return INDICATORS_ARROW_SCHEMA.empty_table().to_pandas()


def indicators_of_article(article: ArticleText) -> pd.DataFrame:
    """The indicator rows of one decoded article."""
    records = []
    for row in extract_indicators(article.text):
        record = row.as_dict()
        record["indicator_id"] = indicator_id(article.article_id, row)
        record["article_id"] = article.article_id
        record["extractor_version"] = EXTRACTOR_VERSION
        records.append(record)
    if not records:
        return empty_indicators()
    return pd.DataFrame.from_records(records, columns=INDICATOR_COLUMNS)


def reusable_rows(output, extractor_version: str) -> tuple[pd.DataFrame | None, dict[str, str]]:
    """(rows, article id → sha256) of the latest release, where its extractor is the same:
    the cache that spares unchanged articles a second extraction."""
    manifest = output.latest_manifest()
    if not manifest or manifest.get("x-extractor-version") != extractor_version:
        return None, {}
    rows, articles = output.read_table("indicators"), output.read_table("articles")
    if rows is None or articles is None:
        return None, {}
    ok = articles[articles["status"] == "ok"]
    return rows, dict(zip(ok["article_id"], ok["sha256"]))


def extract_articles(
    articles: Iterable[ArticleText], cached: pd.DataFrame | None, cached_hashes: dict[str, str]
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Rows for every readable article: reused from `cached` where the article's text and
    the extractor are unchanged, extracted afresh otherwise.

    Returns (rows, ids extracted, ids reused). A failure inside one article is logged,
    the article is marked `failed` and gives no rows; the others go on.
    """
    frames: list[pd.DataFrame] = []
    extracted: list[str] = []
    reused: list[str] = []
    for article in articles:
        if not article.ok:
            continue
        if cached_hashes.get(article.article_id) == article.sha256:
            reused.append(article.article_id)
            continue
        try:
            frames.append(indicators_of_article(article))
        except Exception:  # one bad article never stops the others
            log.exception("extraction failed for %s; it gives no rows this run", article.file_name)
            article.status, article.reason = "failed", "the extractor raised an error on this text"
            continue
        extracted.append(article.article_id)
    if reused and cached is not None:
        frames.insert(0, cached[cached["article_id"].isin(set(reused))])
    frames = [f for f in frames if len(f)]
    rows = pd.concat(frames, ignore_index=True) if frames else empty_indicators()
    return rows, extracted, reused


def sort_indicators(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows in the published, stable order with the contract's columns."""
    rows = rows.loc[:, list(INDICATOR_COLUMNS)]
    return rows.sort_values(INDICATOR_SORT, kind="mergesort").reset_index(drop=True)


def articles_table(articles: Iterable[ArticleText], indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per raw file: what it is, how it was read, how many rows it gave."""
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
            "status": a.status,
            "reason": a.reason,
        }
        for a in articles
    ]
    if not records:
        return ARTICLES_ARROW_SCHEMA.empty_table().to_pandas()
    frame = pd.DataFrame.from_records(records, columns=ARTICLE_COLUMNS)
    frame["published_date"] = pd.to_datetime(frame["published_date"], utc=True).astype("datetime64[us, UTC]")
    return frame.sort_values(ARTICLE_SORT, kind="mergesort").reset_index(drop=True)
