"""What reading one page or Word document may build, bounded by the size of a report, never by numbers written in it.

A page or a document states its own sizes (a cell spanning 2,147,483,647 columns, a row of 10,000 cells), and a
file of a few MB can hold millions of elements. What the readers build from it is bounded here, before it is
built: past a limit, the rest of that kind is left out and the limit is named once, in one I004 finding at the
first thing left out (the part read is still checked, so its findings are not lost). A real report has about 50
paragraphs, 5 tables, 50 rows and 400 grid cells, tables at most 16 columns wide and 25 rows long, paragraphs of
at most a few hundred characters (examples/, tests/data/real-reports/): the limits are 20–100 times that.
"""

from __future__ import annotations

from typing import NamedTuple

from checks.findings import Finding
from checks.model import Position
from checks.reading import over_limit

MAX_SPAN = 100  # columns or rows one merged cell spans (the official 表三 has one spanning 22 rows)
MAX_COLUMNS = 100  # grid columns of one table row
MAX_ROWS = 1_000  # rows of one table
MAX_TABLE_CELLS = 10_000  # grid cells of one table (表三: 25 × 9)
MAX_CELLS = 50_000  # grid cells of all the tables of a document
MAX_TABLES = 200
MAX_PARAGRAPHS = 20_000  # paragraphs, empty ones included (a walk over each costs time even when it has no text)
MAX_TEXT = 20_000  # characters of one paragraph or one cell
MAX_CHARS = 1_000_000  # characters of a whole document's text


class _Limit(NamedTuple):
    value: int
    zh: str  # what goes past it, and what is left out ("{limit}": the value)
    en: str


_LIMITS = {
    "span": _Limit(
        MAX_SPAN,
        "合并单元格跨越的行数或列数超过 {limit}，按 {limit} 读取",
        "a merged cell spans over {limit} rows or columns; read as spanning {limit}",
    ),
    "columns": _Limit(
        MAX_COLUMNS,
        "表格的一行超过 {limit} 格，多出的格未检查",
        "a table row has over {limit} cells; the cells past them were not checked",
    ),
    "rows": _Limit(
        MAX_ROWS, "一个表格超过 {limit} 行，多出的行未检查", "a table has over {limit} rows; the rest were not checked"
    ),
    "table cells": _Limit(
        MAX_TABLE_CELLS,
        "一个表格超过 {limit} 格，多出的行未检查",
        "a table has over {limit} grid cells; the rows past them were not checked",
    ),
    "cells": _Limit(
        MAX_CELLS,
        "全文表格超过 {limit} 格，其后的表格内容未检查",
        "the tables have over {limit} grid cells; the rows past them were not checked",
    ),
    "tables": _Limit(
        MAX_TABLES, "表格超过 {limit} 个，其后的表格未检查", "there are over {limit} tables; the rest were not checked"
    ),
    "paragraphs": _Limit(
        MAX_PARAGRAPHS,
        "段落（含空段落）超过 {limit} 段，其后的内容未检查",
        "there are over {limit} paragraphs (empty ones included); what follows was not checked",
    ),
    "text": _Limit(
        MAX_TEXT,
        "一段文字或一个单元格超过 {limit} 个字符，超出部分未检查",
        "a paragraph or cell has over {limit} characters; the rest of it was not checked",
    ),
    "chars": _Limit(
        MAX_CHARS,
        "全文超过 {limit} 个字符，其后的内容未检查",
        "the text has over {limit} characters; what follows was not checked",
    ),
}


class Budget:
    """What is left of the limits while one document is read. Each ``take_…`` says whether there is room for
    one more thing of its kind (``at``: where it is, for the finding when there is not)."""

    def __init__(self) -> None:
        self.paragraphs = 0
        self.tables = 0
        self.cells = 0
        self.chars = 0
        self._exceeded: dict[str, Finding] = {}

    def take_paragraph(self, at: Position) -> bool:
        self.paragraphs += 1
        return self.paragraphs <= MAX_PARAGRAPHS or self.exceed("paragraphs", at)

    def take_table(self, at: Position) -> bool:
        self.tables += 1
        return self.tables <= MAX_TABLES or self.exceed("tables", at)

    def take_cells(self, count: int, at: Position) -> bool:
        """Room for ``count`` more grid cells of the document (one table's limit is the reader's to keep)."""
        if self.cells + count > MAX_CELLS:
            return self.exceed("cells", at)
        self.cells += count
        return True

    def clip(self, text: str, at: Position) -> str:
        """``text`` cut to the characters one paragraph or cell, and the document, still have room for."""
        room = min(MAX_TEXT, MAX_CHARS - self.chars)
        if len(text) > room:
            self.exceed("text" if room == MAX_TEXT else "chars", at)
            text = text[: max(room, 0)]
        self.chars += len(text)
        return text

    def room(self) -> int:
        """How many characters one more paragraph or cell may have (a reader stops gathering past it)."""
        return max(min(MAX_TEXT, MAX_CHARS - self.chars), 0) + 1

    def overflow(self, at: Position) -> None:
        """Note that a paragraph or cell is cut at ``room()`` (by the limit on it, or on the whole text)."""
        self.exceed("text" if MAX_CHARS - self.chars >= MAX_TEXT else "chars", at)

    def exceed(self, limit: str, at: Position) -> bool:
        """Note that ``limit`` is reached at ``at`` (the first time only); False, for ``return … or exceed()``."""
        if limit not in self._exceeded:
            self._exceeded[limit] = exceeded(limit, at)
        return False

    def findings(self) -> tuple[Finding, ...]:
        return tuple(self._exceeded.values())


def exceeded(limit: str, at: Position) -> Finding:
    """The I004 finding for one of the limits above, at the first thing it leaves out."""
    value, zh, en = _LIMITS[limit]
    return over_limit(
        zh.format(limit=f"{value:,}") + "（远超真实报告的规模，文件可能已损坏或被恶意构造）",
        en.format(limit=f"{value:,}") + " (far beyond a real report: a damaged or hostile file?)",
        value,
        at=at,
    )


def bounded_int(value: str | None, default: int, cap: int) -> int:
    """A count written in a file (``w:gridSpan``, ``rowspan``, ``w:start``): its leading digits read, at most
    ``cap``, so that neither its size nor Python's limit on converting long digit strings (4,300 digits) matters.
    ``default`` when it has no digits."""
    if value is None:
        return default
    text = value.strip()
    digits = text[: len(text) - len(text.lstrip("0123456789"))]
    if not digits:
        return default
    significant = digits.lstrip("0")
    return cap if len(significant) > len(str(cap)) else min(int(significant or "0"), cap)
