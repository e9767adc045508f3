"""GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding, then the summary line.

https://docs.github.com/actions/reference/workflow-commands-for-github-actions — GitHub shows each annotation on
the pull request's diff when ``file`` is the path relative to the repository root (the job's working directory).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from checks.engine import FileResult
from checks.findings import Finding, Severity, relative_path
from checks.reporters import Options
from checks.reporters.summary import crash_text, rule_title, summarize, summary_line
from checks.visible import MAX_SHOWN, visible


def escape_data(text: str) -> str:
    """A command's message: GitHub decodes these three, and a raw newline would end the command."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped, limit=20 * MAX_SHOWN)  # after the line ends are encoded: no other control reaches the log


def escape_property(text: str) -> str:
    """A property value: ``:`` and ``,`` separate properties, so they are encoded too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, str | int], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{name} {props}::{escape_data(message)}" if props else f"::{name}::{escape_data(message)}"


def annotation(path: str, finding: Finding, lang: str) -> str:
    properties: dict[str, str | int] = {"file": path}
    message = finding.message.text(lang)
    if finding.pos.place is not None:  # a Word document has no lines to annotate: say where in the message
        message = f"{finding.pos.place.text(lang)}: {message}"
    elif finding.pos.line >= 1:  # a finding about the whole file has no line to point at
        properties["line"] = finding.pos.line
        if finding.pos.column >= 1:
            properties["col"] = finding.pos.column
        if finding.end_line is not None and finding.end_line >= finding.pos.line:
            properties["endLine"] = finding.end_line
    title = rule_title(finding.rule, lang)
    properties["title"] = f"{finding.rule} {title}" if title else finding.rule
    name = "warning" if finding.severity is Severity.WARNING else "error"
    return command(name, properties, message)


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    lang = options.lang
    for result in results:
        path = relative_path(result.path).as_posix()
        if result.crash:
            title = "zfxxgk-lint internal error" if lang == "en" else "zfxxgk-lint 内部错误"
            out.write(
                command("error", {"file": path, "title": title}, f"{crash_text(lang)}\n{result.crash.rstrip()}") + "\n"
            )
        for finding in result.findings:
            out.write(annotation(path, finding, lang) + "\n")
        for unused in result.unused:
            place: dict[str, str | int] = {"file": path, "line": unused.pos.line, "col": unused.pos.column}
            out.write(command("notice", place, unused.message.text(lang)) + "\n")
    if not options.quiet:
        out.write(summary_line(summarize(results), lang) + "\n")
