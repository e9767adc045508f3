"""Hostile Word documents and HTML pages (issue 15): what they state is never what reading them costs.

Each case is built here from the clean example (tests/documents.py), then changed where it attacks: spans and
counts of billions or of thousands of digits, zip bombs, XML and markup bombs, character references past Unicode,
markup the standard library's parser raises on. Each runs the linter in a child process measured by
``tests/bounded.py`` (at most 5 s and 500 MB, exit 0 or 1, no traceback) and its JSON is read strictly; then the
findings are what the document deserves: I001 for one that cannot be read, one I004 naming the limit reached, or
the clean report's own (none) when the attack is only a number to be read with sense.
"""

from __future__ import annotations

import json
import random
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bounded import Outcome, bounded, linter

from checks.sources import limits, nesting, package
from tests.conftest import CLEAN_TEXT
from tests.documents import html_page, word_document
from tests.pdf_documents import Options, draw_report, one_page, raw_pdf, stream

pdf_reader = pytest.importorskip("checks.sources.pdf", reason="the PDF reader needs pdfplumber")
pytest.importorskip("pdfplumber", reason="pdfplumber (the pdf extra) is not installed")
from checks.sources.pdf import pages, streams  # noqa: E402  # (after the skip: they import pdfminer lazily only)

_DOCUMENT, _NUMBERING = "word/document.xml", "word/numbering.xml"
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def strict_json(data: bytes) -> Any:
    """JSON as the standard defines it: UTF-8, no NaN or Infinity, no lone surrogate in any string."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"{constant} is not JSON")

    parsed = json.loads(data.decode("utf-8"), parse_constant=refuse)
    json.dumps(parsed, ensure_ascii=False).encode("utf-8")  # a lone surrogate cannot be encoded
    return parsed


def checked(path: Path) -> list[dict[str, Any]]:
    """The findings of ``path``, the run held to the promise."""
    outcome: Outcome = bounded(linter("check", "--format", "json", path))
    assert outcome.problems() == [], (outcome.problems(), outcome.stderr[-2000:])
    return [f for file in strict_json(outcome.stdout)["files"] for f in file["findings"]]


def rules(findings: list[dict[str, Any]]) -> list[str]:
    return sorted(f["rule"] for f in findings)


def limit_reached(findings: list[dict[str, Any]], value: int) -> None:
    """Exactly one I004, naming ``value``."""
    i004 = [f for f in findings if f["rule"] == "I004"]
    assert len(i004) == 1 and i004[0]["expected"] == value, i004
    assert f"{value:,}" in i004[0]["message"]


# --- Word documents ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def clean_document(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("clean") / "clean.docx"
    word_document(CLEAN_TEXT, path)
    return path


def rewritten(source: Path, target: Path, **parts: Callable[[str], str] | str) -> Path:
    """A copy of ``source`` with parts replaced (``document=`` a function of word/document.xml's text, or its
    text), or added (any other keyword: a part name with "__" for "/", and its text)."""
    names = {"document": _DOCUMENT, "numbering": _NUMBERING}
    changes = {names.get(key, key.replace("__", "/")): change for key, change in parts.items()}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = old.read(info)
            change = changes.pop(info.filename, None)
            if change is not None:
                data = (change(data.decode("utf-8")) if callable(change) else change).encode("utf-8")
            new.writestr(info.filename, data)
        for name, change in changes.items():
            assert isinstance(change, str)
            new.writestr(name, change)
    return target


def body(xml: str) -> str:
    return f"<w:document {_W}><w:body>{xml}</w:body></w:document>"


def first_cell(change: Callable[[str], str]) -> Callable[[str], str]:
    """A change to the document's first table cell properties (``<w:tcPr>`` and what follows it)."""

    def edit(xml: str) -> str:
        start = xml.index("<w:tc>")
        return xml[:start] + change(xml[start:])

    return edit


