"""Word (``.docx``) in the official layout: the title, the six parts, and the three tables on the official grid with
the merged header and group cells of the 2021 notice's attachment, set as a 公文 is (A4, 仿宋 body, 黑体 part
headings, the title in 小标宋), so that an office can hand it out as the year's template and the linter reads it
back with the findings of its source.

Written with python-docx (made for writing Word documents, and what the linter's ``annotate`` adds its comments
with): the reader (``checks/sources/word.py``) reads the XML alone, so only writing needs it. ``layout`` also says
which element each piece of the model went into (``Written.anchors``), which ``annotate`` uses to put a source's
findings on the copy.
"""

from __future__ import annotations

import io
import re
from typing import TYPE_CHECKING, Any, NamedTuple

from checks.model import Position, Report, Row, Table
from checks.specs import Specification
from checks.writers.document import pieces
from checks.writers.place import Grid, lay_out, merges

if TYPE_CHECKING:
    from docx.document import Document

# 公文 type (GB/T 9704-2012): 二号 小标宋 title, 三号 黑体 part headings, 三号 仿宋 text; tables smaller, to fit 表三's
# ten columns on a portrait page. The Latin fallback keeps digits in a font every machine has.
TITLE_FONT, HEADING_FONT, BODY_FONT, TABLE_FONT, LATIN_FONT = (
    "方正小标宋简体",
    "黑体",
    "仿宋_GB2312",
    "宋体",
    "Times New Roman",
)
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = 22, 16, 9  # points
MARGINS_CM = (3.7, 3.5, 2.8, 2.6)  # top, bottom, left, right
TEXT_WIDTH_CM = 21 - MARGINS_CM[2] - MARGINS_CM[3]
VALUE_CM, GROUP_CM = 1.3, 1.5  # a value column at most; a group label column (三、本年度办理结果)
# What XML 1.0 cannot hold (C0 controls but tab and line ends, lone surrogates, U+FFFE/U+FFFF): such a character of
# the source is written as U+FFFD rather than stop the writing (lxml refuses it), and reads back as not the text.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class Written(NamedTuple):
    """A report laid out in a Word document. ``anchors``: (where a piece of the model is in its source, the element
    it was written into: a paragraph's ``w:p`` or a table cell's ``w:tc``), in the source's order."""

    document: Document
    anchors: tuple[tuple[Position, Any], ...]


def write(report: Report) -> bytes:
    """The report as the bytes of a ``.docx`` file."""
    out = io.BytesIO()
    layout(report).document.save(out)
    return out.getvalue()


def layout(report: Report) -> Written:
    import docx

    document = docx.Document()
    _set_page(document)
    anchors: list[tuple[Position, Any]] = []
    prose = report.prose()  # pieces() gives the prose in this order, tables between: the next one is a piece's source
    for piece in pieces(report):
        if piece.table is not None:
            anchors += _table(document, piece.table, report.spec)
            continue
        paragraph = document.add_paragraph(xml_text(piece.text))
        _shape(paragraph, piece.kind)
        source = next(prose, None)
        if source is not None:
            anchors.append((source.pos, paragraph._p))
    anchors.sort(key=lambda anchor: (anchor[0].line, anchor[0].column))
    return Written(document, tuple(anchors))


