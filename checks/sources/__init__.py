"""Parsers: one module per source format, each turning decoded lines into the Report model.

Parsers never judge. What they cannot place is kept in the model (unplaced rows, raw cell text) for the rules.
"""

from __future__ import annotations

from collections.abc import Callable

from checks.model import Report

Parser = Callable[[str, tuple[str, ...]], Report]


def parser_for(suffix: str) -> Parser | None:
    """The parser of a file suffix (``.txt``), imported only when a file of that format is read."""
    if suffix.lower() == ".txt":
        from checks.sources.text import parse

        return parse
    return None


SUFFIXES = (".txt",)
