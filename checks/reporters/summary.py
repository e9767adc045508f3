"""Counts shared by every reporter's closing summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from checks.engine import FileResult
from checks.findings import Severity


@dataclass(frozen=True, slots=True)
class Summary:
    files: int
    errors: int
    warnings: int
    crashes: int
    by_rule: dict[str, int]
    files_with_errors: int


def summarize(results: Sequence[FileResult]) -> Summary:
    severities = Counter(f.severity for r in results for f in r.findings)
    by_rule = Counter(f.rule for r in results for f in r.findings)
    return Summary(
        files=len(results),
        errors=severities[Severity.ERROR],
        warnings=severities[Severity.WARNING],
        crashes=sum(1 for r in results if r.crash),
        by_rule=dict(sorted(by_rule.items())),
        files_with_errors=sum(1 for r in results if any(f.severity is Severity.ERROR for f in r.findings)),
    )
