"""A run over the paths given: expand folders, lint every file with its settings, in order."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from checks.config import Config
from checks.engine import FileResult, expand, lint_file


def run(
    paths: Sequence[Path], config: Config, previous: Path | None = None, progress: bool = False
) -> list[FileResult]:
    """Every report file under ``paths``, linted; results in the order of ``expand``.

    ``progress``: the caller's output is a terminal, so a long run may show how far it is.
    """
    results = []
    for path in expand(paths):
        settings = config.for_path(path)
        results.append(lint_file(path, settings.rules, previous=previous, severities=settings.severities))
    return results
