"""Writers: the report model back to a source format, one module per format, imported only when chosen.

Every writer renders tables on the official grid (``grid``) and keeps what the model holds as written, so that a
converted report has the same findings as its source (``zfxxgk-lint convert``, ``zfxxgk-lint init``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from checks.model import Report

Writer = Callable[[Report], str | bytes]  # text formats give str; a Word document is bytes

_MODULES = {
    "txt": "checks.writers.text",
    "md": "checks.writers.markdown",
    "yaml": "checks.writers.yaml",
    "docx": "checks.writers.word",
}
FORMATS = tuple(_MODULES)
SUFFIXES = {".txt": "txt", ".md": "md", ".yaml": "yaml", ".yml": "yaml", ".docx": "docx"}
BINARY = frozenset({"docx"})  # written only to a file, never to a terminal or a pipe


def writer_for(name: str) -> Writer:
    write: Writer = importlib.import_module(_MODULES[name]).write
    if name in BINARY:  # a Word document has no comment syntax (its comments are never read as directives)
        return write
    return lambda report: defused(str(write(report)), name)


# The comment styles whose whole-line comments are read as suppression directives in each written format (a
# Markdown report's front matter is YAML), and the full-width twin of each style's first character.
_DIRECTIVE_STYLES = {"txt": ("txt",), "yaml": ("yaml",), "md": ("md", "yaml")}
_FULL_WIDTH = {"#": "＃", "<": "＜"}


def defused(text: str, fmt: str) -> str:
    """``text`` with every line that would read as a suppression comment in ``fmt`` made report text again: its
    ``#`` or ``<`` written full-width, as 公文 text may write it anyway. A report's sentence that happens to read
    ``# zfxxgk-lint: disable-file=A`` must not turn the checks off once converted (NFKC, by which labels and
    headings are compared, folds it back)."""
    from checks.suppression import MARKER, is_comment

    if MARKER not in text:
        return text
    styles = _DIRECTIVE_STYLES.get(fmt, (fmt,))
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if MARKER in line and any(is_comment(line, style) for style in styles):
            opener = len(line) - len(line.lstrip())
            lines[index] = line[:opener] + _FULL_WIDTH.get(line[opener], line[opener]) + line[opener + 1 :]
    return "\n".join(lines)


def format_of(suffix: str) -> str | None:
    """The format a file name's suffix stands for."""
    return SUFFIXES.get(suffix.lower())
