"""Family T (wording): row and column labels in the official wording, the 勾稽 note and the 万元 unit."""

from __future__ import annotations

from collections.abc import Iterator

from checks import national_format as nf
from checks.findings import Finding, Message, Severity
from checks.model import Report, Table
from checks.normalize import best_match, norm
from checks.rules import names, rule

NOTE_SIMILARITY = 0.7  # an altered note is a T006; below this it is not the note at all (T007)
HEADER_SIMILARITY = 0.5  # how alike a written header must be to stand for an official one


def _is_note(text: str) -> bool:
    return nf.T3_NOTE_KEYWORD in text or best_match(text, (nf.T3_NOTE,), NOTE_SIMILARITY) is not None


def _lacks_only_unit(written: str, official: str) -> bool:
    """A header that is official but for the unit: T007 reports it, not T006."""
    return norm(official) == norm(written) + norm(nf.T2_UNIT)


@rule("T006", Severity.ERROR, "行或列标签与规定表述不一致", "a row or column label differs from the official wording")
def label_wording(report: Report) -> Iterator[Finding]:
    """
    表格的行标签、列标签须与国家格式一字不差（全角/半角、空格不计）。改动过的标签会让汇总统计对不上口径。
    错误示例：“（二）部分公开（区分处理的，只计这一情况，不计其他情形）”“5.属于三类内容事务信息”“现行有效件”。
    正确示例：“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”“5.属于三类内部事务信息”“现行有效件数”。
    ---
    Row and column labels must match the official wording (width and spaces aside); altered labels break the
    aggregation of reports. Failing: "只计这一情况", "内容事务信息", "现行有效件". Passing: the official labels.
    """
    for key, table in report.tables.items():
        yield from _row_labels(key, table)
        yield from _header_labels(key, table)


def _row_labels(key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(key)
    for row in table.rows:
        if row.label is None:
            continue
        official = names.spec(key, row.key).label
        if norm(row.label.text) != norm(official):
            yield Finding(
                "T006",
                row.label.pos,
                Message(
                    f"{tname.zh}行标签「{row.label.text}」应为「{official}」",
                    f'{tname.en} row label "{row.label.text}" should read "{official}"',
                ),
                table=key,
                row=row.key,
                expected=official,
                actual=row.label.text,
            )


def _header_labels(key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(key)
    official = tuple(label for label in nf.HEADER_LABELS[key] if label != nf.T3_NOTE)
    official_keys = {norm(label) for label in official}
    covered: set[str] = set()
    for label in table.labels:
        written = norm(label.text)
        if written in official_keys:
            covered.add(written)
            continue
        if key == "t3" and _is_note(label.text):
            if norm(label.text) != norm(nf.T3_NOTE):
                yield Finding(
                    "T006",
                    label.pos,
                    Message(
                        f"{tname.zh}勾稽关系说明应为「{nf.T3_NOTE}」",
                        f'{tname.en}: the 勾稽 note should read "{nf.T3_NOTE}"',
                    ),
                    table=key,
                    expected=nf.T3_NOTE,
                    actual=label.text,
                )
            continue
        match = best_match(label.text, official, HEADER_SIMILARITY)
        if match is not None:
            covered.add(norm(match[0]))
            if _lacks_only_unit(label.text, match[0]):
                continue
            message = Message(
                f"{tname.zh}表头「{label.text}」应为「{match[0]}」",
                f'{tname.en} header "{label.text}" should read "{match[0]}"',
            )
            expected: str | None = match[0]
        else:
            message = Message(
                f"{tname.zh}表头中出现规定格式以外的文字「{label.text}」",
                f'{tname.en} header has text the format does not have: "{label.text}"',
            )
            expected = None
        yield Finding("T006", label.pos, message, table=key, expected=expected, actual=label.text)
    for wanted in official:
        if norm(wanted) not in covered:
            yield Finding(
                "T006",
                table.pos,
                Message(f"{tname.zh}缺少表头「{wanted}」", f'{tname.en} lacks the header "{wanted}"'),
                table=key,
                expected=wanted,
            )


@rule("T007", Severity.ERROR, "缺少勾稽关系说明或金额单位", "the 勾稽 note or the （单位：万元） unit is missing")
def note_and_unit(report: Report) -> Iterator[Finding]:
    """
    表三左上角须保留说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”；
    表二收费金额须注明“（单位：万元）”，否则读者无法核对数据、无法知道金额单位。
    错误示例：表三左上角为空；表头写“本年收费金额”。正确示例：保留勾稽说明；写“本年收费金额（单位：万元）”。
    ---
    Table 3 keeps its 勾稽 note in the top-left cell; the table 2 fee header states the unit （单位：万元）.
    Failing: an empty top-left cell; "本年收费金额". Passing: the note; "本年收费金额（单位：万元）".
    """
    t3 = report.tables.get("t3")
    if t3 is not None and not any(_is_note(label.text) for label in t3.labels):
        yield Finding(
            "T007",
            t3.pos,
            Message(f"表三缺少勾稽关系说明「{nf.T3_NOTE}」", f'Table 3 lacks the 勾稽 note "{nf.T3_NOTE}"'),
            table="t3",
            expected=nf.T3_NOTE,
        )
    t2 = report.tables.get("t2")
    if t2 is not None and not any(norm(nf.T2_UNIT) in norm(label.text) for label in t2.labels):
        fee_header = nf.T2_BLOCKS[-1].rows[0].columns[0].label
        near = best_match(fee_header, tuple(label.text for label in t2.labels), HEADER_SIMILARITY)
        pos = next((label.pos for label in t2.labels if near and label.text == near[0]), t2.pos)
        yield Finding(
            "T007",
            pos,
            Message(
                f"表二收费金额须注明单位「{nf.T2_UNIT}」", f'Table 2: the fee header must state the unit "{nf.T2_UNIT}"'
            ),
            table="t2",
            expected=fee_header,
        )
