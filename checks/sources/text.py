"""Plain text as pasted from Word or a web page.

Headings are lines; tables come in three shapes: tab-separated rows (Word, merged cells as empty cells),
``a | b |`` rows (web copies, merged cells dropped), and one cell per line (HTML copied cell by cell).
"""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple

from checks import national_format as nf
from checks.model import Position, Report, Section, Table, Text
from checks.normalize import norm
from checks.sources.headings import find_heading, find_period, parse_title
from checks.sources.tables import RawCell, build_table
from checks.suppression import is_comment

_PROSE_END = "。"


# A cell edge in a pipe table; "\|" is a pipe inside a cell (Markdown's escape, which the writer uses).
_PIPE = re.compile(r"(?<!\\)\|")


class _Region(NamedTuple):
    table: str
    start: int  # 0-based line indexes, end exclusive
    end: int


def split_cells(line: str, line_no: int) -> list[RawCell]:
    """The cells of one line with their columns: tab-separated, pipe-separated, or the whole line as one cell."""
    separator = "\t" if "\t" in line else "|" if "|" in line else None
    if separator is None:
        stripped = line.strip()
        return [RawCell(stripped, Position(line_no, line.index(stripped[0]) + 1 if stripped else 1))]
    pieces = line.split("\t") if separator == "\t" else _PIPE.split(line)
    offsets = []
    offset = 0
    for piece in pieces:
        offsets.append(offset)
        offset += len(piece) + 1
    if separator == "|":
        # "| a | b |" and "a | b |": the edges of the line are not cells.
        if pieces and not pieces[-1].strip():
            pieces, offsets = pieces[:-1], offsets[:-1]
        if len(pieces) > 1 and not pieces[0].strip() and line.lstrip().startswith("|"):
            pieces, offsets = pieces[1:], offsets[1:]
        if not pieces:  # a lone "|": one empty cell
            return [RawCell("", Position(line_no, line.index("|") + 1))]
    cells = []
    for piece, start in zip(pieces, offsets, strict=True):
        stripped = piece.strip()
        column = start + (piece.index(stripped) if stripped else 0) + 1
        text = stripped.replace("\\|", "|") if separator == "|" else stripped
        cells.append(RawCell(text, Position(line_no, column)))
    return cells


def _table_start(cells: list[RawCell]) -> str | None:
    """Which table a line opens, judged by its first non-empty cell."""
    first = next((c.text for c in cells if c.text), "")
    key = norm(first)
    if key.startswith(norm(nf.T2_MARKER_PREFIX)) or key == norm(nf.T2_HEADER):
        return "t2"
    if nf.T3_NOTE_KEYWORD in key or key in (norm(nf.T3_APPLICANTS), norm(nf.T3_ROWS[0].label)):
        return "t3"
    if key in (norm(nf.T4_REVIEW), norm(nf.T4_OUTCOMES[0].label)):
        return "t4"
    return None


def _is_cell_line(line: str) -> bool:
    """Whether a line can belong to a table (prose ends with 。 and is long)."""
    stripped = line.strip()
    if not stripped:
        return True
    if "\t" in line or "|" in line:
        return True
    return not stripped.endswith(_PROSE_END) and len(stripped) <= 60


def parse(path: str, lines: tuple[str, ...]) -> Report:
    return read_text(path, lines, "txt")


def read_text(path: str, lines: tuple[str, ...], source_format: str, full_grid: bool = False) -> Report:
    """The model of text-like lines. ``full_grid``: every table row has a cell for every grid column, so empty
    cells right after a row's labels are merged label cells (as in a tab-separated Word copy) — Markdown tables."""
    source = lines
    # A suppression comment is read as a blank line: not report text, and every other line keeps its number.
    lines = tuple("" if is_comment(line, source_format) else line for line in lines)
    cells_of = [split_cells(line, index + 1) for index, line in enumerate(lines)]

    # Table starts first: a table's own labels (二、上年结转…, 四、结转下年度…) look like headings.
    starts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, cells in enumerate(cells_of):
        table = _table_start(cells)
        if table is not None and table not in seen:
            seen.add(table)
            starts.append((index, table))
    in_table_label = {index for index, _ in starts}

    headings: list[tuple[int, int]] = []  # (line index, part)
    for index, line in enumerate(lines):
        if index in in_table_label or "\t" in line or line.count("|") > 1:
            continue
        first = cells_of[index][0].text if cells_of[index] else ""
        if first and norm(first) in _row_labels():
            continue
        part = find_heading(line)
        if part is not None:
            headings.append((index, part))

    regions = _regions(lines, starts, [index for index, _ in headings])
    region_lines = {i for region in regions for i in range(region.start, region.end)}

    tables: dict[str, Table] = {}
    for region in regions:
        tables[region.table] = _build(region, lines, cells_of, full_grid)

    sections = []
    for number, (index, part) in enumerate(headings):
        end = headings[number + 1][0] if number + 1 < len(headings) else len(lines)
        paragraphs = tuple(
            Text(lines[i].strip(), cells_of[i][0].pos)
            for i in range(index + 1, end)
            if lines[i].strip() and i not in region_lines
        )
        heading = Text(lines[index].strip(), cells_of[index][0].pos)
        sections.append(Section(part, heading, paragraphs, end))

    first_heading = headings[0][0] if headings else len(lines)
    title, agency, year, after_title = parse_title(lines[:first_heading], cells_of)
    preamble = tuple(
        Text(lines[i].strip(), cells_of[i][0].pos)
        for i in range(after_title, first_heading)
        if lines[i].strip() and i not in region_lines
    )
    report = Report(path, source_format, title, agency, year, tuple(sections), tables, source, preamble)
    return report._replace(period=find_period(report.prose()))


@cache
def _row_labels() -> frozenset[str]:
    return frozenset(norm(spec.label) for rows in nf.ROWS.values() for spec in rows if spec.label)


def _regions(lines: tuple[str, ...], starts: list[tuple[int, str]], heading_lines: list[int]) -> list[_Region]:
    """Each table runs from its first line to the next table or heading, less trailing prose and blank lines."""
    stops = sorted({index for index, _ in starts} | set(heading_lines) | {len(lines)})
    regions = []
    for start, table in starts:
        end = next(stop for stop in stops if stop > start)
        cut = start + 1
        while cut < end and _is_cell_line(lines[cut]):
            cut += 1
        while cut > start + 1 and not lines[cut - 1].strip():
            cut -= 1
        regions.append(_Region(table, start, cut))
    return regions


def _build(region: _Region, lines: tuple[str, ...], cells_of: list[list[RawCell]], full_grid: bool) -> Table:
    indexes = [i for i in range(region.start, region.end) if lines[i].strip()]
    tabs = full_grid or any("\t" in lines[i] for i in indexes)
    # A grid has its rows one per line; otherwise cells come one per line and rows are found by their labels.
    row_lines = sum(1 for i in indexes if sum(1 for c in cells_of[i] if c.text) >= 2)
    grid = tabs or row_lines * 2 >= len(indexes)
    units = [cells_of[i] for i in indexes] if grid else [[cell for i in indexes for cell in cells_of[i]]]
    start = next((c.pos for c in cells_of[region.start] if c.text), Position(region.start + 1, 1))
    return build_table(region.table, units, start, region.end, tabs=tabs)
