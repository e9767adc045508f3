"""Readers: one module per source format, each turning a file into what the report is built from.

A block format's module (txt, md, html) has ``read(path, lines) -> Document`` for the decoded lines (its blocks,
comments and what it states; ``sources.assemble`` builds the report from them by a specification), and
``declared_encoding(data)`` when its files name their encoding (HTML); a data format's module (YAML) has
``parse(path, lines, spec) -> Report``; a binary format's module (Word) reads the file itself:
``read_file(path, max_bytes) -> Source``. Every text format's module also has ``parse(path, lines, spec=None)``.
Readers never judge. What they cannot place is kept in the model (unplaced rows, raw cell text) for the rules.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import NamedTuple

from checks.findings import Finding, Message
from checks.model import Position, Report
from checks.oserrors import reason
from checks.reading import read
from checks.sources.assemble import assemble

# The source formats (checks/sources/formats.py): the module that reads each suffix, and what a file name says.
from checks.sources.formats import MODULES as _MODULES
from checks.sources.formats import is_report_name as is_report_name
from checks.sources.formats import reads_by_head as reads_by_head
from checks.sources.formats import unsupported as unsupported
from checks.specs import Specification, default

Parser = Callable[[str, tuple[str, ...], Specification], Report]
Builder = Callable[[Specification], Report]


class Source(NamedTuple):
    """A file read: how to build its report by a specification (None when it could not be read), the findings about
    reading it (I001, I002, I004, I005), and the lines reporters quote.

    The report is built by a specification chosen for it (``checks/facts.py``): a source read once can be built
    again by another, the blocks being what was read (``sources.assemble``)."""

    build: Builder | None
    findings: tuple[Finding, ...]
    lines: tuple[str, ...]

    @property
    def report(self) -> Report | None:
        """The report by the national format in force (what a caller that chooses no specification gets)."""
        return self.build(default()) if self.build is not None else None


def _module(suffix: str) -> ModuleType | None:
    name = _MODULES.get(suffix.lower())
    return None if name is None else importlib.import_module(name)


def read_report(path: Path, max_bytes: int) -> Source | None:
    """A file in any format read here; None for a file type no reader reads. A file the system will not let us
    read (no permission, a folder named like a report, gone since it was listed) is I001."""
    module = _module(path.suffix)
    if module is None:
        return None
    try:
        if hasattr(module, "read_file"):
            read_file: Callable[[Path, int], Source] = module.read_file
            return read_file(path, max_bytes)
        decoded = read(path, max_bytes, getattr(module, "declared_encoding", None))
    except OSError as error:
        why = reason(error)
        message = Message(f"无法打开文件：{why.zh}", f"cannot open the file: {why.en}")
        return Source(None, (Finding("I001", Position(1, 1), message),), ())
    if decoded.lines is None:
        return Source(None, decoded.findings, ())
    return Source(builder(module, str(path), decoded.lines), decoded.findings, decoded.lines)


def builder(module: ModuleType, path: str, lines: tuple[str, ...]) -> Builder:
    """How the report of a text source's lines is built by a specification. A source of blocks is read once and
    assembled by each specification asked for; a data source (YAML) is built by its module from its data."""
    if hasattr(module, "read"):
        document = module.read(path, lines)
        return lambda spec: assemble(document, spec)
    parse: Parser = module.parse
    return lambda spec: parse(path, lines, spec)


def parser_for(suffix: str) -> Callable[[str, tuple[str, ...]], Report] | None:
    """The parser of a text format's decoded lines (None for other formats): for reading only part of a file."""
    module = _module(suffix)
    parse: Callable[[str, tuple[str, ...]], Report] | None = getattr(module, "parse", None) if module else None
    return parse
