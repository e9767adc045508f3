"""The page tree (checks/sources/markup.py): what Beautiful Soup's html.parser builder built, without Beautiful Soup.

Every block and position read from a page depends on how the tree splits its text and nests its elements, so the
tree must be the one the reader was written (and its tests' expectations set) against. The rules are shown here one
by one on small pages, with no Beautiful Soup needed; where it is installed (the ``test`` extra), the tree of every
page the tests hold or make, and of generated pages of awkward markup, is checked against its tree node for node.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import subprocess
import sys
import warnings
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from bounded import bounded, linter
from hypothesis import given
from hypothesis import strategies as st

from checks.reading import decode
from checks.sources import html, markup
from checks.sources.markup import Element, MarkupRejected, page_tree
from tests.conftest import EXAMPLES, REAL_REPORTS, ROOT
from tests.documents import html_page, word_html_page
from tests.test_robustness import budget

Shape = tuple[Any, ...]
WITH_BEAUTIFUL_SOUP = importlib.util.find_spec("bs4") is not None


def shape(source: str) -> list[Shape | str]:
    """The root's children as (name, *children) tuples and texts: small pages only (this recurses)."""

    def of(node: Element | str) -> Shape | str:
        return node if isinstance(node, str) else (node.name, *(of(child) for child in node.contents))

    return [of(child) for child in page_tree(source).root.contents]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # A void element is closed at once; the first end tag written for it is nothing at all, not even the end
        # of a text.
        ("<p>a<br>b</br>c</p>", [("p", "a", ("br",), "bc")]),
        # An end tag of no open element is ignored, but ends the text before it.
        ("<p>a</x>b</p>", [("p", "a", "b")]),
        # An end tag closes everything opened inside the element it names.
        ("<div><span><b>x</div>y", [("div", ("span", ("b", "x"))), "y"]),
        ("<td>a<p>b</td>c", [("td", "a", ("p", "b")), "c"]),
        # <x/> is opened and closed, whatever x is; a later </br> is then an end tag of no open element.
        ("<div/>x<br/>y</br>z", [("div",), "x", ("br",), "y", "z"]),
        # White space alone is one space, or one line break if it has one, except inside <pre> and <textarea>.
        ("<p> \t </p><p> \n </p><pre> \n <b> </b></pre>", [("p", " "), ("p", "\n"), ("pre", " \n ", ("b", " "))]),
        ("<p>\u3000</p><p>\xa0</p>", [("p", "\u3000"), ("p", "\xa0")]),  # not ASCII white space: text
        # Character references: past Unicode, NUL and surrogates are U+FFFD, 0x80–0x9F the Windows-1252 characters
        # meant, a named one known without its ";", an unknown one its "&" and name (the ";" lost).
        ("<p>&#128;&#x9D;&#0;&#xD800;&#1114112;&#20840;</p>", [("p", "€\x9d\ufffd\ufffd\ufffd全")]),
        ("<p>&nbsp&amp;&AMP&foo;&not;it&#65;</p>", [("p", "\xa0&&&foo¬itA")]),
        # Comments, the doctype, processing instructions and CDATA are no text of the page, but end the one before.
        ("<!DOCTYPE html><p>a<!-- c -->b<?pi?>c<![CDATA[d]]>e</p>", [("p", "a", "b", "c", "e")]),
    ],
)
def test_the_tree_nests_and_splits_as_beautiful_soup_did(source: str, expected: list[Shape | str]) -> None:
    assert shape(source) == expected
    if WITH_BEAUTIFUL_SOUP:
        assert_same_tree(source)


def test_attributes_and_where_each_element_starts() -> None:
    root = page_tree('<html>\n  <td class=" a\tb " rowspan=1 rowspan="2" nowrap>\n<p>x</p>').root
    html_element = root.contents[0]
    assert isinstance(html_element, Element)
    cell = html_element.contents[1]
    assert isinstance(cell, Element) and cell.name == "td"
    # The last of a repeated attribute, "" for one without a value; a class as written (the reader splits it).
    assert cell.attrs == {"class": " a\tb ", "rowspan": "2", "nowrap": ""}
    assert (cell.sourceline, cell.sourcepos) == (2, 2)  # html.parser's getpos(): line from 1, column from 0
    paragraph = cell.contents[1]
    assert isinstance(paragraph, Element) and (paragraph.sourceline, paragraph.sourcepos) == (3, 0)