def test_a_cell_spanning_two_billion_columns_is_one_i004(clean_document: Path, tmp_path: Path) -> None:
    # python-docx made a cell object per grid column: 5.4 GB for a 39 KB file.
    span = first_cell(lambda xml: xml.replace("<w:tc>", '<w:tc><w:tcPr><w:gridSpan w:val="2147483647"/></w:tcPr>', 1))
    findings = checked(rewritten(clean_document, tmp_path / "span.docx", document=span))
    assert "I004" in rules(findings)
    assert any(f["expected"] == limits.MAX_SPAN for f in findings if f["rule"] == "I004")


@pytest.mark.parametrize("value", ["abc", "", "-3", "0", "²", "9" * 5000])
def test_a_span_that_is_no_number_reads_sensibly(clean_document: Path, tmp_path: Path, value: str) -> None:
    span = first_cell(lambda xml: xml.replace("<w:tc>", f'<w:tc><w:tcPr><w:gridSpan w:val="{value}"/></w:tcPr>', 1))
    findings = checked(rewritten(clean_document, tmp_path / "span.docx", document=span))
    assert rules(findings) == (["I004"] if len(value) > 3 else [])  # read as a span of 1, or capped at MAX_SPAN


def test_a_row_starting_two_billion_columns_late_is_one_i004(clean_document: Path, tmp_path: Path) -> None:
    late = first_cell(lambda xml: xml)  # the row's properties go before its first cell

    def edit(xml: str) -> str:
        return late(xml).replace("<w:tr>", '<w:tr><w:trPr><w:gridBefore w:val="2147483647"/></w:trPr>', 1)

    findings = checked(rewritten(clean_document, tmp_path / "late.docx", document=edit))
    assert "I004" in rules(findings) and "I001" not in rules(findings)


def test_a_merge_down_in_the_first_row_is_a_cell_of_its_own(clean_document: Path, tmp_path: Path) -> None:
    # python-docx looked for the row above and raised: "internal error", exit 2.
    merged = first_cell(lambda xml: xml.replace("<w:tc>", "<w:tc><w:tcPr><w:vMerge/></w:tcPr>", 1))
    assert checked(rewritten(clean_document, tmp_path / "merge.docx", document=merged)) == []


def test_a_merge_down_under_a_shorter_row_is_a_cell_of_its_own(tmp_path: Path) -> None:
    document = tmp_path / "short.docx"
    word_document(CLEAN_TEXT, document)
    row = "<w:tr>{}</w:tr>"
    cell = "<w:tc>{}<w:p><w:r><w:t>{}</w:t></w:r></w:p></w:tc>"
    merge = "<w:tcPr><w:vMerge/></w:tcPr>"
    table = "<w:tbl>" + row.format(cell.format("", "a")) + row.format(cell.format("", "b") + cell.format(merge, "c"))
    table += row.format(cell.format("", "d") + cell.format(merge, "e") + cell.format(merge, "f")) + "</w:tbl>"
    edit: Callable[[str], str] = lambda xml: xml.replace("<w:body>", "<w:body>" + table, 1)  # noqa: E731
    findings = checked(rewritten(document, tmp_path / "merges.docx", document=edit))
    assert "I001" not in rules(findings) and "I004" not in rules(findings)


def test_a_document_without_a_body_is_i001(clean_document: Path, tmp_path: Path) -> None:
    empty = f"<w:document {_W}/>"
    assert rules(checked(rewritten(clean_document, tmp_path / "nobody.docx", document=empty))) == ["I001"]


def test_a_document_of_another_kind_of_xml_is_i001(clean_document: Path, tmp_path: Path) -> None:
    assert rules(checked(rewritten(clean_document, tmp_path / "other.docx", document="<html><body/></html>"))) == [
        "I001"
    ]


def _every(pattern: str, replacement: str) -> Callable[[str], str]:
    """A change to numbering.xml: each match of ``pattern`` replaced."""
    return lambda xml: re.sub(pattern, replacement, xml)


