"""X005: values the agency cannot have, given its level (a township reporting 规章)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checks.findings import Finding, Message, Severity
from checks.model import Report
from checks.normalize import norm
from checks.rules import names, rule
from checks.specs import Specification


@cache
def _rule_makers(spec: Specification) -> re.Pattern[str]:
    return re.compile(spec.rule_makers)


def may_make_rules(report: Report) -> bool:
    """Whether the agency may make 规章: the State Council's ministries and the governments of provinces,
    municipalities, 设区的市 and 自治州 (reference §6.5), named so. Most agencies may not, so an agency the report
    does not name is taken for one that may not; a township never may."""
    facts = report.facts
    if facts.township:
        return False
    return facts.agency is not None and _rule_makers(report.spec).search(norm(facts.agency)) is not None


@rule("X005", Severity.WARNING, "数据与机关层级不符", "implausible for the agency (a township reporting 规章)")
def implausible_for_level(report: Report) -> Iterator[Finding]:
    """
    规章只能由国务院各部、委员会、中国人民银行、审计署和具有行政管理职能的直属机构（部门规章），以及省、自治区、
    直辖市和设区的市、自治州的人民政府（地方政府规章）制定（《中华人民共和国立法法》2015年版第八十条、第八十二条，
    2023年修正后为第九十一条、第九十三条）。乡镇人民政府、街道办事处无权制定规章，表二“规章”一行应全为 0；
    填了数字，通常是把规范性文件或上级规章误填在这一行。机关层级取元数据中的“层级”，没有时由标题中的
    机关名称推断，因此本规则为警告。
    错误示例：“杨林镇”报告规章现行有效件数 3。正确示例：规章一行为 0，文件计入“行政规范性文件”。
    ---
    Only the State Council's ministries, commissions and agencies with administrative functions (部门规章) and the
    people's governments of provinces, autonomous regions, municipalities, 设区的市 and 自治州 (地方政府规章) make
    规章 (立法法 2015, articles 80 and 82; articles 91 and 93 since the 2023 amendment). Townships and street
    offices cannot, so their table 2 row 规章 should be all 0; a number there is usually a normative document or a
    higher-level rule in the wrong row. The level is the metadata's 层级, else inferred from the agency name in
    the title, so this is a warning.
    Failing: a township with 3 rules in force. Passing: 0.
    """
    if not report.facts.township or "t2" not in report.tables:
        return
    name = report.facts.agency or "本机关"
    table, tname = report.tables["t2"], names.table(report.spec, "t2")
    for key in report.spec.township_none_rows:
        row = table.row(key)
        if row is None or not names.has_row(report.spec, "t2", key):
            continue
        official = names.row_spec(report.spec, "t2", key)
        for cell, column in zip(row.cells, official.columns, strict=False):
            if cell.value:
                yield Finding(
                    "X005",
                    cell.pos,
                    Message(
                        f"「{name}」为乡镇（街道），无权制定{official.label}，{tname.zh}「{official.label}」行"
                        f"「{column.label}」应为 0，实际为 {cell.raw}",
                        f'"{name}" is a township or street office and cannot make {official.label} ({official.en}): '
                        f'{tname.en.lower()} row "{official.label}", column "{column.label}" should be 0, '
                        f"but is {cell.raw}",
                    ),
                    expected=0,
                    actual=cell.value,
                    table="t2",
                    row=key,
                    col=column.key,
                )
