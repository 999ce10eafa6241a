"""Cleaning: the text extraction reads, and the way back to the raw offsets."""

import pytest

from pipelines.extraction import clean_text, extract_indicators, to_simplified

from .conftest import SEED_ARTICLE


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        ("增长１３．８４％", "增长13.84%"),  # NFKC: full-width digits, point and percent
        ("产业集群优势突出，电子信息等行业稳居全国第一方阵，超\n\n清视频成为", "超清视频"),
        ("以制造业高端化、智能化、绿色化带动服务业提质扩\n\n容，形成良性循环", "提质扩容"),
        ("六都交易量合計為 2 萬 2439 棟，月減 11.2%", "合计为2万2439栋，月减11.2%"),
        ("内蒙古地区主流煤矿坑口价为379元/吨左 右", "379元/吨左右"),
        ("億萬兩點佔減", "亿万两点占减"),
    ],
)
def test_cleaned_text(raw, text):
    assert text in clean_text(raw).text


def test_headlines_and_paragraphs_stay_apart():
    raw = "总结两业协同发展的实践探索\n\n发布会上，省发展改革委主任作解读。"
    assert "\n" in clean_text(raw).text


def test_display_keeps_the_articles_own_characters():
    clean = clean_text("律政司的年度預算為25億元")
    assert "預算" in clean.display and "预算" in clean.text
    assert len(clean.display) == len(clean.text)


def test_every_clean_offset_maps_back_to_the_raw_text():
    raw = "２０２５年，产业扩\n\n容　增长１３．８４％ ，2 萬 2439 棟\r\n完"
    clean = clean_text(raw)
    for row in extract_indicators(raw):
        assert raw[row.char_start : row.char_end].replace(" ", "") in (row.surface.replace(" ", ""),)
    start = clean.text.index("13.84%")
    raw_start, raw_end = clean.raw_span(start, start + len("13.84%"))
    assert raw[raw_start:raw_end] == "１３．８４％"


def test_seed_article_surfaces_are_raw_text():
    raw = SEED_ARTICLE.read_text("utf-8")
    rows = extract_indicators(raw)
    assert rows
    for row in rows:
        assert raw[row.char_start : row.char_end] == row.surface


def test_to_simplified_is_one_character_for_one():
    text = "香港電台的年度預算為9.95億元，較去年經修訂後的預算減少約4千萬元"
    assert len(to_simplified(text)) == len(text)
