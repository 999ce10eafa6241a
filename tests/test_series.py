"""Series columns (region, reference period, indicator) read from short articles written in
the style of provincial and national releases, as the contract's "Series columns" define them."""

import csv
import re
import time
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipelines.extraction import extract_indicators
from pipelines.extraction.indicator_vocabulary import VOCABULARY_FILE, match_indicator, read_vocabulary
from pipelines.extraction.reference_periods import find_periods, format_period
from pipelines.extraction.regions import find_places, first_region, gazetteer
from pipelines.extraction.series import SeriesPoint, series_points

from .conftest import shared_path

GUANGDONG_REPORT = """2025年广东省国民经济和社会发展统计公报
2025年，全省地区生产总值14.58万亿元，比上年增长4.1%。深圳地区生产总值3.68万亿元，增长5.5%。广州、深圳规模以上工业增加值分别增长3.1%、6.4%。
全省货物进出口总额9.1万亿元，占全国的20.9%。城乡居民人均可支配收入分别增长3.9%、5.7%。城镇、农村居民人均消费支出分别增长2.8%、6.1%。
1-5月，全省固定资产投资同比增长3.1%。一季度，全省地区生产总值增长4.5%。
6月份，全省规模以上工业增加值增长5%。社会消费品零售总额增长4%。
“十四五”时期，全省累计完成固定资产投资20万亿元。截至2025年末，全省常住人口1.28亿人。
某某科技股份有限公司营业收入120亿元，净利润15亿元。
"""

MONTHLY_FINANCE = """2025年5月金融统计数据报告
5月末，广义货币(M2)余额325.8万亿元，同比增长7.9%。人民币贷款余额268.5万亿元。前五个月人民币贷款增加10.7万亿元。
人民币存款增加8.9万亿元。
我国对东盟进出口3.2万亿元，增长9%。京津冀地区生产总值11.5万亿元。美国居民消费价格指数同比上涨2.4%。
山东全省小麦收获已过四成。
"""

PRESS_CONFERENCE = """国家统计局新闻发布会
2026年1月19日
12月份，居民消费价格指数同比上涨0.8%。前三季度，我国国内生产总值增长5.2%。上半年，全国规模以上工业增加值增长6.4%。
全国城镇新增就业1267万人。
"""

SHENZHEN_BRIEF = """深圳市经济运行简况
上半年，全市地区生产总值1.8万亿元，全省地区生产总值6.6万亿元。浦东新区规模以上工业增加值增长3%。
南山区和福田区地区生产总值分别为3000亿元、2000亿元。
全市共获得国家科学技术奖15项。
"""

HEILONGJIANG_REPORT = """2026年黑龙江省政府工作报告
2025年，对非洲、欧洲出口分别增长28.4%、10.5%。全省粮食产量连续15年居全国首位。新建全国重点实验室7家。新晋中国工程院院士3名。
"""

COMPANY_RESULTS = """快速浏览智利矿业化工的半年报
SQM的总收入为11.57亿美元，同比增长13%。智利碳酸锂产量增长5%。
"""

# Parts, shares and other quantities beside an indicator's name, and figures of places finer
# than the article's or of several places: phrases of our own in the style of customs
# releases, provincial reports and market wraps.
TRADE_BRIEF = """2025年全国外贸统计快报
2025年，我国货物贸易进出口总值45万亿元，同比增长3.8%，其中，出口26万亿元，增长6.1%。民营企业进出口24万亿元，增长7.1%。
2025年，高技术产品出口增长13.2%。我国对东盟进出口7万亿元，增长8%。对欧盟、非洲出口分别增长5.5%、20.1%。
“十四五”时期，我国累计进出口规模突破200万亿元，2025年比2020年增长41.1%，年均增长7.1%。
12月份，出口环比增长3.5%，同比增长6.6%。
从区域来看，东部地区进出口30万亿元。
宁波舟山港集装箱吞吐量4000万标箱。
2025年，医疗器械进出口总额1200亿元，其中，出口额700亿元。
2025年，对共建“一带一路”国家、中亚出口分别增长9.1%、12.2%。
“十四五”时期，规模以上工业增加值比2020年增长30.5%。
1—11月，我国港口完成集装箱吞吐量3.1亿标箱。
"""

