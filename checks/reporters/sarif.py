"""One SARIF 2.1.0 log for the whole run, for code-scanning tools (GitHub code scanning, IDE SARIF viewers).

The driver lists the whole rule catalog, so a viewer can show any rule's documentation, and each result points at
its rule by ``ruleIndex``. Paths are URIs relative to ``%SRCROOT%`` (the working directory, the checkout in CI);
columns count Unicode code points, as our positions do (SARIF's default would be UTF-16 code units).
An internal error is not a result (the report is not at fault) but a tool execution notification.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, TextIO
from urllib.parse import quote

from checks import __version__
from checks.engine import FileResult
from checks.findings import Finding, relative_path
from checks.model import Position
from checks.reporters import Options
from checks.reporters.json import plain
from checks.reporters.summary import crash_text
from checks.rules import Rule, catalog
from checks.visible import visible, visible_lines

SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://example.org/zfxxgk-lint"  # the repository (README's placeholder until it is published)
SRCROOT = "%SRCROOT%"
_OPTIONAL = ("expected", "actual", "table", "row", "col")


# Names for rules whose English title leans on Chinese terms, which the derivation below would drop.
_NAMES = {
    "R007": "OverviewLacksATopic",
    "R008": "ProblemsAndImprovementsMissing",
    "R009": "InformationFeeNotStated",
    "R010": "Superseded2019Format",
    "T007": "TableNoteOrUnitMissing",
    "A003": "Table3BalanceFails",
    "A004": "Table4GroupTotalWrong",
    "X005": "ImplausibleForTheAgency",
}


def rule_name(rule: Rule) -> str:
    """A CamelCase identifier from the English title's ASCII words (``PartsOutOfOrder``)."""
    if rule.code in _NAMES:
        return _NAMES[rule.code]
    title = rule.title_en.replace("'", "")
    words = "".join(c if c.isascii() and c.isalnum() else " " for c in title).split()
    return "".join(word[:1].upper() + word[1:] for word in words) or rule.code


def documentation(rule: Rule, lang: str) -> str:
    """The rule's documentation in ``lang`` (Chinese before ``---``, English after), as ``zfxxgk-lint rule`` shows."""
    zh, _, en = rule.doc.partition("\n---\n")
    body = (en if lang == "en" and en.strip() else zh).strip()
    return "\n".join(line.strip() for line in body.splitlines())


def descriptor(rule: Rule, lang: str) -> dict[str, Any]:
    doc = documentation(rule, lang)
    title = rule.title_en if lang == "en" else rule.title_zh
    return {
        "id": rule.code,
        "name": rule_name(rule),
        "shortDescription": {"text": title},
        "fullDescription": {"text": doc.split("\n\n")[0] if doc else title},
        "help": {"text": doc or title},
        "helpUri": f"{INFORMATION_URI}/docs/rules/{rule.code}.md",
        "defaultConfiguration": {"level": rule.severity.value},
        "properties": {"tags": [_FAMILIES.get(rule.code[0], rule.code[0])]},
    }


_FAMILIES = {
    "I": "input",
    "S": "schema",
    "R": "sections",
    "T": "tables",
    "A": "arithmetic",
    "X": "cross-checks",
}


def artifact_location(path: str, index: int | None = None, base: Path | None = None) -> dict[str, Any]:
    """``path`` as a URI: relative to ``%SRCROOT%`` when inside it, else an absolute ``file:`` URI."""
    where = relative_path(path, base)
    location: dict[str, Any] = (
        {"uri": Path(where).as_uri()}
        if where.is_absolute()
        # Quoted as bytes: a name that is not UTF-8 keeps its bytes (%FF), as Path.as_uri does.
        else {"uri": quote(os.fsencode(PurePath(where).as_posix()), safe="/"), "uriBaseId": SRCROOT}
    )
    if index is not None:
        location["index"] = index
    return location


def _region(pos: Position, end_line: int | None = None) -> dict[str, int] | None:
    if pos.line < 1 or pos.place is not None:  # about the whole file, or in a Word document (no text lines)
        return None
    region = {"startLine": pos.line}
    if pos.column >= 1:
        region["startColumn"] = pos.column
    if end_line is not None and end_line >= pos.line:
        region["endLine"] = end_line
    return region


def _physical(artifact: dict[str, Any], pos: Position, end_line: int | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact}
    region = _region(pos, end_line)
    if region is not None:
        physical["region"] = region
    return physical


