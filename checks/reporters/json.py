"""One JSON document for the whole run (the contract in DESIGN.md); Chinese stays readable."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from checks.engine import FileResult
from checks.findings import Finding
from checks.model import Position
from checks.reporters import Options
from checks.reporters.summary import summarize

VERSION = 1
_OPTIONAL = ("end_line", "expected", "actual", "table", "row", "col")


def finding_data(finding: Finding, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value if finding.severity else None,
        "line": finding.pos.line,
        "column": finding.pos.column,
        "message": finding.message.text(lang),
    }
    if finding.pos.place is not None:
        data["place"] = finding.pos.place.data()
    for name in _OPTIONAL:
        value = getattr(finding, name)
        if value is not None:
            data[name] = value
    if finding.related:
        data["related"] = [_position(p) for p in finding.related]
    return data


def _position(pos: Position) -> dict[str, Any]:
    data: dict[str, Any] = {"line": pos.line, "column": pos.column}
    if pos.place is not None:
        data["place"] = pos.place.data()
    return data


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    lang = options.lang
    files = []
    for result in results:
        entry: dict[str, Any] = {"path": result.path, "findings": [finding_data(f, lang) for f in result.findings]}
        if result.unused:
            entry["unused_suppressions"] = [
                {
                    "line": u.pos.line,
                    "column": u.pos.column,
                    "codes": list(u.codes),
                    "reason": u.reason,
                    "message": u.message.text(lang),
                }
                for u in result.unused
            ]
        if result.crash:
            entry["internal_error"] = result.crash
        files.append(entry)
    document = {"version": VERSION, "files": files, "summary": summarize(results)._asdict()}
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
