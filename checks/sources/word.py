"""Word documents (``.docx``), read with python-docx: paragraphs and tables in document order, as blocks.

A table row becomes a line of the official grid: python-docx gives a cell for every grid column, the same cell
again for the columns a merged cell spans across and for the rows it spans down; such a repeat is a covered cell
and reads as empty, so a Word table reads as its tab-separated copy does. A .docx file has no lines: every
position carries its place (``model.Place``): the paragraph (counting those with text), or the table, its row and
the cell as Word shows it (a merged cell is one cell).
"""

from __future__ import annotations

import itertools
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
from docx.blkcntnr import BlockItemContainer
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from checks.findings import Finding, Message
from checks.model import Place, Position, Text
from checks.reading import INVISIBLE, invisible_findings, too_large
from checks.sources import Loaded
from checks.sources.blocks import Block, read_blocks
from checks.sources.numbering import Numbering

_BODY = "word/document.xml"
_PARAGRAPH, _TABLE, _CONTROL, _CONTROL_CONTENT = qn("w:p"), qn("w:tbl"), qn("w:sdt"), qn("w:sdtContent")
_RUN = qn("w:r")
# What holds runs that are not the paragraph's shown text (w:delText is not read as text either, but a deleted run
# may hold a tab or a break): deletions, text moved away, text boxes, ruby annotations.
_HIDING = frozenset(qn(tag) for tag in ("w:del", "w:moveFrom", "w:txbxContent", "w:rt"))
# What a document may unpack to: a report's parts are well under 1 MB, so this bounds a zip bomb, not a report.
MAX_UNPACKED = 50 * 1024 * 1024
MAX_FRAMES = 20  # tables framing tables framing…: deeper than this, a table is read as a table
_TABS_AND_BREAKS = str.maketrans({"\t": " ", "\n": "", "\r": "", "\v": ""})


def read_file(path: Path, max_bytes: int) -> Loaded:
    size = path.stat().st_size
    if size > max_bytes:
        return Loaded(None, (too_large(size, max_bytes),), ())
    problem = _unpackable(path)
    if problem is not None:
        return Loaded(None, (problem,), ())
    try:
        document = docx.Document(str(path))
    except Exception as error:  # lxml, zip and python-docx errors alike: the file is damaged
        return Loaded(None, (_not_a_document(f"{type(error).__name__}: {error}"),), ())
    report = read_blocks(str(path), list(_blocks(document)), "docx")
    findings = invisible_findings(report.lines) if any(INVISIBLE.search(line) for line in report.lines) else ()
    return Loaded(report, tuple(f._replace(pos=report.placed(f.pos)) for f in findings), report.lines)


def _blocks(document: Document) -> Iterator[Block]:
    """Paragraphs with text and table rows, in document order, each piece with its place."""
    yield from _content(_inner(document._body), Numbering(document), itertools.count(1), itertools.count(1))


def _content(
    items: Iterator[Paragraph | Table],
    numbering: Numbering,
    paragraphs: Iterator[int],
    tables: Iterator[int],
    depth: int = 0,
) -> Iterator[Block]:
    """The blocks of a run of paragraphs and tables. A table that only frames the page (one cell, or cells holding
    tables) is read as what its cells hold; ``paragraphs`` and ``tables`` number those that are read as such."""
    for item in items:
        if isinstance(item, Table):
            if depth < MAX_FRAMES and _frames(item):
                for cell in _distinct_cells(item):
                    yield from _content(_inner(cell), numbering, paragraphs, tables, depth + 1)
            else:
                yield from _rows(item, next(tables), numbering)
            continue
        text = _clean(numbering.label(item) + _shown(item))
        if text:
            yield (Text(text, Position(0, 0, Place(paragraph=next(paragraphs)))),)


def _inner(container: BlockItemContainer) -> Iterator[Paragraph | Table]:
    """The paragraphs and tables of the body or of a cell in document order, also those inside content controls
    around whole paragraphs or tables (``w:sdt``), which python-docx's ``iter_inner_content`` passes over."""
    stack = [iter(container._element)]
    while stack:
        element = next(stack[-1], None)
        if element is None:
            stack.pop()
        elif element.tag == _PARAGRAPH:
            yield Paragraph(element, container)
        elif element.tag == _TABLE:
            yield Table(element, container)
        elif element.tag == _CONTROL and (content := element.find(_CONTROL_CONTENT)) is not None:
            stack.append(iter(content))  # a stack, not recursion: controls nest as deep as a file likes


