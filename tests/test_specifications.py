"""Reports checked against their specification (checks/specs): the 2019 format read as itself, R010 once for a later
report written in it, and rules that differ between specifications only through the specification's data."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks import specs
from checks.cli import main
from checks.engine import lint_file
from checks.facts import facts
from checks.findings import Finding, Severity
from checks.model import Report
from checks.reading import MAX_BYTES
from checks.rules import selected
from checks.rules.sections import heading_wording
from checks.rules.tables import value_range
from checks.rules.wording import label_wording
from checks.sources import read_report
from checks.specs import Specification
from tests.conftest import CLEAN_TEXT, line_of

ALL_RULES = selected(None, None)

# 表二 of the 2019 format (国办公开办函〔2019〕60号), in the tab layout of examples/clean.txt: documents made,
# published and in total; items against last year, whose change may be negative; 第二十条第（九）项 procurement.
T2_2019 = (
    "第二十条第（一）项\t\t\t",
    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
    "规章\t0\t0\t0",
    "规范性文件\t2\t2\t15",
    "第二十条第（五）项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政许可\t10\t-1\t36",
    "其他对外管理服务事项\t3\t0\t5",
    "第二十条第（六）项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
    "行政处罚\t5\t1\t12",
    "行政强制\t2\t0\t0",
    "第二十条第（八）项\t\t\t",
    "信息内容\t上一年项目数量\t本年增/减\t",
    "行政事业性收费\t1\t0\t",
    "第二十条第（九）项\t\t\t",
    "信息内容\t采购项目数量\t采购总金额\t",
    "政府集中采购\t4\t12.5\t",
)
# 表三's three （六） sub-rows of examples/clean.txt (1, 0 and 0 requests) as the 2019 format's single row.
OTHER_2019 = "\t（六）其他处理\t\t1\t0\t0\t0\t0\t0\t1"


def in_2019_format(text: str, year: int) -> str:
    """``text`` (examples/clean.txt) with the 2019 表二 and 表三, for ``year``, citing the 2019 notice."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("第二十条第（一）项"))
    end = next(i for i, line in enumerate(lines) if line.startswith("行政事业性收费"))
    lines[start : end + 1] = T2_2019
    other = next(i for i, line in enumerate(lines) if "（六）其他处理" in line)
    assert "3.其他" in lines[other + 2]
    lines[other : other + 3] = [OTHER_2019]
    return "\n".join(lines).replace("国办公开办函〔2021〕30号", "国办公开办函〔2019〕60号").replace("2025", str(year))


def _lint(tmp_path: Path, text: str, name: str = "report.txt", previous: Path | None = None) -> tuple[Finding, ...]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = lint_file(path, ALL_RULES, previous=previous)
    assert result.crash is None, result.crash
    return result.findings


def _built(tmp_path: Path, text: str, spec: Specification) -> Report:
    """The report of ``text`` built by ``spec`` (whatever the report would be read by), with its facts."""
    path = tmp_path / "built.txt"
    path.write_text(text, encoding="utf-8")
    loaded = read_report(path, MAX_BYTES)
    assert loaded is not None and loaded.build is not None
    report = loaded.build(spec)
    return report._replace(facts=facts(report))


def _spec(key: str) -> Specification:
    found = specs.get(key)
    assert found is not None
    return found


# --- the 2019 format read as itself --------------------------------------------------------------------------
def test_a_2020_report_in_the_2019_format_has_no_error(tmp_path: Path) -> None:
    findings = _lint(tmp_path, in_2019_format(CLEAN_TEXT, 2020))
    assert [(f.rule, f.pos.line, f.message.zh) for f in findings if f.severity is Severity.ERROR] == []
    assert "R010" not in [f.rule for f in findings]  # the right format for its year (the 2019 notice included)


def test_a_2023_report_in_the_2019_format_is_one_r010_and_no_table_cascade(tmp_path: Path) -> None:
    text = in_2019_format(CLEAN_TEXT, 2023)
    findings = _lint(tmp_path, text)
    [r010] = [f for f in findings if f.rule == "R010"]
    assert r010.severity is Severity.ERROR
    assert (r010.pos.line, r010.table) == (line_of(text, "本年新制作数量"), "t2")  # the first label of the old format
    assert (
        "国办公开办函〔2019〕60号" in r010.message.zh
        and "2023年度的报告应使用国办公开办函〔2021〕30号" in r010.message.zh
    )
    assert "重新统计填报" in r010.message.zh and "（六）其他处理" in r010.message.zh
    # Its tables are checked as the 2019 tables they are: no finding for each label the 2021 format lacks.
    assert [f.rule for f in findings if f.rule in ("T001", "T002", "T003", "T004", "T006", "T007")] == []
    assert [f.rule for f in findings if f.severity is Severity.ERROR] == ["R010"]


