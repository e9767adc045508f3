"""Family T (table shape): the three tables exist, have their rows in order, and every cell holds a number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.findings import Edit, Finding, Fix, Message, Severity, replacing
from checks.model import Cell, Position, Report, Row, Table
from checks.rules import names, rule
from checks.rules.arithmetic import failing_sums
from checks.rules.plausibility import may_make_rules
from checks.specs import Column, Specification
from checks.visible import shortened

_DECIMALS = re.compile(r"\.(\d+)$")
MAX_FEE_DECIMALS = 6  # 1 fen is 0.000001 万元


def _where(report: Report, table: str) -> Position:
    """Where a missing table belongs: under its part's heading, or the top of the file."""
    part = report.spec.table_part[table]
    for section in report.sections:
        if section.part == part:
            return section.heading.pos
    return report.start


@rule("T001", Severity.ERROR, "缺少规定表格", "a required table is missing")
def missing_table(report: Report) -> Iterator[Finding]:
    """
    第二、三、四部分须分别包含表二（主动公开）、表三（依申请公开）、表四（行政复议、行政诉讼），
    且须以文字表格发布，不能是图片。缺少表格，数字无法核对，是错误。整个部分都缺少的，只提示 R001。
    错误示例：“二、主动公开政府信息情况”下只有一张截图。正确示例：按国家格式填写的表二。
    ---
    Parts 二, 三 and 四 must hold tables 2, 3 and 4 as text, not images. Without the table the figures cannot be
    checked: an error. When the whole part is missing, R001 alone says so.
    Failing: part 二 holds only a screenshot. Passing: table 2 in the national format.
    """
    spec = report.spec
    parts = {section.part for section in report.sections}
    for table, number in spec.table_part.items():
        # Without its part, the table is missing with it: R001 says so, once.
        if table not in report.tables and number in parts:
            zh, en = spec.table_names[table]
            part = spec.part(number)
            yield Finding(
                "T001",
                _where(report, table),
                Message(
                    f"未找到{zh}（应在「{part.heading}」下）", f'{en} not found (it belongs under "{part.heading}")'
                ),
                table=table,
            )


@rule("T002", Severity.ERROR, "表格行缺失、多余或顺序错误", "a table row is missing, unexpected, or out of order")
def table_rows(report: Report) -> Iterator[Finding]:
    """
    表二、表三的每一行都须按国家格式出现、不多不少、顺序不变；表四须有一行 15 个数据。行按标签文字识别。
    缺少或多出行，数字无法按国家格式汇总和核对，是错误；相连的几行都缺少的，合并为一条提示。
    错误示例：表三缺少“（六）其他处理 3.其他”一行；或多出一行“（八）合计”。
    正确示例：表三 25 个数据行与国家格式一一对应。
    ---
    Every row of tables 2 and 3 must be there, once, in the official order; table 4 needs its data row of 15
    numbers. Rows are identified by their label text.
    A missing or extra row keeps the figures from being added up and checked: an error; neighbouring missing
    rows give one finding.
    Failing: table 3 without "3.其他" under （六）, or with an extra "（八）合计" row. Passing: all 25 rows.
    """
    for key, table in report.tables.items():
        yield from _rows_of(report.spec, key, table)


