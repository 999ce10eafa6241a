"""Where the pipeline reads and writes, chosen by environment variables."""

from pathlib import Path

from dagster import ConfigurableResource

from pipelines.publishing.reading import DEFAULT_MAX_BYTES
from pipelines.publishing.releases import OutputFolder
from pipelines.publishing.storage import is_remote
from pipelines.publishing.tables import DEFAULT_MAX_SECONDS
from pipelines.settings import MAX_ARTICLE_BYTES, MAX_SECONDS_PER_ARTICLE, OUTPUT_DIR, RAW_DIR


def _absolute(location: str) -> str:
    return location if is_remote(location) else str(Path(location).expanduser().absolute())


class IndicatorFolders(ConfigurableResource):
    """The raw folder articles are dropped into, and the output folder releases go to:
    local paths, or object-store URLs (`s3://bucket/raw`) in the distributed setup."""

    raw_dir: str
    output_dir: str
    max_article_bytes: int = DEFAULT_MAX_BYTES
    max_seconds_per_article: float = DEFAULT_MAX_SECONDS

    @property
    def raw_location(self) -> str:
        return _absolute(self.raw_dir)

    @property
    def output(self) -> OutputFolder:
        return OutputFolder(_absolute(self.output_dir))


def folders_from_environment() -> IndicatorFolders:
    """`$INDICATORS_RAW_DIR` (default `raw/`) and `$INDICATORS_OUTPUT_DIR` (default `outputs/`)."""
    return IndicatorFolders(
        raw_dir=RAW_DIR.read(),
        output_dir=OUTPUT_DIR.read(),
        max_article_bytes=int(MAX_ARTICLE_BYTES.read()),
        max_seconds_per_article=float(MAX_SECONDS_PER_ARTICLE.read()),
    )
