"""``--format csv`` (issue 21): one row per report with its key figures, readable by a spreadsheet with the Chinese
intact — read back with Python's csv module, and by LibreOffice (headless) where it is installed."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from checks.cli import main
from tests.conftest import CLEAN_TEXT, EXAMPLES
from tests.documents import SOFFICE, opened_by_libreoffice

# LibreOffice's spreadsheet (Calc), which reads a CSV file: a separate package from its word processor.
CALC = SOFFICE is not None and any(Path(SOFFICE).resolve().parent.glob("libsclo.so"))


def _rows(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, str]]:
    main(["check", "--format", "csv", *args])
    out = capsys.readouterr().out
    assert out.startswith("\ufeff")  # Excel reads UTF-8 only with the byte order mark
    return list(csv.DictReader(io.StringIO(out[1:])))


def test_one_row_per_report_with_its_figures_and_counts(capsys: pytest.CaptureFixture[str]) -> None:
    rows = {Path(row["文件"]).name: row for row in _rows(capsys, str(EXAMPLES))}
    assert set(rows) == {"clean.txt", "faulty.txt"}
    clean = rows["clean.txt"]
    assert clean["机关"] == "示例县自然资源局" and clean["年度"] == "2025"
    assert (clean["本年新收申请"], clean["予以公开"], clean["部分公开"], clean["办理结果总计"]) == (
        "15",
        "6",
        "2",
        "14",
    )
    assert clean["实质公开率"] == "57.1%"  # (6 + 2) / 14
    assert clean["复议纠错率"] == "0.0%"  # 0 corrected of the 1 review decided
    assert (clean["错误"], clean["警告"]) == ("0", "0")
    faulty = rows["faulty.txt"]
    assert (faulty["错误"], faulty["警告"], faulty["A"], faulty["R"]) == ("6", "4", "3", "3")


def test_english_headings(capsys: pytest.CaptureFixture[str]) -> None:
    [row] = _rows(capsys, "--lang", "en", str(EXAMPLES / "clean.txt"))
    assert row["agency"] == "示例县自然资源局" and row["disclosure rate"] == "57.1%"


def test_a_name_that_reads_as_a_formula_stays_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("=HYPERLINK(1).txt").write_text(CLEAN_TEXT.replace("示例县自然资源局", "@示例县自然资源局"), encoding="utf-8")
    [row] = _rows(capsys, "=HYPERLINK(1).txt")
    assert row["文件"] == "'=HYPERLINK(1).txt" and row["机关"] == "'@示例县自然资源局"


def test_an_unreadable_file_still_has_its_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    [row] = _rows(capsys, str(tmp_path / "empty.txt"))
    assert row["错误"] == "1" and row["I"] == "1" and row["本年新收申请"] == ""


@pytest.mark.skipif(not CALC, reason="LibreOffice Calc is not installed; .ci/run installs it")
def test_libreoffice_opens_it_with_the_chinese_intact(tmp_path: Path) -> None:
    table = tmp_path / "figures.csv"
    assert main(["check", "--format", "csv", "-o", str(table), str(EXAMPLES)]) == 1
    content = opened_by_libreoffice(table, "ods", tmp_path, infilter="CSV:44,34,76,1")  # 76: UTF-8
    cells = [
        "".join(cell.itertext()) for cell in content.iter("{urn:oasis:names:tc:opendocument:xmlns:table:1.0}table-cell")
    ]
    assert "实质公开率" in cells and "示例县自然资源局" in cells  # (76: the file's UTF-8, as Excel reads its BOM)
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    rates = {
        cell.get(f"{{{office}}}value") for cell in content.iter() if cell.get(f"{{{office}}}value-type") == "percentage"
    }
    assert "0.571" in rates  # 57.1% read as a percentage, a number to sort and chart by
