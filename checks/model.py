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
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

from checks.numbers import small_int
from checks.positions import Place, Position
from checks.specs import Specification, default

if TYPE_CHECKING:
    from checks.findings import Finding

__all__ = [
    "Cell",
    "Comment",
    "Facts",
    "Metadata",
    "Period",
    "Place",
    "Position",
    "Report",
    "Row",
    "Section",
    "Table",
    "Text",
]


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

    def stripped(self) -> Text:
        """The text without the white space around it (no-break spaces too), each character where it was."""
        text = self.text.strip()
        if len(text) == len(self.text):
            return self
        lead = self.text.index(text[0]) if text else 0
        runs = tuple((index - lead, pos) for index, pos in self.runs if lead < index < lead + len(text))
        return Text(text, self.at(lead), runs)


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

    ``key`` names the official row it was identified as (see ``Report.spec``); ``label`` is the label as
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
    end: Position  # where its last line starts
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
    end: Position  # where its last line starts


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
    format: Text | None = None  # the key of the format it follows (checks/specs): national-2021, shandong-2021…
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


class Comment(NamedTuple):
    """A comment of the source, as its reader found it: never report text. ``text`` is what is inside the comment
    markers (``# …``, ``<!-- … -->``), stripped; ``pos`` where the comment starts. Suppression reads these alone
    (checks/suppression.py), so text that only looks like a comment (a YAML block scalar's line) is never one."""

    text: str
    pos: Position


class Facts(NamedTuple):
    """What is known about a report once it is read, found once (``checks/facts.py``) for every rule to read.

    ``year``: the year reported on — the title's, else the metadata's, else the 统计期限's; ``agency``: the title's,
    else the metadata's; ``township``: a township or street office (its name, or 层级 乡镇)."""

    year: int | None = None
    agency: str | None = None
    township: bool = False


class Report(NamedTuple):
    """A report as the linter reads it. ``spec`` is the format it is checked against (``checks/specs``), chosen
    for it (configuration, or the format it is written in); ``facts`` what is known about it (``checks/facts``)."""

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
    spec: Specification = default()
    facts: Facts = Facts()
    comments: tuple[Comment, ...] = ()
    # Where its first and its last text line start: what is missing before or after all the report is placed there
    # (a finding about the file's beginning, a part missing at the end), with its place in a Word document.
    start: Position = Position(1, 1)
    end: Position = Position(1, 1)

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
            data[self.spec.table_names[key][0]] = {
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
METADATA_KEYS = {"agency": "机关", "year": "年度", "level": "层级", "format": "格式", "published": "发布日期"}


def table_keys(spec: Specification) -> dict[str, str]:
    """The data form's key of each table (表二…): the table's Chinese name."""
    return {key: zh for key, (zh, _) in spec.table_names.items()}


def report_keys(spec: Specification) -> tuple[str, ...]:
    """The keys of a report's data form that only a report has (prose alone, 前言, could be any document's)."""
    return (KEYS.title, KEYS.sections, *table_keys(spec).values(), *METADATA_KEYS.values())


def _cell(cell: Cell) -> int | float | str | None:
    # A blank cell is null in the data form (the schema allows it; T004 reports blanks once a table).
    if cell.problem == "blank":
        return None
    return cell.raw if cell.value is None else cell.value
