"""``check --fix``, ``--unsafe-fixes`` and ``--diff``: the repairs findings carry (``findings.Fix``) applied to a copy
of the source, each kept only when the copy, linted again, has that finding no more and nothing new.

Text sources (.txt, .md, .yaml) are edited by line and column in their decoded text and written back in their own
encoding, byte order mark and line ends. In a Word document only the text of the runs of the paragraph or cell
edited changes (word/document.xml is rewritten, every other part copied byte for byte), so its styles and merged
cells stay. Published forms (.html pages, later PDFs) are never rewritten. An edit applies only where the source
still holds the text it was made for (``Edit.old``).
"""

from __future__ import annotations

import difflib
import itertools
import re
import tempfile
import zipfile
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from checks.engine import FileResult
from checks.findings import Edit, Finding

WRITABLE = frozenset({".txt", ".md", ".yaml", ".yml", ".docx"})
_LINE_ENDS = re.compile(r"(\r\n|\r|\n)")  # the reader's line ends (checks/reading.py), kept
_QUOTES = "\"'"

Lint = Callable[[Path], FileResult]  # lints a copy as the source it stands for


class Repair(NamedTuple):
    """What fixing one file gives: its bytes before and after, the findings repaired, the text forms to diff."""

    path: Path
    before: bytes
    after: bytes
    fixed: tuple[Finding, ...]
    lines_before: tuple[str, ...]
    lines_after: tuple[str, ...]
    result: FileResult  # the copy's findings once repaired

    def diff(self) -> str:
        name = self.path.as_posix()
        return "".join(
            difflib.unified_diff(
                [line + "\n" for line in self.lines_before],
                [line + "\n" for line in self.lines_after],
                f"a/{name}",
                f"b/{name}",
            )
        )


def fixable(finding: Finding, unsafe: bool) -> bool:
    return finding.fix is not None and (finding.fix.safe or unsafe)


def repair(path: Path, lint: Lint, *, unsafe: bool) -> Repair | None:
    """``path`` with the repairs of its findings that hold applied; None when nothing is to change (or it is a
    form that is never rewritten, or cannot be read back as it was)."""
    if path.suffix.lower() not in WRITABLE:
        return None
    data = path.read_bytes()
    source = _Word(data) if path.suffix.lower() == ".docx" else _Text.of(data)
    if source is None:
        return None
    with tempfile.TemporaryDirectory(prefix="zfxxgk-fix-") as folder:
        copy = Path(folder, path.name)  # named as the source: the file name is part of the report (R006)

        def lint_copy(content: bytes) -> FileResult:
            copy.write_bytes(content)
            return lint(copy)

        # The file as it is, linted the way each repaired copy will be: the baseline they are compared with, with
        # every line (a run's result keeps only the lines its findings quote; the diff needs them all).
        first = lint_copy(data)
        if first.crash:
            return None
        current, accepted, fixed = first, list[Edit](), list[Finding]()
        for finding in first.findings:
            if not fixable(finding, unsafe) or finding.fix is None:
                continue
            edits = [edit for edit in finding.fix.edits if edit not in accepted]
            if not edits:  # the repair of another finding already made it (A001 and A002 share their culprit)
                continue
            content = source.apply([*accepted, *edits])
            if content is None:
                continue
            after = lint_copy(content)
            if not after.crash and _better(current.findings, after.findings, finding):
                current, accepted = after, [*accepted, *edits]
                fixed.append(finding)
        if not accepted:
            return None
        after_bytes = source.apply(accepted)
        assert after_bytes is not None  # it applied when it was accepted
        return Repair(path, data, after_bytes, tuple(fixed), first.lines, current.lines, current)


def _key(finding: Finding) -> tuple[str, str | None, str | None, str | None]:
    """What a finding is, wherever it moved to once text before it changed length."""
    return (finding.rule, finding.table, finding.row, finding.col)


def _better(before: Sequence[Finding], after: Sequence[Finding], repaired: Finding) -> bool:
    """Whether ``after`` has nothing ``before`` did not, and ``repaired`` is gone."""
    was, now = Counter(map(_key, before)), Counter(map(_key, after))
    return not (now - was) and now[_key(repaired)] < was[_key(repaired)]


