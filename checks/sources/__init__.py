"""Parsers: one module per source format, each turning decoded lines into the Report model.

Parsers never judge. What they cannot place is kept in the model (unplaced rows, raw cell text) for the rules.
"""

from __future__ import annotations

import importlib
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


def parser_for(suffix: str) -> Parser | None:
    module = _MODULES.get(suffix.lower())
    if module is None:
        return None
    parse: Parser = importlib.import_module(module).parse
    return parse
