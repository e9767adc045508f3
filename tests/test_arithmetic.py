"""The 表三 culprit: one wrong cell is named, with the value that balances every sum; anything less certain is not.

The reference (§2.5) promises that every single wrong cell of 表三 breaks at least one sum and that the failing
sums point to it; the exhaustive tests below hold the linter to that for every cell of the clean example.
"""

from __future__ import annotations

import pytest

from checks.findings import Finding
from checks.model import Cell, Table
from checks.reading import decode
from checks.sources.text import parse
from checks.specs import national_2021 as nf
from tests.conftest import CLEAN_TEXT, Lint, line_of

ARITHMETIC = {"A001", "A002", "A003"}
T4_ROW = "1\t0\t0\t0\t1\t0\t0\t0\t1\t1\t0\t0\t0\t0\t0"


def _clean_table() -> Table:
    lines = decode(CLEAN_TEXT.encode("utf-8")).lines
    assert lines is not None
    return parse("clean.txt", lines).tables["t3"]


TABLE = _clean_table()
CELLS = [(row.key, col, cell) for row in TABLE.rows for col, cell in enumerate(row.cells)]


def _with_cell(text: str, cell: Cell, new: str) -> str:
    """``text`` with ``cell`` rewritten in place, found by its line and column."""
    lines = text.split("\n")
    line = lines[cell.pos.line - 1]
    start = cell.pos.column - 1
    assert line[start : start + len(cell.raw)] == cell.raw
    lines[cell.pos.line - 1] = line[:start] + new + line[start + len(cell.raw) :]
    return "\n".join(lines)


def _culprit_text(key: str, col: int, now: str, expected: str) -> str:
    """The Chinese suffix the reference wording gives a culprit: group and row label, column, values."""
    spec = next(spec for spec in nf.T3_ROWS if spec.key == key)
    where = f"{spec.group} {spec.label}" if spec.group else spec.label
    return f"；最可能出错的单元格：「{where}」行「{nf.T3_COLUMNS[col].label}」列，现为 {now}，应为 {expected}"


def _arithmetic(findings: tuple[Finding, ...]) -> list[Finding]:
    return [f for f in findings if f.rule in ARITHMETIC]


def _mutations() -> list[object]:
    """Every cell +1, and −1 where that stays a count, each with a readable test id."""
    cases = [(key, col, cell, delta) for key, col, cell in CELLS for delta in (1, -1) if cell.value or delta > 0]
    return [pytest.param(*case, id=f"{case[0]}-{nf.T3_COLUMNS[case[1]].key}-{case[3]:+d}") for case in cases]


def test_the_clean_table_has_every_cell_and_a_value_in_each() -> None:
    assert len(CELLS) == len(nf.T3_ROWS) * len(nf.T3_COLUMNS)
    assert all(isinstance(cell.value, int) for _, _, cell in CELLS)


@pytest.mark.parametrize(("key", "col", "cell", "delta"), _mutations())
def test_every_single_wrong_cell_is_named_as_the_culprit(
    lint: Lint, key: str, col: int, cell: Cell, delta: int
) -> None:
    assert isinstance(cell.value, int)
    new = str(cell.value + delta)
    findings = lint(_with_cell(CLEAN_TEXT, cell, new), select=["A"]).findings
    assert findings, "a single wrong cell of 表三 must break at least one sum"
    assert {f.rule for f in findings} <= ARITHMETIC
    suffix = _culprit_text(key, col, new, str(cell.value))
    for finding in findings:
        assert finding.message.zh.endswith(suffix), finding.message.zh
        assert finding.message.en.endswith(f"{new}, expected {cell.value}"), finding.message.en
        assert finding.related == (cell.pos,)


def test_culprit_in_both_languages(lint: Lint) -> None:
    old = "\t\t2.重复申请\t1\t0\t0\t0\t0\t0\t1"
    mutated = CLEAN_TEXT.replace(old, "\t\t2.重复申请\t2\t0\t0\t0\t0\t0\t1")
    findings = lint(mutated, select=["A"]).findings
    assert sorted(f.rule for f in findings) == ["A001", "A002"]
    line = line_of(mutated, "2.重复申请")
    for finding in findings:
        assert finding.message.zh.endswith(
            "；最可能出错的单元格：「（五）不予处理 2.重复申请」行「自然人」列，现为 2，应为 1"
        )
        assert finding.message.en.endswith(
            '; likely culprit: row "2.重复申请" (（五）不予处理), column "自然人": 2, expected 1'
        )
        assert [p.line for p in finding.related] == [line]
    # The existing wording stays in front of the suffix.
    a001 = next(f for f in findings if f.rule == "A001")
    assert "应为 2" in a001.message.zh and "实际为 1" in a001.message.zh
    assert (a001.expected, a001.actual, a001.row, a001.col) == (2, 1, "not_processed_2", "total")


