"""The official grid of each table, built from a specification: which label goes in which line and column.

The grid is the tab-separated layout of a Word copy (examples/clean.txt): every line has a cell for every grid
column, and a merged cell is written once, in its top-left position, with the cells it covers left empty.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from checks import labels
from checks.specs import Specification, default


class Slot(NamedTuple):
    """An official label cell of the grid."""

    label: str
    column: int


class GridLine(NamedTuple):
    """A line of the official grid: header labels, and the data row that goes on it (by key), if any."""

    slots: tuple[Slot, ...]
    row: str | None = None
    label_column: int | None = None  # where the row's own label goes; None: the row has no label (表四)


class Layout(NamedTuple):
    width: int
    values_column: int  # where a data row's cells start
    lines: tuple[GridLine, ...]

    def header_labels(self) -> tuple[str, ...]:
        """Every official label outside the data rows' own labels, in grid order (repeats included)."""
        return tuple(slot.label for line in self.lines for slot in line.slots)


def layout(table: str, spec: Specification | None = None) -> Layout:
    """The grid of ``table`` in ``spec`` (by default the national format in force)."""
    return _layout(spec or default(), table)


@cache
def _layout(spec: Specification, table: str) -> Layout:
    return {"t2": _t2, "t3": _t3, "t4": _t4}[table](spec)


def _t2(spec: Specification) -> Layout:
    # Each block: its marker line, its 信息内容 header with the block's columns, then its rows.
    width = 1 + max(len(row.columns) for row in spec.t2_rows)
    lines: list[GridLine] = []
    for block in spec.t2_blocks:
        lines.append(GridLine((Slot(block.marker, 0),)))
        columns = block.rows[0].columns
        lines.append(GridLine((Slot(spec.t2_header, 0), *(Slot(c.label, 1 + i) for i, c in enumerate(columns)))))
        lines.extend(GridLine((), row.key, 0) for row in block.rows)
    return Layout(width, 1, tuple(lines))


def _t3_groups(spec: Specification) -> dict[str, tuple[int, int]]:
    """Each group label of 表三 -> (first, last) index of the rows under it."""
    spans: dict[str, tuple[int, int]] = {}
    for index, row in enumerate(spec.t3_rows):
        if row.group is not None:
            spans[row.group] = (spans.get(row.group, (index, index))[0], index)
    return spans


def _t3(spec: Specification) -> Layout:
    spans = _t3_groups(spec)

    def depth(group: str) -> int:  # how many groups enclose this one (（三）不予公开 sits inside 三、本年度办理结果)
        first, last = spans[group]
        return sum(1 for other, (a, b) in spans.items() if other != group and a <= first and last <= b)

    row_depth = [0 if row.group is None else depth(row.group) + 1 for row in spec.t3_rows]
    values = max(row_depth) + 1  # the label columns
    # 自然人 stands alone, the organisations share 法人或其他组织, and the total closes the row.
    first, *legal, total = spec.t3_columns
    lines = [
        GridLine((Slot(spec.t3_note, 0), Slot(spec.t3_applicants, values))),
        GridLine(
            (
                Slot(first.label, values),
                Slot(spec.t3_legal_persons, values + 1),
                Slot(total.label, values + len(spec.t3_columns) - 1),
            )
        ),
        GridLine(tuple(Slot(c.label, values + 1 + i) for i, c in enumerate(legal))),
    ]
    for index, row in enumerate(spec.t3_rows):
        # A group's label goes on the line of its first row, in the label column of its depth.
        groups = sorted((depth(g), g) for g, (a, _) in spans.items() if a == index)
        lines.append(GridLine(tuple(Slot(g, d) for d, g in groups), row.key, row_depth[index]))
    return Layout(values + len(spec.t3_columns), values, tuple(lines))


def _t4(spec: Specification) -> Layout:
    outcomes = spec.t4_outcomes
    n = len(outcomes)
    suits = spec.t4_groups[1:]
    lines = (
        GridLine((Slot(spec.t4_review, 0), Slot(spec.t4_litigation, n))),
        GridLine(
            (
                *(Slot(o.label, j) for j, o in enumerate(outcomes)),
                *(Slot(g.label, n * (1 + i)) for i, g in enumerate(suits)),
            )
        ),
        GridLine(tuple(Slot(o.label, n * (1 + i) + j) for i in range(len(suits)) for j, o in enumerate(outcomes))),
        GridLine((), spec.t4_row.key, None),
    )
    return Layout(n * len(spec.t4_groups), 0, lines)


def official_header(spec: Specification, table: str, text: str) -> str | None:
    """The official header label a written one stands for (checks.labels: exact, the 勾稽 note, a variant, else
    the most alike), so that it takes that label's slot."""
    return labels.vocabulary(spec, table).header(text)