ZHEJIANG_REPORT = """2025年浙江省政府工作报告
全省经营主体达1100万户、增长6%，其中企业400万户、增长7.7%。自贸试验区新设企业9万家。
宁波、温州经济总量突破9000亿元。全省规上工业增加值增长6.9%，增速高于全国1.1个百分点。
全省民营企业进出口增长9%，占全省外贸总值的80.2%。
今年主要预期目标是：全省生产总值增长5.5%左右。全省常住人口较上年末的6670万人增加50万人。
"""

MARKET_WRAP = """财经早餐2024年8月31日
1、美国三大股指全线收涨，道指涨0.55%。
2、截至收盘，上证指数涨0.68%，两市成交额8804亿元，四只沪深300ETF合计成交额超200亿元。
"""

ARTICLES = {
    "trade": TRADE_BRIEF,
    "zhejiang": ZHEJIANG_REPORT,
    "market": MARKET_WRAP,
    "guangdong": GUANGDONG_REPORT,
    "finance": MONTHLY_FINANCE,
    "press": PRESS_CONFERENCE,
    "shenzhen": SHENZHEN_BRIEF,
    "heilongjiang": HEILONGJIANG_REPORT,
    "company": COMPANY_RESULTS,
}


def _point(article: str, surface: str, nth: int = 0) -> SeriesPoint:
    """The series point of the `nth` row whose surface is `surface`."""
    text = ARTICLES[article]
    rows = extract_indicators(text)
    points = series_points(text, rows)
    matches = [p for r, p in zip(rows, points) if r.surface == surface]
    assert len(matches) > nth, f"no row {surface!r} in {article}: {[r.surface for r in rows]}"
    return matches[nth]


# (article, surface, nth, region, region_code)
REGIONS = [
    ("guangdong", "14.58万亿元", 0, "广东省", "440000"),  # 全省, resolved by the title
    ("guangdong", "3.68万亿元", 0, "深圳市", "440300"),  # a clause naming 深圳
    ("guangdong", "3.1%", 0, "广州市", "440100"),  # 广州、深圳…分别: the first figure
    ("guangdong", "6.4%", 0, "深圳市", "440300"),  # … and the second
    ("guangdong", "20.9%", 0, "广东省", "440000"),  # 占全国: about the article's region
    ("guangdong", "120亿元", 0, None, None),  # a company
    ("guangdong", "15亿元", 0, None, None),  # its profit, the subject carried over
    ("finance", "3.2万亿元", 0, "全国", None),  # 我国对东盟: filed under the reporter
    ("finance", "11.5万亿元", 0, None, None),  # 京津冀 is no single region
    ("finance", "2.4%", 0, "美国", None),  # a foreign country, no code
    ("finance", "四成", 0, "山东省", "370000"),  # 山东全省: the subject word is the place named
    ("press", "6.4%", 0, "全国", None),  # 全国
    ("press", "5.2%", 0, "全国", None),  # 我国
    ("shenzhen", "1.8万亿元", 0, "深圳市", "440300"),  # 全市 in an article about 深圳
    ("shenzhen", "6.6万亿元", 0, "广东省", "440000"),  # 全省 of a city's article: its province
    ("shenzhen", "3%", 0, "浦东新区", "310115"),  # a district by its full name
    ("shenzhen", "3000亿元", 0, "南山区", "440305"),  # 南山区和福田区…分别; 鹤岗 has a 南山区 too
    ("shenzhen", "2000亿元", 0, "福田区", "440304"),  # … and the second
    ("heilongjiang", "28.4%", 0, "黑龙江省", "230000"),  # 对非洲: a partner, the reporter files it
    ("heilongjiang", "10.5%", 0, "黑龙江省", "230000"),  # 、欧洲: a partner listed with one
    ("heilongjiang", "15年", 0, "黑龙江省", "230000"),  # 居全国首位: the country as a yardstick
    ("heilongjiang", "7家", 0, "黑龙江省", "230000"),  # 全国重点实验室: a class, not a place
    ("heilongjiang", "3名", 0, "黑龙江省", "230000"),  # 新晋中国工程院: neither 晋中 nor 中国
    ("company", "11.57亿美元", 0, None, None),  # a company's results: no region from the title
    ("company", "5%", 0, "智利", None),  # … unless the row's own clause names one
]


