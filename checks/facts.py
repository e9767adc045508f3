"""What is known about a report once it is read, found once for every rule: the format it is checked against, its
year, its agency, its level.

The format (``checks/specs``) is chosen per report: the one its metadata names (格式), else the configuration's
(``format``, ``per-file-format``), else the national format in force; then the report itself has its say. A report
whose tables are those of the format its specification replaced (2019's 表二 labels, 表三's single （六）其他处理
row), or whose year is before the specification's first and that shows none of its own signs, is read again by
that earlier format — the blocks read once, assembled again — so its tables are checked as what they are; R010
then says once that a later report used a superseded format.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from checks.model import Facts, Report, Table
from checks.normalize import norm
from checks.numbers import small_int
from checks.specs import Specification, default, get

Build = Callable[[Specification], Report]


def checked_report(build: Build, configured: str | None = None) -> Report:
    """The report built by the specification it is to be checked against, with its facts: the one its metadata
    names (格式, in a YAML report or Markdown front matter), else the configured one, else the national one."""
    spec = (get(configured) if configured is not None else None) or default()
    report = build(spec)
    declared = report.metadata.format if report.metadata is not None else None
    stated = get(declared.text) if declared is not None else None  # an unknown key is S001's (the schema's enum)
    if stated is not None and stated != spec:
        report = build(stated)
    earlier = _earlier_format(report)
    if earlier is not None:
        report = build(earlier)
    return report._replace(facts=facts(report))


def facts(report: Report) -> Facts:
    return Facts(year_of(report), agency_of(report), _is_township(report))


def year_of(report: Report) -> int | None:
    """The year reported on: the title's, else the metadata's (年度), else the 统计期限's first."""
    if report.year is not None:
        return report.year
    declared = report.metadata.year if report.metadata is not None else None
    if declared is not None and declared.text.isdigit() and (year := small_int(declared.text)) is not None:
        return year
    return report.period.start_year if report.period is not None else None


def agency_of(report: Report) -> str | None:
    """The agency: the title's, else the metadata's (机关)."""
    metadata = report.metadata
    return report.agency or (metadata.agency.text if metadata is not None and metadata.agency is not None else None)


def _is_township(report: Report) -> bool:
    """The level the metadata states (层级: 乡镇), else what the agency's name says."""
    metadata, spec = report.metadata, report.spec
    if metadata is not None and metadata.level is not None:
        return metadata.level.text == spec.township_level
    agency = agency_of(report)
    return agency is not None and _township(spec).search(norm(agency)) is not None


@cache
def _township(spec: Specification) -> re.Pattern[str]:
    return re.compile(spec.township)


def _earlier_format(report: Report) -> Specification | None:
    """The format the report is written in when it is the one its specification replaced, else None."""
    spec = report.spec
    earlier = get(spec.predecessor) if spec.predecessor is not None else None
    if earlier is None or report.unreadable:
        return None
    if any(superseded_labels(spec, table) for table in report.tables.values()) or _single_other_row(report):
        return earlier
    year = year_of(report)
    before = year is not None and earlier.last_year is not None and year <= earlier.last_year
    return earlier if before and not _own_signs(report) else None


def superseded_labels(spec: Specification, table: Table) -> list[str]:
    """The labels of ``table`` that only the format ``spec`` replaced has (2019's 表二: 本年新制作数量, …)."""
    olds = _superseded(spec)
    if not olds or table.key != "t2":
        return []
    labels = [*table.labels, *(row.label for row in table.unplaced if row.label is not None)]
    return [label.text for label in labels if norm(label.text).startswith(olds)]


@cache
def _superseded(spec: Specification) -> tuple[str, ...]:
    return tuple(map(norm, spec.superseded_t2_labels))


def _single_other_row(report: Report) -> bool:
    """表三's （六）其他处理 as one row: a label of the group with none of the rows the group has since 2021."""
    group, table = report.spec.t3_other_group, report.tables.get("t3")
    if group is None or table is None:
        return False
    sub_rows = [row.key for row in report.spec.t3_rows if row.group == group]
    labelled = any(norm(label.text).startswith(norm(group)) for label in table.labels)
    return labelled and not any(table.row(key) for key in sub_rows)


def _own_signs(report: Report) -> bool:
    """Whether the report's tables show rows only its specification has (2021's 本年制发件数 rows, 表三's
    （六）其他处理 sub-rows): then an early year is the report's mistake, not its format."""
    earlier = get(report.spec.predecessor or "")
    if earlier is None:
        return False
    for key, table in report.tables.items():
        theirs = {row.key for row in earlier.rows.get(key, ())}
        if any(row.key not in theirs for row in table.rows):
            return True
    return False
