"""The pipeline for one file: read → decode → parse → model → schema and rules → findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from checks.facts import checked_report
from checks.findings import Finding, Message, Severity
from checks.folders import files_under
from checks.model import Comment, Position, Report
from checks.oserrors import is_regular
from checks.previous import find_beside, load
from checks.reading import MAX_BYTES
from checks.rules import Rule, catalog
from checks.rules.inputs import not_a_report
from checks.sources import is_report_name, read_report, unsupported
from checks.suppression import UnusedSuppression, apply, scan

# Findings listed per file; past this, one more says how many were left out. A report with every table row
# wrong has a few hundred; a file built to make millions (5 MB of rows, each its own T002) would make the output
# grow with the input a thousandfold and every reader of it wait.
MAX_FINDINGS = 500


class FileResult(NamedTuple):
    path: str
    findings: tuple[Finding, ...]
    lines: tuple[str, ...] = ()  # the decoded source, for reporters that quote it
    crash: str | None = None  # an internal error: a bug in the linter, reported as such
    # Suppression comments (or some of their codes) that suppressed nothing, named no rule, or could not be read
    # (checks/suppression.py); not findings, and they do not change the exit status.
    unused: tuple[UnusedSuppression, ...] = ()
    # The report's parts and tables (``drawn``), kept only when the reporter draws them (``lint_file(model=True)``):
    # other runs do not carry a model per file back from the workers.
    report: Report | None = None


def lint_file(
    path: Path,
    rules: list[Rule],
    max_bytes: int = MAX_BYTES,
    previous: Path | None = None,
    severities: Mapping[str, Severity] | None = None,
    shown: Path | None = None,
    spec: str | None = None,
    model: bool = False,
) -> FileResult:
    """Lint one file; ``previous`` is last year's report for the cross-year rules (else looked for beside it);
    ``severities`` override the catalog's default severity of some rules (configuration); ``shown``: the path the
    file stands for, when it is a copy (standard input spooled to a temporary file): results are named by it, and
    last year's report is looked for beside it; ``spec``: the key of the format the configuration chose for it
    (``checks/specs``), else the one the report is written in; ``model``: keep the report's model in the result
    (``drawn``), for a reporter that draws the report (``--format html``)."""
    name = str(shown or path)
    try:
        result, report = _lint(path, shown or path, name, rules, max_bytes, previous, severities or {}, spec)
        return result._replace(report=drawn(report)) if model and report is not None else result
    except Exception:  # a bug must not stop the other files, and must say it is a bug
        import traceback  # here: a run without a crash saves the 3 ms it takes to import

        return FileResult(name, (), (), traceback.format_exc())


def _lint(
    path: Path,
    shown: Path,
    name: str,
    rules: list[Rule],
    max_bytes: int,
    previous: Path | None,
    severities: Mapping[str, Severity],
    spec: str | None,
) -> tuple[FileResult, Report | None]:
    """The file's result, and its report when one could be built."""
    loaded = read_report(path, max_bytes)
    if loaded is None:
        unread = [Finding("I001", Position(1, 1), unsupported(path.suffix))]
        return FileResult(name, _stamp(unread, severities), ()), None
    codes = {r.code for r in rules}
    findings = [f for f in loaded.findings if f.rule in codes]
    if loaded.build is None:
        return FileResult(name, _stamp(findings, severities), ()), None
    report = checked_report(loaded.build, spec)
    return _checked(report, shown, name, rules, findings, max_bytes, previous, severities, loaded.lines), report


def _checked(
    report: Report,
    shown: Path,
    name: str,
    rules: list[Rule],
    findings: list[Finding],
    max_bytes: int,
    previous: Path | None,
    severities: Mapping[str, Severity],
    lines: tuple[str, ...],
) -> FileResult:
    codes = {r.code for r in rules}
    findings.extend(f for f in report.parse_findings if f.rule in codes)
    # The rules that ran: a suppression of any other rule is not needed in this run, but not unused either.
    ran = {r.code for r in rules if r.check is None and r.cross is None}  # made while reading and parsing
    if report.unreadable:
        return _result(name, findings, severities, lines, report.format, report.comments, ran)
    if "I006" in codes:
        stray = not_a_report(report)
        if stray is not None:  # one finding for the file, not one per part, table and rule it does not have
            return _result(name, [stray], severities, lines, report.format, report.comments, ran | {"I006"})
    checked: list[Finding] = []
    for r in rules:
        if r.check is not None:
            checked.extend(r.check(report))
            ran.add(r.code)
    cross = [r for r in rules if r.cross is not None]
    last_path = (previous or find_beside(shown, report)) if cross else None
    last = load(last_path, max_bytes) if last_path is not None else None
    if last is not None:
        for r in cross:
            assert r.cross is not None
            checked.extend(r.cross(report, last))
            ran.add(r.code)
    return _result(name, findings + checked, severities, lines, report.format, report.comments, ran)