def test_the_title_is_the_first_titles_text() -> None:
    assert page_tree("<p>x</p>").title is None
    assert page_tree("<head><title> 报告 </title><title>二</title></head>").title == " 报告 "
    assert page_tree("<title>报告<b>全文</b></title>").title == "报告全文"
    if WITH_BEAUTIFUL_SOUP:  # its get_text(): CDATA counts, a script's or a ruby annotation's text does not
        assert_same_tree("<title>a<!--c-->b<![CDATA[ c ]]><script>s</script><rt>r</rt><title>d</title>e</title>f")


def test_a_class_word_names_furniture_wherever_the_class_is_split() -> None:
    # Any white space separates the words of a class (a tab, a full-width space): "menu" is a word of each.
    for words in ("menu", "x\tmenu", "\u3000menu\u3000", "a menu b"):
        page = f'<div class="{words}"><p>站点菜单文字</p></div><p>正文</p>'
        assert [block.pieces[0].text for block in html.read("p.html", (page,)).blocks] == ["正文"], words


def test_a_page_nested_a_hundred_thousand_deep_is_built_without_recursion() -> None:
    node: Element | str = page_tree("<div>" * 100_000 + "x").root
    depth = 0
    while isinstance(node, Element):
        node, depth = node.contents[0], depth + 1
    assert (node, depth) == ("x", 100_001)


