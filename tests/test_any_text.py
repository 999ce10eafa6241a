"""Figures in any kind of Chinese text: the families of forms that blogs, portals, TV
transcripts, monetary and real-estate releases write, beyond the kinds the rule book
was first read on (../shared/INDICATORS.md, "Conventions settled in review").

Each family is a table of phrases written for these tests, with the rows an analyst reads
from them as (value, unit, qualifier, measure); an empty list means the phrase holds no
figure at all. The phrases are ours, not sentences of any corpus article.
"""

import math

import pytest

from pipelines.extraction import extract_indicators


def readings(text: str) -> list[tuple[float, str, str, str]]:
    return [(r.value, r.unit, r.qualifier, r.measure) for r in extract_indicators(text)]


def assert_rows(text: str, expected: list[tuple]) -> None:
    got = readings(text)
    assert len(got) == len(expected), f"{text!r}: {got}"
    for (value, unit, qualifier, measure), want in zip(got, expected):
        want_value, want_unit, want_qualifier, want_measure = want
        assert math.isclose(value, want_value, rel_tol=1e-9), f"{text!r}: value {value} != {want_value}"
        assert (unit, qualifier, measure) == (want_unit, want_qualifier, want_measure), f"{text!r}: {got}"


def family(cases):
    return pytest.mark.parametrize(("text", "expected"), cases, ids=[c[0][:24] for c in cases])


# 1. Spaces between Chinese, digits, magnitudes and units change nothing.
SPACING = [
    ("他说自己月入 1 万，够花。", [(1e4, "元", "", "level")]),
    ("年薪涨到 4 万 1 千元。", [(41000, "元", "", "level")]),
    ("这家店去年卖了 100 多万元。", [(1e6, "元", ">", "level")]),
    ("全年营收 3.5 亿元，同比增长 12.3 %。", [(3.5e8, "元", "", "level"), (12.3, "%", "", "growth")]),
    ("这条鱼足有 3 米 5 长。", [(3.5, "米", "", "level")]),
    ("骑行距离 35 km，耗时不长。", [(35, "公里", "", "level")]),
    ("房子面积 89 ㎡ ，总价不高。", [(89, "平方米", "", "level")]),
    ("他在 2025 年 入职，干了 3 个 月。", []),
]

# 2. A number with a magnitude word takes the unit its noun implies; a bare one gives none.
IMPLIED_UNITS = [
    ("全市常住人口1260万，比上年末增加8万。", [(1.26e7, "人", "", "level"), (8e4, "人", "", "growth")]),
    ("春运期间铁路客运量1409万，创同期新高。", [(1.409e7, "人次", "", "level")]),
    ("一季度新房销售面积76万平。", [(7.6e5, "平方米", "", "level")]),
    ("全省困难群众450万得到救助。", [(4.5e6, "人", "", "level")]),
    ("该区就业人口约35万。", [(3.5e5, "人", "~", "level")]),
    ("他月入10000，开销不小。", []),
    ("该地块容积率2.5。", []),
]

# 3. Units the rule book spells, written as symbols, abbreviations or colloquially.
UNITS = [
    ("市区新房均价2.3万/㎡。", [(23000, "元/平方米", "", "level")]),
    ("碳酸锂报价13万/吨。", [(130000, "元/吨", "", "level")]),
    ("这套房建筑面积120m²。", [(120, "平方米", "", "level")]),
    ("孩子身高135cm。", [(135, "厘米", "", "level")]),
    ("他身高175公分。", [(175, "厘米", "", "level")]),
    ("新建管线全长48km。", [(48, "公里", "", "level")]),
    ("电池产能达到12GWh。", [(12, "吉瓦时", "", "level")]),
    ("探明储量3000亿立方英尺。", [(3e11, "立方英尺", "", "level")]),
    ("成人每天约需2000千卡热量。", [(2000, "千卡", "~", "level")]),
    ("电网频率为50赫兹。", [(50, "赫兹", "", "level")]),
    ("装机容量5千瓦的屋顶光伏。", [(5, "千瓦", "", "level")]),
    ("新增变电容量3亿千伏安。", [(3e8, "千伏安", "", "level")]),
    ("新建500千伏变电站3座。", [(3, "座", "", "level")]),
    ("一套房子120平，总价300万。", [(120, "平方米", "", "level"), (3e6, "元", "", "level")]),
    ("这次买菜花了30块钱。", [(30, "元", "", "level")]),
    ("要千方百计扩大内需。", []),
    ("今年平均气温偏高，双方平稳过渡。", []),
]

