"""PDF reports (issue 19): read straight from the page, with the findings of their ``.txt`` form, each at its page
and line.

The PDFs are made here: every example and mutation family as LibreOffice exports the Word document ``convert --to
docx`` writes (the layout of a real office's export: 公文 page numbers in the footer, 表三 over a page break; all of
them in one soffice run, once per session), and drawn with reportlab where a test must say where a page breaks (a
row or a merged label cut by the page, a header repeated on each page, running headers and other page numbers).
Each gives the same findings as its ``.txt`` form, and each finding's page and line is where a reader of the PDF
finds its text: checked against the page's words as pdfplumber gives them, lines counted from the top.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from checks.cli import main
from checks.engine import lint_file
from checks.facts import checked_report
from checks.model import Place, Position, Report
from checks.rules import selected
from checks.sources import read_report
from checks.writers.place import lay_out
from tests.conftest import CLEAN_TEXT, EXAMPLES
from tests.pdf_documents import SOFFICE, Options, draw_report, export_with_libreoffice
from tests.test_convert import MUTATIONS, _findings

pdfplumber = pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) is not installed")

FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
TEXTS = {
    "clean": CLEAN_TEXT,
    "faulty": FAULTY_TEXT,
    **{f"mutation-{name}": mutate(CLEAN_TEXT) for name, mutate in MUTATIONS.items()},
}


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each report of ``TEXTS`` as LibreOffice exports its Word form, by name (beside it, its ``.txt`` form)."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/run installs it")
    folder = tmp_path_factory.mktemp("libreoffice")
    documents = []
    for name, text in TEXTS.items():
        source = folder / f"{name}.txt"
        source.write_text(text, encoding="utf-8")
        assert main(["convert", str(source), "--to", "docx", "-o", str(folder / f"{name}.docx")]) == 0
        documents.append(folder / f"{name}.docx")
    exported = export_with_libreoffice(documents, folder / "pdf", folder / "profile")
    return {document.stem: pdf for document, pdf in exported.items()}


def _read(path: Path) -> Report:
    loaded = read_report(path, 10**7)
    assert loaded is not None and loaded.build is not None, loaded
    return checked_report(loaded.build)


def _words_by_line(path: Path, page: int) -> list[str]:
    """The text of each line of a page, from the top, as pdfplumber's words give it (the oracle for places)."""
    with pdfplumber.open(path) as pdf:
        words = pdf.pages[page - 1].extract_words(x_tolerance=1.5)
    lines: list[tuple[float, list[str]]] = []
    for word in sorted(words, key=lambda w: w["top"] + w["bottom"]):
        middle = (word["top"] + word["bottom"]) / 2
        if not lines or middle - lines[-1][0] > 0.5 * (word["bottom"] - word["top"]):
            lines.append((middle, []))
        lines[-1][1].append(word["text"])
    return ["".join(texts) for _, texts in lines]


def _placed_where_the_page_shows_them(path: Path) -> None:
    """Every finding with a page and line is at a line of that page holding the text the finding points at."""
    result = lint_file(path, selected(None, None))
    assert result.crash is None, result.crash
    report = _read(path)
    pages: dict[int, list[str]] = {}
    for finding in result.findings:
        place = finding.pos.place
        if place is None or finding.pos.line < 1:
            continue
        assert place.page is not None and place.line is not None, finding
        text = report.lines[finding.pos.line - 1][finding.pos.column - 1 :].split("\t")[0]
        if not text:
            continue  # an empty cell: no text to find
        shown = pages.setdefault(place.page, _words_by_line(path, place.page))
        assert place.line <= len(shown), (finding, len(shown))
        assert text[:2] in shown[place.line - 1], (finding.rule, place, text, shown[place.line - 1])


# --- as LibreOffice exports the Word documents ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_libreoffice_exports_give_the_findings_of_their_txt_form(exported: dict[str, Path], name: str) -> None:
    pdf = exported[name]
    assert _findings(pdf, lines=False) == _findings(pdf.with_suffix("").parent.parent / f"{name}.txt", lines=False)
    _placed_where_the_page_shows_them(pdf)


