"""Plain text in the layout of a Word copy: lines separated by blank lines, tables tab-separated on the grid."""

from __future__ import annotations

from checks.model import Report, Table
from checks.specs import Specification
from checks.writers.document import pieces
from checks.writers.place import Grid, lay_out


def write(report: Report) -> str:
    out = []
    for block in pieces(report):
        out.append(block.text if block.table is None else _table(block.table, report.spec))
    return "\n\n".join(out) + "\n"


def _table(table: Table, spec: Specification) -> str:
    grid = lay_out(table, spec)
    if not _blank_first_cell(grid):
        return "\n".join("\t".join(map(_cell, line)) for line in grid.lines)
    # Tab layout reads empty cells right after a row's labels as merged label cells, so a row whose first cells
    # are blank would lose them: such a table is written as `| a | b |` rows (merged cells dropped) instead.
    out = []
    for line, span in zip(grid.lines, grid.values, strict=True):
        start, end = span if span is not None else (len(line), len(line))
        cells = [cell for cell in line[:start] if cell] + list(line[start:end])
        out.append("| " + " | ".join(_cell(cell).replace("|", "｜") for cell in cells) + " |")
    return "\n".join(out)


def _blank_first_cell(grid: Grid) -> bool:
    return any(
        span is not None and span[0] < span[1] and not line[span[0]].strip()
        for line, span in zip(grid.lines, grid.values, strict=True)
    )


def _cell(text: str) -> str:
    return text.replace("\t", " ").replace("\r", " ").replace("\n", " ")  # a cell is one piece of one line
