"""``path:line:col: CODE message``, then the offending source line, then a summary (a table for several files).

Colour (``color=True``, chosen by the CLI from ``--color``, NO_COLOR and the terminal) only adds ANSI codes around
the same text, so a line reads the same with and without it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TextIO

from checks.engine import FileResult
from checks.findings import Finding, Severity
from checks.reporters.summary import (
    Summary,
    crash_text,
    rule_title,
    rules_by_count,
    summarize,
    summary_line,
    visible,
)

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


def write(results: Sequence[FileResult], out: TextIO, lang: str, color: bool = False) -> None:
    style = _Style(color)
    for result in results:
        if result.crash:
            out.write(f"{style(result.path, _BOLD)}: {style(crash_text(lang), _BOLD, _RED)}\n{result.crash}")
            if not result.crash.endswith("\n"):
                out.write("\n")
        for f in result.findings:
            _finding(out, result, f, lang, style)
        for unused in result.unused:  # not findings (no rule code), but worth removing
            note = "note: " if lang == "en" else "提示："
            where = f"{style(result.path, _BOLD)}:{unused.pos.line}:{unused.pos.column}:"
            out.write(f"{where} {style(note, _DIM)}{unused.message.text(lang)}\n")
    summary = summarize(results)
    if summary.files > 1:
        _table(out, summary, lang, style)
    else:
        out.write(_summary_line(summary, lang, style) + "\n")


_SHOWN = 159  # characters of a source line shown under a finding
_CONTEXT = 40  # of them before the finding's column, when the line has to be cut


def _finding(out: TextIO, result: FileResult, f: Finding, lang: str, style: _Style) -> None:
    label = ("warning: " if lang == "en" else "警告：") if f.severity is Severity.WARNING else ""
    tone = style.severity(f.severity)
    place = f.pos.place  # a Word document's findings are where Word shows them, not on a line
    at = place.text(lang) if place is not None else f"{f.pos.line}:{f.pos.column}"
    where = f"{style(result.path, _BOLD)}:{at}:"
    out.write(f"{where} {style(f.rule, _BOLD, tone)} {style(label, tone)}{visible(f.message.text(lang))}\n")
    if 0 < f.pos.line <= len(result.lines):
        source = visible(_excerpt(result.lines[f.pos.line - 1], f.pos.column if place is None else 1))
        gutter = "" if place is not None else f.pos.line
        out.write(f"{style(f'  {gutter:>5} |', _DIM)} {source}\n")


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
    counts = rules_by_count(s)
    if not counts:
        return
    heads = ("rule", "count", "title") if en else ("规则", "次数", "说明")
    count_width = max(_width(heads[1]), *(len(str(n)) for _, n in counts))
    code_width = max(_width(heads[0]), *(len(code) for code, _ in counts))
    out.write("\n" + style(f"  {_pad(heads[0], code_width)}  {_pad(heads[1], count_width, True)}  {heads[2]}", _DIM))
    out.write("\n")
    for code, number in counts:
        out.write(f"  {style(_pad(code, code_width), _BOLD)}  {_pad(str(number), count_width, True)}")
        out.write(f"  {rule_title(code, lang)}\n")
