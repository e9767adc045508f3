"""Family A: the sums the format implies (reference §2.5). Rows whose cells cannot be placed are left to T003."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checks import national_format as nf
from checks.findings import Finding, Message, Severity
from checks.model import Cell, Report, Row, Table
from checks.rules import names, rule

_T3_WIDTH = len(nf.T3_COLUMNS)


def _values(row: Row | None, width: int) -> list[int | float] | None:
    """The row's numbers when every cell is placed and holds one; otherwise nothing can be checked."""
    if row is None or len(row.cells) != width or any(c.value is None for c in row.cells):
        return None
    return [c.value for c in row.cells if c.value is not None]


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _terms(pairs: Sequence[tuple[str, float]]) -> Message:
    """The terms of a sum; a long sum (the 21 outcome rows) shows only its non-zero terms."""
    shown = [(name, v) for name, v in pairs if v] if len(pairs) > 6 else list(pairs)
    text = " + ".join(f"{name} {_num(v)}" for name, v in shown) or "0"
    if len(shown) == len(pairs):
        return Message(text, text)
    return Message(f"{text}，其余为 0", f"{text}, the others 0")


def _mismatch(
    code: str, cell: Cell, subject: Message, expected: float, terms: Message, table: str, row: str, col: str
) -> Finding:
    return Finding(
        code,
        cell.pos,
        Message(
            f"{subject.zh}应为 {_num(expected)}（{terms.zh}），实际为 {cell.raw}",
            f"{subject.en} should be {_num(expected)} ({terms.en}), but is {cell.raw}",
        ),
        expected=expected,
        actual=cell.value,
        table=table,
        row=row,
        col=col,
    )


@rule("A001", Severity.ERROR, "表三行合计不等于各申请人之和", "table 3 row: 总计 ≠ sum of the six applicant columns")
def t3_row_totals(report: Report) -> Iterator[Finding]:
    """
    表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。
    错误示例：自然人 3、其他 0、总计 4。正确示例：总计 3。
    ---
    Table 3, every row: 总计 = the sum of the six applicant columns.
    Failing: natural persons 3, others 0, total 4. Passing: total 3.
    """
    table = report.tables.get("t3")
    if table is None:
        return
    for row in table.rows:
        values = _values(row, _T3_WIDTH)
        if values is None:
            continue
        expected = sum(values[:-1])
        if values[-1] != expected:
            pairs = [(c.label, v) for c, v in zip(nf.T3_COLUMNS[:-1], values[:-1], strict=True)]
            label = names.row("t3", row.key).zh
            yield _mismatch(
                "A001",
                row.cells[-1],
                Message(f"表三「{label}」行的总计", f'Table 3 row "{label}": 总计'),
                expected,
                _terms(pairs),
                "t3",
                row.key,
                nf.T3_TOTAL_COLUMN,
            )


def _columns(table: Table, keys: Sequence[str]) -> list[list[int | float]] | None:
    rows = [_values(table.row(key), _T3_WIDTH) for key in keys]
    if any(r is None for r in rows):
        return None
    return [r for r in rows if r is not None]


