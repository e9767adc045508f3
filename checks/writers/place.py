"""A table of the model laid out on the official grid (``grid``), for the text-like writers.

The labels are the ones the report wrote, put where the official labels they stand for belong; data rows keep
their order, their labels as written and their cells' raw text, so that a converted report has the same findings.
"""

from __future__ import annotations

from typing import NamedTuple

from checks.model import Position, Row, Table, Text
from checks.specs import Specification
from checks.writers.grid import layout, official_header


class Grid(NamedTuple):
    """A table laid out: ``lines`` of cell texts (unescaped), ``width`` the official grid's width.

    ``values`` says, for each line, where a data row's own cells are (start, end), or None for a label line.
    """

    width: int
    lines: tuple[tuple[str, ...], ...]
    values: tuple[tuple[int, int] | None, ...]


def _order(pos: Position) -> tuple[int, int]:
    return (pos.line, pos.column)


_Anchor = tuple[str, int]  # what a label matching no official one is written after: ("line"|"row"|"first", index)


def lay_out(table: Table, spec: Specification) -> Grid:
    """The lines of ``table`` on the official grid of ``spec``, the report's specification (see the module
    docstrings)."""
    return _Laying(table, spec).run()


class _Laying:
    def __init__(self, table: Table, spec: Specification) -> None:
        self.table = table
        self.spec = spec
        self.grid = layout(table.key, spec)
        self.expected = {row.key: len(row.columns) for row in spec.rows[table.key]}
        self.rows = sorted((*table.rows, *table.unplaced), key=lambda r: _order(r.pos))
        self.filled: dict[tuple[int, int], str] = {}  # (grid line, column) -> the header label as written
        self.extras: dict[_Anchor, list[str]] = {}
        self.out: list[tuple[str, ...]] = []
        self.values: list[tuple[int, int] | None] = []
        self.done = [False] * len(self.grid.lines)
        self._place_labels()

    def _place_labels(self) -> None:
        """Written header labels take the official slots they stand for, occurrences in order; a label standing
        for none (or for one already taken) is kept on a line of its own after what was written before it."""
        free = [(i, slot) for i, line in enumerate(self.grid.lines) for slot in line.slots]
        line_of: dict[int, int] = {}  # written label index -> grid line
        for index, label in enumerate(self.table.labels):
            official = official_header(self.spec, self.table.key, label.text)
            spot = next((k for k, (_, slot) in enumerate(free) if slot.label == official), None)
            if official is not None and spot is not None:
                line, slot = free.pop(spot)
                self.filled[(line, slot.column)] = label.text
                line_of[index] = line
        events = [(_order(label.pos), "label", i) for i, label in enumerate(self.table.labels)]
        events += [(_order(row.pos), "row", i) for i, row in enumerate(self.rows)]
        anchor: _Anchor = ("first", 0)
        for _, kind, index in sorted(events):
            if kind == "row":
                anchor = ("row", index)
            elif index in line_of:
                anchor = ("line", line_of[index])
            else:
                self.extras.setdefault(anchor, []).append(self.table.labels[index].text)

    def run(self) -> Grid:
        grid = self.grid
        present = {row.key for row in self.rows if row.key}
        row_line = {line.row: i for i, line in enumerate(grid.lines) if line.row is not None}
        for index, row in enumerate(self.rows):
            at = row_line.get(row.key)
            if at is None:  # unplaced: its label right before its cells, so that it reads as a row again
                lead = [""] * max(grid.values_column - 1, 0) + [_label(row.label)]
                self._emit(*_cells(lead, row, 0, grid.width), ("row", index))
                continue
            for earlier in range(at):  # the header lines the official layout puts before this row
                if not self.done[earlier] and grid.lines[earlier].row not in present:
                    self._header(earlier)
            lead = [""] * grid.values_column
            spec = grid.lines[at]
            if spec.label_column is not None:
                lead[spec.label_column] = _label(row.label)
            anchors: tuple[_Anchor, ...] = ()
            if not self.done[at]:  # the first of its rows carries its group labels
                self.done[at] = True
                for slot in spec.slots:
                    lead[slot.column] = self.filled.get((at, slot.column), "")
                anchors = (("line", at),)
            self._emit(*_cells(lead, row, self.expected.get(row.key, 0), grid.width), *anchors, ("row", index))
        for line in range(len(grid.lines)):
            if not self.done[line]:
                self._header(line)
        for anchor in list(self.extras):  # only when nothing at all was written before them
            self._extras(anchor)
        return Grid(grid.width, tuple(self.out), tuple(self.values))

    def _header(self, line: int) -> None:
        self.done[line] = True
        cells = [""] * self.grid.width
        for slot in self.grid.lines[line].slots:
            cells[slot.column] = self.filled.get((line, slot.column), "")
        self._emit(cells, None, ("line", line))

    def _emit(self, cells: list[str], span: tuple[int, int] | None, *anchors: _Anchor) -> None:
        if span is not None or any(cells):  # a header line none of whose labels the report wrote is left out
            self.out.append(tuple(cells))
            self.values.append(span)
            if len(self.out) == 1:
                anchors = (*anchors, ("first", 0))
        for anchor in anchors:
            self._extras(anchor)

    def _extras(self, anchor: _Anchor) -> None:
        for text in self.extras.pop(anchor, []):
            self.out.append((text, *[""] * (self.grid.width - 1)))
            self.values.append(None)


