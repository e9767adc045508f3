"""Family X across years: this year's report against last year's of the same agency (see checks/previous.py).

X002 and X003 are the cross-year arithmetic of reference §2.5 item 5; X004 compares the wording, X006 the figures.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from checks.findings import Finding, Message, Severity, relative_path
from checks.model import Position, Report, Row, Text
from checks.normalize import norm
from checks.rules import cross_rule, names

NEAR_IDENTICAL = 0.9  # share of this year's wording found in last year's (法治蓝皮书 2017: reports 90% identical)
MIN_CHARS = 80  # shorter text ("本年度未收取信息处理费。") is rightly the same every year
_SHINGLE = 4  # characters per compared piece: long enough to carry wording, short enough to survive edits
_DIGITS = re.compile(r"\d+")
_norm_text = norm.__wrapped__


def _shingles(texts: Iterable[Text]) -> frozenset[str]:
    # Numbers and years are what a copied report does change, so they do not count as differences. norm without
    # its cache: that is for labels, and would keep every paragraph of every report of a folder run.
    key = _DIGITS.sub("", "".join(_norm_text(t.text) for t in texts))
    if len(key) < MIN_CHARS:
        return frozenset()
    return frozenset(key[i : i + _SHINGLE] for i in range(len(key) - _SHINGLE + 1))


def _reused(this: frozenset[str], last: frozenset[str]) -> float:
    return len(this & last) / len(this) if this and last else 0.0


def shown(path: str) -> str:
    """Last year's file as a message names it: it may sit in another year's folder under this year's name."""
    return relative_path(path).as_posix()


def _finding(pos: Position, what: Message, share: float, previous: Report) -> Finding:
    name = shown(previous.path)
    percent = int(share * 100)
    return Finding(
        "X004",
        pos,
        Message(
            f"{what.zh}的文字 {percent}% 与上一年度报告「{name}」相同（内容雷同），应按本年度实际情况撰写",
            f'{percent}% of the wording of {what.en} is the same as last year\'s report "{name}" (内容雷同); '
            "write it for this year",
        ),
        expected=previous.path,
        actual=round(share, 3),
    )


@cross_rule(
    "X004", Severity.WARNING, "与上一年度报告内容雷同", "text nearly identical to last year's report (内容雷同)"
)
def same_as_last_year(report: Report, previous: Report) -> Iterator[Finding]:
    """
    国家格式把“内容雷同”列为被追责的问题之一。本规则把本年度报告的文字（不计数字和年份）与同一机关上一年度的
    报告比较：全文或某一部分有 90% 以上的文字相同即提示。上一年度的报告用 --previous 指定，否则按标题中的
    机关名称和年度，先在同一文件夹、再在整个仓库中查找。过短的部分（如“本年度未收取信息处理费。”）不比较。
    错误示例：2025年报告的“五、存在的主要问题及改进情况”与2024年一字不差，只改了年份。
    正确示例：按本年度实际情况重新撰写问题和改进措施。
    ---
    The format names 内容雷同 (copied content) among the failures agencies are held accountable for. This rule
    compares the wording (numbers and years aside) with the same agency's report of the year before: the whole
    text or one part with 90% or more of its wording reused is reported. Last year's report is given with
    --previous, or found by the agency and year in its title in the same folder, then anywhere in the repository.
    Short parts are not compared.
    Failing: part 五 of 2025 copied from 2024 with the years changed. Passing: part 五 written for 2025.
    """
    last = {section.part: section for section in previous.sections}
    whole = _reused(_shingles(report.prose()), _shingles(previous.prose()))
    if whole >= NEAR_IDENTICAL:
        pos = report.title.pos if report.title else report.start
        yield _finding(pos, Message("全文", "the whole report"), whole, previous)
        return
    for section in report.sections:
        before = last.get(section.part)
        if before is None:
            continue
        share = _reused(_shingles(section.paragraphs), _shingles(before.paragraphs))
        if share >= NEAR_IDENTICAL:
            heading = names.part(report.spec, section.part).heading
            yield _finding(section.heading.pos, Message(f"「{heading}」", f'"{heading}"'), share, previous)


