"""The rule book's word lists, in one place, read by the extractor and by its tests.

Every spelling here is simplified Chinese: the cleaner maps traditional characters to
simplified ones before anything is matched, so one table serves both scripts.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- numerals -------------------------------------------------------------------------

CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
CHINESE_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CHINESE_LARGE_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8}
# Every magnitude character with its value, and the ones the scan reads after a number
# (simplified only: `拾`, `佰`, `仟` stand in financial numerals, never after digits).
MAGNITUDES: dict[str, int] = {**CHINESE_SMALL_UNITS, **CHINESE_LARGE_UNITS}
MAGNITUDE_CHARS: str = "十百千万亿"
# The digits the scan reads (financial numerals `壹`, `贰` … are read only inside a number).
PLAIN_DIGITS: str = "零〇一二三四五六七八九两"
FINANCIAL_DIGITS: str = "".join(d for d in CHINESE_DIGITS if d not in PLAIN_DIGITS)
LARGE_MAGNITUDE_CHARS: str = "".join(CHINESE_LARGE_UNITS)

# --- units ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """One unit: the spellings it is written with, the unit written in the `unit` column,
    its kind, and the facts the rules need about it. Every unit regex, look-ahead and
    tuple of the extractor is derived from `UNITS`; adding a unit is adding a row.

    Kinds: money, count, physical, percent, multiple, time (counts only in a streak,
    `连续37年`; elsewhere such a number frames time), index, and `denominator` (a word that
    only stands after `/` or `每`). `per` lists the spellings that may be a rate's
    denominator (`元/吨`, `微克每立方米`); `change` marks a unit whose figures are changes
    (`个百分点`); `region` says where a spelling is used (HK: Hong Kong press).
    A spelling that starts with a magnitude character (`千瓦`) keeps it from the number:
    `5千瓦` is 5 千瓦, not 5000 瓦. Traditional spellings need no row: the cleaner maps
    traditional characters to simplified ones before anything is matched.
    """

    canonical: str
    kind: str
    spellings: tuple[str, ...]
    per: tuple[str, ...] = ()
    change: bool = False
    region: str = ""


UNITS: tuple[Unit, ...] = (
    # money
    Unit("元", "money", ("元", "元人民币", "人民币", "块钱", "块", "圆")),
    Unit("美元", "money", ("美元", "美金")),
    Unit("港元", "money", ("港元", "港币")),
    Unit("欧元", "money", ("欧元",)),
    Unit("日元", "money", ("日元", "日圆")),
    Unit("英镑", "money", ("英镑",)),
    Unit("澳元", "money", ("澳元",)),
    Unit("加元", "money", ("加元",)),
    Unit("新台币", "money", ("新台币", "台币")),
    Unit("韩元", "money", ("韩元",)),
    Unit("卢布", "money", ("卢布",)),
    Unit("澳门元", "money", ("澳门元",)),
    Unit("新加坡元", "money", ("新加坡元",)),
    Unit("港仙", "money", ("港仙",), region="HK"),
    Unit("美仙", "money", ("美仙",), region="HK"),
    Unit("美分", "money", ("美分",)),
    Unit("仙", "money", ("仙",), region="HK"),
    Unit("瑞士法郎", "money", ("瑞士法郎",)),
    Unit("法郎", "money", ("法郎",)),
    Unit("泰铢", "money", ("泰铢",)),
    Unit("林吉特", "money", ("林吉特",)),
    Unit("卢比", "money", ("卢比",)),
    Unit("比索", "money", ("比索",)),
    Unit("奈拉", "money", ("奈拉",)),
    Unit("兰特", "money", ("兰特",)),
    Unit("里拉", "money", ("里拉",)),
    Unit("雷亚尔", "money", ("雷亚尔",)),
    Unit("越南盾", "money", ("越南盾",)),
    Unit("印尼盾", "money", ("印尼盾",)),
    Unit("新西兰元", "money", ("新西兰元",)),
    Unit("瑞典克朗", "money", ("瑞典克朗",)),
    Unit("挪威克朗", "money", ("挪威克朗",)),
    Unit("丹麦克朗", "money", ("丹麦克朗",)),
    Unit("克朗", "money", ("克朗",)),
    Unit("迪拉姆", "money", ("迪拉姆",)),
    Unit("里亚尔", "money", ("里亚尔",)),
    Unit("第纳尔", "money", ("第纳尔",)),
    # physical
    Unit("千瓦时", "physical", ("千瓦时", "kWh", "kwh", "KWh", "KWH"), per=("千瓦时", "kWh")),
    Unit("千瓦", "physical", ("千瓦", "kW", "KW")),
    Unit("兆瓦时", "physical", ("兆瓦时", "MWh")),
    Unit("兆瓦", "physical", ("兆瓦", "MW")),
    Unit("吉瓦", "physical", ("吉瓦", "GW")),
    Unit("度", "physical", ("度",), per=("度",)),
    Unit("吨标准煤", "physical", ("吨标准煤",)),
    Unit("吨油当量", "physical", ("吨油当量",)),
    Unit("桶油当量", "physical", ("桶油当量",)),
    Unit("呎", "physical", ("呎", "平方呎"), per=("呎", "平方呎")),  # HK: square feet of floor area
    Unit("吨", "physical", ("吨",), per=("吨",)),
    Unit("公斤", "physical", ("公斤", "kg", "KG", "Kg"), per=("公斤", "kg")),
    Unit("千克", "physical", ("千克",), per=("千克",)),
    Unit("克", "physical", ("克",), per=("克",)),
    Unit("斤", "physical", ("斤",), per=("斤",)),
    Unit("平方公里", "physical", ("平方公里", "平方千米", "km2", "km²"), per=("平方公里",)),
    # `平`, `m2` (`㎡` folds to it): colloquial and symbol spellings of 平方米
    Unit("平方米", "physical", ("平方米", "平米", "平", "m2", "m²"), per=("平方米", "平米", "平", "m2", "m²")),
    Unit("立方米", "physical", ("立方米", "方", "m3", "m³"), per=("立方米",)),
    Unit("公里", "physical", ("公里", "千米", "km", "KM", "Km"), per=("公里", "千米", "km")),
    Unit("厘米", "physical", ("厘米", "公分", "cm", "CM")),
    Unit("毫米", "physical", ("毫米", "mm")),
    Unit("英尺", "physical", ("英尺",)),
    Unit("立方英尺", "physical", ("立方英尺",)),
    Unit("英寸", "physical", ("英寸",)),
    Unit("英里", "physical", ("英里",)),
    Unit("海里", "physical", ("海里",)),
    Unit("加仑", "physical", ("加仑",)),
    Unit("克拉", "physical", ("克拉",)),
    Unit("吉瓦时", "physical", ("吉瓦时", "GWh")),
    Unit("太瓦时", "physical", ("太瓦时", "TWh")),
    Unit("千伏安", "physical", ("千伏安",)),
    Unit("千焦", "physical", ("千焦",)),
    Unit("卡路里", "physical", ("卡路里",)),
    Unit("赫兹", "physical", ("赫兹", "Hz")),
    Unit("米", "physical", ("米",), per=("米",)),
    Unit("标准箱", "physical", ("标准箱", "标箱", "TEU"), per=("标准箱",)),
    Unit("亩", "physical", ("亩",), per=("亩",)),
    Unit("公顷", "physical", ("公顷",)),
    Unit("桶", "physical", ("桶",), per=("桶",)),
    Unit("升", "physical", ("升", "公升"), per=("升",)),
    Unit("毫升", "physical", ("毫升",)),
    Unit("两", "physical", ("两",)),  # a weight after digits (`2两茶叶`); `两` before a unit is two
    Unit("微米", "physical", ("微米",)),
    Unit("纳米", "physical", ("纳米",)),
    Unit("马力", "physical", ("马力",)),
    Unit("GB", "physical", ("GB",)),
    Unit("TB", "physical", ("TB",)),
    Unit("MB", "physical", ("MB",)),
    Unit("盎司", "physical", ("盎司",), per=("盎司",)),
    Unit("微克", "physical", ("微克",)),
    Unit("毫克", "physical", ("毫克",)),
    Unit("岁", "physical", ("岁", "周岁")),
    # `码`: a rate step in HK and Taiwan rate news (`升息1碼`), so a change; as a yard it
    # would read as a change too: the two meanings share one spelling.
    Unit("码", "physical", ("码",), change=True, region="HK"),
    Unit("厘", "physical", ("厘",)),
    Unit("℃", "physical", ("℃", "°C", "摄氏度")),
    Unit("℉", "physical", ("℉", "°F", "华氏度")),
    Unit("磅", "physical", ("磅",), per=("磅",)),
    Unit("蒲式耳", "physical", ("蒲式耳",), per=("蒲式耳",)),
    Unit("千卡", "physical", ("千卡",)),
    # percent
    Unit("%", "percent", ("%",)),
    Unit("‰", "percent", ("‰",)),
    Unit("‱", "percent", ("‱",)),
    Unit("个百分点", "percent", ("个百分点", "百分点"), change=True),
    Unit("基点", "percent", ("基点", "个基点", "bps", "bp", "点子"), change=True),
    # multiple
    Unit("倍", "multiple", ("倍",)),
    Unit("番", "multiple", ("番",)),
    # time: streak units
    Unit("年", "time", ("年",), per=("年",)),
    Unit("个月", "time", ("个月", "月"), per=("月",)),
    Unit("个季度", "time", ("个季度", "季度", "季")),
    Unit("个交易日", "time", ("个交易日", "交易日")),
    Unit("日", "time", ("日",), per=("日",)),
    Unit("天", "time", ("天",), per=("天",)),
    Unit("周", "time", ("周", "个星期", "星期")),
    Unit("届", "time", ("届",)),
    Unit("期", "time", ("期",)),
    # index
    Unit("点", "index", ("点",)),
    # only after `/` or `每`
    Unit("小时", "denominator", ("小时",), per=("小时",)),
    Unit("瓶", "denominator", ("瓶",), per=("瓶",)),
    Unit("Wh", "denominator", ("Wh",), per=("Wh",)),
    Unit("箱", "denominator", ("箱",), per=("箱",)),
    # count: measure words, each its own unit
    Unit("家次", "count", ("家次",)), Unit("人次", "count", ("人次",), per=("人次",)),
    Unit("场次", "count", ("场次",)), Unit("架次", "count", ("架次",)), Unit("批次", "count", ("批次",)),
    Unit("户次", "count", ("户次",)), Unit("车次", "count", ("车次",)), Unit("航次", "count", ("航次",)),
    Unit("班次", "count", ("班次",)), Unit("件次", "count", ("件次",)), Unit("台套", "count", ("台套",)),
    Unit("个", "count", ("个",)), Unit("家", "count", ("家",), per=("家",)),
    Unit("户", "count", ("户",), per=("户",)), Unit("项", "count", ("项",)), Unit("支", "count", ("支",)),
    Unit("市", "count", ("市",)), Unit("人", "count", ("人",), per=("人",)), Unit("名", "count", ("名",)),
    Unit("位", "count", ("位",)), Unit("件", "count", ("件",), per=("件",)),
    Unit("台", "count", ("台",), per=("台",)), Unit("辆", "count", ("辆",), per=("辆",)),
    Unit("所", "count", ("所",)), Unit("座", "count", ("座",)), Unit("场", "count", ("场",), per=("场",)),
    Unit("次", "count", ("次",), per=("次",)), Unit("列", "count", ("列",)), Unit("条", "count", ("条",)),
    Unit("套", "count", ("套",)), Unit("部", "count", ("部",)), Unit("头", "count", ("头",), per=("头",)),
    Unit("起", "count", ("起",)), Unit("轮", "count", ("轮",)), Unit("种", "count", ("种",)),
    Unit("宗", "count", ("宗",)), Unit("只", "count", ("只",), per=("只",)), Unit("艘", "count", ("艘",)),
    Unit("架", "count", ("架",)), Unit("栋", "count", ("栋",)), Unit("间", "count", ("间",)),
    Unit("张", "count", ("张",), per=("张",)), Unit("股", "count", ("股",), per=("股",)),
    Unit("手", "count", ("手",)), Unit("份", "count", ("份",)), Unit("篇", "count", ("篇",)),
    Unit("款", "count", ("款",)), Unit("例", "count", ("例",)), Unit("处", "count", ("处",)),
    Unit("片", "count", ("片",)), Unit("批", "count", ("批",)), Unit("双", "count", ("双",)), Unit("对", "count", ("对",)),
    Unit("棵", "count", ("棵",)), Unit("株", "count", ("株",)), Unit("匹", "count", ("匹",)),
    Unit("口", "count", ("口",)), Unit("枚", "count", ("枚",)), Unit("颗", "count", ("颗",)),
    Unit("首", "count", ("首",)), Unit("集", "count", ("集",)), Unit("本", "count", ("本",)),
    Unit("册", "count", ("册",)), Unit("幅", "count", ("幅",)), Unit("辆次", "count", ("辆次",)),
    Unit("趟", "count", ("趟",)), Unit("班", "count", ("班",)), Unit("宗次", "count", ("宗次",)),
    Unit("笔", "count", ("笔",)), Unit("单", "count", ("单",)), Unit("票", "count", ("票",)),
    Unit("床", "count", ("床",), per=("床",)), Unit("县", "count", ("县",)),
    Unit("伙", "count", ("伙",), region="HK"), Unit("镇", "count", ("镇",)), Unit("村", "count", ("村",)),
    Unit("区", "count", ("区",)), Unit("省", "count", ("省",)),
)  # fmt: skip

# Symbols written before a number, with the currency they stand for.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "美元", "HK$": "港元", "NT$": "新台币", "S$": "新加坡元", "A$": "澳元",
    "C$": "加元", "$": "美元", "¥": "元", "€": "欧元", "£": "英镑",
}  # fmt: skip

# Kinds whose Chinese numerals are a quantity without a verb before them (`四成`, `三倍`,
# `五岁`, `十斤`, `一吨`, `七百块钱`).
KINDS_READ_WITHOUT_VERB: tuple[str, ...] = (
    "percent",
    "cheng",
    "multiple",
    "fraction",
    "time",
    "physical",
    "money",
)

# Nouns for people: a `万`/`亿` amount with no unit before them counts people.
PERSON_NOUNS: tuple[str, ...] = (
    "群众", "人口", "居民", "残疾人", "老人", "老年人", "儿童", "学生", "农民", "职工", "员工",
    "患者", "人员", "人才", "游客", "旅客", "乘客", "毕业生", "劳动力", "工人", "农民工",
    "选民", "市民", "村民", "网民", "用户", "观众", "婴幼儿", "人",
)  # fmt: skip

# Words that mark an amount with no unit as money.
MONEY_WORDS: tuple[str, ...] = (
    "元", "预算", "投资", "资金", "开支", "收入", "赤字", "总值", "生产总值", "贷款", "存款",
    "债", "资产", "利润", "营收", "销售额", "支出", "拨款", "经费", "成交额", "交易额", "市值",
    "融资", "补贴", "税", "工资", "薪", "储备", "外资", "资本", "金额", "费", "价", "GDP", "赚", "盈利",
    "亏", "营业额", "成交", "钱", "收益", "月入", "年入", "日入", "身家", "房价", "总价",
)  # fmt: skip

# A noun right before an amount with a magnitude and no unit says what it counts:
# `常住人口1260万` is people, `客运量1409万` trips, `货运量3.2亿` tonnes.
IMPLIED_UNIT_NOUNS: dict[str, str] = {
    **{noun: "人" for noun in PERSON_NOUNS if noun != "人"},
    "人数": "人", "就业": "人", "从业人员": "人", "常住人口": "人", "户籍人口": "人", "出生人口": "人",
    "客运量": "人次", "客流": "人次", "客流量": "人次", "旅客发送量": "人次", "旅客": "人次",
    "游客": "人次", "接待游客": "人次", "出游": "人次", "观影": "人次", "出入境": "人次",
    "货运量": "吨", "货物吞吐量": "吨", "集装箱吞吐量": "标准箱", "户数": "户",
    "发电量": "千瓦时", "用电量": "千瓦时", "全社会用电量": "千瓦时",
}  # fmt: skip

# Count units of concrete things: a Chinese numeral before them is a quantity with no verb
# (`三双鞋`, `两头牛`); before the others (`个`, `项`, `家`) it needs one (`新增三个`), since
# `两个毫不动摇`, `一批项目` and `两家` (the article's own subjects) are no figures.
CONCRETE_COUNT_UNITS: tuple[str, ...] = (
    "双", "对", "头", "匹", "辆", "艘", "架", "台", "棵", "株", "颗", "枚", "栋",
)  # fmt: skip

# Short unit spellings that also end common words after a one-character numeral (`千方百计`,
# `一度`, `百度`, `三元电池`, `这一块`): there a quantity verb must stand before the numeral.
SHORT_AMBIGUOUS_UNITS: tuple[str, ...] = ("方", "度", "平", "元", "块", "码", "家", "口", "米", "升")

# Financial numerals (`壹佰贰拾万元`) are read as numbers only in runs of two or more: a
# lone `陆` or `伍` is a name (`陆家嘴`, `队伍`).
FINANCIAL_NUMERALS: str = "壹贰叁肆伍陆柒捌玖拾佰仟"

# Words that begin with a numeral and a unit and are neither: `一度下跌`, `千方百计`, and
# the denominators of per-capita rates (`千人口托位数`).
NUMERAL_WORDS: tuple[str, ...] = (
    "一度", "一元化", "二元", "三伏", "千方百计", "两头在外", "千人口", "万人口", "十万人口", "百万人口",
    "一口气", "一站式", "一条龙", "一揽子", "一本账", "一张蓝图", "一米线",
)  # fmt: skip

# Whole words that are a figure of change with no digits: their value and unit.
CHANGE_FIGURE_WORDS: dict[str, tuple[str, str]] = {
    "零增长": ("0", "%"),
    "翻倍": ("100", "%"),
    "翻番": ("1", "番"),
}

# Half of a whole, as a share: `一半`, `半数`, and `过半` (more than half).
HALF_WORDS: dict[str, str] = {"一半": "", "半数": "", "过半数": ">", "过半": ">"}

# A discount `N折` pays N tenths of the price; `对折` is half. Not in `折合`, `折旧`.
HALF_OFF_WORDS: tuple[str, ...] = ("对折",)
NOT_A_DISCOUNT_AFTER: str = "合算旧叠射腾扣返价中线痕现损"

# Reduction verbs that govern their object before the figure: `压减粗钢产能300万吨` is a fall.
REDUCTION_VERBS: tuple[str, ...] = ("压减", "削减", "减少", "缩减", "压降", "降低", "压缩")
# Characters that end the object: a predicate or a rate comes between verb and figure.
NOT_IN_REDUCED_OBJECT: str = "为是达占比率度的仅"

# A comparison that says less or more with no change word: `比武汉少近100万人`.
COMPARED_LESS_MORE: dict[str, int] = {"少": -1, "多": 1}
COMPARISON_WORDS: tuple[str, ...] = ("比", "较", "同比", "环比")

# Money written in jiao and fen after yuan: `50元6角3分`.
YUAN: str = "元"
SUB_YUAN_UNITS: dict[str, str] = {"jiao": "0.1", "fen": "0.01"}  # the groups of SUB_YUAN_RE
# Spellings whose spoken short form puts the tenths after them, with their unit: `3米5`, `3块5`.
SPOKEN_TENTHS_UNITS: dict[str, str] = {"米": "米", "块": "元", "度": "度", "成": "%"}  # `二成六`: 26 %
# `度` stays `度` (power, and heat as the gold keeps it: `1亿度`); after `华氏` it is ℉.
FAHRENHEIT_WORDS: tuple[str, ...] = ("华氏",)
FAHRENHEIT: str = "℉"
POWER_DEGREE: str = "度"
# A year before these is a look-back (`创2005年以来新低`): no period of the figures after it.
LOOK_BACK_RECORDS: tuple[str, ...] = (
    "新高", "新低", "最高", "最低", "最大", "最小", "最多", "最少", "最快", "最慢", "高位", "低位", "首次",
)  # fmt: skip
# After a count of people, words that make it a kind of household, not a figure.
HOUSEHOLD_WORDS: tuple[str, ...] = ("之家", "家庭", "户家庭", "口家庭", "人户")
# `六成为…`: after a numeral, `成为` is tenths and `为`.
TENTHS_THEN_WEI: str = "成为"
ONE: str = "一"  # `一举成为`: a lone `一` before `成为` is no number
# Endings of a rate noun: a bound on a rate before `的` and a noun defines a class
# (`涨幅超过5%的个股`); elsewhere `超过87%的营收` is a part of the whole.
RATE_NOUN_ENDS: tuple[str, ...] = ("幅", "率", "速", "比", "比重", "比例")
# Words that join two figures sharing the unit written after the second: `提高0.6和1.0个百分点`.
SHARED_UNIT_JOINS: str = "和与及、"
# Units a figure may take from the next one in such a pair.
SHARED_UNITS: tuple[str, ...] = ("%", "个百分点", "倍")
# A unit whose spelling is the head of a longer one the next figure writes in full:
# `分别高于全国12.7个、12个百分点` (the first is 12.7 个百分点).
SHARED_HEAD_UNITS: dict[str, str] = {"个": "个百分点"}
# Single magnitudes that are a figure only right after a bound word: `过百宗`, `近千人`.
SMALL_BARE_MAGNITUDES: tuple[str, ...] = ("百", "千")
# Units after which `半` adds a half: `一斤半`, `两岁半`, `一倍半` (multiples too).
HALF_AFTER_UNITS: tuple[str, ...] = ("斤", "公斤", "岁", "周岁", "吨", "米", "公里", "亩", "两", "块", "元")

# Words in the noun after `N%的` that make it a rate or a change, not a group the
# percentage is a part of (`79%的毕业生` is a share, `5%的增速` is not).
RATE_NOUN_ENDINGS: tuple[str, ...] = (
    "率", "速", "幅", "增长", "涨", "跌", "降", "水平", "目标", "预期", "标准", "比例", "比重", "份额", "回报",
    "收益", "利息", "税", "折扣", "优惠", "关税", "溢价", "利差", "度",
)  # fmt: skip

# An age followed by one of these names a group (`60岁老人`); with a bound (`60岁及以上`,
# `0~14岁`) any noun after it does. These words after an age start no group.
AGE_UNITS: tuple[str, ...] = ("岁",)
AGE_GROUP_NOUNS: tuple[str, ...] = (
    "人口", "老人", "老年人", "儿童", "婴幼儿", "幼儿", "青年", "青少年", "少年", "未成年人", "女性",
    "男性", "妇女", "人群", "群体", "居民", "学生", "劳动年龄人口", "劳动力", "职工", "人员", "以上", "以下",
)  # fmt: skip
AGE_NOT_A_GROUP_NEXT: str = "了时起前后半"

# Brackets and quotes a metric keeps balanced: (opening, closing).
BRACKET_PAIRS: tuple[tuple[str, str], ...] = (
    ("（", "）"), ("(", ")"), ("“", "”"), ("‘", "’"), ("《", "》"), ("【", "】"), ("「", "」"), ("『", "』"),
)  # fmt: skip

# Markers that end a section number at the start of a heading line (`一、`, `（二）`, `3.`).
HEADING_MARKERS: tuple[str, ...] = ("、", "）", ")", ".", "．")

# --- bound words (the `qualifier` column) ----------------------------------------------


@dataclass(frozen=True)
class BoundWord:
    """A word that bounds the figure next to it: `超过` before (`>`), `以上` after (`>=`).

    `bare`: it may stand right before a bare magnitude (`超万亿元`, `近万人`), which is a
    figure only after such a word; `only_bare`: it is a bound nowhere else (`过万`, `上亿`).
    `opens_metric`: it may open a clause before the subject (`约三成居民`), so a metric
    never starts with it. A negator before a strict bound flips it (`NEGATED`), so
    `不超过`, `不会低于`, `未超过` need no row of their own.
    """

    word: str
    qualifier: str
    side: str  # "before" or "after" the number
    bare: bool = False
    only_bare: bool = False
    opens_metric: bool = False


BOUND_WORDS: tuple[BoundWord, ...] = (
    # at most / at least
    BoundWord("至多", "<=", "before"), BoundWord("最多", "<=", "before"),
    BoundWord("最高", "<=", "before"), BoundWord("上限", "<=", "before"),
    BoundWord("封顶", "<=", "before"),
    BoundWord("至少", ">=", "before"), BoundWord("起码", ">=", "before"),
    BoundWord("最少", ">=", "before"), BoundWord("最低", ">=", "before"),
    # less than
    BoundWord("不到", "<", "before", opens_metric=True), BoundWord("不足", "<", "before", opens_metric=True),
    BoundWord("低于", "<", "before"), BoundWord("未满", "<", "before"), BoundWord("少于", "<", "before"),
    BoundWord("未达", "<", "before"),
    # more than
    BoundWord("超过", ">", "before", bare=True, opens_metric=True), BoundWord("超出", ">", "before"),
    BoundWord("超", ">", "before", bare=True, opens_metric=True),
    BoundWord("逾", ">", "before", bare=True, opens_metric=True),
    BoundWord("突破", ">", "before", bare=True), BoundWord("破", ">", "before", bare=True),
    BoundWord("多于", ">", "before"), BoundWord("高于", ">", "before"), BoundWord("大于", ">", "before"),
    BoundWord("过", ">", "before", bare=True, only_bare=True),
    BoundWord("上", ">=", "before", bare=True, only_bare=True),  # `上亿元` is 1e8 `>=`
    # about
    BoundWord("约", "~", "before", bare=True, opens_metric=True),
    BoundWord("近", "~", "before", bare=True, opens_metric=True),
    BoundWord("接近", "~", "before", bare=True, opens_metric=True),
    BoundWord("将近", "~", "before", opens_metric=True), BoundWord("大约", "~", "before", opens_metric=True),
    BoundWord("约合", "~", "before"), BoundWord("约为", "~", "before"), BoundWord("大概", "~", "before"),
    BoundWord("差不多", "~", "before"), BoundWord("几乎", "~", "before"), BoundWord("逼近", "~", "before"),
    # after the number
    BoundWord("以上", ">=", "after"), BoundWord("及以上", ">=", "after"), BoundWord("或以上", ">=", "after"),
    BoundWord("以下", "<=", "after"), BoundWord("及以下", "<=", "after"), BoundWord("或以下", "<=", "after"),
    BoundWord("以内", "<=", "after"), BoundWord("之内", "<=", "after"), BoundWord("左右", "~", "after"),
    BoundWord("上下", "~", "after"), BoundWord("上方", ">", "after"), BoundWord("有余", ">", "after"),
    BoundWord("出头", ">", "after"), BoundWord("多", ">", "after"), BoundWord("余", ">", "after"),
    # emphatic, no bound (`多达10万人之多`, `升息幅度将达10碼之多`): its words are no counted thing
    BoundWord("之多", "", "after"),
    BoundWord("开外", ">", "after"),  # `300米开外`: farther than
    BoundWord("不及", "<", "before"),  # `增速不及5%`: short of
)  # fmt: skip

# A negator before a strict bound word: `不超过` is `<=`, `不会低于` is `>=`.
NEGATORS: tuple[str, ...] = ("不", "不会", "未")
NEGATED: dict[str, str] = {">": "<=", "<": ">="}


def _bound_words(side: str) -> dict[str, str]:
    words = {b.word: b.qualifier for b in BOUND_WORDS if b.side == side and not b.only_bare}
    if side == "before":
        for bound in [b for b in BOUND_WORDS if b.side == side and not b.only_bare]:
            if bound.qualifier in NEGATED and not bound.word.startswith(NEGATORS):
                for negator in NEGATORS:
                    words.setdefault(negator + bound.word, NEGATED[bound.qualifier])
    return words


QUALIFIERS_BEFORE: dict[str, str] = _bound_words("before")
QUALIFIERS_AFTER: dict[str, str] = _bound_words("after")
BARE_MAGNITUDE_BOUNDS: dict[str, str] = {b.word: b.qualifier for b in BOUND_WORDS if b.bare}
METRIC_OPENING_BOUNDS: tuple[str, ...] = tuple(b.word for b in BOUND_WORDS if b.opens_metric)

# Between a bound word and its number only these may stand.
QUALIFIER_FILLERS: tuple[str, ...] = ("达到", "达", "为", "是", "了", "到", "有", "在", "会", "需", "需要")

# --- change words (the `measure` column and the sign) ----------------------------------
# A cue word read right before a number: its measure, and its sign for a change.
# `level_at` marks `增至`-like words that give the new level, not the change.

RISE_WORDS: tuple[str, ...] = (
    "同比增长", "环比增长", "同比增加", "同比上升", "同比提高", "同比上涨", "年均增长", "累计增长",
    "增长", "增加", "提高", "提升", "上升", "上涨", "上调", "增", "升", "涨", "扩大", "回升", "反弹",
    "攀升", "跃升", "多增", "增多", "翻", "加息", "升息", "年增", "月增", "周增", "劲升", "大增",
    "激增", "飙升", "暴涨", "高于", "增幅扩大", "降幅收窄", "跌幅收窄", "按年增加", "按年上升",
    "调升", "调高", "上扬", "走高", "收涨", "收高", "大涨", "急升", "猛涨", "抬升", "升值", "扬升",
    "增产", "增收", "增资", "扩产", "上修", "涨价", "提价", "加价",
)  # fmt: skip
FALL_WORDS: tuple[str, ...] = (
    "同比下降", "环比下降", "同比减少", "同比下滑", "同比回落", "累计下降",
    "下降", "减少", "回落", "下滑", "降低", "下跌", "下调", "跌", "降", "减", "缩水", "缩减",
    "大减", "衰退", "年减", "月减", "周减", "负增长", "萎缩", "收缩", "减息", "降息", "少增",
    "增幅回落", "增幅收窄", "降幅扩大", "跌幅扩大", "下挫", "回调", "走低", "暴跌", "大跌",
    "节省", "节约", "调降", "调低", "下行", "收跌", "收低", "急跌", "贬值", "回吐", "下探", "走弱",
    "减产", "减收", "压减", "压降", "削减", "缩短", "挫", "低收", "失守", "放缓", "下修", "降价", "减价",
    "削价", "跌价",
)  # fmt: skip
# `节省`/`节约` save an amount: a positive level, not a fall; listed so that the word
# next to the number is theirs, then read as neutral below.
NEUTRAL_CHANGE_WORDS: tuple[str, ...] = ("节省", "节约", "新增", "新登记", "引进", "增加值", "增值", "改善")
# Words whose sign follows the change they qualify: `降幅收窄` is a rise, `增幅收窄` a fall.
RELATIVE_CHANGE_WORDS: dict[str, int] = {"收窄": -1, "缩小": -1, "扩大": 1, "加大": 1}

# `改善` is a fall for a quantity where less is better (a concentration, a loss rate).
LESS_IS_BETTER_WORDS: tuple[str, ...] = (
    "浓度",
    "排放",
    "能耗",
    "污染",
    "失业",
    "亏损",
    "不良",
    "事故",
    "死亡",
    "赤字",
    "负债",
    "成本",
)

# --- ambiguity: a word, and the longer words that contain it and are not it ------------
# Applied by one helper (`patterns.inside_longer_word`, `patterns.unambiguous`): `签约3543亿元`
# has no `约`, `三方面` no `方` (立方米), `一成不变` no `成`, `以下简称` no `以下`.

AMBIGUOUS: dict[str, tuple[str, ...]] = {
    "成": ("成为", "成立", "成功", "成本", "成果", "成熟", "成交", "成绩", "成员", "成效", "成长",
          "成型", "成品", "成都", "成就", "成份", "成分", "一成不变"),
    "方": ("方面", "方向", "方式", "方案", "方法", "方针", "方位", "方阵", "方舱", "方便"),
    "约": ("签约", "合约", "预约", "节约", "制约", "公约", "特约", "履约", "违约", "条约", "契约", "邀约"),
    "近": ("附近", "临近", "靠近", "就近", "邻近", "最近", "亲近"),
    "超": ("赶超",),
    "突破": ("突破口",),
    "上下": ("上下游", "上下级", "上下班"),
    "以下": ("以下简称",),
    "占": ("占地",),
    # coverbs and verbs that open a metric's lead-in, where they begin a word of their own
    "报": ("报告", "报道", "报表", "报名", "报价", "报刊"),
    "在": ("在建", "在线", "在校", "在岗", "在职", "在册", "在内", "在外"),
    "向": ("向前", "向上", "向下"),
    "对": ("对外", "对象", "对接", "对比"),
    # unit spellings that begin other words (`平均`, `双方`, `块地`, `圆满`, `两位数`)
    "平": ("平均", "平稳", "平台", "平衡", "平安", "平等", "平价", "平原", "平坦", "平分", "平行", "平面"),
    "双": ("双方", "双边", "双向", "双重", "双赢", "双循环"),
    "块": ("块地", "块田", "块屏", "块板", "块砖", "块石", "块牌", "块区"),
    "圆": ("圆满", "圆形", "圆心", "圆梦"),
    "位": ("位数", "位一体"),
    # `两` is a weight only where no number or unit follows (`5万两千` is 52000)
    "两": ("两千", "两百", "两万", "两亿", "两十", "两个", "两年", "两位", "两项", "两成", "两倍", "两家", "两次"),
    "为": ("为了", "为主", "为止"),
    "从": ("从业", "从事", "从而", "从来", "从此", "从前"),
    "把": ("把握", "把关"),
    "将": ("将来", "将军"),
    "于": ("于是",),
    "被": ("被动",),
}  # fmt: skip

# Nouns that name a rate of change: a figure after them is a `growth`.
GROWTH_NOUNS: dict[str, int] = {
    "增速": 1, "增幅": 1, "增长率": 1, "增长幅度": 1, "上涨幅度": 1, "下降幅度": -1, "下跌幅度": -1, "年增率": 1, "涨幅": 1, "升幅": 1, "增长速度": 1,
    "跌幅": -1, "降幅": -1, "减幅": -1,
}  # fmt: skip
SHARE_WORDS: tuple[str, ...] = ("占比", "比重", "份额", "占")
RATIO_WORDS: tuple[str, ...] = (
    "贡献率", "比例", "比率", "强度", "率", "满意度", "覆盖面", "指数", "系数", "普及度", "集中度",
)  # fmt: skip

# --- not indicators ---------------------------------------------------------------------

# A count followed by one of these counts the document's own structure.
STRUCTURE_NOUNS: tuple[str, ...] = (
    "主要指标", "指标", "章节", "章", "层面", "方面", "方向", "维度", "部分", "原则", "要点",
    "环节", "步骤", "阶段", "板块", "大类", "类别",
)  # fmt: skip


# Words right before a number that make it an ordinal, rank or list marker.
ORDINAL_BEFORE: tuple[str, ...] = ("第", "前", "No.", "NO.", "#")
# A number right after `每` is the denominator of a rate (`每千人口4.7个`), not a figure.
DENOMINATOR_BEFORE: tuple[str, ...] = ("每",)

# Time words in a sentence that are not a four-digit year but override an earlier one.
RELATIVE_YEAR_WORDS: tuple[str, ...] = ("今年", "本年度", "本年", "明年", "当年")


# --- words and characters the rules name ------------------------------------------------

ZERO_DIGITS: str = "零〇"  # a place left empty (`一百零二`); never a number's first digit
TEN_THOUSAND: str = "万"
DECIMAL_POINT: str = "点"  # `十三点八四`
FUZZY: str = "几"  # `四十几`: more than the number before it
FUZZY_DECIMAL: str = DECIMAL_POINT + FUZZY  # `二十一点几`
HALF: str = "半"  # `一倍半`, `一成半`
CHENG: str = "成"  # `四成`: tenths
MORE_WORDS: tuple[str, ...] = ("多", "余")  # `三十多万`: more than, written after a number
PLUS_SIGNS: str = "+＋"  # `+3`: a score or a code, not a quantity
# After `a/b`, a date (`3/4日`), not a fraction.
DATE_CHARS: str = "年月日号期"
DATE_MARKS: str = "月日号"  # `2月24日`: a number before one is a date
PERIOD_CHARS: str = "年月周季"  # `月减`: a change word that names its period
RESPECTIVELY: str = "分别"  # `分别增长6.8%、12.3%`: a list of figures
SHARE_VERB: str = "占"  # `占全国1/4`
DE: str = "的"
# Punctuation, in three sets that every break and stop is built from: where a sentence ends,
# where a clause ends inside it, and what stands between the items of a list.
SENTENCE_ENDS: str = "。！？!?\n"
CLAUSE_ENDS: str = "，,；;：:"
LIST_MARKS: str = "、"
# An ideographic space separates the independent phrases of a headline, like a full stop.
PHRASE_SPACE: str = "\u3000"
QUOTE_MARKS: str = "“”\"'"
COMMA_MARKS: str = "，,"
OPEN_BRACKETS: str = "(（"
# A line break after a line holding one of these is inside running prose.
PROSE_MARKS: str = "，,。、；"
# Units a figure is given in where the text writes none: people, money.
PERSON_UNIT: str = "人"
MONEY_UNIT: str = "元"
TIMES_UNIT: str = "倍"
# Value added names a level, though it holds a change word (`增加值增长7%`).
VALUE_ADDED_WORDS: tuple[str, ...] = ("增加值", "增值")
LEVEL_AT_ALONE: tuple[str, ...] = ("至", "到")  # `…，至250.6亿元`: the new level
# `改善` is a fall where less is better (`LESS_IS_BETTER_WORDS`), else a rise.
POLARITY_CHANGE_WORD: str = "改善"
RATE_SUFFIX: str = "率"  # `不良率`: a noun ending in it names a rate
PROPORTION_NOUNS: tuple[str, ...] = ("比例", "比率")  # a share when `占` stands before

# --- series columns: the place a figure is about (`regions`) ----------------------------

NATION: str = "全国"  # China as a whole, the `region` of national figures
NATION_WORDS: tuple[str, ...] = ("全国", "我国", "中国", "中华人民共和国", "全国范围内")
# Other spellings of one region: local subjects (`本港`) and national agencies, whose
# figures are national unless a place is named (`国家统计局公布…6月份CPI`).
REGION_ALIASES: dict[str, str] = {
    "本港": "香港特别行政区", "全港": "香港特别行政区", "港府": "香港特别行政区", "港人": "香港特别行政区",
    "本澳": "澳门特别行政区", "全澳": "澳门特别行政区", "台湾地区": "台湾省", "全台": "台湾省",
    "国家统计局": "全国", "海关总署": "全国", "中国人民银行": "全国", "央行": "全国", "国务院": "全国",
}  # fmt: skip
# Subject words that name the article's own place, by the level they name.
PROVINCE_SUBJECTS: tuple[str, ...] = ("全省", "我省", "本省", "全省域")
CITY_SUBJECTS: tuple[str, ...] = ("全市", "我市", "本市", "全市域")
DISTRICT_SUBJECTS: tuple[str, ...] = ("全区", "我区", "本区")
COUNTY_SUBJECTS: tuple[str, ...] = ("全县", "我县", "本县")
# Endings dropped to give the short form a place is written with (`广东省` → `广东`),
# longest first; ethnic names before `自治州` come from the gazetteer's own list.
PROVINCE_ENDINGS: tuple[str, ...] = (
    "维吾尔自治区",
    "壮族自治区",
    "回族自治区",
    "特别行政区",
    "自治区",
    "省",
    "市",
)
CITY_ENDINGS: tuple[str, ...] = ("自治州", "地区", "新区", "盟", "市")
AUTONOMOUS_ENDING: str = "自治州"
ETHNIC_ENDING: str = "族"
DISTRICT_ENDING: str = "区"  # a `全区` subject names an autonomous region or a district
COUNTY_ENDING: str = "县"
MUNICIPALITY_ENDING: str = "市"  # `上海市`: a province-level city, whose `全市` is itself
# Short forms that are also common words, never read as a place.
NOT_A_PLACE_SHORT_FORMS: frozenset[str] = frozenset({"白银", "安康", "来宾", "玉树", "朝阳", "大同", "海域"})
# Words that hold a place name but name no place: read past, as if no place were there.
NOT_A_PLACE_WORDS: tuple[str, ...] = (
    "武汉肺炎", "中山大学", "中山路", "中山装", "北京时间", "上海合作组织", "中国工程院", "中国科学院",
    "平安中国", "美丽中国", "健康中国", "数字中国", "中国式现代化", "中国制造", "全国人大", "全国政协",
    "全国两会", "全国人民代表大会", "中国共产党",
)  # fmt: skip
# After `全国`, `全球`, `世界` these make the country or the world a yardstick or a class, not
# the subject: `全国首位`, `全球领先`, `全国重点实验室`, `全国平均水平`.
YARDSTICK_AFTER_NATION: tuple[str, ...] = (
    "首", "第", "前", "领先", "重点", "示范", "典型", "文明", "百强", "十强", "一流", "最", "唯一",
    "平均", "水平", "同期", "标杆", "样板", "先进", "优秀", "试点", "排名", "范围", "各地", "性",
    "“", "\"",  # a quoted name after it is a label: `全球“灯塔工厂”`
)  # fmt: skip
# Words that join the places of a list: a partner's list partners are partners too.
LIST_JOINERS: tuple[str, ...] = ("、", "和", "及", "与", "以及")
# Gazetteer rows that are no area an analyst files figures under.
NOT_A_REGION_NAMES: frozenset[str] = frozenset({"苏鲁交界", "海域", "市辖区", "县"})
# One-character province abbreviations read only where no other reading is likely: at the
# start of a clause, not before a character that makes a compound (`沪深`, `粤港澳`).
PROVINCE_ABBREVIATIONS: dict[str, str] = {
    "粤": "广东省", "沪": "上海市", "皖": "安徽省", "闽": "福建省", "赣": "江西省",
    "鄂": "湖北省", "湘": "湖南省", "琼": "海南省", "黔": "贵州省", "滇": "云南省",
    "陇": "甘肃省", "冀": "河北省", "豫": "河南省", "渝": "重庆市",
}  # fmt: skip
ABBREVIATION_NOT_BEFORE: str = "港澳深指股市台企籍菜剧语"
# Foreign countries, groups and named areas: a `region` with no code.
FOREIGN_AREAS: tuple[str, ...] = (
    "美国", "欧元区", "欧盟", "欧洲", "日本", "韩国", "英国", "德国", "法国", "意大利", "西班牙",
    "荷兰", "瑞士", "俄罗斯", "印度", "印度尼西亚", "印尼", "越南", "泰国", "马来西亚", "新加坡",
    "菲律宾", "澳大利亚", "新西兰", "加拿大", "墨西哥", "巴西", "阿根廷", "智利", "南非", "沙特",
    "阿联酋", "土耳其", "东盟", "非洲", "拉美", "中东", "亚洲", "全球", "世界", "粤港澳大湾区",
)  # fmt: skip
# Names of several regions at once: the figure is about no single region.
MULTI_REGION_WORDS: tuple[str, ...] = (
    "京津冀", "长三角", "长江三角洲", "珠三角", "珠江三角洲", "成渝", "川渝", "沪深", "江浙沪",
    "粤港澳", "长江经济带", "黄河流域", "东部地区", "中部地区", "西部地区", "东北地区", "中西部",
)  # fmt: skip
# A place right after these is a partner or a yardstick, not the subject: `对东盟出口`,
# `占全国四成`, `高于全国平均水平`.
PARTNER_BEFORE_PLACE: tuple[str, ...] = (
    "对",
    "向",
    "自",
    "从",
    "占",
    "比",
    "较",
    "高于",
    "低于",
    "快于",
    "慢于",
    "居",
    "领跑",
)
# A subject that names its parts in order before `分别`: `城乡居民人均可支配收入分别增长4.4%、
# 5.6%` gives the urban figure, then the rural one.
RESPECTIVE_PARTS: dict[str, tuple[str, ...]] = {
    "城乡居民": ("城镇居民", "农村居民"), "城乡": ("城镇", "农村"),
    "城镇、农村": ("城镇", "农村"), "城镇和农村": ("城镇", "农村"),
}  # fmt: skip
# Words of a company, a product or a fund: such a figure is about no region.
COMPANY_WORDS: tuple[str, ...] = (
    "公司", "集团", "股份", "净利润", "营收", "股价", "市值", "门店", "品牌", "基金", "旗下", "财报",
)  # fmt: skip

# An article whose title holds one of these reports on a company: its rows
# name no region unless their own clause does (`SQM的总收入` in `智利矿业化工的半年报`).
COMPANY_ARTICLE_WORDS: tuple[str, ...] = ("半年报", "年报", "季报", "财报", "业绩", "招股", "股东", "公司")

# --- series columns: the exact period (`reference_periods`) -----------------------------

PLAN_START_YEARS: dict[str, int] = {
    "十一五": 2006,
    "十二五": 2011,
    "十三五": 2016,
    "十四五": 2021,
    "十五五": 2026,
}
NOT_IN_HEADING: str = "。；;！？"  # a line with one of these is prose, not a section heading
# Years named from the article's date: `今年` is its year, `明年` the next (`当年` refers back).
RELATIVE_YEAR_OFFSETS: dict[str, int] = {"今年": 0, "本年度": 0, "本年": 0, "明年": 1}
FIRST_HALF: str = "上"  # `上半年`; `下半年` is the second
# Words of a metric that make an inherited month a point or a year-to-date flow:
# `2026年5月金融统计数据报告` with `人民币贷款余额` is 2026-05-31, with `人民币贷款增加` 2026-01/2026-05.
BALANCE_WORDS: tuple[str, ...] = ("余额", "存量", "末")
FLOW_WORDS: tuple[str, ...] = ("增加", "新增", "增量", "累计", "净投放", "发行", "减少")

# --- series columns: the indicator a metric names (`indicator_vocabulary`) ----------------

# Words dropped from a metric before it is looked up: they say how, not what.
MEASURE_WORDS: tuple[str, ...] = (
    "同比", "环比", "比上年", "比去年", "增长", "增速", "增幅", "下降", "降幅", "上涨", "涨幅",
    "占比", "比重", "分别", "全年", "当年", "累计",
)  # fmt: skip
# Units of a rate of change or a proportion: any indicator takes them for growth and shares.
RELATIVE_UNITS: frozenset[str] = frozenset({"%", "个百分点", "倍", "基点", "‰"})
# A metric names the indicator only where nothing but these stands beside the indicator's
# name (with places, periods and abbreviations in brackets): any other word makes it a part
# of the whole or another quantity, and the row gets no indicator (`纺织品服装出口`,
# `民营企业进出口`, `对东盟出口`, `自贸试验区新设企业`, `专项债额度`, `数字经济核心产业营收`).
INDICATOR_NEUTRAL_WORDS: tuple[str, ...] = (
    # the reporter's verbs and hedges
    "初步核算", "预计", "实现", "完成", "已", "达", "达到", "为", "是", "约", "共", "共计", "合计",
    "总计", "累计", "全年", "全年度", "当年", "当月", "本月", "同期", "年末", "年底", "年初",
    "截至", "截止", "时期", "期间", "比上年", "比去年", "较上年", "较去年", "比上年同期",
    "较上年同期", "比去年同期", "较去年同期",
    # the whole's own nouns
    "外贸", "货物", "规模以上", "规上", "港口", "产量", "总产量", "总额", "总值", "总量", "总规模", "规模", "数量", "金额", "额", "余额",
    "平均值", "平均", "年均浓度", "年平均浓度", "平均浓度", "浓度", "实际", "名义", "全部",
    # how it moved, or its share of a whole (`占` is cut before the lookup)
    "同比", "增长", "增速", "增幅", "涨幅", "降幅", "下降", "上涨", "减少", "增加", "占比",
    "比重", "所占比重", "的比重", "分别", "的",
)  # fmt: skip
# A figure is the part before these: `服务业增加值占国内生产总值的比重` is about 服务业增加值,
# `研发经费支出相当于生产总值的比例` about 研发经费支出 (the indicator named after it is the whole).
PART_BEFORE_WHOLE: tuple[str, ...] = ("占", "相当于")
# In the clause before a growth figure these make it no year-on-year change of the indicator
# (the measure every series of growth rows holds): a month-on-month or week-on-week change,
# an average annual rate, a gap to a yardstick (`增速高于全国12.7个百分点`).
NOT_YEAR_ON_YEAR_WORDS: tuple[str, ...] = (
    "环比", "年均增长", "年均增速", "年均增幅", "年均提高", "年均下降", "年均递增", "平均每年",
    "年平均增长", "两年平均", "比上月", "较上月", "比上周", "较上周",
    "较上一周", "较前一周", "比上期", "较上期", "比前一", "较前一", "高于", "低于", "快于", "慢于",
    "高出", "低出", "超出", "平均增速", "平均增长",
)  # fmt: skip
# Before a figure in its sentence these make it a target or a forecast, not an observation
# (`主要预期目标是：全市生产总值增长5%左右`, `预计今年粗钢产量6.7亿吨`, `全年出口有望实现15%的增长`).
FORECAST_WORDS: tuple[str, ...] = (
    "预期目标", "目标是", "目标为", "目标：", "预计", "有望", "力争", "预测", "可望", "争取",
)  # fmt: skip
# A figure right after these and `的` is the value compared with, of another period:
# `第二季失业率较第一季的4.2%…`, `由2017年底的5.89亿平方米下降至…`.
BASE_VALUE_WORDS: tuple[str, ...] = ("比", "较", "由", "从", "相比", "相较", "相较于")
# In the part before `占` these make a share of a change, not of the indicator: `天然气消费增速
# 占全球天然气消费增长的1/3` is a contribution to growth.
CHANGE_IN_PART_WORDS: tuple[str, ...] = ("增速", "增量", "增幅", "增长")
# A place right before one of these names a port, an airport, a zone or a park, whose
# figures are not the place's own: `宁波舟山港集装箱吞吐量`, `郑州机场货邮吞吐量`.
FACILITY_AFTER_PLACE: tuple[str, ...] = (
    "港", "机场", "口岸", "海关", "园区", "开发区", "高新区", "经开区", "保税区", "综合保税区",
    "自贸区", "自贸试验区", "片区", "港区", "站", "大学", "银行",
)  # fmt: skip
# … but not these, which name the place's own ports or markets: `我国港口完成集装箱吞吐量`.
NOT_A_FACILITY_AFTER_PLACE: tuple[str, ...] = ("港口", "港澳", "港股", "站上")
# Before a place in the clause of a listed figure these make it a partner of a bilateral
# flow: `对共建“一带一路”国家、非洲、欧洲出口分别增长…` are exports to each, not the total.
PARTNER_PREPOSITIONS: tuple[str, ...] = ("对", "向", "自", "从")
# An index of one market is about that market's country or area, whatever the article's own
# place (`美股…；截至收盘，上证指数涨0.68%`): indicator code → region name.
MARKET_REGIONS: dict[str, str] = {
    "shanghai_composite": "全国", "shenzhen_component": "全国", "chinext_index": "全国",
    "a_share_turnover": "全国", "hang_seng_index": "香港特别行政区", "dow_jones": "美国",
    "sp500": "美国", "nasdaq": "美国",
}  # fmt: skip
# `…，其中出口10.67万亿元`: the figures after it are parts of the whole named before it.
PART_MARKER: str = "其中"
