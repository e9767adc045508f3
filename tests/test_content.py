"""The content rules R005–R011, X004 and X005: fixture blocks from tests/fixtures/<RULE>/ and targeted edits."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.cli import main
from checks.engine import lint_file
from checks.findings import Severity
from checks.rules import selected
from tests.conftest import CLEAN_TEXT, CORPUS, SEED, Lint, codes, line_of
from tests.variants import FORMATS, lint_as

FIXTURES = Path(__file__).parent / "fixtures"
HEADINGS = {
    1: "一、总体情况",
    2: "二、主动公开政府信息情况",
    5: "五、存在的主要问题及改进情况",
    6: "六、其他需要报告的事项",
}
# Where each rule's fixture blocks go in the clean example.
TITLE_RULES = ("R005",)  # the block replaces the title
PERIOD_RULES = ("R006",)  # the block replaces the sentence after the title, which states the 统计期限
BODY_OF_PART = {"R007": 1, "R008": 5, "R009": 6}  # the block is the whole body of this part
SENTENCE_RULES = ("R010", "R011")  # the block is a paragraph put at the start of part 一
TITLE = "示例县自然资源局2025年政府信息公开工作年度报告"
PERIOD_SENTENCE = CLEAN_TEXT.split("\n")[2]


def _blocks(path: Path) -> list[str]:
    blocks, current = [], []
    for line in path.read_text(encoding="utf-8").split("\n"):
        if line.strip() == "---":
            blocks.append("\n".join(current))
            current = []
        elif line.strip() and not line.startswith("#"):
            current.append(line)
    blocks.append("\n".join(current))
    return [b for b in blocks if b]


def _with_body(part: int, body: str) -> str:
    head, rest = CLEAN_TEXT.split(HEADINGS[part] + "\n", 1)
    following = next((h for n, h in HEADINGS.items() if n > part and h in rest), None)
    tail = "\n" + following + rest.split(following, 1)[1] if following else "\n"
    return f"{head}{HEADINGS[part]}\n\n{body}\n{tail}"


def _with_paragraph(sentence: str) -> str:
    return CLEAN_TEXT.replace(HEADINGS[1] + "\n", f"{HEADINGS[1]}\n\n{sentence}\n", 1)


def _cases(kind: str) -> list[tuple[str, str]]:
    out = []
    for rule in (*TITLE_RULES, *PERIOD_RULES, *BODY_OF_PART, *SENTENCE_RULES):
        for block in _blocks(FIXTURES / rule / f"{kind}.txt"):
            out.append((rule, block))
    return out


def _mutate(rule: str, block: str) -> tuple[str, int]:
    """The clean example with the block in place, and the line the rule's finding must point at."""
    if rule in TITLE_RULES:
        return CLEAN_TEXT.replace(TITLE, block), 1
    if rule in PERIOD_RULES:
        return CLEAN_TEXT.replace(PERIOD_SENTENCE, block), 3
    if rule in BODY_OF_PART:
        text = _with_body(BODY_OF_PART[rule], block)
        return text, line_of(text, HEADINGS[BODY_OF_PART[rule]])
    text = _with_paragraph(block)
    return text, line_of(text, block.split("\n")[0])


@pytest.mark.parametrize(("rule", "block"), _cases("pass"))
def test_pass_fixture_gives_no_finding(lint: Lint, rule: str, block: str) -> None:
    text, _ = _mutate(rule, block)
    assert codes(lint(text, select=[rule]).findings) == []


@pytest.mark.parametrize(("rule", "block"), _cases("fail"))
def test_fail_fixture_gives_the_rule_at_its_place(lint: Lint, rule: str, block: str) -> None:
    text, line = _mutate(rule, block)
    findings = lint(text, select=[rule]).findings
    assert findings, block
    assert {f.pos.line for f in findings} == {line}


def test_every_rule_fixture_folder_has_pass_and_fail_cases() -> None:
    for folder in sorted(p for p in FIXTURES.iterdir() if re.fullmatch(r"[A-Z]\d{3}", p.name)):
        for kind in ("pass", "fail"):
            assert (folder / f"{kind}.txt").exists() and _blocks(folder / f"{kind}.txt"), (folder.name, kind)


# --- R005 title ---------------------------------------------------------------------------------------------


def test_missing_title_is_r005_at_the_start(lint: Lint) -> None:
    result = lint(CLEAN_TEXT.replace(TITLE, ""), select=["R005"])
    assert [(f.rule, f.pos.line, f.pos.column) for f in result.findings] == [("R005", 1, 1)]


@pytest.mark.parametrize(
    ("title", "severity"),
    [
        # It names the agency and the year: only the form differs (no rule fixes a title's words), a warning.
        ("示例县自然资源局2025年政府信息公开工作报告", Severity.WARNING),
        ("示例县自然资源局2025年信息公开工作年度报告", Severity.WARNING),
        ("2025年政府信息公开工作年度报告", Severity.ERROR),  # no agency: whose report is it?
        ("示例县自然资源局政府信息公开工作年度报告", Severity.ERROR),  # no year
        ("示例县自然资源局2025年度政府信息公开工作年度报告", Severity.WARNING),  # a common variant
    ],
)
def test_title_not_in_the_official_form(lint: Lint, title: str, severity: Severity) -> None:
    result = lint(CLEAN_TEXT.replace(TITLE, title), select=["R005"])
    assert [(f.rule, f.pos.line, f.severity) for f in result.findings] == [("R005", 1, severity)]


