"""Bad input and failures: nothing lost, nothing half-written, every problem named."""

import os
import shutil

import pandas as pd
import pytest

from pipelines.extraction import extract_indicators
from pipelines.publishing.files import csv_bytes
from pipelines.publishing.reading import ArticleText, decode_article, read_raw_folder
from pipelines.publishing.releases import OutputFolder, PublishBusy

from .conftest import SEED_ARTICLE
from .pipeline_runs import run_pipeline

SEED = SEED_ARTICLE.read_text("utf-8")
# Traditional Chinese that Big5 can encode (phrases from the development set's Taiwan article).
TRADITIONAL = (
    "全台六都會區分別公布 2022 年 4 月建物買賣移轉棟數，六都交易量合計為 2 萬 2439 棟，"
    "月減 11.2%，年減 0.4%。台北市年增 1.3%，新北市年減 3.4%，確診人數突破萬人。\n"
)


def _rows(text: str):
    return [(r.value, r.unit, r.qualifier, r.measure, r.period, r.metric) for r in extract_indicators(text)]


def _decode(data: bytes) -> ArticleText:
    return decode_article(ArticleText(article_id="a", file_name="a.txt", sha256="0" * 64), data)


@pytest.mark.parametrize(
    ("text", "encoding", "recorded"),
    [
        (SEED, "utf-8", "utf-8"),
        (SEED, "utf-8-sig", "utf-8-bom"),
        (SEED, "gb18030", "gb18030"),
        (SEED, "gbk", "gb18030"),
        (SEED, "utf-16", "utf-16-bom"),
        (TRADITIONAL, "big5", "big5"),
        (TRADITIONAL, "utf-16", "utf-16-bom"),
    ],
)
def test_encodings_give_the_same_rows_as_utf8(text, encoding, recorded):
    article = _decode(text.encode(encoding))
    assert article.ok and article.encoding == recorded
    assert _rows(article.text) == _rows(text)


def test_crlf_line_endings_give_the_same_rows_and_offsets():
    article = _decode(SEED.replace("\n", "\r\n").encode("utf-8"))
    assert article.text == SEED
    assert _rows(article.text) == _rows(SEED)


def test_html_pages_are_read_as_their_text():
    page = (
        "<!DOCTYPE html><html><head><title>x</title><script>var a = 100亿元;</script></head>"
        "<body><p>2025年，全省地区生产总值达14.58万亿元，同比增长5.5%。</p></body></html>"
    )
    article = _decode(page.encode("utf-8"))
    assert article.ok and article.encoding == "utf-8+html"
    assert [r[0] for r in _rows(article.text)] == [14.58e12, 5.5]


@pytest.fixture
def messy_raw(folders, monkeypatch):
    """A raw folder with one good article and every kind of file that is not one."""
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw / "good article 广东.txt")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (raw / "huge.txt").write_bytes(b"a" * (50 * 1024 * 1024))
    (raw / "big5.txt").write_bytes(TRADITIONAL.encode("big5"))
    os.mkfifo(raw / "pipe.txt")
    outside = raw.parent / "secret.txt"
    outside.write_text("密码：全省地区生产总值达14.58万亿元", "utf-8")
    (raw / "link.txt").symlink_to(outside)
    (raw / "locked.txt").write_text("增长5%", "utf-8")
    real_open = type(raw).open

    def locked_open(path, *args, **kwargs):
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(type(raw), "open", locked_open)
    return raw, out


def test_every_bad_file_is_set_aside_with_its_reason(messy_raw):
    raw, _ = messy_raw
    status = {a.file_name: (a.status, a.reason) for a in read_raw_folder(raw)}
    assert status["good article 广东.txt"][0] == "ok"
    assert status["big5.txt"][0] == "ok"
    assert status["empty.txt"][0] == "empty"
    assert status["binary.txt"][0] == "binary"
    assert status["huge.txt"][0] == "too_large"
    assert status["pipe.txt"][0] == "unreadable"
    assert status["locked.txt"] == ("unreadable", "PermissionError: Permission denied")
    assert status["link.txt"][0] == "refused" and "symbolic link" in status["link.txt"][1]