# --- X002, X003: the figures carried from one year to the next (reference §2.5 item 5) --------------------------


COPIED_TABLES = ("t2", "t3", "t4")
MIN_COPIED = 5  # non-zero figures a table needs before the same figures two years running are more than chance


def _figures(report: Report, key: str) -> dict[str, tuple[int | float, ...]] | None:
    """Every row of a table by key with its numbers, when each row's cells can all be read (else None)."""
    table = report.tables.get(key)
    if table is None or not table.rows or table.unplaced:
        return None
    out: dict[str, tuple[int | float, ...]] = {}
    for row in table.rows:
        values = names.values(row, len(names.row_spec(report.spec, key, row.key).columns))
        if values is None:
            return None
        out[row.key] = tuple(values)
    return out


def copied_tables(report: Report, previous: Report) -> list[str]:
    """The tables whose every figure is last year's, with at least ``MIN_COPIED`` of them not 0 (X006; X002 and
    X003 leave such a table to it: one mistake, one finding)."""
    if report.spec.key != previous.spec.key:  # the same rows only in the same format
        return []
    copied = []
    for key in COPIED_TABLES:
        this = _figures(report, key)
        if this and this == _figures(previous, key) and sum(1 for row in this.values() for v in row if v) >= MIN_COPIED:
            copied.append(key)
    return copied


@cross_rule("X006", Severity.WARNING, "表格数字与上一年度完全相同", "tables with exactly last year's figures")
def figures_unchanged(report: Report, previous: Report) -> Iterator[Finding]:
    """
    表二、表三、表四的每一个数字都与同一机关上一年度报告相同（且不全为 0）的，多半是沿用了上一年度的表格而未按
    本年度重新统计（东莞市统计局2008–2010年的报告数据连续相同）。全文提示一次，位置在第一张相同的表格，消息列出
    相同的表格和上一年度报告的文件。数字确实未变的，请核对后说明。非零数字少于 5 个的表格（如只有 1 件行政复议、
    1 件行政诉讼）两年相同并不罕见，不提示。表格相同时，X002、X003 不再对该表逐项提示。上一年度的报告的查找方式同 X002。
    错误示例：2025年报告的表三与2024年报告的表三逐格相同。正确示例：按本年度统计的数字。
    ---
    Every figure of table 2, 3 or 4 the same as in the same agency's report of the year before (and not all 0):
    most likely last year's table kept instead of this year's count (东莞 统计局's reports of 2008–2010 had
    identical data). One finding for the report, at the first such table, naming the tables and last year's file;
    if nothing changed, check and say so. A table with fewer than 5 non-zero figures (one review, one suit) can
    rightly be the same two years running: not reported. X002 and X003 leave such a table to this rule. Last year's
    report is found as for X002. Failing: 2025's table 3 cell for cell 2024's. Passing: this year's figures.
    """
    copied = copied_tables(report, previous)
    if not copied:
        return
    spec = report.spec
    tables_zh = "、".join(names.table(spec, key).zh for key in copied)
    tables_en = ", ".join(names.table(spec, key).en for key in copied)
    name = shown(previous.path)
    yield Finding(
        "X006",
        report.tables[copied[0]].pos,
        Message(
            f"{tables_zh}的数字与上一年度报告「{name}」完全相同，请核对是否按本年度重新统计",
            f'the figures of {tables_en} are exactly those of last year\'s report "{name}": check that they were '
            "counted for this year",
        ),
        table=copied[0],
        expected=previous.path,
    )


def _row(report: Report, table: str, key: str) -> tuple[Row, list[int | float]] | None:
    """A table row with its numbers, when every cell is placed and holds one (else T003/T004 say why); each
    report's row is read by its own specification (last year's may be in another format)."""
    found = report.tables.get(table)
    if found is None or not names.has_row(report.spec, table, key):
        return None
    row = found.row(key)
    values = names.values(row, len(names.row_spec(report.spec, table, key).columns))
    return None if row is None or values is None else (row, values)


