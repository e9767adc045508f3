"""Bounds on what reading a page costs, checked before its tree (``sources.markup``) is built.

Beautiful Soup took about a kilobyte and 20 µs a tag, and the standard library's tokenizer lists every attribute
of a tag before it hands the tag on: a 5 MB page of ``<p>`` tags, or one tag of two million attributes, would take
more than a gigabyte. So the markup is counted first, from above, at the speed of ``str.count``: a tag starts with
``<`` (less the end tags' ``</``), and each attribute follows white space, a quote or a slash (the tokenizer's own
rule), so the runs of those bound the attributes. A real report page has under 2,000 tags and 12,000 such runs
(tests/data/real-reports: 1,790 and 12,177 in a 111 KB page); past 50,000 or 250,000 it is refused as I004, and
so it is past 100,000 "&" (each a tokenizer event of its own, whether it starts a reference or not).

Beautiful Soup linked each text it parsed up through every element around it, so building its tree cost the sum,
over the page's texts, of how deep each lies: a page of a few thousand unclosed tags with thousands of texts inside
(a broken or hostile page; real report pages stay far below a million) took hours. The tree built now adds a text
in constant time, but the bound stays, measured first with the standard library's tokenizer, nesting as the tree
nests, and refused as I004 past it: such a page is no report, and what the linter finds on a page does not depend
on which tree reads it.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

from checks.findings import Finding, Message
from checks.model import Position
from checks.reading import over_limit
from checks.sources.markup import VOID

MAX_TAGS = 50_000
MAX_ATTRIBUTES = 250_000  # runs of white space, quotes and slashes: what can separate attributes
# "&" starts a character reference, and the tokenizer hands each one (a bare "&" too) on as an event of its own:
# 5 MB of "&" took 7 s. A real page has a few (tests/data: 4); one saved by Word, a few thousand &nbsp;.
MAX_REFERENCES = 100_000
_SEPARATORS = re.compile("[\\s/\"']+")
MAX_NESTING_COST = 10_000_000  # texts × the elements around each: about a second of Beautiful Soup's tree building


class _TooNested(Exception):
    pass


class _Nesting(HTMLParser):
    """Adds up how deep each text of a page lies, as the page's tree (``sources.markup``) will nest it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.open: list[str] = []
        self.counts: Counter[str] = Counter()
        self.cost = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:  # elements without an end tag (<br>, <img>) hold nothing
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


def too_much_markup(source: str) -> Finding | None:
    """I004 when the page may have more tags or attributes than ``MAX_TAGS``/``MAX_ATTRIBUTES`` (counted from
    above, before any tag is parsed), else None."""
    tags = source.count("<") - source.count("</")
    if tags > MAX_TAGS:
        return _too_much("标签", "tags", tags, MAX_TAGS)
    references = source.count("&")  # each is an event of its own for the tokenizer, a reference or not
    if references > MAX_REFERENCES:
        return _too_much("字符引用（&）", "character references (&)", references, MAX_REFERENCES)
    if len(source) // 2 > MAX_ATTRIBUTES:  # a shorter page cannot have that many runs: no need to count
        attributes = _SEPARATORS.subn("", source)[1]
        if attributes > MAX_ATTRIBUTES:
            return _too_much("属性", "attributes", attributes, MAX_ATTRIBUTES)
    return None


def _too_much(zh: str, en: str, count: int, limit: int) -> Finding:
    return over_limit(
        f"页面的{zh}过多（可能多达 {count:,} 个，上限 {limit:,} 个），远超真实报告的页面，未检查",
        f"the page may have up to {count:,} {en} (limit {limit:,}), far beyond a real report's page; not checked",
        limit,
        count,
    )


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
    expected=MAX_NESTING_COST,
)