# 4. A Chinese numeral right before a unit is a quantity, unless the word is something else.
CHINESE_NUMERAL_UNITS = [
    ("孩子今年五岁了。", [(5, "岁", "", "level")]),
    ("他一口气买了三双鞋。", [(3, "双", "", "level")]),
    ("早市上称了十斤大米。", [(10, "斤", "", "level")]),
    ("一吨钢材的价格上涨。", [(1, "吨", "", "level")]),
    ("老人养了两头牛、五匹马。", [(2, "头", "", "level"), (5, "匹", "", "level")]),
    ("他们总结出五点经验。", []),
    ("推动两业融合，实现三化目标，深化一体化发展。", []),
    ("又有一批项目开工，形成一个起点。", []),
    ("坚持两个毫不动摇，落实三个区分开来。", []),
]

# 5. Number forms: percent words with digits, per mille, signs, financial numerals,
# chains, a bare decimal point, discounts, halves, `上亿`, `翻倍`.
NUMBER_FORMS = [
    ("消费增速为百分之2.2。", [(2.2, "%", "", "growth")]),
    ("贷款利率为百分之3.45。", [(3.45, "%", "", "ratio")]),
    ("不良贷款率控制在千分之五以内。", [(5, "‰", "<=", "ratio")]),
    ("事故发生率仅为万分之三。", [(3, "‱", "", "ratio")]),
    ("当月利润率负3.9%。", [(-3.9, "%", "", "ratio")]),
    ("夜间最低气温零下5℃。", [(-5, "℃", "", "level")]),
    ("合同金额为人民币壹佰贰拾万元整。", [(1.2e6, "元", "", "level")]),
    ("全镇共有5万4千6百人。", [(54600, "人", "", "level")]),
    ("每份盒饭售价50元6角3分。", [(50.63, "元", "", "level")]),
    ("存款利率下调.5个百分点。", [(-0.5, "个百分点", "", "growth")]),
    ("会员商品一律九折。", [(90, "%", "", "ratio")]),
    ("换季服装打75折销售。", [(75, "%", "", "ratio")]),
    ("库存商品打对折处理。", [(50, "%", "", "ratio")]),
    ("超过一半的企业实现盈利。", [(50, "%", ">", "share")]),
    ("过半的受访者表示满意。", [(50, "%", ">", "share")]),
    ("半数居民选择公共交通。", [(50, "%", "", "share")]),
    ("单个项目投资上亿元。", [(1e8, "元", ">=", "level")]),
    ("三年内销售额翻倍。", [(100, "%", "", "growth")]),
    ("全场商品八五折。", [(85, "%", "", "ratio")]),
    ("现场来了上万人。", [(1e4, "人", ">=", "level")]),
    ("当年计提资产折旧1.2亿元。", [(1.2e8, "元", "", "level")]),
    ("陆家嘴论坛今天开幕，队伍建设加强。", []),
    # spoken prices and measures
    ("一杯咖啡两块五。", [(2.5, "元", "", "level")]),
    ("菜市场里售价十块八毛。", [(10.8, "元", "", "level")]),
    ("猪肉一斤半，茶叶2两。", [(1.5, "斤", "", "level"), (2, "两", "", "level")]),
    ("一个两岁半的孩子。", [(2.5, "岁", "", "level")]),
    ("体温三十八度五。", [(38.5, "度", "", "level")]),
    ("倒入5毫升清水，容量一公升。", [(5, "毫升", "", "level"), (1, "升", "", "level")]),
]

