"""Family A: the sums the format implies (reference §2.5). Rows whose cells cannot be placed are left to T003.

表三's three sums are written once, as linear constraints over its cells, and built once per specification from its
rows and columns (``_system``); A001–A003 each evaluate their own kind, and the culprit search reads all of them, so
a sum is never spelled twice.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from typing import NamedTuple

from checks.findings import Finding, Message, Severity, replacing
from checks.model import Cell, Position, Report, Row, Table
from checks.rules import names, rule
from checks.specs import Specification

Number = int | float
Grid = Mapping[str, Sequence[Number]]  # row key -> the row's values, for rows whose every cell holds a number


def _terms(pairs: Sequence[tuple[str, float]]) -> Message:
    """The terms of a sum; a long sum (the 21 outcome rows) shows only its non-zero terms."""
    shown = [(name, v) for name, v in pairs if v] if len(pairs) > 6 else list(pairs)
    text = " + ".join(f"{name} {names.number(v)}" for name, v in shown) or "0"
    if len(shown) == len(pairs):
        return Message(text, text)
    return Message(f"{text}，其余为 0", f"{text}, the others 0")


# --- 表三 as linear constraints ----------------------------------------------------------------------------------

CellKey = tuple[str, int]  # (row key, column index)


class _Constraint(NamedTuple):
    """Σ coefficient × value over ``terms`` must be 0. ``at`` is the total the finding points at (coefficient −1),
    so the sum is also how far that total is from its expected value."""

    rule: str
    at: CellKey
    terms: tuple[tuple[str, int, int], ...]  # (row key, column index, +1 or −1)


def _row_sum(key: str, width: int, total: int) -> _Constraint:
    terms = tuple((key, col, 1) for col in range(width) if col != total)
    return _Constraint("A001", (key, total), (*terms, (key, total, -1)))


def _column_sum(spec: Specification, col: int) -> _Constraint:
    terms = tuple((key, col, 1) for key in spec.t3_outcome_rows)
    total = spec.t3_results_total
    return _Constraint("A002", (total, col), (*terms, (total, col, -1)))


def _balance(spec: Specification, col: int) -> _Constraint:
    (new, old), (handled, forward) = spec.t3_balance
    return _Constraint("A003", (forward, col), ((new, col, 1), (old, col, 1), (handled, col, -1), (forward, col, -1)))


class _System(NamedTuple):
    """表三's sums under one specification: its width, each row's own sum, every constraint, and for every cell
    the constraints it appears in (by index into ``constraints``) with its coefficient there."""

    width: int
    total: int  # the 总计 column's index
    row_sums: Mapping[str, _Constraint]
    constraints: tuple[_Constraint, ...]
    containing: Mapping[CellKey, Mapping[int, int]]


@cache
def _system(spec: Specification) -> _System:
    """The constraints of 表三 as ``spec`` lays it out, built once per specification."""
    width = len(spec.t3_columns)
    total = next(i for i, c in enumerate(spec.t3_columns) if c.key == spec.t3_total_column)
    row_sums = {row.key: _row_sum(row.key, width, total) for row in spec.t3_rows}
    constraints = (
        *row_sums.values(),
        *(_column_sum(spec, col) for col in range(width)),
        *(_balance(spec, col) for col in range(width)),
    )
    containing: dict[CellKey, dict[int, int]] = {}
    for number, constraint in enumerate(constraints):
        for key, col, coefficient in constraint.terms:
            containing.setdefault((key, col), {})[number] = coefficient
    return _System(width, total, row_sums, constraints, containing)


def _residual(constraint: _Constraint, grid: Grid) -> Number | None:
    """The constraint's sum (0 when it holds), or None when one of its rows cannot be read."""
    total: Number = 0
    for key, col, coefficient in constraint.terms:
        row = grid.get(key)
        if row is None:
            return None
        total += coefficient * row[col]
    return total


