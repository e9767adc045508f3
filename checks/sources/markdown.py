"""Markdown reports (docs/formats.md): optional YAML front matter, ``#`` headings, GFM pipe tables as full grids.

The body is read into blocks as plain text is (``sources.text``), its lines being the file's. Markdown's own marks
are blanked out first — the front matter, the ``#`` of headings, the table delimiter rows — with spaces, so that
every position stays where it is in the file. Its comments are the body's ``<!-- … -->`` lines and the front
matter's YAML comments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from checks.findings import Finding
from checks.model import Comment, Metadata, Report, SourceData
from checks.sources.assemble import assemble
from checks.sources.blocks import Document
from checks.sources.comments import line_comments
from checks.sources.text import read as read_text
from checks.specs import Specification, default

_FENCE = "---"
_HEADING = re.compile(r"^(\s{0,3}#{1,6}\s+)")


def parse(path: str, lines: tuple[str, ...], spec: Specification | None = None) -> Report:
    return assemble(read(path, lines), spec or default())


def read(path: str, lines: tuple[str, ...]) -> Document:
    body = list(lines)
    comments: tuple[Comment, ...] = ()
    end = front_matter_end(lines)
    metadata: Metadata | None = None
    data: SourceData | None = None
    parse_findings: tuple[Finding, ...] = ()
    if end is not None:
        # Only front matter needs the YAML loader (checks/yamlload.py), and the YAML source's reading of metadata.
        from checks.sources.yaml import metadata_of
        from checks.yamlload import load, source_data

        loaded = load(lines[1:end], first_line=2)
        parse_findings = loaded.findings
        comments = loaded.comments
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
    document = read_text(path, tuple(body), "md", grid=True, comments=(*comments, *line_comments(body, "<!--")))
    # The front matter's findings, and the body's own (a limit met): neither hides the other.
    findings = (*parse_findings, *document.findings)
    return document._replace(lines=lines, findings=findings, metadata=metadata, data=data)


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


def front_matter_end(lines: Sequence[str]) -> int | None:
    """The index of the line closing the front matter, when the file opens with one."""
    if not lines or lines[0].strip() != _FENCE:
        return None
    return next((i for i in range(1, len(lines)) if lines[i].strip() in (_FENCE, "...")), None)
