"""Every input gives findings or a clear error, never an internal error: the files in tests/fixtures/bad/ and the
huge ones generated here, each through ``zfxxgk-lint check`` (``checks.cli.main``), and I005 in detail.

Exit status: 1 for error-level findings (I001, I004, missing parts …); 0 for warnings only (I002, I005), which
``--strict`` turns into 1; never 2 (an internal error). The YAML inputs of tests/fixtures/bad/ (pass.txt,
fail.txt, alias_bomb.yaml, two_documents.yaml) and 1,000-deep YAML nesting are tested in tests/test_yaml_source.py;
here they are only run through the command line with the rest.
"""

from __future__ import annotations

import codecs
import json
import re
import tracemalloc
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks import reading
from checks.cli import main
from checks.engine import MAX_FINDINGS
from checks.model import Position
from checks.reading import MAX_BYTES, MAX_INVISIBLE_FINDINGS, decode
from checks.specs import national_2021 as nf
from tests.conftest import CLEAN_TEXT, EXAMPLES, Lint, codes

BAD = Path(__file__).parent / "fixtures" / "bad"
CLEAN_LINES = tuple(CLEAN_TEXT.split("\n"))
Found = list[tuple[str, int, int]]  # (rule, line, column) of each finding, in the order reported


def check(path: Path, capsys: pytest.CaptureFixture[str], *options: str) -> tuple[int, list[dict[str, Any]]]:
    """``zfxxgk-lint check --format json [options] path``: its exit status and the file's findings."""
    status = main(["check", "--format", "json", *options, str(path)])
    document = json.loads(capsys.readouterr().out)
    (entry,) = document["files"]
    assert "internal_error" not in entry, entry["internal_error"]
    findings: list[dict[str, Any]] = entry["findings"]
    return status, findings


def where(findings: list[dict[str, Any]]) -> Found:
    return [(f["rule"], f["line"], f["column"]) for f in findings]


def at(text: str, needle: str) -> tuple[int, int]:
    """The 1-based line and column of ``needle`` in ``text`` (lines split as reading splits them)."""
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(needle)


# --- the committed fixtures ---------------------------------------------------------------------------------------


def parts_missing(line: int) -> Found:
    return [("R001", line, 1)]  # all six, one finding


# Each committed file, its exit status and the findings it must give, in order.
EXPECTED: dict[str, tuple[int, Found]] = {
    "empty.txt": (1, [("I001", 1, 1)]),
    "whitespace_only.txt": (1, [("I001", 1, 1)]),
    "binary.txt": (1, [("I001", 1, 1)]),
    "nul_bytes.txt": (1, [("I001", 1, 1)]),
    # No title, no 表二 or 表四, no part: but 表三 itself is read and adds up (no T or A finding).
    # Without their parts, the missing tables are R001's (one finding for the six parts).
    "table_only.txt": (1, [("R005", 1, 1), *parts_missing(28)]),
    # Every part is empty, and the three with a table lack it.
    "headings_only.txt": (
        1,
        [
            ("R005", 1, 1),
            ("R012", 1, 1),
            *[(rule, n, 1) for n in (2, 3, 4) for rule in ("R012", "T001")],
            ("R012", 5, 1),
            ("R012", 6, 1),
        ],
    ),
    # English headings are not the official ones, and there is no table: nothing says it is a report in the
    # national format, so it is reported once as not one (not as six missing parts and three missing tables).
    "english_headings.txt": (1, [("I006", 1, 1)]),
    "mixed_encodings.txt": (0, [("I002", 7, 1)]),
    "alias_bomb.yaml": (1, [("I004", 6, 8)]),
    "two_documents.yaml": (1, [("I003", 4, 1)]),
}
# Checked by their own tests below (positions computed from the file), or as YAML blocks in test_yaml_source.py.
OWN_TESTS = {"truncated_utf8.txt", "bidi_controls.txt", "crlf_newlines.txt", "cr_newlines.txt"}
YAML_BLOCKS = {"pass.txt", "fail.txt"}
NOT_INPUTS = {"README.md", ".gitattributes"}


