"""One JSON document for the whole run (the contract in DESIGN.md); Chinese stays readable."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any, TextIO

from checks.engine import FileResult
from checks.findings import Finding
from checks.model import Position
from checks.reporters import Options
from checks.reporters.summary import summarize
from checks.visible import visible, visible_lines

VERSION = 1
_OPTIONAL = ("end_line", "expected", "actual", "table", "row", "col")
_INT_BITS = 64  # past this an integer is no figure of a report (their digits are bounded when read)


def finding_data(finding: Finding, lang: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule": finding.rule,
        "severity": finding.severity.value if finding.severity else None,
        "line": finding.pos.line,
        "column": finding.pos.column,
        "message": visible(finding.message.text(lang)),
    }
    if finding.pos.place is not None:
        data["place"] = finding.pos.place.data()
    for name in _OPTIONAL:
        value = getattr(finding, name)
        if value is not None:
            data[name] = plain(value)
    if finding.related:
        data["related"] = [_position(p) for p in finding.related]
    if finding.fix is not None:
        data["fix"] = {
            "safe": finding.fix.safe,
            "message": visible(finding.fix.message.text(lang)),
            "edits": [
                {**_position(e.start), "end_line": e.end.line, "end_column": e.end.column, "text": visible(e.text)}
                for e in finding.fix.edits
            ],
        }
    return data


def plain(value: Any) -> Any:
    """A finding's compared value as JSON can hold it: text made visible, an infinite or NaN float (JSON has no
    such numbers) and an integer too long to write as text."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > _INT_BITS:
        return f"<{value.bit_length()}-bit integer>"
    if value is None or isinstance(value, int | float):
        return value
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {visible(str(key)): plain(item) for key, item in value.items()}
    return visible(str(value))  # a path, or another value JSON has no type for


def _position(pos: Position) -> dict[str, Any]:
    data: dict[str, Any] = {"line": pos.line, "column": pos.column}
    if pos.place is not None:
        data["place"] = pos.place.data()
    return data


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    lang = options.lang
    files = []
    for result in results:
        entry: dict[str, Any] = {
            "path": visible(result.path),
            "findings": [finding_data(f, lang) for f in result.findings],
        }
        if result.unused:
            entry["unused_suppressions"] = [
                {
                    "line": u.pos.line,
                    "column": u.pos.column,
                    "codes": [visible(code) for code in u.codes],
                    "reason": u.reason,
                    "message": visible(u.message.text(lang)),
                }
                for u in result.unused
            ]
        if result.crash:
            entry["internal_error"] = visible_lines(result.crash)
        files.append(entry)
    document = {"version": VERSION, "files": files, "summary": summarize(results)._asdict()}
    json.dump(document, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
