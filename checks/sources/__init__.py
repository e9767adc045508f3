"""Parsers: one module per source format, each turning a file into the Report model.

A text format's module has ``parse(path, lines)`` for the decoded lines, and ``declared_encoding(data)`` when its
files name their encoding (HTML); a binary format's module (Word) reads the file itself: ``read_file(path, max_bytes)``.
Parsers never judge. What they cannot place is kept in the model (unplaced rows, raw cell text) for the rules.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from checks.findings import Finding, Message
from checks.model import Position, Report
from checks.oserrors import reason
from checks.reading import read

Parser = Callable[[str, tuple[str, ...]], Report]


# File suffix -> the module that parses it; a module is imported only when a file of its format is read.
_MODULES = {
    ".txt": "checks.sources.text",
    ".md": "checks.sources.markdown",
    ".yaml": "checks.sources.yaml",
    ".yml": "checks.sources.yaml",
    ".html": "checks.sources.html",
    ".htm": "checks.sources.html",
    ".docx": "checks.sources.word",
}
SUFFIXES = tuple(_MODULES)
# Formats whose first few KB hold the title (the search for last year's report reads only that much of a file).
_TITLE_IN_HEAD = frozenset({".txt", ".md", ".yaml", ".yml"})
# Files a folder holds beside its reports, in the formats reports use (.md, .yaml): never reports themselves.
# The pre-commit hooks exclude the same names (.pre-commit-hooks.yaml).
_NOT_REPORTS = re.compile(
    r"^(?:README|CHANGELOG|CONTRIBUTING|LICENSE|mkdocs|docker-compose|requirements|pyproject)\b", re.IGNORECASE
)


# Word processors' own formats that no parser here reads: the staffer can save them as .docx in a minute.
_SAVE_AS_DOCX = frozenset({".doc", ".wps", ".wpt", ".dot", ".rtf", ".odt", ".docm", ".dotx"})


def unsupported(suffix: str) -> Message:
    """Why a file of this type is not read, and what to do instead."""
    shown = suffix or "（无后缀）"
    if suffix.lower() in _SAVE_AS_DOCX:
        return Message(
            f"不支持「{shown}」格式的文件。请在 Word 或 WPS 中打开，点击“文件 → 另存为”，保存类型选择"
            "“Word 文档（*.docx）”，再检查另存的 .docx 文件",
            f'"{suffix}" files are not read. Open it in Word or WPS, choose File → Save As, pick '
            '"Word Document (*.docx)", and check the saved .docx file',
        )
    known = "、".join(SUFFIXES)
    return Message(
        f"不支持「{shown}」格式的文件；可检查的格式：{known}",
        f'"{suffix or "(no suffix)"}" files are not read; the formats read are {", ".join(SUFFIXES)}',
    )


def is_report_name(name: str) -> bool:
    """Whether a file name (in a folder run or the search for last year's report) can be a report's."""
    return not name.startswith(".") and not _NOT_REPORTS.match(name) and os.path.splitext(name)[1].lower() in SUFFIXES


class Loaded(NamedTuple):
    """A file read: its model (None when it could not be read), the findings about reading it (I001, I002, I004,
    I005), and the lines reporters quote and suppression comments are read from."""

    report: Report | None
    findings: tuple[Finding, ...]
    lines: tuple[str, ...]


def _module(suffix: str) -> ModuleType | None:
    name = _MODULES.get(suffix.lower())
    return None if name is None else importlib.import_module(name)


def read_report(path: Path, max_bytes: int) -> Loaded | None:
    """The model of a file in any format read here; None for a file type no parser reads. A file the system
    will not let us read (no permission, a folder named like a report, gone since it was listed) is I001."""
    module = _module(path.suffix)
    if module is None:
        return None
    try:
        if hasattr(module, "read_file"):
            loaded: Loaded = module.read_file(path, max_bytes)
            return loaded
        decoded = read(path, max_bytes, getattr(module, "declared_encoding", None))
    except OSError as error:
        why = reason(error)
        message = Message(f"无法打开文件：{why.zh}", f"cannot open the file: {why.en}")
        return Loaded(None, (Finding("I001", Position(1, 1), message),), ())
    if decoded.lines is None:
        return Loaded(None, decoded.findings, ())
    return Loaded(module.parse(str(path), decoded.lines), decoded.findings, decoded.lines)


def parser_for(suffix: str) -> Parser | None:
    """The parser of a text format's decoded lines (None for other formats): for reading only part of a file."""
    module = _module(suffix)
    parse: Parser | None = getattr(module, "parse", None) if module is not None else None
    return parse


def reads_by_head(suffix: str) -> bool:
    """Whether a file's first bytes are enough to know its title (not so for HTML pages and Word documents)."""
    return suffix.lower() in _TITLE_IN_HEAD
