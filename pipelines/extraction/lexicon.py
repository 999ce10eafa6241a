"""The rule book's word lists, in one place, read by the extractor and by its tests.

Every spelling here is simplified Chinese: the cleaner maps traditional characters to
simplified ones before anything is matched, so one table serves both scripts.
"""

from __future__ import annotations

# --- numerals -------------------------------------------------------------------------

CHINESE_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}  # fmt: skip
CHINESE_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CHINESE_LARGE_UNITS: dict[str, int] = {"万": 10**4, "亿": 10**8}

# --- units ----------------------------------------------------------------------------
# Each spelling maps to the unit written in the `unit` column.

CURRENCY_UNITS: dict[str, str] = {
    "元人民币": "元", "人民币": "元", "元": "元", "块钱": "元",
    "美元": "美元", "美金": "美元", "港元": "港元", "港币": "港元", "欧元": "欧元",
    "日元": "日元", "日圆": "日元", "英镑": "英镑", "澳元": "澳元", "加元": "加元",
    "新台币": "新台币", "台币": "新台币", "韩元": "韩元", "卢布": "卢布", "澳门元": "澳门元",
    "新加坡元": "新加坡元", "圆": "元", "块": "元", "港仙": "港仙", "美仙": "美仙", "美分": "美分", "仙": "仙", "瑞士法郎": "瑞士法郎", "法郎": "法郎", "泰铢": "泰铢", "林吉特": "林吉特",
}  # fmt: skip

# Symbols written before a number, with the currency they stand for.
CURRENCY_SYMBOLS: dict[str, str] = {
    "US$": "美元", "HK$": "港元", "NT$": "新台币", "S$": "新加坡元", "A$": "澳元",
    "C$": "加元", "$": "美元", "¥": "元", "€": "欧元", "£": "英镑",
}  # fmt: skip

COUNT_UNITS: tuple[str, ...] = (
    "家次", "人次", "场次", "架次", "批次", "户次", "车次", "航次", "班次", "件次", "台套", "个", "家", "户", "项", "支",
    "市", "人", "名", "位", "件", "台", "辆", "所", "座", "场", "次", "列", "条", "套", "部",
    "头", "起", "轮", "种", "宗", "只", "艘", "架", "栋", "间", "张", "股", "手", "份", "篇",
    "款", "例", "处", "片", "批", "棵", "株", "匹", "口", "枚", "颗", "首", "集", "本",
    "册", "幅", "辆次", "趟", "班", "宗次", "笔", "单", "票", "床",
    "县", "伙", "镇", "村", "区", "省", "双", "对",
)  # fmt: skip

# Count units of concrete things: a Chinese numeral before them is a quantity with no verb
# (`三双鞋`, `两头牛`); before the others (`个`, `项`, `批`) it needs one (`新增三个`), since
# `两个毫不动摇` and `一批项目` are words, not counts.
CONCRETE_COUNT_UNITS: tuple[str, ...] = (
    "双", "对", "头", "匹", "辆", "艘", "架", "台", "棵", "株", "颗", "枚", "栋",
)  # fmt: skip

# Short unit spellings that also end common words after a one-character numeral (`千方百计`,
# `一度`, `百度`, `三元电池`, `这一块`): there a cue verb must stand before the numeral.
SHORT_AMBIGUOUS_UNITS: tuple[str, ...] = ("方", "度", "平", "元", "块", "码", "家", "口", "米", "升")

# Financial numerals (`壹佰贰拾万元`) are read as numbers only in runs of two or more: a
# lone `陆` or `伍` is a name (`陆家嘴`, `队伍`).
FINANCIAL_NUMERALS: str = "壹贰叁肆伍陆柒捌玖拾佰仟"

# Words in the noun after `N%的` that make it a rate or a change, not a group the
# percentage is a part of.
RATE_NOUN_ENDINGS: tuple[str, ...] = (
    "率", "速", "幅", "增长", "涨", "跌", "降", "水平", "目标", "预期", "标准", "比例", "比重", "份额", "回报",
    "收益", "利息", "税", "折扣", "优惠", "关税", "溢价", "利差", "度",
)  # fmt: skip

