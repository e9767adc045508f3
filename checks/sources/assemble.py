"""The one assembler: from a document's blocks to the report, by the report's specification.

Every block source (plain text, Markdown, HTML, Word; later PDF) reads its file into blocks (``sources.blocks``);
this module finds, in the blocks alone, the title, the part headings, the tables and the prose, and identifies
rows and labels by the specification (``sources.tables``). It never judges: what it cannot place is kept for the
rules. Every position comes from a block's pieces, so a report's positions are its source's, in every format.

The layout habits it reads (reference §5): tables start at their first label (a 表二 item marker, the 勾稽 note,
表四's 行政复议); a table runs to the next table or heading, less trailing prose; its rows are blocks of a grid
(tab or pipe lines, document rows) or, when a copy put each cell on a line of its own, found by their labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import NamedTuple

from checks.model import Facts, Position, Report, Section, Table, Text
from checks.normalize import letters, norm
from checks.sources.blocks import Block, Document, Shape
from checks.sources.headings import (
    MAX_JUDGED,
    Candidate,
    choose_parts,
    find_period,
    heading_candidate,
    parse_title,
    read_title,
)
from checks.sources.tables import build_table
from checks.specs import Specification

_PROSE_END = "。"
_PROSE_LENGTH = 60  # a line longer than this, or ending in 。, is prose, never a table cell


class _Region(NamedTuple):
    table: str
    start: int  # block indexes, end exclusive
    end: int


def assemble(document: Document, spec: Specification) -> Report:
    """The report the blocks of ``document`` make, read by ``spec``."""
    path, source_format, blocks = document.path, document.format, document.blocks
    # Readers bound what they make (the text readers count cells before making any, the document readers keep a
    # budget: sources/limits.py), so the assembler's work is linear in a bounded number of blocks.
    if document.unreadable:
        return Report(
            path,
            source_format,
            None,
            None,
            None,
            (),
            {},
            document.lines,
            metadata=document.metadata,
            data=document.data,
            parse_findings=document.findings,
            unreadable=True,
            spec=spec,
            comments=document.comments,
        )
    written = [any(piece.text for piece in block.pieces) for block in blocks]  # pieces come stripped

    # Table starts first: a table's own labels (二、上年结转…, 四、结转下年度…) look like headings.
    starts: list[tuple[int, str]] = []
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        table = _table_start(spec, block.pieces)
        if table is not None and table not in seen:
            seen.add(table)
            starts.append((index, table))
    in_table_label = {index for index, _ in starts}

    candidates: list[Candidate] = []
    row_labels = _row_labels(spec)
    for index, block in enumerate(blocks):
        if index in in_table_label or not _may_head(block):
            continue
        text = block.pieces[0].text
        if text and norm(text) in row_labels:
            continue
        found = heading_candidate(spec, text, index, judge=len(candidates) < MAX_JUDGED)
        if found is not None:
            candidates.append(found)
    headings = choose_parts(spec, candidates, {table: index for index, table in starts})

    if not headings and not starts and document.wider is not None:
        return assemble(document.wider(), spec)
    regions = _regions(blocks, written, starts, [c.line for c, _ in headings])
    region_blocks = {i for region in regions for i in range(region.start, region.end)}
    tables = {region.table: _build(spec, region, blocks, written) for region in regions}

    def prose(start: int, end: int) -> tuple[Text, ...]:
        return tuple(blocks[i].as_text() for i in range(start, end) if written[i] and i not in region_blocks)

    sections = []
    for number, (found, part) in enumerate(headings):
        index = found.line
        end = headings[number + 1][0].line if number + 1 < len(headings) else len(blocks)
        heading, after = _heading_and_after(blocks[index].pieces[0], found)
        paragraphs = prose(index + 1, end)
        sections.append(Section(part, heading, (*after, *paragraphs), _last_position(blocks, written, index, end)))

    first_heading = headings[0][0].line if headings else len(blocks)
    texts = [block.as_text() if written[i] else None for i, block in enumerate(blocks[:first_heading])]
    title, agency, year, after_title = parse_title(spec, texts)
    if title is None and document.title is not None:
        stated = read_title(spec, document.title.text)
        if stated is not None:
            title, agency, year = Text(stated.text, document.title.at(stated.start)), stated.agency, stated.year
    report = Report(
        path,
        source_format,
        title,
        agency,
        year,
        tuple(sections),
        tables,
        document.lines,
        prose(after_title, first_heading),
        metadata=document.metadata,
        data=document.data,
        parse_findings=document.findings,
        unreadable=document.unreadable,
        spec=spec,
        comments=document.comments,
        start=_first_position(blocks),
        end=_last_position(blocks, written, 0, len(blocks)),
    )
    return report._replace(period=find_period(report.prose()), facts=Facts())


def _may_head(block: Block) -> bool:
    """Whether a block may be a part heading: a paragraph, or a line of a copy with one cell ("一、总体情况 |")."""
    if not block.pieces or not block.pieces[0].text:
        return False
    return block.shape is Shape.PARAGRAPH or (block.shape is Shape.PIPES and len(block.pieces) == 1)


def _last_position(blocks: tuple[Block, ...], written: list[bool], start: int, end: int) -> Position:
    """Where the last block with text in ``start:end`` starts (the first piece with text): what is missing at the
    end of a part, a table or the report is placed there."""
    for index in range(end - 1, start - 1, -1):
        if written[index]:
            return next(piece.pos for piece in blocks[index].pieces if piece.text)
    return blocks[start].pieces[0].pos if start < len(blocks) and blocks[start].pieces else Position(1, 1)


def _first_position(blocks: tuple[Block, ...]) -> Position:
    """Where the source's first block starts: a text file's first line, a page's first text, a document's first
    paragraph."""
    return blocks[0].pieces[0].pos if blocks and blocks[0].pieces else Position(1, 1)


def _table_start(spec: Specification, cells: Sequence[Text]) -> str | None:
    """Which table a block opens, judged by its first non-empty cell: a 表二 item marker or its header, the 勾稽
    note or 表三's first labels, 表四's first group or outcome."""
    first = next((c.text for c in cells if c.text), "")
    key = norm(first)
    if not key:
        return None
    return _openers(spec).get(key) or (
        "t2" if key.startswith(norm(spec.t2_marker_prefix)) else "t3" if spec.t3_note_keyword in key else None
    )


@cache
def _openers(spec: Specification) -> dict[str, str]:
    """The labels a table's first line starts with, normalised, and the table each opens."""
    return {
        norm(spec.t2_header): "t2",
        norm(spec.t3_applicants): "t3",
        norm(spec.t3_rows[0].label): "t3",
        norm(spec.t4_review): "t4",
        norm(spec.t4_outcomes[0].label): "t4",
    }


