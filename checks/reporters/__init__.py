"""Reporters: one module per output format behind one interface, imported only when chosen."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import NamedTuple, Protocol, TextIO

from checks.engine import FileResult

FORMATS = ("text", "concise", "json", "github", "sarif", "html", "csv")  # a module of this package each
# Read by programs (a browser for html): written as UTF-8 whatever the console's encoding, and written even when
# no report file was found (a CI artifact or a tool reading it expects a document).
MACHINE = frozenset({"json", "sarif", "html", "csv"})
# Formats that draw each report or take its figures: the run keeps its model for them (FileResult.report).
MODEL = frozenset({"html", "csv"})


class Options(NamedTuple):
    """How a run's results are shown; formats for programs read only ``lang``."""

    lang: str = "zh"
    color: bool = False  # ANSI colours (text)
    verbose: bool = False  # every finding, repeats not grouped (text)
    quiet: bool = False  # findings only: no summary, no notes
    statistics: bool = False  # counts per rule instead of the findings (text, concise)


class Reporter(Protocol):
    def __call__(self, results: Sequence[FileResult], out: TextIO, options: Options) -> None: ...


def reporter(name: str) -> Reporter:
    module = importlib.import_module(f"checks.reporters.{name}")
    write: Reporter = module.write
    return write
