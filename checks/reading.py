"""Bytes to text: encodings, BOMs, newlines, size limits, invisible characters. Problems become findings, never
exceptions.

A file is decoded whole as UTF-8 (with or without BOM), as UTF-16 with a BOM, or as GB18030/GBK. Two damaged
kinds of file are still read, with warning I002 where the damage is: a file cut off in the middle of its last
character (an interrupted copy or save), and a file whose lines are partly UTF-8 and partly GB18030 (pieces pasted
together from different sources). Newlines are ``\\r\\n``, ``\\r`` or ``\\n``; none of the encodings read here has
those bytes inside a multi-byte character, so a file can be split into lines before it is decoded.
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from checks.findings import Finding, Message
from checks.model import Position
from checks.oserrors import open_regular

MAX_BYTES = 5 * 1024 * 1024  # a real report is 10–100 KB; anything this large is not one
MAX_INVISIBLE_FINDINGS = 20  # I005 findings per file: the last one counts the lines not listed
# A real report has a few hundred lines (the longest of the real ones here: ~1,500); every later stage costs per
# line, so 5 MB of short lines (2.6 million) would take half a minute and a gigabyte. Refused like a file too large.
MAX_LINES = 50_000
_NEWLINES = re.compile(r"\r\n|\r|\n")
_BYTE_NEWLINES = re.compile(rb"\r\n|\r|\n")
_START = Position(1, 1)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CUT_SHORT = "unexpected end of data"  # the UTF-8 codec's reason for an incomplete last character
_GB_FAMILY = frozenset({"gb2312", "gbk", "gb18030"})  # codecs.lookup's names of the encodings GB18030 contains

# I005: every format (Cf) and control (Cc) character of Unicode 15.0 except tab (line ends are gone by then).
# Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F,
# U+061C), zero-width characters (U+200B–U+200D, U+2060), U+FEFF after the start, the soft hyphen U+00AD, tag
# characters (U+E0000 block), and the C0/C1 controls. Besides: the line and paragraph separators U+2028 and U+2029
# (a line break to some programs and YAML 1.1, nothing to others: line numbers differ between them) and the Hangul
# fillers U+115F, U+1160, U+3164, U+FFA0 (letters that show as blank space). Not the variation selectors: they
# choose a glyph for the character before them (a rare name's ideograph), which a report may need.
# Written out rather than built from unicodedata at import (a scan of 1.1 million code points costs more than
# linting a report); tests/test_bad_inputs.py checks the list against the running Python's Unicode database.
INVISIBLE = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e"
    "\u115f\u1160\u3164\uffa0\u2028\u2029"
    "\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
    "]"
)
_NAMES_SHOWN = 4  # distinct characters a finding names; more are counted
# Control characters have no name in the Unicode database (only aliases); these are the ones a text file shows.
_CONTROL_NAMES = {
    **dict(
        enumerate(
            (
                "NULL",
                "START OF HEADING",
                "START OF TEXT",
                "END OF TEXT",
                "END OF TRANSMISSION",
                "ENQUIRY",
                "ACKNOWLEDGE",
                "BELL",
                "BACKSPACE",
                "CHARACTER TABULATION",
                "LINE FEED",
                "LINE TABULATION",
                "FORM FEED",
                "CARRIAGE RETURN",
                "SHIFT OUT",
                "SHIFT IN",
                "DATA LINK ESCAPE",
                "DEVICE CONTROL ONE",
                "DEVICE CONTROL TWO",
                "DEVICE CONTROL THREE",
                "DEVICE CONTROL FOUR",
                "NEGATIVE ACKNOWLEDGE",
                "SYNCHRONOUS IDLE",
                "END OF TRANSMISSION BLOCK",
                "CANCEL",
                "END OF MEDIUM",
                "SUBSTITUTE",
                "ESCAPE",
                "FILE SEPARATOR",
                "GROUP SEPARATOR",
                "RECORD SEPARATOR",
                "UNIT SEPARATOR",
            )
        )
    ),
    0x7F: "DELETE",
    0x85: "NEXT LINE",
}


class Decoded(NamedTuple):
    """The text of a file split into lines (no line ends), or None when it could not be read."""

    lines: tuple[str, ...] | None
    encoding: str | None
    findings: tuple[Finding, ...]


class _Text(NamedTuple):
    """Decoded text, and the I002 findings about how it was decoded."""

    text: str
    encoding: str
    findings: tuple[Finding, ...] = ()


def _unreadable(zh: str, en: str, pos: Position = _START) -> Decoded:
    return Decoded(None, None, (Finding("I001", pos, Message(zh, en)),))


def read(path: Path, max_bytes: int = MAX_BYTES, declared: Callable[[bytes], str | None] | None = None) -> Decoded:
    """A file's text, reading at most one byte past the limit: enough to know it is too large, in bounded memory.
    ``declared``: the encoding the file itself names (an HTML page's ``<meta charset>``), if its format has one."""
    with open(open_regular(path), "rb") as file:
        data = file.read(max_bytes + 1)
        # The size a too-large file has, not the part of it read (a pipe has no size: what was read is all we know).
        size = max(len(data), os.fstat(file.fileno()).st_size) if len(data) > max_bytes else None
    return decode(data, max_bytes, size, declared(data) if declared is not None and size is None else None)


def decode(data: bytes, max_bytes: int = MAX_BYTES, size: int | None = None, declared: str | None = None) -> Decoded:
    """The text of ``data``; ``size``: the whole file's, when ``data`` is only its first ``max_bytes + 1`` bytes.
    ``declared``: the encoding the file names for itself; trusted (no I002) when the file decodes with it."""
    if len(data) > max_bytes:
        return Decoded(None, None, (too_large(max(size or 0, len(data)), max_bytes),))
    # Lines counted before anything is split or decoded, so that millions are never made: on the bytes, since
    # the encodings read here but UTF-16 have no line-end byte inside a character; UTF-16's on its text.
    utf16 = data.startswith(_UTF16_BOMS)
    count = 0 if utf16 else data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") + 1
    if count > MAX_LINES:
        return Decoded(None, None, (_too_many_lines(count),))
    decoded = _declared_text(data, declared) or _decode_text(data)
    if not isinstance(decoded, _Text) and b"\x00" in data:
        return _unreadable("文件为二进制内容，不是文本报告", "binary file, not a text report")
    if isinstance(decoded, Finding):
        return Decoded(None, None, (decoded,))
    if decoded is None:
        return _unreadable(
            "无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK 或带 BOM 的 UTF-16）",
            "cannot decode the file (neither UTF-8, GB18030/GBK nor UTF-16 with a BOM)",
        )
    text = decoded.text
    if not text.strip():
        return _unreadable("文件为空", "file is empty")
    if "\x00" in text:
        return _unreadable("文件含有空字符（NUL），不是文本报告", "file contains NUL characters; not a text report")
    count = text.count("\n") + text.count("\r") - text.count("\r\n") + 1 if utf16 else 0
    if count > MAX_LINES:
        return Decoded(None, None, (_too_many_lines(count),))
    lines = tuple(_NEWLINES.split(text))
    # One scan over the text finds none in almost every file; only then are lines looked at one by one.
    invisible = invisible_findings(lines) if INVISIBLE.search(text) else ()
    return Decoded(lines, decoded.encoding, decoded.findings + invisible)


def over_limit(zh: str, en: str, limit: int, actual: int | None = None, at: Position = _START) -> Finding:
    """I004: what ``zh``/``en`` say is past ``limit`` (every reader's limits are reported alike)."""
    return Finding("I004", at, Message(zh, en), expected=limit, actual=actual)


def too_large(size: int, max_bytes: int) -> Finding:
    """I004 for a file of ``size`` bytes (every format has the same limit)."""
    return over_limit(
        f"文件过大（{size:,} 字节，上限 {max_bytes:,} 字节），未检查",
        f"file too large ({size:,} bytes, limit {max_bytes:,}); not checked",
        max_bytes,
        size,
    )


def _too_many_lines(count: int) -> Finding:
    return over_limit(
        f"文件行数过多（{count:,} 行，上限 {MAX_LINES:,} 行），未检查",
        f"too many lines ({count:,}, limit {MAX_LINES:,}); not checked",
        MAX_LINES,
        count,
    )


# --- encodings ----------------------------------------------------------------------------------------------------


def _declared_text(data: bytes, declared: str | None) -> _Text | None:
    """The text of a file that names its encoding (GBK pages are published as such: that is no finding)."""
    try:
        encoding = codecs.lookup(declared).name if declared else None
    except LookupError:
        return None
    if encoding not in _GB_FAMILY:
        return None  # UTF-8 and the rest: as any file, so that damage is still found
    if not data.isascii() and _decodes(data, "utf-8"):
        # Chinese text in GBK is practically never valid UTF-8: the page is UTF-8 and names the wrong encoding,
        # so browsers show it garbled. Read it as it is, and say so.
        finding = Finding(
            "I002",
            _START,
            Message(
                f"页面声明的编码是 {declared}，但内容是 UTF-8，浏览器会显示乱码：请把声明改为 UTF-8",
                f"the page declares {declared} but is written in UTF-8, so browsers show it garbled; declare UTF-8",
            ),
            actual="utf-8",
            expected=declared,
        )
        return _Text(data.decode("utf-8").lstrip("\ufeff"), "utf-8", (finding,))
    try:
        return _Text(data.decode("gb18030"), "gb18030")  # the superset: pages labelled gb2312 hold GBK characters
    except UnicodeDecodeError:
        return None


def _decode_text(data: bytes) -> _Text | Finding | None:
    """The text of ``data``; a Finding (I001) when one line cannot be decoded, None when nothing can be."""
    if data.startswith(_UTF16_BOMS):
        return _utf16(data)
    bom = data.startswith(codecs.BOM_UTF8)
    body = data[len(codecs.BOM_UTF8) :] if bom else data
    try:
        return _Text(body.decode("utf-8").lstrip("\ufeff"), "utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError:
        pass
    lines = _BYTE_NEWLINES.split(body)
    # A BOM, or a line that can only be UTF-8, shows the file was written as UTF-8: what is not is damage. (A short
    # GBK line can be valid UTF-8 by chance, "说" is CB B5, but then it is valid GB18030 too: no evidence.)
    last = len(lines) - 1
    if bom or any(_only_utf8(line, number == last) for number, line in enumerate(lines)):
        return _damaged_utf8(lines, bom)
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError:
        return None
    return _Text(text.lstrip("\ufeff"), "gb18030", (_encoding_finding("gb18030"),))


def _encoding_finding(encoding: str) -> Finding:
    return Finding(
        "I002",
        _START,
        Message(f"文件编码为 {encoding}，请另存为 UTF-8", f"file is encoded as {encoding}; save it as UTF-8"),
        actual=encoding,
        expected="utf-8",
    )


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _only_utf8(line: bytes, last: bool) -> bool:
    """Whether a line has non-ASCII text that is UTF-8 (the last line: perhaps cut short) and cannot be GB18030."""
    if line.isascii():
        return False
    utf8 = _decodes(line, "utf-8") or (last and _cut_short(line) is not None)
    return utf8 and not _decodes(line, "gb18030")


def _cut_short(line: bytes) -> int | None:
    """Where the incomplete UTF-8 character that ends ``line`` starts, when that is its only fault and the rest of
    the line shows UTF-8 (a file of ASCII and two odd bytes at the end is as likely GB18030)."""
    try:
        line.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.reason == _CUT_SHORT and error.end == len(line) and not line[: error.start].isascii():
            return error.start
    return None


def _cut_finding(line: int, column: int, count: int) -> Finding:
    return Finding(
        "I002",
        Position(line, column),
        Message(
            f"文件末尾的字符不完整（UTF-8 编码在一个字符中间截断，文件可能没有保存完整），已忽略最后 {count} 个字节",
            f"the file ends in the middle of a character (UTF-8 cut short: the file may be incomplete); "
            f"the last {count} byte(s) were ignored",
        ),
        actual=f"{count} byte(s) of an incomplete character",
        expected="utf-8",
    )


def _damaged_utf8(lines: list[bytes], bom: bool) -> _Text | Finding:
    """A UTF-8 file with lines in GB18030 and/or an incomplete last character, line by line."""
    texts: list[str] = []
    gb_lines: list[int] = []
    cut: tuple[int, int] | None = None  # (line, bytes ignored)
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        start = _cut_short(line) if number == len(lines) else None
        if start is not None:
            texts.append(line[:start].decode("utf-8"))
            cut = (number, len(line) - start)
            continue
        try:
            texts.append(line.decode("gb18030"))
        except UnicodeDecodeError:
            return Finding(
                "I001",
                Position(number, 1),
                Message(
                    "这一行既不是 UTF-8 也不是 GB18030/GBK 编码（文件其余部分是 UTF-8），无法读取文件",
                    "this line is neither UTF-8 nor GB18030/GBK (the rest of the file is UTF-8); cannot read the file",
                ),
            )
        gb_lines.append(number)
    texts[0] = texts[0].lstrip("\ufeff")
    findings: list[Finding] = []
    if gb_lines:
        shown = "、".join(str(n) for n in gb_lines[:3])
        more_zh = f"等共 {len(gb_lines)} 行" if len(gb_lines) > 3 else ""
        more_en = f" and {len(gb_lines) - 3} more" if len(gb_lines) > 3 else ""
        findings.append(
            Finding(
                "I002",
                Position(gb_lines[0], 1),
                Message(
                    f"文件混用了两种编码：第 {shown} 行{more_zh}是 GB18030/GBK，其余是 UTF-8；"
                    "已逐行读取，请把整个文件另存为 UTF-8",
                    f"the file mixes two encodings: line(s) {', '.join(str(n) for n in gb_lines[:3])}{more_en} "
                    "are GB18030/GBK, the rest UTF-8; each line was read as it is, save the whole file as UTF-8",
                ),
                actual="gb18030",
                expected="utf-8",
            )
        )
    if cut is not None:
        number, count = cut
        findings.append(_cut_finding(number, len(texts[number - 1]) + 1, count))
    encoding = ("utf-8-sig" if bom else "utf-8") + ("+gb18030" if gb_lines else "")
    return _Text("\n".join(texts), encoding, tuple(findings))


def _utf16(data: bytes) -> _Text | None:
    # Strict: UTF-16 has no byte patterns to tell damage from binary data that happens to start with FF FE.
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError:
        return None
    return _Text(text.lstrip("\ufeff"), "utf-16", (_encoding_finding("utf-16"),))


# --- I005: invisible and bidirectional control characters ---------------------------------------------------------


def invisible_findings(lines: tuple[str, ...]) -> tuple[Finding, ...]:
    """One finding per line that has such characters, at the first of them; after the first MAX - 1 lines, one
    finding for all the rest."""
    found: list[Finding] = []
    rest = 0  # lines past the limit
    first_rest: Position | None = None
    last_rest = 0
    for number, line in enumerate(lines, start=1):
        match = INVISIBLE.search(line)
        if match is None:
            continue
        pos = Position(number, match.start() + 1)
        if len(found) < MAX_INVISIBLE_FINDINGS - 1:
            found.append(_invisible_finding(pos, INVISIBLE.findall(line, match.start())))
            continue
        rest += 1
        first_rest = first_rest or pos
        last_rest = number
    if rest == 1 and first_rest is not None:  # no need to summarise a single line
        line = lines[first_rest.line - 1]
        found.append(_invisible_finding(first_rest, INVISIBLE.findall(line, first_rest.column - 1)))
    elif first_rest is not None:
        found.append(
            Finding(
                "I005",
                first_rest,
                Message(
                    f"自此行起另有 {rest} 行含有不可见字符或双向控制字符（第 {first_rest.line}–{last_rest} 行，"
                    "不再逐行列出），请删除",
                    f"{rest} more lines from here on (lines {first_rest.line}–{last_rest}) have invisible or "
                    "bidirectional control characters, not listed one by one; delete them",
                ),
                actual=rest,
            )
        )
    return tuple(found)


def _name(char: str) -> str:
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code) or "<control>"
    return f"U+{code:04X} {name}"


def _invisible_finding(pos: Position, chars: list[str]) -> Finding:
    kinds = list(dict.fromkeys(chars))
    shown = [_name(c) for c in kinds[:_NAMES_SHOWN]]
    more = len(kinds) - len(shown)
    return Finding(
        "I005",
        pos,
        Message(
            f"含有不可见字符或双向控制字符 {'、'.join(shown)}{f' 等 {len(kinds)} 种' if more else ''}"
            f"（共 {len(chars)} 个）：显示出来的文字与文件实际保存的不同，请删除",
            f"invisible or bidirectional control character(s) {', '.join(shown)}"
            f"{f' and {more} more kinds' if more else ''} ({len(chars)} in all): the text shown differs from the "
            "text stored; delete them",
        ),
        actual=" ".join(f"U+{ord(c):04X}" for c in kinds),
    )
