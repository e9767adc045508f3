"""Plain text as pasted from Word or a web page, read into blocks (one per line) for the assembler.

Tables come in three shapes: tab-separated rows (Word, merged cells as empty cells), ``a | b |`` rows (web copies,
merged cells dropped), and one cell per line (HTML copied cell by cell). A line is a table row when it has tabs, or
``|`` between cells and is not a sentence: a paragraph that mentions "|" stays a paragraph. Suppression comments
and what a copy adds that is not the report's (page footers, Markdown's table rules) are blank lines: every other
line keeps its number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from checks.findings import Finding
from checks.model import Comment, Position, Report, Text
from checks.reading import over_limit
from checks.sources.assemble import assemble
from checks.sources.blocks import Block, Document, Shape
from checks.sources.comments import line_comments
from checks.sources.tables import RawCell
from checks.specs import Specification, default

_SENTENCE_ENDS = ("。", "！", "？", "；")  # a line ending so is a sentence, whatever "|" it holds


# A cell edge in a pipe table; "\|" is a pipe inside a cell (Markdown's escape, which the writer uses).
_PIPE = re.compile(r"(?<!\\)\|")


def split_cells(line: str, line_no: int) -> list[RawCell]:
    """The cells of one line with their columns: tab-separated, pipe-separated, or the whole line as one cell."""
    if "\t" in line:
        return _cells(line.split("\t"), 0, line_no)
    if "|" not in line:
        return _cells([line], 0, line_no)
    pieces = _PIPE.split(line)
    offset = 0
    # "| a | b |" and "a | b |": the edges of the line are not cells.
    if not pieces[-1].strip():
        pieces.pop()
    if len(pieces) > 1 and not pieces[0].strip() and line.lstrip().startswith("|"):
        offset = len(pieces.pop(0)) + 1
    if not pieces:  # a lone "|": one empty cell
        return [RawCell("", Position(line_no, line.index("|") + 1))]
    cells = _cells(pieces, offset, line_no)
    return [cell._replace(text=cell.text.replace("\\|", "|")) if "\\|" in cell.text else cell for cell in cells]


_new = tuple.__new__  # makes a record as its class's generated __new__ does, without that call's cost


def _cells(pieces: list[str], offset: int, line_no: int) -> list[RawCell]:
    """The pieces of a line split at one-character separators, from column ``offset``, as cells: each stripped,
    at its first character (an empty one where it starts). A pasted table has hundreds of cells: one loop."""
    cells = []
    for piece in pieces:
        text = piece.strip()
        lead = len(piece) - len(piece.lstrip()) if text else 0
        # The records made directly, their defaults written out: half the cost of calling their classes.
        cells.append(_new(RawCell, (text, _new(Position, (line_no, offset + lead + 1, None)), ())))
        offset += len(piece) + 1
    return cells


# A PDF's page number between two pages' text: "- 3 -", "— 12 —", "第 3 页", "第3页 共10页", "3/10".
_PAGE_FOOTER = re.compile(
    r"\s{0,8}(?:[-—–]{1,2}\s{0,4}\d{1,4}\s{0,4}[-—–]{1,2}|第\s{0,2}\d{1,4}\s{0,2}页(?:\s{0,4}[,，/]?\s{0,4}共\s{0,2}\d{1,4}\s{0,2}页)?"
    r"|\d{1,4}\s{0,2}/\s{0,2}\d{1,4})\s{0,8}"
)
_FOOTER_STARTS = frozenset("-—–第")
_RULE_CHARS = frozenset("|-:— \t")


def is_copy_artefact(line: str) -> bool:
    """A line a copy of the report adds: a page footer of a PDF, or a Markdown table's delimiter row
    (``|---|---|``) pasted into text."""
    stripped = line.strip()
    if not stripped or len(stripped) > 200:
        return False
    if _is_table_rule(stripped):
        return True
    # Every footer starts with a dash, 第 or a digit: other lines need not be matched.
    return (stripped[0] in _FOOTER_STARTS or stripped[0].isdigit()) and _PAGE_FOOTER.fullmatch(stripped) is not None


def _is_table_rule(line: str) -> bool:
    """A Markdown table's delimiter row: ``|---|:---:|``."""
    stripped = line.strip()
    return "|" in stripped and "-" in stripped and set(stripped) <= _RULE_CHARS


# Cells in all the tables of a report. The official tables have ~300; every cell costs a parse and a model
# record, so a file of nothing but separators (5 MB of tabs: millions of cells) is refused before any is made.
MAX_CELLS = 200_000


def too_many_cells(cells: int) -> Finding | None:
    """The finding for a source with more table cells than MAX_CELLS, counted before any is made."""
    if cells <= MAX_CELLS:
        return None
    return over_limit(
        f"表格单元格过多（约 {cells:,} 个，上限 {MAX_CELLS:,} 个），未检查",
        f"too many table cells (about {cells:,}, limit {MAX_CELLS:,}); not checked",
        MAX_CELLS,
        cells,
    )


def parse(path: str, lines: tuple[str, ...], spec: Specification | None = None) -> Report:
    return assemble(read(path, lines), spec or default())


def read(
    path: str,
    lines: tuple[str, ...],
    source_format: str = "txt",
    *,
    grid: bool = False,
    comments: tuple[Comment, ...] | None = None,
) -> Document:
    """The blocks of text lines. ``grid``: pipe rows are full grids (Markdown tables: a cell for every column);
    ``comments``: the lines' comments, when their syntax is not the plain text's ``#`` lines."""
    comments = line_comments(lines, "#") if comments is None else comments
    refused = too_many_cells(sum(line.count("\t") or line.count("|") for line in lines))  # before any cell is made
    if refused is not None:
        return Document(path, source_format, (), lines, comments, (refused,), unreadable=True)
    return Document(path, source_format, blocks(lines, comments, grid=grid), lines, comments)


def blocks(lines: Sequence[str], comments: Iterable[Comment] = (), *, grid: bool = False) -> tuple[Block, ...]:
    """One block per line; a comment line, or what a copy adds, is a blank one."""
    blank = {comment.pos.line - 1 for comment in comments}
    pasted = frozenset() if grid else _pasted_tables(lines)
    made: list[Block] = []
    for index, line in enumerate(lines):
        if index in blank or is_copy_artefact(line):
            made.append(Block((Text("", Position(index + 1, 1)),)))
        elif "\t" in line:
            made.append(_row(line, index + 1, Shape.TABS))
        elif "|" in line and not line.rstrip().endswith(_SENTENCE_ENDS):
            made.append(_row(line, index + 1, Shape.GRID if grid or index in pasted else Shape.PIPES))
        else:
            made.append(Block(tuple(_cells([line], 0, index + 1))))
    return tuple(made)


def _row(line: str, line_no: int, shape: Shape) -> Block:
    return Block(tuple(split_cells(line, line_no)), shape)


def _pasted_tables(lines: Sequence[str]) -> frozenset[int]:
    """The pipe lines of Markdown tables pasted into text (a run of pipe lines with a ``|---|`` rule among them):
    full grids, as in Markdown."""
    found: set[int] = set()
    run: list[int] = []
    for index in range(len(lines) + 1):
        line = lines[index] if index < len(lines) else ""
        if "|" in line:
            run.append(index)
            continue
        if any(_is_table_rule(lines[i]) for i in run):
            found.update(run)
        run = []
    return frozenset(found)
