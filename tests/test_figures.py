"""X001: figures in the text that contradict the tables (checks/rules/figures.py).

The fixtures hold one sentence a line: ``pass.txt`` agrees with examples/clean.txt's tables or states none of their
figures, ``fail.txt`` contradicts them. Each is inserted as a new paragraph in part 一 of the clean example.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.cli import main
from checks.findings import Severity
from checks.model import Position, Report
from checks.reading import MAX_BYTES, decode
from checks.rules import catalog
from checks.rules.figures import _number, claims
from checks.sources import parser_for
from tests.conftest import CLEAN_TEXT, CORPUS, SEED, Lint, line_of, to_pipe_layout

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "X001"
ANCHOR = "全年新收政府信息公开申请15件"  # the paragraph under "（二）依申请公开" in part 一
NUMERAL = re.compile(r"[0-9０-９]+|[零〇一二两三四五六七八九十]+")


def _fixture(name: str) -> list[str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _insert(sentence: str, after: str = ANCHOR, text: str = CLEAN_TEXT) -> tuple[str, int]:
    """The report with ``sentence`` as a new paragraph after the line containing ``after``, and its line number."""
    lines = text.split("\n")
    index = line_of(text, after)  # 1-based: the new paragraph goes after a blank line following it
    lines[index:index] = ["", sentence]
    return "\n".join(lines), index + 2


def _x001(lint: Lint, text: str) -> list[tuple[int, int]]:
    result = lint(text, select=["X001"])
    assert result.crash is None
    return [(f.pos.line, f.pos.column) for f in result.findings]


PASS = _fixture("pass.txt")
FAIL = _fixture("fail.txt")


def test_fixtures_are_big_enough() -> None:
    assert len(PASS) >= 25
    assert len(FAIL) >= 12


def test_clean_example_has_no_x001(lint: Lint) -> None:
    assert _x001(lint, CLEAN_TEXT) == []


@pytest.mark.parametrize("sentence", PASS)
def test_pass_sentence(lint: Lint, sentence: str) -> None:
    text, _ = _insert(sentence)
    assert _x001(lint, text) == []


@pytest.mark.parametrize("sentence", FAIL)
def test_fail_sentence(lint: Lint, sentence: str) -> None:
    text, line = _insert(sentence)
    result = lint(text, select=["X001"])
    assert result.crash is None
    findings = result.findings
    assert findings, sentence
    for finding in findings:
        assert finding.rule == "X001"
        assert finding.severity is Severity.WARNING
        assert finding.pos.line == line
        assert finding.expected != finding.actual
        at = text.split("\n")[line - 1][finding.pos.column - 1 :]
        number = NUMERAL.match(at)
        if number is not None and _number(number.group()) == finding.actual:
            continue  # the column points at the figure the text states
        # a "none" statement ("未收到政府信息公开申请", "均已办结"): the column points at the statement
        assert finding.actual == 0 and at[0] in "未无没不均全都一", (sentence, at)


def test_finding_fields_and_related_cell(lint: Lint) -> None:
    text, line = _insert("全年新收政府信息公开申请12件，均在法定期限内答复。")
    (finding,) = lint(text, select=["X001"]).findings
    row_line = line_of(text, "一、本年新收政府信息公开申请数量")
    row = text.split("\n")[row_line - 1]
    assert finding.pos == Position(line, text.split("\n")[line - 1].index("12") + 1)
    assert finding.related == (Position(row_line, row.rindex("15") + 1),)  # the 总计 cell, the row's last
    assert (finding.table, finding.row, finding.col) == ("t3", "new", "total")
    assert (finding.expected, finding.actual) == (15, 12)
    assert finding.message.zh == (
        f"正文称本年新收政府信息公开申请 12 件，但表三「一、本年新收政府信息公开申请数量」总计为 15（第 {row_line} 行）"
    )


def test_lawsuits_relate_to_both_suit_totals(lint: Lint) -> None:
    text, _ = _insert("因政府信息公开被提起行政诉讼3件。")
    (finding,) = lint(text, select=["X001"]).findings
    data_line = line_of(text, "1\t0\t0\t0\t1\t0\t0\t0\t1\t1")  # 表四's one data row
    assert [p.line for p in finding.related] == [data_line, data_line]
    assert (finding.table, finding.row, finding.col) == ("t4", "all", "direct_suit.total")
    assert (finding.expected, finding.actual) == (1, 3)
    assert "「未经复议直接起诉」总计 1 与「复议后起诉」总计 0 之和为 1" in finding.message.zh


def test_pipe_layout_points_at_the_same_cells(lint: Lint) -> None:
    text, line = _insert("上年结转政府信息公开申请3件。", text=to_pipe_layout(CLEAN_TEXT))
    (finding,) = lint(text, select=["X001"]).findings
    row_line = line_of(text, "二、上年结转政府信息公开申请数量")
    assert finding.pos.line == line
    assert [p.line for p in finding.related] == [row_line]
    assert (finding.expected, finding.actual) == (1, 3)


def test_sentence_about_another_year_is_skipped(lint: Lint) -> None:
    other, _ = _insert("2024年，共收到政府信息公开申请12件。")
    same, line = _insert("2025年，共收到政府信息公开申请12件。")
    assert _x001(lint, other) == []
    assert [pos[0] for pos in _x001(lint, same)] == [line]


def test_new_requests_may_include_those_carried_over(lint: Lint) -> None:
    text, line = _insert("全年共受理政府信息公开申请16件。")  # 15 new + 1 carried over
    assert _x001(lint, text) == []
    text, line = _insert("全年共受理政府信息公开申请17件。")
    assert [pos[0] for pos in _x001(lint, text)] == [line]


def test_figure_without_a_noun_counts_only_in_part_three(lint: Lint) -> None:
    # Real (corpus 05): nothing in the sentence says whose 予以公开 it counts; part 三 does.
    sentence = (
        "其中,予以公开2件,部分公开2件,属于四类过程性性信息1件,本办不掌握相关政府信息2件,其他1件(申请人自主撤销)。"
    )
    in_part_one, _ = _insert(sentence)
    assert _x001(lint, in_part_one) == []
    in_part_three, line = _insert(sentence, after="三、收到和处理政府信息公开申请情况")
    result = lint(in_part_three, select=["X001"])
    assert [(f.pos.line, f.row, f.actual, f.expected) for f in result.findings] == [(line, "disclosed", 2, 6)]


def test_review_counts_only_in_part_four_or_next_to_disclosure(lint: Lint) -> None:
    sentence = "本机关办理行政复议案件3件。"  # a 司法局's caseload, unless it is in part 四
    in_part_one, _ = _insert(sentence)
    assert _x001(lint, in_part_one) == []
    in_part_four, line = _insert(sentence, after="四、政府信息公开行政复议、行政诉讼情况")
    result = lint(in_part_four, select=["X001"])
    assert [(f.pos.line, f.col, f.actual) for f in result.findings] == [(line, "review.total", 3)]


def test_no_comparison_when_the_cell_has_no_value(lint: Lint) -> None:
    row = line_of(CLEAN_TEXT, "一、本年新收政府信息公开申请数量")
    lines = CLEAN_TEXT.split("\n")
    lines[row - 1] = lines[row - 1].rsplit("\t", 1)[0] + "\t/"  # 总计 "/": T004's business, not X001's
    text, line = _insert("全年新收政府信息公开申请12件，上年结转2件。", text="\n".join(lines))
    result = lint(text, select=["X001"])
    assert [(f.pos.line, f.row) for f in result.findings] == [(line, "carried_over")]


def test_english_message_names_the_row(lint: Lint, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text, line = _insert("全年新收政府信息公开申请12件，均在法定期限内答复。")
    (finding,) = lint(text, select=["X001"]).findings
    row_line = line_of(text, "一、本年新收政府信息公开申请数量")
    assert finding.message.en == (
        f'the text says 12 new requests this year, but table 3 "一、本年新收政府信息公开申请数量" total is 15 '
        f"(line {row_line})"
    )
    path = tmp_path / "en.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["check", str(path), "--select", "X001", "--lang", "en"]) == 0  # a warning: exit 0
    out = capsys.readouterr().out
    assert "X001" in out and '"一、本年新收政府信息公开申请数量"' in out and f"{line}:" in out


def test_none_statement_message_quotes_it(lint: Lint) -> None:
    text, _ = _insert("全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。")
    findings = lint(text, select=["X001"]).findings
    assert [f.col for f in findings] == ["review.total", "direct_suit.total"]
    said = "未发生因政府信息公开工作被申请行政复议、提起行政诉讼"
    assert findings[0].message.zh.startswith(
        f"正文称“{said}”（即政府信息公开行政复议 0 件），但表四「行政复议」总计为 1"
    )
    assert findings[1].message.en.startswith(f'the text says "{said}" (no lawsuits), but table 4')


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("15", 15),
        ("１２", 12),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("九十九", 99),
        ("两", 2),
        ("零", 0),
        ("一二", None),
    ],
)
def test_numbers(text: str, value: int | None) -> None:
    assert _number(text) == value


def test_rule_is_documented_as_a_warning() -> None:
    x001 = catalog()["X001"]
    assert x001.severity is Severity.WARNING
    zh, _, en = x001.doc.partition("\n---\n")
    assert "错误示例" in zh and "正确示例" in zh and "Failing" in en and "Passing" in en


# --- real reports ------------------------------------------------------------------------------------------------
REAL = [*sorted(CORPUS.glob("*.txt")), SEED]

# What X001 reads in the real reports, verified by reading each sentence: every reading is right, and none
# contradicts its table (05's 8 requests match its 表三; the other tables are cut off or missing).
REAL_CLAIMS = {
    # "2022年,区政府办公室共收到8份政府信息公开申请,均为自然人申请。其中,予以公开2件,…无下年度结转。" (part 三)
    "05-wuhan-hanyang-qufuban-2022.txt": [("new", 8, 50, 16), ("disclosed", 2, 50, 42), ("carried_forward", 0, 50, 93)],
    "17-shenyang-hunnan-guoziju-2022-tables-missing.txt": [("new", 0, 7, 13)],  # "…未收到政府信息公开申请。"
    # "全年未出现因依申请公开事项引发的行政复议或行政诉讼情况" (and "收到依申请公开信息4条" is not read: 条)
    "19-wenzhou-shangwuju-2024-heading-collision.txt": [("review", 0, 7, 149), ("suits", 0, 7, 149)],
}


def _report(path: Path) -> Report:
    lines = decode(path.read_bytes(), MAX_BYTES).lines
    assert lines is not None
    parse = parser_for(path.suffix)
    assert parse is not None
    return parse(str(path), lines)


def test_real_reports_are_read_as_verified() -> None:
    for path in REAL:
        found = [(c.quantity.key, c.value, c.pos.line, c.pos.column) for c in claims(_report(path))]
        assert found == REAL_CLAIMS.get(path.name, []), path.name


@pytest.mark.parametrize("path", REAL, ids=lambda p: p.name)
def test_real_reports_give_no_x001(lint: Lint, path: Path) -> None:
    result = lint(path.read_bytes(), name=path.name, select=["X001"])
    assert result.crash is None
    assert result.findings == ()