@pytest.mark.parametrize("name", ["clean", "faulty"])
def test_a_libreoffice_export_reads_back_as_its_text_character_for_character(
    exported: dict[str, Path], name: str, tmp_path: Path
) -> None:
    # Paragraphs wrapped over lines and pages put together, headings on their own, tables on the official grid:
    # convert --to txt writes the model back, and it is the report the PDF was made from.
    out = tmp_path / "back.txt"
    assert main(["convert", str(exported[name]), "--to", "txt", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == TEXTS[name]


def test_libreoffice_breaks_table_three_over_a_page_with_a_page_number_between(exported: dict[str, Path]) -> None:
    # What the tests above stand on: the export has the shapes the issue names.
    with pdfplumber.open(exported["clean"]) as pdf:
        texts = [page.extract_text() for page in pdf.pages]
    (page,) = [n for n, text in enumerate(texts) if "（一）予以公开" in text]
    assert "（七）总计" in texts[page + 1] and "— 2 —" in texts[1]


def test_a_wrong_cell_is_named_at_its_page_and_line(exported: dict[str, Path]) -> None:
    result = lint_file(exported["faulty"], selected(["A001", "A002"], None))
    found = {f.rule: f for f in result.findings}
    assert set(found) == {"A001", "A002"}
    for finding in found.values():
        assert "「三、本年度办理结果 （一）予以公开」行「自然人」列，现为 6，应为 5" in finding.message.zh
    a001 = found["A001"].pos.place
    assert a001 is not None and a001.page == 2
    assert "（一）予以公开" in _words_by_line(exported["faulty"], 2)[a001.line - 1]  # type: ignore[operator]


# --- drawn with reportlab: page breaks where the test says -----------------------------------------------------


def _row(text: str, table: str, starting: str) -> int:
    """The line of the laid-out grid of ``table`` (as the writers lay it out) whose cell starts with ``starting``."""
    report = _text_report(text)
    grid = lay_out(report.tables[table], report.spec)
    return next(i for i, line in enumerate(grid.lines) if any(cell.startswith(starting) for cell in line))


def _text_report(text: str) -> Report:
    from checks.sources import parser_for

    parse = parser_for(".txt")
    assert parse is not None
    return parse("report.txt", tuple(text.split("\n")))


def _same_as_text(tmp_path: Path, text: str, options: Options | None = None) -> Path:
    source = tmp_path / "report.txt"
    source.write_text(text, encoding="utf-8")
    pdf = draw_report(text, tmp_path / "report.pdf", options)
    assert _findings(pdf, lines=False) == _findings(source, lines=False)
    _placed_where_the_page_shows_them(pdf)
    return pdf


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_drawn_reports_give_the_findings_of_their_txt_form(tmp_path: Path, name: str) -> None:
    _same_as_text(tmp_path, TEXTS[name])


def test_a_drawn_report_of_many_pages_reads_back_as_its_text(tmp_path: Path) -> None:
    text = _ten_pages(FAULTY_TEXT)
    pdf = draw_report(text, tmp_path / "report.pdf")
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) >= 7
    out = tmp_path / "back.txt"
    assert main(["convert", str(pdf), "--to", "txt", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == text


def _ten_pages(text: str) -> str:
    """The report with its prose as long as a 10-page report's (as bench/bench.py lengthens it)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
    from bench import ten_pages

    return str(ten_pages(text))


def _page_texts(pdf: Path) -> list[str]:
    with pdfplumber.open(pdf) as document:
        return [page.extract_text() for page in document.pages]


def test_a_merged_label_cut_by_the_page_is_put_together(tmp_path: Path) -> None:
    # 「（四）无法提供」 runs down three rows; the page breaks after the first, in a narrow column: its first line
    # stays above the break, the rest goes below, as in the real report the issue quotes.
    options = Options(break_before={("t3", _row(CLEAN_TEXT, "t3", "2.没有现成")): 0}, labels={"t3": (70, 40, 150)})
    pdf = _same_as_text(tmp_path, CLEAN_TEXT, options)
    texts = _page_texts(pdf)
    (page,) = [n for n, text in enumerate(texts) if "1.本机关不掌握相关政府信息" in text]
    assert "（四）" in texts[page] and "无法提供" not in texts[page].replace("\n", "")
    assert texts[page + 1].lstrip().startswith(("无法", "法提供")), texts[page + 1][:40]
    t3 = _read(pdf).tables["t3"]
    assert "（四）无法提供" in {label.text for label in t3.labels}


@pytest.mark.parametrize("text", [CLEAN_TEXT, MUTATIONS["blank-cell"](CLEAN_TEXT)], ids=["clean", "blank-cell"])
def test_a_row_cut_by_the_page_is_one_row(tmp_path: Path, text: str) -> None:
    # The row's first line of text, and its figures, above the break; the rest of its label below.
    options = Options(break_before={("t3", _row(text, "t3", "5.要求行政机关")): 1})
    pdf = _same_as_text(tmp_path, text, options)
    texts = _page_texts(pdf)
    assert any(text.lstrip().startswith("关确认") for text in texts), [t[:20] for t in texts]


@pytest.mark.parametrize("footer", ["- {n} -", "— {n} —", "第 {n} 页", "第{n}页 共3页", "{n}"])
def test_page_numbers_and_running_headers_are_no_text_of_the_report(tmp_path: Path, footer: str) -> None:
    options = Options(
        break_before={("t3", _row(FAULTY_TEXT, "t3", "2.其他法律")): 0}, footer=footer, header="示例县自然资源局"
    )
    _same_as_text(tmp_path, FAULTY_TEXT, options)


def test_a_header_repeated_on_each_page_is_read_once(tmp_path: Path) -> None:
    options = Options(break_before={("t3", _row(FAULTY_TEXT, "t3", "（四）无法提供")): 0}, repeat=3)
    pdf = _same_as_text(tmp_path, FAULTY_TEXT, options)
    texts = _page_texts(pdf)
    assert sum(text.count("申请人情况") for text in texts) == 2  # drawn twice, read once (no T002, T006)


def test_table_two_over_a_page_break(tmp_path: Path) -> None:
    options = Options(break_before={("t2", _row(FAULTY_TEXT, "t2", "行政处罚")): 0})
    _same_as_text(tmp_path, FAULTY_TEXT, options)


# --- places in the outputs -------------------------------------------------------------------------------------


def test_places_are_page_and_line_in_every_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pdf = draw_report(FAULTY_TEXT, tmp_path / "report.pdf")
    assert main(["check", str(pdf)]) == 1
    text = capsys.readouterr().out
    assert "report.pdf:第 2 页第" in text and ": A001 " in text
    assert main(["check", "--lang", "en", str(pdf)]) == 1
    assert "report.pdf:page 2, line " in capsys.readouterr().out
    assert main(["check", "--format", "json", str(pdf)]) == 1
    (entry,) = json.loads(capsys.readouterr().out)["files"]
    a001 = next(f for f in entry["findings"] if f["rule"] == "A001")
    assert set(a001["place"]) == {"page", "line"} and a001["place"]["page"] == 2
    assert main(["check", "--format", "sarif", str(pdf)]) == 1
    (result,) = [r for r in json.loads(capsys.readouterr().out)["runs"][0]["results"] if r["ruleId"] == "A001"]
    (logical,) = result["locations"][0]["logicalLocations"]
    assert logical["fullyQualifiedName"].startswith("第 2 页第 ")
    assert "region" not in result["locations"][0]["physicalLocation"]
    assert main(["check", "--format", "github", str(pdf)]) == 1
    assert "第 2 页第" in capsys.readouterr().out


def test_a_figure_inside_a_paragraph_is_at_its_own_line(tmp_path: Path) -> None:
    # X001 names a figure in the middle of a paragraph that wraps over lines: the line it is on, not the first.
    pdf = draw_report(FAULTY_TEXT, tmp_path / "report.pdf")
    result = lint_file(pdf, selected(["X001"], None))
    (finding,) = result.findings
    place = finding.pos.place
    assert place is not None and place.line is not None and place.page is not None
    assert "12" in _words_by_line(pdf, place.page)[place.line - 1]


def test_place_forms() -> None:
    place = Place(page=3, line=12)
    assert (place.zh, place.en, place.data()) == ("第 3 页第 12 行", "page 3, line 12", {"page": 3, "line": 12})
    assert Position(5, 1, place).zh == "第 3 页第 12 行"


def test_annotate_writes_the_findings_of_a_pdf_into_a_word_copy(tmp_path: Path) -> None:
    pdf = draw_report(FAULTY_TEXT, tmp_path / "report.pdf")
    out = tmp_path / "注.docx"
    assert main(["annotate", str(pdf), "-o", str(out)]) == 0
    assert out.stat().st_size > 0


# --- what cannot be read ---------------------------------------------------------------------------------------


def _scan(path: Path, pages: int = 2) -> Path:
    """A PDF of page images only, as a scanner makes."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    image = Image.new("L", (200, 280), 255)
    for x in range(20, 180):
        image.putpixel((x, 40), 0)
    drawing = canvas.Canvas(str(path))
    for _ in range(pages):
        drawing.drawImage(ImageReader(image), 50, 100, 495, 693)
        drawing.showPage()
    drawing.save()
    return path


def test_a_scan_is_one_i007(tmp_path: Path) -> None:
    result = lint_file(_scan(tmp_path / "scan.pdf"), selected(None, None))
    (finding,) = result.findings
    assert finding.rule == "I007" and "扫描件" in finding.message.zh and "Word" in finding.message.zh
    assert "scan" in finding.message.en


def test_fonts_without_a_character_map_are_one_i007(tmp_path: Path) -> None:
    # A Type 0 font with Identity-H encoding and no ToUnicode: pdfminer reads every glyph as (cid:N).
    from tests.pdf_documents import one_page, stream

    text = b"BT /F1 12 Tf 72 700 Td <0041004200430044004500460047> Tj ET"
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Unmapped /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Unmapped /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /Unmapped /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    )
    data = one_page(text, resources=b"<< /Font << /F1 5 0 R >> >>", more=font)
    path = tmp_path / "cid.pdf"
    path.write_bytes(data)
    (finding,) = lint_file(path, selected(None, None)).findings
    assert finding.rule == "I007" and "ToUnicode" in finding.message.zh
    del stream


def test_a_pdf_with_text_has_no_i007(tmp_path: Path) -> None:
    pdf = draw_report(CLEAN_TEXT, tmp_path / "report.pdf")
    assert lint_file(pdf, selected(None, None)).findings == ()


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"not a pdf at all", "PDF"), (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "损坏"), (b"", "PDF")],
    ids=["other-bytes", "truncated", "empty"],
)
def test_what_is_no_readable_pdf_is_i001_with_the_reason(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    (finding,) = lint_file(path, selected(None, None)).findings
    assert finding.rule == "I001" and words in finding.message.zh, finding.message.zh


def test_an_encrypted_pdf_is_i001_saying_so(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    drawing = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    drawing.drawString(72, 700, "report")
    drawing.save()
    (finding,) = lint_file(path, selected(None, None)).findings
    assert finding.rule == "I001" and "加密" in finding.message.zh and "encrypted" in finding.message.en


def test_a_pdf_encrypted_only_against_changes_is_read(tmp_path: Path) -> None:
    # Many published PDFs are "encrypted" with an owner password only (no copying, no editing): they open
    # without a password, and so are read.
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "protected.pdf"
    drawing = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("", "owner", canModify=0, canCopy=0))
    drawing.drawString(72, 700, "Annual report 2025")
    drawing.save()
    loaded = read_report(path, 10**7)
    assert loaded is not None and loaded.build is not None and loaded.findings == ()
    assert loaded.lines == ("Annual report 2025",)


_WITHOUT_PDFPLUMBER = """
import sys
sys.modules["pdfplumber"] = None  # as if the pdf extra were not installed
from checks.cli import main
sys.exit(main(["check", "--format", "json", sys.argv[1]]))
"""


def test_without_pdfplumber_a_pdf_is_one_finding_saying_how_to_install_it(tmp_path: Path) -> None:
    pdf = draw_report(CLEAN_TEXT, tmp_path / "report.pdf")
    done = subprocess.run(
        [sys.executable, "-c", _WITHOUT_PDFPLUMBER, str(pdf)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    (entry,) = json.loads(done.stdout)["files"]
    (finding,) = entry["findings"]
    assert finding["rule"] == "I001"
    assert "pipx inject zfxxgk-lint pdfplumber" in finding["message"]
    assert "pip install 'zfxxgk-lint[pdf]'" in finding["message"]


def _report_data(path: Path) -> dict[str, Any]:
    return _read(path).to_data()


def test_the_pdf_reads_into_the_model_of_its_txt_form(tmp_path: Path) -> None:
    pdf = draw_report(FAULTY_TEXT, tmp_path / "report.pdf")
    source = tmp_path / "report.txt"
    source.write_text(FAULTY_TEXT, encoding="utf-8")
    assert _report_data(pdf) == _report_data(source)


def test_nothing_pdfminer_logs_reaches_the_terminal(tmp_path: Path) -> None:
    # pdfminer warns, through logging, about a form drawing itself, naming the object: never printed.
    from tests.pdf_documents import raw_pdf, stream

    form = b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>"
    data = raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /XObject << /X 5 0 R >> >> >>",
            stream(b"/X Do"),
            stream(b"/X Do", form),
        ]
    )
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    done = subprocess.run(
        [sys.executable, "-m", "checks", "check", str(path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1 and done.stderr == "", done.stderr
