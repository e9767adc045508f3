"""One assembly path: every source format's blocks become the report by its specification, with the source's own
positions (checks/sources/assemble.py), and a report keeps its own specification in a mixed run, in workers too."""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.config import load_config
from checks.engine import lint_file
from checks.rules import selected
from checks.run import run
from checks.sources import parser_for, read_report
from tests.conftest import CLEAN_TEXT, line_of
from tests.documents import html_page, word_document

ANCHOR = "全年新收政府信息公开申请15件"  # a paragraph of part 一; 表三 says 15 new requests
# A sentence with "|" in it: prose, not a table row. Its 12 contradicts 表三's 15 (X001).
PIPED = "全年新收政府信息公开申请12件（线上|线下），均已按期答复。"


def _with_paragraph(sentence: str) -> str:
    lines = CLEAN_TEXT.split("\n")
    index = line_of(CLEAN_TEXT, ANCHOR)
    lines[index:index] = ["", sentence]
    return "\n".join(lines)


def _write(text: str, path: Path) -> Path:
    """The report as a file of the format ``path`` names (the text form, a published page, or a Word document)."""
    if path.suffix == ".html":
        path.write_text(html_page(text, site=True), encoding="utf-8")
    elif path.suffix == ".docx":
        word_document(text, path)
    elif path.suffix in (".md", ".yaml"):
        source = path.with_suffix(".txt")
        source.write_text(text, encoding="utf-8")
        from checks.writers import writer_for

        parse = parser_for(".txt")
        assert parse is not None
        path.write_text(writer_for(path.suffix[1:])(parse(str(source), tuple(text.split("\n")))), encoding="utf-8")
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_a_paragraph_with_a_pipe_is_prose_and_its_wrong_figure_is_found(tmp_path: Path, suffix: str) -> None:
    path = _write(_with_paragraph(PIPED), tmp_path / f"report{suffix}")
    result = lint_file(path, selected(["X001"], None))
    assert result.crash is None
    (finding,) = result.findings
    assert (finding.rule, finding.expected, finding.actual) == ("X001", 15, 12)
    if suffix == ".txt":
        assert finding.pos.line == line_of(_with_paragraph(PIPED), PIPED)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".yaml", ".html", ".docx"])
def test_a_missing_last_part_is_placed_at_the_reports_last_text_line(tmp_path: Path, suffix: str) -> None:
    cut = CLEAN_TEXT.index("六、其他需要报告的事项")
    text = CLEAN_TEXT[:cut].rstrip() + "\n"
    path = _write(text, tmp_path / f"report{suffix}")
    result = lint_file(path, selected(["R001"], None))
    (finding,) = result.findings
    loaded = read_report(path, 5_000_000)
    assert loaded is not None and loaded.report is not None
    last = loaded.report.sections[-1]
    last_text = last.paragraphs[-1] if last.paragraphs else last.heading
    # On the line of the last text (not the page's </html>, nor a line past the text), in a Word document at its
    # paragraph.
    assert (finding.pos.line, finding.pos.place) == (last_text.pos.line, last_text.pos.place)
    if suffix == ".txt":
        assert finding.pos.line == len(text.rstrip().split("\n"))


def _shandong(text: str) -> str:
    """A 山东 report: part 六 headed 「六、其他事项」, with the province's two sub-items before the fee statement."""
    return text.replace(
        "六、其他需要报告的事项\n\n本年度未收取信息处理费。本机关未发生其他需要报告的事项。",
        "六、其他事项\n\n（一）人大代表建议和政协提案办理结果公开情况\n\n本年度办理人大代表建议12件、政协提案8件，"
        "办理结果均已公开。\n\n（二）政务公开工作创新情况\n\n本年度开设政策解读专栏。\n\n本年度未收取信息处理费。",
    )


@pytest.mark.parametrize("workers", [1, 2])
def test_a_provincial_variant_is_one_line_of_configuration_in_a_mixed_run(tmp_path: Path, workers: int) -> None:
    shandong = _shandong(CLEAN_TEXT)
    assert "六、其他事项" in shandong
    (tmp_path / ".zfxxgk-lint.yaml").write_text('per-file-format:\n  "shandong/**": shandong-2021\n', "utf-8")
    for folder in ("shandong", "national"):
        (tmp_path / folder).mkdir()
    for number in range(4):
        (tmp_path / "shandong" / f"s{number}.txt").write_text(shandong, encoding="utf-8")
        # The same report outside the province: its heading is a variant of the national one (R004, a warning).
        (tmp_path / "national" / f"n{number}.txt").write_text(shandong, encoding="utf-8")
        (tmp_path / "national" / f"c{number}.txt").write_text(CLEAN_TEXT, encoding="utf-8")
    config = load_config(None, tmp_path, None, None, False)
    results = run([tmp_path], config, parallel_min=1, workers=workers)
    by_name = {Path(r.path).name: [f.rule for f in r.findings] for r in results}
    assert len(by_name) == 12 and not any(r.crash for r in results)
    for number in range(4):
        assert by_name[f"s{number}.txt"] == []
        assert by_name[f"n{number}.txt"] == ["R004"]
        assert by_name[f"c{number}.txt"] == []


def test_front_matter_names_the_format_a_report_follows(tmp_path: Path) -> None:
    shandong = _write(_shandong(CLEAN_TEXT), tmp_path / "report.md")
    stated = "---\n格式: shandong-2021\n---\n" + shandong.read_text(encoding="utf-8")
    (tmp_path / "stated.md").write_text(stated, encoding="utf-8")
    assert [f.rule for f in lint_file(shandong, selected(None, None)).findings] == ["R004"]
    assert [f.rule for f in lint_file(tmp_path / "stated.md", selected(None, None)).findings] == []
