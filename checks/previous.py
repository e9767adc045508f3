"""Last year's report of the same agency, for the cross-year rules: named with ``--previous``, or found by its
title's agency and year (in any source format the linter reads) — beside the file first, then anywhere in the
repository the file belongs to (publication repositories are usually organised by year: reports/2024/…,
reports/2025/…), so that a pre-commit run given only this year's file still finds last year's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import cache
from itertools import islice
from pathlib import Path
from typing import NamedTuple

from checks.facts import checked_report
from checks.folders import files_under
from checks.model import Report
from checks.normalize import norm
from checks.oserrors import is_regular, open_regular
from checks.reading import MAX_BYTES, decode
from checks.sources import is_report_name, parser_for, read_report, reads_by_head

HEAD_BYTES = 4096  # the title is in the first lines: enough to index a folder without reading it all
# A repository is walked once per process and year; past this many report-type files the walk stops, so a root
# that turns out to be a huge tree (a home folder holding a .git) costs a bounded time, not minutes.
MAX_INDEXED = 20_000
# Pages and Word documents have their title only inside (a site's markup first, or compressed): each costs a
# whole parse (~25 ms). Past this many in a process, the search stops parsing them.
MAX_WHOLE_PARSED = 50
# Folders that are never a publication's reports, yet can hold thousands of .md/.yaml/.txt files.
_TOOL_FOLDERS = frozenset({"node_modules", "__pycache__", "site-packages", "venv"})
_Entry = tuple[Path, str]  # (file, normalised agency)


def load(path: Path, max_bytes: int = MAX_BYTES) -> Report | None:
    """The model of a file, or None when it cannot be read (its own run reports why). Last year's report, or a
    file looked at while searching for it, never changes this year's result by failing: whatever goes wrong in
    reading it (a bug of a parser included) leaves the cross-year rules without a report, nothing more."""
    try:
        loaded = read_report(path, max_bytes)
        if loaded is None or loaded.build is None:
            return None
        report = checked_report(loaded.build)
    except Exception:
        return None
    return None if report.unreadable else report


def find_beside(path: Path, report: Report) -> Path | None:
    """Last year's report of the agency whose report ``path`` is (see ``find_last_year``)."""
    if report.facts.agency is None or report.facts.year is None:
        return None
    return find_last_year(path, report.facts.agency, report.facts.year)


def find_last_year(path: Path, agency_name: str, this_year: int) -> Path | None:
    """The agency's report of the year before ``this_year``, for a report at ``path`` (which need not exist yet):
    in the same folder if there is one there, else the nearest one (by folders between them) in the file's
    repository (see ``repository_root``)."""
    me = path.resolve()
    year = this_year - 1
    here = _of_agency(_reports_of(me.parent, year), agency_name, year, me) if me.parent.is_dir() else []
    if here:
        return min(here)
    root = repository_root(me.parent, this_year)
    if root is None:
        return None
    found = _of_agency(_reports_under(root, year), agency_name, year, me)
    return min(found, key=lambda p: (_distance(me.parent, p.parent), p), default=None)


class _Candidates(NamedTuple):
    """The reports of a folder or tree that may be of a year: (file, normalised agency) of those whose head names
    the year, and the pages and Word documents whose path names it, read for one agency at a time."""

    indexed: tuple[_Entry, ...]
    whole: tuple[Path, ...]


def _of_agency(candidates: _Candidates, agency_name: str, year: int, me: Path) -> list[Path]:
    agency = norm(agency_name)
    found = [p for p, a in candidates.indexed if a == agency]
    found += _whole_reports(candidates.whole, agency_name, year)
    return [p for p in found if p != me]


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
def _reports_of(folder: Path, year: int) -> _Candidates:
    """The reports in ``folder`` that may be of ``year``."""
    # The folder streamed, not listed: a folder of 10,000 reports would hold 10,000 paths at once in every worker.
    try:
        return _candidates((child for child in folder.iterdir() if is_regular(child)), year)
    except OSError:
        return _Candidates((), ())


@cache  # walked once per process and year
def _reports_under(root: Path, year: int) -> _Candidates:
    """The reports anywhere under ``root`` that may be of ``year``. Hidden folders, tool folders, symbolic links
    and files that are not reports are skipped, nothing outside ``root`` is visited, and the walk stops after
    ``MAX_INDEXED`` report-type files."""
    return _candidates(islice(_walk(root), MAX_INDEXED), year)


def _walk(root: Path) -> Iterator[Path]:
    for child in files_under(root, enter=lambda name: not name.startswith(".") and name not in _TOOL_FOLDERS):
        if is_report_name(child.name) and not child.is_symlink() and is_regular(child):
            yield child


def _candidates(files: Iterable[Path], year: int) -> _Candidates:
    indexed: list[_Entry] = []
    whole: list[Path] = []
    for child in files:
        if not is_report_name(child.name):
            continue
        if not reads_by_head(child.suffix):
            if str(year) in child.as_posix():
                whole.append(child)
            continue
        entry = _indexed(child, year)
        if entry is not None:
            indexed.append(entry)
    # In name order, whatever order the walk met them in: which are parsed (MAX_WHOLE_PARSED) must not depend on it.
    return _Candidates(tuple(sorted(indexed)), tuple(sorted(whole)))


def _whole_reports(candidates: tuple[Path, ...], agency_name: str, year: int) -> list[Path]:
    """Those of the pages and Word documents that are ``agency_name``'s reports of ``year``. A page is parsed
    only when its bytes hold the agency's name (in UTF-8 or GB18030), so a repository of hundreds of pages costs
    a read of each, not a parse; at most ``MAX_WHOLE_PARSED`` files are parsed in a process."""
    agency = norm(agency_name)
    found = []
    for child in candidates:
        if child.suffix.lower() in (".html", ".htm") and not _names(child, agency_name):
            continue
        entry = _parsed(child, year)
        if entry is not None and entry[1] == agency:
            found.append(child)
    return found


def _names(page: Path, agency_name: str) -> bool:
    """Whether a page's bytes hold the agency's name."""
    try:
        with open(open_regular(page), "rb") as file:
            data = file.read(MAX_BYTES)
    except OSError:
        return False
    return any(agency_name.encode(encoding) in data for encoding in ("utf-8", "gb18030"))


_parsed_count = 0


@cache  # one parse per file and year in a process
def _parsed(child: Path, year: int) -> _Entry | None:
    global _parsed_count
    if _parsed_count >= MAX_WHOLE_PARSED:
        return None
    _parsed_count += 1
    return _indexed(child, year)


def _indexed(child: Path, year: int) -> _Entry | None:
    """The file and its normalised agency when it is a report of ``year``. A file that cannot be read (or that a
    parser fails on) is not one: its own run, if it is linted, says why."""
    try:
        report = _by_head(child, year) if reads_by_head(child.suffix) else load(child)
    except Exception:
        return None
    if report is not None and report.agency is not None and report.year == year:
        return child, norm(report.agency)
    return None


def _by_head(child: Path, year: int) -> Report | None:
    """The model of a file's head, when it names ``year``."""
    # Only files whose first bytes hold the year's digits are parsed, so a folder of this year's reports costs
    # one read of each head and no parsing. Digits are ASCII in UTF-8 and GB18030; UTF-16 spells them apart.
    markers = (str(year).encode(), str(year).encode("utf-16-le"))
    try:
        with open(open_regular(child), "rb") as file:
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


def _head_report(child: Path, parser: Callable[[str, tuple[str, ...]], Report], head: bytes) -> Report | None:
    decoded = decode(head)
    return parser(str(child), decoded.lines) if decoded.lines is not None else None
