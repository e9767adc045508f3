"""X002 and X003 (the figures carried from one year to the next), and finding last year's report: beside the file,
anywhere in its repository, or named with --previous."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from checks.cli import main
from checks.engine import lint_file
from checks.findings import Finding, Severity
from checks.model import Report
from checks.previous import find_beside, load
from checks.rules import selected
from checks.sources import parser_for
from checks.writers import writer_for
from tests.conftest import CLEAN_TEXT, line_of

CARRIED_OVER = "二、上年结转政府信息公开申请数量\t\t\t1\t0\t0\t0\t0\t0\t1"  # this year's row II, as clean.txt has it
CARRIED_FORWARD = "四、结转下年度继续办理\t\t\t1\t1\t0\t0\t0\t0\t2"  # row IV
NORMATIVE = "行政规范性文件\t2\t1\t15"  # 表二: issued 2, repealed 1, in force 15
LICENCES = "行政许可\t36\t\t"
AGENCY = "示例县自然资源局"
assert (
    CARRIED_OVER in CLEAN_TEXT and CARRIED_FORWARD in CLEAN_TEXT and NORMATIVE in CLEAN_TEXT and LICENCES in CLEAN_TEXT
)


def _last_year(forward: str = "1\t0\t0\t0\t0\t0\t1", normative: str = "2\t1\t14") -> str:
    """clean.txt as the 2024 report: by default it carries forward what 2025 reports carried over, and its
    normative documents in force (14) lead to 2025's 15 (14 + 2 − 1)."""
    text = CLEAN_TEXT.replace("2025", "2024")
    text = text.replace(CARRIED_FORWARD, f"四、结转下年度继续办理\t\t\t{forward}")
    # Last year's own 行政许可 figure: its 表二 is never this year's whole (that is X006's, not X002's or X003's).
    return text.replace(NORMATIVE, f"行政规范性文件\t{normative}").replace(LICENCES, "行政许可\t30\t\t")


LAST_ONE_OFF = _last_year("1\t1\t0\t0\t0\t0\t1")  # carries 1 request of a business forward; 2025 has 0 carried over


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _column_of(line: str, index: int) -> int:
    """The 1-based column of the ``index``-th value cell of a tab-separated row (after its label cells)."""
    cells = line.split("\t")
    values = [i for i, cell in enumerate(cells) if cell and i > 0]
    at = values[index]
    return len("\t".join(cells[:at])) + 2


def _x(path: Path, code: str = "X002", previous: Path | None = None) -> tuple[Finding, ...]:
    result = lint_file(path, selected([code], None), previous=previous)
    assert result.crash is None, result.crash
    return result.findings


# --- X002 ---------------------------------------------------------------------------------------------------------
def test_x002_at_the_one_differing_cell(tmp_path: Path) -> None:
    last = _write(tmp_path / "2024.txt", LAST_ONE_OFF)
    this = _write(tmp_path / "2025.txt", CLEAN_TEXT)
    [finding] = _x(this)
    line = line_of(CLEAN_TEXT, CARRIED_OVER)
    assert (finding.rule, finding.pos.line, finding.pos.column) == ("X002", line, _column_of(CARRIED_OVER, 1))
    assert (finding.table, finding.row, finding.col) == ("t3", "carried_over", "business")
    assert (finding.expected, finding.actual, finding.related) == (1, 0, ())
    last_line = line_of(LAST_ONE_OFF, "四、结转下年度继续办理")
    assert "2024.txt" in finding.message.zh and f"第 {last_line} 行" in finding.message.zh
    assert "列为 1" in finding.message.zh and "商业企业" in finding.message.zh
    assert f"line {last_line}" in finding.message.en and "carries 1 forward" in finding.message.en
    assert lint_file(this, selected(["X002"], None)).findings[0].severity is Severity.ERROR
    assert last.exists()


def test_x002_one_finding_per_differing_column(tmp_path: Path) -> None:
    # Carries 1 1 … 2 forward; 2025 has 1 0 … 1 (and last year had other new requests: its 表三 is its own).
    last = _last_year("1\t1\t0\t0\t0\t0\t2").replace("\t\t\t12\t2\t0\t0\t1\t0\t15", "\t\t\t11\t2\t0\t0\t1\t0\t14")
    assert last != _last_year("1\t1\t0\t0\t0\t0\t2")
    _write(tmp_path / "2024.txt", last)
    this = _write(tmp_path / "2025.txt", CLEAN_TEXT)
    found = [(f.col, f.expected, f.actual, f.pos.column) for f in _x(this)]
    assert found == [("business", 1, 0, _column_of(CARRIED_OVER, 1)), ("total", 2, 1, _column_of(CARRIED_OVER, 6))]


