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

The tree is built in one pass with a stack of the open elements: no recursion, each event constant work.
"""

from __future__ import annotations

from collections import Counter
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
_ASCII_SPACES = "\x20\x0a\x09\x0c\x0d"
_ROOT = "[document]"  # the root's name: no tag can have it (a tag name starts with a letter)


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
    """The page's tree under ``root``, and the text of its first ``<title>`` (None for a page without one)."""

    __slots__ = ("root", "title")

    def __init__(self, root: Element, title: str | None) -> None:
        self.root = root
        self.title = title


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
    return Page(builder.root, None if builder.title is None else "".join(builder.title))


class _Builder(HTMLParser):
    """Builds the tree from html.parser's events, as Beautiful Soup's ``BeautifulSoupHTMLParser`` and
    ``BeautifulSoup`` did (``handle_starttag``, ``handle_endtag``/``_popToTag``, ``endData``)."""

    def __init__(self, max_nesting: int) -> None:
        super().__init__(convert_charrefs=False)  # references are converted here, as Beautiful Soup converted them
        self.max_nesting = max_nesting
        self.nesting = 0  # the sum, over the texts so far, of the elements open around each
        self.root = Element(_ROOT, {}, 0, 0)  # no tag: no place in the source
        self.stack = [self.root]  # the open elements, the root first
        self.open: Counter[str] = Counter()  # how many of each name are open
        self.preserving = 0  # how many <pre> and <textarea> are open
        self.own_strings = 0  # how many elements whose texts are not plain text are open
        self.closed_voids: Counter[str] = Counter()  # void elements closed at once whose end tag may still come
        self.data: list[str] = []  # the text since the last event that ends one
        self.title: list[str] | None = None  # the first <title>'s text, once it has opened
        self.first_title: Element | None = None
        self.title_open = False  # whether the first <title> is open: every text is then inside it

    # --- html.parser's events --------------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs)
        if tag in VOID:  # html.parser gives no end tag for it: closed now, and an end tag written for it ignored
            self.end(tag)
            self.closed_voids[tag] += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.start(tag, attrs)  # <x/>: opened and closed, whatever x is
        self.end(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.closed_voids[tag]:  # the end tag of a void element already closed: nothing at all
            self.closed_voids[tag] -= 1
        else:
            self.end(tag)

    def handle_data(self, data: str) -> None:
        self.nesting += len(self.stack) - 1  # the open elements, not the root
        if self.nesting > self.max_nesting:
            raise TooNested
        self.data.append(data)

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

    def start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.end_data()
        line, column = self.getpos()
        element = Element(tag, {name: "" if value is None else value for name, value in attrs}, line, column)
        self.stack[-1].contents.append(element)
        self.stack.append(element)
        self.open[tag] += 1
        self.preserving += tag in _PRESERVE_WHITESPACE
        self.own_strings += tag in _OWN_STRINGS
        if tag == "title" and self.first_title is None:
            self.title, self.first_title, self.title_open = [], element, True

    def end(self, tag: str) -> None:
        """Close the nearest open element named ``tag`` and everything opened inside it (none open: nothing)."""
        self.end_data()
        if not self.open[tag]:
            return
        while True:
            element = self.stack.pop()
            self.open[element.name] -= 1
            self.preserving -= element.name in _PRESERVE_WHITESPACE
            self.own_strings -= element.name in _OWN_STRINGS
            if element is self.first_title:
                self.title_open = False
            if element.name == tag:
                return

    def end_data(self, *, cdata: bool = False) -> None:
        """The text gathered since the last event, as one string of the current element."""
        if not self.data:
            return
        text = "".join(self.data)
        self.data = []
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
