"""Bytes to text: encodings, BOMs, newlines, size limits. Problems become findings, never exceptions."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from checks.findings import Finding, Message
from checks.model import Position

MAX_BYTES = 5 * 1024 * 1024  # a real report is 10–100 KB; anything this large is not one
_NEWLINES = re.compile(r"\r\n|\r|\n")
_START = Position(1, 1)


@dataclass(frozen=True, slots=True)
class Decoded:
    """The text of a file split into lines (no line ends), or None when it could not be read."""

    lines: tuple[str, ...] | None
    encoding: str | None
    findings: tuple[Finding, ...]


def _unreadable(zh: str, en: str) -> Decoded:
    return Decoded(None, None, (Finding("I001", _START, Message(zh, en)),))


def read(path: Path, max_bytes: int = MAX_BYTES) -> Decoded:
    """A file's text, reading at most one byte past the limit: enough to know it is too large, in bounded memory."""
    with path.open("rb") as file:
        return decode(file.read(max_bytes + 1), max_bytes)


def decode(data: bytes, max_bytes: int = MAX_BYTES) -> Decoded:
    if len(data) > max_bytes:
        return Decoded(
            None,
            None,
            (
                Finding(
                    "I004",
                    _START,
                    Message(
                        f"文件过大（{len(data):,} 字节，上限 {max_bytes:,} 字节），未检查",
                        f"file too large ({len(data):,} bytes, limit {max_bytes:,}); not checked",
                    ),
                    expected=max_bytes,
                    actual=len(data),
                ),
            ),
        )
    text, encoding = _decode_text(data)
    if text is None:
        if b"\x00" in data:
            return _unreadable("文件为二进制内容，不是文本报告", "binary file, not a text report")
        return _unreadable(
            "无法识别文件编码（既不是 UTF-8，也不是 GB18030/GBK 或带 BOM 的 UTF-16）",
            "cannot decode the file (neither UTF-8, GB18030/GBK nor UTF-16 with a BOM)",
        )
    if not text.strip():
        return _unreadable("文件为空", "file is empty")
    if "\x00" in text:
        return _unreadable("文件含有空字符（NUL），不是文本报告", "file contains NUL characters; not a text report")
    findings: tuple[Finding, ...] = ()
    if encoding not in ("utf-8", "utf-8-sig"):
        findings = (
            Finding(
                "I002",
                _START,
                Message(
                    f"文件编码为 {encoding}，请另存为 UTF-8",
                    f"file is encoded as {encoding}; save it as UTF-8",
                ),
                actual=encoding,
                expected="utf-8",
            ),
        )
    return Decoded(tuple(_NEWLINES.split(text)), encoding, findings)


def _decode_text(data: bytes) -> tuple[str | None, str | None]:
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding).lstrip("\ufeff"), encoding
            except UnicodeDecodeError:
                return None, None
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return None, None