def test_x002_passes_when_every_column_agrees(tmp_path: Path) -> None:
    _write(tmp_path / "2024.txt", _last_year())
    assert _x(_write(tmp_path / "2025.txt", CLEAN_TEXT)) == ()


@pytest.mark.parametrize(
    "forward",
    [
        "1\t1\t0\t0\t0\t/\t2",  # a cell without a number (T004's)
        "1\t1\t0\t0\t0\t2",  # a cell too few (T003's)
    ],
)
def test_x002_skips_a_row_it_cannot_read(tmp_path: Path, forward: str) -> None:
    _write(tmp_path / "2024.txt", _last_year(forward))
    assert _x(_write(tmp_path / "2025.txt", CLEAN_TEXT)) == ()
    _write(tmp_path / "2024.txt", LAST_ONE_OFF)
    this = CLEAN_TEXT.replace(CARRIED_OVER, "二、上年结转政府信息公开申请数量\t\t\t1\t—\t0\t0\t0\t0\t1")
    assert _x(_write(tmp_path / "2025.txt", this)) == ()


def test_x002_needs_the_same_agency_and_the_year_before(tmp_path: Path) -> None:
    _write(tmp_path / "other.txt", LAST_ONE_OFF.replace(AGENCY, "示例县水利局"))
    _write(tmp_path / "2023.txt", LAST_ONE_OFF.replace("2024", "2023"))
    assert _x(_write(tmp_path / "2025.txt", CLEAN_TEXT)) == ()


def _json_findings(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[dict[str, object]]]:
    status = main([*argv, "--format", "json"])
    document = json.loads(capsys.readouterr().out)
    return status, [f for file in document["files"] for f in file["findings"]]


def test_x002_when_only_this_years_file_is_passed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path / "2024.txt", LAST_ONE_OFF)
    this = _write(tmp_path / "2025.txt", CLEAN_TEXT)
    status, findings = _json_findings([str(this), "--select", "X002"], capsys)
    assert status == 1
    assert [(f["rule"], f["line"], f["column"], f["col"]) for f in findings] == [
        ("X002", line_of(CLEAN_TEXT, CARRIED_OVER), _column_of(CARRIED_OVER, 1), "business")
    ]


@pytest.mark.parametrize("git", ["folder", "file"])  # a clone, or a worktree or submodule (.git is a file)
def test_x002_across_year_folders_of_a_repository(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, git: str
) -> None:
    repo = tmp_path / "publication"
    if git == "folder":
        (repo / ".git").mkdir(parents=True)
    else:
        _write(repo / ".git", "gitdir: ../elsewhere/.git/worktrees/publication\n")
    _write(repo / "reports" / "2024" / "自然资源局.txt", LAST_ONE_OFF)
    this = _write(repo / "reports" / "2025" / "自然资源局.txt", CLEAN_TEXT)
    monkeypatch.chdir(repo)  # as pre-commit runs: from the repository, with the paths of the staged files
    status, findings = _json_findings(["reports/2025/自然资源局.txt", "--select", "X002"], capsys)
    assert status == 1
    [finding] = findings
    assert (finding["line"], finding["column"]) == (line_of(CLEAN_TEXT, CARRIED_OVER), _column_of(CARRIED_OVER, 1))
    assert "reports/2024/自然资源局.txt" in str(finding["message"])  # the same name as this year's: a path
    assert find_beside(this, _report(this)) == (repo / "reports" / "2024" / "自然资源局.txt").resolve()


def _report(path: Path) -> Report:
    report = load(path)
    assert report is not None
    return report