@pytest.mark.parametrize(
    "edit",
    [
        pytest.param(_every(r'<w:start w:val="\d+"/>', f'<w:start w:val="{"7" * 5000}"/>'), id="start"),
        pytest.param(_every('w:ilvl="0"', f'w:ilvl="{"9" * 5000}"'), id="ilvl"),
        pytest.param(_every('w:ilvl="0"', 'w:ilvl="x"'), id="ilvl-letters"),
        pytest.param(_every('w:ilvl="0"', 'w:ilvl="-1"'), id="ilvl-negative"),
        pytest.param(_every(r'<w:lvlText w:val="[^"]*"/>', f'<w:lvlText w:val="{"%1" * 100_000}"/>'), id="pattern"),
        pytest.param(_every(r'<w:start w:val="\d+"/>', '<w:start w:val="2000000000"/>'), id="large-start"),
        pytest.param(  # "A" repeated 77 million times, once a number
            lambda xml: _every(r'<w:numFmt w:val="[^"]*"/>', '<w:numFmt w:val="upperLetter"/>')(
                _every(r'<w:start w:val="\d+"/>', '<w:start w:val="2000000000"/>')(xml)
            ),
            id="letters",
        ),
    ],
)
def test_numbering_stating_absurd_numbers_reads_sensibly(tmp_path: Path, edit: Callable[[str], str]) -> None:
    from tests.documents import number_headings

    document = tmp_path / "numbered.docx"
    word_document(CLEAN_TEXT, document)
    lines = CLEAN_TEXT.split("\n")
    numbered = ("一、", "二、", "三、", "四、", "五、", "六、")
    headings = {line: line[2:] for line in lines if line[:2] in numbered and "\t" not in line}
    number_headings(document, headings, by_style=False)
    with zipfile.ZipFile(document) as archive:
        assert edit(archive.read(_NUMBERING).decode("utf-8")) != archive.read(_NUMBERING).decode("utf-8")
    # Read, as Word would: a level that is no number is no level (the headings lose their numbers: R001), a start
    # of thousands of digits is Word's largest (32,767), a pattern is cut to 64 characters.
    findings = checked(rewritten(document, tmp_path / "absurd.docx", numbering=edit))
    assert "I001" not in rules(findings) and "I004" not in rules(findings)


def test_a_paragraph_level_of_thousands_of_digits_reads_as_level_0(tmp_path: Path) -> None:
    from tests.documents import number_headings

    document = tmp_path / "numbered.docx"
    word_document(CLEAN_TEXT, document)
    lines = CLEAN_TEXT.split("\n")
    number_headings(document, {line: line[2:] for line in lines if line[:2] in ("一、", "二、")}, by_style=False)
    edit: Callable[[str], str] = lambda xml: xml.replace('<w:ilvl w:val="0"/>', f'<w:ilvl w:val="{"9" * 5000}"/>')  # noqa: E731
    assert checked(rewritten(document, tmp_path / "level.docx", document=edit)) == []