def _rows_of(spec: Specification, key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(spec, key)
    for row in table.unplaced:
        text = row.label.text if row.label else ""
        yield Finding(
            "T002",
            row.pos,
            Message(
                f"{tname.zh}中出现规定格式以外的行「{text}」",
                f'{tname.en} has a row the format does not have: "{text}"',
            )
            if text
            else Message(
                f"{tname.zh}中有一行数字没有行标签（规定格式以外的行）",
                f"{tname.en} has a row of numbers without a label (a row the format does not have)",
            ),
            table=key,
            actual=text,
        )
    seen: dict[str, Row] = {}
    order = [official.key for official in spec.rows[key]]
    last = -1
    for row in table.rows:
        name = names.row(spec, key, row.key)
        if row.key in seen:
            yield Finding(
                "T002",
                row.pos,
                Message(
                    f"{tname.zh}的「{name.zh}」行重复出现（首次出现在{seen[row.key].pos.zh}）",
                    f'{tname.en} row "{name.zh}" ({name.en}) appears twice (first at {seen[row.key].pos.en})',
                ),
                table=key,
                row=row.key,
            )
            continue
        seen[row.key] = row
        index = order.index(row.key)
        if index < last:
            yield Finding(
                "T002",
                row.pos,
                Message(
                    f"{tname.zh}的「{name.zh}」行顺序错误，应在「{names.row(spec, key, order[last]).zh}」之前",
                    f'{tname.en} row "{name.zh}" ({name.en}) is out of order: it belongs before '
                    f'"{names.row(spec, key, order[last]).zh}"',
                ),
                table=key,
                row=row.key,
            )
        last = max(last, index)
    optional = {official.key for official in spec.rows[key] if official.optional}
    missing = (index for index, row_key in enumerate(order) if row_key not in seen and row_key not in optional)
    for run in names.neighbours(missing):
        following = [seen[k] for k in order[run[-1] + 1 :] if k in seen]
        pos = following[0].pos if following else table.end
        first, final = names.row(spec, key, order[run[0]]), names.row(spec, key, order[run[-1]])
        if len(order) == 1 and not spec.rows[key][0].label:  # 表四: one row of numbers, without a label
            width = len(spec.rows[key][0].columns)
            message = Message(
                f"{tname.zh}没有数据行（应有 {width} 个数字）", f"{tname.en} has no data row ({width} numbers)"
            )
        elif len(run) == 1:
            message = Message(f"{tname.zh}缺少「{first.zh}」行", f'{tname.en} lacks the row "{first.zh}" ({first.en})')
        else:
            message = Message(
                f"{tname.zh}缺少「{first.zh}」至「{final.zh}」共 {len(run)} 行",
                f'{tname.en} lacks the {len(run)} rows "{first.zh}" to "{final.zh}"',
            )
        yield Finding("T002", pos, message, table=key, row=order[run[0]], expected=first.zh)


@rule("T003", Severity.ERROR, "行的单元格数量不对", "a row has the wrong number of cells")
def cell_count(report: Report) -> Iterator[Finding]:
    """
    每一行的数值单元格个数须与国家格式一致：表二“规章”“行政规范性文件”各 3 个，其余各 1 个；表三每行 7 个
    （自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）；表四 15 个。
    个数不对时无法判断每个数字属于哪一列，数字无法核对，是错误。最常见的原因是从 Word 或网页复制时丢失了合并
    单元格或空白单元格。
    错误示例：表三“一、本年新收政府信息公开申请数量”只有 6 个数字。正确示例：7 个数字，无数据的填“0”。
    ---
    Each row must have the official number of value cells: 3 for 规章 and 行政规范性文件, 1 for the other rows of
    table 2, 7 for every row of table 3, 15 for table 4. With another count the columns cannot be told apart, so
    the figures cannot be checked: an error. The usual cause is a merged or blank cell lost when copying from
    Word or a web page.
    Failing: a table 3 row with 6 numbers. Passing: 7 numbers, 0 where there is nothing.
    """
    spec = report.spec
    for key, table in report.tables.items():
        tname = names.table(spec, key)
        for row in table.rows:
            columns = names.row_spec(spec, key, row.key).columns
            if len(row.cells) == len(columns):
                continue
            name = names.row(spec, key, row.key)
            where = f"「{name.zh}」行" if row.label else "数据行"
            yield Finding(
                "T003",
                row.pos,
                Message(
                    f"{tname.zh}{where}有 {len(row.cells)} 个数值，应为 {len(columns)} 个，无法确定各数字所属的列"
                    "（复制时可能丢失了合并单元格或空白单元格）",
                    f'{tname.en} row "{name.zh}" ({name.en}) has {len(row.cells)} values where {len(columns)} '
                    "belong, so their columns cannot be told (a merged or blank cell was probably lost in copying)",
                ),
                table=key,
                row=row.key,
                expected=len(columns),
                actual=len(row.cells),
            )


_PROBLEM = {
    "placeholder": ("填写了「{raw}」", 'holds "{raw}"'),
    "not_a_number": ("「{raw}」不是数字", '"{raw}" is not a number'),
    "too_long": ("「{raw}」位数过多，不是可以核对的数字", '"{raw}" has too many digits to be a figure'),
}
_QUOTED = 40  # characters of a cell's text a message quotes: a cell of thousands is told by its start
_SHOWN_BLANKS = 5  # blank cells a finding points at (related positions); the message counts them all
_SHOWN_SUMS = 3  # failing sums a blank-cell finding names


@rule("T004", Severity.ERROR, "单元格为空或不是数字", "a cell is blank or not a number")
def cell_value(report: Report) -> Iterator[Finding]:
    """
    表格中每个数值单元格都应填写阿拉伯数字，无数据的填“0”；不能写“/”“—”“无”，也不能带单位（“12件”）：
    否则数字无法汇总、无法核对，是错误。
    有的报告把为 0 的单元格留空。空白单元格每张表只提示一次，说明个数、所在的行和列：按 0 计算时表中各项合计
    （A001–A004）都成立的，数字仍可核对，为警告；有合计不成立的，为错误。无权制定规章的机关（国务院部门和省、
    自治区、直辖市、设区的市、自治州人民政府以外的机关；报告未写明机关名称的，按无权制定处理）在表二“规章”一行
    填“/”的，为警告。同一行中写法相同的几个单元格（如“规章”一行都填“/”）合并为一条提示。
    错误示例：“行政许可”一行填“/”；“行政处罚”填“12件”。
    正确示例：填“0”；填“12”。
    ---
    Every value cell holds an Arabic number, 0 when there is nothing: not "/", "—" or "无", and without units
    ("12件"); otherwise the figures cannot be added up or checked, an error.
    Some reports leave their zeros blank. Blank cells are reported once per table, with how many and in which
    rows and columns: a warning when every sum of the table (A001–A004) holds with them read as 0, an error when
    one does not. "/" in the 规章 row of table 2 is a warning for an agency that cannot make 规章 (anyone but the
    State Council's ministries and the governments of provinces, 设区的市 and 自治州; an agency the report does not
    name is taken for one that cannot). Cells of one row written alike ("/" across the 规章 row) give one finding.
    Failing: "/" in the 行政许可 row; "12件". Passing: "0"; "12".
    """
    spec = report.spec
    excused = not may_make_rules(report)
    for key, table in report.tables.items():
        blanks: list[tuple[str, str, Cell]] = []  # (row label, column label, cell)
        for row in table.rows:
            columns = names.row_spec(spec, key, row.key).columns
            placed = len(row.cells) == len(columns)
            name = names.row(spec, key, row.key)
            # The same text in several cells of a row ("/" across the 规章 row) is one habit: one finding.
            written: dict[tuple[str, str], list[int]] = {}
            for index, cell in enumerate(row.cells):
                if cell.problem == "blank":
                    if placed:
                        blanks.append((name.zh, columns[index].label, cell))
                elif cell.problem is not None:
                    written.setdefault((cell.problem, cell.raw), []).append(index)
            for (problem, _), indexes in written.items():
                mild = excused and problem == "placeholder" and key == "t2" and row.key in spec.township_none_rows
                cells = [row.cells[i] for i in indexes]
                placed_columns = [columns[i] for i in indexes] if placed else []
                yield _not_a_number(spec, key, row, cells, placed_columns, problem, mild)
        if blanks:
            yield _blank_cells(spec, table, blanks)


def _not_a_number(
    spec: Specification, key: str, row: Row, cells: list[Cell], columns: list[Column], problem: str, mild: bool
) -> Finding:
    """One finding for the cells of a row that hold the same text that is not a number (``columns``: theirs, when
    the row's cells are placed)."""
    tname, name = names.table(spec, key), names.row(spec, key, row.key)
    zh, en = _PROBLEM[problem]
    raw = shortened(cells[0].raw, _QUOTED)
    col = f"「{'、'.join(c.label for c in columns)}」列" if columns else ""
    col_en = f" column(s) {', '.join(c.label for c in columns)}" if columns else ""
    return Finding(
        "T004",
        cells[0].pos,
        Message(
            f"{tname.zh}「{name.zh}」行{col}{zh.format(raw=raw)}，应填写阿拉伯数字，无数据的填“0”",
            f'{tname.en} row "{name.zh}"{col_en} {en.format(raw=raw)}; write a number (0 for none)',
        ),
        severity=Severity.WARNING if mild else None,
        table=key,
        row=row.key,
        col=columns[0].key if len(columns) == 1 else None,
        actual=raw,
        related=tuple(cell.pos for cell in cells[1:]),
        # A placeholder stands for nothing: 0 says it in figures (the fix is kept only if the sums hold then).
        fix=replacing([(c.pos, c.raw) for c in cells], "0", _ZERO) if problem == "placeholder" else None,
    )


_ZERO = Message("填写 0", "write 0")


def _blank_cells(spec: Specification, table: Table, blanks: list[tuple[str, str, Cell]]) -> Finding:
    """One finding for a table's blank cells: how many, where, and whether the sums hold with them as 0."""
    tname = names.table(spec, table.key)
    rows = list(dict.fromkeys(row for row, _, _ in blanks))
    columns = list(dict.fromkeys(column for _, column, _ in blanks))
    where_zh = f"{'、'.join(columns)}列，{len(rows)} 行" if len(rows) > 1 else f"「{rows[0]}」行{'、'.join(columns)}列"
    where_en = f"columns {', '.join(columns)}; {len(rows)} rows" if len(rows) > 1 else f'row "{rows[0]}"'
    broken = failing_sums(spec, table)
    if broken:
        shown = "、".join(m.zh for m in broken[:_SHOWN_SUMS]) + (
            f"等 {len(broken)} 项" if len(broken) > _SHOWN_SUMS else ""
        )
        shown_en = ", ".join(m.en for m in broken[:_SHOWN_SUMS]) + (
            f" and {len(broken) - _SHOWN_SUMS} more" if len(broken) > _SHOWN_SUMS else ""
        )
        verdict = Message(
            f"按 0 计算，{shown}不成立，数字无法核对", f"read as 0, {shown_en} fail, so it cannot be checked"
        )
    else:
        verdict = Message("按 0 计算，表中各项合计均成立", "read as 0, every sum of the table holds")
    count = len(blanks)
    return Finding(
        "T004",
        blanks[0][2].pos,
        Message(
            f"{tname.zh}有 {count} 个单元格空白（{where_zh}），无数据的应填写“0”；{verdict.zh}",
            f"{tname.en} has {count} blank cell(s) ({where_en}); write 0 where there is nothing; {verdict.en}",
        ),
        severity=None if broken else Severity.WARNING,
        table=table.key,
        expected=0,
        actual=count,
        related=tuple(cell.pos for _, _, cell in blanks[1:_SHOWN_BLANKS]),
        fix=None if broken else Fix(tuple(Edit(cell.pos, cell.pos, "", "0") for _, _, cell in blanks), True, _ZERO),
    )


@rule("T005", Severity.ERROR, "数值超出允许范围", "a count is negative or fractional, or the fee is malformed")
def value_range(report: Report) -> Iterator[Finding]:
    """
    件数、数量只能是非负整数，收费金额不能为负数，否则数字必然有误，是错误。2019年格式表二的“本年增/减”是与上一年
    相比的增减数，可以为负数，但须为整数。
    表二“行政事业性收费”的金额以万元为单位，国家格式未规定小数位数（12.5 元即 0.00125 万元）；小数超过 6 位
    （不足 1 分）的，为警告。
    错误示例：“行政许可”填 -3 或 2.5；收费金额填 -1。正确示例：3；0.00125。
    ---
    Counts are non-negative whole numbers and the fee is not negative; otherwise a figure is wrong, an error. The
    2019 format's 本年增/减 (change on last year) may be negative, but is a whole number.
    The format sets no decimal places for the 行政事业性收费 amount in 10,000 yuan (12.5 yuan is 0.00125); more
    than 6 decimals (less than one fen) is a warning. Failing: -3 or 2.5 licences; a fee of -1. Passing: 3; 0.00125.
    """
    spec = report.spec
    unit = spec.t2_unit_word  # the unit of an amount, when the format names one (the 2019 表二 does not)
    for key, table in report.tables.items():
        tname = names.table(spec, key)
        for row in table.rows:
            official = names.row_spec(spec, key, row.key)
            name = names.row(spec, key, row.key)
            placed = len(row.cells) == len(official.columns)
            for index, cell in enumerate(row.cells):
                if cell.value is None:
                    continue
                # A change (2019's 本年增/减) may go down; a row whose cells cannot be placed is given the benefit.
                signed = official.columns[index].signed if placed else any(c.signed for c in official.columns)
                severity = None
                if official.fee:
                    decimals = _DECIMALS.search(cell.raw.strip())
                    if cell.value < 0:
                        zh, en = "金额不能为负数", "the amount cannot be negative"
                    elif unit is not None and decimals and len(decimals.group(1)) > MAX_FEE_DECIMALS:
                        zh, en = (
                            f"金额以{unit}为单位，小数超过 6 位（不足 1 分），请核实",
                            f"more than 6 decimals of {unit} (10,000 yuan; below one fen): check it",
                        )
                        severity = Severity.WARNING
                    else:
                        continue
                elif isinstance(cell.value, int) and (cell.value >= 0 or signed):
                    continue
                elif signed:
                    zh, en = "增减数须为整数", "a change must be a whole number"
                else:
                    zh, en = "件数须为非负整数", "a count must be a non-negative whole number"
                yield Finding(
                    "T005",
                    cell.pos,
                    Message(
                        f"{tname.zh}「{name.zh}」行的「{cell.raw}」：{zh}",
                        f'{tname.en} row "{name.zh}" ({name.en}): "{cell.raw}": {en}',
                    ),
                    severity=severity,
                    table=key,
                    row=row.key,
                    actual=cell.raw,
                )
