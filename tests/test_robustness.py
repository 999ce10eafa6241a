"""The library never raises on text, however odd, and its offsets always hold."""

from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extraction import extract_indicators

PIECES = list(
    "0123456789.,%-—～/:：１２３．％，。；、\n \u3000"
    "零一二两三四五六七八九十百千万亿億萬點成倍番分之半几多余约超近逾以上下左右至到"
    "元美港欧日家个人次吨年月日度点亿元每连续增长下降占比重率同比较比年度财年“”《》（）"
) + ["万亿元", "个百分点", "2025年", "百分之", "三分之一", "连续", "同比增长", "降至", "HK$", "$"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_any_text_gives_rows_whose_offsets_hold(text):
    for row in extract_indicators(text):
        assert 0 <= row.char_start < row.char_end <= len(text)
        assert row.surface == text[row.char_start : row.char_end]
        assert row.value == row.value  # never NaN
