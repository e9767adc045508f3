"""The official grid of each table, built from ``national_format``: which label goes in which line and column.

The grid is the tab-separated layout of a Word copy (examples/clean.txt): every line has a cell for every grid
column, and a merged cell is written once, in its top-left position, with the cells it covers left empty.
"""

from __future__ import annotations

from functools import cache
from typing import NamedTuple

from checks import national_format as nf
from checks.normalize import best_match, norm
from checks.rules.wording import HEADER_SIMILARITY, NOTE_SIMILARITY


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


@cache
def layout(table: str) -> Layout:
    return {"t2": _t2, "t3": _t3, "t4": _t4}[table]()


def _t2() -> Layout:
    # Each block: its marker line, its 信息内容 header with the block's columns, then its rows.
    width = 1 + max(len(spec.columns) for spec in nf.T2_ROWS)
    lines: list[GridLine] = []
    for block in nf.T2_BLOCKS:
        lines.append(GridLine((Slot(block.marker, 0),)))
        columns = block.rows[0].columns
        lines.append(GridLine((Slot(nf.T2_HEADER, 0), *(Slot(c.label, 1 + i) for i, c in enumerate(columns)))))
        lines.extend(GridLine((), spec.key, 0) for spec in block.rows)
    return Layout(width, 1, tuple(lines))


def _t3_groups() -> dict[str, tuple[int, int]]:
    """Each group label of 表三 -> (first, last) index of the rows under it."""
    spans: dict[str, tuple[int, int]] = {}
    for index, spec in enumerate(nf.T3_ROWS):
        if spec.group is not None:
            spans[spec.group] = (spans.get(spec.group, (index, index))[0], index)
    return spans


def _t3() -> Layout:
    spans = _t3_groups()

    def depth(group: str) -> int:  # how many groups enclose this one (（三）不予公开 sits inside 三、本年度办理结果)
        first, last = spans[group]
        return sum(1 for other, (a, b) in spans.items() if other != group and a <= first and last <= b)

    row_depth = [0 if spec.group is None else depth(spec.group) + 1 for spec in nf.T3_ROWS]
    values = max(row_depth) + 1  # the label columns
    # 自然人 stands alone, the organisations share 法人或其他组织, and the total closes the row.
    first, *legal, total = nf.T3_COLUMNS
    lines = [
        GridLine((Slot(nf.T3_NOTE, 0), Slot(nf.T3_APPLICANTS, values))),
        GridLine(
            (
                Slot(first.label, values),
                Slot(nf.T3_LEGAL_PERSONS, values + 1),
                Slot(total.label, values + len(nf.T3_COLUMNS) - 1),
            )
        ),
        GridLine(tuple(Slot(c.label, values + 1 + i) for i, c in enumerate(legal))),
    ]
    for index, spec in enumerate(nf.T3_ROWS):
        # A group's label goes on the line of its first row, in the label column of its depth.
        groups = sorted((depth(g), g) for g, (a, _) in spans.items() if a == index)
        lines.append(GridLine(tuple(Slot(g, d) for d, g in groups), spec.key, row_depth[index]))
    return Layout(values + len(nf.T3_COLUMNS), values, tuple(lines))


def _t4() -> Layout:
    outcomes = nf.T4_OUTCOMES
    n = len(outcomes)
    suits = nf.T4_GROUPS[1:]
    lines = (
        GridLine((Slot(nf.T4_REVIEW, 0), Slot(nf.T4_LITIGATION, n))),
        GridLine(
            (
                *(Slot(o.label, j) for j, o in enumerate(outcomes)),
                *(Slot(g.label, n * (1 + i)) for i, g in enumerate(suits)),
            )
        ),
        GridLine(tuple(Slot(o.label, n * (1 + i) + j) for i in range(len(suits)) for j, o in enumerate(outcomes))),
        GridLine((), nf.T4_ROW.key, None),
    )
    return Layout(n * len(nf.T4_GROUPS), 0, lines)


def official_header(table: str, text: str) -> str | None:
    """The official header label a written one stands for: exact after normalising, else the most alike."""
    labels = nf.HEADER_LABELS[table]
    key = norm(text)
    exact = next((label for label in labels if norm(label) == key), None)
    if exact is not None:
        return exact
    if table == "t3" and (nf.T3_NOTE_KEYWORD in text or best_match(text, (nf.T3_NOTE,), NOTE_SIMILARITY) is not None):
        return nf.T3_NOTE
    match = best_match(text, tuple(label for label in labels if label != nf.T3_NOTE), HEADER_SIMILARITY)
    return match[0] if match else None