# 6. Things that look like figures and are not.
NOT_FIGURES = [
    ("发布时间：2024-08-02 01:47:19 来源：新华社", []),
    ("更新于 22 Jan 2022 09:15", []),
    ("详见https://example.cn/a?q=%28%29%E4%B8%AD&page=10，欢迎转发。", []),
    ("咨询电话：010-68001234，或拨打12345热线。", []),
    ("系统升级到V2.3.1版本，修复5处问题。", [(5, "处", "", "level")]),
    ("会议于10:30开始。", []),
    ("2024-08-02，全市新增就业3万人。", [(3e4, "人", "", "level")]),
]

# 7. Signs: reduction and market verbs, signed comparisons of flows, a rate that slows.
SIGNS = [
    ("今年粗钢产能压减300万吨。", [(-3e6, "吨", "", "growth")]),
    ("审批时限缩短30%。", [(-30, "%", "", "growth")]),
    ("恒指收市挫2.1%。", [(-2.1, "%", "", "growth")]),
    ("纳指低收0.5%。", [(-0.5, "%", "", "growth")]),
    ("人民币贷款比上年少增1.16万亿元。", [(-1.16e12, "元", "", "growth")]),
    ("财政存款多减918亿元。", [(-9.18e10, "元", "", "growth")]),
    ("常住人口比武汉少近100万人。", [(-1e6, "人", "~", "growth")]),
    ("投资增速放缓0.3个百分点。", [(-0.3, "个百分点", "", "growth")]),
    ("企业净融资2000亿元。", [(2e11, "元", "", "level")]),
    ("全年节约资金5亿元。", [(5e8, "元", "", "level")]),
    ("今年压减粗钢产能300万吨。", [(-3e6, "吨", "", "growth")]),
    ("全年减少碳排放2000万吨。", [(-2e7, "吨", "", "growth")]),
    ("减排贡献度仅为全球3%。", [(3, "%", "", "ratio")]),
]

# 8. Structure ratios with named parts: one share per part, not a multiple.
STRUCTURE_RATIOS = [
    ("中直与地方经济比重为31.3：68.7。", [(31.3, "%", "", "share"), (68.7, "%", "", "share")]),
    ("城镇和农村人口之比为65:35。", [(65, "%", "", "share"), (35, "%", "", "share")]),
    ("轻重工业比例为42.5∶57.5。", [(42.5, "%", "", "share"), (57.5, "%", "", "share")]),
    ("资产负债之比为2.50:1。", [(2.5, "倍", "", "ratio")]),
    ("男女性别比为105:100。", [(1.05, "倍", "", "ratio")]),
]

# 9. Age brackets and size classes define a group: only the group's figures are rows.
CLASS_THRESHOLDS = [
    ("60岁及以上人口比重为21.1%。", [(21.1, "%", "", "share")]),
    ("0~14岁人口为2.3亿人。", [(2.3e8, "人", "", "level")]),
    ("15-59岁劳动年龄人口占62%。", [(62, "%", "", "share")]),
    ("5岁以下儿童死亡率降至7‰。", [(7, "‰", "", "ratio")]),
    ("退休年龄逐步延迟至63周岁。", [(63, "岁", "", "level")]),
    ("照顾89岁的婆婆。", [(89, "岁", "", "level")]),
]

# 11. Periods: a year with a span inside it gives that year; a target year is the period
# of its target; a base year never is.
PERIODS = [
    ("2026年前五个月，全省出口增长5.1%。", "2026"),
    ("2025年1—5月，规模以上工业增加值增长6.3%。", "2025"),
    ("2025年上半年，全国居民人均可支配收入21840元。", "2025"),
    ("2025年四季度，GDP同比增长5.2%。", "2025"),
    ("到2030年，单位GDP能耗下降13.5%。", "2030"),
    ("城镇化率比2020年提高3.1个百分点。", None),
    ("出口较2005年增长2.3倍。", None),
]


