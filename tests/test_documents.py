"""Reports where they are published: HTML pages (.html/.htm) and Word documents (.docx).

The pages and documents are built here from the bundled examples (tests/documents.py), with the official merged
cells; tests/test_formats.py shows that they give the same findings as the text form.
"""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.cli import main
from checks.engine import lint_file
from checks.findings import Finding
from checks.model import Place, Report
from checks.reading import MAX_BYTES
from checks.rules import selected
from checks.sources import numbering, read_report
from checks.sources import word as word_source
from tests.conftest import CLEAN_TEXT, CORPUS, EXAMPLES, SARIF_SCHEMA, SEED
from tests.documents import html_page, number_headings, word_document, word_html_page

FAULTY_TEXT = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")


def _report(path: Path) -> Report:
    loaded = read_report(path, MAX_BYTES)
    assert loaded is not None and loaded.report is not None, path
    return loaded.report


def _lint(path: Path) -> tuple[Finding, ...]:
    result = lint_file(path, selected(None, None))
    assert result.crash is None, result.crash
    return result.findings


def _keys(findings: tuple[Finding, ...]) -> Counter[tuple[str, str | None, str | None]]:
    return Counter((f.rule, f.row, f.col) for f in findings)


def _t3_values(report: Report) -> dict[str, list[int | float | None]]:
    return {row.key: [cell.value for cell in row.cells] for row in report.tables["t3"].rows}


def _text_report(tmp_path: Path, text: str) -> Report:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return _report(path)


# --- HTML ---------------------------------------------------------------------------------------------------------


def test_merged_table_3_in_a_page_reads_all_25_by_7_cells(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_page(CLEAN_TEXT, site=True), encoding="utf-8")
    source = page.read_text(encoding="utf-8")
    # The page has the merges the text copies lose: 三、本年度办理结果 down 22 rows, 申请人情况 across 7 columns.
    assert 'rowspan="22"' in source and 'colspan="7"' in source and 'rowspan="8"' in source
    values = _t3_values(_report(page))
    assert len(values) == 25 and all(len(row) == 7 for row in values.values())
    assert values == _t3_values(_text_report(tmp_path, CLEAN_TEXT))
    assert None not in {value for row in values.values() for value in row}


def test_page_positions_are_lines_and_columns_of_the_html_source(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_page(FAULTY_TEXT, site=True), encoding="utf-8")
    lines = page.read_text(encoding="utf-8").split("\n")
    findings = _lint(page)
    [a001] = [f for f in findings if f.rule == "A001"]
    assert lines[a001.pos.line - 1][a001.pos.column - 1 :].startswith("6</td>")
    [r004] = [f for f in findings if f.rule == "R004"]
    assert lines[r004.pos.line - 1][r004.pos.column - 1 :].startswith("二、主动公开政府信息的情况</p>")
    [t006] = [f for f in findings if f.rule == "T006"]
    assert lines[t006.pos.line - 1][t006.pos.column - 1 :].startswith("5.属于三类内容事务信息</td>")


def test_site_navigation_footer_and_scripts_are_not_the_report(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_page(CLEAN_TEXT, site=True), encoding="utf-8")
    report = _report(page)
    assert report.title is not None and report.title.text == "示例县自然资源局2025年政府信息公开工作年度报告"
    assert report.year == 2025
    prose = " ".join(text.text for text in report.prose())
    for furniture in ("首页", "当前位置", "2023年政府信息公开", "版权所有", "var a"):
        assert furniture not in prose
    assert _lint(page) == ()


def test_a_report_inside_a_layout_table_reads_as_the_page(tmp_path: Path) -> None:
    inner = html_page(FAULTY_TEXT).split("<body>\n", 1)[1].rsplit("</body>", 1)[0]
    page = tmp_path / "report.htm"
    page.write_text(
        "<html><body><table width='100%'><tr><td>站点标题</td></tr>"
        f"<tr><td><div>{inner}</div></td></tr></table></body></html>",
        encoding="utf-8",
    )
    txt = tmp_path / "report.txt"
    txt.write_text(FAULTY_TEXT, encoding="utf-8")
    assert _keys(_lint(page)) == _keys(_lint(txt))