def test_whatever_html_parser_raises_is_the_pages_finding(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(self: HTMLParser, end: bool) -> None:
        raise AssertionError("unexpected markup")

    monkeypatch.setattr(HTMLParser, "goahead", refuse)
    with pytest.raises(MarkupRejected, match="AssertionError: unexpected markup"):
        page_tree("<p>x</p>")
    document = html.read("p.html", ("<p>x</p>",))
    assert document.unreadable and [finding.rule for finding in document.findings] == ["I001"]
    assert "unexpected markup" in document.findings[0].message.en


def test_markup_html_parser_raises_on_is_rejected_not_raised() -> None:
    # A marked section of a keyword SGML does not know: an AssertionError from the standard library's parser (the
    # reader writes these as comments before parsing: html._parseable).
    with contextlib.suppress(MarkupRejected):
        page_tree("<p>x<![foo[x]]></p>")


def test_reading_a_page_imports_no_beautiful_soup() -> None:
    code = "import sys; from checks.sources import html; html.read('p.html', ('<p>x</p>',)); print(sorted(sys.modules))"
    ran = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "'bs4'" not in ran.stdout and "'checks.sources.markup'" in ran.stdout


# --- against Beautiful Soup, where it is installed ------------------------------------------------------------------

_WORD = re.compile(r"\S+")


def _events(root: Any, element: type, text: Any, words: dict[str, set[str]]) -> list[tuple[Any, ...]]:
    """The tree in document order: ("start", name, attributes, line, column), ("text", string) and ("end",); the
    attributes that Beautiful Soup splits into words (``words``: by element, "*" for all) as tuples of words."""
    events: list[tuple[Any, ...]] = []
    stack: list[Any] = list(reversed(root.contents))
    while stack:
        node = stack.pop()
        if node is None:
            events.append(("end",))
        elif isinstance(node, element):
            split = words.get("*", set()) | words.get(node.name, set())
            attributes = {
                name: tuple(value if isinstance(value, list) else _WORD.findall(value)) if name in split else value
                for name, value in node.attrs.items()
            }
            events.append(("start", node.name, attributes, node.sourceline, node.sourcepos))
            stack.append(None)
            stack.extend(reversed(node.contents))
        elif text(node):
            events.append(("text", str(node)))
    return events


def assert_same_tree(source: str) -> None:
    """The tree of ``source`` is Beautiful Soup's (skipped where it is not installed)."""
    bs4 = pytest.importorskip("bs4")
    from bs4.builder import HTMLTreeBuilder
    from bs4.element import NavigableString, PreformattedString, Tag

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # it warns of markup that looks like a file name or XML
        try:
            soup = bs4.BeautifulSoup(source, "html.parser")
        except bs4.ParserRejectedMarkup:
            with pytest.raises(MarkupRejected):
                page_tree(source)
            return
    page = page_tree(source)

    def soup_text(node: Any) -> bool:
        return isinstance(node, NavigableString) and not isinstance(node, PreformattedString)

    words = HTMLTreeBuilder.DEFAULT_CDATA_LIST_ATTRIBUTES
    ours = _events(page.root, Element, lambda node: isinstance(node, str), words)
    assert ours == _events(soup, Tag, soup_text, words)
    assert page.title == (soup.title.get_text() if soup.title is not None else None)


def _pages() -> list[tuple[str, str]]:
    texts = [EXAMPLES / "clean.txt", EXAMPLES / "faulty.txt", *sorted(REAL_REPORTS.glob("*.txt"))]
    pages: list[tuple[str, str]] = []
    for path in texts:
        text = path.read_text(encoding="utf-8")
        pages += [(f"{path.name}: site", html_page(text, site=True)), (f"{path.name}: plain", html_page(text))]
        pages.append((f"{path.name}: Word", word_html_page(text).decode("gbk")))
    for path in sorted(REAL_REPORTS.glob("*.htm*")):
        data = path.read_bytes()
        lines = decode(data, declared=html.declared_encoding(data)).lines
        assert lines is not None
        pages.append((path.name, "\n".join(lines)))
    return pages


@pytest.mark.parametrize(("name", "source"), _pages(), ids=[name for name, _ in _pages()])
def test_the_tests_pages_have_beautiful_soups_tree(name: str, source: str) -> None:
    assert_same_tree(source)


_NAMES = ["p", "div", "br", "td", "tr", "table", "tbody", "pre", "textarea", "title", "script", "style", "template"]
_NAMES += ["rt", "span", "a", "img", "meta", "hr", "o:p", "P", "Br", "nav"]
_ATTRIBUTES = ['class="a b"', "class='nav\tmenu'", "class", 'class=""', 'id="foo bar"', 'class="a" class="b"']
_ATTRIBUTES += ["rowspan=2", 'colspan="3"', "rowspan", "x=&amp;y", 'title="&#65;&#x80;"', "a=1 a=2 a"]
_TEXTS = ["文字", "abc", " ", "\n", "  \n  ", "\t", "\x0c", "\r", "\u3000", "\xa0", "x\ny"]
_TEXTS += ["&amp;", "&nbsp;", "&nbsp", "&foo;", "&foo", "&#65;", "&#x41;", "&#0;", "&#128;", "&#x81;", "&#xD800;"]
_TEXTS += ["&#1114112;", "&#65", "&#x41g", "&#", "&", "& ", "&a", "&not", "&notit;", "&AMP;", "<", "< ", ">", "</>"]
_TEXTS += ["</ p>", "<!---->", "<!-- c -->", "<!--", "<!DOCTYPE html>", "<!x>", "<![CDATA[cd]]>", "<![CDATA[ ]]>"]
_TEXTS += ["<![CDATA[", "<?php x ?>", "<![if !x]>", "<![endif]>", "<![foo[x]]>", "]]>", "-->", "<a", "</a", "<p/"]
_TEXTS += ["<br/>", "<div/>", "<title/>", "</br>", "</p >", "</P>", "</x y>", "<p\n class=a>", "</script>", "</title>"]
_TAGS = st.builds(
    lambda name, attributes, end: f"<{name}{''.join(' ' + a for a in attributes)}{end}",
    st.sampled_from(_NAMES),
    st.lists(st.sampled_from(_ATTRIBUTES), max_size=3),
    st.sampled_from([">", "/>", " />"]),
)
_MARKUP = st.one_of(st.sampled_from(_TEXTS), _TAGS, st.sampled_from(_NAMES).map(lambda name: f"</{name}>"))


@budget(3)
@given(st.lists(_MARKUP, max_size=60).map("".join))
def test_awkward_markup_has_beautiful_soups_tree(source: str) -> None:
    assert_same_tree(source)


# --- the fast tokenizer (markup._Builder._scan) against the standard library's loop ------------------------------

# Markup at the edges of what the fast patterns read: white space outside ASCII's, "=" and quotes where a name or a
# value starts, "/" inside a tag, bare values with "/", tags cut off, references inside attribute values.
_EDGES = ["<a href=/x/>", "<a x=a/>", "<a x==1>", "<a x= =1>", '<a x="1"y=2>', '<a x="1"/y>', "<a\vb>", "<a\u3000b=1>"]
_EDGES += ['<img src="x"\u3000alt="">', '<a title="x>y">', '<p class="a\nb"\n>', "<a x= >", "<a x='1'>", "<a b c d>"]
_EDGES += ['<a x="&amp;&lt;">', "<A HREF=X>", "<a x=1\v>", '<td rowspan="2"colspan=3>', "<br  />", "<br/ >", "<a/b>"]
_EDGES += ["</a b>", "</ a>", "</a\n>", "<SCRIPT>x</Script>", "<style>a<b</style >", "<script>a</scriptx>b</script>"]
_EDGES += ['<p x="unclosed>', "<p x='unclosed>", "<p =x>", "<<p>", "<p<b>", "&#x41;", "&#", "&#;", "&am;p", "&1"]
_EDGES += ["<table>", "</table>", "<td>", "<title>", "</title>", "<pre>", "</pre>", "<br>", "</br>", "<img>", "</img>"]


def _built(source: str) -> tuple[Any, ...]:
    try:
        page = page_tree(source)
    except (MarkupRejected, markup.TooNested) as error:
        return (type(error).__name__, str(error))
    ours = _events(page.root, Element, lambda node: isinstance(node, str), {})
    holders = sorted((table.sourceline, table.sourcepos) for table in page.holders)
    return ours, page.title, holders


def assert_fast_tree_is_html_parsers(source: str) -> None:
    """The tree built with the fast tokenizer is the one built by html.parser's own loop alone."""
    fast = _built(source)
    markup._FAST = False
    try:
        slow = _built(source)
    finally:
        markup._FAST = True
    assert fast == slow


@pytest.mark.skipif(not markup._FAST, reason="this Python's html.parser is not the one the fast tokenizer mirrors")
@pytest.mark.parametrize(("name", "source"), _pages(), ids=[name for name, _ in _pages()])
def test_the_fast_tokenizer_builds_html_parsers_tree_of_the_tests_pages(name: str, source: str) -> None:
    assert_fast_tree_is_html_parsers(source)


@pytest.mark.skipif(not markup._FAST, reason="this Python's html.parser is not the one the fast tokenizer mirrors")
@budget(3)
@given(st.lists(st.one_of(_MARKUP, st.sampled_from(_EDGES)), max_size=60).map("".join))
def test_the_fast_tokenizer_builds_html_parsers_tree_of_awkward_markup(source: str) -> None:
    assert_fast_tree_is_html_parsers(source)


def test_a_void_elements_end_tag_does_not_end_the_text_before_it() -> None:
    # The fast tokenizer ends a text at the tag after it at once, except at this end tag, which is nothing at all.
    assert shape("<p><br>a</br>b<img>c</IMG>d</p>") == [("p", ("br",), "ab", ("img",), "cd")]


def test_the_tables_that_hold_a_table_are_found_while_the_tree_is_built() -> None:
    page = page_tree("<table><tr><td><div><table><tr><td>x</table></div></td></tr></table><table><td>y</table>")
    outer = page.root.contents[0]
    assert isinstance(outer, Element) and page.holders == {outer}


@pytest.mark.parametrize(
    "source",
    ["<p>x</p><a" + " b" * 200_000, "<p>x</p><a b=" + "/" * 2_000_000, "<p>x</p><a" + " " * 2_000_000 + "b"],
    ids=["attributes", "a bare value", "white space"],
)
def test_a_tag_the_fast_patterns_give_up_on_is_read_within_the_bounds(tmp_path: Path, source: str) -> None:
    # Each gives the fast patterns megabytes to match before they fail (one match more would make it quadratic);
    # then html.parser reads it.
    path = tmp_path / "page.html"
    path.write_text(source, encoding="utf-8")
    outcome = bounded(linter("check", path))
    assert outcome.problems() == [], outcome.stderr[-2000:]
