"""PDF reports made by the tests, drawn with reportlab where the tests need to say exactly where a page breaks.

``draw_report`` lays a report's text out as an office's Word export does — title, paragraphs wrapped at the
margins with the first line indented, the three tables on the official grid with the merged header and group cells
of the Word writer (``checks.writers.word.merges``), ruled, a page number in every footer — and can break the pages
where a test wants: a table row split over two pages, a merged label cut in two (「（四）无」 / 「法提供」), a header
repeated on each page, running headers. The font is reportlab's built-in STSong-Light (Adobe-GB1), which needs no
font file and whose text pdfminer maps back to Unicode. ``export_with_libreoffice`` exports Word documents as
LibreOffice does (one soffice start for all of them).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import MappingProxyType
from typing import Any, NamedTuple

from tests.documents import SOFFICE

FONT = "STSong-Light"
WIDTH, HEIGHT = 595.0, 842.0
LEFT, RIGHT, TOP, BOTTOM = 72.0, 523.0, 770.0, 90.0
BODY, LEADING = 12.0, 20.0
CELL, CELL_LEADING = 9.0, 11.0


class Options(NamedTuple):
    """Where and how pages break. ``break_before``: (table key, row index of its laid-out grid) -> lines of that row
    drawn before the break (0: the break comes right before the row); ``repeat``: header rows of each table drawn
    again on the next page; ``footer``: the page number's form (``{n}`` the page); ``header``: a running header;
    ``labels``: the widths of a table's label columns (table key -> points), else 40% of the width shared;
    ``blank_pages``: pages with nothing but their page number after the report."""

    break_before: Mapping[tuple[str, int], int] = MappingProxyType({})
    repeat: int = 0
    footer: str = "- {n} -"
    header: str | None = None
    labels: Mapping[str, tuple[float, ...]] = MappingProxyType({})
    blank_pages: int = 0  # pages with only their page number, after the report
    ruled: bool = True  # False: tables laid out by alignment alone, without ruling lines


def _font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def _width(text: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, FONT, size))


def wrap(text: str, width: float, size: float, indent: float = 0.0) -> list[str]:
    """``text`` broken into lines of at most ``width`` points (the first ``indent`` in), character by character."""
    lines: list[str] = []
    current = ""
    room = width - indent
    for char in text:
        if current and _width(current + char, size) > room:
            lines.append(current)
            current, room = "", width
        current += char
    if current or not lines:
        lines.append(current)
    return lines


class _Pages:
    """A canvas and a cursor: the height left on the page, new pages with their header and footer."""

    def __init__(self, path: Path, options: Options) -> None:
        from reportlab.pdfgen import canvas

        _font()
        self.canvas = canvas.Canvas(str(path), pagesize=(WIDTH, HEIGHT))
        self.options = options
        self.number = 1
        self.y = TOP
        self._furnish()

    def _furnish(self) -> None:
        self.canvas.setFont(FONT, 10)
        footer = self.options.footer.format(n=self.number)
        self.canvas.drawCentredString(WIDTH / 2, 45, footer)
        if self.options.header:
            self.canvas.drawCentredString(WIDTH / 2, 805, self.options.header)

    def new_page(self) -> None:
        self.canvas.showPage()
        self.number += 1
        self.y = TOP
        self._furnish()

    def room(self) -> float:
        return self.y - BOTTOM

    def text(self, x: float, y: float, text: str, size: float) -> None:
        self.canvas.setFont(FONT, size)
        self.canvas.drawString(x, y, text)

    def save(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def draw_report(text: str, path: Path, options: Options | None = None) -> Path:
    """The report whose ``.txt`` form is ``text`` as a PDF at ``path``."""
    options = options or Options()
    from checks.sources import parser_for
    from checks.writers.document import pieces

    parse = parser_for(".txt")
    assert parse is not None
    report = parse(str(path), tuple(text.split("\n")))
    pages = _Pages(path, options)
    for piece in pieces(report):
        if piece.table is not None:
            _table(pages, piece.table, report.spec, options)
        elif piece.kind == "title":
            _paragraph(pages, piece.text, size=18.0, centred=True)
        else:
            _paragraph(pages, piece.text, size=BODY, indent=2 * BODY)
    for _ in range(options.blank_pages):
        pages.new_page()
    pages.save()
    return path


def _paragraph(pages: _Pages, text: str, *, size: float, indent: float = 0.0, centred: bool = False) -> None:
    leading = size * LEADING / BODY
    for number, line in enumerate(wrap(text, RIGHT - LEFT, size, indent)):
        if pages.room() < leading:
            pages.new_page()
        pages.y -= leading
        if centred:
            pages.canvas.setFont(FONT, size)
            pages.canvas.drawCentredString((LEFT + RIGHT) / 2, pages.y, line)
        else:
            pages.text(LEFT + (indent if number == 0 else 0), pages.y, line, size)
    pages.y -= 4


class _Box(NamedTuple):
    line: int
    column: int
    down: int
    across: int
    text: str


def _table(pages: _Pages, table: Any, spec: Any, options: Options) -> None:
    from checks.writers.place import lay_out
    from checks.writers.word import merges

    grid = lay_out(table, spec)
    width = max(map(len, grid.lines))
    xs = _columns(grid, width, options.labels.get(table.key))
    boxes = [_Box(m.line, m.column, m.down, m.across, grid.lines[m.line][m.column]) for m in merges(grid)]
    lines = {box: wrap(box.text, xs[box.column + box.across] - xs[box.column] - 4, CELL) for box in boxes}
    heights = [CELL_LEADING + 4] * len(grid.lines)
    for box in boxes:
        need = len(lines[box]) * CELL_LEADING + 4
        if box.down == 1:
            heights[box.line] = max(heights[box.line], need)
    for box in boxes:  # a merged cell taller than its rows: its last row grows
        need = len(lines[box]) * CELL_LEADING + 4
        spanned = sum(heights[box.line : box.line + box.down])
        if need > spanned:
            heights[box.line + box.down - 1] += need - spanned
    drawn: dict[_Box, int] = {box: 0 for box in boxes}  # lines of each cell's text drawn so far
    row = 0
    header_rows = range(min(options.repeat, len(grid.lines)))
    while row < len(grid.lines):
        # The rows that go on this page: up to a forced break, or while they fit.
        first, bottom_y = row, pages.y
        split_lines = None
        while row < len(grid.lines):
            if row > first and (table.key, row) in options.break_before:
                split_lines = options.break_before[(table.key, row)] or None
                break
            if bottom_y - heights[row] < BOTTOM and row > first:
                break
            bottom_y -= heights[row]
            row += 1
        if split_lines is not None:  # part of the next row on this page: its text flows on
            bottom_y -= split_lines * CELL_LEADING + 4
        _draw_rows(pages, boxes, lines, drawn, xs, heights, first, row, split_lines, bottom_y)
        if row < len(grid.lines):
            pages.new_page()
            if options.repeat:
                _draw_header(pages, boxes, lines, xs, heights, header_rows)
    pages.y -= 8


def _columns(grid: Any, width: int, widths: tuple[float, ...] | None) -> list[float]:
    """Column edges: the label columns ``widths`` wide, or sharing 40% of the width (all of it for a label-only
    grid); the value columns share the rest."""
    starts = [span[0] for span in grid.values if span is not None]
    labels = min(starts) if starts else width
    total = RIGHT - LEFT
    label_widths = list(widths or [total * (0.4 if labels < width else 1.0) / max(labels, 1)] * labels)
    rest = (total - sum(label_widths)) / (width - labels) if width > labels else 0.0
    edges = [LEFT]
    for column in range(width):
        edges.append(edges[-1] + (label_widths[column] if column < labels else rest))
    return edges


def _draw_rows(
    pages: _Pages,
    boxes: Sequence[_Box],
    lines: dict[_Box, list[str]],
    drawn: dict[_Box, int],
    xs: Sequence[float],
    heights: Sequence[float],
    first: int,
    end: int,
    split_lines: int | None,
    bottom_y: float,
) -> None:
    """Rows ``first`` to ``end`` (and ``split_lines`` lines of row ``end``) from the cursor down; each cell drawn
    with as many of its text's lines as its part of the page holds."""
    tops = [pages.y]
    for row in range(first, end):
        tops.append(tops[-1] - heights[row])
    canvas = pages.canvas
    for box in boxes:
        last = box.line + box.down
        if last <= first or box.line > end or (box.line == end and split_lines is None):
            continue
        top = tops[max(box.line, first) - first]
        bottom = tops[last - first] if last <= end else bottom_y
        x0, x1 = xs[box.column], xs[box.column + box.across]
        if pages.options.ruled:
            canvas.rect(x0, bottom, x1 - x0, top - bottom)
        fits = max(int((top - bottom - 4) // CELL_LEADING), 1)
        flows = last > end or box.line == end  # the page breaks inside this cell: its text flows on
        shown = lines[box][drawn[box] : drawn[box] + fits] if flows else lines[box][drawn[box] :]
        y = top - 2 - CELL
        for text in shown:
            canvas.setFont(FONT, CELL)
            canvas.drawCentredString((x0 + x1) / 2, y, text)
            y -= CELL_LEADING
        drawn[box] += len(shown)
    pages.y = bottom_y


def _draw_header(
    pages: _Pages,
    boxes: Sequence[_Box],
    lines: dict[_Box, list[str]],
    xs: Sequence[float],
    heights: Sequence[float],
    rows: range,
) -> None:
    """The table's first rows again, at the top of a new page."""
    if not rows:
        return
    top = pages.y
    bottom = top - sum(heights[row] for row in rows)
    tops = [top]
    for row in rows:
        tops.append(tops[-1] - heights[row])
    for box in boxes:
        if box.line + box.down > rows.stop:
            continue
        x0, x1 = xs[box.column], xs[box.column + box.across]
        box_top, box_bottom = tops[box.line], tops[box.line + box.down]
        if pages.options.ruled:
            pages.canvas.rect(x0, box_bottom, x1 - x0, box_top - box_bottom)
        y = box_top - 2 - CELL
        for text in lines[box]:
            pages.canvas.setFont(FONT, CELL)
            pages.canvas.drawCentredString((x0 + x1) / 2, y, text)
            y -= CELL_LEADING
    pages.y = bottom


def export_with_libreoffice(documents: Sequence[Path], out: Path, profile: Path) -> dict[Path, Path]:
    """Each Word document exported to PDF by LibreOffice into ``out``, in one soffice run (each start costs
    seconds), with a profile of its own (``profile``) so that a user's LibreOffice settings never change the
    export and a running LibreOffice is never asked."""
    assert SOFFICE is not None
    out.mkdir(parents=True, exist_ok=True)
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--convert-to",
        "pdf",
        "--outdir",
        os.fspath(out),
        *map(os.fspath, documents),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=600)
    return {document: out / (document.stem + ".pdf") for document in documents}


def raw_pdf(objects: Sequence[bytes], *, root: int = 1) -> bytes:
    """A PDF file of the given objects (numbered from 1), with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page(
    content: bytes,
    *,
    extra: bytes = b"",
    resources: bytes = b"<< >>",
    more: Sequence[bytes] = (),
    size: tuple[int, int] = (595, 842),
) -> bytes:
    """A one-page PDF whose page (A4, or ``size`` points) draws ``content`` (a stream object with ``extra`` in its
    dictionary); ``more`` objects follow it, from number 5."""
    box = b"[0 0 %d %d]" % size
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox %s /Contents 4 0 R /Resources %s >>" % (box, resources),
            stream(content, extra),
            *more,
        ]
    )