def test_bad_files_never_stop_the_good_ones(messy_raw, caplog):
    raw, out = messy_raw
    assert run_pipeline(raw, out).success
    articles = pd.read_parquet(out / "articles.parquet").set_index("file_name")
    assert articles.loc["good article 广东.txt", "article_id"] == "good article 广东"
    assert articles.loc["good article 广东.txt", "n_indicators"] > 40
    assert articles.loc["big5.txt", "encoding"] == "big5"
    assert (articles.drop(["good article 广东.txt", "big5.txt"])["status"] != "ok").all()
    assert any("set aside" in message for message in caplog.messages)
    indicators = pd.read_parquet(out / "indicators.parquet")
    assert "link" not in set(indicators["article_id"])  # a link's target is never read


def test_a_failed_contract_check_publishes_nothing_and_reports_why(folders, monkeypatch):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    assert run_pipeline(raw, out).success
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}

    from pipelines.publishing import tables

    real = tables.indicator_columns

    def broken(article, **options):
        columns = real(article, **options)
        columns["measure"][0] = "vibes"
        return columns

    monkeypatch.setattr(tables, "indicator_columns", broken)
    (raw / "another.txt").write_text("利润增长5%。", "utf-8")
    result = run_pipeline(raw, out, raise_on_error=False)
    check = [e for e in result.get_asset_check_evaluations() if e.check_name == "indicators_meet_contract"][0]
    assert not check.passed
    cases = check.metadata["failure_cases"].value.records
    assert any(r.data["failure_case"] == "vibes" for r in cases)
    assert OutputFolder(out).release_versions() == ["1.1.0"]
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    (report,) = (out / "validation").glob("*indicators_meet_contract.csv")
    assert "vibes" in report.read_text("utf-8-sig")


def test_a_second_publisher_waits_then_is_refused_with_a_clear_message(folders):
    _, out = folders
    first, second = OutputFolder(out), OutputFolder(out, lock_timeout=0.5)
    empty = pd.DataFrame()
    with first.lock():
        with pytest.raises(PublishBusy, match="another run is publishing"):
            second.publish({"indicators": empty, "articles": empty, "observations": empty}, "1.0.0")


def test_csv_cells_that_a_spreadsheet_would_run_are_defused_only_in_the_csv(folders):
    raw, out = folders
    (raw / "formula.txt").write_text("=HYPERLINK(1)净利润-16.1亿美元。\n@SUM 利润增长5%。\n", "utf-8")
    assert run_pipeline(raw, out).success
    parquet = pd.read_parquet(out / "indicators.parquet")
    csv = pd.read_csv(out / "indicators.csv", encoding="utf-8-sig", keep_default_na=False)
    assert "-16.1亿美元" in set(parquet["surface"]) and "-16.1亿美元" in set(csv["surface"])
    assert any(parquet["sentence"].str.startswith("=HYPERLINK"))
    for column in ("surface", "metric", "sentence"):
        assert not csv[column].astype(str).str.match(r"^([=+@]|-(?!\.?[0-9]))").any()
    assert b"'=" in csv_bytes(pd.DataFrame({"a": ["=1+1"]}))


def test_the_same_inputs_give_byte_identical_parquet(folders, tmp_path):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    other = tmp_path / "other"
    assert run_pipeline(raw, out).success and run_pipeline(raw, other).success
    for name in ("indicators.parquet", "articles.parquet"):
        assert (out / name).read_bytes() == (other / name).read_bytes()


def test_a_missing_raw_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        read_raw_folder(tmp_path / "nowhere")


def test_an_article_the_extractor_fails_on_is_named_and_the_others_published(folders, monkeypatch):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "poison.txt").write_text("收入增长5%。", "utf-8")
    from pipelines.publishing import tables

    real = tables.extract_indicators

    def explode(text, **options):
        if text.startswith("收入"):
            raise RuntimeError("boom")
        return real(text, **options)

    monkeypatch.setattr(tables, "extract_indicators", explode)
    assert run_pipeline(raw, out).success
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert articles.loc["poison", "status"] == "failed" and "extractor" in articles.loc["poison", "reason"]
    assert articles.loc["000_6548d97651490993", "n_indicators"] > 40