@cross_rule(
    "X002",
    Severity.ERROR,
    "上年结转与上一年度的结转下年度继续办理不一致",
    "上年结转 ≠ last year's 结转下年度继续办理 (per column)",
)
def carried_over(report: Report, previous: Report) -> Iterator[Finding]:
    """
    表三“二、上年结转政府信息公开申请数量”是上一年度没有办结、转到本年度的申请，必须与同一机关上一年度报告
    表三“四、结转下年度继续办理”逐列相等（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）。
    每个不相等的单元格报告一次，位置在本年度报告的单元格，消息给出上一年度报告的文件、行号和数值。
    上一年度的报告用 --previous 指定，否则在同一文件夹、再在整个仓库中按标题中的机关名称和年度查找。
    任一行的单元格数目不对或有单元格不是数字时不检查（由 T003、T004 报告）；表三与上一年度完全相同的，由 X006 提示。
    两年的数字不衔接，必有一份报告有误，是错误。
    错误示例：2024年报告“四、结转下年度继续办理”的自然人为 2，2025年报告“二、上年结转政府信息公开申请数量”的
    自然人为 1。
    正确示例：2025年报告的上年结转自然人为 2，与2024年报告的结转下年度相同。
    ---
    Table 3 row II (carried over from last year) holds the requests last year's report carried forward, so it must
    equal row IV (carried forward to next year) of the same agency's report of the year before, column by column
    (the six applicant columns and the total). Each differing cell is reported once, at this year's cell; the
    message names last year's file, its line and its value. Last year's report is given with --previous, or found
    by the agency and year of its title in the same folder, then anywhere in the repository. Rows whose cells
    cannot all be read are left to T003 and T004, a table 3 identical to last year's to X006.
    Figures that do not carry over mean one of the two reports is wrong: an error.
    Failing: 2024 carries 2 requests of natural persons forward; 2025 reports 1 carried over.
    Passing: 2025 reports the 2 that 2024 carried forward.
    """
    spec, before = report.spec, previous.spec
    if "t3" in copied_tables(report, previous):
        return  # last year's table kept whole: X006, once
    this = _row(report, "t3", spec.t3_carried_over)
    last = _row(previous, "t3", before.t3_carried_forward)
    # Column by column: only when last year's format has this year's columns (the 2019 and 2021 表三 do).
    if this is None or last is None or [c.key for c in spec.t3_columns] != [c.key for c in before.t3_columns]:
        return
    (row, values), (last_row, last_values) = this, last
    name = shown(previous.path)
    label = names.row(spec, "t3", spec.t3_carried_over).zh
    last_label = names.row(before, "t3", before.t3_carried_forward).zh
    for column, cell, value, expected, last_cell in zip(
        spec.t3_columns, row.cells, values, last_values, last_row.cells, strict=True
    ):
        if value == expected:
            continue
        at = last_cell.pos
        wanted = names.number(expected)
        yield Finding(
            "X002",
            cell.pos,
            Message(
                f"表三「{label}」行「{column.label}」列为 {cell.raw}，应为 {wanted}："
                f"上一年度报告「{name}」{at.zh}「{last_label}」的「{column.label}」列为 {last_cell.raw}",
                f'Table 3 row "{label}", column "{column.label}" ({column.en}) is {cell.raw} but should be '
                f'{wanted}: last year\'s report "{name}" carries {last_cell.raw} forward '
                f'(row "{last_label}", {at.en})',
            ),
            expected=expected,
            actual=value,
            table="t3",
            row=spec.t3_carried_over,
            col=column.key,
        )


