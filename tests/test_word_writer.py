"""Word as an output format (issue 18): ``convert --to docx`` and ``init -o 2026.docx`` write the official layout
(title, six parts, the three tables with the merged header and group cells of the notice's attachment), and the
linter reads it back with the findings of its source, for every example, every source format and every mutation
family. The document is also opened by LibreOffice (a real Word-compatible program) where it is installed.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from checks.cli import main
from checks.writers.place import Merge, lay_out, merges
from tests.conftest import CLEAN_TEXT, CORPUS, EXAMPLES, SEED, to_pipe_layout
from tests.documents import SOFFICE, model_of, opened_by_libreoffice
from tests.test_convert import MUTATIONS, _findings, _model
from tests.variants import FORMATS, WRITERS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")


def _to_docx(source: Path, out: Path) -> Path:
    assert main(["convert", str(source), "--to", "docx", "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("name", ["clean.txt", "faulty.txt"])
def test_examples_read_back_with_the_same_findings_and_places(tmp_path: Path, name: str) -> None:
    out = _to_docx(EXAMPLES / name, tmp_path / "report.docx")
    assert zipfile.is_zipfile(out)
    assert _findings(out, lines=False) == _findings(EXAMPLES / name, lines=False)
    model, source = model_of(out), _model(EXAMPLES / name)
    assert [s.heading.text for s in model.sections] == [s.heading.text for s in source.sections]
    for key, table in source.tables.items():  # every row and cell where the source has it
        written = model.tables[key]
        assert [(r.key, [c.raw for c in r.cells]) for r in written.rows] == [
            (r.key, [c.raw for c in r.cells]) for r in table.rows
        ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_source_format_converts_to_docx_with_its_findings(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / f"faulty.{fmt}"
    WRITERS[fmt](FAULTY_TEXT, source)
    out = _to_docx(source, tmp_path / "out.docx")
    # A YAML report's schema findings (S001) are about its data form; in any other form it is its text's report.
    expected = EXAMPLES / "faulty.txt" if fmt == "yaml" else source
    assert _findings(out, lines=False) == _findings(expected, lines=False)


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_every_mutation_family_survives_docx(tmp_path: Path, name: str) -> None:
    source = tmp_path / "report.txt"
    source.write_text(MUTATIONS[name](CLEAN_TEXT), encoding="utf-8")
    before = _findings(source, lines=False)
    assert before, "the mutation should be found"
    assert _findings(_to_docx(source, tmp_path / "out.docx"), lines=False) == before


@pytest.mark.parametrize("source", [SEED, *sorted(CORPUS.glob("*.txt"))], ids=lambda p: p.name[:24])
def test_real_reports_keep_their_findings_through_docx(tmp_path: Path, source: Path) -> None:
    out = _to_docx(source, tmp_path / "out.docx")
    assert _findings(out, lines=False) == _findings(source, lines=False)


def test_header_and_group_cells_are_merged_as_on_the_attachment() -> None:
    model = _model(EXAMPLES / "clean.txt")
    grid = lay_out(model.tables["t3"], model.spec)
    spans = {grid.lines[m.line][m.column]: m for m in merges(grid) if grid.lines[m.line][m.column]}
    width = grid.width
    assert spans["申请人情况"] == Merge(0, 3, 1, 7)
    assert spans["法人或其他组织"] == Merge(1, 4, 1, 5)
    assert spans["自然人"].down == 2 and spans["总计"].down == 2
    assert spans["三、本年度办理结果"].across == 1 and spans["三、本年度办理结果"].down > 20
    assert spans["（一）予以公开"].across == 2  # its label fills the group-label column it has no use for
    assert spans["（七）总计"].across == 2 and spans["3.其他"] == Merge(spans["（七）总计"].line - 1, 2, 1, 1)
    assert spans["（六）其他处理"].down == 3 and spans["四、结转下年度继续办理"].across == 3
    # No data cell is ever merged: a blank one stays a cell of its own.
    for merge in merges(grid):
        span = grid.values[merge.line]
        if span is not None and span[0] <= merge.column < span[1]:
            assert (merge.down, merge.across) == (1, 1)
    t4 = lay_out(model.tables["t4"], model.spec)
    found = {t4.lines[m.line][m.column]: m for m in merges(t4) if t4.lines[m.line][m.column]}
    assert found["行政复议"].across == 5 and found["行政诉讼"].across == 10
    assert width == 10


def test_blank_cell_stays_its_own_cell_in_word(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(MUTATIONS["blank-cell"](CLEAN_TEXT), encoding="utf-8")
    out = _to_docx(source, tmp_path / "out.docx")
    body = etree.fromstring(zipfile.ZipFile(out).read("word/document.xml"))
    t3 = body.findall(f".//{W}tbl")[1]
    total = next(row for row in t3.iter(f"{W}tr") if "（七）总计" in "".join(row.itertext()))
    spans = [
        int(tc.find(f"{W}tcPr/{W}gridSpan").get(f"{W}val"))
        for tc in total
        if tc.tag == f"{W}tc"
        if tc.find(f"{W}tcPr/{W}gridSpan") is not None
    ]
    assert all(span <= 2 for span in spans)  # only the label spans (its group column); no value cell does
    assert any(tc.tag == f"{W}tc" and not "".join(tc.itertext()) for tc in total)


def test_a_word_row_that_fills_only_its_total_reads_as_blank_cells_not_a_short_row(tmp_path: Path) -> None:
    """Blank for zero (reference §6: some offices fill only 总计): in a Word table the label's merged cell and the
    blank value cells after it are told apart, so the row has its seven cells, blank ones warned of (T004), not a
    row of one cell (T003, an error)."""
    pipes = to_pipe_layout(CLEAN_TEXT)
    line = next(row for row in pipes.split("\n") if row.startswith("一、本年新收"))
    label, *_, total = [cell.strip() for cell in line.split("|") if cell.strip()]
    source = tmp_path / "report.txt"
    source.write_text(pipes.replace(line, f"{label} |  |  |  |  |  |  | {total} |"), encoding="utf-8")
    out = _to_docx(source, tmp_path / "out.docx")
    row = model_of(out).tables["t3"].row("new")
    assert row is not None and [c.raw for c in row.cells] == ["", "", "", "", "", "", total]
    rules = {finding[0] for finding in _findings(out, lines=False)}
    assert "T003" not in rules and "T004" in rules
    assert _findings(out, lines=False) == _findings(source, lines=False)


def test_init_writes_a_word_template_the_linter_reads(tmp_path: Path) -> None:
    out = tmp_path / "2026.docx"
    assert main(["init", "--agency", "示例县自然资源局", "--year", "2026", "-o", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    model = model_of(out)
    assert [s.part for s in model.sections] == [1, 2, 3, 4, 5, 6]
    assert set(model.tables) == {"t2", "t3", "t4"}
    assert model.title is not None and "2026" in model.title.text
    assert main(["init", "--agency", "示例县自然资源局", "--year", "2026", "-o", str(out)]) == 2  # never over a file


def test_docx_is_written_only_to_a_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["convert", str(EXAMPLES / "clean.txt"), "--to", "docx"]) == 2
    assert "-o" in capsys.readouterr().err
    assert main(["init", "--agency", "示例县", "--year", "2026", "--format", "docx"]) == 2


def test_text_xml_cannot_hold_is_written_as_a_replacement_character(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    source.write_text(CLEAN_TEXT.replace("及时回应社会关切", "及时回应\x01社会关切"), encoding="utf-8")
    out = _to_docx(source, tmp_path / "out.docx")
    assert "回应\ufffd社会" in zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_reads_the_tables_with_their_merged_cells(tmp_path: Path) -> None:
    out = _to_docx(EXAMPLES / "clean.txt", tmp_path / "clean.docx")
    content = opened_by_libreoffice(out, "odt", tmp_path)
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0"}
    tables = content.findall(".//table:table", ns)
    assert len(tables) == 3
    t3 = tables[1]
    spanned = {
        "".join(cell.itertext()): (
            cell.get(f"{{{ns['table']}}}number-rows-spanned"),
            cell.get(f"{{{ns['table']}}}number-columns-spanned"),
        )
        for cell in t3.iter(f"{{{ns['table']}}}table-cell")
    }
    assert spanned["申请人情况"] == (None, "7")
    assert spanned["法人或其他组织"] == (None, "5")
    assert int(spanned["三、本年度办理结果"][0] or 1) > 20
