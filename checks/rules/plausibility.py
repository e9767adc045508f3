"""X005: values the agency cannot have, given its level (a township reporting 规章)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks import national_format as nf
from checks.findings import Finding, Message, Severity
from checks.model import Report
from checks.normalize import norm
from checks.rules import names, rule

_TOWNSHIP = re.compile(nf.TOWNSHIP)


def _is_township(report: Report) -> bool:
    """The level the metadata states (层级: 乡镇), else what the agency's name says."""
    metadata = report.metadata
    if metadata is not None and metadata.level is not None:
        return metadata.level.text == nf.TOWNSHIP_LEVEL
    agency = report.agency or (metadata.agency.text if metadata and metadata.agency else None)
    return agency is not None and _TOWNSHIP.search(norm(agency)) is not None


@rule("X005", Severity.WARNING, "数据与机关层级不符", "implausible for the agency (a township reporting 规章)")
def implausible_for_level(report: Report) -> Iterator[Finding]:
    """
    乡镇人民政府、街道办事处没有规章制定权（规章只能由省级和设区的市级人民政府制定），表二“规章”一行应全为 0。
    填了数字，通常是把规范性文件或上级规章误填在这一行。机关层级取元数据中的“层级”，没有时由标题中的机关名称判断。
    错误示例：“杨林镇”报告规章现行有效件数 3。正确示例：规章一行为 0，文件计入“行政规范性文件”。
    ---
    Townships and street offices cannot make 规章 (only provinces and 设区的市 can), so their table 2 row 规章
    must be all 0; a number there is usually a normative document or a higher-level rule in the wrong row. The
    level is the metadata's 层级, else read from the agency name in the title.
    Failing: a township with 3 rules in force. Passing: 0.
    """
    if not _is_township(report) or "t2" not in report.tables:
        return
    name = report.agency or "本机关"
    table = report.tables["t2"]
    for key in nf.TOWNSHIP_NONE_ROWS:
        row = table.row(key)
        if row is None:
            continue
        spec = names.spec("t2", key)
        for cell, column in zip(row.cells, spec.columns, strict=False):
            if cell.value:
                yield Finding(
                    "X005",
                    cell.pos,
                    Message(
                        f"「{name}」是乡镇（街道），没有{spec.label}制定权，表二「{spec.label}」行"
                        f"「{column.label}」应为 0，实际为 {cell.raw}",
                        f'"{name}" is a township or street office and cannot make {spec.label} ({spec.en}): '
                        f'table 2 row "{spec.label}", column "{column.label}" should be 0, but is {cell.raw}',
                    ),
                    expected=0,
                    actual=cell.value,
                    table="t2",
                    row=key,
                    col=column.key,
                )
