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
from checks.normalize import letters, norm
from checks.reading import over_limit
from checks.sources.headings import (
    MAX_JUDGED,
    Candidate,
    choose_parts,
    find_period,
    heading_candidate,
    parse_title,
)
from checks.sources.tables import RawCell, build_table
from checks.suppression import is_comment

_PROSE_END = "。"


# A cell edge in a pipe table; "\|" is a pipe inside a cell (Markdown's escape, which the writer uses).
_PIPE = re.compile(r"(?<!\\)\|")


# Cells in all the tables of a report. The official tables have ~300; every cell costs a parse and a model
# record, so a file of nothing but separators (5 MB of tabs: millions of cells) is refused before any is made.
MAX_CELLS = 200_000


def _too_many_cells(path: str, lines: tuple[str, ...], source_format: str, cells: int) -> Report:
    finding = over_limit(
        f"表格单元格过多（约 {cells:,} 个，上限 {MAX_CELLS:,} 个），未检查",
        f"too many table cells (about {cells:,}, limit {MAX_CELLS:,}); not checked",
        MAX_CELLS,
        cells,
    )
    return Report(path, source_format, None, None, None, (), {}, lines, parse_findings=(finding,), unreadable=True)


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


# A PDF's page number between two pages' text: "- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "3/10".
_PAGE_FOOTER = re.compile(
    r"\s{0,8}(?:[-—–]{1,2}\s{0,4}\d{1,4}\s{0,4}[-—–]{1,2}|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,4}[,，/]?\s{0,4}共\s{0,2}\d{1,4}\s{0,2}页)?"
    r"|\d{1,4}\s{0,2}/\s{0,2}\d{1,4})\s{0,8}"
)
_RULE_CHARS = frozenset("|-:— \t")


def is_copy_artefact(line: str) -> bool:
    """A line a copy of the report adds: a page footer of a PDF, or a Markdown table's delimiter row
    (``|---|---|``) pasted into text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    return _is_table_rule(stripped) or _PAGE_FOOTER.fullmatch(stripped) is not None


def _is_table_rule(line: str) -> bool:
    """A Markdown table's delimiter row: ``|---|:---:|``."""
    stripped = line.strip()
    return "|" in stripped and "-" in stripped and set(stripped) <= _RULE_CHARS