def _result(
    name: str,
    findings: list[Finding],
    severities: Mapping[str, Severity],
    lines: tuple[str, ...],
    source_format: str,
    comments: tuple[Comment, ...],
    ran: set[str],
) -> FileResult:
    """The findings no suppression comment covers, stamped, and the suppressions that did nothing. Suppressions
    are read from the report's comments alone (``Report.comments``, as its reader found them); ``lines`` only say
    which line a ``disable-next-line`` covers."""
    suppressions, unreadable = scan(lines, source_format, comments)
    if not suppressions and not unreadable:
        return FileResult(name, _stamp(findings, severities), lines)
    kept, unused = apply(findings, suppressions, ran)
    every = sorted((*unreadable, *unused), key=lambda u: (u.pos.line, u.pos.column))
    return FileResult(name, _stamp(kept, severities), lines, unused=tuple(every))


def _stamp(findings: list[Finding], severities: Mapping[str, Severity]) -> tuple[Finding, ...]:
    """Each finding gets its rule's severity: the configured one, else its own milder case, else the catalog's."""
    rules = catalog()
    stamped = (f._replace(severity=severities.get(f.rule) or f.severity or rules[f.rule].severity) for f in findings)
    return _capped(sorted(stamped, key=Finding.sort_key))


def _capped(findings: list[Finding]) -> tuple[Finding, ...]:
    """The first ``MAX_FINDINGS`` findings, and one I004 counting the rest, as severe as the most severe of them
    (so the cut never changes the exit status)."""
    if len(findings) <= MAX_FINDINGS:
        return tuple(findings)
    rest = findings[MAX_FINDINGS:]
    severe = any(f.severity is Severity.ERROR for f in rest)
    first = rest[0].pos
    message = Message(
        f"问题过多，仅列出前 {MAX_FINDINGS} 项，自第 {first.line} 行起另有 {len(rest):,} 项未列出；"
        "请先改正已列出的问题",
        f"too many findings: the first {MAX_FINDINGS} are listed, {len(rest):,} more from line {first.line} on are "
        "not; correct those listed first",
    )
    note = Finding("I004", first, message, Severity.ERROR if severe else Severity.WARNING, actual=len(rest))
    return (*findings[:MAX_FINDINGS], note)


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and report files inside folders (recursively, hidden and non-report files skipped), sorted."""
    for path in paths:
        if path.is_dir():
            inside = path.resolve()
            for child in files_under(path, enter=lambda name: not name.startswith(".")):
                if not is_report_name(child.name):
                    continue
                if is_regular(child) and (not child.is_symlink() or _leads_inside(child, inside)):
                    yield child
        else:
            yield path


def _leads_inside(link: Path, folder: Path) -> bool:
    """Whether a symbolic link found in a folder run points inside the folder: one that leads out of it (to
    /etc/passwd, to another repository) is not linted, so its lines are never quoted in a pull request's log."""
    try:
        return link.resolve(strict=True).is_relative_to(folder)
    except (OSError, RuntimeError):  # a broken link or a loop
        return False


def drawn(report: Report) -> Report:
    """What a reporter drawing ``report`` reads: its parts' headings, its tables, its specification and facts;
    its text, lines, comments and source data are left out, so that a result sent back from a worker process is
    a few kilobytes."""
    sections = tuple(section._replace(paragraphs=()) for section in report.sections)
    return report._replace(sections=sections, lines=(), preamble=(), data=None, comments=(), parse_findings=())


def has_errors(result: FileResult, strict: bool) -> bool:
    return any(f.severity is Severity.ERROR or strict for f in result.findings)
