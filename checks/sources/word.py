"""Word documents (``.docx``): paragraphs and tables in document order, as blocks, read from the XML in one pass.

Only the parts that hold the report are read (``sources.package``: the text, its numbering and styles), each within
bounds checked before its tree is built; what is built from the tree is bounded too (``sources.limits``), never by
numbers the document states. Tables are read straight from ``w:tbl``/``w:tr``/``w:tc``: a row becomes a line of
the official grid, a cell merged across (``w:gridSpan``) repeated at each grid column it spans and a cell merged
down (``w:vMerge``) at each row, the repeats being covered cells that read as empty, so a Word table reads as its
tab-separated copy does. (python-docx's ``row.cells`` gives the same grid, but builds a cell per grid column from
whatever span a file states and runs an XPath query per cell.) A .docx file has no lines: every position carries
its place (``model.Place``): the paragraph (counting those with text), or the table, its row and the cell as Word
shows it (a merged cell is one cell).
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from lxml import etree  # type: ignore[import-untyped]  # lxml has no type hints of its own

from checks.model import Place, Position, Text
from checks.oserrors import open_regular
from checks.reading import INVISIBLE, invisible_findings, over_limit, too_large
from checks.sources import Source
from checks.sources.assemble import assemble
from checks.sources.blocks import Block, Covered, Document, Shape, numbered
from checks.sources.limits import MAX_COLUMNS, MAX_ROWS, MAX_SPAN, MAX_TABLE_CELLS, Budget, bounded_int
from checks.sources.numbering import Numbering, w
from checks.sources.package import Unreadable, not_a_document, read_part, related

BODY = "word/document.xml"
_DOCUMENT, _CONTENT = w("document"), w("body")
_PARAGRAPH, _TABLE, _CONTROL, _CONTROL_CONTENT = w("p"), w("tbl"), w("sdt"), w("sdtContent")
_ROW, _CELL, _ROW_PROPERTIES = w("tr"), w("tc"), w("trPr")
_PARAGRAPH_PROPERTIES = w("pPr")
# What in a paragraph's own properties gets it a number from Word: a list of its own, or a style's.
_NUMBERED_BY = frozenset((w("numPr"), w("pStyle")))
_GRID_BEFORE, _GRID_SPAN, _VERTICAL_MERGE, _VAL = w("gridBefore"), w("gridSpan"), w("vMerge"), w("val")
# A table's cell marks (``_Marks``): in its own rows' cells, the first gridSpan and vMerge of the first tcPr, a table.
_CELL_MARKS = etree.XPath(
    "w:tr/w:tc/w:tcPr[1]/w:gridSpan[1] | w:tr/w:tc/w:tcPr[1]/w:vMerge[1] | w:tr/w:tc[w:tbl]/w:tbl[1]",
    namespaces={"w": w("")[1:-1]},
)
_RUN, _TEXT, _BREAK, _BREAK_TYPE = w("r"), w("t"), w("br"), w("type")
# What a run's other children stand for in its text (as python-docx's ``Run.text`` reads them).
_RUN_CHARACTERS = {w("tab"): "\t", w("ptab"): "\t", w("cr"): "\n", w("noBreakHyphen"): "-"}
# What holds runs that are not the paragraph's shown text (w:delText is not read as text either, but a deleted run
# may hold a tab or a break): deletions, text moved away, text boxes, ruby annotations.
HIDING = frozenset(w(tag) for tag in ("del", "moveFrom", "txbxContent", "rt"))
# What a document may unpack to: a report's parts are well under 1 MB, so this bounds a zip bomb, not a report.
MAX_UNPACKED = 50 * 1024 * 1024
MAX_FRAMES = 20  # tables framing tables framing…: deeper than this, a table is read as a table
_TABS_AND_BREAKS = str.maketrans({"\t": " ", "\n": "", "\r": "", "\v": ""})

Grid = list[list[Any]]  # per row, the cell element (w:tc) at each grid column: a merged cell's top-left one


def read_file(path: Path, max_bytes: int) -> Source:
    size = path.stat().st_size
    if size > max_bytes:
        return Source(None, (too_large(size, max_bytes),), ())
    try:
        body, numbering = _open(path)
    except Unreadable as problem:
        return Source(None, (problem.finding,), ())
    budget = Budget()
    # Most documents hide no text at all: then no paragraph of theirs need be looked through for it (one look at the
    # whole body, at C speed, instead of one for each paragraph).
    hides = next(body.iter(*HIDING), None) is not None
    blocks, lines = numbered(_Reader(numbering, budget, hides=hides).content(_inner(body)), Shape.MERGED)
    document = Document(str(path), "docx", blocks, lines)
    findings = invisible_findings(lines) if any(INVISIBLE.search(line) for line in lines) else ()
    # A finding about a line is about its paragraph, or its table row.
    placed = tuple(f._replace(pos=f.pos._replace(place=_row_of(_place(blocks, f.pos.line)))) for f in findings)
    return Source(lambda spec: assemble(document, spec), budget.findings() + placed, lines)


def _place(blocks: tuple[Block, ...], line: int) -> Place | None:
    """The place of the block that is line ``line`` of the document's text form."""
    return blocks[line - 1].pieces[0].pos.place