def test_an_unforeseen_error_while_reading_sets_that_file_aside(folders, monkeypatch):
    raw, _ = folders
    shutil.copy(SEED_ARTICLE, raw)
    (raw / "odd.txt").write_text("增长5%", "utf-8")
    from pipelines.publishing import reading

    real = reading.decode_article

    def explode(record, data):
        if record.file_name == "odd.txt":
            raise ValueError("parser bug")
        return real(record, data)

    monkeypatch.setattr(reading, "decode_article", explode)
    status = {a.file_name: (a.status, a.reason) for a in read_raw_folder(raw)}
    assert status["odd.txt"] == ("undecodable", "reading it failed: ValueError: parser bug")
    assert status["000_6548d97651490993.txt"][0] == "ok"


def test_articles_in_subfolders_are_read_and_named_by_their_path(folders):
    raw, out = folders
    (raw / "2026" / "march").mkdir(parents=True)
    shutil.copy(SEED_ARTICLE, raw / "2026" / "march")
    (raw / ".hidden").mkdir()
    (raw / ".hidden" / "skip.txt").write_text("投资5亿元。", "utf-8")
    assert run_pipeline(raw, out).success
    articles = pd.read_parquet(out / "articles.parquet")
    assert list(articles["file_name"]) == ["2026/march/000_6548d97651490993.txt"]
    assert articles["n_indicators"].iloc[0] > 40


def test_every_file_gets_an_articles_row_whatever_its_name(folders):
    raw, out = folders
    shutil.copy(SEED_ARTICLE, raw / "公报.2024.05")  # a dot and digits are part of the name
    (raw / "report.pdf").write_bytes(b"%PDF-1.7 ...")
    (raw / "data.bin").write_bytes(bytes(range(256)))
    (raw / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    gbk_name = os.path.join(os.fsencode(raw), "报告.txt".encode("gbk"))
    with open(gbk_name, "wb") as handle:
        handle.write("全省收入达5亿元。".encode())
    assert run_pipeline(raw, out).success
    articles = pd.read_parquet(out / "articles.parquet").set_index("file_name")
    assert articles.loc["公报.2024.05", "article_id"] == "公报.2024.05"
    assert articles.loc["公报.2024.05", "status"] == "ok"
    assert articles.loc["公报.2024.05", "n_indicators"] > 40
    assert articles.loc["report.pdf", "status"] == "refused"
    assert "a .pdf file, not text" in articles.loc["report.pdf", "reason"]
    assert articles.loc["data.bin", "status"] == "refused"
    assert articles.loc[".DS_Store", "reason"].startswith("a hidden file")
    escaped = "\\xb1\\xa8\\xb8\\xe6.txt"  # the GBK bytes of 报告, shown as escapes
    assert articles.loc[escaped, "status"] == "refused"
    assert "not valid UTF-8" in articles.loc[escaped, "reason"]


def test_files_that_map_to_one_article_id_keep_distinct_ids(tmp_path):
    for name in ("x.txt.md", "x.md", "x.txt", "x~2.txt"):
        (tmp_path / name).write_text("全省收入达5亿元。", "utf-8")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "报告.txt").write_text("全省收入达6亿元。", "utf-8")
    (tmp_path / "b" / "报告.txt").write_text("全省收入达7亿元。", "utf-8")
    read = {a.file_name: (a.article_id, a.status) for a in read_raw_folder(tmp_path)}
    assert read["x.md"] == ("x", "ok")
    assert read["x.txt.md"] == ("x.txt", "ok")  # its own id, though a duplicate came first
    assert read["x~2.txt"] == ("x~2", "ok")
    assert read["x.txt"] == ("x~3", "refused")
    assert read["a/报告.txt"] == ("报告", "ok")
    assert read["b/报告.txt"] == ("报告~2", "refused")
    ids = [article_id for article_id, _ in read.values()]
    assert len(ids) == len(set(ids))