def _label(label: Text | None) -> str:
    return "" if label is None else label.text


def _cells(lead: list[str], row: Row, expected: int, width: int) -> tuple[list[str], tuple[int, int]]:
    """The row's cells after its label cells, and where they are; padded to the grid's width only where a reader
    drops the padding (a row with fewer cells than its columns would otherwise gain blank ones)."""
    cells = lead + [cell.raw for cell in row.cells]
    span = (len(lead), len(cells))
    if len(row.cells) >= expected:
        cells += [""] * (width - len(cells))
    return cells, span


class Merge(NamedTuple):
    """A cell of a laid-out table as Word draws it: where it starts and how many lines and columns it covers."""

    line: int
    column: int
    down: int
    across: int


def merges(grid: Grid) -> list[Merge]:
    """The header and label cells of ``grid`` merged as on the official attachment: a label takes in the empty
    cells to its right, then the lines below whose cells under it are empty (三、本年度办理结果 spans the rows of its
    group, 申请人情况 the columns of 表三). A data row's own cells are never merged with each other: a blank one is
    a cell left blank, and stays one; its last takes in the empty cells the line has after it (本年处理决定数量 spans
    three columns of 表二, and so does the one figure under it)."""
    lines = grid.lines

    def free(line: int, column: int) -> bool:
        span = grid.values[line]
        in_data = span is not None and span[0] <= column < span[1]
        return column < len(lines[line]) and not lines[line][column] and not in_data and (line, column) not in covered

    covered: set[tuple[int, int]] = set()
    out = []
    for r, cells in enumerate(lines):
        span = grid.values[r]
        for c, text in enumerate(cells):
            if (r, c) in covered:
                continue
            across = down = 1
            if span is not None and c == span[1] - 1:
                while free(r, c + across):  # the line's empty cells after its last value (表二's one-value rows)
                    across += 1
            elif text and (span is None or not span[0] <= c < span[1]):
                while free(r, c + across):
                    across += 1
                while (
                    r + down < len(lines)
                    and _continues(grid, r + down, c)
                    and all(free(r + down, c + i) for i in range(across))
                ):
                    down += 1
            covered.update((r + i, c + j) for i in range(down) for j in range(across))
            out.append(Merge(r, c, down, across))
    return out


def _continues(grid: Grid, line: int, column: int) -> bool:
    """Whether a label at ``column`` may reach down into ``line``: not a data row with a label of its own to the
    left (（七）总计 under 3.其他 ends the group above it)."""
    return grid.values[line] is None or not any(grid.lines[line][:column])