@pytest.mark.parametrize(("article", "surface", "nth", "region", "code"), REGIONS)
def test_region_of_each_row(article, surface, nth, region, code):
    point = _point(article, surface, nth)
    assert (point.region, point.region_code) == (region, code)


# (article, surface, nth, reference_period, period_source)
PERIODS = [
    ("guangdong", "14.58万亿元", 0, "2025", "sentence"),
    ("guangdong", "3.68万亿元", 0, "2025", "paragraph"),  # the year of the paragraph's first sentence
    ("guangdong", "9.1万亿元", 0, "2025", "article"),  # no period in its paragraph: the title's
    ("guangdong", "3.1%", 1, "2025-01/2025-05", "article"),  # 1-5月 without a year: the title's year
    ("guangdong", "4.5%", 0, "2025-Q1", "article"),
    ("guangdong", "5%", 0, "2025-06", "article"),
    ("guangdong", "4%", 0, "2025-06", "article"),  # the month of its paragraph, the title's year
    ("guangdong", "20万亿元", 0, "2021/2025", "sentence"),  # “十四五”时期
    ("guangdong", "1.28亿人", 0, "2025-12-31", "sentence"),  # 截至2025年末
    ("finance", "325.8万亿元", 0, "2025-05-31", "article"),  # 5月末 balance, the year from the title
    ("finance", "268.5万亿元", 0, "2025-05-31", "article"),  # a balance in a monthly report: month end
    ("finance", "10.7万亿元", 0, "2025-01/2025-05", "article"),  # 前五个月
    ("finance", "8.9万亿元", 0, "2025-01/2025-05", "article"),  # a flow in a monthly report: to date
    ("finance", "3.2万亿元", 0, "2025-05", "article"),  # the title's month
    ("press", "0.8%", 0, "2025-12", "article"),  # 12月 in a report dated January 2026
    ("press", "5.2%", 0, "2025-01/2025-09", "article"),  # 前三季度
    ("press", "6.4%", 0, "2025-H1", "article"),
    ("press", "1267万人", 0, None, None),  # no year anywhere but the date line
    ("shenzhen", "1.8万亿元", 0, None, None),  # 上半年 of no stated year
]


@pytest.mark.parametrize(("article", "surface", "nth", "period", "source"), PERIODS)
def test_reference_period_of_each_row(article, surface, nth, period, source):
    point = _point(article, surface, nth)
    assert (point.reference_period, point.period_source) == (period, source)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("2025年1-5月", ["2025", "2025-01/2025-05"]),
        ("2025年前五个月", ["2025", "2025-01/2025-05"]),
        ("前5月", ["2025-01/2025-05"]),
        ("前三季度", ["2025-01/2025-09"]),
        ("一至三季度", ["2025-01/2025-09"]),
        ("5月末", ["2025-05-31"]),
        ("一季度末", ["2025-03-31"]),
        ("截至2025年末", ["2025", "2025-12-31"]),
        ("截至12月31日", ["2025-12-31"]),
        ("2021-2025年", ["2021/2025"]),
        ("“十四五”时期", ["2021/2025"]),
        ("下半年", ["2025-H2"]),
        ("三季度", ["2025-Q3"]),
        ("十二月份", ["2025-12"]),
        ("1月19日", []),  # an event's date
        ("比上年末增长", []),  # a comparison base
        ("统一月度结算", []),  # a numeral inside a word
    ],
)
def test_period_phrases(phrase, expected):
    assert [format_period(t, 2025) for t in find_periods(phrase)] == expected


