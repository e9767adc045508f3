"""What a PDF prints on every page besides the report: page numbers, running headers and footers.

A line is furniture when it lies in the top or bottom margin band of its page (``_MARGIN`` of the page's height)
and either reads as a page number (「- 3 -」, 「— 3 —」, 「第 3 页」, 「第3页 共10页」, 「3/10」, 「3」) or, digits
aside, is the same text at the same height on at least half of the pages (three at least): an agency's name above
every page, 「XX 市人民政府办公室」 with the date below. Only lines at the very top or bottom of the page's text are
looked at, so a short line of the report that happens to sit low on a page is never taken.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checks.sources.pdf.layout import Laid, Line

_MARGIN = 0.12
_DASHES = frozenset("-－—–‒―~～·•.． \u3000()（）[]【】")
_MAX_FURNITURE = 3  # lines at the top, and at the bottom, of a page that may be furniture


def without_furniture(pages: Sequence[Laid]) -> list[Laid]:
    repeated = _repeated(pages)
    return [page._replace(lines=tuple(_kept(page, repeated))) for page in pages]


def _band(page: Laid, line: Line) -> str | None:
    """Which margin band of its page the line is in ("top", "bottom"), if any."""
    height = page.page.height
    if line.bottom <= height * _MARGIN:
        return "top"
    if line.top >= height * (1 - _MARGIN):
        return "bottom"
    return None


def _edge_lines(page: Laid) -> list[Line]:
    """The lines above the page's first table and text, and below its last, in the margin bands."""
    lines = list(page.lines)
    top = min((portion.box[1] for portion in page.portions), default=None)
    bottom = max((portion.box[3] for portion in page.portions), default=None)
    edge = []
    for line in lines[:_MAX_FURNITURE]:
        if _band(page, line) == "top" and (top is None or line.bottom <= top):
            edge.append(line)
    for line in lines[-_MAX_FURNITURE:]:
        if _band(page, line) == "bottom" and (bottom is None or line.top >= bottom) and line not in edge:
            edge.append(line)
    return edge


def _shape(line: Line) -> tuple[str, int]:
    """What a running header or footer keeps from page to page: its text without digits, and its height."""
    return "".join("#" if char.isdigit() else char for char in line.text), round(line.top / 4)


def _repeated(pages: Sequence[Laid]) -> set[tuple[str, int]]:
    counts = Counter(_shape(line) for page in pages for line in set(_edge_lines(page)))
    needed = max(3, (len(pages) + 1) // 2)
    return {shape for shape, count in counts.items() if count >= needed}


def _kept(page: Laid, repeated: set[tuple[str, int]]) -> list[Line]:
    furniture = {id(line) for line in _edge_lines(page) if is_page_number(line.text) or _shape(line) in repeated}
    return [line for line in page.lines if id(line) not in furniture]


def is_page_number(text: str) -> bool:
    """Whether a line is only a page number, as offices print them."""
    core = "".join(char for char in text if char not in _DASHES)
    if core.isdigit():
        return len(core) <= 4
    if "/" in core:  # 3/10
        first, _, second = core.partition("/")
        return first.isdigit() and second.isdigit()
    if core.startswith("第") and "页" in core:  # 第3页, 第 3 页 共 10 页, 第3页/共10页
        inside = core[1:].replace("页", "").replace("共", "").replace("/", "")
        return inside.isdigit()
    return core.lower().startswith("page") and core[4:].replace("of", "").isdigit()
