"""Parts are known by their numeral, wording second (reference §6.1): every heading compliant reports write gives
no error, a heading with text after it is still its part, items numbered 一、二、三 inside 总体情况 are not parts,
and one deviation gives one finding, in every source format."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.findings import Severity
from checks.specs import national_2021 as nf
from tests.conftest import CLEAN_TEXT, Lint, line_of
from tests.variants import FORMATS, lint_as

HEADINGS = {part.number: part.heading for part in nf.PARTS}


def with_heading(part: int, written: str, text: str = CLEAN_TEXT) -> str:
    official = HEADINGS[part]
    assert f"\n{official}\n" in text
    return text.replace(f"\n{official}\n", f"\n{written}\n", 1)


def found(result_findings: tuple) -> list[tuple[str, Severity | None]]:  # type: ignore[type-arg]
    return [(f.rule, f.severity) for f in result_findings]


# Every wording of reference §6.1, as published.
VARIANTS = [(part.number, variant) for part in nf.PARTS for variant in part.variants]
PUNCTUATION_ONLY = [
    (4, "四、政府信息公开行政复议行政诉讼情况"),
    (4, "四、政府信息公开行政复议，行政诉讼情况"),
    (1, "一、总体情况："),
    (1, "一．总体情况"),
    (2, "二、 主动公开政府信息情况"),
    (6, "（六）其他需要报告的事项"),
]


@pytest.mark.parametrize(("part", "written"), VARIANTS)
def test_a_known_wording_is_its_part_with_one_warning(lint: Lint, part: int, written: str) -> None:
    result = lint(with_heading(part, written))
    assert found(result.findings) == [("R004", Severity.WARNING)]
    [finding] = result.findings
    assert finding.pos.line == line_of(CLEAN_TEXT, HEADINGS[part]) and "常见写法" in finding.message.zh


@pytest.mark.parametrize(("part", "written"), PUNCTUATION_ONLY)
def test_punctuation_only_is_no_finding(lint: Lint, part: int, written: str) -> None:
    assert lint(with_heading(part, written)).findings == ()


@pytest.mark.parametrize(
    ("part", "written"),
    [(1, "一、政府信息公开工作总体情况概述"), (2, "二、政府信息主动公开工作情况"), (5, "五、存在的问题和下一步打算")],
)
def test_a_reworded_heading_is_its_numerals_part(lint: Lint, part: int, written: str) -> None:
    # The numeral decides the part; the wording only gives R004 (a warning: only the wording differs).
    result = lint(with_heading(part, written))
    assert found(result.findings) == [("R004", Severity.WARNING)]


def test_a_heading_worded_unlike_any_part_still_heads_its_table(lint: Lint) -> None:
    result = lint(with_heading(2, "二、公开目录编制和发布"))
    assert found(result.findings) == [("R004", Severity.WARNING)]


def test_arabic_numbering_is_a_wording_finding_not_a_missing_part(lint: Lint) -> None:
    text = CLEAN_TEXT
    for part in nf.PARTS:
        text = with_heading(part.number, f"{part.number}、 {part.heading.split('、', 1)[1]}", text)
    result = lint(text)
    assert found(result.findings) == [("R004", Severity.WARNING)] * 6


@pytest.mark.parametrize(
    "line",
    ["六、其他需要报告的事项：本年度未收取信息处理费。", "六、其他需要报告的事项 本年度未收取信息处理费。"],
)
def test_a_heading_line_may_carry_the_parts_text(lint: Lint, line: str) -> None:
    start = CLEAN_TEXT.index("六、其他需要报告的事项")
    result = lint(CLEAN_TEXT[:start] + line + "\n")
    assert result.findings == ()  # part 六 is there, and its fee sentence is read as its content


def test_a_heading_line_with_nothing_to_report(lint: Lint) -> None:
    start = CLEAN_TEXT.index("六、其他需要报告的事项")
    result = lint(CLEAN_TEXT[:start] + "六、其他需要报告的事项：无。\n", select=["R001", "R004", "R012"])
    assert result.findings == ()


def test_items_numbered_like_parts_inside_the_overview_are_not_parts(lint: Lint) -> None:
    # 温州市商务局 2024: 总体情况's items numbered 一、二、三 like the parts.
    text = (
        CLEAN_TEXT.replace("（一）主动公开", "一、主动公开，拓宽信息传播广度")
        .replace("（二）依申请公开", "二、规范流程，提升依申请公开质效")
        .replace("（三）政府信息管理", "三、严格管理，优化政府信息质量")
    )
    assert lint(text).findings == ()


def test_parts_numbered_from_one_again_after_the_overview_are_known_by_their_wording(lint: Lint) -> None:
    # 上海: after 总体情况, the parts with the tables are numbered 一、二、三 again, and 其他事项 五.
    text = CLEAN_TEXT
    for number in range(2, 7):
        text = with_heading(number, nf.NUMERALS[number - 2] + "、" + HEADINGS[number].split("、", 1)[1], text)
    result = lint(text)
    assert {f.rule for f in result.findings} == {"R004"}
    assert all(f.severity is Severity.WARNING for f in result.findings)


def test_one_deviation_gives_one_finding(lint: Lint) -> None:
    result = lint(with_heading(1, "一、政府信息公开总体情况"))
    assert found(result.findings) == [("R004", Severity.WARNING)]  # was R001, R002, R003 and R004 together


def test_a_missing_part_is_still_missing(lint: Lint) -> None:
    text = CLEAN_TEXT.replace("五、存在的主要问题及改进情况\n", "")
    assert [f.rule for f in lint(text, select=["R"]).findings if f.severity is not Severity.WARNING] == ["R001"]


def test_a_part_twice_and_parts_out_of_order_are_still_seen(lint: Lint) -> None:
    twice = CLEAN_TEXT.replace("（五）监督保障", "二、主动公开政府信息情况")
    assert "R003" in [f.rule for f in lint(twice, select=["R"]).findings]
    lines = CLEAN_TEXT.split("\n")
    five, six = line_of(CLEAN_TEXT, HEADINGS[5]) - 1, line_of(CLEAN_TEXT, HEADINGS[6]) - 1
    swapped = [*lines[:five], *lines[six:], *lines[five:six]]
    assert "R002" in [f.rule for f in lint("\n".join(swapped), select=["R"]).findings]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_known_wording_in_every_format_gives_no_error(tmp_path: Path, fmt: str) -> None:
    text = CLEAN_TEXT
    for part in nf.PARTS:
        if part.variants:
            text = with_heading(part.number, part.variants[-1], text)
    result = lint_as(text, fmt, tmp_path)
    assert result.crash is None, result.crash
    assert [f.rule for f in result.findings if f.severity is Severity.ERROR] == []
    assert {f.rule for f in result.findings} == {"R004"}


def test_overview_items_worded_as_parts_are_not_parts(lint: Lint) -> None:
    # 沭阳县发改局 2023: 总体情况's items are "（一）主动公开政府信息情况", "（二）依申请公开政府信息情况".
    text = CLEAN_TEXT.replace("（一）主动公开", "（一）主动公开政府信息情况").replace(
        "（二）依申请公开", "（二）依申请公开政府信息情况"
    )
    assert lint(text).findings == ()


def test_year_first_and_other_title_forms_name_the_agency(lint: Lint) -> None:
    # 上海's own form: the year first. It names the agency and the year, so only the form is a warning.
    text = CLEAN_TEXT.replace(
        "示例县自然资源局2025年政府信息公开工作年度报告", "2025年示例县自然资源局政府信息公开工作年度报告", 1
    )
    assert found(lint(text).findings) == [("R005", Severity.WARNING)]
