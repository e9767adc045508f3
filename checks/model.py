"""The report model every parser produces and every rule reads.

Parsers never judge: what they could not read is kept as data (a cell's raw text and the reason it has no
value), so that rules can tell "/" from "" from "12件". Every heading, label and cell keeps its position.

Records here and throughout the linter are ``typing.NamedTuple`` classes, not dataclasses: Python 3.11 builds a
frozen dataclass in about 0.7 ms (it compiles each generated method), and the 43 a check run built, with the import
of ``dataclasses`` itself, took 30 of the 124 ms of a one-report run; a NamedTuple is built in 0.06 ms. They are
immutable and compare by value; they are also tuples, which no code relies on (fields are read by name, copies
made with ``_replace``).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from checks import national_format as nf
from checks.numbers import small_int

if TYPE_CHECKING:
    from checks.findings import Finding


class Place(NamedTuple):
    """Where a piece of a Word document is: its paragraph, or its table, row and cell (1-based, in document order).

    A .docx file has no lines: its findings are shown at their place (``place.zh``), and ``Position.line`` counts
    the document's paragraphs and table rows together, in order (the lines of ``Report.lines``).
    """

    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None

    @property
    def zh(self) -> str:
        if self.paragraph is not None:
            return f"第 {self.paragraph} 段"
        cell = f"第 {self.cell} 格" if self.cell is not None else ""
        return f"第 {self.table} 个表格第 {self.row} 行{cell}"

    @property
    def en(self) -> str:
        if self.paragraph is not None:
            return f"paragraph {self.paragraph}"
        cell = f", cell {self.cell}" if self.cell is not None else ""
        return f"table {self.table}, row {self.row}{cell}"

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def data(self) -> dict[str, int]:
        """The numbers that say where it is (JSON output)."""
        names = ("paragraph", "table", "row", "cell")
        return {name: value for name in names if (value := getattr(self, name)) is not None}


class Position(NamedTuple):
    """1-based line and column (in characters) in the source file; a Word document's pieces also have a place."""

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


class Text(NamedTuple):
    """A piece of source text (a title, heading, label or paragraph) with where it starts.

    ``runs``: (index in ``text``, position) wherever the text stops following its source character by character
    (an HTML page's markup between its words); without them, character ``i`` is ``i`` columns after ``pos``.
    """

    text: str
    pos: Position
    runs: tuple[tuple[int, Position], ...] = ()

    def at(self, index: int) -> Position:
        """Where the character ``index`` of the text is in the source."""
        run = bisect.bisect_right(self.runs, index, key=_run_start) - 1
        start, pos = self.runs[run] if run >= 0 else (0, self.pos)
        return pos.shifted(index - start)


def _run_start(run: tuple[int, Position]) -> int:
    return run[0]


class Cell(NamedTuple):
    """One table cell as written.

    ``value`` is the number the cell holds, or None; then ``problem`` says why: ``blank``, ``placeholder``
    ("/", "—", "无") or ``not_a_number`` ("12件").
    """

    raw: str
    value: int | float | None
    problem: str | None
    pos: Position


class Row(NamedTuple):
    """A data row of a table.

    ``key`` names the official row it was identified as (see ``national_format``); ``label`` is the label as
    written (None for 表四, whose single data row has no label). ``cells`` are the value cells in order, as many
    as the source had: a count that differs from the official one is a finding, not something to repair here.
    """

    key: str
    label: Text | None
    cells: tuple[Cell, ...]
    pos: Position


class Table(NamedTuple):
    """One of the three tables (``key`` is ``t2``, ``t3`` or ``t4``).

    ``labels`` holds every label-like cell outside the data rows (block markers, column headers, the 勾稽
    note), so wording rules can compare them with the official ones. ``unplaced`` holds rows whose label did
    not match any official row.
    """

    key: str
    pos: Position
    end_line: int
    labels: tuple[Text, ...]
    rows: tuple[Row, ...]
    unplaced: tuple[Row, ...] = ()

    def row(self, key: str) -> Row | None:
        for row in self.rows:
            if row.key == key:
                return row
        return None


class Section(NamedTuple):
    """One of the six parts: ``part`` is its number in the official order (1–6) as identified by its heading."""

    part: int
    heading: Text
    paragraphs: tuple[Text, ...]
    end_line: int


class Period(NamedTuple):
    """The 统计期限 the report states ("统计期限自2025年1月1日起至2025年12月31日止"): ``text`` is that span."""

    text: Text
    start_year: int
    end_year: int


class Metadata(NamedTuple):
    """What a source states about the report besides its text (YAML keys, Markdown front matter), as written."""

    agency: Text | None = None
    year: Text | None = None
    level: Text | None = None  # 省级, 市级, 县级, 乡镇
    published: Text | None = None  # YYYY-MM-DD


class SourceData(NamedTuple):
    """Data a source states directly (a YAML report, Markdown front matter), for the schema check (S001).

    ``schema`` names what it must satisfy (``report``, or ``metadata`` for front matter); ``positions`` maps the
    path of each node (keys and list indexes) to where it is written, ``keys`` the path of each mapping entry to
    where its key is written (an unknown key is reported there).
    """

    schema: str
    document: Any
    positions: Mapping[tuple[str | int, ...], Position]
    keys: Mapping[tuple[str | int, ...], Position] = MappingProxyType({})