def _is_cell_block(block: Block) -> bool:
    """Whether a block can belong to a table (prose ends with 。 and is long)."""
    if block.is_row or not block.pieces:
        return True
    text = block.pieces[0].text
    return not text or (not text.endswith(_PROSE_END) and len(text) <= _PROSE_LENGTH)


@cache
def _row_labels(spec: Specification) -> frozenset[str]:
    return frozenset(norm(row.label) for rows in spec.rows.values() for row in rows if row.label)


@cache
def _labels(spec: Specification) -> frozenset[str]:
    """Every label of the three tables: rows, groups, headers."""
    return _row_labels(spec) | {norm(label) for labels in spec.header_labels.values() for label in labels}


def _heading_and_after(piece: Text, found: Candidate) -> tuple[Text, tuple[Text, ...]]:
    """A heading block's heading (from its numeral, without # marks), and the text after it in the same block
    ("六、其他需要报告的事项：无。"), which is the part's first paragraph."""
    line = piece.text
    heading = line[found.start : found.end].rstrip()
    rest = line[found.end :]
    skip = next((i for i, char in enumerate(rest) if letters(char)), len(rest))
    after = rest[skip:].strip()
    paragraph = (Text(after, piece.at(found.end + skip)),) if after else ()
    return Text(heading, piece.at(found.start)), paragraph


