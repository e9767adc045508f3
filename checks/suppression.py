"""Inline suppression: a comment in a report that silences named rules on the next line or in the whole file.

Syntax — one directive per comment, on a line of its own, in the comment syntax of the report's format::

    .txt            # zfxxgk-lint: disable-next-line=A001,T004
                    # zfxxgk-lint: disable-file=R009
    .md             <!-- zfxxgk-lint: disable-next-line=A001 -->
                    <!-- zfxxgk-lint: disable-file=R009 -->
                    (inside YAML front matter: the .yaml form)
    .yaml / .yml    # zfxxgk-lint: disable-next-line=S001,T004
                    # zfxxgk-lint: disable-file=R011
    .html / .htm    <!-- zfxxgk-lint: disable-next-line=A001 -->   (the next line of the page source)
    .docx           none: a Word document has no comments that are not shown, so use the configuration file

- ``disable-next-line=CODES`` covers the next line that is neither blank nor another such comment: a finding is
  suppressed when it starts on that line, or spans it (from its line to its ``end_line``).
- ``disable-file=CODES`` covers the whole file.
- CODES are rule codes or prefixes separated by commas (``A001,T00,A``; spaces around the commas allowed), upper or
  lower case. Text after the codes and a space is a free comment, for the reason:
  ``# zfxxgk-lint: disable-file=R009 原文如此``. (It must not start with a code: ``disable-file=A001 T004`` is
  refused as invalid rather than read as A001 alone.)

Suppression reads the report's comments (``Report.comments``) as its reader found them, never the raw lines: a
line that only looks like a comment is report text and suppresses nothing — a YAML block scalar's line
``# zfxxgk-lint: disable-file=X`` (inside ``段落: |``) is paragraph text, and so is one in a quoted string. Each
reader finds its own (``checks/sources/comments.py`` for text, Markdown and HTML lines; the YAML parse itself for
YAML and for a Markdown report's front matter), and what it calls a comment is not report text: it becomes no
title, heading, paragraph or table cell, and every other line keeps its position. The lines are read only for
the line a ``disable-next-line`` covers, and for the ``.txt`` form in a Markdown body (a heading, below).

A suppression works only on rules that ran. What it did not do is reported, not as a finding (the rule catalog is
fixed) but as an ``UnusedSuppression`` in ``FileResult.unused``:

- ``unused``: codes (of rules that ran) that suppressed no finding — remove them;
- ``unknown``: a code that names no rule (it suppresses nothing);
- ``invalid``: a comment that starts like a suppression but cannot be read (``disable=A001``, no codes, a code
  such as ``A01x``, more than ``MAX_CODES`` codes); in a ``.md`` report, also the ``.txt`` form
  (``# zfxxgk-lint: …`` is a Markdown heading, shown to readers, and so is report text).

Reading a report's comments and applying them costs time in proportion to its comments, lines and findings: every
pattern here is linear, the line a ``disable-next-line`` covers is found in one pass from the end, and findings
look up the suppressions of their code and line instead of trying each one. A code that is not one is named visibly
(``checks/visible.py``: an ESC in it is shown, not sent to the terminal) and cut.

A code of a rule that was not selected (or is ``off``) is none of these: it is simply not needed in this run.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from checks.findings import Finding, Message
from checks.model import Comment, Position
from checks.rules import unknown_codes
from checks.sources.comments import HASH, MARKER, MARKUP, Syntax, comment_text, is_directive
from checks.sources.formats import BY_NAME
from checks.visible import visible

NEXT_LINE = "disable-next-line"
FILE = "disable-file"
__all__ = ["FILE", "MARKER", "NEXT_LINE", "Suppression", "UnusedSuppression", "apply", "is_comment", "scan"]

# A directive is "kind=CODES reason". Its codes are read word by word (_codes_end), not by one regex: a lazy reason
# ".*?" before "\s*$" tries every split of a long run of spaces (quadratic), and a repeated group of codes keeps a
# backtracking record per code (800 MB for a comment of 2.5 million commas).
_KIND = re.compile(r"\s*(?P<kind>[A-Za-z-]+)\s*=\s*")
_WORD = re.compile(r"[^\s,]+")
_COMMA = re.compile(r"\s*,\s*")
_CODE = re.compile(r"^[A-Z][0-9]{0,3}$")
_SHOWN_CODE = 40  # characters of a code that is not one, shown in a message (what was written may be any length)
_SHOWN_CODES = 5  # codes a message names; more are counted
MAX_CODES = 100  # in one comment: real ones name a few; a crafted one with millions would be millions of strings


class Suppression(NamedTuple):
    """One suppression comment: at ``pos``, it covers ``target`` (a line; 0 when no line follows) or, when
    ``target`` is None, the whole file."""

    pos: Position
    codes: tuple[str, ...]
    target: int | None

    def covers(self, finding: Finding) -> bool:
        if self.target is None:
            return True
        last = finding.end_line if finding.end_line is not None else finding.pos.line
        return finding.pos.line <= self.target <= max(last, finding.pos.line)


class UnusedSuppression(NamedTuple):
    """A suppression comment, or some of its codes, that did nothing; reporters show it beside the findings.

    ``pos`` is where the comment starts; ``codes`` the codes concerned as written (upper-cased; for an
    ``invalid`` comment the codes that are not ones, made visible and cut, or none); ``reason`` is ``unused``,
    ``unknown`` or ``invalid``; ``message`` says it in full.
    """

    pos: Position
    codes: tuple[str, ...]
    reason: str
    message: Message


def _syntax(fmt: str) -> Syntax | None:
    """The comment syntax of a source format (None: it has none, as a Word document)."""
    source = BY_NAME.get(fmt)
    return source.comments if source is not None else None


def is_comment(line: str, fmt: str) -> bool:
    """Whether ``line`` would be a suppression comment (readable or not) of a report in format ``fmt`` (``txt``,
    ``md``, ``yaml``, ``html``), were it a comment there: a directive alone on its line, in the format's syntax.
    (Whether it is one in a given file is its reader's to say: a YAML block scalar's line is not.)"""
    syntax = _syntax(fmt)
    if syntax is None or MARKER not in line:
        return False
    text = comment_text(line.lstrip(), syntax)
    return text is not None and is_directive(text)


def scan(
    lines: Sequence[str], fmt: str, comments: Iterable[Comment] | None = None
) -> tuple[tuple[Suppression, ...], tuple[UnusedSuppression, ...]]:
    """The suppression comments of a report, and what is wrong with those that cannot be used as written.

    ``comments`` are the report's (``Report.comments``); None: those the format's reader finds in ``lines`` (for a
    caller that has no report). ``lines`` are its source's lines, read for the line each ``disable-next-line``
    covers (one pass from the end), and in a Markdown body for ``# zfxxgk-lint: …`` headings."""
    syntax = _syntax(fmt)
    if syntax is None:
        return (), ()  # a Word document's lines are its paragraphs and table rows: text that is published
    own = sorted(
        (c for c in (_comments_in(lines, fmt) if comments is None else comments) if _alone(lines, c)),
        key=lambda c: (c.pos.line, c.pos.column),
    )
    following: list[int] | None = None  # made at the first disable-next-line: most reports have none
    found: list[Suppression] = []
    problems: list[UnusedSuppression] = list(_markdown_headings(lines)) if fmt == "md" else []
    for comment in own:
        if not is_directive(comment.text):
            continue
        pos = comment.pos
        markup = _written_in(lines, pos, syntax) == MARKUP
        read = _read(comment.text[len(MARKER) :].lstrip()[1:], pos, markup)
        if isinstance(read, UnusedSuppression):
            problems.append(read)
            continue
        kind, codes, unknown = read
        if unknown:
            problems.append(_unknown(pos, unknown))
        if not codes:
            continue
        target: int | None = None
        if kind == NEXT_LINE:
            following = following if following is not None else _following_text(lines, {c.pos.line for c in own})
            target = following[pos.line - 1] if 0 < pos.line <= len(following) else 0
        found.append(Suppression(pos, codes, target))
    problems.sort(key=lambda p: (p.pos.line, p.pos.column))
    return tuple(found), tuple(problems)