def _grid(table: Table, width: int) -> dict[str, list[Number]]:
    """The readable rows, each by its first occurrence (a repeated row is T002's business); blanks read as 0."""
    grid: dict[str, list[Number]] = {}
    for row in table.rows:
        values = names.values(row, width)
        if values is not None and row.key not in grid:
            grid[row.key] = values
    return grid


def _blanks(table: Table, width: int) -> frozenset[CellKey]:
    """The blank cells of the rows the grid reads. A sum through one of them is T004's (one finding a table)."""
    seen: set[str] = set()
    blanks: set[CellKey] = set()
    for row in table.rows:
        if row.key in seen or len(row.cells) != width:
            continue
        seen.add(row.key)
        blanks.update((row.key, col) for col, cell in enumerate(row.cells) if cell.problem == "blank")
    return frozenset(blanks)


def _through_blank(constraint: _Constraint, blanks: frozenset[CellKey]) -> bool:
    return bool(blanks) and any((key, col) in blanks for key, col, _ in constraint.terms)


class _Culprit(NamedTuple):
    key: str
    col: int
    cell: Cell
    expected: Number

    def suffix(self, spec: Specification) -> Message:
        row = names.row_spec(spec, "t3", self.key)
        column = spec.t3_columns[self.col].label
        where_zh = f"{row.group} {row.label}" if row.group else row.label
        where_en = f'"{row.label}" ({row.group})' if row.group else f'"{row.label}"'
        value = names.number(self.expected)
        return Message(
            f"；最可能出错的单元格：「{where_zh}」行「{column}」列，现为 {names.written(self.cell.raw)}，应为 {value}",
            f'; likely culprit: row {where_en}, column "{column}": {self.cell.raw or "blank"}, expected {value}',
        )


def _balancing_change(system: _System, cell: CellKey, failing: Mapping[int, Number]) -> Number | None:
    """The one change of ``cell`` that zeroes every failing constraint, if the cell is in exactly those."""
    containing = system.containing[cell]
    if containing.keys() != failing.keys():
        return None
    changes = {-failing[number] * coefficient for number, coefficient in containing.items()}  # coefficient is ±1
    return changes.pop() if len(changes) == 1 else None


def _find_culprit(spec: Specification, table: Table, grid: Grid) -> _Culprit | None:
    """The single cell whose correction balances every sum of 表三, when there is exactly one."""
    system = _system(spec)
    rows = [row.key for row in table.rows]
    # Only a whole, unrepeated table: a sum that cannot be checked could be the one that would rule a cell out.
    if len(grid) != len(spec.t3_rows) or len(rows) != len(set(rows)):
        return None
    failing = {n: r for n, c in enumerate(system.constraints) if (r := _residual(c, grid))}
    if not failing:
        return None
    # A culprit sits in every failing constraint, so the terms of any one of them hold all candidates.
    found: list[_Culprit] = []
    for key, col, _ in system.constraints[next(iter(failing))].terms:
        change = _balancing_change(system, (key, col), failing)
        value = None if change is None else grid[key][col] + change
        if value is not None and value >= 0:  # a count below 0 is no correction, only a coincidence of errors
            row = table.row(key)
            assert row is not None  # the grid holds only rows the table has
            found.append(_Culprit(key, col, row.cells[col], value))
    return found[0] if len(found) == 1 else None


class _Analysis(NamedTuple):
    grid: Grid
    blanks: frozenset[CellKey]
    culprit: _Culprit | None


_last: tuple[Table, Specification, _Analysis] | None = None


def _analyse(spec: Specification, table: Table) -> _Analysis:
    """表三's readable rows and its culprit, worked out once for A001–A003.

    A one-entry cache by identity: the three rules run one after another on the same Table object, and hashing
    a whole Table (every cell) for a dict or lru_cache key would cost twice what the search does.
    """
    global _last
    last = _last
    if last is not None and last[0] is table and last[1] == spec:
        return last[2]
    width = _system(spec).width
    grid = _grid(table, width)
    analysis = _Analysis(grid, _blanks(table, width), _find_culprit(spec, table, grid))
    _last = (table, spec, analysis)
    return analysis


