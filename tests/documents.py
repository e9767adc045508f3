"""Build an HTML page or a Word document from a report in its tab-separated text form, as an office publishes it.

Tables get their merged cells back: a cell takes in the empty cells to its right, then the rows below whose cells
under it are all empty (the official 表三: 三、本年度办理结果 spans 22 rows, 申请人情况 7 columns). Reading such a
table expands every merged cell into the grid again, so the page reads as the text form does.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from checks.model import Report

SOFFICE = shutil.which("soffice")  # LibreOffice, headless: a real program that opens what the linter writes

NAVIGATION = (
    '<div class="top-nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a>'
    '<a href="/zwgk/ndbg/">2024年政府信息公开工作年度报告</a></div>\n'
    '<div class="dqwz">当前位置：<a href="/">首页</a> &gt; 政务公开 &gt; 示例县2025年政府信息公开工作年度报告</div>\n'
    "<ul><li><a href='/a'>示例县2023年政府信息公开工作年度报告</a></li><li><a href='/b'>联系我们</a></li></ul>\n"
)
FOOTER = '<div class="footer"><p>版权所有：示例县人民政府　网站标识码：0000000000</p></div>\n'


@dataclass(frozen=True)
class Merged:
    """A cell of a table with its spans; ``row``/``column`` say where it starts in the grid."""

    text: str
    row: int
    column: int
    down: int
    across: int


def blocks(text: str) -> Iterator[str | list[list[str]]]:
    """The report's paragraphs (lines) and tables (runs of tab-separated lines, as grids), in order."""
    table: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            yield table
            table = []
        if line.strip():
            yield line.strip()
    if table:
        yield table


def merged_cells(rows: list[list[str]]) -> list[Merged]:
    """The cells of a grid with their spans; a row shorter than the others (a cell left out) stays short."""
    covered: set[tuple[int, int]] = set()
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) in covered or (not text and not _owner_missing(rows, covered, r, c)):
                continue
            across = 1
            while c + across < len(row) and not row[c + across] and (r, c + across) not in covered:
                across += 1
            down = 1
            while r + down < len(rows) and all(
                c + i < len(rows[r + down]) and not rows[r + down][c + i] and (r + down, c + i) not in covered
                for i in range(across)
            ):
                down += 1
            covered.update((r + i, c + j) for i in range(down) for j in range(across))
            cells.append(Merged(text, r, c, down, across))
    return cells


def _owner_missing(rows: list[list[str]], covered: set[tuple[int, int]], r: int, c: int) -> bool:
    """An empty cell no merged cell covers (a leading empty cell of the first row) is a cell of its own."""
    return (r, c) not in covered and not any(rows[r][:c])


def article_html(text: str) -> str:
    """The report's paragraphs and tables as a page's markup, merged cells merged (``rowspan``/``colspan``)."""
    body = []
    for block in blocks(text):
        if isinstance(block, str):
            body.append(f"<p>{html.escape(block)}</p>")
            continue
        rows: dict[int, list[str]] = {}
        for cell in merged_cells(block):
            spans = (f' rowspan="{cell.down}"' if cell.down > 1 else "") + (
                f' colspan="{cell.across}"' if cell.across > 1 else ""
            )
            rows.setdefault(cell.row, []).append(f"<td{spans}>{html.escape(cell.text)}</td>")
        body.append(
            '<table border="1">\n'
            + "\n".join(f"  <tr>{''.join(rows.get(r, []))}</tr>" for r in range(len(block)))
            + "\n</table>"
        )
    return "\n".join(body)


def html_page(text: str, *, site: bool = False, charset: str = "utf-8") -> str:
    """A report page; ``site``: with the site's navigation, breadcrumb, link list and footer around it."""
    page = article_html(text)
    if site:
        page = f"{NAVIGATION}<div class='article'>\n{page}\n</div>\n{FOOTER}"
    return (
        f'<!DOCTYPE html>\n<html>\n<head>\n<meta charset="{charset}">\n<title>报告</title>\n'
        f"<script>var a = '一、总体情况';</script>\n</head>\n<body>\n{page}\n</body>\n</html>\n"
    )


