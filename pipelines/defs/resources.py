"""Where the pipeline reads and writes, chosen by environment variables."""

import os
from pathlib import Path

from dagster import ConfigurableResource

from pipelines.publishing.reading import DEFAULT_MAX_BYTES
from pipelines.publishing.releases import OutputFolder


class IndicatorFolders(ConfigurableResource):
    """The raw folder articles are dropped into, and the output folder releases go to."""

    raw_dir: str
    output_dir: str
    max_article_bytes: int = DEFAULT_MAX_BYTES

    @property
    def raw_path(self) -> Path:
        return Path(self.raw_dir).expanduser().absolute()

    @property
    def output(self) -> OutputFolder:
        return OutputFolder(Path(self.output_dir).expanduser().absolute())


def folders_from_environment() -> IndicatorFolders:
    """`$INDICATORS_RAW_DIR` (default `raw/`) and `$INDICATORS_OUTPUT_DIR` (default `outputs/`)."""
    return IndicatorFolders(
        raw_dir=os.environ.get("INDICATORS_RAW_DIR", "raw"),
        output_dir=os.environ.get("INDICATORS_OUTPUT_DIR", "outputs"),
        max_article_bytes=int(os.environ.get("INDICATORS_MAX_ARTICLE_BYTES", DEFAULT_MAX_BYTES)),
    )