@pytest.mark.parametrize(
    ("xml", "limit"),
    [
        (body("<w:p/>" * (45 * 1024 * 1024 // 6)), package.MAX_PART),  # under the 50 MB a document may unpack to
        (body("<w:p><w:r><w:t>" + "报" * (15 * 1024 * 1024) + "</w:t></w:r></w:p>"), package.MAX_PART),
        (body("<w:p/>" * (3 * 1024 * 1024)), package.MAX_NODES),  # 18 MB of paragraphs: 3 million elements
        (body('<w:p w:a="" w:b="" w:c=""/>' * 400_000), package.MAX_NODES),  # attributes count too
    ],
    ids=["paragraphs-45MB", "text-45MB", "elements", "attributes"],
)
def test_a_zip_bomb_of_xml_is_one_i004(clean_document: Path, tmp_path: Path, xml: str, limit: int) -> None:
    findings = checked(rewritten(clean_document, tmp_path / "bomb.docx", document=xml))
    limit_reached(findings, limit)
    assert rules(findings) == ["I004"]


def test_a_bomb_in_a_part_that_is_not_read_costs_nothing(clean_document: Path, tmp_path: Path) -> None:
    # python-docx parsed every XML part (headers, footers, comments…): this one is never opened.
    header = "<w:hdr " + _W + ">" + "<w:p/>" * (44 * 1024 * 1024 // 6) + "</w:hdr>"
    assert checked(rewritten(clean_document, tmp_path / "header.docx", word__header1_xml=header)) == []


def test_a_word_paragraph_of_megabytes_is_cut_with_one_i004(clean_document: Path, tmp_path: Path) -> None:
    text = "文" * 3_000_000  # 9 MB of XML: under lxml's 10 MB text limit and the part limit
    edit: Callable[[str], str] = lambda xml: xml.replace("<w:body>", f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>")  # noqa: E731
    findings = checked(rewritten(clean_document, tmp_path / "long.docx", document=edit))
    limit_reached(findings, limits.MAX_TEXT)


@pytest.mark.parametrize(
    ("xml", "limit"),
    [
        ("<w:p><w:r><w:t>段</w:t></w:r></w:p>" * 100_000, limits.MAX_PARAGRAPHS),
        ("<w:tbl><w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>" * 1_000, limits.MAX_TABLES),
        ("<w:tbl>" + "<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr>" * 2_000 + "</w:tbl>", limits.MAX_ROWS),
        ("<w:tbl><w:tr>" + "<w:tc><w:p/></w:tc>" * 150 + "</w:tr></w:tbl>", limits.MAX_COLUMNS),
        ("<w:tbl>" + ("<w:tr>" + "<w:tc><w:p/></w:tc>" * 90 + "</w:tr>") * 200 + "</w:tbl>", limits.MAX_TABLE_CELLS),
        (("<w:tbl>" + ("<w:tr>" + "<w:tc/>" * 90 + "</w:tr>") * 100 + "</w:tbl>") * 8, limits.MAX_CELLS),
    ],
    ids=["paragraphs", "tables", "rows", "columns", "table-cells", "cells"],
)
def test_too_many_paragraphs_tables_rows_or_cells_are_one_i004(
    clean_document: Path, tmp_path: Path, xml: str, limit: int
) -> None:
    edit: Callable[[str], str] = lambda document: document.replace("</w:body>", xml + "</w:body>")  # noqa: E731
    findings = checked(rewritten(clean_document, tmp_path / "many.docx", document=edit))
    limit_reached(findings, limit)


def test_an_entry_whose_stated_size_lies_is_i001(clean_document: Path, tmp_path: Path) -> None:
    # zipfile stops at the size the central directory states, and then the CRC does not match: damage, no more.
    data = bytearray(clean_document.read_bytes())
    entry = data.index(b"PK\x01\x02")  # the central directory's entries: the file name is at 46, the size at 24
    while not data[entry + 46 :].startswith(_DOCUMENT.encode()):
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = (100).to_bytes(4, "little")
    path = tmp_path / "lying.docx"
    path.write_bytes(bytes(data))
    assert rules(checked(path)) == ["I001"]


def test_external_entities_are_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xxe = f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "{secret.as_uri()}">]>' + body(
        "<w:p><w:r><w:t>一、总体情况&x;</w:t></w:r></w:p>"
    )
    clean = tmp_path / "clean.docx"
    word_document(CLEAN_TEXT, clean)
    outcome = bounded(linter("check", "--format", "json", rewritten(clean, tmp_path / "xxe.docx", document=xxe)))
    assert outcome.problems() == []
    assert "机密内容" not in outcome.stdout.decode("utf-8")


def test_a_billion_laughs_is_not_expanded(clean_document: Path, tmp_path: Path) -> None:
    entities = '<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">' + "".join(
        f'<!ENTITY a{i} "{f"&a{i - 1};" * 10}">' for i in range(1, 10)
    )
    laughs = f'<?xml version="1.0"?><!DOCTYPE d [{entities}]>' + body("<w:p><w:r><w:t>&a9;</w:t></w:r></w:p>")
    checked(rewritten(clean_document, tmp_path / "laughs.docx", document=laughs))


def test_controls_nested_past_the_parsers_depth_are_i001(clean_document: Path, tmp_path: Path) -> None:
    deep = body("<w:sdt><w:sdtContent>" * 5_000 + "<w:p/>" + "</w:sdtContent></w:sdt>" * 5_000)
    assert rules(checked(rewritten(clean_document, tmp_path / "deep.docx", document=deep))) == ["I001"]


# --- HTML pages -----------------------------------------------------------------------------------------------------


def page(tmp_path: Path, content: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


CLEAN_PAGE = html_page(CLEAN_TEXT)


def test_a_page_of_cells_spanning_100_by_100_is_one_i004(tmp_path: Path) -> None:
    # 5 MB of such cells made a grid of billions: 5.1 GB. Refused for its markup before any tree is built.
    cells = "<table><tr>" + "<td rowspan=100 colspan=100>" * (5 * 1024 * 1024 // 28 - 1)
    limit_reached(checked(page(tmp_path, cells)), nesting.MAX_TAGS)


def test_tables_of_big_spans_stop_at_the_cells_limits(tmp_path: Path) -> None:
    # Each row a cell spanning the 100 columns: 10,000 grid cells in 100 rows, then the table's limit; the page's
    # after five tables.
    table = "<table>" + "<tr><td colspan=100>格</td></tr>" * 200 + "</table>"
    findings = checked(page(tmp_path, CLEAN_PAGE.replace("<body>", "<body>" + table * 10)))
    assert [f["expected"] for f in findings if f["rule"] == "I004"] == [limits.MAX_TABLE_CELLS, limits.MAX_CELLS]


@pytest.mark.parametrize("value", ["9" * 5000, "2147483647", "0x10", "-5", "٣"])
def test_a_span_of_thousands_of_digits_is_capped(tmp_path: Path, value: str) -> None:
    table = f'<table><tr><td rowspan="{value}" colspan="{value}">格</td><td>格</td></tr></table>'
    findings = checked(page(tmp_path, CLEAN_PAGE.replace("<body>", "<body>" + table)))
    assert "I001" not in rules(findings)


_PAST_UNICODE = ["&#" + "9" * 5000 + ";", "&#" + "1" * 5000, "&#x" + "F" * 5000 + ";", "&#x110000;", "&#1114112;"]


@pytest.mark.parametrize("reference", [*_PAST_UNICODE, "&#xD800;", "&#55296;", "&#0;", "&#00000000000000065;"])
def test_character_references_past_unicode_read_as_the_replacement_character(tmp_path: Path, reference: str) -> None:
    marked = CLEAN_PAGE.replace("<p>一、总体情况</p>", f'<p title="{reference}">一、总体情况</p><p>附注{reference}</p>')
    assert marked != CLEAN_PAGE
    findings = checked(page(tmp_path, marked))
    assert "I001" not in rules(findings) and "I004" not in rules(findings)


@pytest.mark.parametrize("section", ["<![if !supportLists]>", "<![ x", "<![]>", "<![", "<![if-x]>", "<![CDATA[x]]>"])
def test_marked_sections_never_stop_a_page(tmp_path: Path, section: str) -> None:
    marked = CLEAN_PAGE.replace("<p>一、总体情况</p>", f"{section}<p>一、总体情况</p>")
    assert checked(page(tmp_path, marked)) == []
    assert "I001" not in rules(checked(page(tmp_path, CLEAN_PAGE + section, "end.html")))


@pytest.mark.parametrize(
    ("charset", "expected"),
    [
        ("x" * 10_000, []),
        ("../../etc/passwd", []),
        ("ut\x00f-8", ["I001"]),  # a NUL makes any file no text report (checks/reading.py)
        ("gb\x002312", ["I001"]),
        ("utf-8\u202e", ["I005"]),  # a bidirectional override, in the page as anywhere
    ],
)
def test_a_page_naming_no_real_encoding_is_read_as_any_page(tmp_path: Path, charset: str, expected: list[str]) -> None:
    # The name went to codecs.lookup as written: a NUL in it raised ValueError ("internal error", exit 2).
    assert rules(checked(page(tmp_path, html_page(CLEAN_TEXT, charset=charset)))) == expected


def test_encoding_sniffing_of_a_page_of_meta_tags_is_linear(tmp_path: Path) -> None:
    # Beautiful Soup's pattern (<meta[^>]+charset…) looks through the rest of the page from each "<meta".
    findings = checked(page(tmp_path, "<meta " * (5 * 1024 * 1024 // 6 - 10)))
    limit_reached(findings, nesting.MAX_TAGS)


def test_a_tag_of_millions_of_attributes_is_one_i004(tmp_path: Path) -> None:
    # html.parser lists every attribute of a tag before Beautiful Soup sees it: 1.3 GB for this one.
    limit_reached(checked(page(tmp_path, "<p" + " a" * (5 * 1024 * 1024 // 2 - 10) + ">x</p>")), nesting.MAX_ATTRIBUTES)


def test_attributes_without_white_space_are_counted_too(tmp_path: Path) -> None:
    limit_reached(
        checked(page(tmp_path, '<p a=""' + 'b=""' * (5 * 1024 * 1024 // 4 - 10) + ">x</p>")), nesting.MAX_ATTRIBUTES
    )


def test_a_page_of_millions_of_tags_is_one_i004(tmp_path: Path) -> None:
    limit_reached(checked(page(tmp_path, "<p>x</p>" * (5 * 1024 * 1024 // 8 - 10))), nesting.MAX_TAGS)


@pytest.mark.parametrize("reference", ["&", "&nbsp", "&#x10FFFF;"])
def test_a_page_of_millions_of_character_references_is_one_i004(tmp_path: Path, reference: str) -> None:
    # The tokenizer hands each "&" on as an event of its own: 5 MB of them took 7 s.
    text = "<p>" + reference * (5 * 1024 * 1024 // len(reference) - 10) + "</p>"
    limit_reached(checked(page(tmp_path, text)), nesting.MAX_REFERENCES)


def test_a_page_with_as_many_references_as_allowed_is_read(tmp_path: Path) -> None:
    checked(page(tmp_path, "<p>" + "&#x4E00;" * (nesting.MAX_REFERENCES - 10) + "</p>"))


def test_a_page_nested_as_deep_as_its_tags_allow_is_bounded(tmp_path: Path) -> None:
    deep = "<div>" * (nesting.MAX_TAGS - 500) + CLEAN_PAGE
    checked(page(tmp_path, deep))


def test_tables_deep_inside_a_page_are_found_in_one_walk(tmp_path: Path) -> None:
    # Asking each table for the table around it walked up through every <div>: tables × depth.
    # Empty cells: no text for the nesting bound (sources.nesting) to count, so the page is read.
    deep = "<div>" * 20_000 + "<table><tr><td></td><td></td></tr></table>" * 7_000
    assert rules(checked(page(tmp_path, deep))) == ["I006"]


def test_a_cell_of_megabytes_is_cut_with_one_i004(tmp_path: Path) -> None:
    table = "<table><tr><td>" + "文" * 1_500_000 + "</td><td>格</td></tr></table>"
    findings = checked(page(tmp_path, CLEAN_PAGE.replace("<body>", "<body>" + table)))
    limit_reached(findings, limits.MAX_TEXT)


def test_a_page_paragraph_of_megabytes_is_cut_with_one_i004(tmp_path: Path) -> None:
    findings = checked(page(tmp_path, CLEAN_PAGE.replace("<body>", "<body><p>" + "文" * 1_500_000 + "</p>")))
    limit_reached(findings, limits.MAX_TEXT)


@pytest.mark.parametrize(
    ("markup", "limit"),
    [
        ("<p>段</p>" * 21_000, limits.MAX_PARAGRAPHS),
        ("<table><tr><td>格</td><td>格</td></tr></table>" * 1_000, limits.MAX_TABLES),
        ("<table>" + "<tr><td>格</td><td>格</td></tr>" * 1_500 + "</table>", limits.MAX_ROWS),
        ("<table><tr>" + "<td>格</td>" * 150 + "</tr></table>", limits.MAX_COLUMNS),
    ],
    ids=["paragraphs", "tables", "rows", "columns"],
)
def test_too_many_paragraphs_tables_rows_or_columns_are_one_i004(tmp_path: Path, markup: str, limit: int) -> None:
    limit_reached(checked(page(tmp_path, CLEAN_PAGE.replace("</body>", markup + "</body>"))), limit)


def test_a_title_of_megabytes_is_read_within_bounds(tmp_path: Path) -> None:
    checked(
        page(tmp_path, "<html><head><title>" + "示例县" * 1_000_000 + "</title></head><body><p>x</p></body></html>")
    )


# --- PDF files ---------------------------------------------------------------------------------------------------

_FONT = b"<< /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>"


def _pdf(tmp_path: Path, data: bytes, name: str = "report.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _flate_of(chunk: bytes, times: int) -> bytes:
    """``chunk`` repeated ``times`` times, Flate-compressed without ever holding the whole."""
    packer = zlib.compressobj(9)
    return b"".join(packer.compress(chunk) for _ in range(times)) + packer.flush()


def _forms(levels: int, fan_out: int) -> bytes:
    """A page drawing a form that draws the next ``fan_out`` times, ``levels`` deep: fan_out ** levels forms."""
    draw = b"/X Do " * fan_out
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X 5 0 R >> >> >>",
        stream(draw),
    ]
    for level in range(levels):
        resources = b"/Resources << /XObject << /X %d 0 R >> >>" % (6 + level)
        objects.append(stream(draw, b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] " + resources))
    objects.append(stream(b"0 0 m 1 1 l S", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]"))
    return raw_pdf(objects)


def _grid(lines: int) -> bytes:
    """A ruled grid of ``lines`` by ``lines`` ruling lines, 5 points apart (pdfplumber takes lines closer than 3
    points as one), on a page as large as it needs."""
    end = 10 + 5 * lines
    across = b"".join(b"10 %d m %d %d l S\n" % (10 + 5 * i, end, 10 + 5 * i) for i in range(lines))
    down = b"".join(b"%d 10 m %d %d l S\n" % (10 + 5 * i, 10 + 5 * i, end) for i in range(lines))
    return one_page(across + down, size=(end + 10, end + 10))


@pytest.mark.parametrize(
    ("make", "limit"),
    [
        (lambda: one_page(_flate_of(b" " * 2**20, 200), extra=b"/Filter /FlateDecode"), streams.MAX_STREAM),
        (
            lambda: one_page(
                zlib.compress(_flate_of(b"\0" * 2**20, 300), 9), extra=b"/Filter [/FlateDecode /FlateDecode]"
            ),
            streams.MAX_STREAM,
        ),
        (lambda: one_page(b"\x81\x00" * 1_000_000, extra=b"/Filter /RunLengthDecode"), streams.MAX_STREAM),
        (
            lambda: one_page(
                zlib.compress(b"\x02" + b"\0" * (8 << 20)),
                extra=b"/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 100000 >>",
            ),
            streams.MAX_PREDICTED,
        ),
        (lambda: one_page(b"q Q\n" * 1_000_000), pages.MAX_PAGE_CONTENT),
        (
            lambda: one_page(b"BT /F1 1 Tf 72 700 Td (" + b"A" * 100_000 + b") Tj ET", resources=_FONT),
            pages.MAX_PAGE_CHARS,
        ),
        (lambda: one_page(b"0 0 m 1 1 l S\n" * 30_000), pages.MAX_PAGE_PATHS),
        (lambda: _forms(8, 10), pages.MAX_FORMS),
        (lambda: _grid(300), pages.MAX_RULING_PAIRS),
    ],
    ids=[
        "flate-200MB",
        "flate-in-flate-300MB",
        "run-length-128MB",
        "predictor-8MB",
        "content-4MB",
        "characters",
        "paths",
        "forms-10^8",
        "ruled-grid-300x300",
    ],
)
def test_a_pdf_past_a_limit_is_one_i004(tmp_path: Path, make: Callable[[], bytes], limit: int) -> None:
    findings = checked(_pdf(tmp_path, make()))
    limit_reached(findings, limit)
    assert rules(findings) == ["I004"]


def test_a_pdf_of_ten_thousand_pages_is_read_to_the_page_limit(tmp_path: Path) -> None:
    path = draw_report(CLEAN_TEXT, tmp_path / "report.pdf", Options(blank_pages=10_000))
    findings = checked(path)
    limit_reached(findings, pdf_reader.MAX_PAGES)
    assert rules(findings) == ["I004"]  # the report on its first pages is clean


def test_a_pdf_of_dense_pages_stops_at_the_characters_of_a_document(tmp_path: Path) -> None:
    lines = b"".join(b"(%s) Tj 0 -12 Td " % (b"Report line %03d " % i * 4) for i in range(45))
    content = stream(b"BT /F1 10 Tf 72 800 Td " + lines + b"ET")
    count = 300
    kids = b" ".join(b"%d 0 R" % (4 + i) for i in range(count))
    page_object = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 3 0 R /Resources %s >>" % _FONT
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)]
    data = raw_pdf([*objects, content, *[page_object] * count])
    outcome: Outcome = bounded(linter("check", "--format", "json", _pdf(tmp_path, data)))
    assert outcome.problems() == [], outcome.problems()


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        # A form drawing itself: pdfminer's recursion stops it (or the form limit does).
        (
            lambda: raw_pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                    b"/Resources << /XObject << /X 5 0 R >> >> >>",
                    stream(b"/X Do"),
                    stream(
                        b"/X Do",
                        b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X 5 0 R >> >>",
                    ),
                ]
            ),
            {"I004", "I007", "I001"},
        ),
        (lambda: one_page(b"[" * 200_000 + b"]" * 200_000), {"I007"}),  # nested 200,000 deep in the content
        (
            lambda: raw_pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R /X " + b"[" * 100_000 + b"]" * 100_000 + b" >>",
                    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    stream(b""),
                ]
            ),
            {"I007", "I001"},
        ),
        (  # a page tree that holds itself
            lambda: raw_pdf(
                [
                    b"<< /Type /Catalog /Pages 2 0 R >>",
                    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>",
                    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
                    stream(b""),
                ]
            ),
            {"I007", "I001"},
        ),
        (
            lambda: one_page(
                bytes(random.Random(1).randrange(256) for _ in range(2_000_000)), extra=b"/Filter /LZWDecode"
            ),
            {"I007", "I001", "I004"},
        ),
        (lambda: b"%PDF-1.7\n" + bytes(random.Random(2).randrange(256) for _ in range(3_000_000)), {"I001"}),
        (lambda: b"PK\x03\x04 a zip named .pdf" + bytes(1000), {"I001"}),
    ],
    ids=[
        "form-drawing-itself",
        "nested-content",
        "nested-object",
        "page-tree-cycle",
        "lzw-random-2MB",
        "junk",
        "not-pdf",
    ],
)
def test_a_damaged_or_hostile_pdf_is_read_within_bounds(
    tmp_path: Path, make: Callable[[], bytes], expected: set[str]
) -> None:
    findings = checked(_pdf(tmp_path, make()))
    assert findings and set(rules(findings)) <= expected, findings


def test_an_encrypted_pdf_is_i001_within_bounds(tmp_path: Path) -> None:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    path = tmp_path / "locked.pdf"
    drawing = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret"))
    for _ in range(50):
        drawing.drawString(72, 700, "a report that needs a password")
        drawing.showPage()
    drawing.save()
    findings = checked(path)
    assert rules(findings) == ["I001"] and "encrypted" in checked_en(path)


def checked_en(path: Path) -> str:
    outcome: Outcome = bounded(linter("check", "--format", "json", "--lang", "en", path))
    assert outcome.problems() == [], outcome.problems()
    return " ".join(f["message"] for file in strict_json(outcome.stdout)["files"] for f in file["findings"])


def test_a_truncated_pdf_is_i001_or_what_its_first_pages_hold(tmp_path: Path) -> None:
    whole = draw_report(CLEAN_TEXT, tmp_path / "whole.pdf").read_bytes()
    for share in (10, 50, 90):
        findings = checked(_pdf(tmp_path, whole[: len(whole) * share // 100], f"cut-{share}.pdf"))
        assert findings and "I001" in rules(findings), (share, findings)
