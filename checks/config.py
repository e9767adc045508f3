"""Configuration: which rules run on which files, and at what severity.

The command line's --select/--ignore/--strict come on top of the configuration file (``[tool.zfxxgk-lint]`` in
pyproject.toml, or ``.zfxxgk-lint.yaml``, found by walking up from the working folder; ``--config FILE`` names
one). A mistake in either is a ConfigError: the run stops with exit 2 and says where the mistake is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from checks.findings import Severity
from checks.rules import Rule, selected


class ConfigError(Exception):
    """A mistake in the configuration or the options; the message names the file and the place."""


@dataclass(frozen=True, slots=True)
class FileSettings:
    """What applies to one file: the rules to run and the severities that differ from the catalog's."""

    rules: list[Rule]
    severities: Mapping[str, Severity] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Config:
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    strict: bool = False
    source: Path | None = None  # the configuration file it was read from, if any

    def for_path(self, path: Path) -> FileSettings:
        return FileSettings(selected(self.select, self.ignore))


def load_config(
    explicit: Path | None, start: Path, select: Sequence[str] | None, ignore: Sequence[str] | None, strict: bool
) -> Config:
    """The configuration for a run started in ``start``, with the command line's options on top."""
    return Config(tuple(select) if select is not None else None, tuple(ignore or ()), strict)