@family(SPACING)
def test_spaces_change_nothing(text, expected):
    assert_rows(text, expected)


@family(IMPLIED_UNITS)
def test_implied_units(text, expected):
    assert_rows(text, expected)


@family(UNITS)
def test_symbol_and_colloquial_units(text, expected):
    assert_rows(text, expected)


@family(CHINESE_NUMERAL_UNITS)
def test_chinese_numerals_before_a_unit(text, expected):
    assert_rows(text, expected)


@family(NUMBER_FORMS)
def test_number_forms(text, expected):
    assert_rows(text, expected)


@family(NOT_FIGURES)
def test_things_that_are_not_figures(text, expected):
    assert_rows(text, expected)


@family(SIGNS)
def test_signs(text, expected):
    assert_rows(text, expected)


@family(STRUCTURE_RATIOS)
def test_structure_ratios_with_named_parts(text, expected):
    assert_rows(text, expected)


@family(CLASS_THRESHOLDS)
def test_age_brackets_and_class_thresholds(text, expected):
    assert_rows(text, expected)


@pytest.mark.parametrize(("text", "period"), PERIODS, ids=[c[0][:24] for c in PERIODS])
def test_periods(text, period):
    rows = extract_indicators(text)
    assert rows, text
    assert rows[-1].period == period, f"{text!r}: {[(r.surface, r.period) for r in rows]}"


# 10. Metrics: a section heading is not part of the metric of the figures below it;
# brackets and quotes stay balanced; a list's shared noun reaches each item.
METRICS = [
    ("一、经济运行\n全市地区生产总值增长5.2%。", ["全市地区生产总值"]),
    ("（二）对外贸易\n货物进出口总额4.2万亿元。", ["货物进出口总额"]),
    ("广义货币（M2）余额302万亿元。", ["广义货币（M2）余额"]),
    ("“十五五”开局之年，全省固定资产投资增长4%。", ["全省固定资产投资"]),
    ("3. 价格\n居民消费价格上涨0.2%。", ["居民消费价格"]),
    ("“千项万亿”重大项目完成投资1.5万亿元。", ["“千项万亿”重大项目完成投资"]),
    ("实施“一喷三防”资金16亿元。", ["实施“一喷三防”资金"]),
]


@pytest.mark.parametrize(("text", "metrics"), METRICS, ids=[c[0][:24] for c in METRICS])
def test_metrics(text, metrics):
    got = [r.metric for r in extract_indicators(text)]
    assert got == metrics, f"{text!r}: {got}"
    for metric in got:
        for opening, closing in ("（）", "()", "“”", "《》"):
            assert metric.count(opening) == metric.count(closing), metric