def _location(artifact: dict[str, Any], pos: Position, lang: str, end_line: int | None = None) -> dict[str, Any]:
    location: dict[str, Any] = {"physicalLocation": _physical(artifact, pos, end_line)}
    if pos.place is not None:  # a paragraph or table cell of a Word document, named as Word shows it
        location["logicalLocations"] = [{"fullyQualifiedName": pos.place.text(lang), "kind": "element"}]
    return location


def result_data(finding: Finding, artifact: dict[str, Any], rule_index: dict[str, int], lang: str) -> dict[str, Any]:
    rules = catalog()
    severity = finding.severity or (rules[finding.rule].severity if finding.rule in rules else None)
    data: dict[str, Any] = {"ruleId": finding.rule}
    if finding.rule in rule_index:
        data["ruleIndex"] = rule_index[finding.rule]
    data["level"] = severity.value if severity is not None else "error"
    data["message"] = {"text": visible(finding.message.text(lang))}
    data["locations"] = [_location(artifact, finding.pos, lang, finding.end_line)]
    if finding.related:
        label = "related location" if lang == "en" else "相关位置"
        data["relatedLocations"] = [
            {**_location(artifact, pos, lang), "id": number, "message": {"text": label}}
            for number, pos in enumerate(finding.related, start=1)
        ]
    fixes = _fixes(finding, artifact, lang)
    if fixes:
        data["fixes"] = fixes
    properties = {name: plain(getattr(finding, name)) for name in _OPTIONAL if getattr(finding, name) is not None}
    if properties:
        data["properties"] = properties
    return data


def _fixes(finding: Finding, artifact: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The finding's repair as SARIF's fix (§3.55): replacements of regions of the file (a region ending at its
    column after the text; an insertion an empty one). A Word document has no text regions: none given there."""
    fix = finding.fix
    if fix is None or any(e.start.place is not None or e.start.line < 1 for e in fix.edits):
        return []
    said = fix.message.text(lang)
    if not fix.safe:
        said += " (unsafe: changes a figure or a sentence)" if lang == "en" else "（不安全的修复：改动数字或语句）"
    replacements = [
        {
            "deletedRegion": {
                "startLine": e.start.line,
                "startColumn": e.start.column,
                "endLine": e.end.line,
                "endColumn": e.end.column,
            },
            "insertedContent": {"text": visible(e.text)},
        }
        for e in fix.edits
    ]
    return [
        {
            "description": {"text": visible(said)},
            "artifactChanges": [{"artifactLocation": artifact, "replacements": replacements}],
        }
    ]


def _notification(crash: str, artifact: dict[str, Any], lang: str) -> dict[str, Any]:
    crash = visible_lines(crash)
    last = crash.strip().splitlines()[-1] if crash.strip() else ""
    kind, _, message = last.partition(": ")
    return {
        "level": "error",
        "message": {"text": f"{crash_text(lang)}\n{crash.rstrip()}"},
        "locations": [{"physicalLocation": {"artifactLocation": artifact}}],
        "exception": {"kind": kind, "message": message or last},
    }


def log(results: Sequence[FileResult], lang: str, base: Path | None = None) -> dict[str, Any]:
    """The SARIF log as data (``write`` serialises it)."""
    rules = list(catalog().values())
    rule_index = {rule.code: number for number, rule in enumerate(rules)}
    root = Path(base) if base is not None else Path.cwd()
    artifacts: list[dict[str, Any]] = []
    sarif_results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for number, result in enumerate(results):
        artifacts.append({"location": artifact_location(result.path, base=root)})
        artifact = artifact_location(result.path, number, root)
        if result.crash:
            notifications.append(_notification(result.crash, artifact, lang))
        sarif_results.extend(result_data(f, artifact, rule_index, lang) for f in result.findings)
    invocation: dict[str, Any] = {"executionSuccessful": not notifications}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "zfxxgk-lint",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [descriptor(rule, lang) for rule in rules],
            }
        },
        "invocations": [invocation],
        "language": "en-US" if lang == "en" else "zh-CN",
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": root.absolute().as_uri().rstrip("/") + "/"}},
        "artifacts": artifacts,
        "results": sarif_results,
    }
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def write(results: Sequence[FileResult], out: TextIO, options: Options) -> None:
    lang = options.lang
    json.dump(log(results, lang), out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
