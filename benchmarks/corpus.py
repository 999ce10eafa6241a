"""A synthetic corpus built from the paragraphs of the real texts, reproducibly.

The same seed and size always give the same files, so runs on different days compare.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "raw", REPO.parent / "shared" / "seeds", REPO.parent / "shared" / "devset" / "raw"]
SEED = 20261126


def paragraphs() -> list[str]:
    """Every non-empty line of the real texts, deduplicated, in a fixed order."""
    seen: dict[str, None] = {}
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.txt")):
            for line in path.read_text("utf-8").splitlines():
                line = line.strip()
                if len(line) >= 8:
                    seen.setdefault(line, None)
    return list(seen)


def build(folder: Path, n_articles: int, seed: int = SEED) -> Path:
    """`folder` holds `n_articles` articles of 4 to 14 recombined paragraphs (kept if built before)."""
    stamp = folder / ".corpus.json"
    pool = paragraphs()
    signature = {"seed": seed, "n": n_articles, "pool": hashlib.sha256("\n".join(pool).encode()).hexdigest()}
    if stamp.exists() and json.loads(stamp.read_text()) == signature:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.txt"):
        old.unlink()
    rng = random.Random(seed)
    short = [p for p in pool if len(p) <= 60] or pool
    for index in range(n_articles):
        body = rng.sample(pool, k=min(len(pool), rng.randint(4, 14)))
        text = "\n".join([rng.choice(short), *body]) + "\n"
        (folder / f"synthetic_{index:05d}.txt").write_text(text, "utf-8")
    stamp.write_text(json.dumps(signature))
    return folder


def extra_article(folder: Path, name: str = "synthetic_added", seed: int = SEED + 1) -> Path:
    """One more article, unlike the others, for the incremental run."""
    rng = random.Random(seed)
    pool = paragraphs()
    path = folder / f"{name}.txt"
    path.write_text("\n".join(rng.sample(pool, k=min(len(pool), 8))) + "\n", "utf-8")
    return path