class _Text:
    """A text source: its lines and line ends, and how it was encoded."""

    def __init__(self, bom: bytes, encoding: str, pieces: list[str]) -> None:
        self.bom = bom
        self.encoding = encoding
        self.pieces = pieces  # lines and line ends, alternating (re.split with the ends kept)

    @classmethod
    def of(cls, data: bytes) -> _Text | None:
        from checks.reading import decode

        decoded = decode(data)
        if decoded.lines is None or decoded.encoding not in ("utf-8", "utf-8-sig", "gb18030"):
            return None
        bom = b"\xef\xbb\xbf" if data.startswith(b"\xef\xbb\xbf") else b""
        try:
            text = data[len(bom) :].decode("utf-8" if decoded.encoding != "gb18030" else "gb18030")
        except UnicodeDecodeError:  # damaged, and read with the damage marked: not written back
            return None
        pieces = _LINE_ENDS.split(text)
        if tuple(pieces[::2]) != decoded.lines:  # (a BOM inside the text, or anything read otherwise)
            return None
        return cls(bom, "utf-8" if decoded.encoding != "gb18030" else "gb18030", pieces)

    def apply(self, edits: Sequence[Edit]) -> bytes | None:
        lines = self.pieces[::2]
        spans: list[tuple[int, int, int, str]] = []  # (line index, start, end, text)
        for edit in edits:
            if edit.start.line != edit.end.line or not 0 < edit.start.line <= len(lines):
                return None
            index = edit.start.line - 1
            start = _found(lines[index], edit)
            if start is None:
                return None
            spans.append((index, start, start + len(edit.old), edit.text))
        spans.sort()
        for (line, _, end, _), (other, start, _, _) in itertools.pairwise(spans):
            if line == other and start < end:
                return None  # overlapping edits
        new = list(lines)
        for index, start, end, text in reversed(spans):
            new[index] = new[index][:start] + text + new[index][end:]
        pieces = list(self.pieces)
        pieces[::2] = new
        try:
            return self.bom + "".join(pieces).encode(self.encoding)
        except UnicodeEncodeError:
            return None


def _found(line: str, edit: Edit) -> int | None:
    """Where in ``line`` the edit's text starts: at its column, or one further when a quote opens the value there
    (a quoted YAML scalar is placed at its quote)."""
    start = edit.start.column - 1
    for at in (start, start + 1):
        if line[at : at + len(edit.old)] == edit.old and (at == start or line[start : start + 1] in _QUOTES):
            return at
    return None


class _Word:
    """A Word document: its parts, and its text edited in the runs of the places the reader numbers."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def apply(self, edits: Sequence[Edit]) -> bytes | None:
        import io

        from lxml import etree  # type: ignore[import-untyped]

        from checks.sources.word import BODY, body_and_numbering, places

        try:
            archive = zipfile.ZipFile(io.BytesIO(self.data))
            body, numbering = body_and_numbering(io.BytesIO(self.data))
        except Exception:  # what the reader could read is all a fix may touch
            return None
        root = body.getroottree().getroot()
        found = places(body, numbering)
        for edit in edits:
            element = found.get(edit.start.place) if edit.start.place is not None else None
            if element is None or not _edit_runs(element, edit):
                return None
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as written:
            for info in archive.infolist():
                content = archive.read(info.filename)
                if info.filename == BODY:
                    content = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
                written.writestr(info, content)
        return out.getvalue()


def _edit_runs(element: Any, edit: Edit) -> bool:
    """Replace ``edit.old`` by ``edit.text`` in the runs' texts (``w:t``) of a paragraph or cell: the first text
    takes the new whole, the others are emptied, so the first run's formatting is the text's. Only where the
    runs hold exactly the text read there (no number Word adds, nothing hidden) and ``old`` once, or the place
    is empty for an insertion."""
    from lxml import etree

    from checks.sources.numbering import w
    from checks.sources.word import HIDING  # (what the reader does not read as text)

    texts = [t for t in element.iter(w("t")) if not any(a.tag in HIDING for a in t.iterancestors())]
    current = "".join(t.text or "" for t in texts)
    if edit.old:
        if current.count(edit.old) != 1:
            return False
        new = current.replace(edit.old, edit.text)
    elif current.strip():
        return False
    else:
        new = edit.text
    if not texts:
        paragraph = element if element.tag == w("p") else next(element.iter(w("p")), None)
        if paragraph is None:
            return False
        run = etree.SubElement(paragraph, w("r"))
        texts = [etree.SubElement(run, w("t"))]
    texts[0].text = new
    texts[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for other in texts[1:]:
        other.text = ""
    return True


def apply_repairs(
    results: Sequence[FileResult],
    config: Any,
    previous: Path | None,
    *,
    unsafe: bool,
    write: bool,
    model: bool = False,
) -> tuple[list[FileResult], list[Repair]]:
    """Each file's repairs (``write``: written back, and its result the repaired file's, with its model when the
    reporter draws it: ``model``); the repairs made."""
    from checks.run import lint_copy

    out: list[FileResult] = []
    changed: list[Repair] = []
    for result in results:
        path = Path(result.path)
        if result.crash or not any(fixable(f, unsafe) for f in result.findings):
            out.append(result)
            continue
        settings = config.for_path(path)

        def lint(copy: Path, path: Path = path, settings: Any = settings) -> FileResult:
            return lint_copy(copy, path, settings, previous, model)

        repaired = repair(path, lint, unsafe=unsafe)
        if repaired is None:
            out.append(result)
            continue
        changed.append(repaired)
        if write:
            _write_back(path, repaired.after)
            out.append(repaired.result)
        else:
            out.append(result)
    return out, changed


def _write_back(path: Path, content: bytes) -> None:
    """All or nothing (``support.write_file``), keeping the file's permissions."""
    import os

    from checks.writers.support import write_file

    mode = path.stat().st_mode & 0o7777
    write_file(path, content, exclusive=False)
    os.chmod(path, mode)
