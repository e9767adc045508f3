"""Family T (wording): row and column labels in the official wording, the 勾稽 note and the 万元 unit."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from checks import labels
from checks.findings import Edit, Finding, Fix, Message, Severity, replacing
from checks.labels import Likeness
from checks.model import Position, Report, Table, Text
from checks.normalize import norm
from checks.rules import names, rule
from checks.specs import Specification


def _lacks_only_unit(spec: Specification, written: str, official: str) -> bool:
    """A header that is official but for the unit: T007 reports it, not T006."""
    return spec.t2_unit is not None and norm(official) == norm(written) + norm(spec.t2_unit)


@rule("T006", Severity.ERROR, "行或列标签与规定表述不一致", "a row or column label differs from the official wording")
def label_wording(report: Report) -> Iterator[Finding]:
    """
    表格的行标签、列标签应与国家格式一致。只是标点不同（“1、”与“1.”、“「」”与“”“”、“，”与“、”）或用了
    《条例》的措辞（“法人或者其他组织”）的，视为一致，不提示。
    多数合规报告采用的写法（“规范性文件”“本年收费金额（万元）”，括号内的补充说明如“现行有效件数（历史累计）”，
    或省去括号内的说明如“（二）部分公开”），行可照常识别、数字可照常核对，为警告，并给出规定表述。
    其他改动的文字，改变了统计口径，为错误。
    错误示例：“（二）部分公开（区分处理的，只计这一情况，不计其他情形）”“5.属于三类内容事务信息”“现行有效件”。
    正确示例：“（二）部分公开（区分处理的，只计这一情形，不计其他情形）”“5.属于三类内部事务信息”“现行有效件数”。
    ---
    Row and column labels follow the official wording. Other punctuation ("1、" for "1.", 「」 for “”, "，" for
    "、") or the 条例's words ("法人或者其他组织") count as the same and give nothing. What compliant reports
    commonly write ("规范性文件", "本年收费金额（万元）", a bracketed addition such as "现行有效件数（历史累计）", or
    the bracketed explanation left out, "（二）部分公开") is a warning naming the official label: the row is still
    identified and its figures checked. Other words change what is counted: an error.
    Failing: "只计这一情况", "内容事务信息", "现行有效件". Passing: the official labels.
    """
    for key, table in report.tables.items():
        yield from _row_labels(report.spec, key, table)
        yield from _header_labels(report.spec, key, table)


def _differs(
    spec: Specification, key: str, label: Text, official: str, subject: Message, row: str | None = None
) -> Iterator[Finding]:
    """T006 for a label that is not ``official``: nothing when only punctuation or the 条例's words differ, a
    warning for a variant compliant reports write, an error for other words."""
    likeness = labels.compare(label.text, official, spec=spec)
    if likeness is Likeness.SAME:
        return
    variant = likeness is Likeness.VARIANT
    verb_zh, verb_en = ("宜按规定写作", "is a common variant of the format's") if variant else ("应为", "should read")
    yield Finding(
        "T006",
        label.pos,
        Message(
            f"{subject.zh}「{label.text}」{verb_zh}「{official}」",
            f'{subject.en} "{label.text}" {verb_en} "{official}"',
        ),
        severity=Severity.WARNING if variant else None,
        table=key,
        expected=official,
        actual=label.text,
        row=row,
        fix=replacing([(label.pos, label.text)], official, Message(f"改为「{official}」", f'write "{official}"')),
    )


def _row_labels(spec: Specification, key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(spec, key)
    subject = Message(f"{tname.zh}行标签", f"{tname.en} row label")
    for row in table.rows:
        if row.label is not None:
            official = names.row_spec(spec, key, row.key).label
            yield from _differs(spec, key, row.label, official, subject, row=row.key)


def _header_labels(spec: Specification, key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(spec, key)
    vocabulary = labels.vocabulary(spec, key)
    note = vocabulary.note
    official = tuple(label for label in vocabulary.headers if label != note)
    exact_keys = _exact_keys(spec, key)
    covered: set[str] = set()
    for label in table.labels:
        written = exact_keys.get(labels.exact(spec, label.text))
        if written is not None:
            covered.add(written)
            continue
        if note is not None and vocabulary.is_note(label.text):
            subject = Message(f"{tname.zh}勾稽关系说明", f"{tname.en}: the 勾稽 note")
            yield from _differs(spec, key, label, note, subject)
            continue
        match = vocabulary.header(label.text, official)
        if match is not None:
            covered.add(match)
            if not _lacks_only_unit(spec, label.text, match):
                yield from _differs(spec, key, label, match, Message(f"{tname.zh}表头", f"{tname.en} header"))
            continue
        yield Finding(
            "T006",
            label.pos,
            Message(
                f"{tname.zh}表头中出现规定格式以外的文字「{label.text}」",
                f'{tname.en} header has text the format does not have: "{label.text}"',
            ),
            table=key,
            actual=label.text,
        )
    present = {row.key for row in table.rows}
    if not present:
        return  # no row at all (a copy cut short after the headers): T002 says so, once
    labelled = _labelled_rows(spec, key)
    for wanted in official:
        if wanted in labelled and present.isdisjoint(labelled[wanted]):
            continue  # every row it labels is missing (a block left out, a copy cut short): T002 says so, once
        if wanted not in covered:
            yield Finding(
                "T006",
                table.pos,
                Message(f"{tname.zh}缺少表头「{wanted}」", f'{tname.en} lacks the header "{wanted}"'),
                table=key,
                expected=wanted,
            )


@cache
def _exact_keys(spec: Specification, key: str) -> dict[str, str]:
    """The official headers of a table (the 勾稽 note aside) by the key under which a written one is the same."""
    vocabulary = labels.vocabulary(spec, key)
    return {labels.exact(spec, label): label for label in vocabulary.headers if label != vocabulary.note}


@cache
def _labelled_rows(spec: Specification, key: str) -> dict[str, frozenset[str]]:
    """The rows each header of a table labels: a 表二 block's marker and columns its rows, a 表三 group its rows."""
    rows: dict[str, set[str]] = {}
    if key == "t2":
        for block in spec.t2_blocks:
            for official in block.rows:
                for label in (block.marker, *(column.label for column in official.columns)):
                    rows.setdefault(label, set()).add(official.key)
    else:
        for official in spec.rows[key]:
            if official.group:
                rows.setdefault(official.group, set()).add(official.key)
    return {label: frozenset(keys) for label, keys in rows.items()}


