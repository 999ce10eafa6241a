"""`python -m pipelines.explain`: every numeral run of a text gives a row or a named reason."""

import pytest

from pipelines.explain import explain_file, main
from pipelines.extraction.explaining import UNEXPLAINED, explain_text, rule_counts
from pipelines.extraction.interpret import MEASURE_RULES
from pipelines.extraction.mentions import Reason

from .conftest import shared_path

# (phrase, the numeral run, the reason it gives no row); rows are checked in the rule book.
REASONS = [
    ("2月24日，在2026年广东省发布会上", "2026", Reason.DATE),
    ("2月24日，在2026年广东省发布会上", "24", Reason.DATE),
    ("位列同批试点城市评估考核第一", "一", Reason.ORDINAL),
    ("白皮书共设置五个章节", "五", Reason.STRUCTURE),
    ("价格指数为100.7。", "100.7", Reason.BARE_NUMBER),
    ("PM2.5年均浓度下降", "2.5", Reason.CODE),
    ("办好“退役军人最期盼的10件事”", "10", Reason.NAME),
    ("过去两年，经济稳定增长。", "两", Reason.FRAME),
    ("提前两年完成目标。", "两", Reason.ORDINAL),
    ("总投资超10亿元的项目开工。", "10亿", Reason.CLASS_THRESHOLD),
    ("一是强化顶层设计", "一", Reason.NOT_A_QUANTITY_FORM),
    ("会议于下午3点召开", "3", Reason.CLOCK),
    ("超清视频成为万亿级产业集群", "万亿", Reason.NO_IMPLIED_UNIT),
    ("打造万亿元产业集群", "万亿", Reason.BARE_MAGNITUDE),
]


@pytest.mark.parametrize("text, numeral, reason", REASONS)
def test_a_number_that_gives_no_row_says_which_rule_set_it_aside(text, numeral, reason):
    accounts = {a.numeral: a for a in explain_text(text)}
    assert numeral in accounts, accounts
    assert not accounts[numeral].rows and accounts[numeral].reason == reason, accounts[numeral]


def test_a_number_that_gives_a_row_shows_the_row_and_its_rules():
    [account] = [
        a for a in explain_text("全省地区生产总值达14.58万亿元，同比增长5.2%。") if a.numeral == "5.2"
    ]
    [row] = account.rows
    assert (row.value, row.unit, row.measure) == (5.2, "%", "growth")
    assert row.rule_names == ["number and unit", "change word"]


def test_rules_are_counted_over_texts_and_every_measure_rule_has_a_distinct_name():
    counts = rule_counts(["超过30家企业。", "比重为12%。"])
    assert counts["bound word before"] == 1 and counts["share noun"] == 1
    names = [name for name, _ in MEASURE_RULES]
    assert len(names) == len(set(names))


def test_the_command_prints_every_run_and_counts_rules(tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("2025年，营业收入12亿元，同比增长5%，一是扩大开放。", "utf-8")
    assert main([str(article)]) == 0
    out = capsys.readouterr().out
    assert "2025  x date" in out and "-> 1.2e+09 元" in out and "x Chinese numeral not before a unit" in out
    assert main(["--rules", str(tmp_path)]) == 0
    assert "change word" in capsys.readouterr().out


def test_the_command_names_a_missing_file(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main([str(tmp_path / "missing.txt")])
    assert "does not exist" in capsys.readouterr().err


def _shared_texts():
    folders = [shared_path("seeds"), shared_path("devset", "raw"), shared_path("corpus", "raw")]
    return [p for folder in folders for p in sorted(folder.glob("*")) if p.is_file()]


def test_every_numeral_run_of_every_shared_text_is_a_row_or_has_a_named_reason(tmp_path):
    missing = []
    for path in _shared_texts():
        for account in explain_text(path.read_text("utf-8")):
            if not account.rows and (not account.reason or account.reason == UNEXPLAINED):
                missing.append(f"{path.name}:{account.start} {account.numeral}")
    assert not missing, missing[:20]


def test_the_first_article_is_accounted_for_by_the_command(capsys):
    assert explain_file(shared_path("seeds", "000_6548d97651490993.txt")) == 0
    assert "x unexplained" not in capsys.readouterr().out
