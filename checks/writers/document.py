"""The order a report is written in: title, preamble, then each part's heading and paragraphs, with each table
under its part among the paragraphs by where it was written (after them all when positions do not interleave,
as in a YAML source)."""

from __future__ import annotations

from typing import NamedTuple

from checks.model import Report, Table, Text


class Piece(NamedTuple):
    kind: str  # title, heading, paragraph or table
    text: str = ""
    table: Table | None = None


def pieces(report: Report) -> list[Piece]:
    sections = report.sections
    hosted: dict[int | None, list[Table]] = {}  # section index (None: the preamble) -> its tables
    for key, table in report.tables.items():
        part = report.spec.table_part[key]
        host = next((i for i, s in enumerate(sections) if s.part == part), None)
        if host is None:  # its part is missing: under the part written before where it belongs
            earlier = [i for i, s in enumerate(sections) if s.part < part]
            host = earlier[-1] if earlier else None
        hosted.setdefault(host, []).append(table)

    out: list[Piece] = []
    if report.title is not None:
        out.append(Piece("title", report.title.text))
    out += _merge(report.preamble, hosted.get(None, []))
    for index, section in enumerate(sections):
        out.append(Piece("heading", section.heading.text))
        out += _merge(section.paragraphs, hosted.get(index, []))
    return out


def _merge(paragraphs: tuple[Text, ...], tables: list[Table]) -> list[Piece]:
    items = [((p.pos.line, p.pos.column, 0), Piece("paragraph", p.text)) for p in paragraphs]
    items += [((t.pos.line, t.pos.column, 1), Piece("table", table=t)) for t in tables]
    return [block for _, block in sorted(items, key=lambda item: item[0])]
