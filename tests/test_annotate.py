"""``zfxxgk-lint annotate`` (issue 18): the report as a Word document with a comment (批注) per finding, or per
paragraph or cell when several share it, anchored where the finding points; the source's bytes never change.

Where each comment is anchored is read back from the written document with the linter's own Word reader (its
places), and compared with where the linter finds each problem in that document (which reads back with the
source's findings: tests/test_word_writer.py); where LibreOffice is installed, it opens the document too.
"""

from __future__ import annotations

import hashlib
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from checks.cli import main
from checks.engine import lint_file
from checks.model import Place
from checks.rules import selected
from checks.sources.numbering import Numbering
from checks.sources.word import places
from checks.writers.annotate import AUTHOR, default_output
from tests.conftest import CLEAN_TEXT, EXAMPLES
from tests.documents import SOFFICE, model_of, opened_by_libreoffice
from tests.variants import FORMATS, WRITERS

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
ALL = selected(None, None)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _comments(docx: Path) -> list[tuple[str, str, Place | None]]:
    """Each comment: its author, its text, and the place (as the reader numbers them) of what it is anchored at."""
    with zipfile.ZipFile(docx) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
        comments = etree.fromstring(archive.read("word/comments.xml"))
    found = places(body, Numbering())  # (held: lxml gives a new id to an element whose proxy is gone)
    where = {id(element): place for place, element in found.items() if place.cell or place.paragraph}
    anchored: dict[str, Place | None] = {}
    for start in body.iter(f"{W}commentRangeStart"):
        paragraph = next(start.iterancestors(f"{W}p"), None)
        cell = next(start.iterancestors(f"{W}tc"), None)
        place = where.get(id(cell)) if cell is not None else None
        anchored[start.get(f"{W}id")] = place or (where.get(id(paragraph)) if paragraph is not None else None)
    return [
        (c.get(f"{W}author"), "\n".join("".join(p.itertext()) for p in c.iter(f"{W}p")), anchored.get(c.get(f"{W}id")))
        for c in comments.iter(f"{W}comment")
    ]


def _placed(place: Place | None, found: set[Place]) -> Place:
    """Where a finding at ``place`` is anchored: its place, else its row, else its table's first row, else the
    first paragraph (annotate's widening)."""
    if place is not None:
        for candidate in (place, place._replace(cell=None), Place(table=place.table, row=1)):
            if candidate in found:
                return candidate
    return Place(paragraph=1)


def _annotate(source: Path, out: Path) -> list[tuple[str, str, Place | None]]:
    before = _digest(source)
    assert main(["annotate", str(source), "-o", str(out)]) == 0
    assert _digest(source) == before  # the source is never written
    return _comments(out)


def _check_anchors(source: Path, out: Path, comments: list[tuple[str, str, Place | None]]) -> None:
    """Every finding of the document is in a comment at its place, and there is one comment per place."""
    written = out if source.suffix != ".docx" else source
    findings = lint_file(written, ALL).findings
    with zipfile.ZipFile(out) as archive:
        body = etree.fromstring(archive.read("word/document.xml")).find(f"{W}body")
    found = set(places(body, Numbering()))
    expected = Counter(_placed(f.pos.place, found) for f in findings)
    assert len(comments) == len(expected)  # grouped by the place they share
    assert all(author == AUTHOR for author, _, _ in comments)
    by_place = {place: text for _, text, place in comments}
    assert set(by_place) == set(expected)
    for finding in findings:
        text = by_place[_placed(finding.pos.place, found)]
        assert f"{finding.rule}（" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_faulty_report_in_every_format_gets_a_comment_at_each_finding(tmp_path: Path, fmt: str) -> None:
    source = tmp_path / f"faulty.{fmt}"
    WRITERS[fmt](FAULTY_TEXT, source)
    out = tmp_path / "out.docx"
    comments = _annotate(source, out)
    source_findings = lint_file(source, ALL).findings
    assert sum(text.count("\n") + 1 for _, text, _ in comments) == len(source_findings)  # a paragraph each
    for finding in source_findings:
        assert any(finding.message.zh in text for _, text, _ in comments), finding
    if fmt != "yaml":  # (a YAML report's schema findings are about its data form, which the document is not)
        _check_anchors(source, out, comments)


