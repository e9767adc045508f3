"""What the reporters share: the run's counts, the closing summary line, rule titles and paths for CI tools."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from checks.engine import FileResult
from checks.findings import Severity


class Summary(NamedTuple):
    files: int
    errors: int
    warnings: int
    crashes: int
    by_rule: dict[str, int]  # by code, in code order (the JSON contract's form)
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


def rules_by_count(summary: Summary) -> list[tuple[str, int]]:
    """(code, count) for every rule that found something, the most frequent first, then by code."""
    return sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))


def summary_line(summary: Summary, lang: str) -> str:
    """The one line that closes a run (without its newline)."""
    s = summary
    if lang == "en":
        line = f"{s.files} file(s) checked: {s.errors} error(s), {s.warnings} warning(s)"
        return line + (f", {s.crashes} internal error(s)" if s.crashes else "")
    line = f"共检查 {s.files} 个文件：{s.errors} 个错误，{s.warnings} 个警告"
    return line + (f"，{s.crashes} 个内部错误" if s.crashes else "")


def crash_text(lang: str) -> str:
    """What every reporter says about an internal error: it is a bug of ours, not a problem in the report."""
    if lang == "en":
        return "internal error (a bug in zfxxgk-lint, please report it)"
    return "内部错误（这是 zfxxgk-lint 的缺陷，请报告）"


def rule_title(code: str, lang: str) -> str:
    """The rule's title in ``lang``; empty for a code the catalog does not know (never fails a report)."""
    from checks.rules import catalog

    found = catalog().get(code)
    if found is None:
        return ""
    return found.title_en if lang == "en" else found.title_zh
