"""Reporters: one module per output format behind one interface, imported only when chosen."""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from typing import Protocol, TextIO

from checks.engine import FileResult


class Reporter(Protocol):
    def __call__(self, results: Sequence[FileResult], out: TextIO, lang: str, color: bool = False) -> None: ...


def reporter(name: str) -> Reporter:
    module = importlib.import_module(f"checks.reporters.{name}")
    write: Reporter = module.write
    return write