def test_a_year_spaced_from_its_character_is_read():
    assert [(t.kind, t.year) for t in find_periods("公布 2022 年 4 月数据")][0] == ("year", 2022)


# (metric, unit, measure, indicator name or None)
INDICATORS = [
    ("全省地区生产总值", "元", "level", "地区生产总值"),
    ("全省地区生产总值", "%", "growth", "地区生产总值"),  # a growth row keeps its indicator
    ("GDP", "%", "growth", "地区生产总值"),  # an abbreviation
    ("社零", "元", "level", "社会消费品零售总额"),
    ("规上工业增加值", "%", "growth", "规模以上工业增加值"),
    ("全省规模以上工业增加值", "%", "growth", "规模以上工业增加值"),  # longer than 工业增加值
    ("M2", "%", "growth", "广义货币(M2)余额"),
    ("城镇新增就业", "人", "level", "城镇新增就业"),
    ("全国城镇调查失业率", "%", "ratio", "城镇调查失业率"),
    ("服务业增加值占国内生产总值的比重", "%", "share", "第三产业增加值"),  # the part, not the whole
    ("人口自然增长率", "%", "ratio", "人口自然增长率"),  # holds a measure word
    ("前五个月人民币贷款", "元", "growth", "人民币贷款增加"),  # a balance grown by an amount
    ("实际使用外资金额", "美元", "level", "实际使用外资"),
    ("港口集装箱吞吐量", "标准箱", "level", "港口集装箱吞吐量"),
    ("实施重点民生项目", "个", "level", None),  # a count of programmes
    ("全市共获得国家科学技术奖", "项", "level", None),  # awards
    ("高新技术企业营业收入", "元", "level", None),  # firms counted in 家, not their revenue
    ("全省地区生产总值", "年", "duration", None),  # a streak is no indicator value
    # the name must be all the metric says, beside places, periods and neutral words
    ("外贸进出口总额", "元", "level", "货物进出口总额"),  # 外贸: the whole's own word
    ("1—11月我国货物贸易进出口总值", "元", "level", "货物进出口总额"),  # a period, a place
    ("全国居民消费价格指数(CPI)", "%", "growth", "居民消费价格指数"),  # an abbreviation in brackets
    ("规模以上高技术制造业增加值", "%", "growth", "高技术制造业增加值"),
    ("PM2.5年均浓度", "微克/立方米", "level", "PM2.5平均浓度"),
    ("第二季失业率", "%", "ratio", "城镇调查失业率"),  # a quarter written as in Hong Kong
    ("战略性新兴产业占规上工业增加值比重", "%", "share", "战略性新兴产业增加值"),  # the part
    ("“十四五”时期全省地区生产总值", "元", "level", "地区生产总值"),  # a plan's years
    ("截至6月末人民币贷款余额", "元", "level", "人民币贷款余额"),
    ("全省生产总值比上年", "%", "growth", "地区生产总值"),  # the year before: year on year
    ("汽车制造业增加值", "%", "growth", None),  # one industry's value added
    ("海洋生产总值", "元", "level", None),  # a sector's, not the region's
    ("纺织品服装出口", "美元", "level", None),  # a product's exports, not the total
    ("民营企业进出口", "元", "level", None),  # a kind of firm
    ("我国对东盟进出口", "元", "level", None),  # a bilateral flow
    ("自贸试验区新设企业", "家", "level", None),  # a zone finer than the region
    ("脱贫地区农民收入", "%", "growth", None),
    ("新增高新技术企业", "家", "level", None),  # a flow, not the stock
    ("争取用于项目建设的地方政府专项债券额度", "元", "level", None),  # a quota
    ("数字经济核心产业营收", "%", "growth", None),  # revenue, not value added
    ("规上装备工业增加值", "%", "growth", None),  # one industry's value added
    ("工业战略性新兴产业总产值", "%", "growth", None),  # output value, not value added
    ("港口集装箱吞吐量码头", "标准箱", "level", None),
    ("研发经费支出相当于生产总值的比例", "%", "ratio", None),  # GDP is the yardstick
    ("天然气消费增速占全球天然气消费增长", "%", "share", None),  # a share of a change
    ("前5个月的翘尾占当月CPI同比涨幅", "%", "growth", None),  # CPI is the whole
    ("粮食总产再创历史新高增量", "斤", "level", None),  # an increment
]


