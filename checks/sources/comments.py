"""The comments of a text source's lines, as its reader hands them over in ``Report.comments``.

Two syntaxes, as the source formats name them (``checks/sources/formats.py``):

- ``"<!--"`` (Markdown, HTML): ``<!-- … -->`` wholly on a line of its own. Such a line is never shown to a reader
  of the page, so it is not report text, whatever it says. A comment that spans lines is not one of these: the
  readers keep what they make of it (HTML drops it from the page's text), and no directive is read from it.
- ``"#"`` (plain text): a line whose first character but blanks is ``#`` and that holds a directive of this
  linter (``# zfxxgk-lint: …``). Plain text has no comments of its own: a ``#`` line is text there (a Markdown
  heading pasted into it, "#1 …"), so only the lines written for the linter are comments.

YAML's ``#`` comments are not found here but by the YAML parse itself (``checks/yamlload.py``): a ``#`` line
inside a block scalar or a quoted string is text, which only the parser can tell.

Each comment is one line's: its text is what is inside the markers, stripped; its position is where its marker
starts. Finding them takes one look at each line, with string methods, no regex: linear in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from checks.model import Comment, Position

MARKER = "zfxxgk-lint"  # what starts a directive: "zfxxgk-lint: disable-file=R009"
Syntax = Literal["#", "<!--"]
HASH: Syntax = "#"
MARKUP: Syntax = "<!--"
_MARKUP_END = "-->"


def is_directive(text: str) -> bool:
    """Whether a comment's text is a directive of this linter: ``zfxxgk-lint`` and a colon (blanks between)."""
    return text.startswith(MARKER) and text[len(MARKER) :].lstrip().startswith(":")


def line_comments(lines: Sequence[str], syntax: Syntax, within: range | None = None) -> tuple[Comment, ...]:
    """The comments of ``syntax`` that are lines of their own among ``lines`` (line *n* is ``lines[n - 1]``), in
    order; ``within``: only those among these indexes of ``lines`` (a Markdown body, after its front matter)."""
    found: list[Comment] = []
    indexes = range(len(lines)) if within is None else range(max(within.start, 0), min(within.stop, len(lines)))
    for index in indexes:
        line = lines[index]
        stripped = line.lstrip()
        if not stripped.startswith(syntax):
            continue
        text = comment_text(stripped, syntax)
        if text is not None:
            found.append(Comment(text, Position(index + 1, len(line) - len(stripped) + 1)))
    return tuple(found)


def comment_text(stripped: str, syntax: Syntax) -> str | None:
    """The text of the comment a line is (``stripped``: the line without its leading blanks), or None when the line
    is not one comment of ``syntax`` alone."""
    if syntax == MARKUP:
        body = stripped.rstrip()
        # The comment ends at its first "-->" (HTML's rule): "<!-- a --> b -->" is a comment and text after it.
        end = body.find(_MARKUP_END, len(MARKUP))
        return body[len(MARKUP) : end].strip() if end >= 0 and end == len(body) - len(_MARKUP_END) else None
    text = stripped[len(HASH) :].strip()
    return text if is_directive(text) else None
