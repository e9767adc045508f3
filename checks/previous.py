"""Last year's report of the same agency, for the cross-year rules: named with ``--previous``, or found beside
the file by its title's agency and year (in any source format the linter reads)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from checks.model import Report
from checks.normalize import norm
from checks.reading import MAX_BYTES, decode, read
from checks.sources import parser_for

HEAD_BYTES = 4096  # the title is in the first lines: enough to index a folder without reading it all


def load(path: Path, max_bytes: int = MAX_BYTES) -> Report | None:
    """The report model of a file, or None when it cannot be read (its own run reports why)."""
    parser = parser_for(path.suffix)
    if parser is None:
        return None
    decoded = read(path, max_bytes)
    return None if decoded.lines is None else parser(str(path), decoded.lines)


def find_beside(path: Path, report: Report) -> Path | None:
    """The file in the same folder whose title names the same agency and the year before."""
    if report.agency is None or report.year is None:
        return None
    me = path.resolve()
    agency = norm(report.agency)
    return next((p for p, a in _reports_of(me.parent, report.year - 1) if a == agency and p != me), None)


@cache  # a folder run asks once per file: each folder is read once per year asked for
def _reports_of(folder: Path, year: int) -> tuple[tuple[Path, str], ...]:
    """(file, normalised agency) of the reports in ``folder`` whose title names ``year``."""
    # Only files whose first bytes hold the year's digits are parsed, so a folder of this year's reports costs
    # one read of each head and no parsing. Digits are ASCII in UTF-8 and GB18030; UTF-16 spells them apart.
    markers = (str(year).encode(), str(year).encode("utf-16-le"))
    entries = []
    for child in sorted(folder.iterdir()):
        parser = parser_for(child.suffix)
        if parser is None or not child.is_file():
            continue
        with child.open("rb") as file:
            head = file.read(HEAD_BYTES)
        if not any(marker in head for marker in markers):
            continue
        if len(head) == HEAD_BYTES:
            head = head[: head.rfind(b"\n") + 1]  # never cut a character in two
        decoded = decode(head)
        report = parser(str(child), decoded.lines) if decoded.lines is not None else None
        if report is not None and report.agency is not None and report.year == year:
            entries.append((child, norm(report.agency)))
    return tuple(entries)
