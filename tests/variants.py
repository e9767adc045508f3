"""A report in every source format the linter reads, made from its text: for tests that must hold in each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from checks.engine import FileResult, lint_file
from checks.reading import decode
from checks.rules import selected
from checks.sources import text as text_source
from checks.writers import writer_for
from tests.documents import html_page, word_document


def _model_text(text: str, path: Path, fmt: str) -> None:
    decoded = decode(text.encode("utf-8"))
    assert decoded.lines is not None
    path.write_text(writer_for(fmt)(text_source.parse(str(path), decoded.lines)), encoding="utf-8")


WRITERS: dict[str, Callable[[str, Path], None]] = {
    "txt": lambda text, path: path.write_text(text, encoding="utf-8"),
    "md": lambda text, path: _model_text(text, path, "md"),
    "yaml": lambda text, path: _model_text(text, path, "yaml"),
    "html": lambda text, path: path.write_text(html_page(text, site=True), encoding="utf-8"),
    "docx": lambda text, path: word_document(text, path),
}
FORMATS = tuple(WRITERS)


def lint_as(text: str, fmt: str, folder: Path, name: str = "示例县自然资源局2025") -> FileResult:
    """``text`` (a .txt report) written as a ``fmt`` report in ``folder`` and linted with every rule."""
    path = folder / f"{name}.{fmt}"
    WRITERS[fmt](text, path)
    return lint_file(path, selected(None, None))