# Nouns for a group of people that an age before them defines (`60岁老人`, `14岁儿童`).
AGE_GROUP_NOUNS: tuple[str, ...] = (
    "人口", "老人", "老年人", "儿童", "婴幼儿", "幼儿", "青年", "青少年", "少年", "未成年人", "女性",
    "男性", "妇女", "人群", "群体", "居民", "学生", "劳动年龄人口", "劳动力", "职工", "人员", "以上", "以下",
)  # fmt: skip

PHYSICAL_UNITS: dict[str, str] = {
    "千瓦时": "千瓦时", "千瓦": "千瓦", "兆瓦时": "兆瓦时", "兆瓦": "兆瓦", "吉瓦": "吉瓦",
    "度": "度", "吨标准煤": "吨标准煤", "吨": "吨", "公斤": "公斤", "千克": "千克",
    "克": "克", "斤": "斤", "平方公里": "平方公里", "平方千米": "平方公里", "平方米": "平方米",
    "平米": "平方米", "立方米": "立方米", "方": "立方米", "公里": "公里", "千米": "公里",
    "米": "米", "标准箱": "标准箱", "标箱": "标准箱", "亩": "亩", "公顷": "公顷", "桶": "桶",
    "升": "升", "盎司": "盎司", "微克": "微克", "毫克": "毫克", "岁": "岁", "码": "码",
    "厘": "厘", "°C": "℃", "℃": "℃", "摄氏度": "℃", "TEU": "标准箱", "GW": "吉瓦", "MW": "兆瓦",
    "kg": "公斤", "km": "公里", "kWh": "千瓦时", "磅": "磅", "蒲式耳": "蒲式耳",
    "平": "平方米", "m2": "平方米", "m²": "平方米", "km2": "平方公里", "km²": "平方公里",
    "m3": "立方米", "m³": "立方米", "厘米": "厘米", "公分": "厘米", "cm": "厘米", "毫米": "毫米",
    "mm": "毫米", "GWh": "吉瓦时", "吉瓦时": "吉瓦时", "MWh": "兆瓦时", "TWh": "太瓦时",
    "太瓦时": "太瓦时", "kW": "千瓦", "KW": "千瓦", "立方英尺": "立方英尺", "英尺": "英尺",
    "英寸": "英寸", "英里": "英里", "海里": "海里", "加仑": "加仑", "克拉": "克拉", "千卡": "千卡",
    "卡路里": "卡路里", "千焦": "千焦", "赫兹": "赫兹", "Hz": "赫兹", "千伏安": "千伏安",
    "周岁": "岁",
}  # fmt: skip

PERCENT_UNITS: dict[str, str] = {
    "%": "%", "‰": "‰", "个百分点": "个百分点", "百分点": "个百分点",
    "‱": "‱", "个基点": "基点", "基点": "基点", "bps": "基点", "bp": "基点", "点子": "基点",
}  # fmt: skip

MULTIPLE_UNITS: dict[str, str] = {"倍": "倍", "番": "番"}

# Units that count only in a streak (`连续37年`); elsewhere such a number frames time.
STREAK_UNITS: dict[str, str] = {
    "年": "年", "个月": "个月", "个季度": "个季度", "季度": "个季度", "季": "个季度",
    "个交易日": "个交易日", "交易日": "个交易日", "日": "日", "天": "天", "周": "周",
    "个星期": "周", "星期": "周", "月": "个月", "届": "届", "期": "期",
}  # fmt: skip

INDEX_UNITS: dict[str, str] = {"点": "点"}