def _in_force(report: Report, previous: Report, key: str) -> Finding | None:
    # Last year's row must count documents in force too: the 2019 表二 counts those published (对外公开总数量).
    if key not in previous.spec.t2_document_rows:
        return None
    this = _row(report, "t2", key)
    last = _row(previous, "t2", key)
    if this is None or last is None:
        return None
    # A document row's columns are issued, repealed, …, in force, in that order (t2_document_rows): in force is
    # the last, whatever a format puts between.
    (row, values), (last_row, last_values) = this, last
    made, repealed, in_force = values[0], values[1], values[-1]
    before, cell, last_cell = last_values[-1], row.cells[-1], last_row.cells[-1]
    expected = before + made - repealed
    if in_force == expected:
        return None
    spec = report.spec
    label = names.row(spec, "t2", key).zh
    columns = names.row_spec(spec, "t2", key).columns
    made_label, repealed_label, in_force_label = columns[0].label, columns[1].label, columns[-1].label
    name, at = shown(previous.path), last_cell.pos
    b, m, r, e = (names.number(v) for v in (before, made, repealed, expected))
    return Finding(
        "X003",
        cell.pos,
        Message(
            f"表二「{label}」的{in_force_label}应为 {e}（上一年度报告「{name}」{at.zh}的{in_force_label} {b}"
            f" + {made_label} {m} − {repealed_label} {r}），实际为 {cell.raw}；"
            "如有文件未经废止而失效（如有效期届满），请核对并在报告中说明",
            f'Table 2 "{label}" ({names.row(spec, "t2", key).en}): {in_force_label} (in force) should be {e} '
            f'(last year\'s {b} in "{name}" {at.en} + {m} issued − {r} repealed this year), but is {cell.raw}; '
            "if documents lapsed without a repeal (their term ended), check and say so in the report",
        ),
        expected=expected,
        actual=in_force,
        table="t2",
        row=key,
        col=columns[-1].key,
    )


@cross_rule("X003", Severity.WARNING, "现行有效件数与上一年度不衔接", "现行有效件数 does not follow from last year's")
def in_force(report: Report, previous: Report) -> Iterator[Finding]:
    """
    表二“规章”“行政规范性文件”两行：本年度的现行有效件数 = 上一年度报告的现行有效件数 + 本年制发件数 −
    本年废止件数。文件也可能未经废止而失效（如有效期届满），修改后计入制发件数的文件也不增加现行有效件数，所以
    只作警告：请核对，确有此种情况的在报告中说明。正文写明本年有该类文件修改、修订，且现行有效件数少于计算结果的，
    不提示。
    每行报告一次，位置在本年度报告的“现行有效件数”单元格，消息给出计算过程。上一年度的报告的查找方式同 X002。
    2019年格式的表二统计的是“对外公开总数量”而不是现行有效件数，任一年度的报告为2019年格式的，不检查；表二与上一
    年度完全相同的，由 X006 提示。
    错误示例：2024年行政规范性文件现行有效 14 件，2025年制发 2 件、废止 1 件，现行有效填 17。
    正确示例：现行有效 15（14 + 2 − 1）。
    ---
    Table 2, rows 规章 (rules) and 行政规范性文件 (normative documents): this year's number in force should be last
    year's number in force + issued this year − repealed this year. Documents can also lapse without a repeal
    (their term ends), and an amended document counted as issued does not add to them, so this is a warning: check,
    and say so in the report when it happened; a report whose text says such documents were amended (修改, 修订)
    and that has fewer in force than computed gives nothing. One finding per
    row, at this year's 现行有效件数 cell, with the computation. Last year's report is found as for X002. The 2019
    format's table 2 counts documents published (对外公开总数量), not in force: a year in it is not compared; a
    table 2 identical to last year's is left to X006.
    Failing: 14 normative documents in force in 2024, 2 issued and 1 repealed in 2025, 17 in force.
    Passing: 15 in force (14 + 2 − 1).
    """
    if "t2" in copied_tables(report, previous):
        return  # last year's table kept whole: X006, once
    for key in report.spec.t2_document_rows:
        finding = _in_force(report, previous, key)
        if finding is not None and not (_amended(report, key) and finding.actual < finding.expected):
            yield finding


# "规章13件(含新制定5件,修改4件,废止4件)": an amended document counted as issued does not add to those in force
# (reference §6.4), so a report that says it amended some has fewer in force than issued-minus-repealed implies.
def _amended(report: Report, key: str) -> bool:
    """Whether the text says documents of row ``key`` were amended this year, naming the row as the format or a
    compliant variant writes it ("规范性文件")."""
    spec = report.spec
    label = names.row(spec, "t2", key).zh
    words = (label, *spec.label_variants.get(label, ()))
    return any(
        any(word in text.text for word in words) and any(word in text.text for word in spec.amendment_words)
        for text in report.prose()
    )
