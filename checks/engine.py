"""The pipeline for one file: read → decode → parse → model → schema and rules → findings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from checks.findings import Finding, Severity
from checks.model import Position
from checks.previous import find_beside, load
from checks.reading import MAX_BYTES
from checks.rules import Rule, catalog
from checks.rules.inputs import not_a_report
from checks.sources import is_report_name, read_report, unsupported
from checks.suppression import UnusedSuppression, apply, scan


class FileResult(NamedTuple):
    path: str
    findings: tuple[Finding, ...]
    lines: tuple[str, ...] = ()  # the decoded source, for reporters that quote it
    crash: str | None = None  # an internal error: a bug in the linter, reported as such
    # Suppression comments (or some of their codes) that suppressed nothing, named no rule, or could not be read
    # (checks/suppression.py); not findings, and they do not change the exit status.
    unused: tuple[UnusedSuppression, ...] = ()


def lint_file(
    path: Path,
    rules: list[Rule],
    max_bytes: int = MAX_BYTES,
    previous: Path | None = None,
    severities: Mapping[str, Severity] | None = None,
    shown: Path | None = None,
) -> FileResult:
    """Lint one file; ``previous`` is last year's report for the cross-year rules (else looked for beside it);
    ``severities`` override the catalog's default severity of some rules (configuration); ``shown``: the path the
    file stands for, when it is a copy (standard input spooled to a temporary file): results are named by it, and
    last year's report is looked for beside it."""
    name = str(shown or path)
    try:
        return _lint(path, shown or path, name, rules, max_bytes, previous, severities or {})
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
) -> FileResult:
    loaded = read_report(path, max_bytes)
    if loaded is None:
        return FileResult(name, _stamp([Finding("I001", Position(1, 1), unsupported(path.suffix))], severities), ())
    codes = {r.code for r in rules}
    findings = [f for f in loaded.findings if f.rule in codes]
    report = loaded.report
    if report is None:
        return FileResult(name, _stamp(findings, severities), ())
    findings.extend(f for f in report.parse_findings if f.rule in codes)
    # The rules that ran: a suppression of any other rule is not needed in this run, but not unused either.
    ran = {r.code for r in rules if r.check is None and r.cross is None}  # made while reading and parsing
    if report.unreadable:
        return _result(name, findings, severities, loaded.lines, report.format, ran)
    if "I006" in codes:
        stray = not_a_report(report)
        if stray is not None:  # one finding for the file, not one per part, table and rule it does not have
            return _result(name, [stray], severities, loaded.lines, report.format, ran | {"I006"})
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
    if report.places:  # a Word document: positions a rule made itself get their place too
        checked = [f._replace(pos=report.placed(f.pos)) for f in checked]
    return _result(name, findings + checked, severities, loaded.lines, report.format, ran)


def _result(
    name: str,
    findings: list[Finding],
    severities: Mapping[str, Severity],
    lines: tuple[str, ...],
    source_format: str,
    ran: set[str],
) -> FileResult:
    """The findings no suppression comment covers, stamped, and the suppressions that did nothing."""
    suppressions, unreadable = scan(lines, source_format)
    if not suppressions and not unreadable:
        return FileResult(name, _stamp(findings, severities), lines)
    kept, unused = apply(findings, suppressions, ran)
    every = sorted((*unreadable, *unused), key=lambda u: (u.pos.line, u.pos.column))
    return FileResult(name, _stamp(kept, severities), lines, unused=tuple(every))


def _stamp(findings: list[Finding], severities: Mapping[str, Severity]) -> tuple[Finding, ...]:
    """Each finding gets its rule's severity: the configured one, else its own milder case, else the catalog's."""
    rules = catalog()
    stamped = (f._replace(severity=severities.get(f.rule) or f.severity or rules[f.rule].severity) for f in findings)
    return tuple(sorted(stamped, key=Finding.sort_key))


def expand(paths: Iterable[Path]) -> Iterator[Path]:
    """Files as given, and report files inside folders (recursively, hidden and non-report files skipped), sorted."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and is_report_name(child.name) and not any(p.startswith(".") for p in relative):
                    yield child
        else:
            yield path


def has_errors(result: FileResult, strict: bool) -> bool:
    return any(f.severity is Severity.ERROR or strict for f in result.findings)