# Denominators a rate may be written with after `/` or `每`: `元/吨`, `微克每立方米`.
RATE_DENOMINATORS: tuple[str, ...] = (
    "千瓦时", "平方米", "立方米", "平方公里", "标准箱", "吨", "年", "月", "日", "天", "人",
    "户", "桶", "股", "度", "公斤", "千克", "斤", "克", "升", "亩", "小时", "盎司", "台",
    "辆", "张", "件", "头", "只", "人次", "公里", "米", "次", "场", "家", "床", "平", "磅", "蒲式耳",
    "m2", "m²", "平米", "千米", "km", "kg", "kWh", "Wh", "W", "双", "瓶", "箱", "个",
)  # fmt: skip

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

# --- bound words (the `qualifier` column) ----------------------------------------------

QUALIFIERS_BEFORE: dict[str, str] = {
    "不超过": "<=", "不会超过": "<=", "不会超出": "<=", "不会低于": ">=", "不高于": "<=", "不多于": "<=", "至多": "<=", "最多": "<=", "最高": "<=",
    "上限": "<=", "封顶": "<=",
    "不少于": ">=", "不低于": ">=", "至少": ">=", "起码": ">=", "最少": ">=", "最低": ">=",
    "不到": "<", "不足": "<", "低于": "<", "未满": "<", "少于": "<", "未达": "<", "未超过": "<=",
    "超过": ">", "超出": ">", "超": ">", "逾": ">", "突破": ">", "破": ">", "多于": ">", "高于": ">",
    "大于": ">",
    "约": "~", "近": "~", "接近": "~", "将近": "~", "大约": "~", "约合": "~", "约为": "~",
    "大概": "~", "差不多": "~", "几乎": "~", "逼近": "~", "约占": "~",
}  # fmt: skip