@pytest.mark.parametrize(("metric", "unit", "measure", "name"), INDICATORS)
def test_indicator_of_a_metric(metric, unit, measure, name):
    entry = match_indicator(metric, unit, measure)
    assert (entry.name_zh if entry else None) == name


# (article, surface, nth, region, indicator_code): a null code where the figure is no point
# of the indicator's series for one region
SERIES_POINTS = [
    ("trade", "45万亿元", 0, "全国", "trade_total"),
    ("trade", "3.8%", 0, "全国", "trade_total"),
    ("trade", "26万亿元", 0, "全国", "exports"),  # 其中，出口: a part that is an indicator itself
    ("trade", "6.1%", 0, "全国", "exports"),  # … its growth, the metric carried from the whole
    ("trade", "24万亿元", 0, "全国", None),  # 民营企业进出口
    ("trade", "13.2%", 0, "全国", None),  # 高技术产品出口
    ("trade", "7万亿元", 0, "全国", None),  # 我国对东盟: the reporter's region, no total
    ("trade", "5.5%", 0, "全国", None),  # 对欧盟、非洲出口分别…
    ("trade", "20.1%", 0, "全国", None),
    ("trade", "200万亿元", 0, "全国", "trade_total"),  # a five-year total, period 2021/2025
    ("trade", "41.1%", 0, "全国", None),  # 2025年比2020年: no year-on-year change
    ("trade", "7.1%", 1, "全国", None),  # 年均增长
    ("trade", "3.5%", 0, "全国", None),  # 环比
    ("trade", "6.6%", 0, "全国", "exports"),  # 同比, after 环比 in the sentence
    ("trade", "30万亿元", 0, None, None),  # 东部地区: several regions
    ("trade", "4000万标箱", 0, "舟山市", None),  # a port named after its cities
    ("trade", "3.1亿标箱", 0, "全国", "container_throughput"),  # the country's ports
    ("trade", "1200亿元", 0, "全国", None),  # 医疗器械进出口总额
    ("trade", "700亿元", 0, "全国", None),  # 其中，出口额: a part of a part
    ("trade", "9.1%", 0, "全国", None),  # 对 before the list, the first place further on
    ("trade", "12.2%", 0, "全国", None),
    ("trade", "30.5%", 0, "全国", None),  # over the five years from 2020, no year-on-year
    ("zhejiang", "1100万户", 0, "浙江省", "market_entities"),
    ("zhejiang", "6%", 0, "浙江省", "market_entities"),
    ("zhejiang", "400万户", 0, "浙江省", None),  # 其中企业: firms, not all entities
    ("zhejiang", "7.7%", 0, "浙江省", None),  # … their growth
    ("zhejiang", "9万家", 0, "浙江省", None),  # 自贸试验区
    ("zhejiang", "9000亿元", 0, None, None),  # 宁波、温州: each, none alone
    ("zhejiang", "6.9%", 0, "浙江省", "industry_va_above_scale"),
    ("zhejiang", "1.1个百分点", 0, "浙江省", None),  # 增速高于全国: a gap, not a change
    ("zhejiang", "9%", 0, "浙江省", None),  # 民营企业进出口
    ("zhejiang", "80.2%", 0, "浙江省", None),
    ("zhejiang", "5.5%", 0, "浙江省", None),  # a target, not an observation
    ("zhejiang", "6670万人", 0, "浙江省", None),  # the value compared with: another period's
    ("market", "0.55%", 0, "美国", "dow_jones"),
    ("market", "0.68%", 0, "全国", "shanghai_composite"),  # the market's country, not 美国
    ("market", "8804亿元", 0, "全国", "a_share_turnover"),
    ("market", "200亿元", 0, None, None),  # ETF turnover: 成交额 alone is no A-share turnover
]