def test_a_clean_report_gets_no_comment(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    assert main(["annotate", str(EXAMPLES / "clean.txt"), "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
    assert "word/comments.xml" not in names


def test_a_word_source_keeps_its_own_formatting(tmp_path: Path) -> None:
    from tests.documents import word_document

    source = tmp_path / "faulty.docx"
    word_document(FAULTY_TEXT, source)
    out = tmp_path / "out.docx"
    _annotate(source, out)
    with zipfile.ZipFile(source) as a, zipfile.ZipFile(out) as b:
        assert a.read("word/styles.xml") == b.read("word/styles.xml")

        def text(xml: bytes) -> list[str]:
            return ["".join(t.itertext()) for t in etree.fromstring(xml).iter(f"{W}p")]

        assert text(a.read("word/document.xml")) == text(b.read("word/document.xml"))  # no text changed


def test_the_culprit_cell_carries_the_expected_value(tmp_path: Path) -> None:
    source = tmp_path / "report.txt"
    line = next(row for row in CLEAN_TEXT.split("\n") if "\t（一）予以公开\t" in row)
    cells = line.split("\t")
    cells[3] = str(int(cells[3]) + 1)  # 自然人 of 予以公开: one cell wrong, row and column sums fail through it
    source.write_text(CLEAN_TEXT.replace(line, "\t".join(cells)), encoding="utf-8")
    comments = _annotate(source, tmp_path / "out.docx")
    assert any("A00" in text and "应为" in text for _, text, place in comments if place is not None and place.cell)


def test_default_name_beside_the_source_and_nothing_overwritten(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "示例县2025.txt"
    source.write_text(FAULTY_TEXT, encoding="utf-8")
    assert main(["annotate", str(source)]) == 0
    out = default_output(source)
    assert out == tmp_path / "示例县2025（检查意见）.docx" and out.exists()
    first = _digest(out)
    assert main(["annotate", str(source)]) == 2  # exists: never replaced without -o
    assert "-o" in capsys.readouterr().err
    assert _digest(out) == first
    assert main(["annotate", str(source), "-o", str(out)]) == 0  # -o: the user asked for it
    assert main(["annotate", str(source), "-o", str(tmp_path / "x.txt")]) == 2


def test_refuses_to_write_over_a_word_source(tmp_path: Path) -> None:
    from tests.documents import word_document

    source = tmp_path / "report.docx"
    word_document(FAULTY_TEXT, source)
    before = _digest(source)
    assert main(["annotate", str(source), "-o", str(source)]) == 2
    assert _digest(source) == before


@pytest.mark.parametrize("content", [b"PK\x03\x04 not really a zip", b"", "一、总体情况".encode()])
def test_unreadable_word_files_are_said_so_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    source = tmp_path / "broken.docx"
    source.write_bytes(content)
    assert main(["annotate", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "broken.docx" in err
    assert not default_output(source).exists()


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
def test_libreoffice_shows_each_comment_at_its_cell_or_paragraph(tmp_path: Path) -> None:
    source = tmp_path / "faulty.txt"
    source.write_text(FAULTY_TEXT, encoding="utf-8")
    out = tmp_path / "faulty.docx"
    comments = _annotate(source, out)
    content = opened_by_libreoffice(out, "odt", tmp_path)
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    annotations = list(content.iter(f"{{{office}}}annotation"))
    assert len(annotations) == len(comments)
    findings = lint_file(source, ALL).findings
    # The source's cells by where they are: a finding at one is shown at the cell holding its text.
    report = model_of(source)
    raw = {(c.pos.line, c.pos.column): c.raw for t in report.tables.values() for r in t.rows for c in r.cells}
    at_cells = 0
    for annotation in annotations:
        said = "".join(p.text or "" for p in annotation.iter(f"{{{text_ns}}}p"))
        creator = annotation.find("{http://purl.org/dc/elements/1.1/}creator")
        assert creator is not None and creator.text == AUTHOR
        mine = [f for f in findings if f.message.zh in said]
        assert mine, said
        cell = next(annotation.iterancestors(f"{{{table_ns}}}table-cell"), None)
        for finding in mine:
            where = (finding.pos.line, finding.pos.column)
            if where in raw:
                assert cell is not None, said
                shown = _text_without(cell, f"{{{office}}}annotation")
                assert shown == raw[where], (said, shown)
                at_cells += 1
    assert at_cells >= 3  # faulty.txt's cell findings (T004, A001…) are among them


def _text_without(element: etree._Element, skipped: str) -> str:
    """An element's text without what the elements named ``skipped`` inside it hold (a comment in a cell)."""
    out = [element.text or ""]
    for child in element:
        if child.tag != skipped:
            out.append(_text_without(child, skipped))
        out.append(child.tail or "")
    return "".join(out)


def test_a_word_file_python_docx_cannot_copy_is_said_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The linter reads a document from its text part alone; copying it needs the whole package (its content types):
    one without is refused with what to do, not a traceback."""
    from tests.documents import word_document

    whole = tmp_path / "whole.docx"
    word_document(FAULTY_TEXT, whole)
    source = tmp_path / "partial.docx"
    with zipfile.ZipFile(whole) as complete, zipfile.ZipFile(source, "w") as partial:
        for name in complete.namelist():
            if name != "[Content_Types].xml":
                partial.writestr(name, complete.read(name))
    assert main(["annotate", str(source)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "另存为" in err
    assert not default_output(source).exists()


def test_a_missing_previous_report_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "report.txt"
    source.write_text(FAULTY_TEXT, encoding="utf-8")
    assert main(["annotate", str(source), "--previous", str(tmp_path / "none.txt")]) == 2
    assert "none.txt" in capsys.readouterr().err
    assert not default_output(source).exists()
