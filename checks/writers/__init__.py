"""Writers: the report model back to a source format, one module per format, imported only when chosen.

Every writer renders tables on the official grid (``grid``) and keeps what the model holds as written, so that a
converted report has the same findings as its source (``zfxxgk-lint convert``, ``zfxxgk-lint init``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from checks.model import Report

Writer = Callable[[Report], str]

_MODULES = {"txt": "checks.writers.text", "md": "checks.writers.markdown", "yaml": "checks.writers.yaml"}
FORMATS = tuple(_MODULES)
SUFFIXES = {".txt": "txt", ".md": "md", ".yaml": "yaml", ".yml": "yaml"}


def writer_for(name: str) -> Writer:
    write: Writer = importlib.import_module(_MODULES[name]).write
    return write


def format_of(suffix: str) -> str | None:
    """The format a file name's suffix stands for."""
    return SUFFIXES.get(suffix.lower())
