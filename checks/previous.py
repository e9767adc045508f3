"""Last year's report of the same agency, for the cross-year rules: named with ``--previous``, or found by its
title's agency and year (in any source format the linter reads) — beside the file first, then anywhere in the
repository the file belongs to (publication repositories are usually organised by year: reports/2024/…,
reports/2025/…), so that a pre-commit run given only this year's file still finds last year's.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from checks.model import Report
from checks.normalize import norm
from checks.reading import MAX_BYTES, decode
from checks.sources import Parser, is_report_name, parser_for, read_report, reads_by_head

HEAD_BYTES = 4096  # the title is in the first lines: enough to index a folder without reading it all
# A repository is walked once per process and year; past this many report-type files the walk stops, so a root
# that turns out to be a huge tree (a home folder holding a .git) costs a bounded time, not minutes.
MAX_INDEXED = 20_000
# Folders that are never a publication's reports, yet can hold thousands of .md/.yaml/.txt files.
_TOOL_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
_Entry = tuple[Path, str]  # (file, normalised agency)


def load(path: Path, max_bytes: int = MAX_BYTES) -> Report | None:
    """The report model of a file, or None when it cannot be read (its own run reports why)."""
    loaded = read_report(path, max_bytes)
    return None if loaded is None else loaded.report


def find_beside(path: Path, report: Report) -> Path | None:
    """Last year's report of the agency whose report ``path`` is (see ``find_last_year``)."""
    if report.agency is None or report.year is None:
        return None
    return find_last_year(path, report.agency, report.year)


def find_last_year(path: Path, agency_name: str, this_year: int) -> Path | None:
    """The agency's report of the year before ``this_year``, for a report at ``path`` (which need not exist yet):
    in the same folder if there is one there, else the nearest one (by folders between them) in the file's
    repository (see ``repository_root``)."""
    me = path.resolve()
    agency = norm(agency_name)
    year = this_year - 1
    here = [p for p, a in _reports_of(me.parent, year) if a == agency and p != me] if me.parent.is_dir() else []
    if here:
        return here[0]
    root = repository_root(me.parent, this_year)
    if root is None:
        return None
    found = [p for p, a in _reports_under(root, year) if a == agency and p != me]
    return min(found, key=lambda p: (_distance(me.parent, p.parent), p), default=None)


@cache  # one answer per folder: a folder run asks for every file
def repository_root(folder: Path, year: int) -> Path | None:
    """The folder whose tree is searched for last year's report: the nearest folder holding ``.git`` (a folder,
    or a file in a worktree or submodule); without one, the parent of a folder named for the year
    (``reports/2025/`` → ``reports/``). A folder not named for the year says nothing about where other years
    are, so then there is no tree to search (and no walk of a home or temporary folder of unrelated files)."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    if str(year) in folder.name and folder.parent != folder:
        return folder.parent
    return None


def _distance(a: Path, b: Path) -> int:
    """Folders between two folders: up from ``a`` to their common ancestor, then down to ``b``."""
    common = 0
    for x, y in zip(a.parts, b.parts, strict=False):
        if x != y:
            break
        common += 1
    return len(a.parts) + len(b.parts) - 2 * common


@cache  # a folder run asks once per file: each folder is read once per year asked for
def _reports_of(folder: Path, year: int) -> tuple[_Entry, ...]:
    """(file, normalised agency) of the reports in ``folder`` whose title names ``year``."""
    entries: list[_Entry] = []
    for child in sorted(folder.iterdir()):
        if is_report_name(child.name) and child.is_file():
            entry = _indexed(child, year)
            if entry is not None:
                entries.append(entry)
    return tuple(entries)


@cache  # walked once per process and year
def _reports_under(root: Path, year: int) -> tuple[_Entry, ...]:
    """(file, normalised agency) of the reports anywhere under ``root`` whose title names ``year``; hidden
    folders, tool folders, symbolic links and files that are not reports are skipped, and nothing outside
    ``root`` is visited."""
    entries: list[_Entry] = []
    seen = 0
    for folder, folders, files in os.walk(root):  # symbolic links to folders are not followed
        folders[:] = sorted(f for f in folders if not f.startswith(".") and f not in _TOOL_FOLDERS)
        for name in sorted(files):
            if not is_report_name(name):
                continue
            child = Path(folder, name)
            if child.is_symlink():
                continue
            seen += 1
            if seen > MAX_INDEXED:
                return tuple(entries)
            entry = _indexed(child, year)
            if entry is not None:
                entries.append(entry)
    return tuple(entries)


def _indexed(child: Path, year: int) -> _Entry | None:
    """The file and its normalised agency when it is a report of ``year``."""
    report = _by_head(child, year) if reads_by_head(child.suffix) else _whole(child, year)
    if report is not None and report.agency is not None and report.year == year:
        return child, norm(report.agency)
    return None


def _by_head(child: Path, year: int) -> Report | None:
    """The model of a file's head, when it names ``year``."""
    # Only files whose first bytes hold the year's digits are parsed, so a folder of this year's reports costs
    # one read of each head and no parsing. Digits are ASCII in UTF-8 and GB18030; UTF-16 spells them apart.
    markers = (str(year).encode(), str(year).encode("utf-16-le"))
    try:
        with child.open("rb") as file:
            head = file.read(HEAD_BYTES)
    except OSError:  # unreadable here; if it is linted, its own run says why
        return None
    found = [at for at in (head.find(marker) for marker in markers) if at >= 0]
    # The parser only now: importing one (the YAML library) costs more than reading every head of a folder.
    parser = parser_for(child.suffix) if found else None
    if parser is None:
        return None
    # First only the lines through the first that names the year: the title, in nearly every report. Parsing a
    # line costs a heading search, so this is a tenth of the whole head's cost, which matters when a repository
    # of thousands of reports is indexed; the whole head when that does not name the agency and the year.
    end = head.find(b"\n", min(found))
    report = _head_report(child, parser, head[: end + 1]) if end >= 0 else None
    if report is None or report.agency is None or report.year is None:
        if len(head) == HEAD_BYTES:
            head = head[: head.rfind(b"\n") + 1]  # never cut a character in two
        report = _head_report(child, parser, head)
    return report


def _whole(child: Path, year: int) -> Report | None:
    """A page's first bytes are the site's markup and a Word document is compressed: their title is known only
    once the whole file is read, so only those whose path names the year are (reports/2024/…, …2024年….docx)."""
    return load(child) if str(year) in child.as_posix() else None


def _head_report(child: Path, parser: Parser, head: bytes) -> Report | None:
    decoded = decode(head)
    return parser(str(child), decoded.lines) if decoded.lines is not None else None