# 12. Found on a second reading of real texts of new kinds (HK property news, energy notes,
# monetary releases, investor blogs) and of a public suite of number expressions.
SECOND_READING = [
    # tenths written after 成, as spoken: `二成六` is 26 %; a unit after the digit stops it
    ("楼价较高峰跌二成六。", [(-26, "%", "", "growth")]),
    ("七成六的受访者表示满意。", [(76, "%", "", "share")]),
    ("成交量比去年同期少三成五。", [(-35, "%", "", "growth")]),
    # financial numerals with a decimal point
    ("回报率提高拾点伍个百分点。", [(10.5, "个百分点", "", "growth")]),
    ("全场陆点五折。", [(65, "%", "", "ratio")]),
    # `度` stays 度, of heat and of power; after 华氏 it is ℉
    ("午后气温高达38度。", [(38, "度", "", "level")]),
    ("当地温度为华氏98.6度。", [(98.6, "℉", "", "level")]),
    ("全年用电量达120度。", [(120, "度", "", "level")]),
    # units in capitals, currencies, oil equivalents, HK square feet
    ("如今身高168CM。", [(168, "厘米", "", "level")]),
    ("全长3.5KM。", [(3.5, "公里", "", "level")]),
    ("项目投资50万比索。", [(5e5, "比索", "", "level")]),
    ("能源消费增长3.5%，达到4200万吨油当量。", [(3.5, "%", "", "growth"), (4.2e7, "吨油当量", "", "level")]),
    ("该单位实用面积2,390呎。", [(2390, "呎", "", "level")]),
    # a look-back year is no period of the figures after it
    ("收益率为2005年以来新低，国债收益率下行2.55bp。", [(-2.55, "基点", "", "growth")]),
    # a percent after a bound and before 的 + a whole is a part of it, not a class
    ("该业务贡献了超过87%的营收。", [(87, "%", ">", "share")]),
    ("公司占领了约30%的市场。", [(30, "%", "~", "share")]),
    ("撬动规模约5万亿元的市场。", [(5e12, "元", "~", "level")]),
    # … but a bound on a rate before 的 + noun defines a class (no row), and its count is a level
    ("涨幅超过5%的个股有30只。", [(30, "只", "", "level")]),
    # a part of a change is a share of it
    ("天然气约占全球能源消费增长的1/3。", [(100 / 3, "%", "~", "share")]),
    # a fall named after the figure
    ("售价出现31.59%的降幅。", [(-31.59, "%", "", "growth")]),
    # a figure alone in brackets after a change restates that change
    ("产量下降了1.2%（110亿立方米）。", [(-1.2, "%", "", "growth"), (-1.1e10, "立方米", "", "growth")]),
    ("同比增长5.2%（上年为4.8%）。", [(5.2, "%", "", "growth"), (4.8, "%", "", "ratio")]),
    # price cuts and rises are changes
    ("该单位降价45万元。", [(-4.5e5, "元", "", "growth")]),
    ("每吨涨价200元。", [(200, "元", "", "growth")]),
    # a unit written once after the second of two figures
    (
        "两项指标分别提高0.6和1.0个百分点。",
        [(0.6, "个百分点", "", "growth"), (1.0, "个百分点", "", "growth")],
    ),
    ("增速分别为5.2和4.8%。", [(5.2, "%", "", "growth"), (4.8, "%", "", "growth")]),
    ("两者占比分别为30和45%。", [(30, "%", "", "share"), (45, "%", "", "share")]),
    ("第1和2批试点。", []),
    (
        "两项增速分别高于全国12.7个、12个百分点。",
        [(12.7, "个百分点", "", "growth"), (12, "个百分点", "", "growth")],
    ),
    ("新建学校12个、医院3个。", [(12, "个", "", "level"), (3, "个", "", "level")]),
    # `成为` after a numeral is tenths and 为; `一举成为` is no figure
    ("近六成为个体工商户。", [(60, "%", "~", "share")]),
    ("该市一举成为全省第一。", []),
    # a hundred or a thousand alone, after a bound word
    ("全年成交过百宗。", [(100, "宗", ">", "level")]),
    ("近千人参加招聘会。", [(1000, "人", "~", "level")]),
    # an ordinal range stays an ordinal
    ("第1-12批名单已公布。", []),
    # a household size is a kind of household, not a count of people
    ("一个4口之家出游4天花费约2万元。", [(2e4, "元", "~", "level")]),
    ("跌幅最大的是5人家庭住户。", []),
    ("三口之家的月支出为8000元。", [(8000, "元", "", "level")]),
    ("全市共有5人参赛。", [(5, "人", "", "level")]),
    # `百分之15K` is a magnitude we do not read: no truncated row
    ("涨幅达百分之15K。", []),
]


@family(SECOND_READING)
def test_forms_found_on_a_second_reading(text, expected):
    assert_rows(text, expected)