def _mismatch(
    spec: Specification,
    code: str,
    cell: Cell,
    subject: Message,
    expected: float,
    terms: Message,
    table: str,
    row: str,
    col: str,
    culprit: _Culprit | None = None,
) -> Finding:
    suffix = culprit.suffix(spec) if culprit else Message("", "")
    related: tuple[Position, ...] = (culprit.cell.pos,) if culprit else ()
    # Unsafe (a figure changes): the likely wrong cell set to the value that balances every sum, else the total
    # to its sum.
    changed, value = (culprit.cell, culprit.expected) if culprit else (cell, expected)
    shown = names.number(value)
    fix = replacing(
        [(changed.pos, changed.raw)],
        shown,
        Message(f"把「{names.written(changed.raw)}」改为 {shown}", f"change {changed.raw or 'the blank'} to {shown}"),
        safe=False,
    )
    return Finding(
        code,
        cell.pos,
        Message(
            f"{subject.zh}应为 {names.number(expected)}（{terms.zh}），实际为 {names.written(cell.raw)}{suffix.zh}",
            f"{subject.en} should be {names.number(expected)} ({terms.en}), but is {cell.raw or 'blank'}{suffix.en}",
        ),
        expected=expected,
        actual=cell.value,
        table=table,
        row=row,
        col=col,
        related=related,
        fix=fix,
    )


def failing_sums(spec: Specification, table: Table) -> list[Message]:
    """The sums of a table that fail through a blank cell read as 0 (T004 reports them; A001–A004 leave them)."""
    if table.key == "t3":
        analysis = _analyse(spec, table)
        return [
            _sum_name(spec, constraint)
            for constraint in _system(spec).constraints
            if _through_blank(constraint, analysis.blanks) and _residual(constraint, analysis.grid)
        ]
    if table.key == "t4":
        row = table.row(spec.t4_row.key)
        values = names.values(row, len(spec.t4_columns))
        if row is None or values is None:
            return []
        return [
            _t4_sum_name(spec, number) for number, _, _ in _t4_failures(spec, values) if _t4_blank(spec, row, number)
        ]
    return []


def _sum_name(spec: Specification, constraint: _Constraint) -> Message:
    key, col = constraint.at
    if constraint.rule == "A001":
        label = names.row(spec, "t3", key).zh
        return Message(f"「{label}」行的总计", f'the 总计 of row "{label}"')
    column = spec.t3_columns[col].label
    if constraint.rule == "A002":
        return Message(f"「{column}」列的（七）总计", f'the （七）总计 of column "{column}"')
    return Message(f"「{column}」列的勾稽关系", f'the balance of column "{column}"')


def _t4_sum_name(spec: Specification, number: int) -> Message:
    group = spec.t4_groups[number]
    return Message(f"「{group.label}」的总计", f'the 总计 of "{group.label}"')


def _t4_blank(spec: Specification, row: Row, number: int) -> bool:
    width = len(spec.t4_outcomes)
    return any(cell.problem == "blank" for cell in row.cells[number * width : (number + 1) * width])


def _t4_failures(spec: Specification, values: Sequence[Number]) -> Iterator[tuple[int, Sequence[Number], Number]]:
    """Each group of 表四 whose 总计 is not the sum of its results: (its number, its values, the sum)."""
    width = len(spec.t4_outcomes)
    for number in range(len(spec.t4_groups)):
        chunk = values[number * width : (number + 1) * width]
        expected = sum(chunk[:-1])
        if chunk[-1] != expected:
            yield number, chunk, expected