def _comments_in(lines: Sequence[str], fmt: str) -> tuple[Comment, ...]:
    """The comments the format's reader finds in a source's lines (a Markdown report's front matter's by its YAML
    parse, YAML's by its parse), for a caller that has no report."""
    import importlib

    reader = importlib.import_module(BY_NAME[fmt].reader)
    if hasattr(reader, "read"):
        found: tuple[Comment, ...] = reader.read("", tuple(lines)).comments
    else:
        found = reader.parse("", tuple(lines)).comments
    return found


def _alone(lines: Sequence[str], comment: Comment) -> bool:
    """Whether a comment is on a line of its own, as a directive must be (not after a value: ``a: 1  # …``)."""
    line, column = comment.pos.line, comment.pos.column
    return not 0 < line <= len(lines) or not lines[line - 1][: column - 1].strip()


def _written_in(lines: Sequence[str], pos: Position, syntax: Syntax) -> Syntax:
    """The syntax a comment is written in: a Markdown report's front matter has YAML's ``#`` comments."""
    if 0 < pos.line <= len(lines) and lines[pos.line - 1].startswith(HASH, pos.column - 1):
        return HASH
    return syntax


def _markdown_headings(lines: Sequence[str]) -> Iterator[UnusedSuppression]:
    """The ``.txt`` form of a directive in a Markdown body: a heading, shown to readers, so report text; said so."""
    front = _front_matter(lines)
    body = front.stop + 1 if front else 0
    for index in range(body, len(lines)):
        line = lines[index]
        if MARKER in line and (stripped := line.lstrip()).startswith(HASH) and comment_text(stripped, HASH):
            yield _invalid(Position(index + 1, len(line) - len(stripped) + 1), markup=True, markdown_hash=True)


