"""A page's characters laid out as a reader sees them: lines of text, and the cells of ruled tables on their grid.

Lines are counted from the top of the page as a reader counts them (``第 3 页第 12 行``): characters whose middles are
within half a character's height of each other are one line, across the whole width of the page, table cells
included, so that the line of a cell is the line a reader finds it on. Text outside the tables is kept as lines
(``Line``); each ruled table becomes a ``Portion``: its column and row edges and its cells, a merged cell once, with
its text and line. Characters drawn twice over each other (the fake bold of a font without a bold face) count once.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from checks.sources.pdf.pages import Box, Glyph, PageRead

_EDGE_TOLERANCE = 1.5  # points: ruling lines of one column or row, as drawn, differ by less than this
_SPACE_GAP = 0.25  # of the font size: a gap between two Latin letters or digits this wide is a space
_WIDE_GAP = 1.5  # of the font size: a gap this wide in a line of a page without ruled tables separates cells


class Line(NamedTuple):
    """A line of text outside the tables: its page and number there, its box, and its characters left to right."""

    page: int
    number: int
    glyphs: tuple[Glyph, ...]

    @property
    def x0(self) -> float:
        return self.glyphs[0].x0

    @property
    def x1(self) -> float:
        return max(glyph.x1 for glyph in self.glyphs)

    @property
    def top(self) -> float:
        return min(glyph.top for glyph in self.glyphs)

    @property
    def bottom(self) -> float:
        return max(glyph.bottom for glyph in self.glyphs)

    @property
    def size(self) -> float:
        return max(glyph.size for glyph in self.glyphs)

    @property
    def text(self) -> str:
        return joined(self.glyphs)

    def pieces(self) -> list[tuple[Glyph, ...]]:
        """The line cut at wide gaps: the cells of a table laid out by alignment alone, without ruling lines."""
        out: list[list[Glyph]] = [[self.glyphs[0]]]
        for before, glyph in zip(self.glyphs, self.glyphs[1:], strict=False):
            if glyph.x0 - before.x1 >= _WIDE_GAP * max(before.size, glyph.size):
                out.append([])
            out[-1].append(glyph)
        return [tuple(piece) for piece in out]


class GridCell(NamedTuple):
    """A table cell on one page: the grid rows and columns it spans (end exclusive), its text and line."""

    row: int
    end_row: int
    column: int
    end_column: int
    text: str
    line: int


class Portion(NamedTuple):
    """A ruled table on one page: its box, its column edges (x) and row count, and its cells by rows."""

    page: int
    box: Box
    xs: tuple[float, ...]
    rows: int
    cells: tuple[GridCell, ...]


class Laid(NamedTuple):
    """A page laid out: its lines outside tables and its tables, each from the top down."""

    page: PageRead
    lines: tuple[Line, ...]
    portions: tuple[Portion, ...]


def lay_out(page: PageRead) -> Laid:
    glyphs = _deduplicated([g for g in page.glyphs if g.text.strip()])
    numbers, centres = _line_numbers(glyphs)
    tables = [table for table in page.tables if len(table.cells) > 1]  # one cell: a frame round the page's text
    inside: list[list[tuple[Glyph, int]]] = [[] for _ in tables]
    outside: dict[int, list[Glyph]] = {}
    for glyph, number in zip(glyphs, numbers, strict=True):
        x, y = (glyph.x0 + glyph.x1) / 2, (glyph.top + glyph.bottom) / 2
        for index, table in enumerate(tables):
            x0, top, x1, bottom = table.box
            if x0 <= x <= x1 and top <= y <= bottom:
                inside[index].append((glyph, number))
                break
        else:
            outside.setdefault(number, []).append(glyph)
    lines = tuple(
        Line(page.number, number, tuple(sorted(found, key=_left))) for number, found in sorted(outside.items())
    )
    portions = tuple(
        _portion(page.number, table.box, table.cells, inside[index], centres) for index, table in enumerate(tables)
    )
    return Laid(page, lines, tuple(sorted(portions, key=lambda p: p.box[1])))


def _left(glyph: Glyph) -> float:
    return glyph.x0


def _deduplicated(glyphs: list[Glyph]) -> list[Glyph]:
    """Without the second copy of a character drawn over itself (fake bold, shadows)."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for glyph in glyphs:
        key = (glyph.text, round(glyph.x0 / (0.3 * glyph.size or 1)), round(glyph.top / (0.3 * glyph.size or 1)))
        if key not in seen:
            seen.add(key)
            out.append(glyph)
    return out


