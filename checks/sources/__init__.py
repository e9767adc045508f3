"""Parsers: one module per source format, each turning decoded lines into the Report model.

Parsers never judge. What they cannot place is kept in the model (unplaced rows, raw cell text) for the rules.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable

from checks.model import Report

Parser = Callable[[str, tuple[str, ...]], Report]


# File suffix -> the module that parses it; a module is imported only when a file of its format is read.
_MODULES = {
    ".txt": "checks.sources.text",
    ".md": "checks.sources.markdown",
    ".yaml": "checks.sources.yaml",
    ".yml": "checks.sources.yaml",
}
SUFFIXES = tuple(_MODULES)
# Files a folder holds beside its reports, in the formats reports use (.md, .yaml): never reports themselves.
# The pre-commit hooks exclude the same names (.pre-commit-hooks.yaml).
_NOT_REPORTS = re.compile(
    r"^(?:README|CHANGELOG|CONTRIBUTING|LICENSE|mkdocs|docker-compose|requirements|pyproject)\b", re.IGNORECASE
)


def is_report_name(name: str) -> bool:
    """Whether a file name (in a folder run or the search for last year's report) can be a report's."""
    return not name.startswith(".") and not _NOT_REPORTS.match(name) and os.path.splitext(name)[1].lower() in SUFFIXES


def parser_for(suffix: str) -> Parser | None:
    module = _MODULES.get(suffix.lower())
    if module is None:
        return None
    parse: Parser = importlib.import_module(module).parse
    return parse