def test_spaces_and_width_in_the_title_are_fine(lint: Lint) -> None:
    assert (
        lint(
            CLEAN_TEXT.replace(TITLE, "示例县自然资源局 ２０２５ 年政府信息公开工作年度报告"), select=["R005"]
        ).findings
        == ()
    )


def test_garbled_title_names_the_correct_one(lint: Lint) -> None:
    result = lint((CORPUS / "16-changtu-qijiazizhen-2023-garbled-title.txt").read_bytes(), select=["R005"])
    [finding] = result.findings
    assert finding.pos.line == 5
    assert finding.expected == "昌图县七家子镇2023年政府信息公开工作年度报告"


# --- R006 years ---------------------------------------------------------------------------------------------
def test_period_of_last_year_is_r006_at_the_period(lint: Lint) -> None:
    text = CLEAN_TEXT.replace("自2025年1月1日起至2025年12月31日止", "自2024年1月1日起至2024年12月31日止")
    [finding] = lint(text, select=["R006"]).findings
    line = line_of(text, "统计期限")
    assert (finding.pos.line, finding.pos.column) == (line, text.split("\n")[line - 1].index("2024年1月") + 1)
    assert (finding.expected, finding.actual) == (2025, 2024)


@pytest.mark.parametrize(
    ("name", "found"),
    [
        ("示例县自然资源局2024年报告.txt", True),
        ("2027-01-20-report.txt", True),
        ("2026-01-20-report.txt", False),  # the publication date, the year after the report's (reference §6.4)
        ("示例县自然资源局2025年报告.txt", False),
        ("15-xixian-2025-cites-2019-notice.txt", False),  # another year beside the report's is fine
        ("report.txt", False),
    ],
)
def test_year_in_the_file_name(lint: Lint, name: str, found: bool) -> None:
    assert codes(lint(CLEAN_TEXT, name=name, select=["R006"]).findings) == (["R006"] if found else [])


# --- R010 the 2019 format in its tables ------------------------------------------------------------------------
def test_old_table2_columns_give_one_r010_asking_to_fill_the_2021_table_anew(lint: Lint) -> None:
    text = CLEAN_TEXT.replace(
        "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量"
    )
    [finding] = [f for f in lint(text).findings if f.rule == "R010"]
    assert finding.pos.line == line_of(text, "本年新制作数量")
    assert "本年新制作数量、本年新公开数量、对外公开总数量" in finding.message.zh
    assert "重新统计填报" in finding.message.zh and "不能只改表头" in finding.message.zh
    assert finding.severity is Severity.ERROR  # the figures cannot be checked


def test_single_other_row_of_the_2019_table3_is_r010(lint: Lint) -> None:
    lines = CLEAN_TEXT.split("\n")
    start = line_of(CLEAN_TEXT, "（六）其他处理")
    old_rows = lines[start - 1 : start + 2]
    text = "\n".join([*lines[: start - 1], "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1", *lines[start + 2 :]])
    assert len(old_rows) == 3
    findings = [f for f in lint(text).findings if f.rule == "R010"]
    assert [(f.pos.line, f.table) for f in findings] == [(start, "t3")]


def test_the_2019_format_in_a_2020_report_is_not_r010(lint: Lint) -> None:
    text = _with_paragraph("依据国办公开办函〔2019〕60号编制。").replace("2025", "2020")
    assert lint(text, select=["R010"]).findings == ()


def test_corpus_report_citing_the_2019_notice(lint: Lint) -> None:
    path = CORPUS / "15-xixian-taipingzhen-2022-cites-2019-notice.txt"
    [finding] = lint(path.read_bytes(), select=["R010"]).findings
    assert (finding.pos.line, finding.actual) == (5, "国办公开办函〔2019〕60号")
    # Its tables are the 2021 ones: the citation alone is an outdated reference, not a wrong table.
    assert finding.severity is Severity.WARNING


# --- X005 agency level -----------------------------------------------------------------------------------------
def test_township_reporting_rules_is_x005_at_the_cell(lint: Lint) -> None:
    text = CLEAN_TEXT.replace("示例县自然资源局", "示例县示例镇人民政府").replace("规章\t0\t0\t0", "规章\t0\t0\t3")
    [finding] = lint(text, select=["X005"]).findings
    assert (finding.pos.line, finding.row, finding.col, finding.actual) == (
        line_of(text, "规章\t"),
        "rules",
        "in_force",
        3,
    )


def test_county_bureau_reporting_rules_is_not_x005(lint: Lint) -> None:
    assert lint(CLEAN_TEXT.replace("规章\t0\t0\t0", "规章\t0\t0\t3"), select=["X005"]).findings == ()


