"""A page's element tree, built from the standard library's HTML parser as Beautiful Soup's ``html.parser`` builder
built it, and no more than the page reader (``sources.html``) walks.

Beautiful Soup cost a third of a one-page run to import (it brings soupsieve, which compiles ~110 patterns,
charset_normalizer and logging) and ~20 µs a tag to link each node to its neighbours, none of which the reader
uses. What it did with html.parser's events is kept exactly, since every block and position read from a page
depends on it:

- the parser runs with ``convert_charrefs=False``, and character references are converted here as Beautiful Soup
  converted them (a numeric one past Unicode or a surrogate is U+FFFD, one in 0x80–0x9F is its Windows-1252
  character, a named one is looked up without its ";", an unknown one is its "&" and name, the ";" lost), so that
  text is split into the same strings;
- a start tag opens an element (its attributes a dict, the last of a repeated one kept, a valueless one ""; its
  line and column at its ``<``); a void element (``VOID``) and a self-closing ``<x/>`` are closed at once, and
  each void element so closed (``<br>``, not ``<br/>``) makes one later end tag of its name nothing at all;
- an end tag closes the nearest open element of its name and everything opened inside it, and is ignored when none
  is open (but still ends the text before it);
- the text between two events is one string; text of nothing but ASCII white space is one space, or one line
  break if it has one, except inside ``<pre>`` and ``<textarea>``;
- comments, the doctype, processing instructions, declarations and CDATA sections are no text of the page (they
  were Beautiful Soup's ``PreformattedString``\\ s, which the reader skipped); a CDATA section still counts in the
  ``<title>``'s text, as Beautiful Soup's ``get_text`` counted it, and text inside ``<script>``, ``<style>``,
  ``<template>``, ``<rt>`` and ``<rp>`` does not.

The tree is built in one pass with a stack of the open elements: no recursion, each event constant work. The
tables that hold a table are noted on the way (``Page.holders``: the reader takes them for the page's layout).

html.parser's own loop costs ~5 µs a tag in Python (three patterns and a loop over the attributes for each start
tag, line counting at every step): most of a big page's time. So the events come from a loop of this module's
(``_Builder._scan``) that takes html.parser's steps in its order, on its patterns, but reads a text and the plain
tag after it in one match and counts lines only where an element starts; whatever else it meets it hands to
html.parser's own steps, and where html.parser's loop would stop it hands the rest to that loop. Its tree is
html.parser's (tests/test_html_tree.py builds both), on the Pythons whose html.parser it was written against
(``_FAST``); on others html.parser's loop reads the whole page.
"""

from __future__ import annotations

import re
from html import parser as _tokenizer
from html import unescape
from html.entities import html5
from html.parser import HTMLParser

# Elements without an end tag: closed as soon as they open (Beautiful Soup's HTMLTreeBuilder list).
VOID = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "menuitem", "meta"),
        *("param", "source", "track", "wbr", "basefont", "bgsound", "command", "frame", "image", "isindex"),
        *("nextid", "spacer"),
    }
)
_PRESERVE_WHITESPACE = frozenset({"pre", "textarea"})  # where a text of white space is kept as written
# Elements whose text Beautiful Soup held in strings of their own kind, which a <title>'s text leaves out.
_OWN_STRINGS = frozenset({"rt", "rp", "style", "script", "template"})
# The elements whose opening and closing change more than the stack of open elements.
_COUNTED = _PRESERVE_WHITESPACE | _OWN_STRINGS | {"title", "table"}
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"
_ROOT = "[document]"  # the root's name: no tag can have it (a tag name starts with a letter)


# --- the fast tokenizer (``_Builder._scan``) ------------------------------------------------------------------
# The tokenizer the fast one was written against (Python 3.11–3.13's, up to their 2025 rewrite of html.parser's tag
# and comment patterns): where the standard library's patterns differ, its own loop reads every page.
_PATTERNS = {
    "tagfind_tolerant": r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*",
    "attrfind_tolerant": (  # as html/parser.py writes it
        r'((?<=[\'"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*'
        r'(\'[^\']*\'|"[^"]*"|(?![\'"])[^>\s]*))?(?:\s|/(?!>))*'
    ),
    "endtagfind": r"</\s*([a-zA-Z][-.a-zA-Z0-9:_]*)\s*>",
    "interesting_normal": "[&<]",
    "starttagopen": "<[a-zA-Z]",
    "charref": "&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]",
    "entityref": "&([a-zA-Z][-.a-zA-Z0-9]*)[^a-zA-Z0-9]",
    "incomplete": "&[a-zA-Z#]",
}
_FAST = HTMLParser.CDATA_CONTENT_ELEMENTS == ("script", "style") and all(
    getattr(getattr(_tokenizer, name, None), "pattern", None) == pattern for name, pattern in _PATTERNS.items()
)


