"""Findings: typed data with structured positions, never formatted strings (reporters format them)."""

from __future__ import annotations

import os
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path, PurePath
from typing import Any, NamedTuple

from checks.positions import Position


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


class Message(NamedTuple):
    """A user-facing message in both languages; Chinese is the default."""

    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class Edit(NamedTuple):
    """Replace ``old``, the source text from ``start`` up to ``end``, with ``text`` (``old`` empty: an insertion).
    ``old`` is what the edit was made for: a source that no longer holds it there is not edited."""

    start: Position
    end: Position
    old: str
    text: str


class Fix(NamedTuple):
    """A repair a rule is sure of. ``safe``: the meaning stays (official wording, the note or unit restored, a
    placeholder for 0 where the sums hold with 0); unsafe ones change a figure or a sentence (``--unsafe-fixes``)."""

    edits: tuple[Edit, ...]
    safe: bool
    message: Message  # what it does: 改为「…」


def replacing(pieces: Iterable[tuple[Position, str]], text: str, message: Message, *, safe: bool = True) -> Fix:
    """A fix writing ``text`` in place of each (where, what is written there) piece of source text."""
    edits = tuple(Edit(pos, pos.shifted(len(old)), old, text) for pos, old in pieces)
    return Fix(edits, safe, message)


class Finding(NamedTuple):
    """One problem found in one file.

    Rules leave ``severity`` unset unless a case of theirs is milder than the rule (a known variant heading);
    the engine stamps the rule's severity on the others.
    ``table``/``row``/``col`` name the place in the official wording's keys; ``expected``/``actual`` carry the
    values an arithmetic or count rule compared; ``related`` are other places the message names (the table cell
    a sentence contradicts, the cell most likely wrong); ``fix`` the repair, when the rule is sure of one.
    """

    rule: str
    pos: Position
    message: Message
    severity: Severity | None = None
    end_line: int | None = None
    expected: Any = None
    actual: Any = None
    table: str | None = None
    row: str | None = None
    col: str | None = None
    related: tuple[Position, ...] = ()
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.pos.line, self.pos.column, self.rule)


def relative_path(path: str, base: Path | None = None) -> PurePath:
    """``path`` relative to ``base`` (the working directory) when it lies inside it, else absolute.

    CI tools match annotations to repository-relative paths, and the working directory of a CI job is the checkout.
    Symbolic links are not resolved: the path stays the one the user named.
    """
    root = Path(os.path.abspath(base if base is not None else Path.cwd()))
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(root)
    except ValueError:
        return absolute