def test_a_file_that_grows_after_the_size_check_is_not_read_past_the_limit(tmp_path, monkeypatch):
    article = tmp_path / "growing.txt"
    article.write_text("全省收入达5亿元。" * 100, "utf-8")
    real_stat = type(article).stat

    def stat_before_it_grew(path, *args, **kwargs):
        result = real_stat(path, *args, **kwargs)
        if path.name == "growing.txt":
            return os.stat_result((result.st_mode, *result[1:6], 10, *result[7:]))
        return result

    monkeypatch.setattr(type(article), "stat", stat_before_it_grew)
    read_sizes = []
    real_open = type(article).open

    def counting_open(path, *args, **kwargs):
        handle = real_open(path, *args, **kwargs)
        real_read = handle.read

        def read(size=-1):
            read_sizes.append(size)
            return real_read(size)

        handle.read = read
        return handle

    monkeypatch.setattr(type(article), "open", counting_open)
    (result,) = read_raw_folder(tmp_path, max_bytes=200)
    assert result.status == "too_large"
    assert read_sizes[0] == 201  # the first read asks for one byte past the limit, no more


def test_a_figure_beyond_the_range_of_a_double_gives_no_row_not_infinity(folders):
    raw, out = folders
    (raw / "huge figure.txt").write_text("全省收入达" + "9" * 309 + "元。全省支出达5亿元。", "utf-8")
    assert run_pipeline(raw, out).success
    indicators = pd.read_parquet(out / "indicators.parquet")
    assert list(indicators["value"]) == [5e8]


def test_the_listing_holds_no_text_and_an_article_changed_during_the_run_fails_alone(tmp_path):
    from functools import partial

    from pipelines.publishing.reading import list_articles, text_again
    from pipelines.publishing.tables import extract_articles

    (tmp_path / "steady.txt").write_text("全省收入达5亿元。", "utf-8")
    (tmp_path / "edited.txt").write_text("全省收入达6亿元。", "utf-8")
    listing = list_articles(tmp_path)
    assert [(a.text, a.n_chars) for a in listing] == [("", 9), ("", 9)]
    (tmp_path / "edited.txt").write_text("全省收入达7亿元。", "utf-8")  # after the listing
    result = extract_articles(listing, None, {}, partial(text_again, tmp_path))
    assert result.extracted == ["steady"]
    assert "edited.txt changed while the run read it" in result.failed["edited"]
    assert list(result.rows["value"]) == [5e8]


def test_an_article_slower_than_the_limit_is_set_aside_as_failed_and_the_others_are_published(folders):
    from pipelines.publishing.tables import too_slow_reason

    raw, out = folders
    limit = 0.05  # the long article takes about a second; the short ones a millisecond
    (raw / "long.txt").write_text("，".join(f"增长{i % 90}.{i % 7}%" for i in range(4000)) + "。", "utf-8")
    (raw / "short.txt").write_text("利润增长5%。", "utf-8")
    (raw / "other.txt").write_text("收入12.5亿元，同比增长8%。", "utf-8")
    assert run_pipeline(raw, out, max_seconds_per_article=limit).success
    articles = pd.read_parquet(out / "articles.parquet").set_index("article_id")
    assert articles.loc["long", "status"] == "failed"
    assert articles.loc["long", "reason"] == too_slow_reason(limit)
    assert "INDICATORS_MAX_SECONDS_PER_ARTICLE" in articles.loc["long", "reason"]
    assert (articles.drop("long")["status"] == "ok").all()
    indicators = pd.read_parquet(out / "indicators.parquet")
    assert set(indicators["article_id"]) == {"short", "other"}


def test_the_time_limit_per_article_is_a_setting(monkeypatch):
    from pipelines.defs.resources import folders_from_environment

    monkeypatch.delenv("INDICATORS_MAX_SECONDS_PER_ARTICLE", raising=False)
    assert folders_from_environment().max_seconds_per_article == 60
    monkeypatch.setenv("INDICATORS_MAX_SECONDS_PER_ARTICLE", "0.5")
    assert folders_from_environment().max_seconds_per_article == 0.5