# html.parser's own patterns, for the steps of its loop that the fast one takes as it does.
_TEXT_END = re.compile(_PATTERNS["interesting_normal"]).search
_STARTTAGOPEN = re.compile(_PATTERNS["starttagopen"]).match
_CHARREF = re.compile(_PATTERNS["charref"]).match
_ENTITYREF = re.compile(_PATTERNS["entityref"]).match
_INCOMPLETE = re.compile(_PATTERNS["incomplete"]).match
# The text up to the next "<" or "&" (html.parser's ``interesting_normal``), then a start tag of plain attributes (its
# name, its attributes, its "/" for "<x/>") or an end tag (its name; html.parser's ``endtagfind``): html.parser hands
# on the text, then the tag, and for such a start tag its parse_starttag hands on the name lowered and each
# attribute's name lowered and value unquoted and unescaped, since its name and attribute patterns stop where these
# do (ASCII white space, "=", "/", ">"). Anything else (white space outside ASCII's, "=" or a quote where a name
# starts, "/" inside the tag, a tag cut off by the end of the page, a reference) does not match, and html.parser's
# own steps read it. Each part stops at a character the next cannot start with (a name at white space, "=", a
# quote; white space before a name or "="), so markup matches in one way only, and a tag that does not match is
# given up in a step for each of its characters.
_SPACE = r"[ \t\n\r\f]"  # ASCII white space: white space to every pattern of html.parser's


def _attribute(group: str) -> str:
    """The pattern of an attribute: white space, its name, and maybe "=" and a value, quoted or bare (not starting
    with a quote or "="); the name and each kind of value in a group (``group``: "(") or not ("(?:")."""
    value = rf""""{group}[^"]*)"|'{group}[^']*)'|{group}[^\s>'"=][^\s>]*)"""
    return rf"{_SPACE}+{group}[^\s/>='\"<]+)(?:{_SPACE}*={_SPACE}*(?:{value}))?"


_TOKEN = re.compile(
    rf"([^&<]*)(?:<([a-zA-Z][-.:\w]*)((?:{_attribute('(?:')})*){_SPACE}*(/?)>|{_PATTERNS['endtagfind']})"
).match
# One attribute of a start tag _TOKEN matched, at the start of its attributes or after another: its name, and its
# value quoted with "…", with '…', or bare (none of them for an attribute without a value).
_ATTRIBUTE = re.compile(_attribute("(")).match


class Element:
    """An element of the page: its name, attributes, children (elements and texts, in order) and where its start
    tag is (``sourceline`` 1-based, ``sourcepos`` 0-based, as html.parser's ``getpos()`` gives them)."""

    __slots__ = ("attrs", "contents", "name", "sourceline", "sourcepos")

    def __init__(self, name: str, attrs: dict[str, str], sourceline: int, sourcepos: int) -> None:
        self.name = name
        self.attrs = attrs
        self.contents: list[Element | str] = []
        self.sourceline = sourceline
        self.sourcepos = sourcepos

    def __repr__(self) -> str:
        return f"<{self.name} at {self.sourceline}:{self.sourcepos}, {len(self.contents)} children>"


class Page:
    """The page's tree under ``root``, the text of its first ``<title>`` (None for a page without one), and the
    ``<table>`` elements that hold another table (found while the tree is built: the reader takes them for tables
    that lay the page out, and a walk down the tree to find them would cost as much as building it)."""

    __slots__ = ("holders", "root", "title")

    def __init__(self, root: Element, title: str | None, holders: set[Element]) -> None:
        self.root = root
        self.title = title
        self.holders = holders


class MarkupRejected(Exception):
    """html.parser raised on the page (an assertion about markup it does not expect, say): the page cannot be read."""


