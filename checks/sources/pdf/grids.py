"""Ruled tables as rows of the official grid, a table that runs over pages read as one.

A table continues on the next page when nothing but furniture (page numbers, running headers) comes between its
part at the bottom of one page and a part of the same width at the top of the next (``continues``). The parts are
put on one grid: their column edges taken together, each cell at the columns its edges are nearest. A header the
next page repeats (Word's 「在各页顶端以标题行形式重复出现」) is dropped: its first rows when they read exactly as
the table's first rows. Where a page break cuts through a cell, the two halves are put together again, at the
first half's place:

- a row broken across the pages (Word lets a row break by default): the next page's first row holds only the rest
  of the texts above it, or texts where the row above has none (its figures, set lower in a tall row);
- a merged cell broken across the pages (「（四）无法提供」 down three rows, 「（四）无」 at the foot of one page and
  「法提供」 at the top of the next): a cell spanning rows on either side, at the same columns, whose second half
  does not start a label of its own (「（五）」, 「2.」, 「三、」), and where both halves are words, not figures;
  a merged cell whose text is all on the first page leaves an empty cell on the next, which is read as covered.

A row is one block, a piece per grid column: a merged cell's text at its top-left position, the positions it
covers ``Covered`` (``sources.blocks``), so an empty piece that is not one is a cell left blank.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from checks.model import Place, Position, Text
from checks.sources.blocks import Covered
from checks.sources.pdf.layout import GridCell, Portion, join_lines, nearest

_SAME_WIDTH = 3.0  # points: the parts of one table on two pages are as wide as each other
_COLUMN_TOLERANCE = 2.0


def continues(before: Portion, after: Portion) -> bool:
    """Whether ``after`` (the first thing on its page) goes on with ``before`` (the last thing on the page before)."""
    return (
        after.page == before.page + 1
        and abs(after.box[0] - before.box[0]) <= _SAME_WIDTH
        and abs(after.box[2] - before.box[2]) <= _SAME_WIDTH
    )


class _Placed:
    """A cell of the joined table: its rows (of the whole table) and columns (of the joined grid), text and place.
    Mutable while the parts are joined: a half of a broken cell gives its text to the other."""

    __slots__ = ("column", "covered", "end_column", "end_row", "line", "page", "row", "text")

    def __init__(self, cell: GridCell, page: int, row: int, column: int, end_column: int) -> None:
        self.row, self.end_row = row, row + cell.end_row - cell.row
        self.column, self.end_column = column, end_column
        self.text, self.line, self.page = cell.text, cell.line, page
        self.covered = False  # the rest of a cell broken by the page, whose text went to its first half


def rows(portions: Sequence[Portion]) -> Iterator[tuple[Text, ...]]:
    """The rows of one table whose parts are ``portions`` (one per page, in order)."""
    edges = _joined_edges(portions)
    placed: list[_Placed] = []
    offset = 0
    first_rows: list[tuple[tuple[int, str], ...]] = []
    for number, portion in enumerate(portions):
        xs = [nearest(edges, x) for x in portion.xs]  # the part's columns on the joined grid
        cells = [_Placed(cell, portion.page, cell.row, xs[cell.column], xs[cell.end_column]) for cell in portion.cells]
        if number == 0:
            first_rows = [_signature(cells, row) for row in range(portion.rows)]
            skip = 0
        else:
            skip = _repeated_header(cells, portion.rows, first_rows)
        cells = [cell for cell in cells if cell.row >= skip]
        for cell in cells:
            cell.row += offset - skip
            cell.end_row += offset - skip
        if number > 0 and cells:
            _mend(placed, cells, offset - 1, len(edges) - 1)
        placed.extend(cells)
        offset += portion.rows - skip
    yield from _grid_rows(placed, offset, len(edges) - 1)


def _joined_edges(portions: Sequence[Portion]) -> list[float]:
    edges: list[float] = []
    for value in sorted(x for portion in portions for x in portion.xs):
        if not edges or value - edges[-1] > _COLUMN_TOLERANCE:
            edges.append(value)
    return edges


def _signature(cells: Sequence[_Placed], row: int) -> tuple[tuple[int, str], ...]:
    """What a row shows: each cell that starts in it, by column, with its text."""
    return tuple((cell.column, cell.text) for cell in cells if cell.row == row)


def _repeated_header(cells: Sequence[_Placed], count: int, first_rows: Sequence[tuple[tuple[int, str], ...]]) -> int:
    """How many of a part's first rows repeat the table's first rows (a header repeated on each page); never all
    of them, and only rows with text."""
    repeated = 0
    while repeated < min(count - 1, len(first_rows)):
        shown = _signature(cells, repeated)
        if not any(text for _, text in shown) or shown != first_rows[repeated]:
            break
        repeated += 1
    return repeated


def _mend(above: list[_Placed], below: list[_Placed], last: int, columns: int) -> None:
    """Put together the cells the page break between row ``last`` (the last row of the part above) and the next
    cut in two (the module's docstring says when)."""
    upper = _starting_at(above, last, columns, covering=True)
    lower = _starting_at(below, last + 1, columns, covering=False)
    halves = [c for c in range(columns) if _halves(upper.get(c), lower.get(c))]
    texts = [c for c, cell in lower.items() if cell.text]
    # A row broken across the pages: all the next row holds is the rest of the texts above, or what the row above
    # leaves empty (a figure set lower in its cell). At least one half must show it.
    if halves and all(c in halves or (c in upper and not upper[c].text) for c in texts):
        for c in texts:
            _give(upper[c], lower[c])
        return
    for c, cell in lower.items():
        top = upper.get(c)
        if top is None or top.end_column != cell.end_column:
            continue
        spans = top.row < last or cell.end_row > last + 2
        if c in halves and spans:
            _give(top, cell)
        elif not cell.text and spans and top.text and _words(top.text):
            cell.covered = True  # a merged label whose text all stayed above: its rest is no blank cell


def _starting_at(cells: Sequence[_Placed], row: int, columns: int, *, covering: bool) -> dict[int, _Placed]:
    """The cells in ``row`` by the column they start at: those covering it (``covering``) or starting in it."""
    found: dict[int, _Placed] = {}
    for cell in cells:
        inside = cell.row <= row < cell.end_row if covering else cell.row == row
        if inside and cell.column < columns:
            found[cell.column] = cell
    return found


def _halves(top: _Placed | None, bottom: _Placed | None) -> bool:
    """Whether two cells, one above the page break and one below, at the same columns, may be one cut in two."""
    return (
        top is not None
        and bottom is not None
        and top.end_column == bottom.end_column
        and _words(top.text)
        and _words(bottom.text)
        and not starts_a_label(bottom.text)
    )


def _give(top: _Placed, bottom: _Placed) -> None:
    top.text = join_lines([top.text, bottom.text])
    bottom.text = ""
    bottom.covered = True


def _words(text: str) -> bool:
    return any("\u3400" <= char <= "\u9fff" for char in text)


_NUMERALS = frozenset("一二三四五六七八九十")
_LABEL_MARKS = frozenset("、.．")


def starts_a_label(text: str) -> bool:
    """Whether a text begins as the format's labels are numbered: 「（四）」, 「(4)」, 「三、」, 「2.」, 「2、」."""
    if text[:1] in ("（", "(") and text[1:2] and (text[1] in _NUMERALS or text[1].isdigit()):
        return True
    index = 0
    while index < len(text) and (text[index] in _NUMERALS or text[index].isdigit()):
        index += 1
    return 0 < index < len(text) and text[index] in _LABEL_MARKS


def _grid_rows(cells: Sequence[_Placed], count: int, columns: int) -> Iterator[tuple[Text, ...]]:
    owner: dict[tuple[int, int], _Placed] = {}
    starting: dict[int, list[_Placed]] = {}
    for placed in cells:
        starting.setdefault(placed.row, []).append(placed)
        for row in range(placed.row, min(placed.end_row, count)):
            for column in range(placed.column, min(placed.end_column, columns)):
                owner.setdefault((row, column), placed)
    for row in range(count):
        if row not in starting:
            continue  # every grid position of the row covered: no row a reader sees
        at = min(starting[row], key=lambda cell: (cell.page, cell.line))
        row_place = Place(page=at.page, line=at.line)
        pieces: list[Text] = []
        # A row drawn shorter than the grid (a cell left out) ends at its last cell, as a Word row without it does;
        # LibreOffice draws such a row with its last cell widened to the table's edge, and a figure is one cell
        # however wide it is drawn, so its width past its first column is no part of the row either.
        end = max((c + 1 for c in range(columns) if (row, c) in owner), default=0)
        widest = owner.get((row, end - 1))
        if widest is not None and widest.row == row and widest.text and not _words(widest.text):
            end = widest.column + 1
        for column in range(end):
            cell = owner.get((row, column))
            if cell is not None and cell.row == row and cell.column == column and not cell.covered:
                pieces.append(Text(cell.text, Position(0, 0, Place(page=cell.page, line=cell.line))))
            else:
                pieces.append(Covered("", Position(0, 0, row_place)))
        yield tuple(pieces)