def _frames(table: Table) -> bool:
    cells = _distinct_cells(table)
    return len(cells) == 1 or any(cell.tables for cell in cells)


def _distinct_cells(table: Table) -> list[_Cell]:
    """Each cell once (python-docx repeats merged ones), in reading order."""
    seen: set[int] = set()
    out = []
    for row in table.rows:
        for cell in row.cells:
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                out.append(cell)
    return out


def _rows(table: Table, number: int, numbering: Numbering) -> Iterator[Block]:
    """The rows of the ``number``-th table. python-docx shows a merge only by handing out the same cell element
    (``_tc``) again at each grid column it covers: to the right, and in the rows below."""
    above: list[object | None] = []  # the row above's cell element at each grid column
    for row_number, row in enumerate(table.rows, start=1):
        cells: list[_Cell | None] = [None] * row.grid_cols_before + list(row.cells)  # merges worked out per call
        elements = [cell._tc if cell is not None else None for cell in cells]
        pieces: list[Text] = []
        seen = 0
        for column, (cell, element) in enumerate(zip(cells, elements, strict=True)):
            left = elements[column - 1] if column else None
            if element is not None and element is not left:
                seen += 1  # a cell as Word shows it: a merged one counts once
            text = ""
            covered = element is left or (column < len(above) and above[column] is element)
            if cell is not None and not covered:
                shown = (numbering.label(p) + _shown(p) for p in _inner(cell) if isinstance(p, Paragraph))
                text = _clean("".join(shown))
            pieces.append(Text(text, Position(0, 0, Place(table=number, row=row_number, cell=seen))))
        above = list(elements)
        yield tuple(pieces)


def _shown(paragraph: Paragraph) -> str:
    """A paragraph's text as Word shows it once tracked changes are accepted. python-docx's ``text`` reads only
    its direct runs and hyperlinks; this also reads runs inside insertions, moves, content controls, simple fields
    and smart tags, and leaves out deleted and moved-away text, text boxes and ruby annotations."""
    element = paragraph._p
    return "".join(run.text for run in element.iter(_RUN) if not _hidden(run, element))


def _hidden(run: Any, paragraph: Any) -> bool:
    """Whether a run of ``paragraph`` sits inside something Word does not show as the paragraph's text."""
    parent = run.getparent()
    while parent is not None and parent is not paragraph:
        if parent.tag in _HIDING:
            return True
        parent = parent.getparent()
    return False


def _clean(text: str) -> str:
    """One line of text: a cell's paragraphs and a paragraph's line breaks joined, tabs as spaces."""
    return text.translate(_TABS_AND_BREAKS).strip()


def _unpackable(path: Path) -> Finding | None:
    """Why the file is not a Word document that can be opened safely, or None."""
    try:
        with zipfile.ZipFile(path) as archive:
            archive.getinfo(_BODY)
            # python-docx unpacks every part (styles, numbering…), not only the text: all of them count. zipfile
            # never unpacks more than an entry's stated size, so the sum bounds what opening the file costs.
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, KeyError, OSError) as error:
        return _not_a_document(str(error))
    if unpacked > MAX_UNPACKED:
        return Finding(
            "I004",
            Position(1, 1),
            Message(
                f"文档解压后过大（{unpacked:,} 字节，上限 {MAX_UNPACKED:,} 字节），未检查",
                f"the document unpacks to {unpacked:,} bytes (limit {MAX_UNPACKED:,}); not checked",
            ),
            expected=MAX_UNPACKED,
            actual=unpacked,
        )
    return None


def _not_a_document(reason: str) -> Finding:
    return Finding(
        "I001",
        Position(1, 1),
        Message(
            f"不是可以读取的 Word 文档（.docx）：{reason}；旧的 .doc 格式请在 Word 中另存为 .docx",
            f"not a readable Word document (.docx): {reason}; save an old .doc file as .docx in Word",
        ),
    )
