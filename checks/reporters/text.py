"""``path:line:col: CODE message``, then the offending source line, then a summary (a table for several files).

One habit repeated down a table (25 rows each missing a merged cell) is one thing to fix, so when one rule fires
for one table more than ``GROUP_SHOWN + 1`` times in a file, the first ``GROUP_SHOWN`` are shown with their lines
and the rest counted on one line; ``verbose`` shows every one (JSON and SARIF always carry every one).
``concise`` (``--format concise``) is one line per finding, every one, without the source lines.
``statistics`` shows counts per rule instead of the findings.

Colour (``color=True``, chosen by the CLI from ``--color``, NO_COLOR and the terminal) only adds ANSI codes around
the same text, so a line reads the same with and without it. Everything taken from a file (its path, its lines,
the text quoted in a message) passes through ``visible`` first, so it cannot act on the terminal.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from checks.engine import FileResult
from checks.findings import Finding, Severity
from checks.reporters import Options
from checks.reporters.summary import (
    Summary,
    crash_text,
    rule_title,
    rules_by_count,
    summarize,
    summary_line,
)
from checks.specs import default
from checks.visible import visible, visible_lines

GROUP_SHOWN = 3  # findings of a repeated kind shown before the rest are counted

_RESET = "\x1b[0m"
_BOLD = "1"
_DIM = "2"
_RED = "31"
_YELLOW = "33"


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *codes: str) -> str:
        if not self.color or not text:
            return text
        return f"\x1b[{';'.join(codes)}m{text}{_RESET}"

    def severity(self, severity: Severity | None) -> str:
        return _YELLOW if severity is Severity.WARNING else _RED


def write(results: Sequence[FileResult], out: TextIO, options: Options, *, concise: bool = False) -> None:
    style = _Style(options.color)
    lang = options.lang
    summary = summarize(results)
    if options.statistics:
        _statistics(out, summary, lang, style)
        if not options.quiet:
            out.write(_summary_line(summary, lang, style) + "\n")
        return
    for result in results:
        path = style(visible(result.path), _BOLD)
        if result.crash:
            out.write(f"{path}: {style(crash_text(lang), _BOLD, _RED)}\n{visible_lines(result.crash.rstrip())}\n")
        for f, rest in _grouped(result.findings, every=options.verbose or concise):
            _finding(out, result, f, lang, style, source=not concise)
            if rest:
                out.write(style(_more(f, rest, lang), _DIM) + "\n")
        if options.quiet:
            continue
        for unused in result.unused:  # not findings (no rule code), but worth removing
            note = "note: " if lang == "en" else "提示："
            said = visible(unused.message.text(lang))
            out.write(f"{path}:{unused.pos.line}:{unused.pos.column}: {style(note, _DIM)}{said}\n")
    if options.quiet:
        return
    if summary.files > 1 and not concise:
        _table(out, summary, lang, style)
    else:
        out.write(_summary_line(summary, lang, style) + "\n")
    note = _fixes_note(results, lang)
    if note:
        out.write(style(note, _DIM) + "\n")


def _fixes_note(results: Sequence[FileResult], lang: str) -> str:
    """How many findings ``--fix`` would repair (and ``--unsafe-fixes`` besides), where any would be."""
    if not any(f.fix is not None for r in results for f in r.findings):
        return ""
    from checks.writers.fixes import WRITABLE  # a page or a PDF is published: never rewritten

    written = [r for r in results if Path(r.path).suffix.lower() in WRITABLE]
    fixes = [f.fix for r in written for f in r.findings if f.fix is not None]
    safe = sum(1 for fix in fixes if fix.safe)
    unsafe = len(fixes) - safe
    if not fixes:
        return ""
    if lang == "en":
        more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
        return f"{safe} of them can be repaired with --fix{more}; --diff shows the changes first"
    more = f"（另有 {unsafe} 个可加 --unsafe-fixes 修复）" if unsafe else ""
    return f"其中 {safe} 个问题可用 --fix 自动修复{more}；加 --diff 先查看修改内容"


def _grouped(findings: Sequence[Finding], every: bool) -> list[tuple[Finding, list[Finding]]]:
    """The findings to show, each with those of its kind counted after it instead of shown: the ones past
    ``GROUP_SHOWN`` of a kind that repeats more than ``GROUP_SHOWN + 1`` times, after the last one shown."""
    hidden: set[int] = set()
    counted_after: dict[int, list[Finding]] = {}
    if not every:
        kinds: dict[tuple[str, str, Severity | None], list[int]] = defaultdict(list)
        for index, f in enumerate(findings):
            kind = _kind(f)
            if kind is not None:
                kinds[kind].append(index)
        for members in kinds.values():
            if len(members) > GROUP_SHOWN + 1:
                hidden.update(members[GROUP_SHOWN:])
                counted_after[members[GROUP_SHOWN - 1]] = [findings[i] for i in members[GROUP_SHOWN:]]
    return [(f, counted_after.get(index, [])) for index, f in enumerate(findings) if index not in hidden]


def _kind(f: Finding) -> tuple[str, str, Severity | None] | None:
    """Findings that say the same thing about different rows of one table; None: not grouped."""
    return (f.rule, f.table, f.severity) if f.table is not None else None


def _more(f: Finding, rest: list[Finding], lang: str) -> str:
    lines = [r.pos.line for r in rest if r.pos.place is None and r.pos.line > 0]
    table = _table_name(f.table, lang)
    if lang == "en":
        where = f" (lines {min(lines)}–{max(lines)})" if lines else ""
        return f"  … {len(rest)} more {f.rule} in {table}{where}; --verbose shows every one"
    where = f"，第 {min(lines)}—{max(lines)} 行" if lines else ""
    return f"  …… {table}另有 {len(rest)} 处同类问题（{f.rule}{where}），加 --verbose 可逐条显示"


def _table_name(key: str | None, lang: str) -> str:
    # A result carries no report, so no specification: every format names its tables alike (表二, 表三, 表四).
    zh, en = default().table_names.get(key or "", (key or "", key or ""))
    return en if lang == "en" else zh


_SHOWN = 159  # characters of a source line shown under a finding
_CONTEXT = 40  # of them before the finding's column, when the line has to be cut


def _finding(out: TextIO, result: FileResult, f: Finding, lang: str, style: _Style, source: bool) -> None:
    label = ("warning: " if lang == "en" else "警告：") if f.severity is Severity.WARNING else ""
    tone = style.severity(f.severity)
    place = f.pos.place  # a Word document's findings are where Word shows them, not on a line
    at = place.text(lang) if place is not None else f"{f.pos.line}:{f.pos.column}"
    where = f"{style(visible(result.path), _BOLD)}:{at}:"
    out.write(f"{where} {style(f.rule, _BOLD, tone)} {style(label, tone)}{visible(f.message.text(lang))}\n")
    if source and 0 < f.pos.line <= len(result.lines):
        quoted = visible(_excerpt(result.lines[f.pos.line - 1], f.pos.column if place is None else 1))
        gutter = "" if place is not None else f.pos.line
        out.write(f"{style(f'  {gutter:>5} |', _DIM)} {quoted}\n")


def _excerpt(line: str, column: int) -> str:
    """The part of a long line around ``column`` (a page's source can be one line of markup), tabs shown."""
    start = 0 if column <= _SHOWN - _CONTEXT else min(column - 1 - _CONTEXT, len(line) - _SHOWN)
    shown = line[start : start + _SHOWN]
    return ("…" if start > 0 else "") + shown.replace("\t", "⇥") + ("…" if start + _SHOWN < len(line) else "")


def _summary_line(summary: Summary, lang: str, style: _Style) -> str:
    line = summary_line(summary, lang)
    if not style.color:
        return line
    # Colour the counts that matter; the wording comes from the shared line so both stay the same.
    parts = {
        (f"{summary.errors} error(s)" if lang == "en" else f"{summary.errors} 个错误"): _RED if summary.errors else "",
        (f"{summary.warnings} warning(s)" if lang == "en" else f"{summary.warnings} 个警告"): (
            _YELLOW if summary.warnings else ""
        ),
    }
    for text, tone in parts.items():
        if tone:
            line = line.replace(text, style(text, _BOLD, tone), 1)
    return line


def _width(text: str) -> int:
    """Columns a terminal gives ``text``: CJK characters and full-width punctuation take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - _width(text))
    return fill + text if right else text + fill


def _table(out: TextIO, summary: Summary, lang: str, style: _Style) -> None:
    en = lang == "en"
    s = summary
    totals = [
        ("files checked" if en else "检查的文件", s.files, ""),
        ("files with errors" if en else "有错误的文件", s.files_with_errors, _RED if s.files_with_errors else ""),
        ("errors" if en else "错误", s.errors, _RED if s.errors else ""),
        ("warnings" if en else "警告", s.warnings, _YELLOW if s.warnings else ""),
        ("internal errors" if en else "内部错误", s.crashes, _RED if s.crashes else ""),
    ]
    label_width = max(_width(label) for label, _, _ in totals)
    number_width = max(len(str(number)) for _, number, _ in totals)
    out.write("\n" + style("Summary" if en else "汇总", _BOLD) + "\n")
    for label, number, tone in totals:
        count = _pad(str(number), number_width, right=True)
        out.write(f"  {_pad(label, label_width)}  {style(count, _BOLD, tone) if tone else count}\n")
    if s.by_rule:
        out.write("\n")
        _statistics(out, s, lang, style)


def _statistics(out: TextIO, summary: Summary, lang: str, style: _Style) -> None:
    """Findings per rule, the most frequent first: count, code, title."""
    counts = rules_by_count(summary)
    if not counts:
        return
    en = lang == "en"
    heads = ("rule", "count", "title") if en else ("规则", "次数", "说明")
    count_width = max(_width(heads[1]), *(len(str(n)) for _, n in counts))
    code_width = max(_width(heads[0]), *(len(code) for code, _ in counts))
    out.write(style(f"  {_pad(heads[0], code_width)}  {_pad(heads[1], count_width, True)}  {heads[2]}", _DIM))
    out.write("\n")
    for code, number in counts:
        out.write(f"  {style(_pad(code, code_width), _BOLD)}  {_pad(str(number), count_width, True)}")
        out.write(f"  {rule_title(code, lang)}\n")
