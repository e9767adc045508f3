"""Where something is in a source file: a line and column, and in a Word document its paragraph or table cell.

Its own module so that the model (which holds positions) and findings (which point at them) need not import each
other.
"""

from __future__ import annotations

from typing import NamedTuple


class Place(NamedTuple):
    """Where a piece of a Word document is: its paragraph, or its table, row and cell (1-based, in document order);
    in a PDF, its page and the line on that page (counted from the top of the page, table rows included).

    A .docx or .pdf file has no lines of text of its own: its findings are shown at their place (``place.zh``), and
    ``Position.line`` counts the document's paragraphs and table rows together, in order (the lines of
    ``Report.lines``).
    """

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    page: int | None = None
    line: int | None = None

    @property
    def zh(self) -> str:
        if self.page is not None:
            return f"第 {self.page} 页第 {self.line} 行"
        if self.paragraph is not None:
            return f"第 {self.paragraph} 段"
        cell = f"第 {self.cell} 格" if self.cell is not None else ""
        return f"第 {self.table} 个表格第 {self.row} 行{cell}"

    @property
    def en(self) -> str:
        if self.page is not None:
            return f"page {self.page}, line {self.line}"
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        cell = f", cell {self.cell}" if self.cell is not None else ""
        return f"table {self.table}, row {self.row}{cell}"

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def data(self) -> dict[str, int]:
        """The numbers that say where it is (JSON output)."""
        if self.page is not None:  # (a rule may name a table's first cell: a page and a line say it)
            return {"page": self.page, "line": self.line or 1}
        names = ("paragraph", "table", "row", "cell")
        return {name: value for name in names if (value := getattr(self, name)) is not None}


class Position(NamedTuple):
    """1-based line and column (in characters) in the source file; a Word document's or a PDF's pieces also have a
    place."""

    line: int
    column: int
    place: Place | None = None

    def shifted(self, columns: int) -> Position:
        """The position ``columns`` characters further along the same text (same place)."""
        return Position(self.line, self.column + columns, self.place)

    @property
    def zh(self) -> str:
        """How a message cites it: 第 12 行, or a Word document's place."""
        return self.place.zh if self.place is not None else f"第 {self.line} 行"

    @property
    def en(self) -> str:
        return self.place.en if self.place is not None else f"line {self.line}"
