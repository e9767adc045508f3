"""Family T (wording): row and column labels in the official wording, the 勾稽 note and the 万元 unit."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from checks import labels
from checks import national_format as nf
from checks.findings import Finding, Message, Severity
from checks.labels import Likeness
from checks.model import Report, Table, Text
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
    for key, table in names.checked_tables(report):
        yield from _row_labels(key, table)
        yield from _header_labels(key, table)


def _differs(key: str, label: Text, official: str, subject: Message, row: str | None = None) -> Iterator[Finding]:
    """T006 for a label that is not ``official``: nothing when only punctuation or the 条例's words differ, a
    warning for a variant compliant reports write, an error for other words."""
    likeness = labels.compare(label.text, official)
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
    )


def _row_labels(key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(key)
    subject = Message(f"{tname.zh}行标签", f"{tname.en} row label")
    for row in table.rows:
        if row.label is not None:
            yield from _differs(key, row.label, names.spec(key, row.key).label, subject, row=row.key)


def _header_labels(key: str, table: Table) -> Iterator[Finding]:
    tname = names.table(key)
    official = tuple(label for label in nf.HEADER_LABELS[key] if label != nf.T3_NOTE)
    exact_keys = {labels.exact(label): label for label in official}
    covered: set[str] = set()
    for label in table.labels:
        written = exact_keys.get(labels.exact(label.text))
        if written is not None:
            covered.add(written)
            continue
        if key == "t3" and _is_note(label.text):
            subject = Message(f"{tname.zh}勾稽关系说明", f"{tname.en}: the 勾稽 note")
            yield from _differs(key, label, nf.T3_NOTE, subject)
            continue
        match = _header_for(label.text, official)
        if match is not None:
            covered.add(match)
            if not _lacks_only_unit(label.text, match):
                yield from _differs(key, label, match, Message(f"{tname.zh}表头", f"{tname.en} header"))
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
    labelled = _labelled_rows(key)
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
def _labelled_rows(key: str) -> dict[str, frozenset[str]]:
    """The rows each header of a table labels: a 表二 block's marker and columns its rows, a 表三 group its rows."""
    rows: dict[str, set[str]] = {}
    if key == "t2":
        for block in nf.T2_BLOCKS:
            for spec in block.rows:
                for label in (block.marker, *(column.label for column in spec.columns)):
                    rows.setdefault(label, set()).add(spec.key)
    elif key == "t3":
        for spec in nf.T3_ROWS:
            if spec.group:
                rows.setdefault(spec.group, set()).add(spec.key)
    return {label: frozenset(keys) for label, keys in rows.items()}


def _header_for(text: str, official: tuple[str, ...]) -> str | None:
    """The official header a written one stands for: as a variant (checks.labels), else as a mistyped copy."""
    loose = labels.loose(text)
    variant = labels.listed_variant(text)
    found = next((label for label in official if labels.loose(label) == loose or label == variant), None)
    if found is not None:
        return found
    match = best_match(text, official, HEADER_SIMILARITY)
    return match[0] if match else None


@rule("T007", Severity.ERROR, "缺少勾稽关系说明或金额单位", "the 勾稽 note or the （单位：万元） unit is missing")
def note_and_unit(report: Report) -> Iterator[Finding]:
    """
    表三左上角须保留说明“（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”；
    表二收费金额须注明“（单位：万元）”，否则读者无法核对数据、无法知道金额单位。
    缺少说明或单位，数字无法核对，是错误；写作“（万元）”等其他形式的单位视为已注明（措辞由 T006 提示）。
    错误示例：表三左上角为空；表头写“本年收费金额”。正确示例：保留勾稽说明；写“本年收费金额（单位：万元）”。
    ---
    Table 3 keeps its 勾稽 note in the top-left cell; the table 2 fee header states the unit （单位：万元）.
    Without them the figures cannot be checked: an error; a unit written otherwise ("（万元）") counts (T006
    notes the wording).
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
    t2 = dict(names.checked_tables(report)).get("t2")
    fees = nf.T2_BLOCKS[-1].rows[0].key
    # Without its fee row (T002), a 表二 has no fee header to carry the unit.
    if (
        t2 is not None
        and t2.row(fees) is not None
        and not any(nf.T2_UNIT_WORD in norm(label.text) for label in t2.labels)
    ):
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