def _following_text(lines: Sequence[str], comment_lines: set[int]) -> list[int]:
    """For each line, the number of the next line after it that is report text (neither blank nor a comment's),
    0 when none follows: one pass from the end, so that a file of comments costs no more than its length."""
    following = [0] * len(lines)
    after = 0
    for index in range(len(lines) - 1, -1, -1):
        following[index] = after
        if index + 1 not in comment_lines and lines[index].strip():
            after = index + 1
    return following


def _unknown(pos: Position, codes: tuple[str, ...]) -> UnusedSuppression:
    zh, en = _listed(codes)
    return UnusedSuppression(
        pos,
        codes,
        "unknown",
        Message(
            f"抑制注释中的「{zh}」不是规则代码，不起作用",
            f"{en} in the suppression comment names no rule; it has no effect",
        ),
    )


def _listed(codes: tuple[str, ...]) -> tuple[str, str]:
    """Codes as a message names them, in Chinese and English: made visible (one that is not a code can hold any
    character, an ESC too), cut, and at most _SHOWN_CODES of them."""
    shown = [visible(code, _SHOWN_CODE) for code in codes[:_SHOWN_CODES]]
    more = len(codes) - len(shown)
    if more <= 0:
        return "、".join(shown), ", ".join(shown)
    return f"{'、'.join(shown)}等 {len(codes)} 个代码", f"{', '.join(shown)} and {more} more"


