"""One report, five source formats: .txt, .md, .yaml, .html and .docx give the same findings (rule, row, column,
and how many).

Each case is written as .txt, converted with the writers to .md and .yaml, published as an HTML page (with a
site's navigation around it) and written as a Word document (tests/documents.py), and all five are linted. S001 exists
only where a source states data with types (YAML): there, each S001 must sit on a cell that a table rule
(T004/T005) also reports, which is the one expected difference.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from checks.engine import lint_file
from checks.findings import Finding
from checks.reading import read
from checks.rules import selected
from checks.sources import parser_for
from checks.writers import writer_for
from tests.conftest import CLEAN_TEXT, EXAMPLES
from tests.documents import html_page, word_document

FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
T3_APPLY = "三、本年度办理结果\t（一）予以公开\t\t5\t1\t0\t0\t0\t0\t6"

# One mutation of the clean example per rule family (S is YAML-only, see above).
VARIANTS = {
    "clean": CLEAN_TEXT,
    "faulty": FAULTY_TEXT,
    "R: altered heading, part 六 without the fee": CLEAN_TEXT.replace(
        "二、主动公开政府信息情况\n", "二、主动公开的政府信息情况\n"
    ).replace("本年度未收取信息处理费。本机关未发生其他需要报告的事项。", "无。"),
    "T: altered label, dropped cell, placeholder": CLEAN_TEXT.replace(
        "5.属于三类内部事务信息", "5.属于三类内容事务信息"
    )
    .replace(T3_APPLY, T3_APPLY.replace("\t0\t0\t6", "\t0\t6", 1))
    .replace("行政许可\t36", "行政许可\t/"),
    "A: one wrong 表三 cell": CLEAN_TEXT.replace(T3_APPLY, T3_APPLY.replace("\t5\t", "\t6\t", 1)),
    "X: a figure in the text, a township with 规章": CLEAN_TEXT.replace(
        "新收政府信息公开申请15件", "新收政府信息公开申请12件"
    )
    .replace("示例县自然资源局", "示例县示例镇人民政府")
    .replace("规章\t0\t0\t0", "规章\t0\t0\t2"),
}


def _key(finding: Finding) -> tuple[str, str | None, str | None]:
    return finding.rule, finding.row, finding.col


def _lint(path: Path) -> tuple[Finding, ...]:
    return lint_file(path, selected(None, None)).findings


def _written(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> dict[str, Path]:
    """The report as .txt, and converted from it to .md and .yaml (in the same encoding)."""
    source = tmp_path / f"{name}.txt"
    source.write_text(text, encoding=encoding)
    decoded = read(source)
    parse = parser_for(".txt")
    assert decoded.lines is not None and parse is not None
    model = parse(str(source), decoded.lines)
    paths = {"txt": source}
    for fmt in ("md", "yaml"):
        paths[fmt] = tmp_path / f"{name}.{fmt}"
        paths[fmt].write_text(writer_for(fmt)(model), encoding=encoding)
    return paths


def _published(tmp_path: Path, name: str, text: str) -> dict[str, Path]:
    """The report as an HTML page inside a site, and as a Word document."""
    page, document = tmp_path / f"{name}.html", tmp_path / f"{name}.docx"
    page.write_text(html_page(text, site=True), encoding="utf-8")
    word_document(text, document)
    return {"html": page, "docx": document}


@pytest.mark.parametrize("name", VARIANTS)
def test_every_format_gives_the_same_findings(tmp_path: Path, name: str) -> None:
    paths = _written(tmp_path, "report", VARIANTS[name])
    txt = Counter(map(_key, _lint(paths["txt"])))
    assert txt or name == "clean"
    assert Counter(map(_key, _lint(paths["md"]))) == txt
    yaml = _lint(paths["yaml"])
    assert Counter(_key(f) for f in yaml if f.rule != "S001") == txt
    table_cells = {pos for f in yaml if f.rule in ("T004", "T005") for pos in (f.pos, *f.related)}
    assert {f.pos for f in yaml if f.rule == "S001"} <= table_cells
    for fmt, path in _published(tmp_path, "report", VARIANTS[name]).items():
        assert Counter(map(_key, _lint(path))) == txt, fmt


def test_family_i_the_same_in_every_format(tmp_path: Path) -> None:
    paths = _written(tmp_path, "report", CLEAN_TEXT, encoding="gb18030")
    for path in paths.values():
        assert [f.rule for f in _lint(path)] == ["I002"], path


def test_findings_point_into_each_file(tmp_path: Path) -> None:
    paths = _written(tmp_path, "report", VARIANTS["A: one wrong 表三 cell"])
    for fmt, path in paths.items():
        lines = path.read_text(encoding="utf-8").split("\n")
        [a001] = [f for f in _lint(path) if f.rule == "A001"]
        line = lines[a001.pos.line - 1]
        assert "（一）予以公开" in line or fmt == "yaml", (fmt, line)
        assert line[a001.pos.column - 1 :].startswith("6"), (fmt, line, a001.pos)
