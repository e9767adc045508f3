"""A bound on what reading a page costs, checked before Beautiful Soup builds its tree.

Beautiful Soup links each text it parses up through every element around it, so building a tree costs the sum,
over the page's texts, of how deep each lies. A page of a few thousand unclosed tags with thousands of texts inside
(a broken or hostile page; real report pages stay far below a million) would take hours, so it is measured first
with the standard library's tokenizer — the one Beautiful Soup's html.parser builder uses, nesting as it nests —
and refused as I004 past the bound.
"""

from __future__ import annotations

from collections import Counter
from html.parser import HTMLParser

from bs4.builder import HTMLTreeBuilder

from checks.findings import Finding, Message
from checks.model import Position

MAX_NESTING_COST = 10_000_000  # texts × the elements around each: about a second of tree building
_VOID = frozenset(HTMLTreeBuilder.DEFAULT_EMPTY_ELEMENT_TAGS or ())  # elements without an end tag (<br>, <img>)


class _TooNested(Exception):
    pass


class _Nesting(HTMLParser):
    """Adds up how deep each text of a page lies, as Beautiful Soup will nest it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.counts: Counter[str] = Counter()
        self.cost = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)
            self.counts[tag] += 1

    def handle_endtag(self, tag: str) -> None:
        if self.counts[tag]:  # it closes every element opened since the one it names
            while (last := self.open.pop()) != tag:
                self.counts[last] -= 1
            self.counts[tag] -= 1

    def handle_data(self, data: str) -> None:
        self.cost += len(self.open)
        if self.cost > MAX_NESTING_COST:
            raise _TooNested


def too_nested(source: str) -> bool:
    """Whether building the page's tree would take too long (then it is I004, ``TOO_NESTED``)."""
    if source.count("<") ** 2 <= MAX_NESTING_COST:  # texts × depth cannot reach it: no need to count
        return False
    nesting = _Nesting()
    try:
        nesting.feed(source)
        nesting.close()
    except _TooNested:
        return True
    return False


TOO_NESTED = Finding(
    "I004",
    Position(1, 1),
    Message(
        "页面标签嵌套过深（大量未闭合的标签中含有大量文字），无法在合理时间内读取，未检查",
        "the page nests too deep (many texts inside thousands of unclosed tags) to be read in reasonable time; "
        "not checked",
    ),
)
