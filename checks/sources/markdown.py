"""Markdown reports (docs/formats.md): optional YAML front matter, ``#`` headings, GFM pipe tables as full grids.

The body is read by the text parser. Markdown's own marks are blanked out first — the front matter, the ``#`` of
headings, the table delimiter rows — with spaces, so that every position stays where it is in the file.
"""

from __future__ import annotations

import re

from checks.findings import Finding
from checks.model import Metadata, Report, SourceData
from checks.sources.text import read_text

_FENCE = "---"
_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+)")


def parse(path: str, lines: tuple[str, ...]) -> Report:
    body = list(lines)
    end = _front_matter_end(lines)
    metadata: Metadata | None = None
    data: SourceData | None = None
    parse_findings: tuple[Finding, ...] = ()
    if end is not None:
        from checks.sources.yaml import load, metadata_of, source_data  # only front matter needs the YAML reader

        loaded = load(lines[1:end], first_line=2)
        parse_findings = loaded.findings
        if loaded.document is not None:
            data = source_data("metadata", loaded)
            metadata = metadata_of(loaded.document, loaded.nodes)
        body[: end + 1] = [""] * (end + 1)
    for index, line in enumerate(body):
        if _is_delimiter_row(line):
            body[index] = ""
            continue
        marks = _HEADING.match(line)
        if marks is not None:
            body[index] = " " * len(marks.group(1)) + line[marks.end() :]
    report = read_text(path, tuple(body), "md", full_grid=True)
    # The front matter's findings, and the body's own (a limit the text parser met): neither hides the other.
    findings = (*parse_findings, *report.parse_findings)
    return report._replace(lines=lines, metadata=metadata, data=data, parse_findings=findings)


def _is_delimiter_row(line: str) -> bool:
    """A table's delimiter row: ``|---|:---:|``, cells of three or more "-" with a ":" at either end, "|" between
    them and optionally at the ends. Read with str methods: as a regex, the spaces around the cells make runs of
    white space that a backtracking match splits every way (quadratic on a crafted line)."""
    row = line.strip()
    if "-" not in row:
        return False
    row = row.removeprefix("|")
    row = row.removesuffix("|")
    return all(_is_delimiter_cell(cell.strip()) for cell in row.split("|"))


def _is_delimiter_cell(cell: str) -> bool:
    dashes = cell.removeprefix(":").removesuffix(":")
    return len(dashes) >= 3 and dashes.count("-") == len(dashes)


def _front_matter_end(lines: tuple[str, ...]) -> int | None:
    """The index of the line closing the front matter, when the file opens with one."""
    if not lines or lines[0].strip() != _FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in (_FENCE, "...")), None)