class Report(NamedTuple):
    path: str
    format: str
    title: Text | None
    agency: str | None
    year: int | None
    sections: tuple[Section, ...]
    tables: dict[str, Table]
    lines: tuple[str, ...] = ()
    preamble: tuple[Text, ...] = ()  # paragraphs between the title and the first part heading
    period: Period | None = None
    metadata: Metadata | None = None
    data: SourceData | None = None
    # What the parser could not read (I003 syntax, I004 limits), as findings; ``unreadable``: nothing else could
    # be read, so no rule has a report to check.
    parse_findings: tuple[Finding, ...] = ()
    unreadable: bool = False
    # A Word document's place of each line (``lines[i]`` is at ``places[i]``), for positions a rule makes itself.
    places: tuple[Place, ...] = ()

    def placed(self, pos: Position) -> Position:
        """``pos`` with its place in a Word document (unchanged for every other source)."""
        if pos.place is not None or not 0 < pos.line <= len(self.places):
            return pos
        return Position(pos.line, pos.column, self.places[pos.line - 1])

    def prose(self) -> Iterator[Text]:
        """Every piece of running text, in order: title, preamble, and each part's heading and paragraphs."""
        if self.title is not None:
            yield self.title
        yield from self.preamble
        for section in self.sections:
            yield section.heading
            yield from section.paragraphs

    def section(self, part: int) -> Section | None:
        """The first section identified as ``part`` (a repeated part is R003's business)."""
        return next((s for s in self.sections if s.part == part), None)

    def to_data(self) -> dict[str, Any]:
        """The JSON form of the model: what ``schemas/report.schema.json`` validates and a ``.yaml`` source holds.

        Keys are Chinese and rows are keyed by their labels as written (docs/formats.md), so that a staffer can
        read and edit it; positions are not data. A cell is its number, or its text when it holds none.
        """
        data: dict[str, Any] = {KEYS.title: None if self.title is None else self.title.text}
        if self.metadata is not None:
            for name, key in METADATA_KEYS.items():
                value: Text | None = getattr(self.metadata, name)
                if value is not None:
                    year = small_int(value.text) if name == "year" and value.text.isdigit() else None
                    data[key] = value.text if year is None else year
        if self.preamble:
            data[KEYS.preamble] = [p.text for p in self.preamble]
        data[KEYS.sections] = [
            {KEYS.heading: s.heading.text, KEYS.paragraphs: [p.text for p in s.paragraphs]} for s in self.sections
        ]
        for key, table in self.tables.items():
            rows = sorted((*table.rows, *table.unplaced), key=lambda r: (r.pos.line, r.pos.column))
            data[TABLE_KEYS[key]] = {
                KEYS.header: [label.text for label in table.labels],
                KEYS.rows: [
                    {KEYS.unlabelled_row if r.label is None else r.label.text: [_cell(c) for c in r.cells]}
                    for r in rows
                ],
            }
        return data


class _Keys(NamedTuple):
    title: str = "标题"
    preamble: str = "前言"
    sections: str = "正文"
    heading: str = "标题"
    paragraphs: str = "段落"
    header: str = "表头"
    rows: str = "行"
    unlabelled_row: str = "数据"  # 表四's single data row has no label of its own


KEYS = _Keys()  # the keys of the data form (docs/formats.md)
METADATA_KEYS = {"agency": "机关", "year": "年度", "level": "层级", "published": "发布日期"}
TABLE_KEYS = {key: zh for key, (zh, _) in nf.TABLE_NAMES.items()}
# The keys of a report's data form that only a report has (prose alone, 前言, could be any document's).
REPORT_KEYS = (KEYS.title, KEYS.sections, *TABLE_KEYS.values(), *METADATA_KEYS.values())


def _cell(cell: Cell) -> int | float | str | None:
    # A blank cell is null in the data form (the schema allows it; T004 reports blanks once a table).
    if cell.problem == "blank":
        return None
    return cell.raw if cell.value is None else cell.value


def relocate(report: Report, locate: Callable[[Position], Position]) -> Report:
    """The same model with every position (and line number) moved by ``locate``: a source that is read through a
    text form of itself (HTML, Word) states its positions in its own terms."""
    return _moved(report, locate)  # type: ignore[no-any-return]


def _moved(value: Any, locate: Callable[[Position], Position]) -> Any:
    if isinstance(value, Position):
        return locate(value)
    if isinstance(value, Text):
        return _moved_text(value, locate)
    if isinstance(value, Place):
        return value
    if _is_record(value):
        changes = {}
        for name in value._fields:
            if name == "lines":  # the source text itself, not a place in it
                continue
            old = getattr(value, name)
            # Section and Table ends are line numbers: the line a position at their start would be on.
            ends = name == "end_line" and isinstance(old, int)
            new = locate(Position(old, 1)).line if ends else _moved(old, locate)
            if new is not old:
                changes[name] = new
        return value._replace(**changes) if changes else value
    if isinstance(value, tuple):
        return tuple(_moved(item, locate) for item in value)
    if isinstance(value, dict):
        return {key: _moved(item, locate) for key, item in value.items()}
    return value


def _is_record(value: object) -> bool:
    """A NamedTuple (every record of the model is one), as opposed to a plain tuple of things."""
    return isinstance(value, tuple) and hasattr(value, "_fields")


def _moved_text(text: Text, locate: Callable[[Position], Position]) -> Text:
    """A text moved character by character: a run starts wherever the next character is not one column on."""
    start = locate(text.pos)
    runs: list[tuple[int, Position]] = []
    previous = start
    for index in range(1, len(text.text)):
        here = locate(text.pos.shifted(index))
        if here != previous.shifted(1):
            runs.append((index, here))
        previous = here
    return Text(text.text, start, tuple(runs))
