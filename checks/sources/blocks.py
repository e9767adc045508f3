"""What every reader of a document hands the assembler: blocks of positioned text, its comments, what it states.

A *block* is a paragraph (one piece of text) or a table row (one piece per cell). Each piece is a ``Text`` with
its position in the source — a line and column of the file, or, in a Word document, its place — and ``runs``
where it stops following the source character by character (an HTML page's markup or character references
between its characters). The assembler (``sources.assemble``) turns the blocks into the report by the report's
specification; nothing is re-split into cells or moved after it is read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import NamedTuple

from checks.findings import Finding
from checks.model import Comment, Metadata, Position, SourceData, Text


class Shape(Enum):
    """How a block's pieces were laid out in the source, which says what its empty pieces mean."""

    PARAGRAPH = "paragraph"  # running text: one piece
    TABS = "tabs"  # a tab-separated line of pasted text: empty cells after the labels are merged ones
    PIPES = "pipes"  # a "| a | b |" line of a web copy: merged cells dropped
    GRID = "grid"  # a Markdown table's row: a piece for every cell of the grid
    # A table row of a document that knows its merged cells (Word, HTML): a piece for every cell of the grid, those
    # a merged cell covers ``Covered``, so that an empty piece that is not one is a cell left blank.
    MERGED = "merged"


class Covered(Text):
    """A grid cell that a merged cell covers (to its right or below): empty, and not a cell of its own."""

    __slots__ = ()


class Block(NamedTuple):
    pieces: tuple[Text, ...]
    shape: Shape = Shape.PARAGRAPH

    @property
    def is_row(self) -> bool:
        return self.shape is not Shape.PARAGRAPH

    def as_text(self) -> Text:
        """The block as one piece of text (a row's cells joined by tabs), each character where the source has it."""
        if len(self.pieces) == 1:
            return self.pieces[0]
        written = [index for index, piece in enumerate(self.pieces) if piece.text]
        if not written:
            return Text("", self.pieces[0].pos)
        pieces = self.pieces[written[0] : written[-1] + 1]  # as a line is read: without the empty cells at its ends
        runs: list[tuple[int, Position]] = []
        offset = 0
        for piece in pieces:
            runs.append((offset, piece.pos))
            runs.extend((offset + index, pos) for index, pos in piece.runs)
            offset += len(piece.text) + 1
        return Text("\t".join(piece.text for piece in pieces), pieces[0].pos, tuple(runs))


def block(pieces: Iterable[Text], shape: Shape) -> Block:
    """A document's block: each piece without the white space around it (a cell of only &nbsp; is empty), as a
    reader sees it; one piece is a paragraph whatever its source."""
    stripped = tuple(piece.stripped() for piece in pieces)
    return Block(stripped, shape if len(stripped) > 1 else Shape.PARAGRAPH)


class Document(NamedTuple):
    """A source read: its blocks in reading order and what else it states, for the assembler.

    ``lines`` are what reporters quote (the file's lines, or a Word document's text form, one line per block);
    ``title`` a title the document states besides its text (a page's ``<title>``), used when its text has none;
    ``findings`` what reading it met (I003 syntax, I004 limits); ``unreadable``: nothing could be read;
    ``wider``: a wider reading of the same source, for when this one holds nothing of a report (a page whose
    article sits in an element named like the site's furniture).
    """

    path: str
    format: str
    blocks: tuple[Block, ...]
    lines: tuple[str, ...]
    comments: tuple[Comment, ...] = ()
    findings: tuple[Finding, ...] = ()
    metadata: Metadata | None = None
    data: SourceData | None = None
    title: Text | None = None
    unreadable: bool = False
    wider: Callable[[], Document] | None = None


def numbered(blocks: Iterable[tuple[Text, ...]], shape: Shape) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """Blocks of a source without lines of its own (a Word document), and its text form: block *n* is line *n*, its
    cells joined by tabs, and each piece is at its line and column there (keeping its place in the document), so a
    reporter can quote the line a finding is on. Blocks without text are left out."""
    kept: list[Block] = []
    lines: list[str] = []
    for pieces in blocks:
        if not any(piece.text for piece in pieces):
            continue
        line, column, placed = len(lines) + 1, 1, []
        for piece in pieces:
            placed.append(piece.__class__(piece.text, Position(line, column, piece.pos.place)))  # (Covered stays)
            column += len(piece.text) + 1  # the tab after it
        kept.append(block(placed, shape))
        lines.append("\t".join(piece.text for piece in pieces))
    return tuple(kept), tuple(lines)