@rule(
    "A002", Severity.ERROR, "表三（七）总计不等于各办理结果之和", "table 3 column: （七）总计 ≠ sum of the outcome rows"
)
def t3_column_totals(report: Report) -> Iterator[Finding]:
    """
    表三每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）1–3。
    （三）至（六）没有小计行，直接把各子项相加。
    错误示例：予以公开 2、本机关不掌握相关政府信息 1，（七）总计 4。正确示例：（七）总计 3。
    ---
    Table 3, every column: （七）总计 = the sum of the 21 outcome rows （一）…（六）3 (groups have no subtotal).
    Failing: 2 disclosed, 1 not held, total 4. Passing: total 3.
    """
    table = report.tables.get("t3")
    if table is None:
        return
    outcomes = _columns(table, nf.T3_OUTCOME_ROWS)
    total_row = table.row(nf.T3_RESULTS_TOTAL)
    totals = _values(total_row, _T3_WIDTH)
    if outcomes is None or totals is None or total_row is None:
        return
    for index, column in enumerate(nf.T3_COLUMNS):
        pairs = [(names.row("t3", key).zh, row[index]) for key, row in zip(nf.T3_OUTCOME_ROWS, outcomes, strict=True)]
        expected = sum(v for _, v in pairs)
        if totals[index] != expected:
            yield _mismatch(
                "A002",
                total_row.cells[index],
                Message(f"表三「{column.label}」列的（七）总计", f'Table 3 column "{column.label}": （七）总计'),
                expected,
                _terms(pairs),
                "t3",
                nf.T3_RESULTS_TOTAL,
                column.key,
            )


@rule("A003", Severity.ERROR, "表三勾稽关系不成立", "table 3 column: 一 + 二 ≠ （七）总计 + 四")
def t3_balance(report: Report) -> Iterator[Finding]:
    """
    表三每一列须满足表中说明的勾稽关系：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。
    错误示例：新收 5、结转 1、总计 4、结转下年度 1。正确示例：结转下年度 2。
    ---
    Table 3, every column, as its own note says: new + carried over = （七）总计 + carried forward.
    Failing: 5 new, 1 carried over, 4 handled, 1 carried forward. Passing: 2 carried forward.
    """
    table = report.tables.get("t3")
    if table is None:
        return
    (a, b), (c, d) = nf.T3_BALANCE
    values = _columns(table, (a, b, c, d))
    carried = table.row(d)
    if values is None or carried is None:
        return
    new, old, handled, forward = values
    for index, column in enumerate(nf.T3_COLUMNS):
        expected = new[index] + old[index] - handled[index]
        if forward[index] != expected:
            terms_zh = f"{_num(new[index])} + {_num(old[index])} − {_num(handled[index])}（一 + 二 − （七）总计）"
            terms_en = f"{_num(new[index])} + {_num(old[index])} − {_num(handled[index])} (I + II − （七）总计)"
            yield _mismatch(
                "A003",
                carried.cells[index],
                Message(
                    f"表三「{column.label}」列勾稽关系不成立：四、结转下年度继续办理",
                    f'Table 3 column "{column.label}" does not balance: carried forward',
                ),
                expected,
                Message(terms_zh, terms_en),
                "t3",
                d,
                column.key,
            )


@rule("A004", Severity.ERROR, "表四总计不等于各结果之和", "table 4 group: 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结")
def t4_totals(report: Report) -> Iterator[Finding]:
    """
    表四的行政复议、未经复议直接起诉、复议后起诉三组，每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
    错误示例：行政复议结果维持 1、尚未审结 1、总计 1。正确示例：总计 2。
    ---
    Table 4, each of its three groups: 总计 = upheld + corrected + other + pending.
    Failing: review upheld 1, pending 1, total 1. Passing: total 2.
    """
    table = report.tables.get("t4")
    row = table.row(nf.T4_ROW.key) if table else None
    values = _values(row, len(nf.T4_COLUMNS))
    if values is None or row is None:
        return
    width = len(nf.T4_OUTCOMES)
    for number, group in enumerate(nf.T4_GROUPS):
        chunk = values[number * width : (number + 1) * width]
        expected = sum(chunk[:-1])
        if chunk[-1] != expected:
            pairs = [(o.label, v) for o, v in zip(nf.T4_OUTCOMES[:-1], chunk[:-1], strict=True)]
            yield _mismatch(
                "A004",
                row.cells[(number + 1) * width - 1],
                Message(f"表四「{group.label}」的总计", f'Table 4 "{group.label}" ({group.en}): 总计'),
                expected,
                _terms(pairs),
                "t4",
                nf.T4_ROW.key,
                f"{group.key}.total",
            )