def _failures(spec: Specification, analysis: _Analysis, code: str) -> Iterator[tuple[_Constraint, Number]]:
    """Each failing constraint of rule ``code`` with the value its total should have, but those through a blank."""
    grid = analysis.grid
    for constraint in _system(spec).constraints:
        if constraint.rule != code or _through_blank(constraint, analysis.blanks):
            continue
        residual = _residual(constraint, grid)
        if residual:
            key, col = constraint.at
            yield constraint, grid[key][col] + residual


@rule("A001", Severity.ERROR, "表三行合计不等于各申请人之和", "table 3 row: 总计 ≠ sum of the six applicant columns")
def t3_row_totals(report: Report) -> Iterator[Finding]:
    """
    表三每一行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他。
    合计不成立，报告中必有数字错误，是错误。
    错误示例：自然人 3、其他 0、总计 4。正确示例：总计 3。
    若只有一个单元格能同时解释表三所有不成立的等式，消息会指出该单元格及使各等式成立的数值。
    ---
    Table 3, every row: 总计 = the sum of the six applicant columns.
    A failing sum means a figure of the report is wrong: an error.
    Failing: natural persons 3, others 0, total 4. Passing: total 3.
    When a single cell explains every failing sum of table 3, the message names it and the value that balances them.
    """
    spec, table = report.spec, report.tables.get("t3")
    if table is None:
        return
    system = _system(spec)
    culprit = _analyse(spec, table).culprit
    for row in table.rows:
        values = names.values(row, system.width)
        if values is None or any(cell.problem == "blank" for cell in row.cells):
            continue  # a row through a blank is T004's
        # Each row is read on its own, so a repeated row is checked too.
        own = system.row_sums.get(row.key)
        residual = _residual(own, {row.key: values}) if own is not None else None
        if residual:
            terms = [i for i in range(system.width) if i != system.total]
            pairs = [(spec.t3_columns[i].label, values[i]) for i in terms]
            label = names.row(spec, "t3", row.key).zh
            yield _mismatch(
                spec,
                "A001",
                row.cells[system.total],
                Message(f"表三「{label}」行的总计", f'Table 3 row "{label}": 总计'),
                values[system.total] + residual,
                _terms(pairs),
                "t3",
                row.key,
                spec.t3_total_column,
                culprit,
            )


@rule(
    "A002", Severity.ERROR, "表三（七）总计不等于各办理结果之和", "table 3 column: （七）总计 ≠ sum of the outcome rows"
)
def t3_column_totals(report: Report) -> Iterator[Finding]:
    """
    表三每一列：（七）总计 = （一）予以公开 + （二）部分公开 + （三）1–8 + （四）1–3 + （五）1–5 + （六）1–3。
    （三）至（六）没有小计行，直接把各子项相加（2019年格式的“（六）其他处理”只有一行）。
    合计不成立，报告中必有数字错误，是错误。
    错误示例：予以公开 2、本机关不掌握相关政府信息 1，（七）总计 4。正确示例：（七）总计 3。
    若只有一个单元格能同时解释表三所有不成立的等式，消息会指出该单元格及使各等式成立的数值。
    ---
    Table 3, every column: （七）总计 = the sum of the 21 outcome rows （一）…（六）3 (groups have no subtotal; the
    2019 format's （六）其他处理 is a single row).
    A failing sum means a figure of the report is wrong: an error.
    Failing: 2 disclosed, 1 not held, total 4. Passing: total 3.
    When a single cell explains every failing sum of table 3, the message names it and the value that balances them.
    """
    spec, table = report.spec, report.tables.get("t3")
    if table is None:
        return
    total_row = table.row(spec.t3_results_total)
    analysis = _analyse(spec, table)
    grid, culprit = analysis.grid, analysis.culprit
    for constraint, expected in _failures(spec, analysis, "A002"):
        assert total_row is not None  # a failing sum was read from it
        index = constraint.at[1]
        column = spec.t3_columns[index]
        pairs = [(names.row(spec, "t3", key).zh, grid[key][index]) for key in spec.t3_outcome_rows]
        yield _mismatch(
            spec,
            "A002",
            total_row.cells[index],
            Message(f"表三「{column.label}」列的（七）总计", f'Table 3 column "{column.label}": （七）总计'),
            expected,
            _terms(pairs),
            "t3",
            spec.t3_results_total,
            column.key,
            culprit,
        )


