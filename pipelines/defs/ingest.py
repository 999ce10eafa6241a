"""Reading the raw folder."""

import pandas as pd
from dagster import AssetExecutionContext, MetadataValue, Output, asset

from pipelines.publishing.reading import ArticleText, list_articles
from pipelines.publishing.storage import refuse_output_inside_raw

from .metadata import ARTICLES_COLUMN_SCHEMA, preview
from .names import RAW_ARTICLES
from .resources import IndicatorFolders


@asset(key=RAW_ARTICLES, group_name="indicators", kinds={"python"})
def raw_articles(context: AssetExecutionContext, folders: IndicatorFolders) -> Output[list[ArticleText]]:
    """Every file of the raw folder, listed (article id = file name without extension, hash,
    title) or set aside with the reason: empty, binary, too large, unreadable, a link leading
    outside. The listing holds no text: each batch reads its own articles again."""
    refuse_output_inside_raw(folders.raw_location, folders.output_dir)
    articles = list_articles(folders.raw_location, folders.max_article_bytes)
    set_aside = [a for a in articles if not a.ok]
    for article in set_aside:
        context.log.warning(f"set aside {article.file_name}: {article.status}: {article.reason}")
    listing = pd.DataFrame(
        [
            {
                "article_id": a.article_id,
                "file_name": a.file_name,
                "title": a.title,
                "encoding": a.encoding,
                "n_chars": a.n_chars,
                "status": a.status,
                "reason": a.reason,
            }
            for a in articles
        ]
    )
    return Output(
        articles,
        metadata={
            "dagster/row_count": len(articles),
            "dagster/column_schema": ARTICLES_COLUMN_SCHEMA,
            "preview": preview(listing),
            "raw_folder": MetadataValue.path(folders.raw_location),
            "articles_read": len(articles) - len(set_aside),
            "files_set_aside": len(set_aside),
        },
    )
