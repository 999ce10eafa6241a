"""The indicator rows of a fixed set of texts, as Arrow IPC bytes, from whichever build of
`pipelines.extraction` this process loads: `tests/test_compiled.py` runs it once with the
compiled build and once with `INDICATORS_PURE_PYTHON=1`, and compares the files byte for byte.

    python -m tests.compiled_rows OUT_DIR

writes `OUT_DIR/<set>.arrow` for every text set present (`SETS`) and prints one JSON line:
the build that ran, the extractor version, and rows and texts per set.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow as arrow

from pipelines.extraction import BUILD, COMPILED, EXTRACTOR_VERSION
from pipelines.extraction.explaining import explain_text
from pipelines.publishing.reading import ArticleText, read_raw_folder
from pipelines.publishing.tables import indicator_columns
from schemas.contract import INDICATOR_COLUMNS, INDICATORS_ARROW_SCHEMA

from .conftest import REPO, SHARED

# Test modules whose tables of phrases are extracted too (every string in their upper-case
# module-level lists, tuples and dicts).
PHRASE_MODULES = (
    "tests.test_any_text",
    "tests.test_rule_book",
    "tests.test_series",
    "tests.test_explain",
    "tests.test_robustness",
    "tests.test_cleaning",
    "tests.test_bad_input",
)


def _strings(value, found: set[str]) -> None:
    if isinstance(value, str):
        if value.strip():
            found.add(value)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            _strings(item, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _strings(key, found)
            _strings(item, found)


def phrases() -> list[str]:
    """Every phrase of the tests' tables, sorted."""
    import importlib

    found: set[str] = set()
    for name in PHRASE_MODULES:
        module = importlib.import_module(name)
        for attribute, value in vars(module).items():
            if attribute.isupper() and not attribute.startswith("_"):
                _strings(value, found)
    return sorted(found)


def _raw_set(folder: Path) -> list[ArticleText]:
    return [a for a in read_raw_folder(folder) if a.ok]


def text_sets() -> dict[str, list[ArticleText] | str]:
    """Each set's articles, or why it is absent."""
    sets: dict[str, list[ArticleText] | str] = {
        "repo_raw": _raw_set(REPO / "raw"),
        "test_phrases": [
            ArticleText(article_id=f"phrase_{n:05d}", file_name="", sha256="0" * 64, text=text)
            for n, text in enumerate(phrases())
        ],
    }
    for name, relative in (("shared_devset", "devset/raw"), ("shared_corpus", "corpus/raw")):
        folder = SHARED / relative
        sets[name] = _raw_set(folder) if folder.is_dir() else f"{folder} is absent on this machine"
    return sets


def table_of(articles: list[ArticleText]) -> tuple[arrow.Table, list[str]]:
    """The published columns of every article's rows, and each article's explanation (every
    numeral run with its row or the reason it gave none: the rules that gave no row)."""
    columns: dict[str, list] = {name: [] for name in INDICATOR_COLUMNS}
    accounts = []
    for article in articles:
        for name, values in indicator_columns(article).items():
            columns[name].extend(values)
        accounts.append(f"{article.article_id}\t{explain_text(article.text)!r}")
    return arrow.table(columns, schema=INDICATORS_ARROW_SCHEMA), accounts


def ipc_bytes(table: arrow.Table) -> bytes:
    sink = arrow.BufferOutputStream()
    with arrow.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    return sink.getvalue().to_pybytes()


def main(argv: list[str]) -> int:
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    summary: dict = {"compiled": COMPILED, "build": BUILD, "extractor_version": EXTRACTOR_VERSION, "sets": {}}
    for name, articles in text_sets().items():
        if isinstance(articles, str):
            summary["sets"][name] = {"absent": articles}
            continue
        table, accounts = table_of(articles)
        (out / f"{name}.arrow").write_bytes(ipc_bytes(table))
        (out / f"{name}.explained.txt").write_text("\n".join(accounts) + "\n", "utf-8")
        summary["sets"][name] = {"texts": len(articles), "rows": table.num_rows}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
