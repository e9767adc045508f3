"""One page of a PDF as pdfplumber sees it: its characters with their coordinates, and the cells of its ruled tables.

Each page is interpreted by pdfminer through a device that counts what it makes (``_machinery``): characters,
paths, forms drawn and the bytes of content streams run (the page's own and every form XObject it draws, however
often), so a page that would make millions of objects stops at a limit instead of taking the machine's memory;
its ruling lines are counted before pdfplumber pairs them into tables (``_ruled_tables``). A limit reached is an
I004 finding (``PageLimit``). What is kept of a page is small records (``Glyph``), and pdfplumber's own objects
are let go before the next page is read.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple

# A real report's page has 400–1,000 characters, 100–400 ruling lines and rectangles and 10–50 KB of content.
MAX_PAGE_CHARS = 20_000
MAX_PAGE_PATHS = 20_000
MAX_PAGE_CONTENT = 2 * 1024 * 1024  # bytes of content streams run for one page, forms included
MAX_FORMS = 2_000  # form XObjects drawn on one page (forms drawing forms: each is run again)
# Vertical times horizontal ruling lines of one page (pdfplumber compares each pair): 表三 has about 11 × 30.
MAX_RULING_PAIRS = 40_000


class Glyph(NamedTuple):
    """A character on the page: its text (pdfminer's ``(cid:N)`` for a glyph it cannot map), its box in points
    from the page's top left, its font size and font."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    font: str


Box = tuple[float, float, float, float]  # x0, top, x1, bottom


class RuledTable(NamedTuple):
    """A table pdfplumber found from the page's ruling lines: its box and each cell's box (merged cells are one)."""

    box: Box
    cells: tuple[Box, ...]


class PageRead(NamedTuple):
    number: int  # 1-based
    width: float
    height: float
    glyphs: tuple[Glyph, ...]
    tables: tuple[RuledTable, ...]
    images: int  # images drawn (a scanned page is one)


class PageLimit(Exception):
    """A page makes more than a limit allows: ``what`` is the limit's name, ``limit`` its value."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"{what} > {limit}")
        self.what = what
        self.limit = limit


def read_page(pdf: Any, page_object: Any, number: int) -> PageRead:
    """Page ``number`` of ``pdf`` (a pdfplumber PDF), within the limits above (``PageLimit`` past one)."""
    from pdfplumber.page import Page as PlumberPage

    device_class, interpreter_class = _machinery()
    page = PlumberPage(pdf, page_object, page_number=number, initial_doctop=0)
    device = device_class(pdf.rsrcmgr, pageno=number, laparams=None)
    interpreter_class(pdf.rsrcmgr, device).process_page(page_object)
    page._layout = device.get_result()  # what pdfplumber's ``Page.layout`` would have made, within the limits
    try:
        glyphs = tuple(
            Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"], c["size"], c["fontname"]) for c in page.chars
        )
        return PageRead(number, float(page.width), float(page.height), glyphs, _ruled_tables(page), len(page.images))
    finally:
        page.close()


def _ruled_tables(page: Any) -> tuple[RuledTable, ...]:
    """The page's tables from its ruling lines, as ``Page.find_tables`` finds them, once it is known that finding
    them is cheap: pdfplumber compares every vertical ruling line with every horizontal one, so a page of
    thousands of each (a hatching, a drawn grid of millions of cells) would take minutes."""
    from pdfplumber.table import Table, TableFinder, cells_to_tables, edges_to_intersections, intersections_to_cells

    finder = TableFinder.__new__(TableFinder)  # its __init__ finds everything at once; the check goes between
    finder.page, finder.settings = page, _settings()
    finder.edges = finder.get_edges()
    vertical = sum(1 for edge in finder.edges if edge["orientation"] == "v")
    if vertical * (len(finder.edges) - vertical) > MAX_RULING_PAIRS:
        raise PageLimit("rulings", MAX_RULING_PAIRS)
    settings = finder.settings
    intersections = edges_to_intersections(
        finder.edges, settings.intersection_x_tolerance, settings.intersection_y_tolerance
    )
    tables = [Table(page, group) for group in cells_to_tables(intersections_to_cells(intersections))]
    return tuple(RuledTable(_box(table.bbox), tuple(map(_box, table.cells))) for table in tables)


def _box(found: Sequence[float]) -> Box:
    x0, top, x1, bottom = found
    return float(x0), float(top), float(x1), float(bottom)


@cache
def _settings() -> Any:
    from pdfplumber.table import TableSettings

    return TableSettings.resolve(None)  # the "lines" strategy: tables drawn with ruling lines


@cache
def _machinery() -> tuple[type, type]:
    """pdfplumber's device and pdfminer's interpreter, counting what a page makes (see the module docstring)."""
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfplumber.page import PDFPageAggregatorWithMarkedContent

    class CountingDevice(PDFPageAggregatorWithMarkedContent):
        chars = 0
        paths = 0
        content = 0
        forms = 0

        def render_char(self, *args: Any, **kwargs: Any) -> float:
            self.chars += 1
            if self.chars > MAX_PAGE_CHARS:
                raise PageLimit("chars", MAX_PAGE_CHARS)
            advance: float = super().render_char(*args, **kwargs)
            return advance

        def paint_path(self, *args: Any, **kwargs: Any) -> None:
            self.paths += 1
            if self.paths > MAX_PAGE_PATHS:
                raise PageLimit("paths", MAX_PAGE_PATHS)
            super().paint_path(*args, **kwargs)

        def begin_figure(self, *args: Any, **kwargs: Any) -> None:
            self.forms += 1
            if self.forms > MAX_FORMS:
                raise PageLimit("forms", MAX_FORMS)
            super().begin_figure(*args, **kwargs)

    class CountingInterpreter(PDFPageInterpreter):
        """Runs a page's content streams and its forms' (each time a form is drawn), counting their bytes."""

        def render_contents(self, resources: Any, streams: Any, ctm: Any = (1, 0, 0, 1, 0, 0)) -> None:
            device: Any = self.device  # a CountingDevice: this interpreter is only ever given one
            for stream in streams if isinstance(streams, list) else [streams]:
                found = resolve1(stream)
                if isinstance(found, PDFStream):
                    device.content += len(found.get_data())
                    if device.content > MAX_PAGE_CONTENT:
                        raise PageLimit("content", MAX_PAGE_CONTENT)
            super().render_contents(resources, streams, ctm)

    return CountingDevice, CountingInterpreter