def test_a_row_without_a_group_is_named_by_its_label_alone(lint: Lint) -> None:
    forward = next(cell for key, col, cell in CELLS if key == "carried_forward" and col == 0)
    findings = lint(_with_cell(CLEAN_TEXT, forward, "5"), select=["A"]).findings
    assert findings
    for finding in findings:
        assert "「四、结转下年度继续办理」行「自然人」列，现为 5，应为 1" in finding.message.zh
        assert 'row "四、结转下年度继续办理", column "自然人": 5, expected 1' in finding.message.en


def _no_culprit(findings: list[Finding]) -> None:
    for finding in findings:
        assert finding.related == ()
        assert "最可能出错" not in finding.message.zh and "likely culprit" not in finding.message.en


def test_two_wrong_cells_give_no_culprit(lint: Lint) -> None:
    first = next(cell for key, col, cell in CELLS if key == "disclosed" and col == 0)
    second = next(cell for key, col, cell in CELLS if key == "withheld_4" and col == 1)
    findings = _arithmetic(lint(_with_cell(_with_cell(CLEAN_TEXT, first, "6"), second, "3"), select=["A"]).findings)
    assert sorted(f.rule for f in findings) == ["A001", "A001", "A002", "A002"]
    _no_culprit(findings)


def test_two_wrong_cells_in_one_row_keeping_its_total_give_no_culprit(lint: Lint) -> None:
    first = next(cell for key, col, cell in CELLS if key == "disclosed" and col == 0)
    second = next(cell for key, col, cell in CELLS if key == "disclosed" and col == 1)
    findings = _arithmetic(lint(_with_cell(_with_cell(CLEAN_TEXT, first, "4"), second, "2"), select=["A"]).findings)
    assert sorted(f.rule for f in findings) == ["A002", "A002"]
    _no_culprit(findings)


def test_a_row_missing_a_cell_gives_no_culprit_and_no_crash(lint: Lint) -> None:
    apply = "三、本年度办理结果\t（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6"
    mutated = CLEAN_TEXT.replace(apply, apply.replace("\t0\t0\t6", "\t0\t6", 1))
    wrong = next(cell for key, col, cell in CELLS if key == "withheld_4" and col == 0)
    result = lint(_with_cell(mutated, wrong, "2"), select=["A"])
    assert result.crash is None
    findings = _arithmetic(result.findings)
    assert [f.rule for f in findings] == ["A001"]  # the column sums cannot be read without （一）
    _no_culprit(findings)


def test_a_cell_without_a_value_gives_no_culprit(lint: Lint) -> None:
    blank = next(cell for key, col, cell in CELLS if key == "other_3" and col == 2)
    wrong = next(cell for key, col, cell in CELLS if key == "withheld_4" and col == 0)
    result = lint(_with_cell(_with_cell(CLEAN_TEXT, blank, "/"), wrong, "2"), select=["A"])
    assert result.crash is None
    findings = _arithmetic(result.findings)
    assert [f.rule for f in findings] == ["A001"]
    _no_culprit(findings)


def test_a_repeated_row_gives_no_culprit(lint: Lint) -> None:
    row = "\t\t3.其他\t0\t0\t0\t0\t0\t0\t0\n"
    mutated = CLEAN_TEXT.replace(row, row + row.replace("\t0\t0\t0\t0\t0\t0\t0", "\t0\t0\t0\t0\t0\t0\t1"))
    result = lint(mutated, select=["A"])
    assert result.crash is None
    findings = _arithmetic(result.findings)
    assert [f.rule for f in findings] == ["A001"]  # the repeated row is still checked on its own
    _no_culprit(findings)


def test_table_4_names_no_culprit(lint: Lint) -> None:
    findings = lint(CLEAN_TEXT.replace(T4_ROW, T4_ROW.replace("1\t0\t0\t0\t1", "1\t0\t0\t0\t3", 1)), select=["A"])
    assert [(f.rule, f.related) for f in findings.findings] == [("A004", ())]
