"""PDF reports (``.pdf``), as offices publish them (exported from Word or WPS): blocks read straight from the page.

pdfplumber (the optional extra ``zfxxgk-lint[pdf]``; imported only here, only when a .pdf is read) gives every
character with its coordinates and the cells of tables drawn with ruling lines, a merged cell once. From them:

1. ``pages``: each page interpreted within limits (characters, paths, content), its characters and ruled tables;
   the streams behind it unpacked within limits (``streams``).
2. ``layout``: its lines, counted from the top of the page as a reader counts them, and its tables on their grid.
3. ``furniture``: page numbers and running headers and footers left out.
4. ``grids``: a table running over pages read as one, a repeated header dropped, cells a page break cut in two
   put together again; ``paragraphs``: lines put back into the paragraphs they were wrapped from.

Blocks are then numbered as a Word document's are (``sources.blocks``): block *n* is line *n* of the text form the
reporters quote, and every piece keeps where a reader of the PDF finds it, its page and line (``model.Place``),
each line of a paragraph too. A PDF without a text layer (a scan), or whose fonts do not say which characters
their glyphs are, gets one I007 instead of a report's worth of missing parts.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache
from io import BytesIO
from pathlib import Path
from typing import Any

from checks.findings import Finding, Message
from checks.model import Place, Position, Text
from checks.oserrors import open_regular
from checks.reading import INVISIBLE, invisible_findings, over_limit, too_large
from checks.sources import Source
from checks.sources.assemble import assemble
from checks.sources.blocks import Block, Covered, Document, Shape, block
from checks.sources.limits import Budget
from checks.sources.pdf.furniture import without_furniture
from checks.sources.pdf.grids import continues, rows
from checks.sources.pdf.layout import Laid, Line, Portion, joined, lay_out
from checks.sources.pdf.pages import Glyph, PageLimit, PageRead, read_page
from checks.sources.pdf.paragraphs import goes_on, margins, paragraph
from checks.sources.pdf.streams import StreamLimit, bounded
from checks.sources.pdf.text_layer import text_layer_problem

MAX_PAGES = 200  # a report is 5–30 pages
MAX_DOCUMENT_CHARS = 40_000  # characters of all pages (a 10-page report has about 6,000, a 30-page one 20,000)
_START = Position(1, 1)

INSTALL = Message(
    "读取 PDF 文件需要 pdfplumber，当前未安装。用 pipx 安装的请运行 pipx inject zfxxgk-lint pdfplumber，"
    "用 pip 安装的请运行 pip install 'zfxxgk-lint[pdf]'；也可以检查报告的 Word 原文件（.docx）",
    "reading PDF files needs pdfplumber, which is not installed: run `pipx inject zfxxgk-lint pdfplumber` "
    "(installed with pipx) or `pip install 'zfxxgk-lint[pdf]'`; or check the report's Word file (.docx)",
)


def read_file(path: Path, max_bytes: int) -> Source:
    size = path.stat().st_size
    if size > max_bytes:
        return Source(None, (too_large(size, max_bytes),), ())
    try:
        from pdfplumber.pdf import PDF
    except ImportError:
        return Source(None, (Finding("I001", _START, INSTALL),), ())
    _quiet()
    with open(open_regular(path), "rb") as file:
        data = file.read(max_bytes + 1)
    if len(data) > max_bytes:
        return Source(None, (too_large(len(data), max_bytes),), ())
    if b"%PDF-" not in data[:1024]:
        return _unreadable(
            "文件开头没有 PDF 文件标记（%PDF-），不是 PDF 文件", "it does not start as a PDF file (%PDF-)"
        )
    findings: list[Finding] = []
    with bounded() as bounds:
        try:
            pdf = PDF(BytesIO(data))
        except Exception as error:  # pdfminer's errors are many: syntax, encryption, damaged cross-reference table
            if bounds.exceeded is not None:
                return Source(None, (_stream_finding(bounds.exceeded, None),), ())
            return Source(None, (_opening_problem(error),), ())
        # (Never pdf.close(): it makes a page object of every page first, 10,000 of them in a file that has them.)
        pages = list(_pages(pdf, findings))
    if not pages and findings:  # nothing read: what stopped the reading is all there is to say
        return Source(None, tuple(findings), ())
    problem = text_layer_problem(pages)
    if problem is not None:
        return Source(None, (problem, *findings), ())
    budget = Budget()
    blocks, lines = _numbered(_blocks([lay_out(page) for page in pages], budget))
    document = Document(str(path), "pdf", blocks, lines)
    found = invisible_findings(lines) if any(INVISIBLE.search(line) for line in lines) else ()
    placed = tuple(f._replace(pos=f.pos._replace(place=blocks[f.pos.line - 1].pieces[0].pos.place)) for f in found)
    return Source(lambda spec: assemble(document, spec), (*findings, *budget.findings(), *placed), lines)


@cache
def _quiet() -> None:
    """pdfminer and pdfplumber log what they meet in a file (its metadata, its objects' numbers) as warnings, which
    Python prints to stderr when no handler is set: raw file content on a terminal or a CI log. What they have to
    say comes out as findings instead, so their records go nowhere."""
    import logging

    for name in ("pdfminer", "pdfplumber"):
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False


def _unreadable(zh: str, en: str) -> Source:
    message = Message(f"无法读取的 PDF 文件：{zh}", f"not a readable PDF file: {en}")
    return Source(None, (Finding("I001", _START, message),), ())


def _opening_problem(error: Exception) -> Finding:
    """I001 saying why pdfminer could not open the file: a password, or damage."""
    cause = getattr(error, "__cause__", None) or (error.args[0] if error.args else None) or error
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        message = Message(
            "无法读取的 PDF 文件：文件已加密，需要密码才能打开。请发布或提交不加密的 PDF，或检查报告的 Word 原文件",
            "not a readable PDF file: it is encrypted and needs a password to open; publish or commit it without "
            "encryption, or check the report's Word file",
        )
    else:
        message = Message(
            f"无法读取的 PDF 文件（文件可能不完整或已损坏）：{_reason(cause)}",
            f"not a readable PDF file (truncated or damaged?): {_reason(cause)}",
        )
    return Finding("I001", _START, message)


def _reason(error: object) -> str:
    """pdfminer's reason, short: some quote the bytes they stopped at, which can be any length."""
    said = f"{type(error).__name__}: {error}"
    return said if len(said) <= _REASON else said[: _REASON - 1] + "…"


_REASON = 200


def _pages(pdf: Any, findings: list[Finding]) -> Iterator[PageRead]:
    """The pages read, within the limits; a limit reached ends the reading (I004 at the page), a page that cannot
    be interpreted is left out (I001 at it)."""
    from pdfminer.pdfpage import PDFPage

    chars = 0
    try:
        for number, page_object in enumerate(PDFPage.create_pages(pdf.doc), start=1):
            at = Position(1, 1, Place(page=number, line=1))
            if number > MAX_PAGES:
                findings.append(_limit(f"页数超过 {MAX_PAGES:,} 页", f"over {MAX_PAGES:,} pages", MAX_PAGES, at))
                return
            try:
                page = read_page(pdf, page_object, number)
            except PageLimit as limit:
                findings.append(_page_limit(limit, at))
                return
            except StreamLimit as limit:
                findings.append(_stream_finding(limit, at))
                return
            except Exception as error:  # a page's content damaged: the other pages are still the report
                findings.append(_damaged_page(number, error, at))
                continue
            chars += len(page.glyphs)
            if chars > MAX_DOCUMENT_CHARS:
                findings.append(
                    _limit(
                        f"全文超过 {MAX_DOCUMENT_CHARS:,} 个字符",
                        f"over {MAX_DOCUMENT_CHARS:,} characters in all",
                        MAX_DOCUMENT_CHARS,
                        at,
                    )
                )
                return
            yield page
    except StreamLimit as limit:
        findings.append(_stream_finding(limit, None))
    except Exception as error:  # the page tree itself is damaged past the pages read
        findings.append(_damaged_page(0, error, _START))


def _limit(zh: str, en: str, limit: int, at: Position) -> Finding:
    return over_limit(
        f"PDF 文件{zh}，其后的内容未检查（远超真实报告的规模，文件可能已损坏或被恶意构造）",
        f"the PDF file has {en}; what follows was not checked (far beyond a real report: a damaged or hostile file?)",
        limit,
        at=at,
    )


_PAGE_LIMITS = {
    "chars": ("一页的字符超过 {limit:,} 个", "a page with over {limit:,} characters"),
    "paths": ("一页的线条和图形超过 {limit:,} 个", "a page with over {limit:,} lines and shapes"),
    "content": ("一页的内容流超过 {limit:,} 字节", "a page whose content runs to over {limit:,} bytes"),
    "forms": ("一页引用的表单对象超过 {limit:,} 次", "a page drawing over {limit:,} form objects"),
    "rulings": (
        "一页的横线与竖线组合超过 {limit:,} 对",
        "a page whose horizontal times vertical ruling lines are over {limit:,}",
    ),
}


def _page_limit(limit: PageLimit, at: Position) -> Finding:
    zh, en = _PAGE_LIMITS[limit.what]
    return _limit(zh.format(limit=limit.limit), en.format(limit=limit.limit), limit.limit, at)


def _stream_finding(limit: StreamLimit, at: Position | None) -> Finding:
    if limit.what == "inflated":
        zh, en = "的数据流解压后共超过 {limit:,} 字节", "streams unpacking to over {limit:,} bytes in all"
    elif limit.what == "predicted":
        zh, en = "中有数据流超过 {limit:,} 字节（预测编码）", "a predictor-coded stream over {limit:,} bytes"
    else:
        zh, en = "中有数据流解压后超过 {limit:,} 字节", "a stream unpacking to over {limit:,} bytes"
    return _limit(zh.format(limit=limit.limit), en.format(limit=limit.limit), limit.limit, at or _START)


def _damaged_page(number: int, error: Exception, at: Position) -> Finding:
    cause = getattr(error, "__cause__", None) or error
    where_zh, where_en = (f"第 {number} 页", f"page {number}") if number else ("页面目录", "the page tree")
    return Finding(
        "I001",
        at,
        Message(
            f"PDF 文件的{where_zh}无法读取（文件可能不完整或已损坏），未检查：{_reason(cause)}",
            f"{where_en} of the PDF file cannot be read (truncated or damaged?) and was not checked: {_reason(cause)}",
        ),
    )


def _blocks(pages: Sequence[Laid], budget: Budget) -> Iterator[tuple[tuple[Text, ...], Shape]]:
    """The document's blocks in reading order: paragraphs, and the rows of tables joined across pages."""
    pages = without_furniture(pages)
    items: list[Line | Portion] = []
    for page in pages:
        found: list[Line | Portion] = [*page.lines, *page.portions]
        items.extend(sorted(found, key=_top))
    edges = margins([item for item in items if isinstance(item, Line)])
    ruled = any(page.portions for page in pages)
    index = 0
    while index < len(items):
        item = items[index]
        if isinstance(item, Portion):
            parts = [item]
            while index + 1 < len(items) and isinstance(following := items[index + 1], Portion):
                if not continues(parts[-1], following):
                    break
                parts.append(following)
                index += 1
            for pieces in rows(parts):
                yield tuple(_clipped(piece, budget) for piece in pieces), Shape.MERGED
        elif not ruled and len(cells := item.pieces()) > 1:
            # No ruling lines anywhere: a table laid out by alignment, its cells where the line has wide gaps.
            yield tuple(_clipped(_line_text(item, glyphs), budget) for glyphs in cells), Shape.PIPES
        else:
            lines = [item]
            while index + 1 < len(items) and isinstance(following := items[index + 1], Line):
                if not goes_on(lines[-1], following, edges, next_page=following.page != lines[-1].page):
                    break
                lines.append(following)
                index += 1
            yield (_clipped(paragraph(lines), budget),), Shape.PARAGRAPH
        index += 1


def _top(item: Line | Portion) -> float:
    return item.top if isinstance(item, Line) else item.box[1]


def _line_text(line: Line, glyphs: Sequence[Glyph]) -> Text:
    return Text(joined(glyphs), Position(0, 0, Place(page=line.page, line=line.number)))


def _clipped(piece: Text, budget: Budget) -> Text:
    text = budget.clip(piece.text, piece.pos)
    if len(text) == len(piece.text):
        return piece
    return piece.__class__(text, piece.pos, tuple(run for run in piece.runs if run[0] < len(text)))


def _numbered(found: Iterator[tuple[tuple[Text, ...], Shape]]) -> tuple[tuple[Block, ...], tuple[str, ...]]:
    """As ``sources.blocks.numbered`` numbers a Word document's blocks (block *n* is line *n* of the text form),
    keeping each piece's runs: a paragraph's lines are each where the reader finds them."""
    kept: list[Block] = []
    lines: list[str] = []
    for pieces, shape in found:
        if not any(piece.text for piece in pieces):
            continue
        line, column, placed = len(lines) + 1, 1, []
        for piece in pieces:
            runs = tuple((at, Position(line, column + at, pos.place)) for at, pos in piece.runs)
            kind = Covered if isinstance(piece, Covered) else Text
            placed.append(kind(piece.text, Position(line, column, piece.pos.place), runs))
            column += len(piece.text) + 1  # the tab after it
        kept.append(block(placed, shape))
        lines.append("\t".join(piece.text for piece in pieces))
    return tuple(kept), tuple(lines)
