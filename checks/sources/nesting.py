"""Bounds on what reading a page costs: counted before its tree (``sources.markup``) is built, or while it is.

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
in constant time, but the bound stays: the tree's builder adds up that sum as it goes, in its one pass over the
page, and stops at ``MAX_NESTING_COST`` (I004): such a page is no report, and what the linter finds on a page does
not depend on which tree reads it.
"""

from __future__ import annotations

import re

from checks.findings import Finding, Message
from checks.model import Position
from checks.reading import over_limit
from checks.sources.markup import MAX_NESTING_COST

MAX_TAGS = 50_000
MAX_ATTRIBUTES = 250_000  # runs of white space, quotes and slashes: what can separate attributes
# "&" starts a character reference, and the tokenizer hands each one (a bare "&" too) on as an event of its own:
# 5 MB of "&" took 7 s. A real page has a few (tests/data: 4); one saved by Word, a few thousand &nbsp;.
MAX_REFERENCES = 100_000
_SEPARATORS = re.compile("[\\s/\"']+")


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
