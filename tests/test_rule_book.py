"""Every rule and example of ../shared/INDICATORS.md, as phrases and the rows they give.

Each case is a real phrase (from the rule book or the development articles) and the rows
an analyst reads from it: (value, unit, qualifier, measure). Phrases listed as not
indicators must give no row at all.
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


# --- not indicators --------------------------------------------------------------------

NOT_INDICATORS = [
    # dates and calendar years used as time references
    "2月24日，在2026年广东省高质量发展大会新闻发布会上，正式发布白皮书。",
    "截至2025年末，各项工作扎实推进。",
    "出台制造业与服务业协同融合发展2026年行动方案。",
    # ordinals, ranks, list enumerators
    "位列同批试点城市评估考核第一",
    "会计师事务所数量均居全国首位。",
    "超清视频成为第十个万亿级产业集群。",
    "如第六代移动通信、具身智能等正在加速成熟。",
    "一是强化顶层设计；二是搭建平台载体；六是管理优化。",
    # counts of the document's own structure or rhetoric
    "白皮书共设置五个章节，围绕五个层面，其核心经验可概括为五点。",
    "白皮书明确了六大发展方向。",
    # words and names that contain a numeral
    "扎实推进两业协同发展，顺应新一轮科技革命，形成了一批可复制可推广的经验。",
    "系统构建了制造业与服务业一体化出海的开放新格局，打通“最后一公里”。",
    "聚焦“三化”牵引，加快“零碳工厂”建设，只是一个起点。",
    "超清视频成为万亿级产业集群，“十四五”时期成效显著。",
    "在千億元赤字預算下，陳茂波宣布在不影響民生前提。",
    # a duration that only frames another figure
    "提前两年完成目标。",
    # counts of a plan's own indicators
    "21个主要指标进展良好。",
    # short years, index levels with no unit, bare numbers, codes, list markers
    "18年上半年收入增长。",
    "价格指数为100.7。",
    "每股EPS为0.94，即二季度的EPS为0.51（0.94-0.43）。",
    "①加强领导；②完善机制。",
    "PM2.5年均浓度下降，5G工厂和3D打印机加快发展，A股上涨。",
    "稳增长“21条”“18条”等政策，办好“退役军人最期盼的10件事”。",
    "《2018煤炭行业发展年度报告》显示",
    "05年以来销量稳步增长。",
    "腾讯(00700)公布业绩。",
    "三省份联合发布通知。",
    "两年平均增长，一体化推进。",
]


@pytest.mark.parametrize("text", NOT_INDICATORS)
def test_not_indicators(text):
    assert readings(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("三年总规模6000亿元", [(6e11, "元", "", "level")]),
        ("总投资超10亿元的项目500个", [(500, "个", "", "level")]),
        ("占比超过10%的有44种", [(44, "种", "", "level")]),
        ("全省超千亿元县、百亿元以上重大工业项目加快建设。", []),
        ("191家工业企业营业收入超百亿元；", [(191, "家", "", "level")]),
        ("连续两年位列同批试点城市评估考核第一", [(2, "年", "", "duration")]),
    ],
)
def test_frames_and_thresholds_give_only_the_counted_row(text, expected):
    assert_rows(text, expected)


def test_each_mention_is_a_row_headline_included():
    text = "全国人民陪审员达34万人\n截至2025年底，全国共有人民陪审员34万人。"
    assert [r.value for r in extract_indicators(text)] == [340000, 340000]


# --- numbers and magnitudes -------------------------------------------------------------

NUMBERS = [
    ("金额1,234.5元", [(1234.5, "元", "", "level")]),
    ("共有１２３家企业", [(123, "家", "", "level")]),
    ("新增两千三百家企业", [(2300, "家", "", "level")]),
    ("增长三点五倍", [(3.5, "倍", "", "growth")]),
    ("新增十家", [(10, "家", "", "level")]),
    ("增加两个", [(2, "个", "", "growth")]),
    ("新增1.2万家", [(12000, "家", "", "level")]),
    ("装机5千瓦", [(5, "千瓦", "", "level")]),
    ("发电3.2亿千瓦时", [(3.2e8, "千瓦时", "", "level")]),
    ("新增减税降费超万亿元", [(1e12, "元", ">", "level")]),
    ("年收入六亿三千万元", [(6.3e8, "元", "", "level")]),
    ("收入六亿三", [(6.3e8, "元", "", "level")]),
    ("总计14萬4000人", [(144000, "人", "", "level")]),
    ("增长二十一点几个百分点", [(21, "个百分点", ">", "growth")]),
    ("六都交易量合計為 2 萬 2439 棟", [(22439, "栋", "", "level")]),
    ("港台預算縮水4千萬", [(-4e7, "元", "", "growth")]),
]
# The rule book's magnitude words and their values.
MAGNITUDES = [
    ("十", 10**1), ("百", 10**2), ("千", 10**3), ("万", 10**4), ("十万", 10**5), ("百万", 10**6),
    ("千万", 10**7), ("亿", 10**8), ("十亿", 10**9), ("百亿", 10**10), ("千亿", 10**11), ("万亿", 10**12),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), NUMBERS)
def test_numbers(text, expected):
    assert_rows(text, expected)


@pytest.mark.parametrize(("word", "scale"), MAGNITUDES)
def test_magnitude_words_fold_into_the_value(word, scale):
    assert_rows(f"投资3{word}元", [(3 * scale, "元", "", "level")])


RANGES = [
    ("投资5000至6000亿元", [(5e11, "元", ">=", "level"), (6e11, "元", "<=", "level")]),
    ("增长3%—5%", [(3, "%", ">=", "growth"), (5, "%", "<=", "growth")]),
    ("增长3%-5%", [(3, "%", ">=", "growth"), (5, "%", "<=", "growth")]),
    ("价格2,550-2,650元", [(2550, "元", ">=", "level"), (2650, "元", "<=", "level")]),
    ("增长8.5%到9%", [(8.5, "%", ">=", "growth"), (9, "%", "<=", "growth")]),
    ("新增二三十家", [(20, "家", ">=", "level"), (30, "家", "<=", "level")]),
    ("增幅介乎六成至七成", [(60, "%", ">=", "growth"), (70, "%", "<=", "growth")]),
    ("带动资金约0.75万亿元-0.94万亿元", [(7.5e11, "元", ">=", "level"), (9.4e11, "元", "<=", "level")]),
    ("长协价格区间580-600元/吨", [(580, "元/吨", ">=", "level"), (600, "元/吨", "<=", "level")]),
    ("7-8月份大豆产区天气", []),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_give_two_rows_with_the_unit_shared(text, expected):
    assert_rows(text, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("盈利13.4億美元", [(1.34e9, "美元", "", "level")]),
        ("收入250.6億元人民幣", [(2.506e10, "元", "", "level")]),
        ("增加兩萬家", [(20000, "家", "", "growth")]),
        ("增長三點五倍", [(3.5, "倍", "", "growth")]),
    ],
)
def test_traditional_characters_read_as_simplified(text, expected):
    assert_rows(text, expected)


def test_traditional_metric_keeps_the_articles_characters():
    (row,) = extract_indicators("律政司的年度預算為25億元")
    assert row.unit == "元" and "預算" in row.metric


def test_structure_ratio_gives_one_share_row_per_term():
    assert_rows(
        "三次产业结构为3.9：59.5：36.6",
        [(3.9, "%", "", "share"), (59.5, "%", "", "share"), (36.6, "%", "", "share")],
    )


# --- units --------------------------------------------------------------------------------

UNITS = [
    ("收入5亿元人民币", 5e8, "元"),
    ("出口100亿美元", 1e10, "美元"),
    ("成交额1,023億港元", 1.023e11, "港元"),
    ("出口2,150亿欧元", 2.15e11, "欧元"),
    ("投资35億日圓", 3.5e9, "日元"),
    ("涉及4市", 4, "市"),
    ("惠及1200万家次企业", 1.2e7, "家次"),
    ("接待游客340万人次", 3.4e6, "人次"),
    ("吞吐量117万吨", 1.17e6, "吨"),
    ("改造9436公里", 9436, "公里"),
    ("面积5.89亿平方米", 5.89e8, "平方米"),
    ("释放空域12万平方公里", 1.2e5, "平方公里"),
    ("供水能力318亿立方米", 3.18e10, "立方米"),
    ("供水能力318亿方", 3.18e10, "立方米"),
    ("集装箱吞吐量2000万标箱", 2e7, "标准箱"),
    ("气温38°C", 38, "℃"),
    ("建设高标准农田1739万亩", 1.739e7, "亩"),
    ("回购13.4億股", 1.34e9, "股"),
    ("港元拆息升至4.5厘", 4.5, "厘"),
    ("价格2550元/吨", 2550, "元/吨"),
    ("PM2.5平均浓度降至28.5微克每立方米", 28.5, "微克/立方米"),
    ("PM2.5浓度31.3微克/立方米", 31.3, "微克/立方米"),
    ("产能提升至12万吨/年", 1.2e5, "吨/年"),
    ("二季度的EPS为$0.38", 0.38, "美元"),
    ("上证综指收报2932.39点", 2932.39, "点"),
]


@pytest.mark.parametrize(("text", "value", "unit"), UNITS)
def test_units(text, value, unit):
    ((got_value, got_unit, _, _),) = readings(text)
    assert math.isclose(got_value, value, rel_tol=1e-9) and got_unit == unit


@pytest.mark.parametrize(
    "unit",
    [
        "家",
        "户",
        "个",
        "项",
        "支",
        "市",
        "家次",
        "人",
        "人次",
        "件",
        "台",
        "辆",
        "所",
        "座",
        "张",
        "股",
        "亩",
    ],
)
def test_count_and_other_units_are_kept_as_written(unit):
    ((value, got, _, measure),) = readings(f"全年新增12{unit}")
    assert (value, got, measure) == (12, unit, "level")


def test_a_rate_written_with_mei_before_the_number_keeps_the_plain_unit():
    ((value, unit, _, _),) = readings("每吨2550元")
    assert (value, unit) == (2550, "元")


@pytest.mark.parametrize(
    ("text", "value"),
    [("增长13.84%", 13.84), ("增长13.84％", 13.84), ("增长百分之十三点八四", 13.84)],
)
def test_percent_spellings(text, value):
    assert_rows(text, [(value, "%", "", "growth")])


@pytest.mark.parametrize(
    ("text", "value", "measure"),
    [
        ("工业机器人产量占全国四成", 40, "share"),
        ("制造业增加值占GDP的比重达三分之一", 100 / 3, "share"),
        ("新增境内上市公司占全国增量的1/4", 25, "share"),
        ("产业规模预计3000亿元，约占全国1/4", 25, "share"),
        ("比重达五分之二", 40, "share"),
    ],
)
def test_shares_and_fractions(text, value, measure):
    (row,) = [r for r in readings(text) if r[1] == "%"]
    assert math.isclose(row[0], value) and row[3] == measure


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("研发投入强度提高1.2个百分点", [(1.2, "个百分点", "", "growth")]),
        ("美联储加息25个基点", [(25, "基点", "", "growth")]),
        ("利率下调25bp", [(-25, "基点", "", "growth")]),
        ("港元拆息升12點子", [(12, "基点", "", "growth")]),
        ("是去年的1.7倍", [(1.7, "倍", "", "ratio")]),
        ("按照2.50:1配套", [(2.5, "倍", "", "ratio")]),
        ("实现翻一番", [(1, "番", "", "growth")]),
        ("连续37年居全国首位", [(37, "年", "", "duration")]),
        ("连续27个月增长", [(27, "个月", "", "duration")]),
        ("连续七个季度回升", [(7, "个季度", "", "duration")]),
        ("恒指连跌4日", [(4, "日", "", "duration")]),
        ("连续十年位居全国首位", [(10, "年", "", "duration")]),
    ],
)
def test_points_multiples_and_streaks(text, expected):
    assert_rows(text, expected)


# --- qualifiers ------------------------------------------------------------------------------

QUALIFIER_WORDS = [
    ("贷款余额达6万亿元", ""), ("贷款余额为6万亿元", ""), ("贷款余额预计6万亿元", ""),
    ("贷款余额超6万亿元", ">"), ("贷款余额超过6万亿元", ">"), ("贷款余额逾6万亿元", ">"),
    ("贷款余额突破6万亿元", ">"), ("新增3000余家", ">"), ("新增2000多家", ">"),
    ("贷款余额6万亿元以上", ">="), ("贷款余额不少于6万亿元", ">="), ("贷款余额至少6万亿元", ">="),
    ("贷款余额不到6万亿元", "<"), ("贷款余额不足6万亿元", "<"), ("贷款余额低于6万亿元", "<"),
    ("贷款余额未满6万亿元", "<"), ("贷款余额6万亿元以下", "<="), ("贷款余额6万亿元以内", "<="),
    ("单企年度最高2000万元", "<="), ("贷款余额至多6万亿元", "<="), ("贷款余额不超过6万亿元", "<="),
    ("贷款余额约6万亿元", "~"), ("贷款余额近6万亿元", "~"), ("贷款余额接近6万亿元", "~"),
    ("贷款余额将近6万亿元", "~"), ("贷款余额6万亿元左右", "~"), ("贷款余额6万亿元上下", "~"),
    ("贷款余额大约6万亿元", "~"), ("最多逾13.4億股", ">"), ("项目签约3543亿元", ""),
]  # fmt: skip


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIER_WORDS)
def test_qualifier_words(text, qualifier):
    ((_, _, got, _),) = readings(text)
    assert got == qualifier


def test_range_bounds_win_over_about():
    assert [q for _, _, q, _ in readings("约0.75万亿元-0.94万亿元左右")] == [">=", "<="]


@pytest.mark.parametrize("text", ["低于3月的2,800元", "超过预期的59亿美元"])
def test_a_figure_compared_with_is_exact(text):
    ((_, _, qualifier, _),) = readings(text)
    assert qualifier == ""


# --- measures and signs ------------------------------------------------------------------------

MEASURES = [
    ("全省地区生产总值达14.58万亿元", 1.458e13, "元", "level"),
    ("已惠及1.4万家企业", 14000, "家", "level"),
    ("贴息比例35%", 35, "%", "ratio"),
    ("研发投入强度3.8%", 3.8, "%", "ratio"),
    ("对全省GDP增长贡献率约50%", 50, "%", "ratio"),
    ("服务业吸收外资增长6.8%", 6.8, "%", "growth"),
    ("生产安全事故起数下降2.1%", -2.1, "%", "growth"),
    ("增长2.5倍", 2.5, "倍", "growth"),
    ("增长1.7倍", 1.7, "倍", "growth"),
    ("销售额减少3亿元", -3e8, "元", "growth"),
    ("增速较上月回落3.6个百分点", -3.6, "个百分点", "growth"),
    ("出口下滑4%", -4, "%", "growth"),
    ("能耗降低14%", -14, "%", "growth"),
    ("价格跌5%", -5, "%", "growth"),
    ("工业增加值负增长3%", -3, "%", "growth"),
    ("出口增幅回落2个百分点", -2, "个百分点", "growth"),
    ("亏损降幅扩大3个百分点", -3, "个百分点", "growth"),
    ("降幅收窄2.3个百分点", 2.3, "个百分点", "growth"),
    ("净利润-16.1亿美元", -1.61e9, "美元", "level"),
    ("CPI回落至2.2%", 2.2, "%", "ratio"),
    ("失业率下降到4.6%", 4.6, "%", "ratio"),
    ("库存降至5.26亿平方米", 5.26e8, "平方米", "level"),
    ("基建增速回升至8%", 8, "%", "growth"),
    ("跌幅3.8%", -3.8, "%", "growth"),
    ("累计同比增速从年初的最高超过11%", 11, "%", "growth"),
    ("公務員編制零增長", 0, "%", "growth"),
]


@pytest.mark.parametrize(("text", "value", "unit", "measure"), MEASURES)
def test_measures_and_signs(text, value, unit, measure):
    ((got_value, got_unit, _, got_measure),) = readings(text)
    assert math.isclose(got_value, value, rel_tol=1e-9), (text, got_value)
    assert (got_unit, got_measure) == (unit, measure), text


def test_a_list_after_fenbie_shares_the_change():
    assert [v for v, *_ in readings("生产安全事故起数、死亡人数分别下降15%、14.5%")] == [-15, -14.5]


# --- period and metric --------------------------------------------------------------------------

PERIODS = [
    ("2025年，全省地区生产总值达14.58万亿元。", "2025"),
    ("截至2025年末，已惠及1.4万家企业。", "2025"),
    ("2025年以来，推动2.7万户企业自由迁移。", "2025"),
    ("公司2025财年收入增长12%。", "2025"),
    ("生产安全事故起数比2020年下降65.3%。", None),
    ("2024-2030年累计投资5000亿元。", None),
    ("成交量达120万套，创2021年以来新高。", None),
    ("社会消费品零售总额增长5.1%。", None),
    ("2026年，全省计划新增城镇就业110万人以上。", "2026"),
    ("由2017年底的5.89亿平方米下降至5.26亿平方米", None),  # second figure checked below
    ("2022/23年度將經常開支撥款減少百分之一", "2022"),
    ("到2028年底，将支持建设20个以上质检技术平台。", "2028"),
]


@pytest.mark.parametrize(("text", "period"), PERIODS)
def test_period_is_the_stated_year_before_the_figure(text, period):
    rows = extract_indicators(text)
    assert rows[-1].period == period


def test_a_comparison_year_gives_its_own_figure_only():
    rows = extract_indicators("有息负债规模由2017年的2.28万亿元，减少至2.07万亿元。")
    assert [r.period for r in rows] == ["2017", None]


def test_the_period_does_not_cross_a_sentence():
    rows = extract_indicators("2025年，粮食产量达到1.43万亿斤。人均国内生产总值达到13953美元。")
    assert [r.period for r in rows] == ["2025", None]


def test_metric_subject_carries_over_to_the_following_clause():
    rows = extract_indicators("截至2025年末，全省科技贷款余额超6万亿元，同比增长13.84%。")
    assert [(r.metric, r.measure, r.qualifier) for r in rows] == [
        ("全省科技贷款余额", "level", ">"),
        ("全省科技贷款余额", "growth", ""),
    ]


def test_offsets_point_into_the_raw_text():
    raw = "数读\n\n●省委金融办：贴息比例35%(单企年度最高2000万元，三年总规模6000亿元)。"
    for row in extract_indicators(raw):
        assert raw[row.char_start : row.char_end] == row.surface


# --- forms met in the press beyond the rule book's examples ------------------------------------

PRESS_FORMS = [
    # fractions, fuzzy and spoken amounts
    ("较去年增长约一成至一成半", [(10, "%", ">=", "growth"), (15, "%", "<=", "growth")]),
    ("出口增长三成多", [(30, "%", ">", "growth")]),
    ("大概增长百分之四十几", [(40, "%", ">", "growth")]),
    ("去年GDP大概是一百二十个亿", [(1.2e10, "元", "~", "level")]),
    ("全县有三十多万人口", [(300000, "人", ">", "level")]),
    ("投资两千多万元。", [(2e7, "元", ">", "level")]),
    ("亏了十几个亿。", [(1e9, "元", ">", "level")]),
    ("赚了三十来万块钱。", [(3e5, "元", "~", "level")]),
    ("大概有五六千人参加。", [(5000, "人", ">=", "level"), (6000, "人", "<=", "level")]),
    ("全县有逾千家企业。", [(1000, "家", ">", "level")]),
    ("人均收入一万二。", [(12000, "元", "", "level")]),
    ("新建了五个产业园", [(5, "个", "", "level")]),
    ("带动了三千多人就业", [(3000, "人", ">", "level")]),
    # change words and new levels
    ("比上年增产１５４１万吨。", [(1.541e7, "吨", "", "growth")]),
    (
        "利润总额同比下降9.0%，降幅比1—8月份收窄2.7个百分点",
        [(-9, "%", "", "growth"), (2.7, "个百分点", "", "growth")],
    ),
    ("刑事檢控科增加的2.65億元預算開支", [(2.65e8, "元", "", "growth")]),
    ("由去年1.47億修訂預算大增為4.1億元", [(1.47e8, "元", "", "level"), (4.1e8, "元", "", "level")]),
    ("預算開支增幅最大，介乎六成至七成", [(60, "%", ">=", "growth"), (70, "%", "<=", "growth")]),
    ("增速从年初的最高超过11%下降至零增长", [(11, "%", ">", "growth"), (0, "%", "", "growth")]),
    ("仍然增加7.1%至250.6億元", [(7.1, "%", "", "growth"), (2.506e10, "元", "", "level")]),
    # units and the words next to them
    ("美聯儲減息25點子", [(-25, "基点", "", "growth")]),
    ("每股派息30港仙", [(30, "港仙", "", "level")]),
    ("宣派中期股息每股20仙", [(20, "仙", "", "level")]),
    ("新樓盤首批100伙", [(100, "伙", "", "level")]),
    ("带动100家上下游企业", [(100, "家", "", "level")]),
    ("不良率为千分之五", [(5, "‰", "", "ratio")]),  # per mille, as `5‰` is (issue 11)
    ("旅游收入超过1万亿元", [(1e12, "元", ">", "level")]),
]


@pytest.mark.parametrize(("text", "expected"), PRESS_FORMS)
def test_press_forms(text, expected):
    assert_rows(text, expected)


def test_fenbie_after_several_clauses_distributes_their_subjects():
    rows = extract_indicators("全年共接待游客6.5亿人次，实现旅游总收入7800亿元，分别比上年增长12.3%和15.6%。")
    assert [r.metric for r in rows[2:]] == ["全年共接待游客", "实现旅游总收入"]


def test_a_clause_without_a_figure_names_the_subject_of_the_next():
    rows = extract_indicators("美元兌日圓升0.5%；歐元兌美元報1.0850，跌0.2%。")
    assert rows[-1].metric.startswith("歐元兌美元")


def test_a_method_clause_does_not_become_the_subject():
    rows = extract_indicators("上半年，全市实现地区生产总值5234.56亿元，按不变价格计算，同比增长5.6%。")
    assert rows[-1].metric == "全市实现地区生产总值"


def test_a_change_word_that_names_its_period_stays_in_the_metric():
    rows = extract_indicators("台北市月減 14.2%，新北市年增 5.3%。")
    assert [r.metric for r in rows] == ["台北市月減", "新北市年增"]
    assert [r.value for r in rows] == [-14.2, 5.3]


def test_a_compared_figure_does_not_change_the_subject():
    rows = extract_indicators("律政司的年度預算為25億元，較去年經修訂後的預算19億元增加三成。")
    assert rows[-1].metric == "律政司的年度預算" and rows[1].metric == "去年經修訂後的預算"


def test_every_row_has_a_metric():
    rows = extract_indicators(
        "新高考平稳落地。9所高职学校入选国家“双高计划”。全国水利建设完成投资连续四年超万亿元"
    )
    assert all(r.metric for r in rows)
    assert rows[0].metric.startswith("高职学校") and rows[-1].metric == "全国水利建设完成投资"


def test_headline_phrases_split_by_ideographic_spaces_stand_alone():
    rows = extract_indicators("海外經貿辦增七成預算宣傳香港\u3000警隊增2.6億購特別用途車\u3000港台縮水4千萬")
    assert [r.metric for r in rows][1:] == ["警隊購特別用途車", "港台"]


def test_a_short_name_before_a_change_is_its_own_subject():
    rows = extract_indicators("港股今早高開後升幅擴大，恒指升逾300點，報19,800點；科指升2.1%。")
    assert [r.metric for r in rows] == ["恒指", "恒指", "科指"]