def _read(body: str, pos: Position, markup: bool) -> tuple[str, tuple[str, ...], tuple[str, ...]] | UnusedSuppression:
    """A directive's kind, its codes that name rules and those that do not; or why it cannot be read (``markup``:
    it is written ``<!-- … -->``, which the message's example follows)."""
    head = _KIND.match(body)
    kind = head.group("kind").lower() if head else ""
    if head is None or kind not in (NEXT_LINE, FILE):
        return _invalid(pos, markup)
    if body.count(",") >= MAX_CODES:
        return _invalid(pos, markup, too_many=True)
    rest = body[head.end() :]
    end = _codes_end(rest)
    if end is None:
        return _invalid(pos, markup)
    written = tuple(code.strip().upper() for code in rest[:end].split(","))
    malformed = tuple(code for code in written if not _CODE.match(code))
    if malformed:
        return _invalid(pos, markup, codes=malformed)
    reason = rest[end:].split(None, 1)
    if reason and _CODE.match(reason[0].upper()):  # "A001 T004": codes are separated by commas
        return _invalid(pos, markup, codes=(reason[0].upper(),), spaced=True)
    unknown = tuple(code for code in written if _names_no_rule(code))
    return kind, tuple(code for code in written if code not in unknown), unknown


def _codes_end(rest: str) -> int | None:
    """Where the codes at the start of ``rest`` end: the longest run of words (no spaces or commas in them) with
    commas between them (spaces around the commas allowed) that is followed by a space or the end; None when
    there is none ("A001,", ", A001")."""
    end = None
    at = 0
    while (word := _WORD.match(rest, at)) is not None:
        at = word.end()
        if at == len(rest) or rest[at].isspace():
            end = at
        comma = _COMMA.match(rest, at)
        if comma is None:
            break
        at = comma.end()
    return end


@lru_cache(maxsize=4096)  # 40,000 comments name a handful of codes; each check scans the catalog
def _names_no_rule(code: str) -> bool:
    return any(True for _ in unknown_codes([code]))


def apply(
    findings: Iterable[Finding], suppressions: Sequence[Suppression], ran: Iterable[str]
) -> tuple[list[Finding], tuple[UnusedSuppression, ...]]:
    """The findings no suppression covers, and the codes of rules that ran which suppressed nothing.

    Suppressions are looked up by code and line (``_Index``), never tried one by one: 40,000 comments and as many
    findings cost a few lookups each, not 40,000 × 40,000 comparisons."""
    index = _Index(suppressions)
    kept: list[Finding] = []
    spans: dict[str, list[tuple[int, int]]] = {}  # code -> the lines of the findings it suppressed
    for finding in findings:
        first = finding.pos.line
        last = max(finding.end_line if finding.end_line is not None else first, first)
        hit = False
        for code in _prefixes(finding.rule):
            if index.covers(code, first, last):
                spans.setdefault(code, []).append((first, last))
                hit = True
        if not hit:
            kept.append(finding)
    suppressed = {code: _Lines(found) for code, found in spans.items()}
    ran_codes = {code for rule in ran for code in _prefixes(rule)}
    unused = []
    for suppression in suppressions:
        idle = tuple(
            code for code in suppression.codes if code in ran_codes and not _used(suppression, suppressed.get(code))
        )
        if idle:
            unused.append(UnusedSuppression(suppression.pos, idle, "unused", _unused_message(suppression, idle)))
    return kept, tuple(unused)


def _prefixes(rule: str) -> tuple[str, ...]:
    """The codes that name ``rule``: its family letter, the longer prefixes, and the rule's own code."""
    return tuple(rule[:end] for end in range(1, len(rule) + 1))


def _used(suppression: Suppression, suppressed: _Lines | None) -> bool:
    """Whether a code of ``suppression`` suppressed a finding, given the lines of the findings that code did."""
    if suppressed is None:
        return False
    return suppression.target is None or suppressed.holds(suppression.target)


