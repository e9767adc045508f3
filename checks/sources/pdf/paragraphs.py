"""Lines of text put back together into the paragraphs they were wrapped from, across pages too.

A PDF keeps no paragraphs: Word wrapped each into lines. A line goes on with the one before when the one before
is full (it reaches the right margin, give or take a character moved over by the rules of Chinese line breaking)
and this one is not indented (a paragraph of a 公文 starts two characters in), in the same size of type, right below
it or at the top of the next page; a centred line goes on with a full centred line above it (a title wrapped in
two). Headings are short, or indented, so they stay paragraphs of their own; so does a list of short lines.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from checks.model import Place, Position, Text
from checks.sources.pdf.layout import Line, join_lines

# Of the type size: a line ending this close to the right margin is full (Chinese line breaking moves a character
# and the punctuation after it to the next line together; a text set flush left ends up to two characters short).
_FULL = 2.0
_INDENT = 0.5  # of the type size: a line starting further in than this from the left margin is indented
_CENTRED = 1.0  # of the type size: a line whose middle is this close to the text's middle is centred
_LEADING = 1.2  # of the type size: more space than this between two lines ends a paragraph


class Margins(NamedTuple):
    left: float
    right: float


def margins(lines: Sequence[Line]) -> Margins:
    """The left and right edges of the body text: the furthest lines in the most common size of type reach (a title
    in larger type may stand out further)."""
    if not lines:
        return Margins(0, 0)
    body = Counter(round(line.size) for line in lines).most_common(1)[0][0]
    sized = [line for line in lines if round(line.size) == body]
    return Margins(min(line.x0 for line in sized), max(line.x1 for line in sized))


def goes_on(before: Line, line: Line, edges: Margins, *, next_page: bool) -> bool:
    """Whether ``line`` is the next line of the paragraph whose last line so far is ``before``: on the same page
    right below it, or (``next_page``) the first line of the next page, ``before`` the last of its page."""
    size = before.size
    if abs(line.size - size) > 0.5 or before.x1 < edges.right - _FULL * size:
        return False
    if not next_page and (line.page != before.page or line.top - before.bottom > _LEADING * size):
        return False
    if line.x0 <= edges.left + _INDENT * size:
        return True
    # Indented: the first line of a paragraph, unless it is centred with room on its right too (a title's rest).
    middle = (edges.left + edges.right) / 2
    centred = abs((line.x0 + line.x1) / 2 - middle) <= _CENTRED * size and line.x1 < edges.right - _INDENT * size
    return centred and abs((before.x0 + before.x1) / 2 - middle) <= _CENTRED * size


def paragraph(lines: Sequence[Line]) -> Text:
    """The lines of one paragraph as one text at its first line, each line's text where the reader finds it."""
    texts = [line.text for line in lines]
    whole = join_lines(texts)
    runs: list[tuple[int, Position]] = []
    offset = 0
    for index, (line, text) in enumerate(zip(lines, texts, strict=True)):
        text = text.strip()
        if index and whole[offset : offset + 1] == " ":
            offset += 1  # the space join_lines put between two Latin words
        runs.append((offset, Position(0, 0, Place(page=line.page, line=line.number))))
        offset += len(text)
    return Text(whole, runs[0][1], tuple(runs[1:]))
