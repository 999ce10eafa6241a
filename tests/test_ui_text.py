"""Article text is untrusted: nothing of it reaches the UI or a release README as Markdown."""

import numpy as np
import pandas as pd
from dagster import MarkdownMetadataValue, TableMetadataValue

from pipelines.defs.metadata import CELL_CHARS, cell_text, text_table
from pipelines.publishing.releases import markdown_literal

from .pipeline_runs import run_pipeline

PIXEL = "![x](http://127.0.0.1:9/pixel.png)"
FORGED = "| ok | 0000 | 99 |"


def _all_metadata(result):
    for event in result.get_asset_materialization_events():
        yield event.asset_key.to_user_string(), event.materialization.metadata


def test_no_article_text_reaches_the_ui_as_markdown(folders):
    raw, out = folders
    title = f"{PIXEL}{FORGED}"
    body = f"{title}\n来源：[点此](http://evil.example/)\n全省收入达5亿元，增长{'很' * 500}5%。\n"
    (raw / "a|b [c](http:x).txt").write_text(body, "utf-8")
    (raw / "line\nbreak.txt").write_text("全省支出达6亿元。", "utf-8")
    result = run_pipeline(raw, out)
    tables = 0
    for asset, metadata in _all_metadata(result):
        for name, value in metadata.items():
            if isinstance(value, MarkdownMetadataValue):
                assert "pixel" not in value.md_str and "evil" not in value.md_str, (asset, name)
            if isinstance(value, TableMetadataValue):
                tables += 1
                for record in value.records:
                    for cell in record.data.values():
                        assert "\n" not in str(cell) and len(str(cell)) <= CELL_CHARS, (asset, name, cell)
    assert tables >= 3
    readme = next((out / "releases").glob("*/README.md")).read_text("utf-8")
    assert "`a|b [c](http:x)`" in readme  # a code span: shown as written, no link


def test_a_cell_is_one_line_of_plain_text_as_an_analyst_reads_it():
    assert cell_text(20000000.0) == "20,000,000"
    assert cell_text(0.35) == "0.35"
    assert cell_text(np.int64(12345)) == "12,345" and cell_text(np.float64(2e7)) == "20,000,000"
    assert cell_text(None) == "" and cell_text(float("nan")) == ""
    assert cell_text("第一行\n第二行\x00") == "第一行 第二行"
    assert cell_text("很" * 200).endswith("…") and len(cell_text("很" * 200)) == CELL_CHARS
    frame = pd.DataFrame({"title": [PIXEL + FORGED], "sha256": ["ab" * 32]})
    (record,) = text_table(frame).records
    assert record.data["title"] == PIXEL + FORGED  # shown as plain text, in its own column
    assert record.data["sha256"] == "ab" * 6


def test_markdown_literal_shows_a_hostile_name_as_written():
    assert markdown_literal(PIXEL) == f"`{PIXEL}`"
    assert markdown_literal("a|b\n# c") == "`a|b # c`"
    assert markdown_literal("x`y``z") == "```x`y``z```"
    assert markdown_literal("`tick") == "`` `tick ``"