def test_the_nearest_of_several_is_used_and_hidden_and_readme_files_are_not(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    this = _write(repo / "county" / "2025" / "a.txt", CLEAN_TEXT)
    near = _write(repo / "county" / "2024" / "a.txt", _last_year())
    _write(repo / "archive" / "old" / "2024" / "a.txt", LAST_ONE_OFF)
    assert find_beside(this, _report(this)) == near.resolve()
    assert _x(this) == ()
    other = tmp_path / "other"  # the index is made once per process and repository: a new one
    (other / ".git").mkdir(parents=True)
    this = _write(other / "county" / "2025" / "a.txt", CLEAN_TEXT)
    _write(other / "archive" / "old" / "2024" / "a.txt", _last_year())
    nearer = _write(other / "archive" / "2024" / "a.txt", LAST_ONE_OFF)
    assert find_beside(this, _report(this)) == nearer.resolve()
    assert [f.col for f in _x(this)] == ["business"]


def test_hidden_folders_and_non_report_names_are_not_searched(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    this = _write(repo / "2025" / "a.txt", CLEAN_TEXT)
    _write(repo / ".cache" / "2024" / "a.txt", LAST_ONE_OFF)
    _write(repo / "node_modules" / "x" / "a.txt", LAST_ONE_OFF)
    _write(repo / "2024" / "README.md", LAST_ONE_OFF)
    assert find_beside(this, _report(this)) is None


def test_year_folders_without_git_are_searched_from_their_parent(tmp_path: Path) -> None:
    _write(tmp_path / "reports" / "2024" / "a.txt", LAST_ONE_OFF)
    this = _write(tmp_path / "reports" / "2025" / "a.txt", CLEAN_TEXT)
    assert [f.col for f in _x(this)] == ["business"]


def test_without_git_or_year_folders_nothing_above_the_folder_is_searched(tmp_path: Path) -> None:
    # A folder not named for the year says nothing about where other years are (a download folder, a temporary
    # folder): walking its parent would read unrelated files and could pick up some other copy.
    _write(tmp_path / "archive" / "last.txt", LAST_ONE_OFF)
    this = _write(tmp_path / "inbox" / "this.txt", CLEAN_TEXT)
    assert _x(this) == ()


def test_x002_with_previous_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = _write(tmp_path / "archive" / "old.txt", LAST_ONE_OFF)
    this = _write(tmp_path / "inbox" / "this.txt", CLEAN_TEXT)
    status, findings = _json_findings([str(this), "--select", "X002", "--previous", str(last)], capsys)
    assert status == 1
    assert [(f["line"], f["col"], f["expected"], f["actual"]) for f in findings] == [
        (line_of(CLEAN_TEXT, CARRIED_OVER), "business", 1, 0)
    ]
    assert _json_findings([str(this), "--select", "X002"], capsys) == (0, [])


# --- X003 ---------------------------------------------------------------------------------------------------------
def test_x003_passes_when_in_force_follows(tmp_path: Path) -> None:
    _write(tmp_path / "2024.txt", _last_year(normative="3\t0\t14"))
    assert _x(_write(tmp_path / "2025.txt", CLEAN_TEXT), "X003") == ()


def test_x003_gives_the_computation_at_this_years_in_force_cell(tmp_path: Path) -> None:
    last = _last_year(normative="2\t1\t15")  # 15 + 2 − 1 = 16, yet 2025 reports 15
    _write(tmp_path / "2024.txt", last)
    this = _write(tmp_path / "2025.txt", CLEAN_TEXT)
    [finding] = _x(this, "X003")
    assert (finding.pos.line, finding.pos.column) == (line_of(CLEAN_TEXT, NORMATIVE), _column_of(NORMATIVE, 2))
    assert (finding.table, finding.row, finding.col, finding.expected, finding.actual) == (
        "t2",
        "normative",
        "in_force",
        16,
        15,
    )
    assert "15 + 本年制发件数 2 − 本年废止件数 1" in finding.message.zh and "应为 16" in finding.message.zh
    last_line = line_of(last, "行政规范性文件\t2\t1\t15")
    assert f"第 {last_line} 行" in finding.message.zh
    assert "last year's 15 in" in finding.message.en and "+ 2 issued − 1 repealed" in finding.message.en
    result = lint_file(this, selected(["X003"], None))
    assert result.findings[0].severity is Severity.WARNING


def test_x003_checks_rules_too_one_finding_per_row(tmp_path: Path) -> None:
    rules = "规章\t0\t0\t0"
    last = _last_year(normative="2\t1\t15").replace(rules, "规章\t0\t0\t2")  # 2 rules in force, 2025 says 0
    _write(tmp_path / "2024.txt", last)
    found = [(f.row, f.expected, f.actual) for f in _x(_write(tmp_path / "2025.txt", CLEAN_TEXT), "X003")]
    assert found == [("rules", 2, 0), ("normative", 16, 15)]


def test_x003_accepts_fewer_in_force_when_the_text_says_documents_were_amended(tmp_path: Path) -> None:
    _write(tmp_path / "2024.txt", _last_year(normative="2\t1\t15"))  # 16 computed, 15 reported
    amended = CLEAN_TEXT.replace(
        "全年新收政府信息公开申请15件", "本年制发行政规范性文件2件（含修改1件）。全年新收政府信息公开申请15件"
    )
    assert amended != CLEAN_TEXT
    assert _x(_write(tmp_path / "2025.txt", amended), "X003") == ()


# --- the acceptance in every source format ---------------------------------------------------------------------
def _as(text: str, name: str, fmt: str) -> str:
    parser = parser_for(".txt")
    assert parser is not None
    return writer_for(fmt)(parser(name, tuple(text.split("\n"))))


@pytest.mark.parametrize(("this_format", "last_format"), [("md", "md"), ("yaml", "yaml"), ("txt", "yaml")])
def test_x002_and_x003_in_every_format(tmp_path: Path, this_format: str, last_format: str) -> None:
    last = _last_year("1\t1\t0\t0\t0\t0\t1", normative="2\t1\t15")
    _write(tmp_path / f"2024.{last_format}", _as(last, "2024.txt", last_format))
    this_text = _as(CLEAN_TEXT, "2025.txt", this_format)
    this = _write(tmp_path / f"2025.{this_format}", this_text)
    result = lint_file(this, selected(["X002", "X003"], None))
    assert result.crash is None, result.crash
    found = [(f.rule, f.row, f.col, f.expected, f.actual) for f in result.findings]
    assert sorted(found) == [("X002", "carried_over", "business", 1, 0), ("X003", "normative", "in_force", 16, 15)]
    lines = this_text.split("\n")
    for finding in result.findings:
        label = "二、上年结转" if finding.rule == "X002" else "行政规范性文件"
        assert label in lines[finding.pos.line - 1]
        expected_raw = str(finding.actual)
        at = lines[finding.pos.line - 1][finding.pos.column - 1 :]
        assert at.startswith(expected_raw), (finding.rule, at)


# --- X006 ---------------------------------------------------------------------------------------------------------
COPIED = CLEAN_TEXT.replace("2025", "2024")  # last year's report with exactly this year's figures


@pytest.mark.parametrize("fmt", ["txt", "md", "yaml", "html", "docx"])
def test_x006_once_for_tables_kept_from_last_year_and_not_x002_x003(tmp_path: Path, fmt: str) -> None:
    from tests.variants import WRITERS

    WRITERS[fmt](COPIED, tmp_path / f"{AGENCY}2024.{fmt}")
    this = tmp_path / f"{AGENCY}2025.{fmt}"
    WRITERS[fmt](CLEAN_TEXT, this)
    found = lint_file(this, selected(["X002", "X003", "X006"], None)).findings
    assert [f.rule for f in found] == ["X006"], found
    [finding] = found
    assert finding.severity is Severity.WARNING and finding.table == "t2"
    # (表四's one review and one suit are 4 figures: the same two years running is no sign of copying)
    assert "表二、表三的" in finding.message.zh and f"{AGENCY}2024.{fmt}" in finding.message.zh


def test_x006_passes_this_years_figures_and_tables_of_few_figures(tmp_path: Path) -> None:
    _write(tmp_path / f"{AGENCY}2024.txt", _last_year("2\t0\t0\t0\t0\t0\t2"))
    this = _write(tmp_path / f"{AGENCY}2025.txt", CLEAN_TEXT)
    assert _x(this, "X006") == ()  # 表二 and 表三 differ, 表四 has 1 review and 1 suit: fewer than 5 figures
    assert [f.col for f in _x(this, "X002")] == ["natural", "total"]  # and the carried figures are still compared


def test_x006_names_only_the_tables_that_are_the_same(tmp_path: Path) -> None:
    _write(tmp_path / f"{AGENCY}2024.txt", COPIED.replace(NORMATIVE, "行政规范性文件\t3\t1\t15"))
    this = _write(tmp_path / f"{AGENCY}2025.txt", CLEAN_TEXT)
    [finding] = _x(this, "X006")
    assert "表三" in finding.message.zh and "表二" not in finding.message.zh and finding.table == "t3"