@pytest.mark.parametrize("charset", ["gb2312", "GBK", "gb18030"])
def test_a_gbk_page_is_read_by_its_meta_charset_without_i002(tmp_path: Path, charset: str) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(html_page(FAULTY_TEXT, charset=charset).encode("gbk"))
    txt = tmp_path / "report.txt"
    txt.write_text(FAULTY_TEXT, encoding="utf-8")
    findings = _lint(page)
    assert "I002" not in {f.rule for f in findings}
    assert _keys(findings) == _keys(_lint(txt))


def test_a_page_that_names_the_wrong_encoding_is_read_and_reported(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_page(CLEAN_TEXT, charset="gb2312"), encoding="utf-8")
    findings = _lint(page)
    assert [f.rule for f in findings] == ["I002"]
    assert "gb2312" in findings[0].message.zh and "UTF-8" in findings[0].message.zh


def test_a_gbk_page_without_a_declaration_is_read_as_any_gbk_file(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_bytes(html_page(CLEAN_TEXT).replace('<meta charset="utf-8">', "").encode("gbk"))
    assert [f.rule for f in _lint(page)] == ["I002"]


def test_corpus_reports_published_as_pages_lint_without_a_crash(tmp_path: Path) -> None:
    texts = [*sorted(CORPUS.glob("*.txt")), SEED]
    assert texts
    for number, source in enumerate(texts):
        page = tmp_path / f"{number}.html"
        page.write_text(html_page(source.read_text(encoding="utf-8"), site=True), encoding="utf-8")
        _lint(page)


@given(st.text(max_size=300), st.integers(min_value=0, max_value=5000))
def test_random_markup_in_a_page_never_crashes(tmp_path_factory: pytest.TempPathFactory, noise: str, at: int) -> None:
    page_text = html_page(FAULTY_TEXT)
    cut = at % len(page_text)
    page = tmp_path_factory.mktemp("page") / "report.html"
    page.write_text(page_text[:cut] + noise + page_text[cut:], encoding="utf-8")
    _lint(page)


# --- Word ---------------------------------------------------------------------------------------------------------


def test_merged_table_3_in_a_word_document_reads_all_25_by_7_cells(tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    word_document(CLEAN_TEXT, document)
    values = _t3_values(_report(document))
    assert len(values) == 25 and all(len(row) == 7 for row in values.values())
    assert values == _t3_values(_text_report(tmp_path, CLEAN_TEXT))


def test_word_findings_are_at_paragraphs_and_cells(tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    word_document(FAULTY_TEXT, document)
    findings = {f.rule: f for f in _lint(document)}
    assert findings["R004"].pos.place == Place(paragraph=14)
    # 表三's 「（一）予以公开」 row: 三、本年度办理结果, （一）予以公开 (two columns), 6 values, then the total.
    assert findings["A001"].pos.place == Place(table=2, row=6, cell=9)
    assert findings["T006"].pos.place == Place(table=2, row=12, cell=3)
    report = _report(document)
    assert report.lines[findings["A001"].pos.line - 1].startswith("三、本年度办理结果\t（一）予以公开\t\t6\t1")


def test_word_places_in_every_output_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = tmp_path / "report.docx"
    word_document(FAULTY_TEXT, document)
    assert main(["check", str(document), "--color", "never"]) == 1
    text = capsys.readouterr().out
    assert "report.docx:第 14 段: R004 " in text
    assert "report.docx:第 2 个表格第 6 行第 9 格: A001 " in text
    assert main(["check", str(document), "--lang", "en", "--color", "never"]) == 1
    assert "report.docx:table 2, row 6, cell 9: A001 " in capsys.readouterr().out
    assert main(["check", str(document), "--format", "json"]) == 1
    [entry] = json.loads(capsys.readouterr().out)["files"]
    [a001] = [f for f in entry["findings"] if f["rule"] == "A001"]
    assert a001["place"] == {"table": 2, "row": 6, "cell": 9}
    assert main(["check", str(document), "--format", "github"]) == 1
    assert "::error file=" in (github := capsys.readouterr().out) and "第 2 个表格第 6 行第 9 格: " in github
    assert main(["check", str(document), "--format", "sarif"]) == 1
    sarif = json.loads(capsys.readouterr().out)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema)
    [result] = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "A001"]
    [location] = result["locations"]
    assert "region" not in location["physicalLocation"]
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "第 2 个表格第 6 行第 9 格"


@pytest.mark.parametrize(
    ("content", "rule", "words"),
    [
        (b"", "I001", "Word"),
        (b"PK\x03\x04 not really a zip", "I001", "Word"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512, "I001", ".doc"),  # an old .doc renamed
    ],
)
def test_a_damaged_word_document_is_i001_not_a_crash(tmp_path: Path, content: bytes, rule: str, words: str) -> None:
    document = tmp_path / "report.docx"
    document.write_bytes(content)
    [finding] = _lint(document)
    assert finding.rule == rule and words in finding.message.zh
    assert main(["check", str(document)]) == 1


def test_a_word_document_that_unpacks_too_large_is_i004(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = tmp_path / "report.docx"
    word_document(CLEAN_TEXT, document)
    with zipfile.ZipFile(document) as archive:
        size = sum(info.file_size for info in archive.infolist())
    monkeypatch.setattr(word_source, "MAX_UNPACKED", size - 1)
    assert [f.rule for f in _lint(document)] == ["I004"]
    assert [f.rule for f in lint_file(document, selected(None, None), max_bytes=100).findings] == ["I004"]


def test_a_zip_without_a_document_is_i001(tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    with zipfile.ZipFile(document, "w") as archive:
        archive.writestr("hello.txt", "not a Word document")
    assert [f.rule for f in _lint(document)] == ["I001"]


def test_invisible_characters_in_a_word_document_are_placed(tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    word_document(CLEAN_TEXT.replace("一、总体情况", "一、总体\u202e情况"), document)
    [i005] = [f for f in _lint(document) if f.rule == "I005"]
    assert i005.pos.place is not None and i005.pos.place.paragraph is not None


# --- convert and folders ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("source_format", ["html", "docx"])
@pytest.mark.parametrize("target", ["txt", "md", "yaml"])
def test_convert_a_page_or_document_into_the_repository(
    tmp_path: Path, source_format: str, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / f"report.{source_format}"
    if source_format == "html":
        source.write_text(html_page(FAULTY_TEXT, site=True), encoding="utf-8")
    else:
        word_document(FAULTY_TEXT, source)
    out = tmp_path / f"converted.{target}"
    assert main(["convert", str(source), "--to", target, "-o", str(out)]) == 0
    capsys.readouterr()
    converted = [f for f in _lint(out) if f.rule != "S001"]  # S001: YAML's typed cells (test_formats.py)
    assert _keys(tuple(converted)) == _keys(_lint(source))
    if target == "txt":
        assert "首页" not in out.read_text(encoding="utf-8")


def test_a_folder_run_checks_pages_and_documents(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.html").write_text(html_page(FAULTY_TEXT), encoding="utf-8")
    word_document(FAULTY_TEXT, tmp_path / "b.docx")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")
    assert main(["check", str(tmp_path), "--format", "json"]) == 1
    files = json.loads(capsys.readouterr().out)["files"]
    assert [Path(entry["path"]).name for entry in files] == ["a.html", "b.docx"]
    assert all(any(f["rule"] == "A001" for f in entry["findings"]) for entry in files)


@pytest.mark.parametrize(("this_format", "last_format"), [("html", "docx"), ("docx", "html"), ("txt", "docx")])
def test_last_years_page_or_document_is_found_in_the_repository(
    tmp_path: Path, this_format: str, last_format: str
) -> None:
    from tests.test_crossyear import LAST_ONE_OFF

    repo = tmp_path / "publication"
    (repo / ".git").mkdir(parents=True)
    paths = {}
    for year, text, fmt in (("2024", LAST_ONE_OFF, last_format), ("2025", CLEAN_TEXT, this_format)):
        folder = repo / "reports" / year
        folder.mkdir(parents=True)
        paths[year] = folder / f"自然资源局.{fmt}"
        if fmt == "html":
            paths[year].write_text(html_page(text, site=True), encoding="utf-8")
        elif fmt == "docx":
            word_document(text, paths[year])
        else:
            paths[year].write_text(text, encoding="utf-8")
    result = lint_file(paths["2025"], selected(["X002"], None))
    assert result.crash is None, result.crash
    [x002] = result.findings
    assert (x002.row, x002.col, x002.expected, x002.actual) == ("carried_over", "business", 1, 0)
    if last_format == "docx":  # last year's cell is cited where Word shows it
        assert "第 2 个表格第 28 行第 5 格「四、结转下年度继续办理」" in x002.message.zh


def test_a_page_saved_from_word_reads_as_the_text_and_points_at_each_character(tmp_path: Path) -> None:
    page = tmp_path / "report.htm"
    page.write_bytes(word_html_page(FAULTY_TEXT))
    txt = tmp_path / "report.txt"
    txt.write_text(FAULTY_TEXT, encoding="utf-8")
    findings = _lint(page)
    assert _keys(findings) == _keys(_lint(txt))
    lines = page.read_bytes().decode("gbk").split("\n")
    # X001 points at the figure inside its sentence, past spans and broken lines: the 12 of "申请12件".
    [x001] = [f for f in findings if f.rule == "X001"]
    assert lines[x001.pos.line - 1][x001.pos.column - 1 :].startswith("12</span>件")
    [a001] = [f for f in findings if f.rule == "A001"]
    assert lines[a001.pos.line - 1][a001.pos.column - 1 :].startswith("6</span>")


@pytest.mark.parametrize("reference", ["&#20840;", "&#x5168;", "&amp;"])
def test_positions_after_a_character_reference_are_exact(tmp_path: Path, reference: str) -> None:
    # The same sentence with one character written as a reference before the figure: X001 still points at the 12.
    written = "全" if reference != "&amp;" else "&"
    page = tmp_path / "report.html"
    sentence = "全年新收政府信息公开申请12件"
    text = FAULTY_TEXT.replace(sentence, sentence.replace("全", written, 1))
    page.write_text(html_page(text).replace(written + "年新收", reference + "年新收", 1), encoding="utf-8")
    assert reference + "年新收" in page.read_text(encoding="utf-8")
    lines = page.read_text(encoding="utf-8").split("\n")
    [x001] = [f for f in _lint(page) if f.rule == "X001"]
    assert lines[x001.pos.line - 1][x001.pos.column - 1 :].startswith("12件")


def test_a_suppression_comment_in_a_page_covers_the_next_source_line(tmp_path: Path) -> None:
    page_text = html_page(FAULTY_TEXT)
    a001 = next(f for f in _lint(_written_page(tmp_path, page_text)) if f.rule == "A001")
    lines = page_text.split("\n")
    lines.insert(a001.pos.line - 1, "<!-- zfxxgk-lint: disable-next-line=A001 原表如此 -->")
    result = lint_file(_written_page(tmp_path, "\n".join(lines)), selected(None, None))
    assert "A001" not in {f.rule for f in result.findings} and not result.unused
    assert _keys(result.findings) + Counter({("A001", "disclosed", "total"): 1}) == _keys(_lint(tmp_path / "0.html"))


def test_tracked_changes_in_a_word_document_read_as_if_accepted(tmp_path: Path) -> None:
    # A report saved in review mode: "14" deleted and "15" inserted, both tracked; the inserted figure inside a
    # content control and a hyperlink too. Word shows, and prints once accepted, "申请15件".
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    path = tmp_path / "report.docx"
    word_document(CLEAN_TEXT, path)
    document = docx.Document(str(path))
    [paragraph] = [p for p in document.paragraphs if "申请15件" in p.text]
    before, after = paragraph.text.split("15", 1)

    def wrapped(tag: str, text: str, text_tag: str = "w:t") -> Any:
        outer, run, written = OxmlElement(tag), OxmlElement("w:r"), OxmlElement(text_tag)
        written.text = text
        run.append(written)
        outer.append(run)
        if tag in ("w:ins", "w:del"):
            outer.set(qn("w:id"), "1")
            outer.set(qn("w:author"), "审核人")
        return outer

    for run in paragraph.runs:
        paragraph._p.remove(run._r)
    paragraph.add_run(before[:-2])
    paragraph._p.append(wrapped("w:hyperlink", before[-2:]))  # "申请"
    paragraph._p.append(wrapped("w:del", "14", "w:delText"))
    inserted = wrapped("w:ins", "15")
    control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    content.append(inserted)
    control.append(content)
    paragraph._p.append(control)
    paragraph.add_run(after)
    document.save(str(path))

    loaded = read_report(path, MAX_BYTES)
    assert loaded is not None and loaded.report is not None
    texts = [p.text for s in loaded.report.sections for p in s.paragraphs]
    assert before + "15" + after in texts
    assert not any("14" in text for text in texts)
    txt = tmp_path / "report.txt"
    txt.write_text(CLEAN_TEXT, encoding="utf-8")
    assert _keys(_lint(path)) == _keys(_lint(txt))


def test_paragraphs_and_cells_inside_content_controls_are_read(tmp_path: Path) -> None:
    # Templates put whole paragraphs, and a cell's paragraph, inside content controls (w:sdt), nested too.
    import docx
    from docx.oxml import OxmlElement

    path = tmp_path / "report.docx"
    word_document(CLEAN_TEXT, path)
    document = docx.Document(str(path))

    def controlled(*elements: Any) -> Any:
        control, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
        control.append(content)
        elements[0].addprevious(control)
        for element in elements:
            content.append(element)
        return control

    [heading] = [p for p in document.paragraphs if p.text == "（二）依申请公开"]
    sentence = heading._p.getnext()
    controlled(controlled(heading._p), sentence)
    [cell] = [c for t in document.tables for r in t.rows for c in r.cells if c.text == "商业企业"]
    controlled(cell.paragraphs[0]._p)
    document.save(str(path))

    loaded = read_report(path, MAX_BYTES)
    assert loaded is not None and loaded.report is not None
    texts = [p.text for s in loaded.report.sections for p in s.paragraphs]
    assert "（二）依申请公开" in texts and any(text.startswith("全年新收政府信息公开申请15件") for text in texts)
    txt = tmp_path / "report.txt"
    txt.write_text(CLEAN_TEXT, encoding="utf-8")
    assert _keys(_lint(path)) == _keys(_lint(txt))


def test_a_word_paragraph_is_never_a_suppression(tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    word_document("# zfxxgk-lint: disable-file=A\n" + FAULTY_TEXT, document)
    assert "A001" in {f.rule for f in _lint(document)}


def _written_page(tmp_path: Path, text: str) -> Path:
    path = tmp_path / f"{len(list(tmp_path.glob('*.html')))}.html"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "content",
    ["http://example.com/report.html", "report.html", '<?xml version="1.0"?><html><p>一、总体情况</p></html>'],
)
def test_pages_beautiful_soup_would_warn_about_give_findings_only(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "report.html"
    page.write_text(content, encoding="utf-8")
    assert main(["check", str(page), "--color", "never"]) == 1
    assert capsys.readouterr().err == ""


def test_an_article_inside_an_element_named_like_furniture_is_still_read(tmp_path: Path) -> None:
    inner = html_page(FAULTY_TEXT).split("<body>\n", 1)[1].rsplit("</body>", 1)[0]
    page = tmp_path / "report.html"
    page.write_text(f"<html><body><div class='menu-content'>{inner}</div></body></html>", encoding="utf-8")
    txt = tmp_path / "report.txt"
    txt.write_text(FAULTY_TEXT, encoding="utf-8")
    assert _keys(_lint(page)) == _keys(_lint(txt))


@pytest.mark.parametrize("example", ["clean", "faulty"])
def test_a_page_and_a_document_convert_back_to_the_text_they_were_made_from(
    tmp_path: Path, example: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (EXAMPLES / f"{example}.txt").read_text(encoding="utf-8")
    page, document, saved = tmp_path / "report.html", tmp_path / "report.docx", tmp_path / "saved.htm"
    page.write_text(html_page(text, site=True), encoding="utf-8")
    word_document(text, document)
    saved.write_bytes(word_html_page(text))
    for source in (page, document, saved):
        assert main(["convert", str(source), "--to", "txt"]) == 0
        assert capsys.readouterr().out == text, source.name


@pytest.mark.parametrize("by_style", [False, True])
def test_headings_numbered_by_word_are_read_with_their_numbers(tmp_path: Path, by_style: bool) -> None:
    from checks.specs import national_2021 as nf

    document = tmp_path / "report.docx"
    word_document(FAULTY_TEXT, document)
    # Every part heading loses its typed "一、"… and gets Word's numbering instead: the faulty example's altered
    # part 二 heading too, so the numbers run 一 to 六 in order.
    lines = FAULTY_TEXT.split("\n")
    headings = {line: line.split("、", 1)[1] for line in lines if line[:2] in _NUMBERED and "\t" not in line}
    assert len(headings) == len(nf.PARTS)
    number_headings(document, headings, by_style=by_style)
    report = _report(document)
    assert [section.heading.text for section in report.sections] == list(headings)
    txt = tmp_path / "report.txt"
    txt.write_text(FAULTY_TEXT, encoding="utf-8")
    assert _keys(_lint(document)) == _keys(_lint(txt))


_NUMBERED = ("一、", "二、", "三、", "四、", "五、", "六、")


@pytest.mark.parametrize(
    ("value", "fmt", "shown"),
    [
        (1, "chineseCounting", "一"),
        (10, "chineseCounting", "十"),
        (11, "chineseCountingThousand", "十一"),
        (20, "chineseCounting", "二十"),
        (99, "chineseCounting", "九十九"),
        (3, "ideographTraditional", "丙"),
        (2, "decimalEnclosedCircle", "②"),
        (12, "decimalFullWidth", "１２"),
        (28, "upperLetter", "BB"),
        (14, "lowerRoman", "xiv"),
        (7, "decimal", "7"),
        (7, "someFormatWordAddsLater", "7"),
        (1, "bullet", ""),
    ],
)
def test_word_number_formats(value: int, fmt: str, shown: str) -> None:
    assert numbering.number(value, fmt) == shown


@pytest.mark.parametrize("tag", ["div", "span", "table"])
def test_a_page_nested_5000_deep_is_findings_not_a_crash(tmp_path: Path, tag: str) -> None:
    page = tmp_path / "report.html"
    inner = "<tr><td>" if tag == "table" else ""
    page.write_text(
        f"<html><body>{f'<{tag}>{inner}' * 5000}<p>一、总体情况</p>{f'</{tag}>' * 5000}</body></html>", encoding="utf-8"
    )
    assert "R001" in {f.rule for f in _lint(page)}


def test_a_page_on_one_line_is_quoted_around_the_finding(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "report.html"
    page.write_text(html_page(FAULTY_TEXT).replace("\n", ""), encoding="utf-8")
    assert main(["check", str(page), "--select", "A001", "--color", "never"]) == 1
    quoted = capsys.readouterr().out.split("\n")[1]
    assert quoted.startswith("      1 | …") and quoted.endswith("…") and "<td>6</td>" in quoted


def test_thousands_of_texts_in_thousands_of_unclosed_tags_are_i004(tmp_path: Path) -> None:
    # Beautiful Soup links each text up through every element around it: 100,000 texts in 5,000 open <span>s
    # would take hours to build; the page is measured first and refused.
    page = tmp_path / "report.html"
    page.write_text("<html><body>" + "<span>" * 5000 + "<br>x&amp;y" * 100_000 + "</body></html>", encoding="utf-8")
    [finding] = _lint(page)
    assert finding.rule == "I004"
    assert main(["check", str(page)]) == 1


def test_cells_spanning_100_by_100_everywhere_are_bounded(tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    row = "<tr>" + "<td colspan=100 rowspan=100>x</td>" * 100 + "</tr>"
    page.write_text(f"<html><body><table>{row * 300}</table></body></html>", encoding="utf-8")
    assert {f.rule for f in _lint(page)} == {"I006"}  # read in bounded time: no report in it, said once


def test_a_word_document_framed_in_a_table_reads_as_the_text(tmp_path: Path) -> None:
    document = tmp_path / "report.docx"
    word_document(FAULTY_TEXT, document, framed=True)
    txt = tmp_path / "report.txt"
    txt.write_text(FAULTY_TEXT, encoding="utf-8")
    findings = _lint(document)
    assert _keys(findings) == _keys(_lint(txt))
    # The framing table is not counted: 表三 is still the document's second table.
    assert next(f for f in findings if f.rule == "A001").pos.place == Place(table=2, row=6, cell=9)
