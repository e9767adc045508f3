"""The report model every parser produces and every rule reads.

Parsers never judge: what they could not read is kept as data (a cell's raw text and the reason it has no
value), so that rules can tell "/" from "" from "12件". Every heading, label and cell keeps its position.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any


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
        """The JSON form of the model, validated by ``schemas/report.schema.json``."""
        return {
            "path": self.path,
            "format": self.format,
            "title": _text(self.title),
            "agency": self.agency,
            "year": self.year,
            "period": _period(self.period),
            "preamble": [_text(p) for p in self.preamble],
            "sections": [
                {
                    "part": s.part,
                    "heading": _text(s.heading),
                    "paragraphs": [_text(p) for p in s.paragraphs],
                }
                for s in self.sections
            ],
            "tables": {key: _table(t) for key, t in self.tables.items()},
        }


def _pos(pos: Position) -> dict[str, int]:
    return {"line": pos.line, "column": pos.column}


def _text(text: Text | None) -> dict[str, Any] | None:
    return None if text is None else {"text": text.text, **_pos(text.pos)}


def _period(period: Period | None) -> dict[str, Any] | None:
    if period is None:
        return None
    return {
        "text": period.text.text,
        **_pos(period.text.pos),
        "start_year": period.start_year,
        "end_year": period.end_year,
    }


def _row(row: Row) -> dict[str, Any]:
    return {
        "key": row.key,
        "label": _text(row.label),
        "cells": [{"raw": c.raw, "value": c.value, "problem": c.problem, **_pos(c.pos)} for c in row.cells],
        **_pos(row.pos),
    }


def _table(table: Table) -> dict[str, Any]:
    return {
        **_pos(table.pos),
        "labels": [_text(t) for t in table.labels],
        "rows": [_row(r) for r in table.rows],
        "unplaced": [_row(r) for r in table.unplaced],
    }
