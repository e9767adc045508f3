"""The order a report is written in: title, preamble, then each part's heading and paragraphs, with each table
under its part among the paragraphs by where it was written (after them all when positions do not interleave,
as in a YAML source)."""

from __future__ import annotations

from typing import NamedTuple

from checks import national_format as nf
from checks.model import Report, Table, Text


class Block(NamedTuple):
    kind: str  # title, heading, paragraph or table
    text: str = ""
    table: Table | None = None


def blocks(report: Report) -> list[Block]:
    sections = report.sections
    hosted: dict[int | None, list[Table]] = {}  # section index (None: the preamble) -> its tables
    for key, table in report.tables.items():
        part = nf.TABLE_PART[key]
        host = next((i for i, s in enumerate(sections) if s.part == part), None)
        if host is None:  # its part is missing: under the part written before where it belongs
            earlier = [i for i, s in enumerate(sections) if s.part < part]
            host = earlier[-1] if earlier else None
        hosted.setdefault(host, []).append(table)

    out: list[Block] = []
    if report.title is not None:
        out.append(Block("title", report.title.text))
    out += _merge(report.preamble, hosted.get(None, []))
    for index, section in enumerate(sections):
        out.append(Block("heading", section.heading.text))
        out += _merge(section.paragraphs, hosted.get(index, []))
    return out


def _merge(paragraphs: tuple[Text, ...], tables: list[Table]) -> list[Block]:
    items = [((p.pos.line, p.pos.column, 0), Block("paragraph", p.text)) for p in paragraphs]
    items += [((t.pos.line, t.pos.column, 1), Block("table", table=t)) for t in tables]
    return [block for _, block in sorted(items, key=lambda item: item[0])]
