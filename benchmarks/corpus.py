"""A synthetic corpus built from what the repository ships and what it generates, reproducibly.

The paragraphs are those of the articles in `raw/` (read with the pipeline's own reader, so
a GB18030 or UTF-16 article is as good as a UTF-8 one) and paragraphs generated from
templates of the forms official releases use. Nothing outside the repository is read. The
same seed and size always give the same files, so runs on different days compare.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = [REPO / "raw"]
SEED = 20261126
GENERATED_PARAGRAPHS = 400

_PLACES = ("全省", "全市", "全国", "广东省", "江苏省", "四川省", "深圳市", "成都市", "我国", "全区")
_PERIODS = ("2025年", "2024年", "上半年", "前三季度", "1-5月", "一季度", "去年", "2025年末", "5月末")
_LEVELS = (
    ("地区生产总值", "亿元"),
    ("社会消费品零售总额", "亿元"),
    ("规模以上工业增加值", "亿元"),
    ("固定资产投资", "亿元"),
    ("货物进出口总额", "万亿元"),
    ("一般公共预算收入", "亿元"),
    ("粮食产量", "万吨"),
    ("常住人口", "万人"),
    ("城镇新增就业", "万人"),
    ("港口集装箱吞吐量", "万标箱"),
    ("发电量", "亿千瓦时"),
    ("人民币贷款余额", "万亿元"),
)
_TEMPLATES = (
    "{period}，{place}{metric}达到{value}{unit}，同比增长{rate}%。",
    "{place}{metric}{value}{unit}，比上年增长{rate}%，增速较一季度提高{points}个百分点。",
    "{period}{place}实现{metric}{value}{unit}，增长{rate}%，占全国比重{share}%左右。",
    "截至{period}，{place}{metric}余额{value}{unit}，同比下降{rate}%。",
    "{place}{metric}约{value}{unit}，其中第三产业占{share}%以上。",
)


def _generated(rng: random.Random, count: int) -> list[str]:
    """Paragraphs in the forms of provincial releases, with their numbers drawn at random."""
    made = []
    for _ in range(count):
        metric, unit = rng.choice(_LEVELS)
        sentences = [
            rng.choice(_TEMPLATES).format(
                period=rng.choice(_PERIODS),
                place=rng.choice(_PLACES),
                metric=metric,
                unit=unit,
                value=f"{rng.uniform(1, 9999):.2f}",
                rate=f"{rng.uniform(0.1, 15):.1f}",
                points=f"{rng.uniform(0.1, 3):.1f}",
                share=rng.randint(10, 60),
            )
            for _ in range(rng.randint(2, 6))
        ]
        made.append("".join(sentences))
    return made


def paragraphs() -> list[str]:
    """Every non-empty line of the shipped articles, then the generated paragraphs,
    deduplicated, in a fixed order."""
    from pipelines.publishing.reading import list_raw_files, read_article

    seen: dict[str, None] = {}
    for folder in SOURCES:
        if not folder.is_dir():
            continue
        for path in list_raw_files(folder):
            article = read_article(path, folder)
            for line in article.text.splitlines() if article.ok else ():
                line = line.strip()
                if len(line) >= 8:
                    seen.setdefault(line, None)
    for line in _generated(random.Random(SEED), GENERATED_PARAGRAPHS):
        seen.setdefault(line, None)
    return list(seen)


def build(folder: Path, n_articles: int, seed: int = SEED) -> Path:
    """`folder` holds `n_articles` articles of 4 to 14 recombined paragraphs (kept if built before)."""
    stamp = folder.with_name(f"{folder.name}.corpus.json")  # beside it: every file inside is an article
    pool = paragraphs()
    signature = {"seed": seed, "n": n_articles, "pool": hashlib.sha256("\n".join(pool).encode()).hexdigest()}
    if stamp.exists() and json.loads(stamp.read_text()) == signature:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / ".corpus.json").unlink(missing_ok=True)  # where earlier versions kept the stamp
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