QUALIFIERS_AFTER: dict[str, str] = {
    "以上": ">=", "及以上": ">=", "或以上": ">=", "以下": "<=", "及以下": "<=", "或以下": "<=",
    "以内": "<=", "之内": "<=", "左右": "~", "上下": "~", "上方": ">", "有余": ">", "出头": ">",
    "多": ">", "余": ">", "之多": "",
}  # fmt: skip

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
    "增产", "增收", "增资", "扩产", "上修",
)  # fmt: skip
FALL_WORDS: tuple[str, ...] = (
    "同比下降", "环比下降", "同比减少", "同比下滑", "同比回落", "累计下降",
    "下降", "减少", "回落", "下滑", "降低", "下跌", "下调", "跌", "降", "减", "缩水", "缩减",
    "大减", "衰退", "年减", "月减", "周减", "负增长", "萎缩", "收缩", "减息", "降息", "少增",
    "增幅回落", "增幅收窄", "降幅扩大", "跌幅扩大", "下挫", "回调", "走低", "暴跌", "大跌",
    "节省", "节约", "调降", "调低", "下行", "收跌", "收低", "急跌", "贬值", "回吐", "下探", "走弱",
    "减产", "减收", "压减", "压降", "削减", "缩短", "挫", "低收", "失守", "放缓", "下修",
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

# Words that end in a bound word's character without being one: `签约`, `附近`, `通过`.
NOT_BOUND_WORDS: tuple[str, ...] = (
    "签约", "合约", "预约", "节约", "制约", "公约", "特约", "履约", "违约", "条约", "契约", "邀约",
    "附近", "临近", "靠近", "就近", "邻近", "最近", "亲近", "赶超", "突破口",
)  # fmt: skip

# Nouns that name a rate of change: a figure after them is a `growth`.
GROWTH_NOUNS: dict[str, int] = {
    "增速": 1, "增幅": 1, "增长率": 1, "增长幅度": 1, "上涨幅度": 1, "下降幅度": -1, "下跌幅度": -1, "年增率": 1, "涨幅": 1, "升幅": 1, "增长速度": 1,
    "跌幅": -1, "降幅": -1, "减幅": -1, "跌势": -1,
}  # fmt: skip
SHARE_WORDS: tuple[str, ...] = ("占比", "比重", "份额", "占")
RATIO_WORDS: tuple[str, ...] = (
    "贡献率", "比例", "比率", "强度", "率", "安全感", "满意度", "覆盖面", "指数", "系数", "杠杆",
    "普及度", "集中度", "达标",
)  # fmt: skip

# --- not indicators ---------------------------------------------------------------------

# A count followed by one of these counts the document's own structure.
STRUCTURE_NOUNS: tuple[str, ...] = (
    "主要指标", "指标", "章节", "章", "层面", "方面", "方向", "维度", "部分", "原则", "要点",
    "环节", "步骤", "阶段", "板块", "大类", "类别",
)  # fmt: skip

# Words that contain a numeral and a unit and are neither: `一度下跌`, `两位数增长`,
# `五位一体`. A candidate that starts one of them is no quantity.
NUMERAL_WORDS: tuple[str, ...] = (
    "一度", "一元化", "二元", "一体化", "三伏", "千方百计", "两头在外", "千人口", "万人口", "十万人口", "百万人口", "一方面", "两方面", "一手", "一线",
    "一口气", "一站式", "一条龙", "一揽子", "一本账", "一张蓝图", "一米线",
)  # fmt: skip

# A unit spelling that starts longer words which are no unit: `平均`, `方面`, `块地`.
NOT_A_UNIT_AFTER: dict[str, str] = {
    "平": "均稳台衡安等价原坦分行面", "方": "面向式案法针位阵舱便", "块": "地田屏板砖石牌区状",
    "对": "外于应比接象照话手待标策", "位": "数一", "双": "方边向重赢循", "圆": "满形心梦",
}  # fmt: skip

# Whole words that are a figure of change with no digits: their value and unit.
CHANGE_FIGURE_WORDS: dict[str, tuple[str, str]] = {
    "零增长": ("0", "%"),
    "翻倍": ("100", "%"),
    "翻番": ("1", "番"),
}

# Half of a whole, as a share: `一半`, `半数`, and `过半` (more than half).
HALF_WORDS: dict[str, str] = {"一半": "", "半数": "", "过半数": ">", "过半": ">"}

# A discount `N折` pays N tenths of the price; `对折` is half.
HALF_OFF_WORDS: tuple[str, ...] = ("对折",)
NOT_A_DISCOUNT_AFTER: str = "合算旧叠射腾扣返价中线痕现损"

# A comparison that says `less`/`more` with no change word: `比武汉少近100万人`.
COMPARED_LESS_MORE: dict[str, int] = {"少": -1, "多": 1}
COMPARISON_WORDS: tuple[str, ...] = ("比", "较", "同比", "环比")

# Money written in jiao and fen after yuan: `50元6角3分`.
SUB_YUAN_UNITS: dict[str, str] = {"角": "0.1", "毛": "0.1", "分": "0.01"}
# Units whose spoken short form puts the tenths after them: `3米5`, `3块5`.
SPOKEN_TENTHS_UNITS: tuple[str, ...] = ("米", "块")

# An age followed by a noun names a group (`60岁及以上人口`); these words after it do not.
AGE_UNITS: tuple[str, ...] = ("岁",)
AGE_NOT_A_GROUP_NEXT: str = "了时起前后半"

# Markers that open a section heading line (`一、`, `（二）`, `3.`): a heading is a line of
# its own, never joined to the paragraph below it.
HEADING_MARKERS: tuple[str, ...] = ("、", "）", ")", ".", "．")

# Words that make `N成` not a share: `成为`, `成都`, `一成不变`.
CHENG_NOT_SHARE_NEXT: str = "为立功本果熟交绩员效长型品都就效份分不"

# Words right before a number that make it an ordinal, rank or list marker.
ORDINAL_BEFORE: tuple[str, ...] = ("第", "前", "No.", "NO.", "#")
# A number right after `每` is the denominator of a rate (`每千人口4.7个`), not a figure.
DENOMINATOR_BEFORE: tuple[str, ...] = ("每",)

# Time words in a sentence that are not a four-digit year but override an earlier one.
RELATIVE_YEAR_WORDS: tuple[str, ...] = ("今年", "本年度", "本年", "明年", "当年")