@pytest.mark.parametrize(("article", "surface", "nth", "region", "code"), SERIES_POINTS)
def test_indicator_code_only_for_a_point_of_the_whole(article, surface, nth, region, code):
    point = _point(article, surface, nth)
    assert (point.region, point.indicator_code) == (region, code)


def test_growth_row_of_gdp_gets_the_indicator_and_a_national_figure_its_national_name():
    growth = _point("guangdong", "4.1%")
    assert (growth.indicator, growth.indicator_code) == ("地区生产总值", "gdp")
    national = _point("press", "5.2%")
    assert (national.indicator, national.indicator_code) == ("国内生产总值", "gdp_national")


def test_list_before_respectively_reads_the_indicator_from_the_clause():
    assert _point("guangdong", "3.1%").indicator == "规模以上工业增加值"
    # `对非洲、欧洲出口分别增长`: exports to each partner, no point of the exports series
    assert _point("heilongjiang", "28.4%").indicator is None


def test_urban_and_rural_figures_after_respectively():
    assert _point("guangdong", "3.9%").indicator == "城镇居民人均可支配收入"
    assert _point("guangdong", "5.7%").indicator == "农村居民人均可支配收入"
    assert _point("guangdong", "2.8%").indicator == "城镇居民人均消费支出"  # metric `城镇`
    assert _point("guangdong", "6.1%").indicator == "农村居民人均消费支出"


def test_a_balance_grown_by_an_amount_is_the_flow_indicator():
    assert _point("finance", "8.9万亿元").indicator == "人民币存款增加"


def test_one_point_per_row_in_order():
    for text in ARTICLES.values():
        rows = extract_indicators(text)
        points = series_points(text, rows)
        assert len(points) == len(rows) and all(isinstance(p, SeriesPoint) for p in points)
    assert series_points("", []) == []


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("1-2月广东经济数据出炉", "广东省", "440000"),
        ("粤1-5月经济运行平稳", "广东省", "440000"),  # an abbreviation at the start
        ("沪深两市成交额", None, None),  # 沪深 is the stock market, no place
        ("吉林经济运行情况", "吉林省", "220000"),  # the province over the city of one name
        ("延边州旅游收入", "延边朝鲜族自治州", "222400"),  # a short form without its ethnic names
        ("内蒙古能源生产", "内蒙古自治区", "150000"),
        ("北京市统计局", "北京市", "110000"),  # the municipality, not its city-level row
        ("香港经济", "香港特别行政区", "810000"),
        ("2025年中国国内生产总值", "全国", None),
    ],
)
def test_first_region_of_a_title(text, name, code):
    region = first_region(text)
    assert ((region.name, region.code) if region else (None, None)) == (name, code)


def test_short_forms_that_are_words_are_no_places():
    assert [m for m in find_places("朝阳产业白银价格主城区") if m.candidates] == []
    assert find_places("武汉肺炎来袭") == []  # a word holding a place name


def test_gazetteer_codes_are_six_digit_gb_t_2260():
    book = gazetteer()
    assert len(book.by_code) > 3000
    assert all(re.fullmatch(r"[1-8]\d{5}", code) for code in book.by_code)
    assert book.by_code["440300"].name == "深圳市"