@rule("A003", Severity.ERROR, "表三勾稽关系不成立", "table 3 column: 一 + 二 ≠ （七）总计 + 四")
def t3_balance(report: Report) -> Iterator[Finding]:
    """
    表三每一列须满足表中说明的勾稽关系：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理。
    勾稽关系不成立，报告中必有数字错误，是错误。
    错误示例：新收 5、结转 1、总计 4、结转下年度 1。正确示例：结转下年度 2。
    若只有一个单元格能同时解释表三所有不成立的等式，消息会指出该单元格及使各等式成立的数值。
    ---
    Table 3, every column, as its own note says: new + carried over = （七）总计 + carried forward.
    A failing balance means a figure of the report is wrong: an error.
    Failing: 5 new, 1 carried over, 4 handled, 1 carried forward. Passing: 2 carried forward.
    When a single cell explains every failing sum of table 3, the message names it and the value that balances them.
    """
    spec, table = report.spec, report.tables.get("t3")
    if table is None:
        return
    (a, b), (c, d) = spec.t3_balance
    carried = table.row(d)
    analysis = _analyse(spec, table)
    grid, culprit = analysis.grid, analysis.culprit
    for constraint, expected in _failures(spec, analysis, "A003"):
        assert carried is not None  # a failing sum was read from it
        index = constraint.at[1]
        column = spec.t3_columns[index]
        new, old, handled = (names.number(grid[key][index]) for key in (a, b, c))
        yield _mismatch(
            spec,
            "A003",
            carried.cells[index],
            Message(
                f"表三「{column.label}」列勾稽关系不成立：四、结转下年度继续办理",
                f'Table 3 column "{column.label}" does not balance: carried forward',
            ),
            expected,
            Message(
                f"{new} + {old} − {handled}（一 + 二 − （七）总计）", f"{new} + {old} − {handled} (I + II − （七）总计)"
            ),
            "t3",
            d,
            column.key,
            culprit,
        )


@rule("A004", Severity.ERROR, "表四总计不等于各结果之和", "table 4 group: 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结")
def t4_totals(report: Report) -> Iterator[Finding]:
    """
    表四的行政复议、未经复议直接起诉、复议后起诉三组，每组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结。
    合计不成立，报告中必有数字错误，是错误。经过空白单元格的合计由 T004 一并提示。
    错误示例：行政复议结果维持 1、尚未审结 1、总计 1。正确示例：总计 2。
    ---
    Table 4, each of its three groups: 总计 = upheld + corrected + other + pending.
    A failing sum means a figure of the report is wrong: an error. A sum through a blank cell is T004's.
    Failing: review upheld 1, pending 1, total 1. Passing: total 2.
    """
    spec, table = report.spec, report.tables.get("t4")
    row = table.row(spec.t4_row.key) if table else None
    values = names.values(row, len(spec.t4_columns))
    if values is None or row is None:
        return
    width = len(spec.t4_outcomes)
    for number, chunk, expected in _t4_failures(spec, values):
        if _t4_blank(spec, row, number):
            continue  # T004's
        group = spec.t4_groups[number]
        pairs = [(o.label, v) for o, v in zip(spec.t4_outcomes[:-1], chunk[:-1], strict=True)]
        yield _mismatch(
            spec,
            "A004",
            row.cells[(number + 1) * width - 1],
            Message(f"表四「{group.label}」的总计", f'Table 4 "{group.label}" ({group.en}): 总计'),
            expected,
            _terms(pairs),
            "t4",
            spec.t4_row.key,
            spec.t4_columns[(number + 1) * width - 1].key,
        )