def _line_numbers(glyphs: Sequence[Glyph]) -> tuple[list[int], list[float]]:
    """The line on the page of each glyph (1-based, from the top), and each line's middle."""
    order = sorted(range(len(glyphs)), key=lambda i: glyphs[i].top + glyphs[i].bottom)
    numbers = [0] * len(glyphs)
    centres: list[float] = []
    start = None
    for index in order:
        glyph = glyphs[index]
        middle = (glyph.top + glyph.bottom) / 2
        if start is None or middle - start > 0.5 * max(glyph.size, 1.0):
            start = middle
            centres.append(middle)
        numbers[index] = len(centres)
    return numbers, centres


def _edges(values: Sequence[float]) -> list[float]:
    """Coordinates of ruling lines, those closer than the tolerance taken as one."""
    edges: list[float] = []
    for value in sorted(values):
        if not edges or value - edges[-1] > _EDGE_TOLERANCE:
            edges.append(value)
    return edges


def nearest(edges: Sequence[float], value: float) -> int:
    """The index of the edge nearest ``value``."""
    index = bisect.bisect_left(edges, value)
    if index == len(edges) or (index > 0 and value - edges[index - 1] < edges[index] - value):
        index -= 1
    return index


def _portion(
    page: int, box: Box, boxes: Sequence[Box], glyphs: list[tuple[Glyph, int]], centres: list[float]
) -> Portion:
    xs = _edges([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _edges([b[1] for b in boxes] + [b[3] for b in boxes])
    spans = [(nearest(ys, b[1]), nearest(ys, b[3]), nearest(xs, b[0]), nearest(xs, b[2])) for b in boxes]
    owner: dict[tuple[int, int], int] = {}
    for index, (row, end_row, column, end_column) in enumerate(spans):
        for r in range(row, end_row):
            for c in range(column, end_column):
                owner.setdefault((r, c), index)
    held: list[list[tuple[Glyph, int]]] = [[] for _ in boxes]
    for glyph, number in glyphs:
        r = bisect.bisect_right(ys, (glyph.top + glyph.bottom) / 2) - 1
        c = bisect.bisect_right(xs, (glyph.x0 + glyph.x1) / 2) - 1
        if (r, c) in owner:
            held[owner[(r, c)]].append((glyph, number))
    cells = []
    for index, (row, end_row, column, end_column) in enumerate(spans):
        if end_row <= row or end_column <= column:
            continue  # a box of no width or height: a doubled ruling line
        found = held[index]
        line = min(n for _, n in found) if found else _line_at(centres, ys[row], ys[end_row])
        cells.append(GridCell(row, end_row, column, end_column, _cell_text(found), line))
    cells.sort(key=lambda cell: (cell.row, cell.column))
    return Portion(page, box, tuple(xs), len(ys) - 1, tuple(cells))


def _line_at(centres: list[float], top: float, bottom: float) -> int:
    """The line of an empty cell: the first line of the page whose middle is inside it, else the one before it."""
    index = bisect.bisect_left(centres, top)
    return index + 1 if index < len(centres) and centres[index] <= bottom else max(index, 1)


def _cell_text(found: list[tuple[Glyph, int]]) -> str:
    """A cell's lines, top to bottom, joined as one text."""
    by_line: dict[int, list[Glyph]] = {}
    for glyph, number in found:
        by_line.setdefault(number, []).append(glyph)
    texts = [joined(sorted(by_line[number], key=_left)) for number in sorted(by_line)]
    return join_lines(texts)


def joined(glyphs: Sequence[Glyph]) -> str:
    """A line's characters as text: a space where the PDF draws none between two Latin letters or digits far
    apart (some writers place words instead of writing spaces), never between Chinese characters."""
    out: list[str] = []
    before: Glyph | None = None
    for glyph in glyphs:
        if (
            before is not None
            and _latin(before.text[-1])
            and _latin(glyph.text[0])
            and glyph.x0 - before.x1 > _SPACE_GAP * max(glyph.size, before.size)
        ):
            out.append(" ")
        out.append(glyph.text)
        before = glyph
    return "".join(out)


def join_lines(texts: Sequence[str]) -> str:
    """Lines a cell or paragraph wraps into, as one text: a space between two Latin words, none in Chinese."""
    out = ""
    for text in texts:
        text = text.strip()
        if out and text and _latin(out[-1]) and _latin(text[0]):
            out += " "
        out += text
    return out


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()