# --- the vocabulary as data -----------------------------------------------------------

MEASURES = {"level", "share", "ratio", "growth", "duration"}


def test_vocabulary_has_150_indicators_with_unique_ascii_codes():
    entries = read_vocabulary()
    assert len(entries) >= 150
    codes = [e.code for e in entries]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", c) for c in codes)


def test_every_name_and_synonym_maps_to_one_code():
    owners: dict[str, set[str]] = {}
    for entry in read_vocabulary():
        for term in (entry.name_zh, *entry.synonyms):
            owners.setdefault(term, set()).add(entry.code)
    shared = {t: c for t, c in owners.items() if len(c) > 1}
    assert not shared


def test_every_row_has_its_columns_filled_with_known_measures():
    with VOCABULARY_FILE.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert reader.fieldnames == ["code", "name_zh", "name_en", "units", "measures", "synonyms"]
        rows = list(reader)
    for row in rows:
        assert row["name_zh"] and row["name_en"] and row["units"], row
        assert set(row["measures"].split("|")) <= MEASURES, row


# --- any text ---------------------------------------------------------------------------

PIECES = [
    "2025年", "1-5月", "前三季度", "5月末", "全省", "全市", "我国", "广东", "深圳", "粤", "沪深",
    "，", "。", "\n", "增长", "5.2%", "3.1万亿元", "地区生产总值", "社零", "M2余额", "“十四五”时期",
    "截至", "12月31日", "上半年", "十二月", "比上年末", "今年", "Wed, 24 Mar 2021", "2026年1月19日",
    "来源：广东省统计局", "一、", "（一）", " ", "２０２５年", "億元", "武漢肺炎", "美国", "京津冀",
    "分别", "、", "占全国", "对东盟", "公司", "100亿元", "月", "年", "季度", "前", "末", "至", "-",
]  # fmt: skip
PERIOD_FORM = re.compile(r"\d{4}(-(H[12]|Q[1-4]|\d{2}(-\d{2})?))?|\d{4}-\d{2}/\d{4}-\d{2}|\d{4}/\d{4}")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_any_text_gives_one_well_formed_point_per_row(text):
    rows = extract_indicators(text)
    points = series_points(text, rows)
    assert len(points) == len(rows)
    codes = gazetteer().by_code
    for point in points:
        assert point.reference_period is None or PERIOD_FORM.fullmatch(point.reference_period)
        assert (point.reference_period is None) == (point.period_source is None)
        assert point.period_source in (None, "sentence", "paragraph", "article")
        assert point.region_code is None or codes[point.region_code].name == point.region
        assert (point.indicator is None) == (point.indicator_code is None)


# --- every shared text ------------------------------------------------------------------


def test_every_shared_text_gets_its_points_quickly():
    paths = [
        p
        for folder in (shared_path("devset", "raw"), shared_path("corpus"))
        for p in sorted(Path(folder).rglob("*.txt"))
    ]
    assert paths
    started, counts = time.perf_counter(), Counter()
    for path in paths:
        text = path.read_text("utf-8", errors="replace")
        rows = extract_indicators(text)
        points = series_points(text, rows)
        assert len(points) == len(rows)
        assert all(PERIOD_FORM.fullmatch(p.reference_period) for p in points if p.reference_period)
        counts["rows"] += len(rows)
        counts["region"] += sum(p.region is not None for p in points)
        counts["period"] += sum(p.reference_period is not None for p in points)
        counts["indicator"] += sum(p.indicator_code is not None for p in points)
    assert time.perf_counter() - started < 60
    rows = counts["rows"]
    # A code only where the metric is the indicator's whole (issue 12: a null code is better
    # than a wrong one): about one row in nine of these texts, from one in four before.
    assert (
        counts["region"] >= 0.6 * rows
        and counts["period"] >= 0.5 * rows
        and counts["indicator"] >= 0.10 * rows
    )