def test_every_fixture_has_an_expectation() -> None:
    files = {p.name for p in BAD.iterdir()} - NOT_INPUTS
    assert files == set(EXPECTED) | OWN_TESTS | YAML_BLOCKS


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_gives_its_findings(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    status, findings = check(BAD / name, capsys)
    assert (status, where(findings)) == EXPECTED[name]
    assert all(f["message"] for f in findings)


@pytest.mark.parametrize("name", sorted(p.name for p in BAD.iterdir() if p.name not in NOT_INPUTS))
def test_every_fixture_is_findings_never_an_internal_error(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    for output in ("text", "json", "github", "sarif"):
        assert main(["check", "--format", output, str(BAD / name)]) in (0, 1)
        assert "Traceback" not in capsys.readouterr().out
    assert main(["check", "--strict", str(BAD / name)]) == 1  # every one of them has some finding
    capsys.readouterr()


def test_unreadable_files_say_why(capsys: pytest.CaptureFixture[str]) -> None:
    said = {name: check(BAD / name, capsys)[1][0]["message"] for name in EXPECTED if EXPECTED[name][1][0][0] == "I001"}
    assert said == {
        "empty.txt": "文件为空",
        "whitespace_only.txt": "文件为空",
        "binary.txt": "文件为二进制内容，不是文本报告",
        "nul_bytes.txt": "文件含有空字符（NUL），不是文本报告",
    }


def test_mixed_encodings_are_read_line_by_line(capsys: pytest.CaptureFixture[str]) -> None:
    decoded = decode((BAD / "mixed_encodings.txt").read_bytes())
    assert decoded.lines == CLEAN_LINES  # every line as it was written, whichever encoding it was in
    (finding,) = check(BAD / "mixed_encodings.txt", capsys)[1]
    assert finding["message"] == (
        "文件混用了两种编码：第 7、9、11 行等共 8 行是 GB18030/GBK，其余是 UTF-8；已逐行读取，请把整个文件另存为 UTF-8"
    )
    assert main(["check", "--strict", str(BAD / "mixed_encodings.txt")]) == 1


def test_truncated_utf8_is_read_without_its_cut_character(capsys: pytest.CaptureFixture[str]) -> None:
    data = (BAD / "truncated_utf8.txt").read_bytes()
    whole = CLEAN_TEXT.rstrip("\n")
    assert whole.encode("utf-8")[:-1] == data  # the file is clean.txt with its last 。 cut to two of its 3 bytes
    decoded = decode(data)
    assert decoded.lines == tuple(whole[:-1].split("\n"))
    status, findings = check(BAD / "truncated_utf8.txt", capsys)
    last = whole.split("\n")[-1]
    assert (status, where(findings)) == (0, [("I002", len(CLEAN_LINES) - 1, len(last))])
    assert "已忽略最后 2 个字节" in findings[0]["message"] and "截断" in findings[0]["message"]


@pytest.mark.parametrize("name", ["crlf_newlines.txt", "cr_newlines.txt"])
def test_crlf_and_cr_newlines_give_the_findings_of_lf(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    data = (BAD / name).read_bytes()
    faulty = (EXAMPLES / "faulty.txt").read_text(encoding="utf-8")
    assert data == faulty.replace("\n", "\r\n" if name.startswith("crlf") else "\r").encode("utf-8")
    status, findings = check(BAD / name, capsys)
    lf_status, lf_findings = check(EXAMPLES / "faulty.txt", capsys)
    assert len(lf_findings) > 5 and lf_status == status == 1
    assert findings == lf_findings  # rule, position, message and every other field


# --- I005 ---------------------------------------------------------------------------------------------------------


def test_bidi_controls_are_i005_at_the_first_one_of_each_line(capsys: pytest.CaptureFixture[str]) -> None:
    source = (BAD / "bidi_controls.txt").read_text(encoding="utf-8")
    status, findings = check(BAD / "bidi_controls.txt", capsys)
    assert status == 0  # a warning: the report is read and checked as it is stored
    assert where(findings) == [
        ("I005", *at(source, "\ufeff公开\u00ad专栏")),
        ("I005", *at(source, "\u202e未发生")),
        ("I005", *at(source, "\u2066部分")),
    ]
    assert [f["message"] for f in findings] == [
        "含有不可见字符或双向控制字符 U+FEFF ZERO WIDTH NO-BREAK SPACE、U+00AD SOFT HYPHEN（共 2 个）："
        "显示出来的文字与文件实际保存的不同，请删除",
        "含有不可见字符或双向控制字符 U+202E RIGHT-TO-LEFT OVERRIDE、U+202C POP DIRECTIONAL FORMATTING（共 2 个）："
        "显示出来的文字与文件实际保存的不同，请删除",
        "含有不可见字符或双向控制字符 U+2066 LEFT-TO-RIGHT ISOLATE、U+2069 POP DIRECTIONAL ISOLATE、"
        "U+200B ZERO WIDTH SPACE（共 3 个）：显示出来的文字与文件实际保存的不同，请删除",
    ]
    assert [f["actual"] for f in findings] == ["U+FEFF U+00AD", "U+202E U+202C", "U+2066 U+2069 U+200B"]
    assert main(["check", "--strict", str(BAD / "bidi_controls.txt")]) == 1
    capsys.readouterr()
    assert check(BAD / "bidi_controls.txt", capsys, "--ignore", "I005") == (0, [])
    status, english = check(BAD / "bidi_controls.txt", capsys, "--lang", "en")
    assert english[1]["message"] == (
        "invisible or bidirectional control character(s) U+202E RIGHT-TO-LEFT OVERRIDE, "
        "U+202C POP DIRECTIONAL FORMATTING (2 in all): the text shown differs from the text stored; delete them"
    )


@pytest.mark.parametrize("suffix", [".txt", ".md", ".yaml"])
def test_i005_is_found_in_every_source_format(lint: Lint, suffix: str) -> None:
    # Made while reading, before any parser: the same for every format.
    source = "标题: 某局2025年\u202e政府信息公开工作年度报告\n"
    found = [(f.rule, f.pos) for f in lint(source, name="r" + suffix).findings if f.rule == "I005"]
    assert found == [("I005", Position(1, 12))]


def test_i005_can_be_suppressed_on_its_line(lint: Lint) -> None:
    source = CLEAN_TEXT.replace("本年度未收取", "本年度\u200b未收取")
    assert codes(lint(source).findings) == ["I005"]
    quiet = lint(source.replace("本年度\u200b", "# zfxxgk-lint: disable-next-line=I005 原文如此\n本年度\u200b"))
    assert quiet.findings == () and quiet.unused == ()


def test_a_bom_at_the_start_and_tabs_are_not_i005() -> None:
    for data in (
        codecs.BOM_UTF8 + CLEAN_TEXT.encode("utf-8"),
        CLEAN_TEXT.encode("utf-16"),
        b"\x84\x31\x95\x33" + CLEAN_TEXT.encode("gb18030"),  # GB18030's own BOM
    ):
        decoded = decode(data)
        assert decoded.lines == CLEAN_LINES
        assert "I005" not in codes(decoded.findings)
    assert "\t" in CLEAN_TEXT


def test_i005_names_at_most_four_kinds_and_counts_the_rest() -> None:
    line = "一、总体情况\u200b\u200c\u200d\u2060\u202a\u202a\x1b\x7f"
    (finding,) = decode(line.encode("utf-8")).findings
    assert finding.pos == Position(1, 7)
    assert finding.message.zh == (
        "含有不可见字符或双向控制字符 U+200B ZERO WIDTH SPACE、U+200C ZERO WIDTH NON-JOINER、U+200D ZERO WIDTH JOINER、"
        "U+2060 WORD JOINER 等 7 种（共 8 个）：显示出来的文字与文件实际保存的不同，请删除"
    )
    assert finding.actual == "U+200B U+200C U+200D U+2060 U+202A U+001B U+007F"
    (control,) = decode("a\x0cb\x85".encode()).findings
    assert "U+000C FORM FEED、U+0085 NEXT LINE" in control.message.zh


@pytest.mark.parametrize("lines", [MAX_INVISIBLE_FINDINGS - 1, MAX_INVISIBLE_FINDINGS, MAX_INVISIBLE_FINDINGS + 11])
def test_i005_findings_are_capped_and_the_last_counts_the_rest(lines: int) -> None:
    source = "\n".join(f"第{n}行\u200b内容" if n % 2 else "正常的一行" for n in range(1, 2 * lines + 1))
    findings = decode(source.encode("utf-8")).findings
    assert len(findings) == min(lines, MAX_INVISIBLE_FINDINGS)
    shown = lines if lines <= MAX_INVISIBLE_FINDINGS else MAX_INVISIBLE_FINDINGS - 1
    assert [f.pos for f in findings[:shown]] == [Position(2 * n + 1, len(f"第{2 * n + 1}行") + 1) for n in range(shown)]
    if lines > MAX_INVISIBLE_FINDINGS:
        rest = lines - shown
        last = findings[-1]
        assert last.pos == Position(2 * shown + 1, len(f"第{2 * shown + 1}行") + 1)
        assert last.actual == rest == 12
        assert last.message.zh.startswith(
            f"自此行起另有 {rest} 行含有不可见字符或双向控制字符（第 {2 * shown + 1}–{2 * lines - 1} 行"
        )
        assert f"{rest} more lines from here on" in last.message.en


def _all_characters() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)


def test_i005_characters_are_the_format_and_control_characters_of_unicode() -> None:
    everything = _all_characters()
    matched = set(reading.INVISIBLE.findall(everything))
    separators = {c for c in everything if unicodedata.category(c) in ("Zl", "Zp")}
    fillers = {c for c in everything if "HANGUL" in unicodedata.name(c, "") and "FILLER" in unicodedata.name(c, "")}
    assert {f"U+{ord(c):04X}" for c in separators | fillers} == {
        "U+2028",
        "U+2029",
        "U+115F",
        "U+1160",
        "U+3164",
        "U+FFA0",
    }
    wanted = {c for c in everything if unicodedata.category(c) in ("Cf", "Cc")} - set("\t\n\r") | separators | fillers
    assert wanted <= matched, sorted(f"U+{ord(c):04X}" for c in wanted - matched)
    # Besides: characters Unicode assigned after this Python's database (unassigned here, Cn).
    extra = matched - wanted
    assert all(unicodedata.category(c) == "Cn" for c in extra), sorted(f"U+{ord(c):04X}" for c in extra)
    for named in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u200b\u200c\u200d\u2060":
        assert named in matched
    assert {"\ufeff", "\u00ad", "\x1b"} <= matched and not {"\t", " ", "\u3000", "一"} & matched
    assert not {"\ufe00", "\ufe0f", "\U000e0100"} & matched  # variation selectors pick a glyph: not hidden text


_INVISIBLE_SAMPLE = st.sampled_from(
    "\u202e\u202d\u2066\u2069\u200e\u200f\u061c\u200b\u200d\u2060\ufeff\u00ad\x1b\x0b\u2028\u2029\u3164\u115f"
)


@given(
    st.lists(
        st.tuples(st.integers(0, len(CLEAN_LINES) - 1), st.integers(0, 200), _INVISIBLE_SAMPLE),
        min_size=1,
        max_size=12,
    )
)
def test_i005_is_one_finding_per_line_at_its_first_such_character(inserts: list[tuple[int, int, str]]) -> None:
    lines = list(CLEAN_LINES)
    for line, column, char in inserts:
        column %= len(lines[line]) + 1
        lines[line] = lines[line][:column] + char + lines[line][column:]
    source = "\n".join(lines)
    decoded = decode(source.encode("utf-8"))
    read_back = tuple(source.lstrip("\ufeff").split("\n"))  # U+FEFF at the very start is a byte order mark
    assert decoded.lines == read_back
    expected = []
    for number, line in enumerate(read_back, start=1):
        first = min((line.index(c) for c in set(line) if reading.INVISIBLE.fullmatch(c)), default=None)
        if first is not None:
            expected.append(Position(number, first + 1))
    assert [f.pos for f in decoded.findings if f.rule == "I005"] == expected


# --- encodings ----------------------------------------------------------------------------------------------------


def test_gbk_text_that_happens_to_be_valid_utf8_is_still_read_as_gb18030() -> None:
    # "说" is CB B5 in GBK, which is also UTF-8 (U+02F5): a line of it is no evidence of UTF-8.
    source = CLEAN_TEXT.replace("（一）主动公开", "说")
    assert "说".encode("gb18030").decode("utf-8") == "\u02f5"
    decoded = decode(source.encode("gb18030"))
    assert decoded.lines == tuple(source.split("\n"))
    assert [(f.rule, f.pos, f.actual) for f in decoded.findings] == [("I002", Position(1, 1), "gb18030")]


def test_a_line_in_neither_encoding_is_i001_at_that_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lines = [line.encode("utf-8") for line in CLEAN_LINES]
    lines[9] = b"\xff\x80\xfe garbage"
    path = tmp_path / "report.txt"
    path.write_bytes(b"\n".join(lines))
    status, findings = check(path, capsys)
    assert (status, where(findings)) == (1, [("I001", 10, 1)])
    assert "既不是 UTF-8 也不是 GB18030" in findings[0]["message"]


def test_truncated_utf8_after_a_bom_and_in_a_one_line_file() -> None:
    decoded = decode(codecs.BOM_UTF8 + "一、总体情况".encode()[:-1])
    assert decoded.lines == ("一、总体情",)
    assert [(f.rule, f.pos) for f in decoded.findings] == [("I002", Position(1, 6))]
    # ASCII then two odd bytes: no sign of UTF-8, so it is read as GB18030 like any other such file.
    ascii_then_two = decode(b"report\n\xe4\xb8")
    assert ascii_then_two.encoding == "gb18030" and codes(ascii_then_two.findings) == ["I002"]


_LINE_TEXT = st.text(st.sampled_from("一二三、（）总计年报告政府信息公开申请件说明其他abc 0123"), max_size=12)


@given(
    st.lists(st.tuples(_LINE_TEXT, st.sampled_from(["utf-8", "gb18030"])), min_size=1, max_size=12),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.integers(0, 3),
)
def test_lines_in_either_encoding_read_back(lines: list[tuple[str, str]], newline: str, cut: int) -> None:
    """Lines each in UTF-8 or GB18030, the last perhaps cut short: whatever decoding is chosen, the lines written in
    it come back as they were, and never an exception."""
    data = newline.encode().join(line.encode(encoding) for line, encoding in lines)
    data = data[: len(data) - cut] if cut < len(lines[-1][0].encode(lines[-1][1])) else data
    decoded = decode(data)
    if decoded.lines is None or not decoded.encoding:
        assert codes(decoded.findings) == ["I001"]
        return
    assert len(decoded.lines) == len(lines)
    chosen = "gb18030" if decoded.encoding == "gb18030" else "utf-8"
    for number, ((line, encoding), read_back) in enumerate(zip(lines, decoded.lines, strict=True), start=1):
        if encoding == chosen and (number < len(lines) or data.endswith(line.encode(encoding))):
            assert read_back == line


# --- huge inputs, generated ---------------------------------------------------------------------------------------


def test_a_50_mb_file_is_i004_without_being_read_whole(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    size = 50 * 1024 * 1024
    block = CLEAN_TEXT.encode("utf-8")
    with path.open("wb") as file:
        for _ in range(size // len(block)):
            file.write(block)
        file.write(block[: size % len(block)])
    assert path.stat().st_size == size
    seen: list[int] = []
    real_decode = reading.decode

    def spy(data: bytes, *args: Any) -> reading.Decoded:
        seen.append(len(data))
        return real_decode(data, *args)

    monkeypatch.setattr(reading, "decode", spy)
    tracemalloc.start()
    try:
        status, findings = check(path, capsys)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert seen == [MAX_BYTES + 1]  # read stopped one byte past the limit
    assert peak < 3 * MAX_BYTES < size  # and no more than that was held: memory bounded by the limit, not the file
    assert (status, where(findings)) == (1, [("I004", 1, 1)])
    assert (findings[0]["expected"], findings[0]["actual"]) == (MAX_BYTES, size)  # the file's size, not the part read
    assert findings[0]["message"] == f"文件过大（{size:,} 字节，上限 {MAX_BYTES:,} 字节），未检查"


def _t3_row_index(label: str) -> int:
    return next(i for i, line in enumerate(CLEAN_LINES) if label in line.split("\t"))


def test_a_10000_line_table_is_findings_up_to_the_cap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 表三's （七）总计 row pasted 10,000 more times: each copy is a repeated row (T002), nothing else changes; the
    # first MAX_FINDINGS are listed, then one I004 counts the rest, as severe as they are.
    index = _t3_row_index("（七）总计")
    lines = [*CLEAN_LINES[: index + 1], *[CLEAN_LINES[index]] * 10_000, *CLEAN_LINES[index + 1 :]]
    path = tmp_path / "long.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    status, findings = check(path, capsys)
    assert status == 1
    listed = [("T002", index + 2 + n, 2) for n in range(MAX_FINDINGS)]
    assert where(findings) == [*listed, ("I004", index + 2 + MAX_FINDINGS, 2)]
    note = findings[-1]
    assert (note["severity"], note["actual"]) == ("error", 10_000 - MAX_FINDINGS)
    assert f"另有 {10_000 - MAX_FINDINGS:,} 项未列出" in note["message"]


@pytest.mark.parametrize("table", ["t3", "t4", "t3 pipes"])
def test_a_row_of_500_cells_is_one_t003(tmp_path: Path, capsys: pytest.CaptureFixture[str], table: str) -> None:
    lines = list(CLEAN_LINES)
    if table.startswith("t3"):
        index = _t3_row_index("（七）总计")
        lines[index] += "\t0" * (500 - len(lines[index].split("\t")))
        if table.endswith("pipes"):
            lines[index] = " | ".join(lines[index].split("\t")) + " |"
        column = lines[index].index("（七）总计") + 1
    else:
        index = next(i for i, line in enumerate(lines) if line.count("\t") == len(nf.T4_COLUMNS) - 1 and line[0] == "1")
        lines[index] = "\t".join(["0"] * 500)
        column = 1
    path = tmp_path / "wide.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    status, findings = check(path, capsys)
    assert (status, where(findings)) == (1, [("T003", index + 1, column)])
    said = "表四数据行有 500 个数值，应为 15 个" if table == "t4" else "表三「（七）总计」行有 497 个数值，应为 7 个"
    assert findings[0]["message"].startswith(said + "，无法确定各数字所属的列")


def test_1000_deep_front_matter_is_i004(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # The .yaml case is in test_yaml_source.py; Markdown front matter goes through the same bounded loader.
    path = tmp_path / "deep.md"
    path.write_text("---\n机关: " + "[" * 1000 + "]" * 1000 + "\n---\n" + CLEAN_TEXT, encoding="utf-8")
    status, findings = check(path, capsys)
    assert status == 1
    assert [f["rule"] for f in findings] == ["I004"] and findings[0]["line"] == 2
    assert "RecursionError" not in json.dumps(findings)


# --- found while fuzzing: fixes belong in files this module's author does not own ----------------------------------


def test_text_output_never_carries_control_characters_from_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.txt"
    path.write_text(CLEAN_TEXT.replace("行政许可\t36", "行政许可\t\x1b[2J\x1b]0;owned\x0736\u202e"), encoding="utf-8")
    assert main(["check", "--color", "never", str(path)]) == 1
    out = capsys.readouterr().out
    assert "I005" in out and "     35 | 行政许可" in out  # found, and the line is quoted
    assert not reading.INVISIBLE.search(out.replace("\n", "").replace("\t", "")), ascii(out)


def test_a_t3_row_without_a_label_is_a_finding(lint: Lint) -> None:
    index = _t3_row_index("（七）总计")
    lines = [*CLEAN_LINES[: index + 1], "\t\t\t1\t1\t1\t1\t1\t1\t6", *CLEAN_LINES[index + 1 :]]
    findings = lint("\n".join(lines)).findings
    assert [(f.rule, f.pos.line, f.table) for f in findings] == [("T002", index + 2, "t3")]
    assert "没有行标签" in findings[0].message.zh
