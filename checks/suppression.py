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

Such a comment is not report text: the text parser reads a ``.txt`` or ``.md`` suppression comment as a blank
line (it becomes no title, heading, paragraph or table cell, and every other line keeps its position); YAML
comments are never data.

A suppression works only on rules that ran. What it did not do is reported, not as a finding (the rule catalog is
fixed) but as an ``UnusedSuppression`` in ``FileResult.unused``:

- ``unused``: codes (of rules that ran) that suppressed no finding — remove them;
- ``unknown``: a code that names no rule (it suppresses nothing);
- ``invalid``: a comment that starts like a suppression but cannot be read (``disable=A001``, no codes, a code
  such as ``A01x``); in a ``.md`` report, also the ``.txt`` form (``# zfxxgk-lint: …`` is a Markdown heading, shown
  to readers, and so is report text).

A code of a rule that was not selected (or is ``off``) is none of these: it is simply not needed in this run.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from checks.findings import Finding, Message
from checks.model import Position
from checks.rules import unknown_codes

NEXT_LINE = "disable-next-line"
FILE = "disable-file"
MARKER = "zfxxgk-lint"

_HASH = re.compile(r"^(?P<indent>\s*)#\s*zfxxgk-lint\s*:(?P<body>.*)$")
_HTML = re.compile(r"^(?P<indent>\s*)<!--\s*zfxxgk-lint\s*:(?P<body>.*?)-->\s*$")
_DIRECTIVE = re.compile(
    r"^\s*(?P<kind>[A-Za-z-]+)\s*=\s*(?P<codes>[^\s,]+(?:\s*,\s*[^\s,]+)*)(?:\s+(?P<reason>.*?))?\s*$"
)
_CODE = re.compile(r"^[A-Z][0-9]{0,3}$")


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

    ``pos`` is where the comment starts; ``codes`` the codes concerned as written (upper-cased; empty for an
    ``invalid`` comment); ``reason`` is ``unused``, ``unknown`` or ``invalid``; ``message`` says it in full.
    """

    pos: Position
    codes: tuple[str, ...]
    reason: str
    message: Message


_COMMENTED = ("txt", "md", "yaml", "html")  # formats with comments that are not report text (not .docx)
_HTML_COMMENTS = ("md", "html")  # the rest use # comments


def _style(fmt: str) -> re.Pattern[str]:
    return _HTML if fmt in _HTML_COMMENTS else _HASH


def is_comment(line: str, fmt: str) -> bool:
    """Whether ``line`` is a suppression comment (readable or not) of a report in format ``fmt`` (``txt``, ``md``,
    ``yaml``, ``html``): such a line is not report text."""
    return fmt in _COMMENTED and MARKER in line and _style(fmt).match(line) is not None


def scan(lines: Sequence[str], fmt: str) -> tuple[tuple[Suppression, ...], tuple[UnusedSuppression, ...]]:
    """The suppression comments of a report, and what is wrong with those that cannot be used as written."""
    if fmt not in _COMMENTED:
        return (), ()  # a Word document's lines are its paragraphs and table rows: text that is published
    front = _front_matter(lines) if fmt == "md" else range(0)
    matches = [
        _style("yaml" if index in front else fmt).match(line) if MARKER in line else None
        for index, line in enumerate(lines)
    ]
    found: list[Suppression] = []
    problems: list[UnusedSuppression] = []
    for index, match in enumerate(matches):
        if match is None:
            wrong = _HASH.match(lines[index]) if fmt == "md" and MARKER in lines[index] else None
            if wrong is not None:
                problems.append(_invalid(Position(index + 1, len(wrong.group("indent")) + 1), fmt, markdown_hash=True))
            continue
        pos = Position(index + 1, len(match.group("indent")) + 1)
        read = _read(match.group("body"), pos, fmt)
        if isinstance(read, UnusedSuppression):
            problems.append(read)
            continue
        kind, codes, unknown = read
        if unknown:
            problems.append(
                UnusedSuppression(
                    pos,
                    unknown,
                    "unknown",
                    Message(
                        f"抑制注释中的「{'、'.join(unknown)}」不是规则代码，不起作用",
                        f"{', '.join(unknown)} in the suppression comment names no rule; it has no effect",
                    ),
                )
            )
        if not codes:
            continue
        target: int | None = None
        if kind == NEXT_LINE:
            following = (i for i in range(index + 1, len(lines)) if lines[i].strip() and matches[i] is None)
            target = next(following, -1) + 1
        found.append(Suppression(pos, codes, target))
    return tuple(found), tuple(problems)


def _read(body: str, pos: Position, fmt: str) -> tuple[str, tuple[str, ...], tuple[str, ...]] | UnusedSuppression:
    """A directive's kind, its codes that name rules and those that do not; or why it cannot be read."""
    directive = _DIRECTIVE.match(body)
    kind = directive.group("kind").lower() if directive else ""
    if directive is None or kind not in (NEXT_LINE, FILE):
        return _invalid(pos, fmt)
    written = tuple(code.strip().upper() for code in directive.group("codes").split(","))
    malformed = tuple(code for code in written if not _CODE.match(code))
    if malformed:
        return _invalid(pos, fmt, codes=malformed)
    reason = (directive.group("reason") or "").split()
    if reason and _CODE.match(reason[0].upper()):  # "A001 T004": codes are separated by commas
        return _invalid(pos, fmt, codes=(reason[0].upper(),), spaced=True)
    unknown = tuple(unknown_codes(written))
    return kind, tuple(code for code in written if code not in unknown), unknown


