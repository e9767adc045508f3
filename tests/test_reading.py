"""Bytes to text: every encoding a government file arrives in, and every way a file can be unreadable."""

from __future__ import annotations

import codecs

from checks.reading import decode
from tests.conftest import CLEAN_TEXT, Lint, codes


def test_utf8_with_and_without_bom_read_alike() -> None:
    plain = decode(CLEAN_TEXT.encode("utf-8"))
    bom = decode(codecs.BOM_UTF8 + CLEAN_TEXT.encode("utf-8"))
    assert plain.lines == bom.lines
    assert plain.findings == bom.findings == ()


def test_utf16_with_bom_is_read_with_a_warning() -> None:
    decoded = decode(CLEAN_TEXT.encode("utf-16"))
    assert decoded.lines == decode(CLEAN_TEXT.encode("utf-8")).lines
    assert codes(decoded.findings) == ["I002"]


def test_gb18030_is_read_with_a_warning(lint: Lint) -> None:
    result = lint(CLEAN_TEXT.encode("gb18030"))
    assert codes(result.findings) == ["I002"]
    assert result.findings[0].pos.line == 1


def test_crlf_and_cr_newlines_keep_line_numbers(lint: Lint) -> None:
    broken = CLEAN_TEXT.replace("行政许可\t36", "行政许可\t三十六")
    expected = [(f.rule, f.pos) for f in lint(broken).findings]
    assert expected and expected[0][0] == "T004"
    for newline in ("\r\n", "\r"):
        result = lint(broken.replace("\n", newline).encode("utf-8"))
        assert [(f.rule, f.pos) for f in result.findings] == expected


def test_empty_whitespace_binary_and_undecodable_files_give_i001(lint: Lint) -> None:
    for data in (b"", b" \n\t\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xfe\xfd" * 10 + b"\x80"):
        result = lint(data)
        assert codes(result.findings) == ["I001"], data
        assert result.crash is None


def test_nul_bytes_in_text_give_i001(lint: Lint) -> None:
    assert codes(lint(CLEAN_TEXT.encode("utf-8") + b"\x00").findings) == ["I001"]


def test_oversized_file_gives_i004_without_reading_it_all(lint: Lint) -> None:
    from checks import reading

    big = decode(b"x" * (reading.MAX_BYTES + 1))
    assert codes(big.findings) == ["I004"]
    assert big.lines is None


def test_unsupported_file_type_gives_i001(lint: Lint) -> None:
    result = lint(CLEAN_TEXT, name="report.xlsx")
    assert codes(result.findings) == ["I001"]
    assert "report.xlsx" not in result.findings[0].message.zh and ".xlsx" in result.findings[0].message.zh
