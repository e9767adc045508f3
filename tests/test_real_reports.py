"""The real published reports in tests/data, each with every finding it must give (rule, line; "w" a warning).

These are public documents nobody here wrote (sources in tests/data/*/README.md). A new false alarm, a lost true
finding, a changed severity or a finding moved to another line fails here. Most files are the beginnings of pages,
cut mid-report: R001, T002, T003 and T006 at an excerpt's last line come from the cut, and no title line (R005) is
what the excerpt starts with. Nothing else is an error unless the report is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.engine import lint_file
from checks.findings import Severity
from checks.rules import selected

DATA = Path(__file__).resolve().parent / "data"

EXPECTED = {
    # 表二 header （历史累计） and one blank cell: warnings; cut inside 表三 at line 83.
    "corpus/05-wuhan-hanyang-qufuban-2022.txt": "R005:1 R007:2w T006:11w T004:16w R001:83 T002:83 T006:83",
    # "/" across the 规章 row of a county bureau and blank zeros whose sums hold: warnings; cut at line 90.
    "corpus/07-qu-tongjiju-2023-sixparts-five-listed.txt": "R005:1 R007:2w T004:15w T004:63w R001:90 T002:90 T006:90",
    # Cut inside 表三 at line 31.
    "corpus/09-baotou-jiuyuan-zhengwufuwu-2022.txt": "R007:3w R001:31 T002:31 T003:31",
    # A 2022 report citing the 2019 notice with the 2021 tables: an outdated reference (warning); cut at 213.
    "corpus/15-xixian-taipingzhen-2022-cites-2019-notice.txt": "R007:3w R010:5w R001:213 T002:213",
    # A garbled title (warning); 现行有效件 is altered wording (a true T006 error); cut at line 137.
    "corpus/16-changtu-qijiazizhen-2023-garbled-title.txt": (
        "R005:5w R007:9w T006:25 R001:137 T002:137 T003:137 T006:137"
    ),
    # The three tables published as images: T001 and R012 for each part.
    "corpus/17-shenyang-hunnan-guoziju-2022-tables-missing.txt": (
        "R005:1 R012:14 T001:14 R012:15 T001:15 R012:16 T001:16"
    ),
    # 一、二、三 reused inside 总体情况 are not parts; the excerpt ends in part 一.
    "corpus/19-wenzhou-shangwuju-2024-heading-collision.txt": "R005:1 R007:2w R001:9",
    # A mirror in traditional characters: not read as a report (a gap, named in the closing note).
    "corpus/20-wuhan-shengtaihuanjing-2020-hubei-2019format.txt": "I006:1",
    # 2020, rightly in the 2019 format, so checked against it (湖北's added 其他主动公开文件 row included): no
    # R010; template text left in; cut inside 表三 at line 38.
    "real-reports/11-qianjiang-zhoujijiedao-2020-2019format-templatetext.txt": (
        "R005:1 R007:2w R004:4w R004:32w R011:33w R001:38 T002:38 T003:38"
    ),
    # The complete page: exactly its four real defects, all warnings (its sums hold).
    "real-reports/r2-01-shuyang-fagaiju-2023.html": "R005:20w T006:282w T004:420w R004:1197w",
    # Cut at line 26 inside the （二） label.
    "real-reports/r2-05-zhanjiang-difangzhiban-2023.txt": "R005:1 R007:2w R001:26 T002:26 T003:26 T006:26",
    # A mirror in traditional characters (一、總體情況): the part is found, its wording a warning.
    "real-reports/r2-07-xingguo-liangcunzhen-2024.txt": "R005:1 R004:3w R007:3w R001:14",
    # A 2024 report citing the 2019 notice: warning.
    "real-reports/r2-09-xingren-dashanzhen-2024.txt": "R010:2w R007:3w R001:12",
    "real-reports/r2-11-ruian-tangxiazhen-2024.txt": "R005:1 R001:14",
    "real-reports/r2-13-yangling-shenjiju-2022.txt": "R005:1 R001:30 T002:30",
    "real-reports/r2-15-wendeng-caizhengju-2025.txt": "R001:15",
    # Cut inside 表二 at line 17: one T002 for the rows, one R001 for the parts.
    "real-reports/r2-17-laifeng-zhengwuju-2021.txt": "R005:1 R001:17 T002:17",
    # （一）…（五） items inside 总体情况 are not parts; cut inside 表三 at line 31.
    "real-reports/r2-19-haizhu-guanzhoujiedao-2023.txt": "R005:1 R007:1w R001:31 T002:31 T003:31",
    # （三）政府信息管理情况 is an item of 总体情况, not part 三.
    "real-reports/r2-21-xishan-houqiaojiedao-2023.txt": "R005:1 R007:2w R001:6",
    "real-reports/r2-23-ruian-anyangjiedao-2023.txt": "R005:1 R001:9",
    "real-reports/r2-25-daye-bumen-2025.txt": "R005:1 R001:12",
    # （三）政府信息管理情况 is an item of 总体情况, not part 三.
    "real-reports/r2-27-anyi-renshe-2023.txt": "R005:1 R001:10",
    # A title without the agency (error), 规范性文件 (warning); cut at line 75 inside a header.
    "real-reports/r2-29-changan-tongjiju-2023.txt": "R005:1 R007:3w T006:30w R001:75 T002:75 T006:75",
    # （三）政府信息管理情况 is an item of 总体情况, not part 三.
    "real-reports/r2-31-xiangyang-zhengfuban-2023.txt": "R005:1 R001:10",
    # The customer's own report: T003 on each of its 25 ragged 表三 rows; part 六 says only 无.
    "seeds/000_d58e218e6b818927.txt": (
        "T003:53 T003:54 T003:55 T003:56 T003:57 T003:58 T003:59 T003:60 T003:61 T003:62 "
        "T003:63 T003:64 T003:65 T003:66 T003:67 T003:68 T003:69 T003:70 T003:71 T003:72 "
        "T003:73 T003:74 T003:75 T003:76 T003:77 R009:99w"
    ),
}


def _found(path: Path) -> str:
    result = lint_file(path, selected(None, None))
    assert result.crash is None
    return " ".join(f"{f.rule}:{f.pos.line}{'w' if f.severity is Severity.WARNING else ''}" for f in result.findings)


def test_every_real_report_is_listed() -> None:
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*") if p.suffix in (".txt", ".html")}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_real_report_gives_exactly_its_findings(name: str) -> None:
    assert _found(DATA / name) == EXPECTED[name]


def test_the_complete_real_page_gives_its_real_defects_once_each() -> None:
    result = lint_file(DATA / "real-reports/r2-01-shuyang-fagaiju-2023.html", selected(None, None))
    by_rule = {f.rule: f for f in result.findings}
    assert sorted(by_rule) == ["R004", "R005", "T004", "T006"] and len(result.findings) == 4
    assert "125 个单元格空白" in by_rule["T004"].message.zh and "各项合计均成立" in by_rule["T004"].message.zh
    assert by_rule["T006"].actual == "规范性文件" and "整改措施" in by_rule["R004"].message.zh
    assert all(f.severity is Severity.WARNING for f in result.findings)


def test_a_copy_that_names_itself_a_report_but_cannot_be_read_is_told_so(tmp_path: Path) -> None:
    # A mirror in traditional characters, and the clean example flattened onto one line (reference §6.6): not
    # "not a report", but a report that cannot be checked item by item.
    from tests.conftest import CLEAN_TEXT

    flat = tmp_path / "flat.txt"
    flat.write_text(" ".join(line for line in CLEAN_TEXT.split("\n") if line.strip()), encoding="utf-8")
    for path in (DATA / "corpus/20-wuhan-shengtaihuanjing-2020-hubei-2019format.txt", flat):
        [finding] = lint_file(path, selected(None, None)).findings
        assert finding.rule == "I006" and "无法逐项检查" in finding.message.zh, path
    notes = tmp_path / "notes.txt"
    notes.write_text("会议记录：下周三讨论网站改版。\n", encoding="utf-8")
    [finding] = lint_file(notes, selected(None, None)).findings
    assert "不是政府信息公开工作年度报告" in finding.message.zh