def apply(
    findings: Iterable[Finding], suppressions: Sequence[Suppression], ran: Iterable[str]
) -> tuple[list[Finding], tuple[UnusedSuppression, ...]]:
    """The findings no suppression covers, and the codes of rules that ran which suppressed nothing."""
    used: set[tuple[int, str]] = set()
    kept: list[Finding] = []
    for finding in findings:
        hit = False
        for number, suppression in enumerate(suppressions):
            if not suppression.covers(finding):
                continue
            for code in suppression.codes:
                if finding.rule.startswith(code):
                    used.add((number, code))
                    hit = True
        if not hit:
            kept.append(finding)
    ran = tuple(ran)
    unused = []
    for number, suppression in enumerate(suppressions):
        idle = tuple(
            code
            for code in suppression.codes
            if (number, code) not in used and any(rule.startswith(code) for rule in ran)
        )
        if idle:
            unused.append(UnusedSuppression(suppression.pos, idle, "unused", _unused_message(suppression, idle)))
    return kept, tuple(unused)


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
    pos: Position, fmt: str, markdown_hash: bool = False, codes: tuple[str, ...] = (), spaced: bool = False
) -> UnusedSuppression:
    form = f"<!-- {MARKER}: {NEXT_LINE}=A001 -->" if fmt in _HTML_COMMENTS else f"# {MARKER}: {NEXT_LINE}=A001"
    if spaced:
        zh = f"抑制注释中的多个规则代码须用逗号分隔（如 A001,{codes[0]}），整条注释不起作用"
        en = f"separate the codes of a suppression comment with commas (like A001,{codes[0]}); it has no effect"
    elif markdown_hash:
        zh = f"Markdown 报告中的抑制注释应写作「{form}」；「# {MARKER}: …」是标题，会显示在报告中"
        en = f'in a Markdown report write a suppression as "{form}"; "# {MARKER}: …" is a heading readers see'
    elif codes:
        zh = f"抑制注释中的「{'、'.join(codes)}」不是规则代码（应如 A001、T00、A），整条注释不起作用"
        en = f"{', '.join(codes)} in the suppression comment is not a rule code (like A001, T00, A); it has no effect"
    else:
        zh = f"无法识别的抑制注释，应写作「{form}」或用 {FILE}=规则代码 抑制整个文件"
        en = f'unreadable suppression comment: write "{form}", or {FILE}=CODES for the whole file'
    return UnusedSuppression(pos, codes, "invalid", Message(zh, en))


def _front_matter(lines: Sequence[str]) -> range:
    """The indexes of a Markdown report's YAML front matter (between its ``---`` lines), where YAML comments are
    the suppression comments."""
    if not lines or lines[0].strip() != "---":
        return range(0)
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    return range(1, end) if end is not None else range(0)