class _Index:
    """The suppressions by code: those of the whole file, and the lines the others cover, in order."""

    def __init__(self, suppressions: Sequence[Suppression]) -> None:
        self.whole: set[str] = set()
        self.lines: dict[str, list[int]] = {}
        for suppression in suppressions:
            for code in suppression.codes:
                if suppression.target is None:
                    self.whole.add(code)
                else:
                    self.lines.setdefault(code, []).append(suppression.target)
        for targets in self.lines.values():
            targets.sort()

    def covers(self, code: str, first: int, last: int) -> bool:
        """Whether a suppression of ``code`` covers a finding on lines ``first`` to ``last``."""
        if code in self.whole:
            return True
        targets = self.lines.get(code, ())
        at = bisect.bisect_left(targets, first)
        return at < len(targets) and targets[at] <= last


class _Lines:
    """A set of line spans (those of the findings one code suppressed), merged, to ask which lines they hold."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for first, last in sorted(spans):
            if self.ends and first <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], last)
            else:
                self.starts.append(first)
                self.ends.append(last)

    def holds(self, line: int) -> bool:
        at = bisect.bisect_right(self.starts, line) - 1
        return at >= 0 and line <= self.ends[at]


def _unused_message(suppression: Suppression, codes: tuple[str, ...]) -> Message:
    zh_codes, en_codes = "、".join(codes), ", ".join(codes)
    if suppression.target is None:
        return Message(
            f"本文件没有 {zh_codes} 的问题，此抑制注释可以删除",
            f"no {en_codes} finding in this file; remove the suppression",
        )
    if suppression.target == 0:
        return Message(
            f"抑制注释之后没有内容，{zh_codes} 的抑制不起作用",
            f"nothing follows the suppression comment; its {en_codes} suppresses nothing",
        )
    return Message(
        f"第 {suppression.target} 行没有 {zh_codes} 的问题，此抑制注释可以删除",
        f"no {en_codes} finding on line {suppression.target}; remove the suppression",
    )


def _invalid(
    pos: Position,
    markup: bool,
    markdown_hash: bool = False,
    codes: tuple[str, ...] = (),
    spaced: bool = False,
    too_many: bool = False,
) -> UnusedSuppression:
    form = f"<!-- {MARKER}: {NEXT_LINE}=A001 -->" if markup else f"# {MARKER}: {NEXT_LINE}=A001"
    if too_many:
        zh = f"抑制注释中的规则代码过多（最多 {MAX_CODES} 个），整条注释不起作用"
        en = f"too many codes in the suppression comment (at most {MAX_CODES}); it has no effect"
    elif spaced:
        zh = f"抑制注释中的多个规则代码须用逗号分隔（如 A001,{codes[0]}），整条注释不起作用"
        en = f"separate the codes of a suppression comment with commas (like A001,{codes[0]}); it has no effect"
    elif markdown_hash:
        zh = f"Markdown 报告中的抑制注释应写作「{form}」；「# {MARKER}: …」是标题，会显示在报告中"
        en = f'in a Markdown report write a suppression as "{form}"; "# {MARKER}: …" is a heading readers see'
    elif codes:
        zh_codes, en_codes = _listed(codes)
        zh = f"抑制注释中的「{zh_codes}」不是规则代码（应如 A001、T00、A），整条注释不起作用"
        en = f"{en_codes} in the suppression comment is not a rule code (like A001, T00, A); it has no effect"
        # As shown, not as written: a reporter prints them, and what was written may be long or hold controls.
        codes = tuple(visible(code, _SHOWN_CODE) for code in codes[:_SHOWN_CODES])
    else:
        zh = f"无法识别的抑制注释，应写作「{form}」或用 {FILE}=规则代码 抑制整个文件"
        en = f'unreadable suppression comment: write "{form}", or {FILE}=CODES for the whole file'
    return UnusedSuppression(pos, codes, "invalid", Message(zh, en))


def _front_matter(lines: Sequence[str]) -> range:
    """The indexes of a Markdown report's YAML front matter, as its reader finds it; the body starts after the line
    closing it."""
    from checks.sources.markdown import front_matter_end  # only a Markdown report's comments need it

    end = front_matter_end(lines)
    return range(1, end) if end is not None else range(0)