@rule("T007", Severity.ERROR, "缺少勾稽关系说明或金额单位", "the 勾稽 note or the （单位：万元） unit is missing")
def note_and_unit(report: Report) -> Iterator[Finding]:
    """
    表三左上角须保留说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”；
    表二收费金额须注明“（单位：万元）”，否则读者无法核对数据、无法知道金额单位。
    缺少说明或单位，数字无法核对，是错误；写作“（万元）”等其他形式的单位视为已注明（措辞由 T006 提示）。
    2019年格式的表二没有规定金额单位，不检查单位。
    错误示例：表三左上角为空；表头写“本年收费金额”。正确示例：保留勾稽说明；写“本年收费金额（单位：万元）”。
    ---
    Table 3 keeps its 勾稽 note in the top-left cell; the table 2 fee header states the unit （单位：万元）.
    Without them the figures cannot be checked: an error; a unit written otherwise ("（万元）") counts (T006
    notes the wording). The 2019 format's table 2 names no unit, so none is asked for there.
    Failing: an empty top-left cell; "本年收费金额". Passing: the note; "本年收费金额（单位：万元）".
    """
    spec = report.spec
    t3 = report.tables.get("t3")
    vocabulary = labels.vocabulary(spec, "t3")
    if t3 is not None and vocabulary.note is not None and not any(vocabulary.is_note(x.text) for x in t3.labels):
        tname = names.table(spec, "t3")
        yield Finding(
            "T007",
            t3.pos,
            Message(
                f"{tname.zh}缺少勾稽关系说明「{spec.t3_note}」", f'{tname.en} lacks the 勾稽 note "{spec.t3_note}"'
            ),
            table="t3",
            expected=spec.t3_note,
            fix=_note_restored(report, t3, spec.t3_note),
        )
    t2 = report.tables.get("t2")
    fees = next((row for row in spec.t2_rows if row.fee), None)
    # Without its fee row (T002), a 表二 has no fee header to carry the unit; a format may name no unit (2019).
    if (
        t2 is None
        or fees is None
        or spec.t2_unit is None
        or spec.t2_unit_word is None
        or t2.row(fees.key) is None
        or any(spec.t2_unit_word in norm(label.text) for label in t2.labels)
    ):
        return
    fee_header = fees.columns[0].label
    among = (fee_header,)
    near = next((x for x in t2.labels if labels.vocabulary(spec, "t2").header(x.text, among) == fee_header), None)
    tname = names.table(spec, "t2")
    yield Finding(
        "T007",
        near.pos if near is not None else t2.pos,
        Message(
            f"{tname.zh}收费金额须注明单位「{spec.t2_unit}」",
            f'{tname.en}: the fee header must state the unit "{spec.t2_unit}"',
        ),
        table="t2",
        expected=fee_header,
        fix=None
        if near is None
        else replacing([(near.pos, near.text)], fee_header, Message(f"改为「{fee_header}」", f'write "{fee_header}"')),
    )


# Where a grid line's first cell is, when it is empty: a tab line's start, a Markdown row's first "| |".
_EMPTY_FIRST_CELL = {"\t": 1, "| |": 3}


def _note_restored(report: Report, table: Table, note: str) -> Fix | None:
    """The 勾稽 note written into the top-left cell of 表三 when that cell is there and empty (its first line starts
    with an empty cell), as the official layout has it; None when there is no such cell to write it in."""
    line = table.pos.line
    text = report.lines[line - 1] if 0 < line <= len(report.lines) else ""
    column = next((at for start, at in _EMPTY_FIRST_CELL.items() if text.startswith(start)), None)
    if column is None:
        return None
    place = table.pos.place._replace(cell=1) if table.pos.place is not None else None
    at = Position(line, column, place)
    return Fix(
        (Edit(at, at, "", note),), True, Message(f"在表三左上角补上「{note}」", "write the note in the top-left cell")
    )