def _continues(spec: Specification, first: Text, second: Text) -> bool:
    """Whether ``second`` is the rest of a label that a line or page break cut after ``first`` ("（四）无" /
    "法提供"): together they are a label of the format, alone ``first`` is none, and neither is a number."""
    if not first.text or not second.text or first.text[-1].isdigit() or second.text[0].isdigit():
        return False
    labels = _labels(spec)
    return norm(first.text) not in labels and norm(first.text + second.text) in labels


def _joined_cells(spec: Specification, cells: Sequence[Text]) -> list[Text]:
    """Cells one per line, with labels cut in two put together again."""
    joined: list[Text] = []
    for cell in cells:
        if joined and _continues(spec, joined[-1], cell):
            joined[-1] = Text(joined[-1].text + cell.text, joined[-1].pos)
        else:
            joined.append(cell)
    return joined


def _joined_labels(spec: Specification, rows: Sequence[Sequence[Text]]) -> list[Sequence[Text]]:
    """Grid rows, where a line holding only the first piece of a cut label gives it to the next row's label."""
    joined: list[Sequence[Text]] = []
    for row in rows:
        previous = [cell for cell in joined[-1] if cell.text] if joined else []
        first = next((index for index, cell in enumerate(row) if cell.text), None)
        if len(previous) == 1 and first is not None and _continues(spec, previous[0], row[first]):
            whole = Text(previous[0].text + row[first].text, previous[0].pos)
            joined[-1] = [*row[:first], whole, *row[first + 1 :]]
        else:
            joined.append(row)
    return joined


def _regions(
    blocks: tuple[Block, ...], written: list[bool], starts: list[tuple[int, str]], heading_blocks: list[int]
) -> list[_Region]:
    """Each table runs from its first block to the next table or heading, less trailing prose and blank lines."""
    stops = sorted({index for index, _ in starts} | set(heading_blocks) | {len(blocks)})
    regions = []
    for start, table in starts:
        end = next(stop for stop in stops if stop > start)
        cut = start + 1
        while cut < end and _is_cell_block(blocks[cut]):
            cut += 1
        while cut > start + 1 and not written[cut - 1]:
            cut -= 1
        regions.append(_Region(table, start, cut))
    return regions


def _separator_only(block: Block) -> bool:
    """A line of a copy that only separates cells ("|" between cells copied one per line)."""
    return block.shape is Shape.PIPES and not any(piece.text for piece in block.pieces)


def _build(
    spec: Specification,
    region: _Region,
    blocks: tuple[Block, ...],
    written: list[bool],
) -> Table:
    indexes = [i for i in range(region.start, region.end) if written[i] or _separator_only(blocks[i])]
    # Cells copied one per line come in two habits: each cell ends in "|" ("0 |", and a lone "|" is a blank cell),
    # or cells stand bare with "|" lines between them; in the second, those lines only separate.
    texts = [i for i in indexes if not _separator_only(blocks[i])]
    if texts and sum(1 for i in texts if blocks[i].shape is Shape.PIPES) * 2 < len(texts):
        indexes = texts
    # A full grid (tab lines, document rows, Markdown tables) has a cell for every grid column, so empty cells
    # right after a row's labels are merged label cells (a document's rows say which: ``Covered``).
    tabs = any(blocks[i].shape in (Shape.TABS, Shape.GRID, Shape.MERGED) for i in indexes)
    merges = any(blocks[i].shape is Shape.MERGED for i in indexes)
    # A grid has its rows one per line; otherwise cells come one per line and rows are found by their labels.
    row_lines = sum(1 for i in indexes if sum(1 for c in blocks[i].pieces if c.text) >= 2)
    grid = tabs or row_lines * 2 >= len(indexes)
    if grid:
        units = _joined_labels(spec, [blocks[i].pieces for i in indexes])
    else:
        units = [_joined_cells(spec, [cell for i in indexes for cell in blocks[i].pieces])]
    start = next((c.pos for c in blocks[region.start].pieces if c.text), blocks[region.start].pieces[0].pos)
    end = _last_position(blocks, written, region.start, region.end)
    return build_table(spec, region.table, units, start, end, tabs=tabs, merges=merges)