def _row_of(place: Place | None) -> Place | None:
    return place._replace(cell=None) if place is not None else None


def _open(path: Path) -> tuple[Any, Numbering]:
    """The document's body element and its numbering, or Unreadable (OSError: it cannot be opened, or is no
    regular file, which a zip reader would wait on forever if it were a pipe)."""
    with open(open_regular(path), "rb") as file:
        return _from_archive(file)


def body_and_numbering(file: BinaryIO) -> tuple[Any, Numbering]:
    """The body element of a document and its numbering, read as the reader reads them (within the same bounds;
    ``Unreadable`` otherwise), for editing a copy of the document at the places the reader gives (``--fix``)."""
    return _from_archive(file)


def _from_archive(file: BinaryIO) -> tuple[Any, Numbering]:
    try:
        with zipfile.ZipFile(file) as archive:
            archive.getinfo(BODY)
            _check_unpacked(archive)
            # Numbering and styles first, so that their trees are gone before the text's is built.
            numbering = Numbering(_related_part(archive, "numbering"), _related_part(archive, "styles"))
            root = read_part(archive, BODY)
    except Unreadable:
        raise
    except Exception as error:  # zipfile's and zlib's errors are many (bad CRC, encrypted, unknown method…)
        raise Unreadable(not_a_document(f"{type(error).__name__}: {error}")) from error
    body = root.find(_CONTENT) if root.tag == _DOCUMENT else None
    if body is None:
        raise Unreadable(not_a_document("word/document.xml 中没有正文（w:document/w:body） / no w:body in it"))
    return body, numbering


def _check_unpacked(archive: zipfile.ZipFile) -> None:
    # zipfile never unpacks more than an entry's stated size, so the sum bounds what unpacking all of it costs.
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED:
        raise Unreadable(
            over_limit(
                f"文档解压后过大（{unpacked:,} 字节，上限 {MAX_UNPACKED:,} 字节），未检查",
                f"the document unpacks to {unpacked:,} bytes (limit {MAX_UNPACKED:,}); not checked",
                MAX_UNPACKED,
                unpacked,
            )
        )


def _related_part(archive: zipfile.ZipFile, kind: str) -> Any:
    name = related(archive, BODY, kind)
    try:
        return read_part(archive, name) if name is not None else None
    except KeyError:  # named but missing: as python-docx, read the document without it
        return None


