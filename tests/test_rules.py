"""Every rule of this version on one-edit mutations of the clean example, in both table layouts.

Each case names the edit, the rule it must trigger, and the line the finding must point at; the clean example
itself must give nothing, so a rule that fires everywhere fails here too.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from checks.findings import Severity
from tests.conftest import CLEAN_TEXT, SEED, Lint, codes, line_of, to_pipe_layout

LAYOUTS = {"tabs": lambda text: text, "pipes": to_pipe_layout}
T3_APPLY = "三、本年度办理结果\t（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6"
T3_FORWARD = "四、结转下年度继续办理\t\t\t1\t1\t0\t0\t0\t0\t2"
T4_ROW = "1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0"


@dataclass(frozen=True)
class Case:
    name: str
    old: str
    new: str
    expected: tuple[tuple[str, str], ...]  # (rule, a text on the line the finding must point at)


def _swap_parts_5_and_6(text: str) -> str:
    head, rest = text.split("五、存在的主要问题及改进情况", 1)
    five, six = rest.split("六、其他需要报告的事项", 1)
    return head + "六、其他需要报告的事项" + six.rstrip("\n") + "\n\n五、存在的主要问题及改进情况" + five


CASES = (
    Case(
        "one wrong 表三 cell",
        T3_APPLY,
        T3_APPLY.replace("\t5\t", "\t6\t", 1),
        (("A001", "（一）予以公开"), ("A002", "（七）总计")),
    ),
    Case(
        "changed 结转下年度 keeping its row total",
        T3_FORWARD,
        "四、结转下年度继续办理\t\t\t2\t0\t0\t0\t0\t0\t2",
        (("A003", "四、结转下年度继续办理"), ("A003", "四、结转下年度继续办理")),
    ),
    Case("wrong 表四 total", T4_ROW, T4_ROW.replace("1\t0\t0\t0\t1", "1\t0\t0\t0\t3", 1), (("A004", "1\t0\t0\t0\t3"),)),
    Case(
        "removed part 六",
        "六、其他需要报告的事项\n\n本年度未收取信息处理费。本机关未发生其他需要报告的事项。\n",
        "",
        (("R001", "二是建立栏目更新责任清单"),),  # at the end of the report, where part 六 belongs
    ),
    Case(
        "altered heading", "二、主动公开政府信息情况\n", "二、主动公开的政府信息情况\n", (("R004", "二、主动公开的"),)
    ),
    Case("known variant heading", "六、其他需要报告的事项\n", "六、其他事项\n", (("R004", "六、其他事项"),)),
    Case(
        "part twice",
        "本机关未发生其他需要报告的事项。\n",
        "本机关未发生其他需要报告的事项。\n\n六、其他需要报告的事项 \n\n无。\n",
        (("R003", "六、其他需要报告的事项 "),),
    ),
    Case(
        "altered row label",
        "5.属于三类内部事务信息",
        "5.属于三类内容事务信息",
        (("T006", "5.属于三类内容事务信息"),),
    ),
    Case("altered column label", "现行有效件数", "现行有效件", (("T006", "现行有效件"),)),
    Case("placeholder cells", "规章\t0\t0\t0", "规章\t/\t/\t/", (("T004", "规章"),)),  # one row, one habit
    Case("placeholder in a row that must hold numbers", "行政许可\t36", "行政许可\t—", (("T004", "行政许可\t—"),)),
    Case("dropped cell", T3_APPLY, T3_APPLY.replace("\t0\t0\t6", "\t0\t6", 1), (("T003", "（一）予以公开"),)),
    Case(
        "missing 勾稽 note",
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
        "",
        (("T007", "申请人情况"),),
    ),
    Case("missing unit", "本年收费金额（单位：万元）", "本年收费金额", (("T007", "本年收费金额"),)),
    Case("negative count", "行政许可\t36", "行政许可\t-36", (("T005", "-36"),)),
    Case("fractional count", "行政许可\t36", "行政许可\t3.5", (("T005", "3.5"),)),
    Case("fee below one fen", "行政事业性收费\t0", "行政事业性收费\t1.2345678", (("T005", "行政事业性收费"),)),
    Case("negative fee", "行政事业性收费\t0", "行政事业性收费\t-1", (("T005", "行政事业性收费"),)),
    Case("missing row", "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n", "", (("T002", "（七）总计"),)),
    Case(
        "unexpected row",
        "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n",
        "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n\t\t4.违规申请\t0\t0\t0\t0\t0\t0\t0\n",
        (("T002", "4.违规申请"),),
    ),
)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_clean_example_has_no_findings(lint: Lint, layout: str) -> None:
    assert lint(LAYOUTS[layout](CLEAN_TEXT)).findings == ()


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_defect_gives_its_rule_at_its_line(lint: Lint, case: Case, layout: str) -> None:
    assert CLEAN_TEXT.count(case.old) == 1, case.old
    mutated = LAYOUTS[layout](CLEAN_TEXT.replace(case.old, case.new))
    found = sorted((f.rule, f.pos.line) for f in lint(mutated).findings)
    expected = sorted((rule, line_of(mutated, LAYOUTS[layout](needle))) for rule, needle in case.expected)
    assert found == expected


def test_swapped_parts_give_r002_at_the_misplaced_heading(lint: Lint) -> None:
    mutated = _swap_parts_5_and_6(CLEAN_TEXT)
    result = lint(mutated)
    assert [(f.rule, f.pos.line) for f in result.findings] == [
        ("R002", line_of(mutated, "五、存在的主要问题及改进情况"))
    ]


def test_part_with_nothing_under_it_gives_r012(lint: Lint) -> None:
    head, rest = CLEAN_TEXT.split("（一）存在的主要问题", 1)
    mutated = head + "六、其他需要报告的事项" + rest.split("六、其他需要报告的事项", 1)[1]
    result = lint(mutated)
    assert [(f.rule, f.pos.line) for f in result.findings] == [("R012", line_of(mutated, "五、存在的主要问题"))]


def test_variant_heading_is_only_a_warning(lint: Lint) -> None:
    result = lint(CLEAN_TEXT.replace("六、其他需要报告的事项\n", "六、其他事项\n"))
    assert [(f.rule, f.severity) for f in result.findings] == [("R004", Severity.WARNING)]


ZERO_ROWS = ("\t\t6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0", "\t\t7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0")


def _blank_zeros(text: str) -> str:
    """Zeros left blank, as many published reports do (reference §6.3)."""
    for row in ZERO_ROWS:
        text = text.replace(row, row.replace("\t0", "\t"))
    return text


def test_blank_zeros_whose_sums_hold_are_one_warning_for_the_table(lint: Lint) -> None:
    mutated = _blank_zeros(CLEAN_TEXT)
    assert mutated != CLEAN_TEXT
    result = lint(mutated)
    assert [(f.rule, f.severity, f.pos.line) for f in result.findings] == [
        ("T004", Severity.WARNING, line_of(mutated, "6.属于四类过程性信息"))
    ]
    finding = result.findings[0]
    assert "14 个单元格空白" in finding.message.zh and "2 行" in finding.message.zh
    assert "各项合计均成立" in finding.message.zh
    assert len(finding.related) == 4  # the first few further positions


def test_a_blank_that_breaks_a_sum_is_one_error_naming_the_sums(lint: Lint) -> None:
    mutated = CLEAN_TEXT.replace(T3_APPLY, T3_APPLY.replace("\t5\t1\t", "\t5\t\t", 1))  # 商业企业 1 left blank
    result = lint(mutated)
    assert [(f.rule, f.severity, f.pos.line) for f in result.findings] == [
        ("T004", Severity.ERROR, line_of(mutated, "（一）予以公开"))
    ]
    message = result.findings[0].message.zh
    assert "「（一）予以公开」行的总计" in message and "无法核对" in message


def test_a_wrong_sum_beside_blank_zeros_is_still_its_own_error(lint: Lint) -> None:
    mutated = _blank_zeros(CLEAN_TEXT).replace(T4_ROW, T4_ROW.replace("1\t0\t0\t0\t1", "1\t0\t0\t0\t3", 1))
    found = sorted((f.rule, f.severity) for f in lint(mutated).findings)
    assert found == [("A004", Severity.ERROR), ("T004", Severity.WARNING)]


@pytest.mark.parametrize(
    ("agency", "severity"),
    [("XX县发展和改革局", Severity.WARNING), ("XX市人民政府", Severity.ERROR), ("XX部", Severity.ERROR)],
)
def test_slash_in_the_rules_row_is_a_warning_where_the_agency_cannot_make_rules(
    lint: Lint, agency: str, severity: Severity
) -> None:
    title = CLEAN_TEXT.split("\n", 1)[0]
    mutated = CLEAN_TEXT.replace("规章\t0\t0\t0", "规章\t/\t/\t/")
    mutated = mutated.replace(title, f"{agency}2025年政府信息公开工作年度报告", 1)
    t004 = [f for f in lint(mutated).findings if f.rule == "T004"]
    assert [f.severity for f in t004] == [severity]
    assert "「本年制发件数、本年废止件数、现行有效件数」列" in t004[0].message.zh and len(t004[0].related) == 2


def test_arithmetic_messages_give_terms_expected_and_actual(lint: Lint) -> None:
    result = lint(CLEAN_TEXT.replace(T3_APPLY, T3_APPLY.replace("\t5\t", "\t6\t", 1)))
    a001 = next(f for f in result.findings if f.rule == "A001")
    assert (a001.expected, a001.actual, a001.table, a001.row, a001.col) == (7, 6, "t3", "disclosed", "total")
    assert "自然人 6 + 商业企业 1" in a001.message.zh and "应为 7" in a001.message.zh and "实际为 6" in a001.message.zh
    a002 = next(f for f in result.findings if f.rule == "A002")
    assert (a002.expected, a002.actual, a002.col) == (13, 12, "natural")
    assert "should be 13" in a002.message.en


def test_seed_gets_t003_on_every_table3_row_and_finds_all_parts(lint: Lint) -> None:
    text = SEED.read_text(encoding="utf-8")
    result = lint(text)
    t003 = [f for f in result.findings if f.rule == "T003"]
    lines = text.split("\n")
    table3_rows = [n for n, line in enumerate(lines, 1) if line.count("\t") >= 5 and line.rstrip("\t0").strip("\t")]
    table3_rows = [
        n for n in table3_rows if n - 1 >= line_of(text, "勾稽") and n < line_of(text, "四、政府信息公开行政复议")
    ]
    assert len(t003) == 25
    assert [f.pos.line for f in t003] == table3_rows[2:]  # the two header lines carry no values
    assert {f.actual for f in t003} == {5, 6} and {f.expected for f in t003} == {7}
    assert not {"R001", "R002", "R004"} & set(codes(result.findings))


def test_tables_missing_from_the_text_give_t001_and_r012(lint: Lint) -> None:
    from tests.conftest import CORPUS

    path = CORPUS / "17-shenyang-hunnan-guoziju-2022-tables-missing.txt"
    result = lint(path.read_bytes())
    assert codes(result.findings).count("T001") == 3
    assert codes(result.findings).count("R012") == 3


def test_a_group_left_out_is_one_finding_at_the_row_after_it(lint: Lint) -> None:
    lines = CLEAN_TEXT.split("\n")
    start = next(n for n, line in enumerate(lines) if "（六）其他处理" in line)
    mutated = "\n".join(lines[:start] + lines[start + 3 :])
    result = lint(mutated)
    assert [(f.rule, f.pos.line) for f in result.findings] == [("T002", line_of(mutated, "（七）总计"))]
    assert "共 3 行" in result.findings[0].message.zh
