"""The source formats: one record per format a report may be written in, and everything that follows from them.

What the linter reads, how it finds a file's format, which files in a folder are reports, which formats have
comments and a writer, all come from ``FORMATS`` here; the other places that name the formats follow it and are
tested against it (tests/test_source_formats.py): the command line's choices (checks/cli.py), the folder scan
(checks/engine.py, checks/config.py ``wants``), the configuration schema's description of ``files``, the
pre-commit hooks' ``files`` and ``exclude`` (.pre-commit-hooks.yaml), and the lists in README.md and docs/.

The modules it names are imported only when a file of their format is read or written.
"""

from __future__ import annotations

import os
import re
from typing import NamedTuple

from checks.findings import Message
from checks.sources.comments import HASH, MARKUP, Syntax


class SourceFormat(NamedTuple):
    """One source format.

    ``name`` is what the model calls it (``Report.format``) and ``convert --to`` takes; ``suffixes`` the file name
    endings that are it (lower case; the first is the one a writer gives); ``reader`` the module that reads it;
    ``comments`` its comment syntax (``checks/sources/comments.py``; None: it has none that is not published
    text); ``title_in_head``: a file's first few KB hold its title (the search for last year's report reads only
    that much); ``writer`` the module that writes it (None: not written).
    """

    name: str
    zh: str  # as a staffer calls it
    suffixes: tuple[str, ...]
    reader: str
    comments: Syntax | None
    title_in_head: bool
    writer: str | None


FORMATS: tuple[SourceFormat, ...] = (
    SourceFormat("txt", "纯文本", (".txt",), "checks.sources.text", HASH, True, "checks.writers.text"),
    SourceFormat("md", "Markdown", (".md",), "checks.sources.markdown", MARKUP, True, "checks.writers.markdown"),
    # YAML's comments are "#" lines, found by its parser (checks/yamlload.py), not by checks/sources/comments.py.
    SourceFormat("yaml", "YAML", (".yaml", ".yml"), "checks.sources.yaml", HASH, True, "checks.writers.yaml"),
    # A page's title is in its <head>, but its text (and the title the report states) may come after any amount
    # of markup; a Word document is a zip, read whole.
    SourceFormat("html", "网页", (".html", ".htm"), "checks.sources.html", MARKUP, False, None),
    SourceFormat("docx", "Word 文档", (".docx",), "checks.sources.word", None, False, "checks.writers.word"),
    # A published PDF: read with pdfplumber (the optional extra zfxxgk-lint[pdf]); never written, never fixed.
    SourceFormat("pdf", "PDF 文件", (".pdf",), "checks.sources.pdf", None, False, None),
)

BY_NAME = {source.name: source for source in FORMATS}
BY_SUFFIX = {suffix: source for source in FORMATS for suffix in source.suffixes}
# The suffixes of every format read, in the order above (the file types a folder run and the hooks check).
READ_SUFFIXES = tuple(BY_SUFFIX)
# Suffix -> the module that reads it; a module is imported only when a file of its format is read.
MODULES = {suffix: source.reader for suffix, source in BY_SUFFIX.items()}
# The formats ``convert --to`` and ``init`` write.
WRITE_FORMATS = tuple(source.name for source in FORMATS if source.writer is not None)

# Files a folder holds beside its reports, in the formats reports use (.md, .yaml): never reports themselves, as
# names start (case aside) with one of these words. The pre-commit hooks exclude the same names
# (.pre-commit-hooks.yaml; tests/test_source_formats.py holds them to this list).
NOT_REPORTS = (
    "README",
    "CHANGELOG",
    "CONTRIBUTING",
    "LICENSE",
    "mkdocs",
    "docker-compose",
    "requirements",
    "pyproject",
    "pre-commit",
    "gitlab-ci",
)
# A word is the whole of the name's start ("README.md", "LICENSE-2.0.md"), not part of another ("READMEs.md").
_NOT_REPORTS = re.compile(rf"^(?:{'|'.join(map(re.escape, NOT_REPORTS))})\b", re.IGNORECASE)

# Word processors' own formats that no reader here reads: the staffer can save them as .docx in a minute.
_SAVE_AS_DOCX = frozenset({".doc", ".wps", ".wpt", ".dot", ".rtf", ".odt", ".docm", ".dotx"})


def format_of(suffix: str) -> SourceFormat | None:
    """The format a file name's suffix (``.YML`` too) stands for; None for one not read."""
    return BY_SUFFIX.get(suffix.lower())


def unsupported(suffix: str) -> Message:
    """Why a file of this type is not read, and what to do instead."""
    shown = suffix or "（无后缀）"
    if suffix.lower() in _SAVE_AS_DOCX:
        return Message(
            f"不支持「{shown}」格式的文件。请在 Word 或 WPS 中打开，点击“文件 → 另存为”，保存类型选择"
            "“Word 文档（*.docx）”，再检查另存的 .docx 文件",
            f'"{suffix}" files are not read. Open it in Word or WPS, choose File → Save As, pick '
            '"Word Document (*.docx)", and check the saved .docx file',
        )
    known = "、".join(READ_SUFFIXES)
    return Message(
        f"不支持「{shown}」格式的文件；可检查的格式：{known}",
        f'"{suffix or "(no suffix)"}" files are not read; the formats read are {", ".join(READ_SUFFIXES)}',
    )


def is_report_name(name: str) -> bool:
    """Whether a file name (in a folder run or the search for last year's report) can be a report's."""
    return not name.startswith(".") and not _NOT_REPORTS.match(name) and os.path.splitext(name)[1].lower() in BY_SUFFIX


def reads_by_head(suffix: str) -> bool:
    """Whether a file's first bytes are enough to know its title (not so for HTML pages and Word documents)."""
    found = format_of(suffix)
    return found is not None and found.title_in_head