@pytest.mark.parametrize("year", [2020, 2023])
@pytest.mark.parametrize("to", ["txt", "md"])
def test_a_2019_format_report_converts_to_one_with_the_same_findings(tmp_path: Path, year: int, to: str) -> None:
    source = tmp_path / "report.txt"
    source.write_text(in_2019_format(CLEAN_TEXT, year), encoding="utf-8")
    converted = tmp_path / f"converted.{to}"
    assert main(["convert", str(source), "--to", to, "-o", str(converted)]) == 0
    shown = [(f.rule, f.severity, f.table, f.row, f.col) for f in lint_file(source, ALL_RULES).findings]
    assert [(f.rule, f.severity, f.table, f.row, f.col) for f in lint_file(converted, ALL_RULES).findings] == shown


def test_a_signed_column_may_be_negative_a_count_may_not(tmp_path: Path) -> None:
    spec = _spec("national-2019")
    text = in_2019_format(CLEAN_TEXT, 2020)
    assert list(value_range(_built(tmp_path, text, spec))) == []  # 行政许可 本年增/减 -1
    negative = text.replace("行政许可\t10\t-1\t36", "行政许可\t10\t-1\t-36")
    [finding] = value_range(_built(tmp_path, negative, spec))
    assert (finding.row, finding.actual, finding.pos.line) == ("licensing", "-36", line_of(negative, "行政许可\t"))


def test_in_force_is_not_compared_with_a_2019_table(tmp_path: Path) -> None:
    """X003 compares documents in force (t2_document_rows); last year's 2019 表二 counts those published."""
    last_2019 = tmp_path / "2020-2019format.txt"
    last_2019.write_text(in_2019_format(CLEAN_TEXT, 2020), encoding="utf-8")
    last_2021 = tmp_path / "2020.txt"
    # (its own new requests too: a 表三 that is this year's whole is X006's, not X002's)
    last_2021.write_text(
        CLEAN_TEXT.replace("2025", "2020")
        .replace("行政规范性文件\t2\t1\t15", "行政规范性文件\t2\t1\t9")
        .replace("\t\t\t12\t2\t0\t0\t1\t0\t15", "\t\t\t11\t2\t0\t0\t1\t0\t14"),
        "utf-8",
    )
    this = CLEAN_TEXT.replace("2025", "2021")
    assert "X003" in [f.rule for f in _lint(tmp_path, this, "2021.txt", previous=last_2021)]
    across = _lint(tmp_path, this, "2021.txt", previous=last_2019)
    assert "X003" not in [f.rule for f in across]
    # 表三 carries over across the formats, column by column, as within one (X002).
    within = _lint(tmp_path, this, "2021.txt", previous=last_2021)
    assert [(f.rule, f.col) for f in across if f.rule == "X002"] == [
        (f.rule, f.col) for f in within if f.rule == "X002"
    ]


# --- rules differ between specifications only through their data ----------------------------------------------
def _renamed(spec: Specification, key: str, label: str) -> Specification:
    """A variant of ``spec`` whose 表三 row ``key`` has another official label."""
    rows = tuple(row._replace(label=label) if row.key == key else row for row in spec.t3_rows)
    # A variant as the registry makes one: the base with some fields replaced, under a key of its own.
    return spec._replace(key=f"{spec.key}-renamed-{key}", t3_rows=rows, rows={**spec.rows, "t3": rows})


def test_a_renamed_official_row_label_is_accepted_by_the_specification_that_names_it(tmp_path: Path) -> None:
    national = specs.default()
    renamed = _renamed(national, "withheld_1", "1.属于国家秘密事项")
    text = CLEAN_TEXT.replace("1.属于国家秘密", "1.属于国家秘密事项")
    [altered] = label_wording(_built(tmp_path, text, national))
    assert (altered.row, altered.expected, altered.severity) == ("withheld_1", "1.属于国家秘密", None)
    assert list(label_wording(_built(tmp_path, text, renamed))) == []
    # And the other way round: the national label is altered wording by the variant's.
    [back] = label_wording(_built(tmp_path, CLEAN_TEXT, renamed))
    assert (back.row, back.expected) == ("withheld_1", "1.属于国家秘密事项")


def test_a_heading_a_variant_accepts_is_no_r004_there_and_a_known_variant_elsewhere(tmp_path: Path) -> None:
    text = CLEAN_TEXT.replace("六、其他需要报告的事项", "六、其他事项")
    assert list(heading_wording(_built(tmp_path, text, _spec("shandong-2021")))) == []
    [finding] = heading_wording(_built(tmp_path, text, specs.default()))
    assert finding.severity is None and "（常见写法）" in finding.message.zh  # the catalog's warning
    assert finding.expected == "六、其他需要报告的事项"
