"""Markdown (docs/formats.md): front matter with the metadata, ``#`` title, ``##`` parts, GFM full-grid tables."""

from __future__ import annotations

from checks.model import METADATA_KEYS, Report, Table
from checks.specs import Specification
from checks.writers.document import pieces
from checks.writers.place import lay_out

FENCE = "---"
_MARKS = {"title": "# ", "heading": "## ", "paragraph": ""}


def write(report: Report) -> str:
    out = []
    if report.metadata is not None:
        data = report.to_data()
        front = {key: data[key] for key in METADATA_KEYS.values() if key in data}
        if front:
            from checks.writers.yaml import dump  # only a report with metadata needs YAML

            out.append(f"{FENCE}\n{dump(front)}{FENCE}")
    for block in pieces(report):
        out.append(_MARKS[block.kind] + block.text if block.table is None else _table(block.table, report.spec))
    return "\n\n".join(out) + "\n"


def _table(table: Table, spec: Specification) -> str:
    grid = lay_out(table, spec)
    lines = [_row(line) for line in grid.lines]
    lines.insert(1, "|" + " --- |" * grid.width)  # the first line is the GFM header row
    return "\n".join(lines)


def _row(cells: tuple[str, ...]) -> str:
    # markdownlint's "compact" style (MD060): one space each side of a cell's text, one in an empty cell.
    return "|" + "".join(f" {text} |" if text else " |" for text in map(_cell, cells))


def _cell(text: str) -> str:
    return " ".join(text.split("\n")).replace("|", "\\|")