def _separator_only(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and set(stripped) <= {"|", " "}


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
    edges = sum(line.count("\t") or line.count("|") for line in lines)  # counted before any cell is made
    if edges > MAX_CELLS:
        return _too_many_cells(path, lines, source_format, edges)
    source = lines
    # A suppression comment is read as a blank line: not report text, and every other line keeps its number.
    # So is what a copy adds that is not the report's: page footers, Markdown's table rules, lone separators.
    lines = tuple("" if is_comment(line, source_format) or is_copy_artefact(line) else line for line in lines)
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

    candidates: list[Candidate] = []
    for index, line in enumerate(lines):
        if index in in_table_label or "\t" in line or line.count("|") > 1:
            continue
        first = cells_of[index][0].text if cells_of[index] else ""
        if first and norm(first) in _row_labels():
            continue
        found = heading_candidate(line, index, judge=len(candidates) < MAX_JUDGED)
        if found is not None:
            candidates.append(found)
    headings = choose_parts(candidates, {table: index for index, table in starts})

    regions = _regions(lines, starts, [c.line for c, _ in headings])
    region_lines = {i for region in regions for i in range(region.start, region.end)}

    tables: dict[str, Table] = {}
    for region in regions:
        # Markdown pasted into text: its tables are full grids too (their rule rows say so).
        pasted = any(_is_table_rule(source[i]) for i in range(region.start, region.end))
        tables[region.table] = _build(region, lines, cells_of, full_grid or pasted)

    sections = []
    for number, (found, part) in enumerate(headings):
        index = found.line
        end = headings[number + 1][0].line if number + 1 < len(headings) else len(lines)
        heading, after = _heading_and_after(lines[index], found, index + 1)
        paragraphs = tuple(
            Text(lines[i].strip(), cells_of[i][0].pos)
            for i in range(index + 1, end)
            if lines[i].strip() and i not in region_lines
        )
        sections.append(Section(part, heading, (*after, *paragraphs), end))

    first_heading = headings[0][0].line if headings else len(lines)
    title, agency, year, after_title = parse_title(lines[:first_heading], cells_of)
    preamble = tuple(
        Text(lines[i].strip(), cells_of[i][0].pos)
        for i in range(after_title, first_heading)
        if lines[i].strip() and i not in region_lines
    )
    report = Report(path, source_format, title, agency, year, tuple(sections), tables, source, preamble)
    return report._replace(period=find_period(report.prose()))


def _heading_and_after(line: str, found: Candidate, line_no: int) -> tuple[Text, tuple[Text, ...]]:
    """A heading line's heading (from its numeral, without # marks), and the text after it on the same line
    ("六、其他需要报告的事项：无。"), which is the part's first paragraph."""
    heading = line[found.start : found.end].rstrip()
    rest = line[found.end :]
    skip = next((i for i, char in enumerate(rest) if letters(char)), len(rest))
    after = rest[skip:].strip()
    paragraph = (Text(after, Position(line_no, found.end + skip + 1)),) if after else ()
    return Text(heading, Position(line_no, found.start + 1)), paragraph


@cache
def _row_labels() -> frozenset[str]:
    return frozenset(norm(spec.label) for rows in nf.ROWS.values() for spec in rows if spec.label)


@cache
def _labels() -> frozenset[str]:
    """Every label of the three tables: rows, groups, headers."""
    return _row_labels() | {norm(label) for labels in nf.HEADER_LABELS.values() for label in labels}


def _continues(first: RawCell, second: RawCell) -> bool:
    """Whether ``second`` is the rest of a label that a line or page break cut after ``first`` ("（四）无" /
    "法提供"): together they are a label of the format, alone ``first`` is none, and neither is a number."""
    if not first.text or not second.text or first.text[-1].isdigit() or second.text[0].isdigit():
        return False
    labels = _labels()
    return norm(first.text) not in labels and norm(first.text + second.text) in labels


def _joined_cells(cells: list[RawCell]) -> list[RawCell]:
    """Cells one per line, with labels cut in two put together again."""
    joined: list[RawCell] = []
    for cell in cells:
        if joined and _continues(joined[-1], cell):
            joined[-1] = RawCell(joined[-1].text + cell.text, joined[-1].pos)
        else:
            joined.append(cell)
    return joined


def _joined_labels(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """Grid rows, where a line holding only the first piece of a cut label gives it to the next row's label."""
    joined: list[list[RawCell]] = []
    for row in rows:
        previous = [cell for cell in joined[-1] if cell.text] if joined else []
        first = next((index for index, cell in enumerate(row) if cell.text), None)
        if len(previous) == 1 and first is not None and _continues(previous[0], row[first]):
            whole = RawCell(previous[0].text + row[first].text, previous[0].pos)
            joined[-1] = [*row[:first], whole, *row[first + 1 :]]
        else:
            joined.append(row)
    return joined


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
    # Cells copied one per line come in two habits: each cell ends in "|" ("0 |", and a lone "|" is a blank cell),
    # or cells stand bare with "|" lines between them; in the second, those lines only separate.
    texts = [i for i in indexes if not _separator_only(lines[i])]
    if texts and sum(1 for i in texts if "|" in lines[i]) * 2 < len(texts):
        indexes = texts
    tabs = full_grid or any("\t" in lines[i] for i in indexes)
    # A grid has its rows one per line; otherwise cells come one per line and rows are found by their labels.
    row_lines = sum(1 for i in indexes if sum(1 for c in cells_of[i] if c.text) >= 2)
    grid = tabs or row_lines * 2 >= len(indexes)
    units = [cells_of[i] for i in indexes] if grid else [[cell for i in indexes for cell in cells_of[i]]]
    units = _joined_labels(units) if grid else [_joined_cells(units[0])]
    start = next((c.pos for c in cells_of[region.start] if c.text), Position(region.start + 1, 1))
    return build_table(region.table, units, start, region.end, tabs=tabs)