# The sum, over a page's texts, of the elements open around each (sources/nesting.py says why it is bounded):
# about a second of Beautiful Soup's tree building; real report pages stay far below a million.
MAX_NESTING_COST = 10_000_000


class TooNested(Exception):
    """The page's texts lie deeper, all told, than the bound its reader set (``page_tree``'s ``max_nesting``)."""


def page_tree(source: str, max_nesting: int = MAX_NESTING_COST) -> Page:
    """The tree of ``source``. Raises ``TooNested`` once the sum, over the page's texts, of how many elements are
    open around each passes ``max_nesting`` (``sources.nesting``: counted while the tree is built, in its one pass
    over the page), and ``MarkupRejected`` for any error html.parser raises on it."""
    builder = _Builder(max_nesting)
    try:
        builder.feed(source)
        builder.close()
    except TooNested:
        raise
    # Whatever the standard library's parser raises on a page is that page's finding (I001), never a traceback:
    # it raises AssertionError on markup it does not expect, and a reference it cannot convert is a ValueError.
    except Exception as error:
        raise MarkupRejected(f"{type(error).__name__}: {error}") from error
    builder.end_data()
    return Page(builder.root, None if builder.title is None else "".join(builder.title), builder.holders)


class _Builder(HTMLParser):
    """Builds the tree from html.parser's events, as Beautiful Soup's ``BeautifulSoupHTMLParser`` and
    ``BeautifulSoup`` did (``handle_starttag``, ``handle_endtag``/``_popToTag``, ``endData``)."""

    def __init__(self, max_nesting: int) -> None:
        super().__init__(convert_charrefs=False)  # references are converted here, as Beautiful Soup converted them
        self.max_nesting = max_nesting
        self.nesting = 0  # the sum, over the texts so far, of the elements open around each
        self.root = Element(_ROOT, {}, 0, 0)  # no tag: no place in the source
        self.stack = [self.root]  # the open elements, the root first
        # Plain dicts, not Counters: a Counter's missing key runs Python code (__missing__), on most end tags.
        self.open: dict[str, int] = {}  # how many of each name are open
        self.preserving = 0  # how many <pre> and <textarea> are open
        self.own_strings = 0  # how many elements whose texts are not plain text are open
        self.closed_voids: dict[str, int] = {}  # void elements closed at once whose end tag may still come
        self.data: list[str] = []  # the text since the last event that ends one
        self.title: list[str] | None = None  # the first <title>'s text, once it has opened
        self.first_title: Element | None = None
        self.title_open = False  # whether the first <title> is open: every text is then inside it
        self.tables: list[Element] = []  # the open <table> elements, the innermost last
        self.holders: set[Element] = set()  # the tables a table has opened in

    # --- the tokenizer --------------------------------------------------------------------------------------------

    def goahead(self, end: bool) -> None:
        """html.parser's loop, after the fast one (``_scan``) has read what it reads as html.parser would; the
        standard library's reads the rest (close() hands it any construct left unfinished, as it always did)."""
        if not end and _FAST:
            self._scan()
        super().goahead(end)

    def _scan(self) -> None:
        """Read the page as html.parser's ``goahead`` does before ``close()``: the same steps in the same order, on
        its own patterns, but a text and the plain tag after it in one match (``_TOKEN``), where html.parser runs a
        search, then three patterns and a loop in Python for a start tag; and lines counted only where an element
        starts, not at every step (``updatepos``). It stops where that loop would stop (markup cut off by the end of
        the page, a reference it leaves for ``close()``), with ``rawdata`` and ``getpos()`` as that loop leaves them
        there: the standard library's loop then takes over, as if it had read the page so far itself."""
        rawdata = self.rawdata
        n = len(rawdata)
        i = 0
        line, line_start, counted = 1, 0, 0  # counted: where lines have been counted to
        while i < n:
            token = _TOKEN(rawdata, i) if self.cdata_elem is None else None
            if token is not None:
                at = token.end(1)  # where the text ends and the tag starts
                closing = token.group(5)
                if i < at:
                    # A whole text, which the tag after it ends at once (not the end tag of a void element closed
                    # already, which is nothing at all), need not be gathered first.
                    if self.data or (closing is not None and self.closed_voids.get(closing.lower())):
                        self.handle_data(rawdata[i:at])
                    else:
                        self.handle_data_ended(rawdata[i:at])
                if closing is None:
                    newlines = rawdata.count("\n", counted, at)
                    if newlines:
                        line += newlines
                        line_start = rawdata.rindex("\n", counted, at) + 1
                    counted = at
                    self._start_tag(token, line, at - line_start)
                else:
                    self.handle_endtag(closing.lower())
                i = token.end()
                continue
            found = _TEXT_END(rawdata, i) if self.cdata_elem is None else self.interesting.search(rawdata, i)
            if found is None and self.cdata_elem is not None:
                break  # a <script> or <style> not closed yet: html.parser waits for more
            at = n if found is None else found.start()
            if i < at:
                self.handle_data(rawdata[i:at])
            i = at
            if i == n:
                break
            newlines = rawdata.count("\n", counted, i)
            if newlines:
                line += newlines
                line_start = rawdata.rindex("\n", counted, i) + 1
            counted = i
            self.lineno, self.offset = line, i - line_start  # where the standard library's steps are
            k = self._markup(i) if rawdata[i] == "<" else self._reference(i)
            if k < 0:
                break
            i = k
        newlines = rawdata.count("\n", counted, i)
        if newlines:
            line += newlines
            line_start = rawdata.rindex("\n", counted, i) + 1
        self.lineno, self.offset = line, i - line_start
        self.rawdata = rawdata[i:]

    def _start_tag(self, tag: re.Match[str], line: int, column: int) -> None:
        """A start tag ``_TOKEN`` matched: what ``parse_starttag`` hands on for it."""
        name = tag.group(2).lower()
        attrs: dict[str, str] = {}
        written = tag.group(3)
        at = 0
        while at < len(written):
            attribute = _ATTRIBUTE(written, at)
            assert attribute is not None  # _TOKEN matched these attributes: each is one _ATTRIBUTE matches
            attribute_name, double, single, bare = attribute.groups()
            value = double or single or bare or ""
            attrs[attribute_name.lower()] = unescape(value) if "&" in value else value
            at = attribute.end()
        self.start(name, attrs, line, column)
        if tag.group(4):  # <x/>
            self.end(name)
        elif name in VOID:
            self.end(name)
            self.closed_voids[name] = self.closed_voids.get(name, 0) + 1
        elif name in self.CDATA_CONTENT_ELEMENTS:
            self.set_cdata_mode(name)

    def _markup(self, i: int) -> int:
        """``goahead``'s step at a "<" that the fast patterns do not read: the standard library's own."""
        rawdata = self.rawdata
        if _STARTTAGOPEN(rawdata, i):
            return self.parse_starttag(i)
        if rawdata.startswith("</", i):
            return self.parse_endtag(i)
        if rawdata.startswith("<!--", i):
            return self.parse_comment(i)
        if rawdata.startswith("<?", i):
            return self.parse_pi(i)
        if rawdata.startswith("<!", i):
            return self.parse_html_declaration(i)
        if i + 1 < len(rawdata):
            self.handle_data("<")
            return i + 1
        return -1

    def _reference(self, i: int) -> int:
        """``goahead``'s step at an "&" (-1 where it stops: what follows is for ``close()`` to read)."""
        rawdata = self.rawdata
        if rawdata.startswith("&#", i):
            match = _CHARREF(rawdata, i)
            if match is None:
                return -1  # html.parser's odd "&#" (its text, and an early stop): its own loop does it
            self.handle_charref(match.group()[2:-1])
            k = match.end()
            return k if rawdata.startswith(";", k - 1) else k - 1
        match = _ENTITYREF(rawdata, i)
        if match is not None:
            self.handle_entityref(match.group(1))
            k = match.end()
            return k if rawdata.startswith(";", k - 1) else k - 1
        if _INCOMPLETE(rawdata, i) or i + 1 >= len(rawdata):
            return -1
        self.handle_data("&")
        return i + 1

    # --- html.parser's events --------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        self.start(tag, {name: "" if value is None else value for name, value in attrs}, line, column)
        if tag in VOID:  # html.parser gives no end tag for it: closed now, and an end tag written for it ignored
            self.end(tag)
            self.closed_voids[tag] = self.closed_voids.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        self.start(tag, {name: "" if value is None else value for name, value in attrs}, line, column)
        self.end(tag)  # <x/>: opened and closed, whatever x is

    def handle_endtag(self, tag: str) -> None:
        voids = self.closed_voids.get(tag)
        if voids:  # the end tag of a void element already closed: nothing at all
            self.closed_voids[tag] = voids - 1
        else:
            self.end(tag)

    def handle_data(self, data: str) -> None:
        self.nesting += len(self.stack) - 1  # the open elements, not the root
        if self.nesting > self.max_nesting:
            raise TooNested
        self.data.append(data)

    def handle_data_ended(self, data: str) -> None:
        """``handle_data`` and ``end_data`` in one, for a text with nothing gathered before it."""
        self.nesting += len(self.stack) - 1
        if self.nesting > self.max_nesting:
            raise TooNested
        self.add_text(data)

    def handle_charref(self, name: str) -> None:
        self.data.append(_numeric_reference(name))

    def handle_entityref(self, name: str) -> None:
        # Named references are known by their names without the ";" (html.parser has taken it): the name as html5
        # lists it without one, else with one; an unknown name is written back as "&" and the name.
        character = html5.get(name) or html5.get(name + ";")
        self.data.append(character if character is not None else "&" + name)

    def handle_comment(self, data: str) -> None:
        self.end_data()  # ends the text before it; the comment itself is no text of the page

    def handle_decl(self, decl: str) -> None:
        self.end_data()

    def handle_pi(self, data: str) -> None:
        self.end_data()

    def unknown_decl(self, data: str) -> None:
        self.end_data()
        if data.upper().startswith("CDATA["):  # no text of the page, but part of a <title>'s text
            self.data.append(data[len("CDATA[") :])
            self.end_data(cdata=True)

    # --- the tree --------------------------------------------------------------------------------------------

    def start(self, tag: str, attrs: dict[str, str], line: int, column: int) -> None:
        if self.data:
            self.end_data()
        element = Element(tag, attrs, line, column)
        self.stack[-1].contents.append(element)
        self.stack.append(element)
        self.open[tag] = self.open.get(tag, 0) + 1
        if tag in _COUNTED:
            self.preserving += tag in _PRESERVE_WHITESPACE
            self.own_strings += tag in _OWN_STRINGS
            if tag == "title" and self.first_title is None:
                self.title, self.first_title, self.title_open = [], element, True
            elif tag == "table":
                if self.tables:
                    self.holders.add(self.tables[-1])
                self.tables.append(element)

    def end(self, tag: str) -> None:
        """Close the nearest open element named ``tag`` and everything opened inside it (none open: nothing)."""
        if self.data:
            self.end_data()
        if not self.open.get(tag):
            return
        while True:
            element = self.stack.pop()
            name = element.name
            self.open[name] -= 1
            if name in _COUNTED:
                self.preserving -= name in _PRESERVE_WHITESPACE
                self.own_strings -= name in _OWN_STRINGS
                if element is self.first_title:
                    self.title_open = False
                elif name == "table":
                    self.tables.pop()
            if name == tag:
                return

    def end_data(self, *, cdata: bool = False) -> None:
        """The text gathered since the last event, as one string of the current element."""
        if not self.data:
            return
        text = "".join(self.data)
        self.data = []
        self.add_text(text, cdata=cdata)

    def add_text(self, text: str, *, cdata: bool = False) -> None:
        """A text of the current element (a CDATA section's only of the title's)."""
        if not self.preserving and not text.strip(_ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        if not cdata:
            self.stack[-1].contents.append(text)
        if self.title_open and self.title is not None and (cdata or not self.own_strings):
            self.title.append(text)


def _numeric_reference(name: str) -> str:
    """The character a numeric reference stands for (``name``: its digits, "x" first for hexadecimal; html.parser
    hands on nothing else). Thousands of decimal digits are a ValueError, which the page's reader has replaced
    before parsing (``html._parseable``); here it would be the page's rejection, as any error of the parser."""
    value = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
    if value == 0 or value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        return "\ufffd"
    if 0x80 <= value <= 0x9F:  # a C1 control: the Windows-1252 character it was meant as (HTML's rule)
        try:
            return bytes((value,)).decode("cp1252")
        except UnicodeDecodeError:  # the five bytes Windows-1252 leaves undefined: the control itself
            return chr(value)
    return chr(value)