def word_document(text: str, path: Path, *, framed: bool = False) -> None:
    """The report as a .docx file written with python-docx, merged cells merged; ``framed``: all of it inside the
    one cell of a table that frames the page, as some offices lay a document out."""
    import docx

    document = docx.Document()
    container = document.add_table(rows=1, cols=1).cell(0, 0) if framed else document
    for block in blocks(text):
        if isinstance(block, str):
            container.add_paragraph(block)
            continue
        width = max(map(len, block))
        table = container.add_table(len(block), width)
        for cell in merged_cells(block):
            top = table.cell(cell.row, cell.column)
            if cell.down > 1 or cell.across > 1:
                top = top.merge(table.cell(cell.row + cell.down - 1, cell.column + cell.across - 1))
            top.text = cell.text
        for row, cells in zip(table.rows, block, strict=True):
            # A row with a cell left out ends early, as Word draws it: python-docx has no call for that, so the
            # cell elements past the row's end are taken out of the XML.
            for extra in row.cells[len(cells) :]:
                extra._tc.getparent().remove(extra._tc)
    document.save(str(path))


def word_html_page(text: str) -> bytes:
    """The report as Word's "save as web page" writes it, in GBK: every text in spans, digits in spans of their
    own, <o:p> marks, &nbsp; in empty cells, and source lines broken inside the Chinese text."""

    def runs(line: str) -> str:
        out = re.sub(r"(\d+)", r"<span lang=EN-US>\1</span>", html.escape(line))
        # A line break between two Chinese characters every 20 characters or so (never inside a tag or a number).
        return re.sub(r"([\u4e00-\u9fff]{20})(?=[\u4e00-\u9fff])", "\\1\n", out)

    body = []
    for block in blocks(text):
        if isinstance(block, str):
            body.append(
                "<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-family:"
                f"仿宋_GB2312'>{runs(block)}<span lang=EN-US><o:p></o:p></span></span></p>"
            )
            continue
        rows: dict[int, list[str]] = {}
        for cell in merged_cells(block):
            spans = (f" rowspan={cell.down}" if cell.down > 1 else "") + (
                f" colspan={cell.across}" if cell.across > 1 else ""
            )
            content = runs(cell.text) if cell.text else "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
            rows.setdefault(cell.row, []).append(
                f"<td width=57{spans} valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>\n"
                f"  <p class=MsoNormal align=center style='text-align:center'><span>{content}</span></p>\n  </td>"
            )
        body.append(
            "<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0>\n"
            + "\n".join(f" <tr style='height:20.0pt'>\n  {''.join(rows.get(r, []))}\n </tr>" for r in range(len(block)))
            + "\n</table>"
        )
    page = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office">\n<head>\n'
        '<meta http-equiv=Content-Type content="text/html; charset=gb2312">\n'
        "<style>\n<!-- p.MsoNormal {margin:0cm;} -->\n</style>\n</head>\n"
        "<body lang=ZH-CN style='text-justify-trim:punctuation'>\n<div class=WordSection1 style='layout-grid:15.6pt'>\n"
        + "\n".join(body)
        + "\n</div>\n</body>\n</html>\n"
    )
    return page.encode("gbk")


def number_headings(path: Path, headings: dict[str, str], *, by_style: bool) -> None:
    """Give the paragraphs ``headings`` names (their text without the number, e.g. "总体情况") Word's automatic
    numbering, as "一、", "二、" … : directly (each paragraph in the list) or through the Heading 1 style."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document(str(path))
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/>'
            "</w:lvl></w:abstractNum>"
        ),
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    if by_style:
        style = document.styles["Heading 1"].element
        style.get_or_add_pPr().append(
            parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        )
    for paragraph in document.paragraphs:
        if paragraph.text in headings:
            paragraph.text = headings[paragraph.text]
            if by_style:
                paragraph.style = document.styles["Heading 1"]
            else:
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
                )
    document.save(str(path))


def model_of(path: Path) -> Report:
    """The report the linter reads from ``path`` (by the format it is written in)."""
    from checks.facts import checked_report
    from checks.sources import read_report

    loaded = read_report(path, 10**7)
    assert loaded is not None and loaded.build is not None
    return checked_report(loaded.build)


def opened_by_libreoffice(source: Path, to: str, folder: Path, *, infilter: str | None = None) -> Any:
    """``source`` opened by LibreOffice (headless, with a profile of its own, so that no user setting changes how it
    reads) and saved in the OpenDocument format ``to`` in ``folder``: the content.xml of what it wrote."""
    from lxml import etree

    assert SOFFICE is not None
    command = [SOFFICE, f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}", "--headless"]
    command += [f"--infilter={infilter}"] if infilter else []
    command += ["--convert-to", to, "--outdir", str(folder), str(source)]
    done = subprocess.run(command, capture_output=True, timeout=180, check=False)
    written = folder / f"{source.stem}.{to}"
    assert done.returncode == 0 and written.exists(), done.stderr.decode(errors="replace")
    return etree.fromstring(zipfile.ZipFile(written).read("content.xml"))
