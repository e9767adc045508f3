"""``path:line:col: CODE message``, then the offending source line, then a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from checks.engine import FileResult
from checks.findings import Severity
from checks.reporters.summary import summarize


def write(results: Sequence[FileResult], out: TextIO, lang: str, color: bool = False) -> None:
    for result in results:
        if result.crash:
            out.write(
                f"{result.path}: 内部错误（这是 zfxxgk-lint 的缺陷，请报告）\n{result.crash}"
                if lang != "en"
                else f"{result.path}: internal error (a bug in zfxxgk-lint, please report it)\n{result.crash}"
            )
        for f in result.findings:
            label = ("warning: " if lang == "en" else "警告：") if f.severity is Severity.WARNING else ""
            out.write(f"{result.path}:{f.pos.line}:{f.pos.column}: {f.rule} {label}{f.message.text(lang)}\n")
            if 0 < f.pos.line <= len(result.lines):
                source = result.lines[f.pos.line - 1].replace("\t", "⇥")
                if len(source) > 160:
                    source = source[:159] + "…"
                out.write(f"  {f.pos.line:>5} | {source}\n")
    s = summarize(results)
    if lang == "en":
        out.write(f"{s.files} file(s) checked: {s.errors} error(s), {s.warnings} warning(s)")
        out.write(f", {s.crashes} internal error(s)\n" if s.crashes else "\n")
    else:
        out.write(f"共检查 {s.files} 个文件：{s.errors} 个错误，{s.warnings} 个警告")
        out.write(f"，{s.crashes} 个内部错误\n" if s.crashes else "\n")