class _Reader:
    """Turns the body's elements into blocks, numbering the paragraphs and tables that are read as such."""

    def __init__(self, numbering: Numbering, budget: Budget, *, hides: bool = True) -> None:
        self.numbering = numbering
        self.budget = budget
        self.hides = hides  # whether the document may hide text in a paragraph (``_shown``)
        self.paragraphs = 0  # with text, read so far
        self.tables = 0  # read as tables (not framing), so far
        self.stopped = False  # the paragraph limit is reached: nothing more is read

    def content(self, elements: Iterator[Any], depth: int = 0) -> Iterator[tuple[Text, ...]]:
        """The blocks of a run of paragraphs and tables. A table that only frames the page (one cell, or cells
        holding tables) is read as what its cells hold."""
        for element in elements:
            if self.stopped:
                return
            if element.tag == _PARAGRAPH:
                text = self.paragraph_text(element, Place(paragraph=self.paragraphs + 1))
                if text:
                    self.paragraphs += 1
                    yield (Text(text, Position(0, 0, Place(paragraph=self.paragraphs))),)
                continue
            at = Position(1, 1, Place(table=self.tables + 1, row=1))
            if not self.budget.take_table(at):
                continue
            grid, holding = _grid(element, self.budget, self.tables + 1)
            # (Listing the grid's cells only when one of them may hold a table: most tables' cells hold none.)
            if depth < MAX_FRAMES and (
                _one_cell(grid) or (holding and any(cell in holding for cell in _distinct(grid)))
            ):
                for cell in _distinct(grid):
                    yield from self.content(_inner(cell), depth + 1)
            else:
                self.tables += 1
                yield from self.rows(grid, self.tables)

    def rows(self, grid: Grid, number: int) -> Iterator[tuple[Text, ...]]:
        """The rows of the ``number``-th table: a merged cell's text at its top-left grid cell, the grid cells it
        covers (the same element again, to the right or below) empty."""
        above: list[Any] = []
        for row_number, elements in enumerate(grid, start=1):
            pieces: list[Text] = []
            seen = 0
            left = None  # the element at the grid column before
            for column, element in enumerate(elements):
                if element is not None and element is not left:
                    seen += 1  # a cell as Word shows it: a merged one counts once
                place = Place(None, number, row_number, seen)  # (table, row, cell: as keywords, twice the time)
                if element is left or (column < len(above) and above[column] is element):
                    pieces.append(Covered("", Position(0, 0, place)))
                else:
                    text = self.cell_text(element, place) if element is not None else ""
                    pieces.append(Text(text, Position(0, 0, place)))
                left = element
            above = elements
            yield tuple(pieces)

    def cell_text(self, cell: Any, place: Place) -> str:
        """A cell's paragraphs as one line."""
        at = Position(1, 1, place)  # where a limit the cell reaches is named
        paragraphs = _paragraphs(cell)
        if len(paragraphs) == 1:  # most cells
            text = self.paragraph_text(paragraphs[0], place, clean=False, at=at)
        else:
            text = "".join([self.paragraph_text(p, place, clean=False, at=at) for p in paragraphs])
        return self.budget.clip(_clean(text), at)

    def paragraph_text(self, paragraph: Any, place: Place, *, clean: bool = True, at: Position | None = None) -> str:
        """A paragraph's number and text; every paragraph read, with text or not, counts towards the limit (``at``:
        where it is named, ``place``'s start unless given)."""
        at = at or Position(1, 1, place)
        if not self.budget.take_paragraph(at):
            self.stopped = True
            return ""
        # Numbering.label looks its answer up with find() calls (a few µs each, on every paragraph); a paragraph
        # whose properties name no list and no style, or a document without lists, gets "" from it anyway.
        label = self.numbering.label(paragraph) if self.numbering.lists and _may_be_numbered(paragraph) else ""
        text = label + _shown(paragraph, self.budget.room(), hides=self.hides)
        return self.budget.clip(_clean(text), at) if clean else text


class _Recorder(_Reader):
    """A reader that notes the element each place it gives is: a paragraph's ``w:p``, a cell's ``w:tc`` (a row's
    place: its first cell read)."""

    def __init__(self, numbering: Numbering) -> None:
        super().__init__(numbering, Budget())
        self.found: dict[Place, Any] = {}

    def paragraph_text(self, paragraph: Any, place: Place, *, clean: bool = True, at: Position | None = None) -> str:
        if clean:  # a paragraph of its own, not one of a cell's (the last tried at a number is the one with text)
            self.found[place] = paragraph
        return super().paragraph_text(paragraph, place, clean=clean, at=at)

    def cell_text(self, cell: Any, place: Place) -> str:
        self.found[place] = cell
        self.found.setdefault(place._replace(cell=None), cell)
        return super().cell_text(cell, place)


def places(body: Any, numbering: Numbering) -> dict[Place, Any]:
    """Each place the reader gives a position (``model.Place``), and the element it is in the document whose body
    is ``body``: for writing into a copy of a document what was found at a place (``annotate``)."""
    recorder = _Recorder(numbering)
    for _ in recorder.content(_inner(body)):
        pass
    return recorder.found


