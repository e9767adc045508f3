"""Published report pages (``.html``/``.htm``), with or without the site around the report.

The page is parsed by the standard library's HTML parser into a tree that records where each tag starts
(``sources.markup``: the tree Beautiful Soup's html.parser builder made, without the library), and read as blocks
(``sources.blocks``): each paragraph-like element is a line, each table row a line of the official grid,
``rowspan``/``colspan`` expanded (the cells a merged cell covers are empty, as in a Word copy). Positions are the
page source's line and column of the character a finding is about. The site around the report is left out:
navigation, breadcrumbs and footers (by element and by class or id), and lines that are nothing but links (menus,
lists of other reports); tables that only lay the page out are read as the blocks they hold.

What a page states is bounded before anything is built from it: its markup (``sources.nesting``, before the tree),
the numbers in it (a span of thousands of digits, a character reference past Unicode), and what its tables and
text become (``sources.limits``): a page is read in time and memory that depend on its size, never on what it says.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable, Iterable, Iterator
from itertools import accumulate
from typing import cast

from checks.findings import Finding, Message
from checks.model import Position, Report, Text
from checks.sources.assemble import assemble
from checks.sources.blocks import Covered, Document, Shape, block
from checks.sources.comments import line_comments
from checks.sources.limits import (
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_SPAN,
    MAX_TABLE_CELLS,
    MAX_TEXT,
    Budget,
    bounded_int,
)
from checks.sources.markup import Element, MarkupRejected, Page, TooNested, page_tree
from checks.sources.nesting import TOO_NESTED, too_much_markup
from checks.specs import Specification, default

# Elements that end a line of text; every other element is read as part of the line around it.
_BLOCKS = frozenset(
    {
        *("address", "article", "blockquote", "body", "caption", "center", "dd", "div", "dl", "dt", "figcaption"),
        *("figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "html", "li", "main", "ol", "p", "pre", "section", "ul"),
    }
)
# Elements that are not the report's text: scripts, styles, the page head, forms, and the site's own furniture.
_SKIPPED = frozenset(
    {"head", "script", "style", "noscript", "template", "iframe", "object", "svg", "select", "button"}
    | {"nav", "aside", "footer"}
)
# Class and id words of a site's furniture around an article (Chinese government sites: dqwz = 当前位置).
_FURNITURE = re.compile(
    r"(?:^|[-_ ])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|foot|sidebar|share|dqwz|location|copyright)"
    r"(?:$|[-_ \d])",
    re.IGNORECASE,
)
_CLASS_WORD = re.compile(r"\S+")  # a class attribute is a list of words, split at any white space (as HTML does)
_SPACE_RUN = re.compile("[ \t\r\n\f]+")  # HTML's white space: a run of it is one space (no-break spaces are text)
# A line break in the source between two Chinese characters or marks is no space at all (CSS Text: segment breaks
# between East Asian wide characters are removed): Word's "save as web page" breaks long lines anywhere.
_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026]")
_END_LINE, _LEAVE_LINK = object(), object()  # events of the walk through a page, besides its nodes
_NOWHERE = Position(1, 1)  # a place never reported (``_Reader.room_for``)
_SEARCH = 4096  # how far past the cursor a text is looked for in the source
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")  # &#20840; &#x5168; &amp; &nbsp
_NUMERIC_REFERENCE = re.compile(r"&#(?:([0-9]+)|[xX]([0-9a-fA-F]+))")
_LONGEST_CODE_POINT = len(str(0x10FFFF))  # digits: a longer number is past Unicode, however many zeros lead it
# SGML's marked sections (<![INCLUDE[…]]>), which the standard library's parser still reads and raises on when the
# keyword is not one it knows; HTML has none of them: a browser reads "<![…>" as a comment (CDATA aside, which
# html.parser reads as a CDATA section, and Word's "<![if …]>", which it knows).
_MARKED_SECTION = re.compile(
    r"<!\[(?!(?:cdata|temp|ignore|include|rcdata|if|else|endif)(?![-_.a-z0-9]))", re.IGNORECASE
)
# Encoding sniffing (WHATWG: a label is letters, digits and a few marks, the longest 20-odd characters).
_XML_ENCODING = re.compile(rb"\s*<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z0-9._:-]{1,40})[\"']")
_META = re.compile(rb"<\s*meta\b", re.IGNORECASE)
_CHARSET = re.compile(rb"charset\s*=\s*[\"']?([A-Za-z0-9._:-]{1,40})(?=[\s/;'\">])", re.IGNORECASE)
_META_READ = 1024  # bytes of a <meta> tag looked through for its charset: a real one is under 200


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page names in its XML declaration or ``<meta charset>`` (or ``http-equiv`` Content-Type),
    lower-cased; None for none, or for a name that is no encoding label (a NUL in it, 10,000 characters of it).
    Looked for as far into the page as Beautiful Soup looked (the first 5 %, at least 2 KB), each tag read to at
    most ``_META_READ`` bytes: linear in the page, whatever it holds."""
    head = data[: max(2048, len(data) // 20)]
    xml = _XML_ENCODING.match(head, 0, 1024)
    if xml is not None:
        return xml.group(1).decode("ascii").lower()
    for meta in _META.finditer(head):
        end = head.find(b">", meta.end(), meta.end() + _META_READ)
        found = _CHARSET.search(head, meta.end(), end if end >= 0 else meta.end() + _META_READ)
        if found is not None:
            return found.group(1).decode("ascii").lower()
    return None


def parse(path: str, lines: tuple[str, ...], spec: Specification | None = None) -> Report:
    return assemble(read(path, lines), spec or default())


def read(path: str, lines: tuple[str, ...]) -> Document:
    """The page's blocks. Without the site's furniture; when that leaves nothing of a report (the page wraps its
    article in an element named like furniture, <div class="menu-content">), the assembler reads it all."""
    source = _parseable("\n".join(lines))
    refused = too_much_markup(source)
    if refused is not None:
        return _unreadable(path, lines, refused)
    try:
        page = page_tree(source)
    except TooNested:
        return _unreadable(path, lines, TOO_NESTED)
    except MarkupRejected as error:  # what _parseable does not foresee: the page's finding, not a crash
        return _unreadable(path, lines, _rejected(str(error)))
    comments = line_comments(lines, "<!--")
    title = _page_title(source, page)
    line_starts = [0, *accumulate(len(line) + 1 for line in source.split("\n"))]

    def everything() -> Document:
        document = _read(path, lines, _Reader(source, line_starts, page.holders, furniture=False), page.root)
        return document._replace(comments=comments, title=title)

    document = _read(path, lines, _Reader(source, line_starts, page.holders, furniture=True), page.root)
    return document._replace(comments=comments, title=title, wider=everything)


def _parseable(source: str) -> str:
    """The page with what the standard library's HTML parser cannot read safely written as it reads it, each in
    as many characters (so every position stays the page's): a numeric character reference that is no character
    (a surrogate, past U+10FFFF, or thousands of digits, which Python will not convert to an int) as
    ``&#x…FFFD``, the replacement character browsers show for it; a marked section as a comment (``<!?``)."""
    if "&#" in source:
        source = _NUMERIC_REFERENCE.sub(_replacement_reference, source)
    if "<![" in source:
        source = _MARKED_SECTION.sub("<!?", source)
    return source


def _replacement_reference(reference: re.Match[str]) -> str:
    decimal, hexadecimal = reference.groups()
    digits = (decimal or hexadecimal).lstrip("0")
    if decimal is not None:
        fits = len(digits) <= _LONGEST_CODE_POINT and int(digits or "0") <= 0x10FFFF
        value = int(digits or "0") if fits else None
    else:
        value = int(digits or "0", 16) if len(digits) <= 6 else None
    if value is not None and value <= 0x10FFFF and not 0xD800 <= value <= 0xDFFF:
        return reference.group()
    # "&#" and the digits become "&#x" and as many hex digits, FFFD last: the same length (a decimal reference of
    # a non-character has at least 5 digits, a hexadecimal one at least 4).
    return "&#x" + "FFFD".rjust(len(reference.group()) - 3, "0")


def _unreadable(path: str, lines: tuple[str, ...], finding: Finding) -> Document:
    return Document(path, "html", (), lines, findings=(finding,), unreadable=True)


def _rejected(reason: str) -> Finding:
    return Finding(
        "I001",
        Position(1, 1),
        Message(f"页面无法解析（{reason}），未检查", f"the page cannot be parsed ({reason}); not checked"),
    )


def _page_title(source: str, page: Page) -> Text | None:
    """The page's ``<title>``: a page whose text has no title line (北京's often have none) is titled by it, read as
    any title is (a site's name after it is not part of it)."""
    if page.title is None:
        return None
    written = " ".join(page.title[:MAX_TEXT].split())
    opening = source.find("<title")
    offset = source.find(">", opening) + 1 if opening >= 0 else 0
    offset += len(source[offset:]) - len(source[offset:].lstrip())
    line = source.count("\n", 0, offset) + 1
    column = offset - source.rfind("\n", 0, offset)
    return Text(written, Position(line, column))


def _read(path: str, lines: tuple[str, ...], reader: _Reader, root: Element) -> Document:
    """The page's blocks, with the I004 findings for the limits (``sources.limits``) reading it reached."""
    reader.walk(root)
    reader.end_line()
    blocks = tuple(block(pieces, Shape.MERGED) for pieces in reader.blocks if any(piece.text for piece in pieces))
    return Document(path, "html", blocks, lines, findings=reader.budget.findings())


class _Gathering:
    """Text being gathered for one line or cell, and where its characters are in the page source: spans of
    characters written one after another, ``(length, offset)`` in order (how ``gather`` finds them: runs of plain
    text, each character reference one character), so that working out the text's runs costs its spans and its
    runs of white space, not a step for each character."""

    __slots__ = ("length", "parts", "spans")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.length = 0  # the characters gathered

    def add(self, text: str, spans: Iterable[tuple[int, int]]) -> None:
        self.parts.append(text)
        self.spans.extend(spans)
        self.length += len(text)

    def text(self, at: Callable[[int], Position]) -> Text | None:
        """The text as a browser shows it (white space collapsed, none where a line break splits Chinese text),
        with a run for every place where it stops following the source character by character; None for none."""
        chars = "".join(self.parts)
        if len(self.spans) == 1 and chars and _SPACE_RUN.search(chars) is None:  # most cells: one plain text
            pos = at(self.spans[0][1])
            return Text(chars, pos, ((0, pos),))
        runs = _Runs(self.spans)
        kept: list[str] = []
        end = 0  # of the last run of white space
        for space in _SPACE_RUN.finditer(chars):
            i, j = space.span()
            if end < i:
                kept.append(chars[end:i])
                runs.follow(end, i)
            # A run of white space is one space, none at either end nor where a line break splits Chinese text.
            if runs.kept and j < len(chars) and not ("\n" in space.group() and _is_wide(chars[i - 1] + chars[j])):
                kept.append(" ")
                runs.follow(i, i + 1)
            end = j
        if end < len(chars):
            kept.append(chars[end:])
            runs.follow(end, len(chars))
        if not runs.kept:
            return None
        placed = tuple((index, at(offset)) for index, offset in runs.starts)
        return Text("".join(kept), placed[0][1], placed)


class _Runs:
    """The runs of a gathered text's kept characters: where each starts in the text kept and in the source."""

    __slots__ = ("index", "kept", "last", "span_start", "spans", "starts")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.index = 0  # the span reached, and where it starts in the text gathered
        self.span_start = 0
        self.kept = 0  # characters kept so far
        self.last = -2  # the source offset of the last one (none yet: no offset follows it)
        self.starts: list[tuple[int, int]] = []  # (index kept, source offset) where a run starts

    def follow(self, start: int, end: int) -> None:
        """Keep the characters ``start``–``end`` of the text gathered (each after the last one kept)."""
        while start < end:
            while self.span_start + self.spans[self.index][0] <= start:
                self.span_start += self.spans[self.index][0]
                self.index += 1
            length, offset = self.spans[self.index]
            stop = min(end, self.span_start + length)
            offset += start - self.span_start
            if offset != self.last + 1 or not self.kept:
                self.starts.append((self.kept, offset))
            self.kept += stop - start
            self.last = offset + stop - start - 1
            start = stop


class _Reader:
    """Walks the page in reading order, turning elements into blocks."""

    def __init__(self, source: str, line_starts: list[int], holders: set[Element], *, furniture: bool) -> None:
        self.source = source
        self.furniture = furniture  # whether to leave out what is named like the site's furniture
        self.line_starts = line_starts  # where each line of the source starts
        self.holders = holders  # the tables that hold another table
        self.cursor = 0  # the source offset reading has reached: every text is found at or after it
        self.blocks: list[tuple[Text, ...]] = []  # a paragraph's one piece, or a row's piece per grid cell
        self.line = _Gathering()  # the paragraph being read
        self.linked = True  # whether every text of it so far is a link's: then it is a menu or a link list
        self.budget = Budget()
        self.stopped = False  # the limit on paragraphs is reached: the rest of the page is not read

    # --- structure ---------------------------------------------------------------------------------------------

    def walk(self, root: Element) -> None:
        """Read everything under ``root`` in document order. A loop, not recursion: pages nest thousands deep."""
        stack: list[object] = list(reversed(root.contents))
        links = 0  # how many <a> the walk is inside
        while stack and not self.stopped:
            node = stack.pop()
            if node is _END_LINE:
                self.end_line()
            elif node is _LEAVE_LINK:
                links -= 1
            elif isinstance(node, str):
                self.gather(node, self.line)
                self.linked = self.linked and (links > 0 or not node.strip())
            elif (
                isinstance(node, Element) and node.name not in _SKIPPED and not (self.furniture and _is_furniture(node))
            ):
                self.reach(node)
                if node.name == "br":
                    self.end_line()
                elif node.name == "table":
                    self.end_line()
                    if self.is_layout(node):  # its cells are blocks of the page, each ending a line
                        for cell in reversed([cell for row in _rows(node) for cell in _cells(row)]):
                            stack.append(_END_LINE)
                            stack.extend(reversed(cell.contents))
                    else:
                        self.table(node)
                elif node.name in _BLOCKS:
                    self.end_line()
                    stack.append(_END_LINE)
                    stack.extend(reversed(node.contents))
                else:
                    if node.name == "a":
                        links += 1
                        stack.append(_LEAVE_LINK)
                    stack.extend(reversed(node.contents))

    def is_layout(self, table: Element) -> bool:
        """Whether a table lays the page out (it holds another table, or is one cell) rather than being a table."""
        if table in self.holders:
            return True
        rows = list(_rows(table))
        return len(rows) == 1 and len(list(_cells(rows[0]))) == 1

    def end_line(self) -> None:
        # A line of nothing, or of links alone (a menu), is not read: its text need not be worked out.
        piece = self.line.text(self.at) if self.line.length and not self.linked else None
        if piece is not None:
            if self.budget.take_paragraph(piece.pos):
                self.blocks.append((piece._replace(text=self.budget.clip(piece.text, piece.pos)),))
            else:
                self.stopped = True
        self.line = _Gathering()
        self.linked = True

    def table(self, table: Element) -> None:
        """A table's rows as lines of the official grid: a merged cell written once, the cells it covers empty."""
        if not self.budget.take_table(self.tag_at(table)):
            return
        rows = list(_rows(table))
        if len(rows) > MAX_ROWS:
            self.budget.exceed("rows", self.tag_at(rows[MAX_ROWS]))
            rows = rows[:MAX_ROWS]
        grid = self.lay_out(rows)
        # A row ends where its last cell (or a cell merged down into it) does: a row with a cell left out is
        # shorter than the grid, as in a text copy, and that is a finding (T003), not an empty cell.
        ends: dict[int, int] = {}
        for r, c in grid:
            ends[r] = max(ends.get(r, 0), c + 1)
        for r in sorted(ends):
            found = [grid.get((r, c)) for c in range(ends[r])]
            if None in found:  # a grid cell no cell covers: empty, where the row's first cell is
                filler = next(piece.pos for piece in found if piece is not None)
                found = [Text("", filler) if piece is None else piece for piece in found]
            self.blocks.append(tuple(cast(list[Text], found)))

    def lay_out(self, rows: list[Element]) -> dict[tuple[int, int], Text]:
        """The grid of the rows' cells, by (row, column). Every span is capped, and the grid cells it makes
        counted, before the cell is laid out; past a limit on cells the table ends before the row that reached it."""
        grid: dict[tuple[int, int], Text] = {}
        cells = 0
        for r, row in enumerate(rows):
            c = 0
            for cell in _cells(row):
                while (r, c) in grid:
                    c += 1
                if c >= MAX_COLUMNS:
                    self.budget.exceed("columns", self.tag_at(cell))
                    break
                # (A cell without a span spans 1: that needs no look at the limits.)
                down = min(self.span(cell, "rowspan"), len(rows) - r) if "rowspan" in cell.attrs else 1
                across = min(self.span(cell, "colspan"), MAX_COLUMNS - c) if "colspan" in cell.attrs else 1
                if not self.room_for(cells, down * across, cell):
                    return {place: piece for place, piece in grid.items() if place[0] < r}
                cells += down * across
                piece = self.cell(cell)
                grid[(r, c)] = piece
                if down > 1 or across > 1:
                    for dr in range(down):
                        for dc in range(across):
                            if dr or dc:
                                grid[(r + dr, c + dc)] = Covered("", piece.pos)
                c += across
        return grid

    def room_for(self, cells: int, more: int, cell: Element) -> bool:
        """Whether a table of ``cells`` grid cells, and the page, have room for ``more`` (those of ``cell``)."""
        if cells + more > MAX_TABLE_CELLS:
            return self.budget.exceed("table cells", self.tag_at(cell))
        # Where the cell is only goes into the finding of a page past its limit: worked out only then.
        return self.budget.take_cells(more, self.tag_at(cell) if self.budget.cells + more > MAX_CELLS else _NOWHERE)

    def cell(self, cell: Element) -> Text:
        self.reach(cell)
        contents = cell.contents
        plain = self.plain_cell(contents[0]) if len(contents) == 1 and isinstance(contents[0], str) else None
        if plain is not None:
            return plain
        text = _Gathering()
        for string in _strings(cell):
            self.gather(string, text)
        piece = text.text(self.at)
        if piece is None:  # an empty cell is where its tag ends (gathering white space does not move the cursor)
            return Text("", self.at(self.cursor))
        clipped = self.budget.clip(piece.text, piece.pos)
        return piece if len(clipped) == len(piece.text) else piece._replace(text=clipped)

    def plain_cell(self, raw: str) -> Text | None:
        """A cell of one text as written right after its tag (most cells: "0", "行政规范性文件"), read as ``gather``
        and ``_Gathering.text`` would read it, in a few steps; None for any other, which they read."""
        if "&" in raw or _SPACE_RUN.search(raw) is not None or not raw.strip() or len(raw) > self.budget.room():
            return None
        start = self._past_markup(self.cursor)
        if not self.source.startswith(raw, start):
            return None
        self.cursor = start + len(raw)
        pos = self.at(start)
        clipped = self.budget.clip(raw, pos)
        return Text(clipped, pos, ((0, pos),))

    def span(self, cell: Element, attribute: str) -> int:
        """A cell's ``rowspan`` or ``colspan``, at least 1, at most MAX_SPAN (its digits read whatever their count)."""
        span = bounded_int(cell.attrs.get(attribute), 1, MAX_SPAN + 1)
        if span > MAX_SPAN:
            self.budget.exceed("span", self.tag_at(cell))
        return min(max(span, 1), MAX_SPAN)

    # --- positions ---------------------------------------------------------------------------------------------

    def gather(self, raw: str, text: _Gathering) -> None:
        """Add a text node to ``text`` with the source offset of each of its characters: found in the source
        after the cursor, character references (&nbsp;, &amp;, &#20840;) followed to what they stand for."""
        room = self.budget.room() - text.length
        if len(raw) > room:  # past the limit of one line or cell: the rest is not read (nor searched for)
            self.budget.overflow(self.at(self.cursor))
            raw = raw[: max(room, 0)]
        stripped = raw.strip()
        if not stripped:
            text.add(raw, ((len(raw), self.cursor),))
            return
        # Most texts start right after the markup at the cursor (the tag they are in, the one before them).
        placed = _aligned(self.source, self._past_markup(self.cursor), raw)
        if placed is None:  # the others are looked for near it; if not found as written, placed approximately
            lead = len(raw) - len(raw.lstrip())
            found = self._find(stripped)
            rest = _aligned(self.source, found, raw[lead:])
            spans, end = rest if rest is not None else ([(len(raw) - lead, found)], found + 1)
            placed = ([(lead, found - lead), *spans], end)
        spans, self.cursor = placed
        text.add(raw, spans)

    def _past_markup(self, offset: int) -> int:
        """The offset after the tags and comments that start at ``offset``."""
        while self.source.startswith("<", offset):
            end = "-->" if self.source.startswith("<!--", offset) else ">"
            close = self.source.find(end, offset)
            if close < 0:
                break
            offset = close + len(end)
        return offset

    def _find(self, stripped: str) -> int:
        """Where a text that does not follow the markup at the cursor is written: its first characters, searched
        for near the cursor (looking further would make a page of many unfindable texts quadratic)."""
        window = self.cursor + _SEARCH + 8 * len(stripped)
        found = self.source.find(stripped[: min(len(stripped), 4)], self.cursor, window)
        if found < 0:
            found = self.source.find(stripped[0], self.cursor, window)
        return found if found >= 0 else self.cursor

    def reach(self, tag: Element) -> None:
        """Move past the start tag of ``tag``: its text comes after it."""
        start = self.line_starts[tag.sourceline - 1] + tag.sourcepos
        end = self.source.find(">", start)
        self.cursor = max(self.cursor, end + 1 if end >= 0 else start)

    def tag_at(self, tag: Element) -> Position:
        """Where ``tag`` starts in the source."""
        return self.at(self.line_starts[tag.sourceline - 1] + tag.sourcepos)

    def at(self, offset: int) -> Position:
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return Position(line + 1, offset - self.line_starts[line] + 1)


def _aligned(source: str, start: int, text: str) -> tuple[list[tuple[int, int]], int] | None:
    """Where the characters of ``text`` are as written from ``start`` (spans, as ``_Gathering`` keeps them), and the
    offset after it; None if it is not written there. A character reference stands for what it decodes to (its
    characters all placed at the ``&``), as the HTML parser read it; the text between references is compared in one
    step."""
    spans: list[tuple[int, int]] = []
    at = start
    done = 0  # characters of the text placed
    while done < len(text):
        amp = source.find("&", at, at + len(text) - done)  # references only make the source longer than the text
        plain = len(text) - done if amp < 0 else amp - at
        if not source.startswith(text[done : done + plain], at):
            return None
        if plain:
            spans.append((plain, at))
        at += plain
        done += plain
        if amp < 0:
            break
        reference = _REFERENCE.match(source, at)
        meant = html.unescape(reference.group()) if reference else ""
        if reference and meant != reference.group() and text.startswith(meant, done):
            spans.extend([(1, at)] * len(meant))
            done += len(meant)
            at += len(reference.group())
        elif text[done] == "&":
            spans.append((1, at))
            done += 1
            at += 1
        else:
            return None
    return spans, at


def _is_wide(pair: str) -> bool:
    return all(_WIDE.fullmatch(char) for char in pair)


def _is_furniture(tag: Element) -> bool:
    """Whether one of the element's class words, or its id, names the site's furniture."""
    words = [*_CLASS_WORD.findall(tag.attrs.get("class", "")), tag.attrs.get("id")]
    return any(word and _FURNITURE.search(word) for word in words)


def _rows(table: Element) -> Iterator[Element]:
    """The table's own rows (directly in it, or in its thead, tbody and tfoot), not those of tables inside it."""
    for child in table.contents:
        if isinstance(child, Element) and child.name == "tr":
            yield child
        elif isinstance(child, Element) and child.name in ("thead", "tbody", "tfoot"):
            yield from (row for row in child.contents if isinstance(row, Element) and row.name == "tr")


def _cells(row: Element) -> Iterator[Element]:
    """The row's own cells."""
    return (cell for cell in row.contents if isinstance(cell, Element) and cell.name in ("td", "th"))


def _strings(element: Element) -> Iterator[str]:
    """The text of an element in order, without scripts and styles (a loop: cells nest deep too); comments are
    no text of the tree."""
    stack: list[Element | str] = list(reversed(element.contents))
    while stack:
        node = stack.pop()
        if isinstance(node, Element):
            if node.name not in _SKIPPED:
                stack.extend(reversed(node.contents))
        else:
            yield node
