"""`zfxxgk-lint init`: a skeleton with every part, table and official label, zeros in every cell and placeholders
that R011 reports until they are replaced; with last year's report, the figures that carry over are filled in."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.cli import main
from checks.engine import lint_file
from checks.findings import Severity
from checks.model import Report
from checks.reading import read
from checks.rules import selected
from checks.sources import parser_for
from checks.specs import national_2021 as nf
from checks.writers.grid import layout
from tests.conftest import CLEAN_TEXT

AGENCY = "示例县自然资源局"
FORMATS = ("txt", "md", "yaml")


def _init(tmp_path: Path, name: str, *extra: str) -> Path:
    out = tmp_path / name
    assert main(["init", "--agency", AGENCY, "--year", "2026", "-o", str(out), *extra]) == 0
    return out


def _model(path: Path) -> Report:
    decoded = read(path)
    parser = parser_for(path.suffix)
    assert decoded.lines is not None and parser is not None
    return parser(str(path), decoded.lines)


@pytest.mark.parametrize("fmt", FORMATS)
def test_skeleton_has_every_part_table_label_and_zeros(tmp_path: Path, fmt: str) -> None:
    report = _model(_init(tmp_path, f"{AGENCY}2026.{fmt}"))
    assert report.title is not None and report.title.text == nf.TITLE_FORM.format(agency=AGENCY, year=2026)
    assert [s.heading.text for s in report.sections] == [p.heading for p in nf.PARTS]
    assert report.period is not None and (report.period.start_year, report.period.end_year) == (2026, 2026)
    overview = "".join(p.text for p in report.sections[0].paragraphs)
    assert all(topic.name in overview for topic in nf.OVERVIEW_TOPICS)
    assert nf.INFO_FEE in "".join(p.text for p in report.sections[5].paragraphs)
    assert set(report.tables) == {"t2", "t3", "t4"}
    for key, table in report.tables.items():
        assert [label.text for label in table.labels] == list(layout(key).header_labels())
        assert [r.key for r in table.rows] == [spec.key for spec in nf.ROWS[key]]
        assert [r.label.text if r.label else "" for r in table.rows] == [spec.label for spec in nf.ROWS[key]]
        for row, spec in zip(table.rows, nf.ROWS[key], strict=True):
            assert [c.raw for c in row.cells] == ["0"] * len(spec.columns)


@pytest.mark.parametrize("fmt", FORMATS)
def test_unfinished_skeleton_gives_only_placeholder_errors(tmp_path: Path, fmt: str) -> None:
    out = _init(tmp_path, f"{AGENCY}2026.{fmt}")
    result = lint_file(out, selected(None, None))
    assert result.crash is None, result.crash
    rules = [f.rule for f in result.findings]
    assert rules.count("R011") == len(nf.OVERVIEW_TOPICS) + 3  # the five topics, 问题, 改进, 信息处理费
    assert set(rules) == {"R011"}, rules  # no R001/R004/R005/R006, no T001–T007, no A00x
    assert {f.severity for f in result.findings} == {Severity.ERROR}  # an unfinished report is not ready
    assert main(["check", str(out)]) == 1  # …so the gate refuses it


def test_format_follows_the_output_suffix_else_txt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _init(tmp_path, "a.yml").read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=")
    assert _init(tmp_path, "b.md").read_text(encoding="utf-8").startswith(f"---\n机关: {AGENCY}\n年度: 2026\n---\n")
    assert (
        _init(tmp_path, "c.txt").read_text(encoding="utf-8").startswith(f"{AGENCY}2026年政府信息公开工作年度报告\n\n")
    )
    assert _init(tmp_path, "d.yaml", "--format", "yaml").read_text(encoding="utf-8").startswith("# yaml-language")
    # A name the linter would read as another format, or not read at all, is refused (nothing is written).
    for name, extra in (("e.txt", ["--format", "md"]), ("f.md", ["--format", "yaml"]), ("g.text", [])):
        assert main(["init", "--agency", AGENCY, "--year", "2026", "-o", str(tmp_path / name), *extra]) == 2
        assert "后缀" in capsys.readouterr().err and not (tmp_path / name).exists()
    assert main(["init", "--agency", AGENCY, "--year", "2026"]) == 0
    assert capsys.readouterr().out.startswith(f"{AGENCY}2026年政府信息公开工作年度报告\n")


def test_previous_carries_over_the_pending_requests_and_documents_in_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    last = tmp_path / "last.txt"
    last.write_text(
        CLEAN_TEXT.replace(
            "四、结转下年度继续办理\t\t\t1\t1\t0\t0\t0\t0\t2", "四、结转下年度继续办理\t\t\t3\t1\t0\t0\t1\t0\t5"
        )
        .replace("行政规范性文件\t2\t1\t15", "行政规范性文件\t2\t1\t17")
        .replace("规章\t0\t0\t0", "规章\t/\t0\t0"),  # unreadable: not carried over, and said so
        encoding="utf-8",
    )
    out = _init(tmp_path, f"{AGENCY}2026.txt", "--previous", str(last))
    err = capsys.readouterr().err
    t3 = _model(out).tables["t3"]
    carried, forward = t3.row("carried_over"), t3.row("carried_forward")
    assert carried is not None and [c.value for c in carried.cells] == [3, 1, 0, 0, 1, 0, 5]
    # Still pending until the author records the outcomes: 四 starts equal, so 一 + 二 = （七） + 四 holds.
    assert forward is not None and [c.value for c in forward.cells] == [3, 1, 0, 0, 1, 0, 5]
    t2 = _model(out).tables["t2"]
    normative, rules = t2.row("normative"), t2.row("rules")
    assert normative is not None and [c.value for c in normative.cells] == [0, 0, 17]
    assert rules is not None and [c.value for c in rules.cells] == [0, 0, 0]
    assert "二、上年结转政府信息公开申请数量" in err and "3、1、0、0、1、0、5" in err
    assert "已沿用上一年度数据：表二「行政规范性文件」现行有效件数：17" in err
    assert "未能沿用" in err and "表二「规章」" in err
    result = lint_file(out, selected(None, None), previous=last)
    assert {f.rule for f in result.findings} == {"R011"}


def test_previous_in_english_and_unreadable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    last = tmp_path / "last.txt"
    last.write_text(CLEAN_TEXT, encoding="utf-8")
    _init(tmp_path, "a.txt", "--previous", str(last), "--lang", "en")
    err = capsys.readouterr().err
    assert "carried over from last year" in err and "note:" not in err and "已沿用" not in err
    out = tmp_path / "b2027.txt"
    assert main(["init", "--agency", AGENCY, "--year", "2027", "--previous", str(last), "-o", str(out)]) == 0
    assert f"注意：{last} 是 2025 年度的报告，不是 2026 年度" in capsys.readouterr().err
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert (
        main(["init", "--agency", AGENCY, "--year", "2026", "--previous", str(empty), "-o", str(tmp_path / "c.txt")])
        == 2
    )
    assert not (tmp_path / "c.txt").exists()
    assert main(["init", "--agency", AGENCY, "--year", "2026", "--previous", str(tmp_path / "none.txt")]) == 2


def test_init_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "report.txt"
    out.write_text("mine", encoding="utf-8")
    assert main(["init", "--agency", AGENCY, "--year", "2026", "-o", str(out)]) == 2
    assert "已存在" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "mine"


def test_init_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--year", "2026"]) == 2  # --agency is required
    assert main(["init", "--agency", AGENCY, "--year", "二〇二六"]) == 2
    assert main(["init", "--agency", AGENCY, "--year", "1999"]) == 2
    assert main(["init", "--agency", " ", "--year", "2026"]) == 2
    assert main(["init", "--agency", AGENCY, "--year", "2026", "--format", "docx"]) == 2
    capsys.readouterr()


def test_last_years_report_is_found_as_check_finds_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A publication repository by year: last year's report of the agency is in reports/2025/.
    (tmp_path / ".git").mkdir()
    (tmp_path / "reports" / "2025").mkdir(parents=True)
    last = tmp_path / "reports" / "2025" / f"{AGENCY}.txt"
    last.write_text(CLEAN_TEXT, encoding="utf-8")
    out = tmp_path / "reports" / "2026" / f"{AGENCY}.txt"  # its folder does not exist yet: it is made
    assert main(["init", "--agency", AGENCY, "--year", "2026", "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"找到上一年度的报告：{last.resolve()}" in err and "已沿用上一年度数据" in err
    # So the skeleton does not fail X002 against the very report check will compare it with.
    assert "X002" not in {f.rule for f in lint_file(out, selected(None, None)).findings}
    # Another agency's report is not last year's.
    other = tmp_path / "reports" / "2026" / "另一个局.txt"
    assert main(["init", "--agency", "另一个局", "--year", "2026", "-o", str(other)]) == 0
    assert "找到上一年度" not in capsys.readouterr().err