# --- X004 copied from last year ----------------------------------------------------------------------------------
def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_report_copied_from_last_year_is_found_beside_it(tmp_path: Path) -> None:
    _write(tmp_path, "2024.txt", CLEAN_TEXT.replace("2025", "2024"))
    this = _write(tmp_path, "2025.txt", CLEAN_TEXT.replace("326条", "412条"))
    [finding] = lint_file(this, selected(["X004"], None)).findings
    assert (finding.rule, finding.pos.line, finding.severity) == ("X004", 1, Severity.WARNING)
    assert "2024.txt" in finding.message.zh and finding.actual == 1.0


def test_one_copied_part_is_x004_at_that_part(tmp_path: Path) -> None:
    rewritten = (
        "今年我局围绕主动公开、依申请公开、政府信息管理、平台建设和监督保障，逐项制定了新的工作方案并按季度推进，"
        "重点领域信息公开的广度和深度均有明显提升，群众查阅更为便捷，社会评价持续向好，相关做法被上级部门推广。"
    )
    last = _with_body(1, rewritten).replace("2025", "2024")
    _write(tmp_path, "last.txt", last)
    this = _write(tmp_path, "this.txt", CLEAN_TEXT)
    findings = lint_file(this, selected(["X004"], None)).findings
    lines = sorted(f.pos.line for f in findings)
    assert lines == [line_of(CLEAN_TEXT, HEADINGS[5])]


def test_x004_needs_last_year_of_the_same_agency(tmp_path: Path) -> None:
    _write(tmp_path, "other.txt", CLEAN_TEXT.replace("2025", "2024").replace("示例县自然资源局", "示例县水利局"))
    _write(tmp_path, "same-year.txt", CLEAN_TEXT)
    this = _write(tmp_path, "this.txt", CLEAN_TEXT)
    assert lint_file(this, selected(["X004"], None)).findings == ()


def test_previous_given_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "archive"
    elsewhere.mkdir()
    last = _write(elsewhere, "old.txt", CLEAN_TEXT.replace("2025", "2024"))
    this = _write(tmp_path, "this.txt", CLEAN_TEXT)
    assert main(["check", str(this), "--select", "X004", "--lang", "en"]) == 0
    assert "X004" not in capsys.readouterr().out
    assert main(["check", str(this), "--select", "X004", "--lang", "en", "--previous", str(last)]) == 0
    assert "X004 warning: 100% of the wording of the whole report" in capsys.readouterr().out
    assert main(["check", str(this), "--previous", str(tmp_path / "missing.txt")]) == 2


# --- the acceptance ----------------------------------------------------------------------------------------
CONTENT_RULES = ("R005", "R006", "R007", "R008", "R009", "R010", "R011", "X001", "X004", "X005")


def test_seed_gets_r009_and_no_other_content_rule(lint: Lint) -> None:
    result = lint(SEED.read_bytes(), select=list(CONTENT_RULES))
    assert [(f.rule, f.pos.line) for f in result.findings] == [("R009", line_of(SEED.read_text("utf-8"), "六、其他"))]


def test_clean_example_gets_no_content_rule(lint: Lint) -> None:
    assert lint(CLEAN_TEXT, select=list(CONTENT_RULES)).findings == ()


# --- R013: a 人民政府's own report gives its 工作考核、社会评议和责任追究 (条例 Art. 50) ----------------------------
_ACCOUNTABILITY = (
    "将政务公开工作纳入年度考核，组织开展业务培训2次，接受社会监督，全年未发生因政府信息公开工作被责任追究的情况。"
)
_GOVERNMENT = CLEAN_TEXT.replace("示例县自然资源局", "示例县人民政府")
assert _ACCOUNTABILITY in _GOVERNMENT


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("agency", "sentence", "found"),
    [
        ("示例县人民政府", "组织开展业务培训2次。", 1),  # a government, none of the three: R013
        ("示例县人民政府", _ACCOUNTABILITY, 0),  # a government saying them
        ("示例县人民政府办公室", "组织开展业务培训2次。", 0),  # its office is not the government
        ("示例县自然资源局", "组织开展业务培训2次。", 0),  # nor is a department
    ],
)
def test_r013_in_every_format(tmp_path: Path, fmt: str, agency: str, sentence: str, found: int) -> None:
    text = _GOVERNMENT.replace(_ACCOUNTABILITY, sentence).replace("示例县人民政府", agency)
    result = lint_as(text, fmt, tmp_path, name=f"{agency}2025")
    assert result.crash is None, result.crash
    r013 = [f for f in result.findings if f.rule == "R013"]
    assert len(r013) == found, r013
    assert all(f.severity is Severity.WARNING and "第五十条" in f.message.zh for f in r013)


def test_r013_leaves_a_report_with_a_part_missing_to_r001(tmp_path: Path) -> None:
    text = _GOVERNMENT.replace(_ACCOUNTABILITY, "组织开展业务培训2次。")
    cut = text[: text.index("六、其他需要报告的事项")]  # part 六 missing: what it would have said is unknown
    result = lint_as(cut, "txt", tmp_path, name="示例县人民政府2025")
    assert [f.rule for f in result.findings if f.rule in ("R001", "R013")] == ["R001"]