def _set_page(document: Document) -> None:
    from docx.shared import Cm, Pt

    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = map(Cm, MARGINS_CM)
    normal = document.styles["Normal"]
    normal.font.size = Pt(BODY_SIZE)
    _fonts(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.paragraph_format.line_spacing = Pt(28)  # 公文's fixed 28-point lines
    normal.paragraph_format.space_after = Pt(0)
    _page_numbers(section.footer.paragraphs[0])


def _page_numbers(paragraph: Any) -> None:
    """公文's page number at the foot of every page, 「— 3 —」 (a PAGE field: Word counts the pages)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.first_line_indent = 0
    pieces: list[tuple[str, str]] = [("text", "— "), ("begin", ""), ("code", " PAGE "), ("end", ""), ("text", " —")]
    for kind, text in pieces:
        run = paragraph.add_run(text if kind == "text" else "")
        run.font.size = Pt(14)  # 4号
        _fonts(run._r.get_or_add_rPr(), TABLE_FONT)
        if kind in ("begin", "end"):
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            run._r.append(mark)
        elif kind == "code":
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = text
            run._r.append(code)


def _shape(paragraph: Any, kind: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    form = paragraph.paragraph_format
    if kind == "title":
        form.alignment = WD_ALIGN_PARAGRAPH.CENTER
        form.space_after = Pt(BODY_SIZE)
        for run in paragraph.runs:
            run.font.size = Pt(TITLE_SIZE)
            _fonts(run._r.get_or_add_rPr(), TITLE_FONT)
        return
    form.first_line_indent = Pt(2 * BODY_SIZE)  # two characters, as every 公文 paragraph and heading
    if kind == "heading":
        form.keep_with_next = True
        for run in paragraph.runs:
            _fonts(run._r.get_or_add_rPr(), HEADING_FONT)


def _fonts(properties: Any, east_asian: str) -> None:
    from docx.oxml.ns import qn

    fonts = properties.get_or_add_rFonts()
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), east_asian)


def _table(document: Document, table: Table, spec: Specification) -> list[tuple[Position, Any]]:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    grid = lay_out(table, spec)
    width = max(map(len, grid.lines), default=1)
    written = document.add_table(rows=len(grid.lines), cols=width)
    written.style = document.styles["Table Grid"]
    cells: dict[tuple[int, int], Any] = {}
    for merge in merges(grid):
        cell = written.cell(merge.line, merge.column)
        if merge.down > 1 or merge.across > 1:
            cell = cell.merge(written.cell(merge.line + merge.down - 1, merge.column + merge.across - 1))
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = 0
        paragraph.paragraph_format.line_spacing = 1.0
        text = grid.lines[merge.line][merge.column]
        if text:
            _table_run(paragraph.add_run(xml_text(_cell(text))))
        cells[(merge.line, merge.column)] = cell._tc
    for row, line in zip(written.rows, grid.lines, strict=True):
        # A row written with fewer cells than the grid (a cell left out) ends early, as Word draws it.
        start = 0
        for tc in row._tr.tc_lst:  # (a merged cell is one w:tc over several grid columns)
            if start >= len(line):
                row._tr.remove(tc)
            start += tc.grid_span
    _set_widths(written, _widths(grid, width))
    return _table_anchors(table, grid, cells)


def _widths(grid: Grid, width: int) -> list[float]:
    """Column widths in cm: the values' columns narrow and equal, the row labels' column what is left after the
    group labels' (表三's 三、本年度办理结果 and （三）不予公开 columns)."""
    first_value = min((span[0] for span in grid.values if span is not None), default=0)
    values = width - first_value
    if first_value == 0 or values <= 0:
        return [TEXT_WIDTH_CM / width] * width
    value = min(VALUE_CM, TEXT_WIDTH_CM * 0.6 / values)
    groups = [GROUP_CM] * (first_value - 1)
    return [*groups, TEXT_WIDTH_CM - value * values - sum(groups), *[value] * values]


def _set_widths(table: Any, widths: list[float]) -> None:
    """The grid's column widths, and each cell's as the sum of the columns it spans (Word reads the cells')."""
    from docx.shared import Cm

    table.autofit = False
    for column, cm in zip(table.columns, widths, strict=False):
        column.width = Cm(cm)
    for row in table.rows:
        start = 0
        for tc in row._tr.tc_lst:
            span = tc.grid_span
            tc.width = Cm(sum(widths[start : start + span]))
            start += span


def _table_run(run: Any) -> None:
    from docx.shared import Pt

    run.font.size = Pt(TABLE_SIZE)
    _fonts(run._r.get_or_add_rPr(), TABLE_FONT)


def _table_anchors(table: Table, grid: Grid, cells: dict[tuple[int, int], Any]) -> list[tuple[Position, Any]]:
    """Where each label, row and cell of the model went: the data lines are the rows in source order, a row's
    cells its span's; a header label is the first header cell written with its text."""
    anchors: list[tuple[Position, Any]] = []
    rows: list[Row] = sorted((*table.rows, *table.unplaced), key=lambda r: (r.pos.line, r.pos.column))
    data_lines = [(index, span[0]) for index, span in enumerate(grid.values) if span is not None]
    for row, (line, start) in zip(rows, data_lines, strict=False):
        # The row itself is its label's cell (the last written before its values), else its first cell.
        own = next((c for c in range(start - 1, -1, -1) if grid.lines[line][c] and (line, c) in cells), start)
        if (line, own) in cells:
            anchors.append((row.pos, cells[(line, own)]))
        for index, cell in enumerate(row.cells):
            if (line, start + index) in cells:
                anchors.append((cell.pos, cells[(line, start + index)]))
    values = dict(data_lines)
    headers = [(r, c) for (r, c) in cells if c < values.get(r, len(grid.lines[r]))]
    taken: set[tuple[int, int]] = set()
    for label in table.labels:
        spot = next((s for s in headers if s not in taken and grid.lines[s[0]][s[1]] == label.text), None)
        if spot is not None:
            taken.add(spot)
            anchors.append((label.pos, cells[spot]))
    # The table itself (a finding about it as a whole) starts at its first text, as the model's position does.
    first = next((cells[spot] for spot in sorted(cells) if grid.lines[spot[0]][spot[1]]), None)
    return anchors if first is None else [(table.pos, first), *anchors]


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")  # a cell is one piece of one line


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
