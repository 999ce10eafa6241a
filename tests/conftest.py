"""Shared test helpers: where the shared development set lives, and a tiny pipeline run."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("INDICATORS_SHARED_DIR", REPO.parent / "shared"))
SEED_ARTICLE = REPO / "raw" / "000_6548d97651490993.txt"


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or a skip that says why it is missing."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared development set is not beside this checkout")
    return path


@pytest.fixture
def folders(tmp_path):
    """An empty raw folder and output folder."""
    raw = tmp_path / "raw"
    out = tmp_path / "outputs"
    raw.mkdir()
    return raw, out