def _inner(container: Any) -> Iterator[Any]:
    """The paragraphs and tables of the body or of a cell in document order, also those inside content controls
    around whole paragraphs or tables (``w:sdt``)."""
    stack = [iter(container)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        tag = element.tag
        if tag in (_PARAGRAPH, _TABLE):
            yield element
        elif tag == _CONTROL and (content := element.find(_CONTROL_CONTENT)) is not None:
            stack.append(iter(content))  # a stack, not recursion: controls nest as deep as a file likes


def _paragraphs(cell: Any) -> list[Any]:
    """The paragraphs of a cell, as ``_inner`` finds them: most cells hold no content control, and then they are
    its own ``w:p``, found in one look at its children (``_inner`` is a generator, which costs more than that)."""
    paragraphs = []
    for child in cell:
        tag = child.tag
        if tag == _PARAGRAPH:
            paragraphs.append(child)
        elif tag == _CONTROL:
            return [p for p in _inner(cell) if p.tag == _PARAGRAPH]
    return paragraphs


def _grid(table: Any, budget: Budget, number: int) -> tuple[Grid, set[Any]]:
    """The table's grid, row by row (only its own rows, ``w:tr`` directly in it), within the limits, and the cells
    read on the way that hold a table of their own (for telling a table that frames the page without a second
    look at every cell; a set of the elements themselves, which keeps them alive: lxml makes a new Python object,
    with a new id, for a node whose old one is gone)."""
    grid: Grid = []
    cells = 0
    holding: set[Any] = set()
    marks = _Marks(table)
    above: dict[int, tuple[Any, int]] = {}
    for row_number, row in enumerate(table.iterchildren(_ROW), start=1):
        at = Position(1, 1, Place(None, number, row_number))  # (table, row)
        if row_number > MAX_ROWS:
            budget.exceed("rows", at)
            break
        elements, above = _grid_row(row, above, budget, holding, at, marks)
        if cells + len(elements) > MAX_TABLE_CELLS:
            budget.exceed("table cells", at)
            break
        if not budget.take_cells(len(elements), at):
            break
        cells += len(elements)
        grid.append(elements)
    return grid, holding


class _Marks:
    """What merges a table's cells or nests a table in them, by cell (``w:tc``): its ``w:gridSpan`` and ``w:vMerge``
    (the first of each in its first ``w:tcPr``, as Word reads them) and whether a ``w:tbl`` is among its children.
    Found in one XPath query, in C, for the whole table: most cells have none of them, and a loop over every cell's
    children and properties in Python cost more than the rest of building the grid."""

    __slots__ = ("merges", "nested", "spans")

    def __init__(self, table: Any) -> None:
        self.spans: dict[Any, Any] = {}
        self.merges: dict[Any, Any] = {}
        self.nested: set[Any] = set()
        for found in _CELL_MARKS(table):
            tag = found.tag
            if tag == _TABLE:
                self.nested.add(found.getparent())
            elif tag == _GRID_SPAN:
                self.spans[found.getparent().getparent()] = found  # (its tcPr's cell)
            elif tag == _VERTICAL_MERGE:
                self.merges[found.getparent().getparent()] = found


def _grid_row(
    row: Any, above: dict[int, tuple[Any, int]], budget: Budget, holding: set[Any], at: Position, marks: _Marks
) -> tuple[list[Any], dict[int, tuple[Any, int]]]:
    """A row's cell element at each grid column (None where the row starts late, ``w:gridBefore``), and where each
    of its cells starts in the grid (for the row below); its cells that hold a table go in ``holding``. A cell
    merged down from above (``w:vMerge`` without ``restart``) is the cell above it, as wide as that one. Spans are
    capped before anything is built from them."""
    row_properties = _first(row, _ROW_PROPERTIES)
    before = _first(row_properties, _GRID_BEFORE) if row_properties is not None else None
    start = _span(before, 0, budget, at) if before is not None else 0
    elements: list[Any] = [None] * start
    starts: dict[int, tuple[Any, int]] = {}
    for cell in row.iterchildren(_CELL):
        if cell in marks.nested:
            holding.add(cell)
        span_element, merge = marks.spans.get(cell), marks.merges.get(cell)
        span = max(_span(span_element, 1, budget, at), 1) if span_element is not None else 1
        # Merged down, the cell above at the same grid column is the one shown (none above: a cell of its own).
        continues = merge is not None and merge.get(_VAL, "continue") == "continue"
        top, width = above.get(start, (cell, span)) if continues else (cell, span)
        starts[start] = (top, width)
        if len(elements) + width > MAX_COLUMNS:
            budget.exceed("columns", at)
            elements.extend([top] * (MAX_COLUMNS - len(elements)))
            break
        if width == 1:
            elements.append(top)
        else:
            elements.extend([top] * width)
        start += span
    return elements, starts


def _first(element: Any, tag: str) -> Any:
    """The first child of ``element`` with ``tag``, or None (as ``element.find(tag)``, at a fifth of the cost)."""
    for child in element:
        if child.tag == tag:
            return child
    return None


def _span(found: Any, default: int, budget: Budget, at: Position) -> int:
    """A span the file states (``w:gridSpan``, ``w:gridBefore``: ``found``, or None), at most MAX_SPAN."""
    value = bounded_int(found.get(_VAL) if found is not None else None, default, MAX_SPAN + 1)
    if value > MAX_SPAN:
        budget.exceed("span", at)
    return min(value, MAX_SPAN)


def _one_cell(grid: Grid) -> bool:
    """Whether the grid is one cell (``_distinct`` of one; found without listing them all)."""
    found = None
    for elements in grid:
        for element in elements:
            if element is not None and element is not found:
                if found is not None:
                    return False
                found = element
    return found is not None


def _distinct(grid: Grid) -> list[Any]:
    """Each cell of the grid once, in reading order."""
    seen: set[int] = set()
    out = []
    for elements in grid:
        for element in elements:
            if element is not None and id(element) not in seen:
                seen.add(id(element))
                out.append(element)
    return out


def _may_be_numbered(paragraph: Any) -> bool:
    """Whether a paragraph's properties (its first ``w:pPr``, as ``Numbering.label`` reads them) name a list or a
    style (``w:numPr``, ``w:pStyle``): without either, Word shows no number before it."""
    properties = _first(paragraph, _PARAGRAPH_PROPERTIES)
    return properties is not None and any(child.tag in _NUMBERED_BY for child in properties)


def _shown(paragraph: Any, room: int, *, hides: bool = True) -> str:
    """A paragraph's text as Word shows it once tracked changes are accepted: its runs, also those inside
    insertions, moves, content controls, simple fields, hyperlinks and smart tags, without deleted and moved-away
    text, text boxes and ruby annotations. It stops once ``room`` characters are gathered (the rest would be cut
    off). Most paragraphs hide nothing: then lxml's own walk (``iter``) finds the runs in document order, a run
    inside a run (a ruby's base) after that run's own text, as the walk below does, without a step in Python for
    each property element of every run. ``hides``: whether the document has anything hidden (else nothing is looked
    for: a look costs more than the reading)."""
    if hides and next(paragraph.iter(*HIDING), None) is not None:
        return _shown_walk(paragraph, room)
    pieces: list[str] = []
    length = 0
    for run in paragraph.iter(_RUN):
        if length >= room:
            break
        text = _run_text(run)
        pieces.append(text)
        length += len(text)
    return "".join(pieces)


def _shown_walk(paragraph: Any, room: int) -> str:
    """``_shown`` for a paragraph with something hidden in it: one walk, which skips what is hidden."""
    pieces: list[str] = []
    length = 0
    stack = [iter(paragraph)]
    while stack and length < room:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
            continue
        if element.tag in HIDING:
            continue
        if element.tag == _RUN:
            text = _run_text(element)
            pieces.append(text)
            length += len(text)
        stack.append(iter(element))
    return "".join(pieces)


def _run_text(run: Any) -> str:
    """The text of a run's own children: its texts, tabs and line breaks (a page or column break is none)."""
    out = []
    for child in run:
        tag = child.tag
        if tag == _TEXT:
            out.append(child.text or "")
        elif tag == _BREAK:
            out.append("\n" if child.get(_BREAK_TYPE, "textWrapping") == "textWrapping" else "")
        elif tag in _RUN_CHARACTERS:
            out.append(_RUN_CHARACTERS[tag])
    return "".join(out)


def _clean(text: str) -> str:
    """One line of text: a cell's paragraphs and a paragraph's line breaks joined, tabs as spaces."""
    return text.translate(_TABS_AND_BREAKS).strip()
