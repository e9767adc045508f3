"""The report model every parser produces and every rule reads.

Parsers never judge: what they could not read is kept as data (a cell's raw text and the reason it has no
value), so that rules can tell "/" from "" from "12件". Every heading, label and cell keeps its position.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from checks import national_format as nf

if TYPE_CHECKING:
    from checks.findings import Finding


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column (in characters) in the source file."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of source text (a title, heading, label or paragraph) with where it starts."""

    text: str
    pos: Position


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as written.

    ``value`` is the number the cell holds, or None; then ``problem`` says why: ``blank``, ``placeholder``
    ("/", "—", "无") or ``not_a_number`` ("12件").
    """

    raw: str
    value: int | float | None
    problem: str | None
    pos: Position


@dataclass(frozen=True, slots=True)
class Row:
    """A data row of a table.

    ``key`` names the official row it was identified as (see ``national_format``); ``label`` is the label as
    written (None for 表四, whose single data row has no label). ``cells`` are the value cells in order, as many
    as the source had: a count that differs from the official one is a finding, not something to repair here.
    """

    key: str
    label: Text | None
    cells: tuple[Cell, ...]
    pos: Position


@dataclass(frozen=True, slots=True)
class Table:
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


@dataclass(frozen=True, slots=True)
class Section:
    """One of the six parts: ``part`` is its number in the official order (1–6) as identified by its heading."""

    part: int
    heading: Text
    paragraphs: tuple[Text, ...]
    end_line: int


@dataclass(frozen=True, slots=True)
class Period:
    """The 统计期限 the report states ("统计期限自2025年1月1日起至2025年12月31日止"): ``text`` is that span."""

    text: Text
    start_year: int
    end_year: int


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a source states about the report besides its text (YAML keys, Markdown front matter), as written."""

    agency: Text | None = None
    year: Text | None = None
    level: Text | None = None  # 省级, 市级, 县级, 乡镇
    published: Text | None = None  # YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class SourceData:
    """Data a source states directly (a YAML report, Markdown front matter), for the schema check (S001).

    ``schema`` names what it must satisfy (``report``, or ``metadata`` for front matter); ``positions`` maps the
    path of each node (keys and list indexes) to where it is written.
    """

    schema: str
    document: Any
    positions: Mapping[tuple[str | int, ...], Position]


@dataclass(frozen=True, slots=True)
class Report:
    path: str
    format: str
    title: Text | None
    agency: str | None
    year: int | None
    sections: tuple[Section, ...]
    tables: dict[str, Table]
    lines: tuple[str, ...] = field(repr=False, default=())
    preamble: tuple[Text, ...] = ()  # paragraphs between the title and the first part heading
    period: Period | None = None
    metadata: Metadata | None = None
    data: SourceData | None = None
    # What the parser could not read (I003 syntax, I004 limits), as findings; ``unreadable``: nothing else could
    # be read, so no rule has a report to check.
    parse_findings: tuple[Finding, ...] = ()
    unreadable: bool = False

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
                    data[key] = int(value.text) if name == "year" and value.text.isdigit() else value.text
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


@dataclass(frozen=True, slots=True)
class _Keys:
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


def _cell(cell: Cell) -> int | float | str:
    return cell.raw if cell.value is None else cell.value
