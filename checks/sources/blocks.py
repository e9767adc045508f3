"""Documents with a structure of their own (HTML pages, Word files), read through a text form of themselves.

Such a source hands over *blocks* in reading order: a paragraph (one piece of text) or a table row (one piece per
cell of the official grid, the cells a merged cell covers empty: the full grid of docs/formats.md). The blocks
become the lines the text parser reads, a row's cells joined by tabs, and every position in the model is then
moved back to where its piece is in the source. So a page and its Word copy are read by the same rules as text.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from checks.model import Position, Report, Text, relocate
from checks.sources.text import read_text

# A paragraph is one Text; a table row one Text per grid cell. A Text's position is where it starts in the source
# (``runs`` where it stops following the source character by character); a Word document's texts have no line and
# column of their own, only a place (``pos.place``).
Block = tuple[Text, ...]


def read_blocks(path: str, blocks: Sequence[Block], source_format: str) -> Report:
    """The model of ``blocks``: its ``lines`` are the text form (one per block), its positions the source's."""
    lines: list[str] = []
    starts: list[list[int]] = []  # the column each piece starts at in its line, per line
    pieces: list[Block] = []
    for block in blocks:
        if not any(piece.text for piece in block):
            continue
        columns, column = [], 1
        for piece in block:
            columns.append(column)
            column += len(piece.text) + 1  # the tab after it
        lines.append("\t".join(piece.text for piece in block))
        starts.append(columns)
        pieces.append(block)

    def locate(pos: Position) -> Position:
        if not 0 < pos.line <= len(lines):
            return pos
        columns = starts[pos.line - 1]
        index = max(bisect.bisect_right(columns, pos.column) - 1, 0)
        piece = pieces[pos.line - 1][index]
        if piece.pos.place is not None:
            return Position(pos.line, pos.column, piece.pos.place)
        return piece.at(max(pos.column - columns[index], 0))

    report = read_text(path, tuple(lines), source_format, full_grid=True)
    # A Word document's lines have places: a paragraph, or a table row (its cells' places name the cell too).
    places = tuple(place._replace(cell=None) for block in pieces if (place := block[0].pos.place) is not None)
    return relocate(report, locate)._replace(lines=tuple(lines), places=places)
